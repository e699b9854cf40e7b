#!/usr/bin/env python3
"""Round-trip time of ``env.step`` (evaluate the action, set the next state, compute that state's
optimum: one pipelined round trip to ``cleave serve``) on

1. ``PartitionEnv(model="resnet50")`` -- the zoo's ResNet-50 layer DAG (176 layers), random cut
   actions, Gauss-Markov channel, device load from a seeded process (so that the optimum is
   recomputed on every step);
2. ``MultiUserEnv(users=20, units=16)`` -- P4 with 20 users, the exact ``dp`` optimum per step;
3. ``VectorPartitionEnv(n, model="resnet50")`` -- n such P1 environments stepped with one
   ``batch`` request; reported per vector step and per environment (per vector step / n).

Prints mean, median and p99 wall time per step in microseconds after a warm-up, and the CPU time
per step of the client (this process) and of the server (all its threads, from
``/proc/<pid>/task/*/schedstat``, Linux only): wall time on a shared machine includes waiting for
a core, CPU time does not. A benchmark, not a test: figures depend on the machine and its load.

    python3 python/benchmarks/step_benchmark.py [--steps 10000] [--warmup 3000] [--vector 8,32] [--jar ...]
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
from cleave.vector import VectorPartitionEnv


def server_cpu_ns(pid: int) -> int:
    """CPU time of every thread of process ``pid`` so far, ns (0 where /proc is not available)."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                    total += int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass
    except OSError:
        return 0
    return total


def compiler_share(pid: int, since: dict) -> float:
    """The share of the server's CPU time since ``since`` (updated in place) spent by its JIT
    compiler threads; 0 where /proc is not available."""
    total = compiling = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0.0
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                ns = int(f.read().split()[0])
            with open(f"/proc/{pid}/task/{task}/comm") as f:
                name = f.read()
        except (OSError, ValueError, IndexError):
            continue
        delta = ns - since.get(task, 0)
        since[task] = ns
        total += delta
        if "Compiler" in name:
            compiling += delta
    return compiling / total if total else 0.0


def warm_up(step, steps, pid, max_seconds=120.0):
    """``steps`` calls of ``step()``, then rounds of 500 more until the server's JIT compilers take
    under 5 % of its CPU in a round (steady state; on a loaded machine compilation lags far behind
    the step count), for at most ``max_seconds``."""
    since: dict = {}
    compiler_share(pid, since)
    for _ in range(steps):
        step()
    deadline = time.monotonic() + max_seconds
    while compiler_share(pid, since) > 0.05 and time.monotonic() < deadline:
        for _ in range(500):
            step()


def timed(step, steps, pid):
    """Wall times of ``steps`` calls of ``step()`` (ns, sorted) and the client's and server's CPU ns per call."""
    times = []
    clock = time.perf_counter_ns
    cpu0, server0 = time.process_time_ns(), server_cpu_ns(pid)
    for _ in range(steps):
        start = clock()
        step()
        times.append(clock() - start)
    cpu = (time.process_time_ns() - cpu0) / steps
    server = (server_cpu_ns(pid) - server0) / steps
    times.sort()
    return times, cpu, server


def line(name, times, cpu, server, per=1):
    mean = statistics.fmean(times) / 1e3 / per
    median = times[len(times) // 2] / 1e3 / per
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))] / 1e3 / per
    print(f"{name:44s} mean {mean:8.1f} us  median {median:8.1f} us  p99 {p99:8.1f} us  "
          f"cpu client {cpu / 1e3 / per:6.1f} us  server {server / 1e3 / per:6.1f} us", flush=True)


def load_average() -> str:
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10000)
    parser.add_argument("--warmup", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--vector", default="8,32", help="sizes of VectorPartitionEnv to measure ('' for none)")
    parser.add_argument("--jar", default=None)
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {platform.system()} {platform.machine()}, "
          f"{os.cpu_count()} cpus, load average {load_average()}; {args.steps} timed steps after "
          f"{args.warmup} warm-up steps")
    with Client(args.jar) as client:
        pid = client.pid
        print(f"server: {client.jar}")
        warm_up(client.ping, args.warmup, pid)
        line("ping round trip (the transport floor)", *timed(client.ping, args.steps, pid))
        cases = [
            ("PartitionEnv resnet50 layers, cut actions",
             lambda: PartitionEnv(model="resnet50", client=client, max_steps=10 ** 9,
                                  channel=Channel(load=BoundedLoad(0.2)))),
            ("MultiUserEnv 20 users, 16 units",
             lambda: MultiUserEnv(users=20, units=16, client=client, max_steps=10 ** 9)),
        ]
        for name, make in cases:
            env = make()
            try:
                env.reset(seed=args.seed)
                env.action_space.seed(args.seed)
                sample = env.action_space.sample
                warm_up(lambda: env.step(sample()), args.warmup, pid)
                actions = [sample() for _ in range(args.steps)]
                it = iter(actions)
                line(name, *timed(lambda: env.step(next(it)), args.steps, pid))
            finally:
                env.close()
        for n in [int(x) for x in args.vector.split(",") if x.strip()]:
            env = VectorPartitionEnv(n, "resnet50", client=client, max_steps=10 ** 9,
                                     channel=Channel(load=BoundedLoad(0.2)))
            try:
                env.reset(seed=args.seed)
                env.action_space.seed(args.seed)
                steps = max(1, args.steps // n)
                warm_up(lambda: env.step(env.action_space.sample()), max(1, args.warmup // n), pid)
                actions = [env.action_space.sample() for _ in range(steps)]
                it = iter(actions)
                times, cpu, server = timed(lambda: env.step(next(it)), steps, pid)
                line(f"VectorPartitionEnv n={n}: per vector step", times, cpu, server)
                line(f"VectorPartitionEnv n={n}: per environment", times, cpu, server, per=n)
            finally:
                env.close()
    print(f"load average at the end: {load_average()}")


if __name__ == "__main__":
    main()
