"""`bloc`: one command for the site's authors. Each subcommand lives in its own module,
imported only when it runs (so `bloc check` never pays for importing Pelican)."""

from __future__ import annotations

import argparse
import importlib
import sys

from .i18n import LANGS, _, activate, choose_lang, gettext_noop, lang_in

# name -> (module, one-line help). Every text shown in --help goes through the catalogue
# (plugins/bloc_cli/locale): a new command's help is translated once its strings are there.
COMMANDS = {
    "new": ("new", gettext_noop(
        "start a new news item (Vietnamese original + English translation), as a draft")),
    "check": ("check", gettext_noop("check every news item and registry, without building the site")),
    "import": ("importing", gettext_noop(
        "turn an article from the old website (plain text) into a draft news item")),
    "build": ("build", gettext_noop("build the site into output/")),
    "devserver": ("devserver", gettext_noop(
        "preview the site at http://localhost:8000, rebuilt on every change")),
    "schema": ("schema", gettext_noop("regenerate the JSON Schemas in schema/ (from the models)")),
    "translated": ("translated", gettext_noop(
        "mark an item's English file as translated from the current Vietnamese file")),
    "docs": ("docs", gettext_noop(
        "regenerate the field reference and the message tables in docs/ (from the content model)")),
    "cms": ("cms", gettext_noop(
        "edit in the browser: decap-server and the dev server together (Ctrl+C stops both)")),
    "cms-config": ("cms_config", gettext_noop(
        "regenerate schema/cms-config.yml, the browser editor's forms (from the content model)")),
}


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    """The parser, its texts in the active language (call `activate` first)."""
    parser = argparse.ArgumentParser(
        prog="bloc",
        description=_("Write, check, import and preview the news items of the bloc's website. "
                      "Run 'bloc COMMAND --help' for the details of a command."),
        epilog=_("Guide for authors: docs/huong-dan.md (Tiếng Việt), docs/guide.en.md (English)."),
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS,
                        help=_("language of messages: vi or en (default: from LANG, else vi)"))
    common.add_argument("--root", default=argparse.SUPPRESS, metavar=_("FOLDER"),
                        help=_("the site's folder (default: the current folder)"))
    parser.add_argument("--lang", choices=LANGS, default=None,
                        help=_("language of messages: vi or en (default: from LANG, else vi)"))
    parser.add_argument("--root", default=".", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), title=_("commands"))
    for name, (_module, text) in COMMANDS.items():
        text = _(text)
        command = sub.add_parser(name, parents=[common], help=text, description=text[0].upper() + text[1:] + ".")
        ADD_ARGUMENTS[name](command, argv)
    return parser


def _new(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--title", required=True, metavar=_("TITLE"), help=_('the Vietnamese title, in quotes: --title "Hội nghị sơ kết ..."'))
    p.add_argument("--date", metavar=_("DATE"), help=_("the day of the event, YYYY-MM-DD (default: today)"))
    p.add_argument("--kind", metavar=_("KIND"), help=_("the kind of event, e.g. hoi-nghi-so-ket (see content/data/event_kinds.yaml)"))


def _check(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help=_("text: one line per problem (default); json: a list for CI annotations"))


def _import(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("src", metavar=_("SRC"), help=_("the old article (a UTF-8 text file), or a folder of them"))
    p.add_argument("--out", default="content/news", metavar=_("FOLDER"), help=_("where news items live (default: content/news)"))
    p.add_argument("--title", metavar=_("TITLE"), help=_("the title to use (the old texts often have none)"))
    p.add_argument("--date", metavar=_("DATE"), help=_("the day of the event, YYYY-MM-DD, when the text does not say"))


def _build(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--settings", default="pelicanconf.py", metavar=_("FILE"), help=_("settings file (publishconf.py for production)"))
    p.add_argument("--content", metavar=_("FOLDER"), help=_("content folder to build instead of the one in the settings"))
    p.add_argument("--output", metavar=_("FOLDER"), help=_("output folder instead of the one in the settings"))
    p.add_argument("--cache", metavar=_("FOLDER"), help=_("folder for Pelican's content cache instead of the one in the settings"))
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("-v", "--verbose", action="store_true", help=_("also print every step of the build"))
    shown.add_argument("--quiet", action="store_true", help=_("only print problems"))
    p.add_argument("--preview", action="store_true",
                   help=_("also show drafts and items not yet due, under a banner (bloc devserver; never publish it)"))
    p.add_argument("--cold", action="store_true",
                   help=_("render every page again instead of reusing the unchanged ones of the previous build"))
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help=_("text: the summary for a person (default); json: the same for CI, on standard output"))


def _devserver(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--port", type=int, default=8000, metavar=_("PORT"), help=_("the port to serve on (default: 8000)"))
    p.add_argument("--settings", default="pelicanconf.py", metavar=_("FILE"), help=_("Pelican settings file (default: pelicanconf.py)"))


def _schema(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--out", default="schema", metavar=_("FOLDER"), help=_("folder for the schema files (default: schema)"))
    p.add_argument("--settings", default="pelicanconf.py", metavar=_("FILE"), help=_("Pelican settings file (default: pelicanconf.py)"))


def _translated(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("item", metavar=_("ITEM"), help=_("the item's folder, e.g. content/news/2024/ten-tin"))


def _docs(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--out", default="docs", metavar=_("FOLDER"), help=_("the documentation folder (default: docs)"))


def _cms_config(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--out", default="schema/cms-config.yml", metavar=_("FILE"),
                   help=_("the file to write (default: schema/cms-config.yml)"))
    p.add_argument("--settings", default="pelicanconf.py", metavar=_("FILE"),
                   help=_("settings to take the repository, branch and backend from (publishconf.py for production)"))


def _cms(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--port", type=int, default=8000, metavar=_("PORT"), help=_("the dev server's port (default: 8000)"))
    p.add_argument("--settings", default="pelicanconf.py", metavar=_("FILE"),
                   help=_("Pelican settings file; BLOC_CMS_LOCAL_BACKEND gives decap-server's port (default: pelicanconf.py)"))


ADD_ARGUMENTS = {"new": _new, "check": _check, "import": _import, "build": _build,
                 "devserver": _devserver, "schema": _schema, "translated": _translated, "docs": _docs,
                 "cms": _cms,
                 "cms-config": _cms_config}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = activate(choose_lang(lang_in(argv)))
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    args.lang = lang
    if not args.command:
        parser.print_help()
        return 2
    module = importlib.import_module(f".{COMMANDS[args.command][0]}", __package__)
    run = module.run_build if args.command == "build" else module.run
    try:
        return run(args)
    except KeyboardInterrupt:
        print(_("Stopped."), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
