"""The benchmark's report: ratios per phase, targets judged at the size they name, RESULTS.md."""

from __future__ import annotations

import json

from bench import report
from bench.suite import ratios


def phases(**seconds) -> dict:
    return {name: {"seconds": s, "peak_rss_mib": 100.0 + i, "ok": True, "samples": []}
            for i, (name, s) in enumerate(seconds.items())}


def size(n: int, **seconds) -> dict:
    summaries = phases(**seconds)
    return {"size": n, "pages": 2 * n, "phases": summaries, "skipped": {}, "ratios": ratios(summaries)}


def test_ratios_of_every_phase_against_cold_and_the_baselines():
    r = ratios(phases(cold=10.0, warm=1.0, edit=0.5, registry=2.0, template=4.0, devserver=0.8,
                      check=1.5, plain=8.0, hugo=2.0))
    assert r["ours_over_plain"] == 1.25
    assert r["warm_over_cold"] == 0.1
    assert r["edit_over_cold"] == 0.05
    assert r["registry_over_cold"] == 0.2
    assert r["template_over_cold"] == 0.4
    assert r["check_over_cold"] == 0.15
    assert r["ours_over_hugo"] == 5.0
    assert r["edit_over_hugo"] == 0.25
    assert r["devserver_seconds"] == 0.8
    # the largest of our own builds' peaks (cold ... template), not the baselines'
    assert r["ours_peak_rss_mib"] == 104.0


def test_a_phase_not_measured_gives_no_ratio():
    r = ratios(phases(cold=10.0))
    assert r["edit_over_hugo"] is None and r["devserver_seconds"] is None


def test_targets_are_judged_at_their_own_size():
    sizes = [size(1000, cold=20.0, warm=2.0, edit=1.0, hugo=2.0, plain=20.0, devserver=1.0, check=1.0),
             size(5000, cold=110.0, warm=30.0, edit=20.0, hugo=10.0, plain=100.0, devserver=9.0, check=5.0)]
    growth = report.across_sizes(sizes)
    assert growth == {"per_page_growth": 1.1, "per_page_sizes": [1000, 5000]}
    v = report.verdicts(sizes, growth)
    # at 1000: the edit is 0.05 of cold and half of Hugo, the dev server 1.0 s
    assert v["edit_over_cold"]["verdict"] == "met" and v["edit_over_cold"]["at_size"] == 1000
    assert v["edit_over_hugo"]["value"] == 0.5
    assert v["devserver_seconds"]["verdict"] == "met"
    # at the largest size: unchanged 30/110 misses 0.15
    assert v["warm_over_cold"]["at_size"] == 5000
    assert v["warm_over_cold"]["verdict"].startswith("missed by 82%")
    assert v["per_page_growth"]["verdict"] == "met"
    assert v["ours_peak_rss_mib"]["at_size"] == 5000


def test_a_target_at_a_size_not_measured_says_where_it_was_judged():
    sizes = [size(100, cold=5.0, edit=4.0, hugo=1.0), size(1000, cold=20.0, edit=3.0, hugo=2.0)]
    v = report.verdicts(sizes, report.across_sizes(sizes))
    assert v["ours_peak_rss_mib"]["verdict"] == "met (at 1000; the target is at 5000)"
    # without 5000 the growth is 1000 over 100, and says so
    assert v["per_page_growth"]["at_size"] == [100, 1000]
    assert "the target is at 5000" in v["per_page_growth"]["verdict"]
    assert v["edit_over_hugo"]["verdict"] == "missed by 50% (1.5 > 1)"
    assert v["devserver_seconds"]["verdict"] == "not measured"


def test_results_md_lists_every_phase_ratio_and_what_is_left(tmp_path):
    sizes = [size(100, cold=5.0, warm=0.5, edit=0.4, registry=1.0, template=2.0, devserver=0.7,
                  check=0.3, plain=4.0, hugo=1.0)]
    growth = report.across_sizes(sizes)
    results = {"args": "--sizes 100", "repeat": 1, "sizes": sizes, "across_sizes": growth,
               "verdicts": report.verdicts(sizes, growth),
               "machine": {"nproc": 2, "cpu": "cpu", "ram_gib": 1.0, "python": "3.11", "pelican": "4",
                           "hugo": None, "load_average": [1.0]}}
    report.write(results, tmp_path / "results.json", tmp_path / "RESULTS.md")
    assert json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["sizes"][0]["size"] == 100
    md = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    rows = [line for line in md.splitlines() if line.startswith("| 100")]
    assert rows[0] == "| 100 (200) | 5 | 0.5 | 0.4 | 1 | 2 | 0.7 | 0.3 | 4 | 1 |"
    assert rows[1].split(" | ")[1:3] == ["1.25", "5"]  # ours/plain, ours/Hugo
    assert "| dev server: save to page served (s) | 1000 | ≤ 1.5 | 0.7 | met (at 100; the target is at 1000) |" in md
    left = next(line for line in md.splitlines() if line.startswith("Left: "))
    assert "one-item-edit rebuild / Hugo's cold build" not in left  # 0.4 < 1: met
    assert "cold build / plain Pelican" in left  # 1.25 > 1.2
    unjudged = next(line for line in md.splitlines() if line.startswith("Not measured at the size"))
    assert "one-item-edit rebuild / Hugo's cold build" in unjudged  # at 100, not 1000
    assert "unchanged rebuild / cold build" not in unjudged  # judged at the largest size
