"""`python -m bench.photos --count 12`: our photo pipeline (cold cache) against naive Pillow.

Generates N seeded synthetic 4000x3000 camera-like JPEGs (EXIF orientation, GPS) in a
temporary folder, then measures images per second, in the same run, for:
- naive: open, exif_transpose, resize to each width from the full image, save WebP and JPEG,
  one image after the other;
- ours: bloc_photos.pipeline.run on an empty cache (draft decoding, chained resizes, every
  core), which also writes the social image, hashes the sources and fills the cache;
- ours, warm: the same run again (nothing to encode).
Writes bench/photos-results.json and prints the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import PIL
from bloc_photos import pipeline
from bloc_photos.settings import PhotoSettings
from PIL import Image, ImageOps

HERE = Path(__file__).resolve().parent
SIZE = (4000, 3000)


def synthetic_jpeg(path: Path, rng: random.Random) -> None:
    """A photo-like JPEG: smooth random shapes plus sensor noise, EXIF orientation and GPS."""
    base = Image.new("RGB", (40, 30))
    base.putdata([tuple(rng.randrange(256) for _ in range(3)) for _ in range(40 * 30)])
    picture = base.resize(SIZE, Image.Resampling.BICUBIC)
    noise = Image.effect_noise(SIZE, 40).convert("RGB")
    picture = Image.blend(picture, noise, 0.12)
    exif = Image.Exif()
    exif[0x0112] = rng.choice((1, 1, 6, 8, 3))
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, float(rng.randrange(60))), 3: "E", 4: (105.0, 51.0, 10.0)}
    picture.save(path, "JPEG", quality=92, exif=exif)


def naive(paths: list[Path], settings: PhotoSettings, out: Path) -> None:
    for path in paths:
        with Image.open(path) as img:
            upright = ImageOps.exif_transpose(img).convert("RGB")
        for width in settings.widths:
            height = round(upright.height * width / upright.width)
            resized = upright.resize((width, height), Image.Resampling.LANCZOS)
            resized.save(out / f"{path.stem}-{width}.webp", "WEBP", quality=settings.webp_quality)
            resized.save(out / f"{path.stem}-{width}.jpg", "JPEG", quality=settings.jpeg_quality)


def ours(paths: list[Path], settings: PhotoSettings, cache_dir: Path) -> int:
    before = pipeline.STATS["encodes"]
    outcomes = pipeline.run([pipeline.Job(p) for p in paths], settings, cache_dir)
    failed = [o for o in outcomes if o.error]
    if failed:
        raise SystemExit(f"pipeline failed: {failed[0].error.message}")
    return pipeline.STATS["encodes"] - before


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(function, *args) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds, result): on a shared machine CPU time is the steadier one."""
    start, cpu = time.perf_counter(), _cpu()
    result = function(*args)
    return time.perf_counter() - start, _cpu() - cpu, result


def _entry(count: int, wall: float, cpu: float, **extra) -> dict:
    return {"seconds": round(wall, 3), "cpu_seconds": round(cpu, 3),
            "images_per_second": round(count / wall, 3), "images_per_cpu_second": round(count / cpu, 3), **extra}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.photos", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=12, help="number of synthetic photos (default 12)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=HERE / "photos-results.json")
    args = parser.parse_args(argv)
    settings = PhotoSettings()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-photos-") as tmp:
        work = Path(tmp)
        (work / "src").mkdir()
        (work / "naive").mkdir()
        paths = []
        for i in range(args.count):
            path = work / "src" / f"photo-{i:03d}.jpg"
            synthetic_jpeg(path, rng)
            paths.append(path)
        mean_bytes = sum(p.stat().st_size for p in paths) / len(paths)
        print(f"{len(paths)} synthetic {SIZE[0]}x{SIZE[1]} JPEGs, {mean_bytes / 1e6:.1f} MB each on average")
        load_before = os.getloadavg()[0]
        naive_s, naive_cpu, _ = timed(naive, paths, settings, work / "naive")
        cold_s, cold_cpu, encodes = timed(ours, paths, settings, work / "cache")
        warm_s, warm_cpu, warm_encodes = timed(ours, paths, settings, work / "cache")
        load_after = os.getloadavg()[0]
    results = {
        "count": args.count,
        "seed": args.seed,
        "source": {"width": SIZE[0], "height": SIZE[1], "mean_bytes": round(mean_bytes)},
        "widths": list(settings.widths),
        "formats": list(settings.formats),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "pillow": PIL.__version__,
        "load_average": [round(load_before, 2), round(load_after, 2)],
        "naive": _entry(args.count, naive_s, naive_cpu),
        "ours_cold": _entry(args.count, cold_s, cold_cpu, encodes=encodes),
        "ours_warm": _entry(args.count, warm_s, warm_cpu, encodes=warm_encodes),
        "ratio_cold_vs_naive": round(naive_s / cold_s, 2),
        "cpu_ratio_cold_vs_naive": round(naive_cpu / cold_cpu, 2),
    }
    args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"naive Pillow : {results['naive']['images_per_second']:.2f} images/s")
    print(f"ours (cold)  : {results['ours_cold']['images_per_second']:.2f} images/s "
          f"({encodes} encoded, social image included)")
    print(f"ours (warm)  : {results['ours_warm']['images_per_second']:.2f} images/s ({warm_encodes} encoded)")
    print(f"ratio        : {results['ratio_cold_vs_naive']:.2f}x naive's images/s, wall clock (cold cache, "
          f"{results['cores']} cores, load average {load_before:.1f})")
    print(f"cpu ratio    : {results['cpu_ratio_cold_vs_naive']:.2f}x less CPU per image than naive")
    print(f"wrote {args.out.relative_to(Path.cwd()) if args.out.is_relative_to(Path.cwd()) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
