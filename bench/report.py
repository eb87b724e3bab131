"""Results: ratios against the targets, the machine, bench/results.json and bench/RESULTS.md."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from pathlib import Path

from .measure import which

# name: (the measured ratio or value, the target it must not exceed, what it means)
TARGETS = {
    "ours_over_plain": (1.2, "full build / plain Pelican"),
    "warm_over_cold": (0.3, "unchanged rebuild / cold build"),
    "edit_over_cold": (0.5, "one-item-edited rebuild / cold build"),
    "check_over_cold": (0.1, "`bloc check` / cold build"),
    "ours_peak_rss_mib": (1024.0, "peak memory of our build (MiB)"),
    "per_page_growth": (1.3, "per-page time, largest size / smallest size"),
}
REFERENCE = {"ours_over_hugo": "full build / Hugo (no target; for reference)"}


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
    """Per-page time of our cold build: largest size over smallest size."""
    timed = [s for s in sizes if (s["phases"].get("cold") or {}).get("seconds")]
    if len(timed) < 2:
        return {}
    small, large = timed[0], timed[-1]
    per_page = [s["phases"]["cold"]["seconds"] / s["pages"] for s in (small, large)]
    return {"per_page_growth": round(per_page[1] / per_page[0], 3),
            "per_page_sizes": [small["size"], large["size"]]}


def verdicts(sizes: list[dict], growth: dict) -> dict:
    """Each target against the largest size measured: met, or missed by how much."""
    if not sizes:
        return {}
    largest = sizes[-1]
    values = {**largest["ratios"], **growth}
    out = {}
    for name, (limit, meaning) in TARGETS.items():
        value = values.get(name)
        if value is None:
            out[name] = {"meaning": meaning, "target": limit, "value": None, "verdict": "not measured"}
            continue
        over = value / limit
        verdict = ("met" if over <= 1 else f"missed by {over - 1:.0%} ({value:g} > {limit:g})" if over < 2
                   else f"missed: {over:.1f}× the limit ({value:g} > {limit:g})")
        out[name] = {"meaning": meaning, "target": limit, "value": value, "verdict": verdict,
                     "at_size": growth.get("per_page_sizes") if name == "per_page_growth" else largest["size"]}
    return out


def write(results: dict, json_path: Path, md_path: Path) -> None:
    json_path.write_text(json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    md_path.write_text(markdown(results), encoding="utf-8")


def _fmt(value, unit: str = "") -> str:
    return "–" if value is None else f"{value:g}{unit}"


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
        "| items (files) | ours cold s | unchanged s | one edit s | check s | plain Pelican s | Hugo s "
        "| ours/plain | warm/cold | edit/cold | check/cold | ours/Hugo | peak RSS MiB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in results["sizes"]:
        sec = {p: (s["phases"].get(p) or {}).get("seconds") for p in
               ("cold", "warm", "edit", "check", "plain", "hugo")}
        r = s["ratios"]
        lines.append(
            f"| {s['size']} ({s['pages']}) | " + " | ".join(_fmt(sec[p]) for p in sec) + " | "
            + " | ".join(_fmt(r[k]) for k in ("ours_over_plain", "warm_over_cold", "edit_over_cold",
                                               "check_over_cold", "ours_over_hugo", "ours_peak_rss_mib"))
            + " |")
    lines += ["", "## Against the targets (largest size measured)", "",
              "| target | limit | measured | verdict |", "|---|---|---|---|"]
    for v in results["verdicts"].values():
        lines.append(f"| {v['meaning']} | ≤ {v['target']:g} | {_fmt(v['value'])} | {v['verdict']} |")
    skipped = {f"{s['size']}: {phase}": why for s in results["sizes"] for phase, why in s["skipped"].items()}
    failed = [f"{s['size']}: {p}" for s in results["sizes"] for p, v in s["phases"].items() if not v["ok"]]
    if skipped or failed:
        lines += ["", "## Not measured", ""]
        lines += [f"- n={k} skipped: {why}" for k, why in skipped.items()]
        lines += [f"- n={k} failed in at least one run (see results.json)" for k in failed]
    return "\n".join(lines) + "\n"
