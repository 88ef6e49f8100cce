"""Mean and sum of the mse+sigmoid bias gradient with pandas (C parser) and NumPy."""

import sys

import pandas as pd

frame = pd.read_csv(sys.argv[1], engine="c", dtype={"y_hat": "float64", "y": "float64"})
y_hat, y = frame["y_hat"].to_numpy(), frame["y"].to_numpy()
gradient = (y_hat - y) * y_hat * (1 - y_hat)
print(repr(float(gradient.mean())), repr(float(gradient.sum())))
