"""One size: write the corpus, then run every build k times, interleaved, and take medians."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from . import runners
from .corpus import edit_one
from .measure import Sample, Summary, wipe

PHASES = ("cold", "warm", "edit", "check", "plain", "hugo")


def run_size(size: int, work: Path, repeat: int, seed: int = 0, photos: bool = False,
             log=print) -> dict:
    """Measure every phase at `size`; returns absolute medians, ratios and skip reasons."""
    ws = runners.Workspace(work / f"n{size}", size)
    log(f"[n={size}] writing the corpus ({size} items, {ws.pages} files) ...")
    ws.prepare(seed, photos)
    commands = {
        "cold": runners.ours(ws), "warm": runners.ours(ws), "edit": runners.ours(ws),
        "check": runners.check(ws), "plain": runners.plain(ws), "hugo": runners.hugo(ws),
    }
    samples: dict[str, list[Sample]] = {phase: [] for phase in PHASES}
    skipped: dict[str, str] = {}
    for round_ in range(repeat):
        for phase in PHASES:
            if phase in skipped:
                continue
            _before(phase, ws, round_)
            result = runners.execute(commands[phase])
            if isinstance(result, str):
                skipped[phase] = result
                log(f"[n={size}] {phase}: skipped ({result})")
                continue
            samples[phase].append(result)
            status = "ok" if result.ok else f"FAILED (exit {result.returncode})"
            log(f"[n={size}] round {round_ + 1}/{repeat} {phase}: {result.seconds:.2f} s, "
                f"{result.peak_rss_mib} MiB, {status}")
            if not result.ok:
                log(result.tail)
    summaries = {phase: asdict(Summary.of(s)) for phase, s in samples.items() if s}
    return {"size": size, "pages": ws.pages, "phases": summaries, "skipped": skipped,
            "ratios": ratios(summaries)}


def _before(phase: str, ws: runners.Workspace, round_: int) -> None:
    """Set the scene: a cold build has no output and no cache; an edit changes one file."""
    if phase == "cold":
        # Plugins may keep caches next to the content (.cache/): a cold build has none.
        wipe(ws.ours_output, ws.ours_cache, ws.root / ".cache")
    elif phase == "edit":
        edit_one(ws.content, ws.items, round_)
    elif phase == "plain":
        wipe(ws.plain / "output")
    elif phase == "hugo":
        wipe(ws.hugo / "public", ws.hugo / "resources")


def _seconds(summaries: dict, phase: str) -> float | None:
    return (summaries.get(phase) or {}).get("seconds")


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def ratios(summaries: dict) -> dict:
    cold = _seconds(summaries, "cold")
    ours_rss = [summaries[p]["peak_rss_mib"] for p in ("cold", "warm", "edit")
                if summaries.get(p) and summaries[p]["peak_rss_mib"] is not None]
    return {
        "ours_over_plain": ratio(cold, _seconds(summaries, "plain")),
        "warm_over_cold": ratio(_seconds(summaries, "warm"), cold),
        "edit_over_cold": ratio(_seconds(summaries, "edit"), cold),
        "check_over_cold": ratio(_seconds(summaries, "check"), cold),
        "ours_over_hugo": ratio(cold, _seconds(summaries, "hugo")),
        "ours_peak_rss_mib": max(ours_rss) if ours_rss else None,
    }
