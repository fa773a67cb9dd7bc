"""Reference optimum: scipy.optimize.linear_sum_assignment on the dense squared-distance matrix.
usage: scipy_lsa.py POINTS.csv COLS ROWS   (x,y with header; each axis min-max scaled like ours)
prints: result scipy N COLS ROWS SECONDS COST"""
import sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment

p = np.loadtxt(sys.argv[1], delimiter=',', skiprows=1, usecols=(0, 1), ndmin=2)
cols, rows = int(sys.argv[2]), int(sys.argv[3])
for a in range(2):
    lo, hi = p[:, a].min(), p[:, a].max()
    p[:, a] = (p[:, a] - lo) / (hi - lo) if hi > lo else 0.5
cx = np.tile(np.arange(cols) / max(cols - 1, 1), rows) if cols > 1 else np.full(cols * rows, 0.5)
cy = np.repeat(np.arange(rows) / max(rows - 1, 1), cols) if rows > 1 else np.full(cols * rows, 0.5)
t = time.perf_counter()
c = (p[:, 0:1] - cx[None, :]) ** 2 + (p[:, 1:2] - cy[None, :]) ** 2  # matrix build is part of the time
r, k = linear_sum_assignment(c)
sec = time.perf_counter() - t
print("result scipy %d %d %d %.4f %.10f" % (len(p), cols, rows, sec, c[r, k].sum()))
