"""Times GUDHI's distances between persistence diagrams, for bench/wasserstein/run.ts.

Usage: /usr/bin/python3 gudhi_time.py REPEATS FILE. FILE holds a JSON list of cases, each
{"name", "pairs": [[A, B], ...]} where a diagram is {"0": [[birth, death], ...], "1": [...]}
with null for an infinite death. For each case it times, in this process (Python's start-up and
imports not counted), per pair of diagrams:
- "wasserstein": gudhi.wasserstein.wasserstein_distance(A[d], B[d], order=1, internal_p=inf)
  (POT's exact optimal transport) summed over dimensions 0 and 1, as Kumiki's node combines
  them for dimension "all" and p = 1;
- "bottleneck": the largest over dimensions of gudhi.bottleneck_distance(A[d], B[d]) with its
  default e (the smallest positive double; see make_distance_matrix.py for why not e = 0).
It prints one JSON object: per case and measure, the median time of one call over the pairs
and repeats in milliseconds, and the distances (for a check against Kumiki's).
"""
import json
import statistics
import sys
import time

import gudhi
import numpy as np
from gudhi.wasserstein import wasserstein_distance


def diagram(part):
    rows = [[b, np.inf if d is None else d] for b, d in part]
    return np.array(rows, dtype=float).reshape(-1, 2)


MEASURES = {
    "wasserstein": lambda a, b: sum(
        wasserstein_distance(a[d], b[d], order=1.0, internal_p=np.inf) for d in (0, 1)),
    "bottleneck": lambda a, b: max(gudhi.bottleneck_distance(a[d], b[d]) for d in (0, 1)),
}

repeats = int(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as handle:
    cases = json.load(handle)
report = {}
for case in cases:
    pairs = [[{d: diagram(x[str(d)]) for d in (0, 1)} for x in pair] for pair in case["pairs"]]
    report[case["name"]] = {}
    for name, measure in MEASURES.items():
        times, values = [], []
        for _ in range(repeats):
            for a, b in pairs:
                start = time.perf_counter()
                value = measure(a, b)
                times.append((time.perf_counter() - start) * 1000)
                values.append(float(value))
        report[case["name"]][name] = {"ms": statistics.median(times),
                                      "values": values[:len(pairs)]}
print(json.dumps(report))
