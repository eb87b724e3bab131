"""One size: write the corpus, then run every phase k times, interleaved, and take medians.

cold       our build with no output and no cache
warm       the same build again, nothing changed
edit       one item's Vietnamese body changed
registry   one registry entry changed (an award's English name)
template   one template changed (the item template)
devserver  the running dev server: from saving an item's file to the new page being served
check      `bloc check`
plain      plain Pelican on the same items, one language pass, no plugins
hugo       Hugo on the same items
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from . import devserver, edits, runners
from .measure import Sample, Summary, wipe

PHASES = ("cold", "warm", "edit", "registry", "template", "devserver", "check", "plain", "hugo")
OURS = ("cold", "warm", "edit", "registry", "template")  # our build, in the order they follow each other


def run_size(size: int, work: Path, repeat: int, seed: int = 0, photos: bool = False,
             log=print) -> dict:
    """Measure every phase at `size`; returns absolute medians, ratios and skip reasons."""
    ws = runners.Workspace(work / f"n{size}", size)
    log(f"[n={size}] writing the corpus ({size} items, {ws.pages} files) ...")
    ws.prepare(seed, photos)
    commands = {**{phase: runners.ours(ws) for phase in OURS},
                "devserver": runners.devserver(ws), "check": runners.check(ws),
                "plain": runners.plain(ws), "hugo": runners.hugo(ws)}
    samples: dict[str, list[Sample]] = {phase: [] for phase in PHASES}
    skipped: dict[str, str] = {}
    for round_ in range(repeat):
        for phase in PHASES:
            if phase in skipped:
                continue
            _before(phase, ws, round_)
            if phase == "devserver" and not isinstance(commands[phase], str):
                result = devserver.save_to_page(commands[phase], ws.root, ws.content, ws.items,
                                                ws.watched_slug, round_, ws.ours_output)
            else:
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
        # Plugins may keep caches next to the content (.cache/): a cold build has none. The dev
        # server's own cache (.cache/preview) stays: its first build is not what is measured.
        wipe(ws.ours_output, ws.ours_cache,
             *(p for p in (ws.root / ".cache").glob("*") if p.name != devserver.PREVIEW_CACHE))
    elif phase == "edit":
        edits.edit_item(ws.content, ws.items, round_)
    elif phase == "registry":
        edits.edit_registry(ws.content, round_)
    elif phase == "template":
        edits.edit_template(ws.theme, round_)
    elif phase == "plain":
        wipe(ws.plain / "output")
    elif phase == "hugo":
        wipe(ws.hugo / "public", ws.hugo / "resources")


def _seconds(summaries: dict, phase: str) -> float | None:
    return (summaries.get(phase) or {}).get("seconds")


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def ratios(summaries: dict) -> dict:
    """Each phase against our cold build, ours against the baselines, our peak memory."""
    cold = _seconds(summaries, "cold")
    ours_rss = [summaries[p]["peak_rss_mib"] for p in OURS
                if summaries.get(p) and summaries[p]["peak_rss_mib"] is not None]
    return {
        "ours_over_plain": ratio(cold, _seconds(summaries, "plain")),
        "warm_over_cold": ratio(_seconds(summaries, "warm"), cold),
        "edit_over_cold": ratio(_seconds(summaries, "edit"), cold),
        "registry_over_cold": ratio(_seconds(summaries, "registry"), cold),
        "template_over_cold": ratio(_seconds(summaries, "template"), cold),
        "check_over_cold": ratio(_seconds(summaries, "check"), cold),
        "ours_over_hugo": ratio(cold, _seconds(summaries, "hugo")),
        "edit_over_hugo": ratio(_seconds(summaries, "edit"), _seconds(summaries, "hugo")),
        "devserver_seconds": _seconds(summaries, "devserver"),
        "ours_peak_rss_mib": max(ours_rss) if ours_rss else None,
    }
