"""The STS-B pipeline downstream of cached sentence vectors, in Python with GUDHI and SciPy, timed
for bench/pipeline/run.ts: Takens embedding (lag 1, stride 8, dimension 3) -> Vietoris-Rips
persistence (dimensions 0 and 1) -> 1-Wasserstein distance (L-infinity ground metric, summed
over dimensions 0 and 1) per pair -> Pearson and Spearman correlation with the scores, with
percentile bootstrap intervals (1000 resamples) - the defaults of Kumiki's nodes.

Usage: /usr/bin/python3 pipeline.py REPEATS VECTORS.npy SCORES.json. The vectors file holds one
float32 row per sentence, rows 2i and 2i + 1 being pair i (bench/pipeline/dump-vectors.ts).
Each repeat runs the whole pipeline in this process, from reading the files on; imports and
Python's start-up are not counted. Prints one JSON object: the median and per-stage times in
milliseconds, and the correlations (for a check against Kumiki's).
"""
import json
import statistics
import sys
import time

import gudhi
import numpy as np
from gudhi.wasserstein import wasserstein_distance
from scipy.stats import bootstrap, pearsonr, spearmanr

LAG, STRIDE, DIMENSION = 1, 8, 3


def takens(series):
    # Point p is (x[t], x[t - lag], ..., x[t - (M - 1) lag]) for t = (M - 1) lag + p * stride.
    times = np.arange((DIMENSION - 1) * LAG, len(series), STRIDE)
    return np.stack([series[times - k * LAG] for k in range(DIMENSION)], axis=1)


def diagram(points):
    tree = gudhi.RipsComplex(points=points).create_simplex_tree(max_dimension=2)
    tree.persistence()
    return [tree.persistence_intervals_in_dimension(d) for d in (0, 1)]


def distance(a, b):
    return sum(wasserstein_distance(a[d], b[d], order=1.0, internal_p=np.inf) for d in (0, 1))


def interval(statistic, x, y):
    result = bootstrap((x, y), lambda u, v: statistic(u, v)[0], paired=True, vectorized=False,
                       n_resamples=1000, method="percentile", random_state=1)
    return [float(result.confidence_interval.low), float(result.confidence_interval.high)]


def run(vectors_path, scores_path):
    stages = {}
    start = time.perf_counter()
    vectors = np.load(vectors_path).astype(float)
    with open(scores_path, encoding="utf-8") as handle:
        scores = np.array(json.load(handle))
    stages["read"] = time.perf_counter()
    clouds = [takens(v) for v in vectors]
    stages["takens"] = time.perf_counter()
    diagrams = [diagram(c) for c in clouds]
    stages["persistence"] = time.perf_counter()
    distances = np.array([distance(diagrams[2 * i], diagrams[2 * i + 1])
                          for i in range(len(scores))])
    stages["wasserstein"] = time.perf_counter()
    result = {
        "pairs": len(scores),
        "pearson": float(pearsonr(distances, scores)[0]),
        "spearman": float(spearmanr(distances, scores)[0]),
        "pearsonInterval": interval(pearsonr, distances, scores),
        "spearmanInterval": interval(spearmanr, distances, scores),
    }
    stages["correlation"] = time.perf_counter()

    previous, ms = start, {}
    for name, moment in stages.items():
        ms[name] = (moment - previous) * 1000
        previous = moment
    return (time.perf_counter() - start) * 1000, ms, result


repeats = int(sys.argv[1])
runs = [run(sys.argv[2], sys.argv[3]) for _ in range(repeats)]
print(json.dumps({"ms": statistics.median(r[0] for r in runs), "all": [r[0] for r in runs],
                  "stages": runs[-1][1], "result": runs[-1][2]}))
