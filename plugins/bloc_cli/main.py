"""`bloc`: one command for the site's authors. Each subcommand lives in its own module,
imported only when it runs (so `bloc check` never pays for importing Pelican)."""

from __future__ import annotations

import argparse
import importlib
import sys

from .i18n import LANGS, _, activate, choose_lang

COMMANDS = {  # name -> (module, one-line help)
    "new": ("new", "start a new news item (Vietnamese original + English translation), as a draft"),
    "check": ("check", "check every news item and registry, without building the site"),
    "import": ("importing", "turn an article from the old website (plain text) into a draft news item"),
    "build": ("build", "build the site into output/"),
    "devserver": ("devserver", "preview the site at http://localhost:8000, rebuilt on every change"),
    "schema": ("schema", "regenerate schema/item.schema.json for editors (from the content model)"),
    "translated": ("translated", "mark an item's English file as translated from the current Vietnamese file"),
    "docs": ("docs", "regenerate the field reference and the message tables in docs/ (from the content model)"),
}


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bloc",
        description="Write, check, import and preview the news items of the bloc's website. "
                    "Run 'bloc COMMAND --help' for the details of a command.",
        epilog="Guide for authors: docs/huong-dan.md (Tiếng Việt), docs/guide.en.md (English).",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS,
                        help="language of messages: vi or en (default: from LANG, else vi)")
    common.add_argument("--root", default=argparse.SUPPRESS,
                        help="the site's folder (default: the current folder)")
    parser.add_argument("--lang", choices=LANGS, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--root", default=".", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_module, text) in COMMANDS.items():
        command = sub.add_parser(name, parents=[common], help=text, description=text[0].upper() + text[1:] + ".")
        ADD_ARGUMENTS[name](command, argv)
    return parser


def _new(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--title", required=True, help='the Vietnamese title, in quotes: --title "Hội nghị sơ kết ..."')
    p.add_argument("--date", help="the day of the event, YYYY-MM-DD (default: today)")
    p.add_argument("--kind", help="the kind of event, e.g. hoi-nghi-so-ket (see content/data/event_kinds.yaml)")


def _check(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text: one line per problem (default); json: a list for CI annotations")


def _import(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("src", metavar="SRC", help="the old article, a UTF-8 text file")
    p.add_argument("--out", default="content/news", help="where news items live (default: content/news)")
    p.add_argument("--title", help="the title to use (the old texts often have none)")
    p.add_argument("--date", help="the day of the event, YYYY-MM-DD, when the text does not say")


def _build(p: argparse.ArgumentParser, argv: list[str]) -> None:
    if "build" in argv:  # only then is Pelican worth importing
        from . import build

        build.add_arguments(p)


def _devserver(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--port", type=int, default=8000, help="the port to serve on (default: 8000)")
    p.add_argument("--settings", default="pelicanconf.py", help="Pelican settings file (default: pelicanconf.py)")


def _schema(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--out", default="schema", help="folder for the schema files (default: schema)")


def _translated(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("item", metavar="ITEM", help="the item's folder, e.g. content/news/2024/ten-tin")


def _docs(p: argparse.ArgumentParser, argv: list[str]) -> None:
    p.add_argument("--out", default="docs", help="the documentation folder (default: docs)")


ADD_ARGUMENTS = {"new": _new, "check": _check, "import": _import, "build": _build,
                 "devserver": _devserver, "schema": _schema, "translated": _translated, "docs": _docs}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    args.lang = activate(choose_lang(args.lang))
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
