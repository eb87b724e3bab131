"""`bloc cms`: edit in the browser. Starts decap-server (saving straight into the working
copy, bound to 127.0.0.1) and the dev server together; Ctrl+C stops both."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from .i18n import _

DECAP_SERVER = Path("node_modules") / "decap-server" / "dist" / "index.js"


def backend_port(root: Path, settings_file: str) -> int:
    """decap-server's port: the one the CMS configuration points at (BLOC_CMS_LOCAL_BACKEND)."""
    from pelican.settings import read_settings

    url = read_settings(str(root / settings_file)).get("BLOC_CMS_LOCAL_BACKEND") or ""
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost") or not parts.port:
        raise ValueError(url)
    return parts.port


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run(args) -> int:
    root = Path(args.root).resolve()
    # The site's own node_modules, else the one of this checkout (a site kept elsewhere).
    candidates = [root / DECAP_SERVER, Path(__file__).resolve().parents[2] / DECAP_SERVER]
    server = next((c for c in candidates if c.is_file()), None)
    if server is None:
        print(_("error: decap-server is not installed ({path}); run `make cms-bundle`", path=DECAP_SERVER.as_posix()),
              file=sys.stderr)
        return 2
    try:
        port = backend_port(root, args.settings)
    except ValueError as url:
        print(_("error: BLOC_CMS_LOCAL_BACKEND must be an address on 127.0.0.1 with a port, not '{url}'", url=url),
              file=sys.stderr)
        return 2
    env = {**os.environ, "MODE": "fs", "BIND_HOST": "127.0.0.1", "PORT": str(port),
           "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "warn"}
    processes = [
        subprocess.Popen(["node", str(server)], cwd=root, env=env),
        subprocess.Popen([sys.executable, "-m", "bloc_cli.main", "--root", str(root), "--lang", args.lang,
                          "devserver", "--port", str(args.port), "--settings", args.settings], cwd=root),
    ]
    print(_("Editor: http://localhost:{port}/admin/ (saves into {root})", port=args.port, root=root), file=sys.stderr)
    print(_("decap-server: http://127.0.0.1:{port}/api/v1 (press Ctrl+C to stop both)", port=port), file=sys.stderr)
    try:
        while all(p.poll() is None for p in processes):
            time.sleep(0.3)
        print(_("error: a server stopped; stopping the other"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("Stopped."), file=sys.stderr)
        return 130
    finally:
        stop(processes)
