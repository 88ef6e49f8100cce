"""Per-sample records with polars, the columns biasgrad's --per-sample writes, to a CSV.

    python polars_per_sample.py INPUT.csv OUTPUT.csv
"""

import sys

import polars as pl

y_hat, y = pl.col("y_hat"), pl.col("y")
error = y_hat - y
derivative = y_hat * (1 - y_hat)

frame = pl.scan_csv(sys.argv[1]).with_row_index("sample", offset=1).select(
    "sample",
    "y_hat",
    "y",
    error.alias("error"),
    derivative.alias("activation_derivative"),
    (error * y_hat * (1 - y_hat)).alias("gradient"),
).collect()
frame.write_csv(sys.argv[2])
print(repr(frame["gradient"].mean()), repr(frame["gradient"].sum()))
