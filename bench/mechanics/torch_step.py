"""Times one Lagrange-Dirac training step in PyTorch (CPU, float32) for bench/mechanics/run.ts.

Reads the weights, batch and repetition count from the JSON file named on the command line,
builds the same tanh MLP, and times: forward, dL/dx by autograd.grad(create_graph=True), the
loss mean_b |dL/dx - r|^2, its weight gradients by backward(), and one Adam step (lr 1e-3).
Prints JSON: the loss before the first step, the median, best and all wall times (ms) and the
median and best CPU time of the process (ms) after two warm-up steps, for each thread count
named after the file (default: 1 and every core).
"""

import json
import os
import sys
import time

import torch


def bench(spec, threads):
    torch.set_num_threads(threads)
    params = []
    for w, b, (n_in, n_out) in zip(spec["weights"], spec["biases"], spec["shapes"]):
        params.append(torch.tensor(w, dtype=torch.float32).reshape(n_in, n_out).requires_grad_())
        params.append(torch.tensor(b, dtype=torch.float32).reshape(1, n_out).requires_grad_())
    x = torch.tensor(spec["x"], dtype=torch.float32).reshape(-1, 8)
    target = torch.tensor(spec["target"], dtype=torch.float32).reshape(-1, 8)
    opt = torch.optim.Adam(params, lr=1e-3)
    last = len(params) // 2 - 1

    def step():
        xi = x.clone().requires_grad_()
        a = xi
        for k in range(last + 1):
            a = a @ params[2 * k] + params[2 * k + 1]
            if k < last:
                a = torch.tanh(a)
        (grad,) = torch.autograd.grad(a.sum(), xi, create_graph=True)
        loss = ((grad - target) ** 2).sum() / x.shape[0]
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss.item()

    first = step()
    for _ in range(2):
        step()
    times = []
    cpu = []
    for _ in range(spec["repeats"]):
        start = time.perf_counter()
        start_cpu = time.process_time()
        step()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    cpu.sort()
    return {
        "threads": threads,
        "loss": first,
        "median": times[len(times) // 2],
        "best": times[0],
        "cpuMedian": cpu[len(cpu) // 2],
        "cpuBest": cpu[0],
        "times": times,
    }


spec = json.load(open(sys.argv[1]))
counts = [int(n) for n in sys.argv[2:]] or sorted({1, os.cpu_count() or 1})
print(json.dumps({"torch": torch.__version__, "runs": [bench(spec, n) for n in counts]}))
