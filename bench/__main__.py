"""`python -m bench [--sizes 100,1000,5000] [--repeat 3]`: measure, then write the results."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import report
from .suite import run_size

HERE = Path(__file__).resolve().parent


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="100,1000,5000",
                        help="comma-separated numbers of bilingual items (default: 100,1000,5000)")
    parser.add_argument("--repeat", "-k", type=int, default=3, help="runs per measurement; the median is kept")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpus")
    parser.add_argument("--photos", action="store_true", help="give items photos (off by default)")
    parser.add_argument("--work", type=Path, default=HERE / "scratch", help="where corpora and outputs go")
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder for results.json and RESULTS.md (default: bench/)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    sizes = sorted({int(n) for n in args.sizes.split(",") if n.strip()})
    started = time.time()
    measured = []
    for size in sizes:
        measured.append(run_size(size, args.work, args.repeat, args.seed, args.photos))
        print(f"[n={size}] ratios: {measured[-1]['ratios']}", flush=True)
        # Written after every size, so that a long run stopped early keeps what it measured.
        write_results(args, argv, measured, time.time() - started)
    print((args.out / "RESULTS.md").read_text(encoding="utf-8"))
    return 0


def write_results(args: argparse.Namespace, argv: list[str], measured: list[dict], seconds: float) -> None:
    growth = report.across_sizes(measured)
    results = {
        "args": " ".join(argv) or "(defaults)",
        "repeat": args.repeat,
        "seed": args.seed,
        "photos": args.photos,
        "machine": report.machine(),
        "sizes": measured,
        "across_sizes": growth,
        "verdicts": report.verdicts(measured, growth),
        "wall_seconds": round(seconds, 1),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    report.write(results, args.out / "results.json", args.out / "RESULTS.md")


if __name__ == "__main__":
    sys.exit(main())
