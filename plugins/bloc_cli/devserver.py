"""`bloc devserver`: a preview of the site, drafts and embargoed items included (each with a
"Draft" banner), rebuilt on every change to content, theme, plugins or settings. It is built
into output.preview/, never into output/, so a preview is never published by mistake.

A save that touches only item folders shows those items' own pages first, in about a second
(quick_preview.py: the items alone are built beside the preview and their pages moved in).
Then, and on every other change, `bloc build` runs in a child of this process, which stays
warm: the libraries, the content model and the compiled templates are loaded once, and pages
whose fingerprint did not change are reused (bloc_render), so a save costs an incremental
build. A save during that build stops it and starts again (background_build.py). An edit
under plugins/ (code, message catalogues) restarts the process, which then runs the new code. While the last build failed, every page request gets an error page listing the
problems (the previous preview stays in output.preview/, but for the pages of a saved item
whose quick build succeeded); it reloads itself every few seconds and shows the site again
once a build succeeds.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import html
import io
import os
import signal
import sys
import threading
import traceback
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .background_build import BackgroundBuilds
from .i18n import _

WATCHED = ("content", "theme", "plugins")
IGNORED_SUFFIXES = (".mo", ".pyc", ".tmp")  # files a build itself may write: no rebuild loops


class State:
    def __init__(self) -> None:
        self.errors: str | None = None
        self.errors_are_quick = False  # from a quick preview: the next good one clears them
        self.owners: dict[str, str] = {}  # article page -> its item file, in output.preview/
        self.lock = threading.Lock()


def error_page(report: str, title: str) -> bytes:
    return (
        "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"3\">"
        f"<title>{html.escape(title)}</title><body style=\"font-family:sans-serif;margin:2em\">"
        f"<h1 style=\"color:#a00\">{html.escape(title)}</h1>"
        f"<pre style=\"white-space:pre-wrap;font-size:15px\">{html.escape(report)}</pre></body></html>"
    ).encode()


class Handler(SimpleHTTPRequestHandler):
    state: State = State()

    def do_GET(self) -> None:
        page = self.path.split("?")[0]
        if self.state.errors is not None and (page.endswith(("/", ".html")) or "." not in page.rsplit("/", 1)[-1]):
            body = error_page(self.state.errors, _("The last build failed: fix these problems and save"))
            self.send_response(500)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format: str, *args) -> None:  # quiet: the terminal is for build messages
        pass


PREVIEW_OUTPUT = "output.preview"  # never output/: a preview shows drafts and must not be published


def preview_build_args(root: Path, settings: str, lang: str, page_sources: dict | None = None) -> argparse.Namespace:
    """What `bloc build --preview --quiet` into output.preview/ would parse to; `page_sources`
    collects which item file each article page shows."""
    return argparse.Namespace(root=str(root), settings=settings, content=None, output=str(root / PREVIEW_OUTPUT),
                              cache=str(root / ".cache" / "preview"), verbose=False, quiet=True, preview=True,
                              format="text", cold=False, lang=lang, page_sources=page_sources)


def full_build(root: Path, settings: str, lang: str) -> list:
    """One preview build (in whichever process runs it): [exit status, what it printed,
    {article page: its item file}], all JSON values for background_build.py's pipe."""
    from . import quick_preview
    from .build import run_build

    quick_preview.listen()
    captured = io.StringIO()
    sources: dict[str, str] = {}
    try:
        with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
            code = run_build(preview_build_args(root, settings, lang, sources))
    except Exception:  # a bug, not bad content: show it, keep serving the previous preview
        captured.write(traceback.format_exc())
        code = 1
    return [code, captured.getvalue().strip(), sources]


def record_build(state: State, result: list | None) -> bool:
    """A build's result to the terminal and, when it failed, to the browser."""
    code, report, sources = result if result is not None else (1, _("The build process ended without a result."), {})
    with state.lock:
        state.errors = None if code == 0 else (report or _("The build failed."))
        state.errors_are_quick = False
        if code == 0:
            state.owners = sources
    if code == 0:
        print(_("Build succeeded."), file=sys.stderr)
    else:
        print(report, file=sys.stderr)
        print(_("Build failed: the browser shows the problems until they are fixed."), file=sys.stderr)
    return code == 0


def rebuild(root: Path, settings: str, state: State, lang: str = "vi") -> bool:
    """One preview build in this process."""
    return record_build(state, full_build(root, settings, lang))


