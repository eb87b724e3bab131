"""The cache is keyed by content and settings: a warm or restored cache encodes nothing."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil

from bloc_photos import pipeline
from bloc_photos import settings as settings_module
from bloc_photos.settings import PhotoSettings
from PIL import Image


def _sources(tmp_path, count=3):
    paths = []
    for i in range(count):
        path = tmp_path / "src" / f"p{i}.jpg"
        path.parent.mkdir(exist_ok=True)
        Image.new("RGB", (400, 300), (40 * i, 90, 200)).save(path)
        paths.append(path)
    return paths


def _encodes(jobs, settings, cache_dir):
    before = pipeline.STATS["encodes"]
    outcomes = pipeline.run(jobs, settings, cache_dir)
    assert all(o.error is None for o in outcomes)
    return pipeline.STATS["encodes"] - before, outcomes


def test_second_run_encodes_nothing(tmp_path, small_settings):
    jobs = [pipeline.Job(p) for p in _sources(tmp_path)]
    assert _encodes(jobs, small_settings, tmp_path / "cache")[0] == 3
    assert _encodes(jobs, small_settings, tmp_path / "cache")[0] == 0


def test_fresh_clone_with_restored_cache_encodes_nothing(tmp_path, small_settings):
    sources = _sources(tmp_path)
    _encodes([pipeline.Job(p) for p in sources], small_settings, tmp_path / "cache")
    clone = tmp_path / "clone"
    clone.mkdir()
    moved = []
    for path in sources:  # new files, new mtimes, new paths: same bytes
        copy = clone / path.name
        copy.write_bytes(path.read_bytes())
        os.utime(copy, (1, 1))
        moved.append(copy)
    shutil.copytree(tmp_path / "cache", clone / "restored-cache")
    count, outcomes = _encodes([pipeline.Job(p) for p in moved], small_settings, clone / "restored-cache")
    assert count == 0
    assert all(o.files for o in outcomes)


def test_same_bytes_twice_are_encoded_once(tmp_path, small_settings):
    [source] = _sources(tmp_path, 1)
    twin = tmp_path / "twin.jpg"
    twin.write_bytes(source.read_bytes())
    count, outcomes = _encodes([pipeline.Job(source), pipeline.Job(twin)], small_settings, tmp_path / "c")
    assert count == 1
    assert outcomes[0].key == outcomes[1].key


def test_changed_settings_or_focal_or_bytes_re_encode(tmp_path, small_settings):
    [source] = _sources(tmp_path, 1)
    cache_dir = tmp_path / "cache"
    _encodes([pipeline.Job(source)], small_settings, cache_dir)
    other = PhotoSettings(widths=small_settings.widths, social_size=small_settings.social_size,
                          crop_width=small_settings.crop_width, webp_quality=60)
    assert _encodes([pipeline.Job(source)], other, cache_dir)[0] == 1
    wider = PhotoSettings(widths=small_settings.widths, social_size=small_settings.social_size, crop_width=320)
    assert _encodes([pipeline.Job(source)], wider, cache_dir)[0] == 1
    assert _encodes([pipeline.Job(source, (0.2, 0.3))], small_settings, cache_dir)[0] == 1
    # settings that do not change the bytes do not change the key
    same = PhotoSettings(widths=small_settings.widths, social_size=small_settings.social_size,
                         crop_width=small_settings.crop_width, sizes="50vw", url="img", max_pixels=10)
    assert pipeline.job_key(source.read_bytes(), same, None) == pipeline.job_key(source.read_bytes(), small_settings, None)
    Image.new("RGB", (400, 300), "red").save(source)
    assert _encodes([pipeline.Job(source)], small_settings, cache_dir)[0] == 1


def test_damaged_entry_is_encoded_again(tmp_path, small_settings):
    [source] = _sources(tmp_path, 1)
    _, [outcome] = _encodes([pipeline.Job(source)], small_settings, tmp_path / "cache")
    outcome.files["320.webp"].unlink()
    assert _encodes([pipeline.Job(source)], small_settings, tmp_path / "cache")[0] == 1


def test_entry_without_the_crops_is_encoded_again(tmp_path, small_settings, monkeypatch):
    """An entry of the manifest shape before the crops is never a hit."""
    [source] = _sources(tmp_path, 1)
    _, [outcome] = _encodes([pipeline.Job(source)], small_settings, tmp_path / "cache")
    manifest_path = outcome.files["social.jpg"].parent / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    del manifest["crops"]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    count, [again] = _encodes([pipeline.Job(source)], small_settings, tmp_path / "cache")
    assert count == 1
    assert [c["name"] for c in again.manifest["crops"]] == ["16x9", "4x3", "1x1"]
    # and the pipeline's code is part of the key, so entries of another pipeline are not
    # even looked up (tests/build/test_cache_keys.py edits the code itself)
    key = pipeline.job_key(source.read_bytes(), small_settings, None)
    monkeypatch.setattr(settings_module, "PIPELINE_CODE", ("bloc_photos.process",))
    assert pipeline.job_key(source.read_bytes(), dataclasses.replace(small_settings), None) != key


def test_publish_names_carry_the_content_hash(tmp_path, small_settings):
    [source] = _sources(tmp_path, 1)
    _, [outcome] = _encodes([pipeline.Job(source)], small_settings, tmp_path / "cache")
    names = pipeline.publish(outcome, tmp_path / "out")
    assert names["320.webp"] == f"p0-{outcome.key[:10]}-320.webp"
    assert names["social.jpg"] == f"p0-{outcome.key[:10]}-social.jpg"
    for crop in ("16x9", "4x3", "1x1"):
        assert names[f"{crop}.jpg"] == f"p0-{outcome.key[:10]}-{crop}.jpg"
    for name in names.values():
        assert (tmp_path / "out" / name).read_bytes() == outcome.files[next(k for k, v in names.items() if v == name)].read_bytes()
    assert pipeline.publish(outcome, tmp_path / "out") == names  # idempotent


def test_parallel_run_matches_serial(tmp_path, small_settings):
    jobs = [pipeline.Job(p) for p in _sources(tmp_path, 4)]
    serial = pipeline.run(jobs, small_settings, tmp_path / "a", workers=1)
    parallel = pipeline.run(jobs, small_settings, tmp_path / "b", workers=2)
    for one, two in zip(serial, parallel, strict=True):
        assert one.manifest == two.manifest
        assert {n: p.read_bytes() for n, p in one.files.items()} == {n: p.read_bytes() for n, p in two.files.items()}


def test_long_runs_log_progress(tmp_path, small_settings, monkeypatch, caplog):
    monkeypatch.setattr(pipeline, "_PROGRESS_EVERY", 0.0)
    caplog.set_level("INFO", logger="bloc_photos.pipeline")
    pipeline.run([pipeline.Job(p) for p in _sources(tmp_path, 3)], small_settings, tmp_path / "cache", workers=1)
    lines = [r.getMessage() for r in caplog.records if r.name == "bloc_photos.pipeline"]
    assert [line.split(" (")[0] for line in lines] == [f"photos: encoded {i}/3" for i in (1, 2, 3)]


def test_progress_hears_of_cache_hits_then_of_each_encoded_photo(tmp_path, small_settings):
    sources = _sources(tmp_path)
    pipeline.run([pipeline.Job(sources[0])], small_settings, tmp_path / "cache")
    heard = []
    pipeline.run([pipeline.Job(p) for p in sources], small_settings, tmp_path / "cache",
                 progress=lambda n, kind: heard.append((n, kind)))
    assert heard[0] == (1, "cached")
    assert sorted(heard[1:]) == [(1, "new"), (1, "new")]
