"""Times DDPM sampling with the exact predictor of a 1-D Gaussian mixture in NumPy.

Usage: /usr/bin/python3 numpy_sample.py COUNT N. The mixture 0.25 N(−3, 0.2) + 0.75 N(2, 0.2),
the log-log schedule α_i = exp(−2 log log n / n), σ_i² = (1 − α_i)/α_i, the predictor
from tests/fixtures/diffusion/ddpm_reference.py (vectorised closed form). Prints one JSON
line: seconds, and the mean and standard deviation of the samples, as a check.
"""
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tests/fixtures/diffusion"))
from ddpm_reference import loglog_schedule, mixture_noise_closed_form  # noqa: E402

count, n = int(sys.argv[1]), int(sys.argv[2])
weights, means, variances = [0.25, 0.75], [[-3.0], [2.0]], [[0.2], [0.2]]
alphas, bars = loglog_schedule(n, 2.0)
rng = np.random.default_rng(1)

start = time.perf_counter()
x = rng.standard_normal((count, 1))
for i in range(n, 0, -1):
    a = alphas[i - 1]
    z = mixture_noise_closed_form(x, weights, means, variances, bars[i - 1])
    x = (x - (1 - a) / np.sqrt(1 - bars[i - 1]) * z) / np.sqrt(a)
    if i > 1:
        x = x + np.sqrt((1 - a) / a) * rng.standard_normal(x.shape)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "mean": float(x.mean()), "sd": float(x.std())}))
