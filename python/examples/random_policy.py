#!/usr/bin/env python3
"""A uniformly random split policy on ResNet-50 (P1, the zoo's layer DAG, 4G link, RPi 4 device,
GPU edge): runs 1,000 steps and prints the mean regret against the exact optimum of each state.

    python3 python/examples/random_policy.py [--steps 1000] [--seed 1] [--jar cli/target/cleave.jar]
"""

import argparse
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
        env.reset(seed=args.seed)
        regrets, rewards = [], []
        for _ in range(args.steps):
            _, reward, terminated, truncated, info = env.step(env.action_space.sample())
            regrets.append(info["regret"])
            rewards.append(reward)
            if terminated or truncated:
                break
        print(f"random policy on {args.model}: {len(regrets)} steps, {env.action_space.n} cut actions, "
              f"mean regret {statistics.fmean(regrets):.6g} s, mean reward {statistics.fmean(rewards):.6g}, "
              f"steps at the optimum {sum(r == 0 for r in regrets)}")


if __name__ == "__main__":
    main()
