"""Results: ratios against the targets, the machine, bench/results.json and bench/RESULTS.md."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from pathlib import Path

from .measure import which

# name: (the limit the value must not exceed, the size it applies to (None: the largest
# measured), what it means). The targets of issue #17.
TARGETS = {
    "edit_over_hugo": (1.0, 1000, "one-item-edit rebuild / Hugo's cold build"),
    "edit_over_cold": (0.1, 1000, "one-item-edit rebuild / cold build"),
    "warm_over_cold": (0.15, None, "unchanged rebuild / cold build"),
    "devserver_seconds": (1.5, 1000, "dev server: save to page served (s)"),
    "ours_over_plain": (1.2, None, "cold build / plain Pelican"),
    "ours_peak_rss_mib": (1024.0, 5000, "peak memory of our build's processes (MiB)"),
    "per_page_growth": (1.3, 5000, "per-page cold time at 5000 / at 1000"),
    "check_over_cold": (0.1, None, "`bloc check` / cold build"),
}
REFERENCE = {
    "ours_over_hugo": "cold build / Hugo",
    "registry_over_cold": "one-registry-entry-edit rebuild / cold build",
    "template_over_cold": "one-template-edit rebuild / cold build",
}
GROWTH_BASE = 1000  # per-page time is compared with this size's when it was measured


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    mem = next((line.split()[1] for line in _lines("/proc/meminfo") if line.startswith("MemTotal")), "0")
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(int(mem) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "pelican": _version(["pelican", "--version"]),
        "hugo": _version(["hugo", "version"]),
        # Other work on the machine skews the seconds more than the ratios.
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def _version(command: list[str]) -> str | None:
    from .runners import BIN

    exe = str(BIN / command[0]) if (BIN / command[0]).exists() else which(command[0])
    if exe is None:
        return None
    done = subprocess.run([exe, *command[1:]], capture_output=True, text=True)
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else None


def across_sizes(sizes: list[dict]) -> dict:
    """Per-page time of our cold build: largest size over 1000 (over the smallest without 1000)."""
    timed = [s for s in sizes if (s["phases"].get("cold") or {}).get("seconds")]
    if len(timed) < 2:
        return {}
    large = timed[-1]
    small = next((s for s in timed[:-1] if s["size"] == GROWTH_BASE), timed[0])
    per_page = [s["phases"]["cold"]["seconds"] / s["pages"] for s in (small, large)]
    return {"per_page_growth": round(per_page[1] / per_page[0], 3),
            "per_page_sizes": [small["size"], large["size"]]}


def verdict(value: float | None, limit: float) -> str:
    if value is None:
        return "not measured"
    over = value / limit
    if over <= 1:
        return "met"
    if over < 2:
        return f"missed by {over - 1:.0%} ({value:g} > {limit:g})"
    return f"missed: {over:.1f}× the limit ({value:g} > {limit:g})"


def verdicts(sizes: list[dict], growth: dict) -> dict:
    """Each target at the size it names: met, or missed by how much. A target whose size was
    not measured is judged at the largest size measured, and says so."""
    if not sizes:
        return {}
    by_size = {s["size"]: s for s in sizes}
    largest = sizes[-1]["size"]
    out = {}
    for name, (limit, size, meaning) in TARGETS.items():
        if name == "per_page_growth":
            value, at = growth.get(name), growth.get("per_page_sizes")
            exact = bool(at) and at[-1] >= (size or 0) and at[0] == GROWTH_BASE
        else:
            at = size if size in by_size else largest
            value = by_size[at]["ratios"].get(name)
            exact = size is None or at == size
        text = verdict(value, limit)
        if value is not None and not exact:
            text = f"{text} (at {at}; the target is at {size})"
        out[name] = {"meaning": meaning, "target": limit, "size": size, "value": value,
                     "verdict": text, "at_size": at, "met": None if value is None else value <= limit,
                     "at_its_size": value is not None and exact}
    return out


def write(results: dict, json_path: Path, md_path: Path) -> None:
    json_path.write_text(json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    md_path.write_text(markdown(results), encoding="utf-8")


def _fmt(value, unit: str = "") -> str:
    return "–" if value is None else f"{value:g}{unit}"


PHASE_COLUMNS = (("cold", "cold s"), ("warm", "unchanged s"), ("edit", "one item s"),
                 ("registry", "one registry entry s"), ("template", "one template s"),
                 ("devserver", "dev server save-to-page s"), ("check", "check s"),
                 ("plain", "plain Pelican s"), ("hugo", "Hugo s"))
RATIO_COLUMNS = (("ours_over_plain", "ours/plain"), ("ours_over_hugo", "ours/Hugo"),
                 ("warm_over_cold", "unchanged/cold"), ("edit_over_cold", "item/cold"),
                 ("edit_over_hugo", "item/Hugo"), ("registry_over_cold", "registry/cold"),
                 ("template_over_cold", "template/cold"), ("check_over_cold", "check/cold"),
                 ("ours_peak_rss_mib", "peak MiB"))


def markdown(results: dict) -> str:
    m = results["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`python -m bench {results['args']}`). Medians of "
        f"{results['repeat']} runs; the ratios are the result, the seconds depend on the machine.",
        "",
        f"Machine: {m['nproc']} cores, {m['cpu']}, {m['ram_gib']} GiB RAM; Python {m['python']}, "
        f"Pelican {m['pelican'] or '?'}, {m['hugo'] or 'hugo not installed'}. "
        f"Load average at the end: {', '.join(map(str, m.get('load_average', [])))}.",
        "",
        "Seconds per phase:",
        "",
        "| items (files) | " + " | ".join(title for _, title in PHASE_COLUMNS) + " |",
        "|---|" + "---|" * len(PHASE_COLUMNS),
    ]
    for s in results["sizes"]:
        lines.append(f"| {s['size']} ({s['pages']}) | " + " | ".join(
            _fmt((s["phases"].get(p) or {}).get("seconds")) for p, _ in PHASE_COLUMNS) + " |")
    lines += ["", "Ratios and peak memory (the sum over the build's processes):", "",
              "| items | " + " | ".join(title for _, title in RATIO_COLUMNS) + " |",
              "|---|" + "---|" * len(RATIO_COLUMNS)]
    for s in results["sizes"]:
        lines.append(f"| {s['size']} | " + " | ".join(_fmt(s["ratios"].get(k)) for k, _ in RATIO_COLUMNS) + " |")
    lines += ["", "## Against the targets", "",
              "| target | at | limit | measured | verdict |", "|---|---|---|---|---|"]
    for v in results["verdicts"].values():
        at = "largest" if v.get("size") is None else v["size"]
        lines.append(f"| {v['meaning']} | {at} | ≤ {v['target']:g} | {_fmt(v['value'])} | {v['verdict']} |")
    missed = [v["meaning"] for v in results["verdicts"].values() if v.get("met") is False]
    unjudged = [v["meaning"] for v in results["verdicts"].values() if not v.get("at_its_size")]
    lines += ["", "Left: " + ("; ".join(missed) if missed else "no target is missed") + "."]
    if unjudged:
        lines += ["", "Not measured at the size the target names: " + "; ".join(unjudged) + "."]
    skipped = {f"{s['size']}: {phase}": why for s in results["sizes"] for phase, why in s["skipped"].items()}
    failed = [f"{s['size']}: {p}" for s in results["sizes"] for p, v in s["phases"].items() if not v["ok"]]
    if skipped or failed:
        lines += ["", "## Not measured", ""]
        lines += [f"- n={k} skipped: {why}" for k, why in skipped.items()]
        lines += [f"- n={k} failed in at least one run (see results.json)" for k in failed]
    return "\n".join(lines) + "\n"
