"""Times GUDHI's Vietoris-Rips persistence on point-cloud files, for bench/persistence/run.ts.

Usage: /usr/bin/python3 gudhi_time.py REPEATS MAX_DIMENSION FILE... Each file holds one point
per line. For each file it times, in this process (so Python's start-up is not counted):
- MAX_DIMENSION 1: RipsComplex(points).create_simplex_tree(max_dimension=2).persistence();
- MAX_DIMENSION 2: the path GUDHI recommends for large flag complexes, as the full complex of
  384 points would hold about 900 million tetrahedra: create_simplex_tree(max_dimension=1),
  collapse_edges() until nothing changes, expansion(3), persistence(persistence_dim_max=True).
It prints one JSON object: per file, the median time in milliseconds and the number of points
in dimension MAX_DIMENSION ("top").
"""
import json
import statistics
import sys
import time

import gudhi
import numpy as np


def persistence(points, max_dimension):
    if max_dimension == 1:
        return gudhi.RipsComplex(points=points).create_simplex_tree(max_dimension=2).persistence()
    tree = gudhi.RipsComplex(points=points).create_simplex_tree(max_dimension=1)
    while True:
        before = tree.num_simplices()
        tree.collapse_edges()
        if tree.num_simplices() == before:
            break
    tree.expansion(3)
    return tree.persistence(persistence_dim_max=True)


repeats, max_dimension = int(sys.argv[1]), int(sys.argv[2])
report = {}
for path in sys.argv[3:]:
    points = np.loadtxt(path, ndmin=2)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        pairs = persistence(points, max_dimension)
        times.append((time.perf_counter() - start) * 1000)
    top = sum(1 for d, _ in pairs if d == max_dimension)
    report[path] = {"ms": statistics.median(times), "top": top}
print(json.dumps(report))