def show_saved_items(root: Path, settings: str, folders: list[Path], state: State, lang: str = "vi") -> bool:
    """The quick preview of the saved item folders: their pages into output.preview/, or their
    problems to the browser. True when it placed pages."""
    from . import quick_preview
    from .build import _lock
    from .report import format_duration

    final = root / PREVIEW_OUTPUT
    try:
        quick = quick_preview.build(settings, folders, root / quick_preview.SIDE, lang)
    except Exception:  # a bug: the full build that follows shows what is wrong
        print(traceback.format_exc(), file=sys.stderr)
        return False
    if not quick.ok:
        with state.lock:
            state.errors, state.errors_are_quick = "\n".join(quick.problems) or _("The build failed."), True
        print(_("Quick preview: the saved item has problems; the browser shows them."), file=sys.stderr)
        return False
    with _lock(final) as locked:
        if not locked:
            return False  # a `bloc build` of the preview runs: its result will show
        with state.lock:
            placed = quick_preview.place(quick, root / quick_preview.SIDE, final, state.owners)
            if placed and state.errors_are_quick:
                state.errors, state.errors_are_quick = None, False
    took = format_duration(quick.seconds, lang)
    for page in placed:
        print(_("Quick preview ({took}): /{page}", took=took, page=page.removesuffix("index.html")), file=sys.stderr)
    return bool(placed)


def warm_quick_preview(root: Path, settings: str, state: State, lang: str) -> None:
    """One quick build of an item before the first save, its pages not placed: the first save
    then finds the templates compiled and the modules imported, as every later one does."""
    from . import quick_preview

    sources = sorted(set(state.owners.values()))
    if not sources:
        return
    try:
        quick_preview.build(settings, [Path(sources[0]).parent], root / quick_preview.SIDE, lang)
    except Exception:  # the first save will say what is wrong
        return


def code_changed(changes, root: Path) -> bool:
    """A change under plugins/ (code, or a catalogue of messages read once per process):
    this process still holds the old one."""
    plugins = root / "plugins"
    return any(Path(path).is_relative_to(plugins) for _change, path in changes)


def restart() -> None:
    """Run the dev server again in this process's place, with the same arguments."""
    print(_("Plugin code changed: restarting the dev server..."), file=sys.stderr)
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "bloc_cli", *sys.argv[1:]])


def saved_item_folders(changes, settings: str) -> list[Path] | None:
    """The item folders a save touched, when it touched nothing else (quick_preview.py)."""
    from . import quick_preview

    try:
        return quick_preview.item_folders(changes, *quick_preview.where_items_are(settings))
    except Exception:  # settings that do not read: the full build says why
        return None


def _stop_on_term(_signum, _frame) -> None:
    raise KeyboardInterrupt


def run(args) -> int:
    import watchfiles

    root = Path(args.root).resolve()
    os.chdir(root)  # the settings name paths from the project's folder, as `bloc build` run there
    output = root / PREVIEW_OUTPUT
    output.mkdir(exist_ok=True)
    state = State()
    lang = getattr(args, "lang", None) or "vi"
    rebuild(root, args.settings, state, lang)
    warm_quick_preview(root, args.settings, state, lang)
    handler = type("BlocHandler", (Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", args.port), functools.partial(handler, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(_("Preview at http://localhost:{port}/ (press Ctrl+C to stop).", port=args.port), file=sys.stderr)
    class Filter(watchfiles.DefaultFilter):
        def __call__(self, change, path: str) -> bool:
            return super().__call__(change, path) and not path.endswith(IGNORED_SUFFIXES)

    paths = [root / name for name in WATCHED if (root / name).exists()] + [root / args.settings]
    # After the first build, each full build runs in a child of this warm process, which a new
    # save stops (background_build.py); the saved item shows meanwhile (quick_preview.py).
    builds = BackgroundBuilds(functools.partial(full_build, root, args.settings, lang),
                              functools.partial(record_build, state), after_fork=server.socket.close)
    signal.signal(signal.SIGTERM, _stop_on_term)  # as Ctrl+C: the build in progress is stopped too
    try:
        for changes in watchfiles.watch(*[p for p in paths if p.exists()], debounce=400, watch_filter=Filter()):
            if builds.stop():
                print(_("A newer change stopped the build in progress."), file=sys.stderr)
            if code_changed(changes, root):
                server.shutdown()
                server.server_close()  # the new process listens on the same port
                restart()
            folders = saved_item_folders(changes, args.settings)
            if folders:
                show_saved_items(root, args.settings, folders, state, lang)
            print(_("Change seen: rebuilding..."), file=sys.stderr)
            builds.start()
    finally:
        builds.stop()
        server.shutdown()
    return 0
