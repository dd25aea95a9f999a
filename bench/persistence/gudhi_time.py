"""Times GUDHI's Vietoris-Rips persistence on point-cloud files, for bench/persistence/run.ts.

Usage: /usr/bin/python3 gudhi_time.py REPEATS FILE... Each file holds one point per line. For
each file it times RipsComplex(points).create_simplex_tree(max_dimension=2).persistence()
in this process (so Python's start-up is not counted) and prints one JSON object: the median
time in milliseconds and the number of H1 points, per file.
"""
import json
import statistics
import sys
import time

import gudhi
import numpy as np

repeats = int(sys.argv[1])
report = {}
for path in sys.argv[2:]:
    points = np.loadtxt(path, ndmin=2)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        tree = gudhi.RipsComplex(points=points).create_simplex_tree(max_dimension=2)
        pairs = tree.persistence()
        times.append((time.perf_counter() - start) * 1000)
        del tree
    report[path] = {"ms": statistics.median(times), "h1": sum(1 for d, _ in pairs if d == 1)}
print(json.dumps(report))
