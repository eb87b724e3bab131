"""Make Pagefind's bundle byte-identical from one build to the next.

Pagefind writes each filter's values in hash-map order, which changes from run to run,
and names files after their contents: so the filter files, the metadata file that names
them and the entry file that names that one all change. We sort the values and rename
the files after their new contents, from the bottom of that chain up.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name} is not a Pagefind data file")
    return cbor2.loads(data[len(SIGNATURE):])


def _write(folder: Path, prefix: str, lang: str, digits: int, suffix: str, value) -> str:
    """Write `value` under a name made from its contents; returns the new hash part."""
    payload = SIGNATURE + cbor2.dumps(value)
    name = f"{lang}_{hashlib.sha256(payload).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(payload, mtime=0))
    return name


def stabilise(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    if not entry_path.is_file():
        return
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in entry.get("languages", {}).items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = []
        for name, old in meta[3]:
            old_path = bundle / "filter" / f"{old}.pf_filter"
            filter_name, values = _read(old_path)
            values = sorted(values, key=lambda pair: pair[0])
            new = _write(bundle / "filter", "", lang, 7, ".pf_filter", [filter_name, values])
            if new != old:
                old_path.unlink()
            filters.append([name, new])
        meta[3] = sorted(filters)
        new_meta = _write(bundle, "pagefind.", lang, 10, ".pf_meta", meta)
        if new_meta != info["hash"]:
            meta_path.unlink()
        info["hash"] = new_meta
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
