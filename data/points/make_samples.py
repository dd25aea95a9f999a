"""Makes the sample point clouds bundled with Kumiki for the data/points node.

Run with NumPy from this folder: python3 make_samples.py (NumPy 1.24; the seed is fixed, so the
files are the same on every run). Coordinates are written with six decimals; the files, not
this script's floats, are the clouds every test and reference reads.

- circle.csv: 200 points of the unit circle in the plane at uniform random angles, each moved
  by Gaussian noise of standard deviation 0.05 per coordinate. Its persistence diagram has one
  long loop in dimension 1.
- torus.csv: 300 points of a torus in R^3 (tube radius 0.6 around a circle of radius 1.6) at
  uniform random angles, with Gaussian noise of standard deviation 0.02. Its diagram shows the
  torus's two independent loops in dimension 1 (and a void in dimension 2 when points are
  dense enough; 300 points are not).
"""
import numpy as np

rng = np.random.default_rng(2718)

angles = rng.uniform(0, 2 * np.pi, 200)
circle = np.column_stack([np.cos(angles), np.sin(angles)]) + rng.normal(0, 0.05, (200, 2))
np.savetxt("circle.csv", circle, fmt="%.6f", delimiter=",", header="x,y")

u, v = rng.uniform(0, 2 * np.pi, (2, 300))
ring = 1.6 + 0.6 * np.cos(v)
torus = np.column_stack([ring * np.cos(u), ring * np.sin(u), 0.6 * np.sin(v)])
torus += rng.normal(0, 0.02, torus.shape)
np.savetxt("torus.csv", torus, fmt="%.6f", delimiter=",", header="x,y,z")
