"""Command-line options of Scripts/bench."""

import argparse
from dataclasses import dataclass
from pathlib import Path

PEER_NAMES = ("biasgrad", "plain-sum", "polars", "duckdb", "pandas", "numpy", "mawk", "cat",
              "reference")

QUICK_ROWS = 1_000_000
QUICK_REPEAT = 3

_SUFFIXES = {"k": 1_000, "m": 1_000_000, "g": 1_000_000_000}


@dataclass(frozen=True)
class BenchOptions:
    """What one benchmark run measures and where it writes."""

    rows: int
    decimals: int | None  # None: shortest round-trip form
    repeat: int
    peers: tuple[str, ...]
    build: bool
    seed: int
    report: Path
    keep_data: bool
    argv: tuple[str, ...]

    @property
    def decimals_label(self) -> str:
        return "shortest round-trip" if self.decimals is None else f"{self.decimals}-decimal"


def parse_rows(text: str) -> int:
    """Reads a row count such as `1M`, `500k`, `50M` or `2000000`."""
    cleaned = text.strip().lower().replace("_", "")
    factor = _SUFFIXES.get(cleaned[-1:], 1)
    digits = cleaned[:-1] if factor != 1 else cleaned
    try:
        value = int(float(digits) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a row count: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"row count must be at least 1: {text!r}")
    return value


def parse_decimals(text: str) -> int | None:
    """Reads `shortest` or a number of decimals between 1 and 17."""
    if text.strip().lower() == "shortest":
        return None
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a decimal count: {text!r}") from None
    if not 1 <= value <= 17:
        raise argparse.ArgumentTypeError("decimals must be between 1 and 17, or 'shortest'")
    return value


def parse_peers(text: str) -> tuple[str, ...]:
    """Reads a comma list of peer names, keeping the harness's own order."""
    wanted = {name.strip().lower() for name in text.split(",") if name.strip()}
    unknown = sorted(wanted - set(PEER_NAMES))
    if unknown:
        message = f"unknown peer {', '.join(unknown)}; choose from {','.join(PEER_NAMES)}"
        raise argparse.ArgumentTypeError(message)
    return tuple(name for name in PEER_NAMES if name in wanted)


def _parser(repository: Path) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="Scripts/bench",
        description="Times biasgrad against its peers on generated sigmoid+mse data.",
    )
    parser.add_argument("--rows", type=parse_rows, default=None,
                        help="data rows: 1M, 10M (default), 50M, ...")
    parser.add_argument("--decimals", type=parse_decimals, default=None,
                        help="y_hat written with N decimals (default: shortest round-trip form)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="timed runs per command, after one warm-up run (default 5)")
    parser.add_argument("--peers", type=parse_peers, default=PEER_NAMES,
                        help="comma list from " + ",".join(PEER_NAMES) + " (default: all)")
    parser.add_argument("--no-build", dest="build", action="store_false",
                        help="use the existing .build/release/biasgrad")
    parser.add_argument("--quick", action="store_true",
                        help=f"smoke test: {QUICK_ROWS:,} rows, {QUICK_REPEAT} repeats")
    parser.add_argument("--seed", type=int, default=20240917,
                        help="seed of the data generator (default 20240917)")
    parser.add_argument("--report", type=Path, default=repository / "docs" / "benchmarks.md",
                        help="Markdown report to write (default docs/benchmarks.md)")
    parser.add_argument("--keep-data", action="store_true",
                        help="keep the 10x-rows memory file in bench-data/ after the run")
    return parser


def parse_options(argv: list[str], repository: Path) -> BenchOptions:
    """Parses the command line; `--quick` sets rows and repeats that are not given."""
    args = _parser(repository).parse_args(argv)
    rows = args.rows or (QUICK_ROWS if args.quick else 10_000_000)
    repeat = args.repeat or (QUICK_REPEAT if args.quick else 5)
    if repeat < 1:
        raise SystemExit("Scripts/bench: --repeat must be at least 1")

    return BenchOptions(
        rows=rows,
        decimals=args.decimals,
        repeat=repeat,
        peers=args.peers,
        build=args.build,
        seed=args.seed,
        report=args.report.resolve(),
        keep_data=args.keep_data,
        argv=tuple(argv),
    )
