"""The /admin/ folder of the built site: Decap's page, its configuration, its bundle.

The bundle comes from the pinned npm package (node_modules/decap-cms/dist, installed by
`make cms-bundle`); only the code is copied, never the source maps.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

BUNDLE = "decap-cms.js"
OUR_SCRIPT = "bloc-cms.js"
YAML_SCRIPT = "js-yaml.min.js"  # the YAML library of our front-matter format (npm js-yaml, pinned)
STATIC = Path(__file__).parent / "static"
# The main bundle, the chunks it loads on demand, their WebAssembly and licence notices.
_BUNDLE_FILE = re.compile(r"^(?:\d+\.)?decap-cms\.js(?:\.LICENSE\.txt)?$|^[0-9a-f]+\.wasm$")
_SOURCE_MAP = re.compile(rb"\n//# sourceMappingURL=\S+\s*$")


class MissingBundle(Exception):
    """The npm package is not installed."""


def admin_page(title: str, csp: str | None = None) -> str:
    """The admin page: no inline script or style, so its CSP needs no hash."""
    meta = f'\n  <meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">' if csp else ""
    return (
        "<!doctype html>\n"
        '<html lang="vi">\n<head>\n  <meta charset="utf-8">' + meta + "\n"
        '  <meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '  <meta name="robots" content="noindex, nofollow">\n'
        '  <meta name="referrer" content="same-origin">\n'
        f"  <title>{html.escape(title)}</title>\n"
        '  <link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        "</head>\n<body>\n"
        f'  <script src="{BUNDLE}"></script>\n'
        f'  <script src="{YAML_SCRIPT}"></script>\n'
        f'  <script src="{OUR_SCRIPT}"></script>\n'
        "</body>\n</html>\n"
    )


def bundle_files(dist: Path) -> list[Path]:
    if not (dist / BUNDLE).is_file():
        raise MissingBundle(str(dist / BUNDLE))
    return sorted(p for p in dist.iterdir() if _BUNDLE_FILE.match(p.name))


def field_order(collections: list[dict]) -> list[str]:
    """Every field name of the forms, in the order the forms (and so the models) give them."""
    order: list[str] = []

    def walk(fields: list[dict]) -> None:
        for field in fields:
            if field["name"] not in order:
                order.append(field["name"])
            walk(field.get("fields", []))

    for collection in collections:
        walk(collection.get("fields", []))
        for file in collection.get("files", []):
            walk(file["fields"])
    return order


def our_script(translated: dict, literal_or_list: dict[str, list] | None = None,
               order: list[str] | None = None) -> str:
    """admin/bloc-cms.js, with what it needs from the content model: the fields a translation
    may carry, the fields holding a literal or a list (see bloc_cms.fields.literal_or_list),
    and the order of the forms' fields."""
    def as_js(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    return (f"window.BLOC_TRANSLATED = {as_js(translated)};\n"
            f"window.BLOC_LITERAL_OR_LIST = {as_js(literal_or_list or {})};\n"
            f"window.BLOC_FIELD_ORDER = {as_js(order or [])};\n"
            + (STATIC / OUR_SCRIPT).read_text(encoding="utf-8"))


def copy_bundle(dist: Path, dest: Path, translated: dict, literal_or_list: dict[str, list] | None = None,
                order: list[str] | None = None) -> list[str]:
    """Copy the bundle into dest without its source-map comments; returns the names copied."""
    yaml_script = dist.parents[1] / "js-yaml" / "dist" / YAML_SCRIPT
    if not yaml_script.is_file():
        raise MissingBundle(str(yaml_script))
    dest.mkdir(parents=True, exist_ok=True)
    names = []
    for source in bundle_files(dist):
        data = source.read_bytes()
        if source.suffix == ".js":
            data = _SOURCE_MAP.sub(b"\n", data)
        (dest / source.name).write_bytes(data)
        names.append(source.name)
    (dest / YAML_SCRIPT).write_bytes(yaml_script.read_bytes())
    (dest / OUR_SCRIPT).write_text(our_script(translated, literal_or_list, order), encoding="utf-8")
    return [*names, YAML_SCRIPT, OUR_SCRIPT]
