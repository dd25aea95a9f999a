"""Times training steps of the MLP noise predictor in PyTorch on the CPU, for bench/diffusion.

Usage: /usr/bin/python3 torch_time.py WIDTH LAYERS BATCH STEPS. The same network and step as
`diffusion/train-mlp`: input x ∈ R² and sin/cos(2^k π i/n) for k < 4, SiLU hidden layers,
Adam (lr 2e-3); each step draws data rows, steps i ~ U{1..n} and Z ~ N(0, I), forms
x_i = √ᾱ_i x₀ + √(1 − ᾱ_i) Z and minimises mean |Z − z(x_i)|². Prints one JSON line:
seconds for STEPS steps after 20 warm-up steps, the thread count and the last loss.
"""
import json
import sys
import time

import numpy as np
import torch

width, layers, batch, steps = (int(a) for a in sys.argv[1:5])
torch.manual_seed(0)
n, frequencies = 200, 4
bars = torch.tensor(np.cumprod(np.full(n, 0.975)), dtype=torch.float32)
data = torch.rand(2000, 2)
sizes = [2 + 2 * frequencies] + [width] * layers
modules = []
for a, b in zip(sizes[:-1], sizes[1:]):
    modules += [torch.nn.Linear(a, b), torch.nn.SiLU()]
net = torch.nn.Sequential(*modules, torch.nn.Linear(width, 2))
optimizer = torch.optim.Adam(net.parameters(), lr=2e-3)
powers = (2.0 ** torch.arange(frequencies)) * np.pi


def step():
    rows = torch.randint(0, len(data), (batch,))
    i = torch.randint(1, n + 1, (batch,))
    z = torch.randn(batch, 2)
    bar = bars[i - 1][:, None]
    x = bar.sqrt() * data[rows] + (1 - bar).sqrt() * z
    angles = powers[None, :] * (i.float() / n)[:, None]
    time_features = torch.stack([angles.sin(), angles.cos()], 2).reshape(batch, -1)
    loss = ((z - net(torch.cat([x, time_features], 1))) ** 2).sum(1).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


for _ in range(20):
    step()
start = time.perf_counter()
for _ in range(steps):
    last = step()
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "threads": torch.get_num_threads(), "loss": last}))
