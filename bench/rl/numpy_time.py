"""Times the NumPy reference (tests/fixtures/rl/td_reference.py) on cliff walking.

Usage: /usr/bin/python3 numpy_time.py METHOD SEEDS EPISODES. Prints one JSON line: the CPU
seconds of the run (time.process_time, user + system) and the mean return of the last 100
episodes, as a check that it computed the same thing.
"""
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../tests/fixtures/rl"))
import td_reference as R  # noqa: E402

method, seeds, episodes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
start = time.process_time()
runs = R.run(R.cliff(), method, seeds, episodes, rng=np.random.default_rng(1))
seconds = time.process_time() - start
print(json.dumps({"seconds": seconds, "last100": float(runs["returns"][:, -100:].mean())}))
