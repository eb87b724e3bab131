"""Helpers of the browser tests: where the pages of a built site are, Chromium, axe, vnu."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANGS = ("vi", "en")
# Page types of the site, each with its key in BLOC_URLS (None: found by file name).
KINDS = {
    "home": "home",
    "item": "article",
    "years": "years",
    "year": "year",
    "members": "members",
    "member": "member",
    "search": "search",
    "404": None,
}
SEARCH_BUNDLE = "pagefind"

SitePages = dict[tuple[str, str], str]


def site_urls() -> dict:
    """BLOC_URLS of pelicanconf.py, the one table of the site's URLs."""
    spec = importlib.util.spec_from_file_location("_bloc_pelicanconf", ROOT / "pelicanconf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.BLOC_URLS


def _pattern(url_pattern: str) -> re.Pattern:
    regex = re.escape(url_pattern)
    regex = re.sub(r"\\\{(year|date:%Y)\\\}", r"\\d{4}", regex)
    regex = re.sub(r"\\\{\w+\\\}", r"[^/]+", regex)
    return re.compile(f"^{regex}$")


def page_urls(output: Path) -> list[str]:
    """Site-relative URLs of every HTML page ('' is the home page), search bundle excluded."""
    urls = []
    for path in sorted(output.rglob("*.html")):
        relative = path.relative_to(output).as_posix()
        if relative.startswith(SEARCH_BUNDLE + "/"):
            continue
        urls.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return urls


def find_pages(output: Path) -> SitePages:
    """The first page of each (type, language) that the build wrote."""
    urls = site_urls()
    found: SitePages = {}
    all_urls = page_urls(output)
    for kind, key in KINDS.items():
        for lang in LANGS:
            if key is None:
                name = "404.html" if lang == "vi" else f"{urls['en']['home']}404.html"
                candidates = [u for u in all_urls if u == name]
            else:
                pattern = _pattern(urls[lang][key])
                candidates = [u for u in all_urls if pattern.match(u)]
            if candidates:
                found[(kind, lang)] = candidates[0]
    return found


def html_files(output: Path) -> list[Path]:
    return [p for p in sorted(output.rglob("*.html")) if SEARCH_BUNDLE not in p.relative_to(output).parts[:1]]


def run_axe(page) -> list[dict]:
    """Violations of the WCAG 2.x A/AA rules on the loaded page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


def run_vnu(files: list[Path]) -> list[dict]:
    """Errors of the Nu HTML Checker over the files, one JSON run for all of them."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        raise RuntimeError("Java or vnu.jar missing: run `make system-deps`")
    done = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    report = json.loads(done.stderr or done.stdout)
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
