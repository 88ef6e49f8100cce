"""Mean and sum of the mse+sigmoid bias gradient with numpy.loadtxt."""

import sys

import numpy as np

table = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, dtype=np.float64)
y_hat, y = table[:, 0], table[:, 1]
gradient = (y_hat - y) * y_hat * (1 - y_hat)
print(repr(float(gradient.mean())), repr(float(gradient.sum())))
