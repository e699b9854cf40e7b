#!/usr/bin/env python3
"""A learning-free baseline on ResNet-50: the best split for the *mean* link state, chosen once
through the server, then played on every step of a 1,000-step episode; prints its mean regret
against the exact optimum of each state (compare random_policy.py).

The mean state is the stationary mean of the environment's channel: a Gauss-Markov process on
the log-rate with median m and log-standard-deviation sigma has mean rate m * exp(sigma**2 / 2).

    python3 python/examples/mean_bandwidth_baseline.py [--steps 1000] [--seed 1] [--jar ...]
"""

import argparse
import math
import statistics

import _path  # noqa: F401
from cleave.envs import PartitionEnv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="resnet50")
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jar", default=None)
    args = parser.parse_args()
    with PartitionEnv(model=args.model, max_steps=args.steps, jar=args.jar) as env:
        up, down = env.channel.uplink, env.channel.downlink
        mean_state = {"uplinkBitsPerSecond": up.median * math.exp(up.sigma ** 2 / 2),
                      "downlinkBitsPerSecond": down.median * math.exp(down.sigma ** 2 / 2),
                      "deviceLoad": 0.0}
        action = env.optimal_action_for(mean_state)
        env.reset(seed=args.seed)
        regrets = []
        for _ in range(args.steps):
            _, _, terminated, truncated, info = env.step(action)
            regrets.append(info["regret"])
            if terminated or truncated:
                break
        where = ("all on the device" if action == len(env.cut_vertices) - 1 else
                 "all on the edge" if action == 0 else f"split after {env.cut_vertices[action]!r}")
        print(f"mean-bandwidth baseline on {args.model}: {where} (cut {action}) "
              f"chosen at {mean_state['uplinkBitsPerSecond'] / 1e6:.3f} Mbit/s up; {len(regrets)} steps, "
              f"mean regret {statistics.fmean(regrets):.6g} s, steps at the optimum {sum(r == 0 for r in regrets)}")


if __name__ == "__main__":
    main()
