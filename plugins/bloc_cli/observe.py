"""Pelican glue of `bloc build`: follows the build's phases and counts what the article
generator publishes and holds back, into the `BuildProgress` in settings["BLOC_BUILD"]."""

from __future__ import annotations

from bloc_content.build_state import build_state

from .report import held_back

SETTING = "BLOC_BUILD"


def _progress(settings):
    return settings.get(SETTING)


def on_articles_finalized(generator) -> None:
    progress = _progress(generator.settings)
    if progress is None:
        return
    for article in [*generator.articles, *generator.translations]:
        progress.counts[f"published.{article.lang}"] += 1
    # bloc_content took the held-back files out of Pelican's lists and says why each is held back
    progress.counts.update(held_back(build_state(generator.settings).held_back))


def on_generators_finalized(generators) -> None:
    progress = _progress(generators[0].settings) if generators else None
    if progress is not None:
        progress.phase("write")


def on_finalized(pelican) -> None:
    progress = _progress(pelican.settings)
    if progress is not None:
        progress.phase("finish")


def connect() -> None:
    """Receivers at module level (blinker holds them weakly); connecting twice is harmless."""
    from pelican import signals

    signals.article_generator_finalized.connect(on_articles_finalized)
    signals.all_generators_finalized.connect(on_generators_finalized)
    signals.finalized.connect(on_finalized)
