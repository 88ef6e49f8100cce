"""Writes the benchmark's input: a CSV `y_hat,y` of sigmoid outputs and 0/1 targets.

Run with the benchmark's virtual environment (NumPy and polars):

    python generate_data.py OUT.csv ROWS SEED [DECIMALS]

The data come from a fixed-seed NumPy generator, in blocks of a fixed size, so the same
arguments give the same bytes. Targets are 1 for about 30% of rows; logits are normal
around a class mean, so the model is confident but imperfect and the mean gradient is
clearly away from zero. Without DECIMALS, y_hat is written in the shortest form that
reads back to the same float64; with it, rounded to that many decimals.
"""

import re
import sys

import numpy as np
import polars as pl

BLOCK_ROWS = 5_000_000
POSITIVE_SHARE = 0.3
CHECKED_ROWS = 20_000


def block(rng: np.random.Generator, rows: int, decimals: int | None) -> pl.DataFrame:
    """One block of rows; y_hat lies strictly inside (0, 1)."""
    target = (rng.random(rows) < POSITIVE_SHARE).astype(np.int8)
    logit = rng.normal(np.where(target == 1, 1.0, -1.5), 1.6)
    y_hat = 1.0 / (1.0 + np.exp(-logit))

    if decimals is not None:
        step = 10.0 ** -decimals
        y_hat = np.clip(np.round(y_hat, decimals), step, 1.0 - step)
    assert np.all((y_hat > 0.0) & (y_hat < 1.0))
    return pl.DataFrame({"y_hat": y_hat, "y": target})


def significant_digits(text: str) -> int:
    mantissa = text.lower().split("e")[0].replace(".", "").replace("-", "")
    return len(mantissa.strip("0"))


def check_written(frame: pl.DataFrame, text: str, decimals: int | None) -> None:
    """Checks that the first rows read back exactly, in the promised form."""
    lines = text.splitlines()[1:]
    fixed = re.compile(r"^\d\.\d{%d}$" % decimals) if decimals is not None else None
    for value, line in zip(frame["y_hat"].to_list(), lines):
        field = line.split(",")[0]
        if fixed is not None:
            assert fixed.match(field), f"not {decimals} decimals: {field}"
            continue
        assert float(field) == value, f"{field} does not read back as {value!r}"
        shortest = significant_digits(repr(value))
        assert significant_digits(field) == shortest, f"{field} is longer than {value!r}"


def main() -> None:
    path, rows, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    decimals = int(sys.argv[4]) if len(sys.argv) > 4 else None
    rng = np.random.default_rng(seed)
    precision = {} if decimals is None else {"float_precision": decimals}

    with open(path, "wb") as sink:
        written = 0
        while written < rows:
            frame = block(rng, min(BLOCK_ROWS, rows - written), decimals)
            if written == 0:
                sample = frame.head(CHECKED_ROWS)
                check_written(sample, sample.write_csv(**precision), decimals)
            frame.write_csv(sink, include_header=written == 0, **precision)
            written += frame.height


if __name__ == "__main__":
    main()
