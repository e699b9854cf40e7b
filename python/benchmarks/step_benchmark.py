#!/usr/bin/env python3
"""Round-trip time of ``env.step`` (evaluate the action with the optimum of its state, set the
next state, compute that state's optimum: one pipelined round trip to ``cleave serve``) on

1. ``PartitionEnv(model="resnet50")`` -- the zoo's ResNet-50 layer DAG (176 layers), random cut
   actions, Gauss-Markov channel, device load from a seeded process (so that the optimum is
   recomputed on every step);
2. ``MultiUserEnv(users=20, units=16)`` -- P4 with 20 users, the exact ``dp`` optimum per step.

Prints mean, median and p99 per step in microseconds, after a warm-up. A benchmark, not a test:
figures depend on the machine and its load.

    python3 python/benchmarks/step_benchmark.py [--steps 10000] [--warmup 3000] [--jar ...]
"""

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

try:
    import cleave  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleave import Client
from cleave.channels import BoundedLoad, Channel
from cleave.envs import MultiUserEnv, PartitionEnv


def measure(env, steps, warmup, seed, policy):
    env.reset(seed=seed)
    env.action_space.seed(seed)
    for _ in range(warmup):
        env.step(policy(env))
    times = []
    clock = time.perf_counter_ns
    for _ in range(steps):
        action = policy(env)
        start = clock()
        _, _, _, truncated, info = env.step(action)
        times.append(clock() - start)
        if truncated:
            env.reset()
    times.sort()
    mean = statistics.fmean(times) / 1e3
    return mean, times[len(times) // 2] / 1e3, times[min(len(times) - 1, int(0.99 * len(times)))] / 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10000)
    parser.add_argument("--warmup", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jar", default=None)
    args = parser.parse_args()
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"python {platform.python_version()}, {platform.system()} {platform.machine()}, "
          f"{os.cpu_count()} cpus, load average {load[0]:.1f}; {args.steps} timed steps after "
          f"{args.warmup} warm-up steps")
    with Client(args.jar) as client:
        print(f"server: {client.jar}")
        for _ in range(args.warmup):
            client.ping()
        times = []
        for _ in range(args.steps):
            start = time.perf_counter_ns()
            client.ping()
            times.append(time.perf_counter_ns() - start)
        times.sort()
        print(f"{'ping round trip (the transport floor)':45s} mean {statistics.fmean(times) / 1e3:9.1f} us   "
              f"median {times[len(times) // 2] / 1e3:9.1f} us   p99 {times[int(0.99 * len(times))] / 1e3:9.1f} us")
        cases = [
            ("PartitionEnv resnet50 layers, cut actions",
             lambda: PartitionEnv(model="resnet50", client=client, max_steps=10 ** 9,
                                  channel=Channel(load=BoundedLoad(0.2))),
             lambda env: env.action_space.sample()),
            ("MultiUserEnv 20 users, 16 units",
             lambda: MultiUserEnv(users=20, units=16, client=client, max_steps=10 ** 9),
             lambda env: env.action_space.sample()),
        ]
        for name, make, policy in cases:
            env = make()
            try:
                mean, median, p99 = measure(env, args.steps, args.warmup, args.seed, policy)
            finally:
                env.close()
            print(f"{name:45s}      mean {mean:9.1f} us   median {median:9.1f} us   p99 {p99:9.1f} us")


if __name__ == "__main__":
    main()
