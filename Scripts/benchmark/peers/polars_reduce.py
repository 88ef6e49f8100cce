"""Mean and sum of the mse+sigmoid bias gradient with polars: prints `mean sum`."""

import sys

import polars as pl

y_hat, y = pl.col("y_hat"), pl.col("y")
gradient = (y_hat - y) * y_hat * (1 - y_hat)

result = pl.scan_csv(sys.argv[1]).select(
    gradient.mean().alias("mean"), gradient.sum().alias("sum")
).collect()
print(repr(result["mean"][0]), repr(result["sum"][0]))
