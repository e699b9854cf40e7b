"""VectorPartitionEnv: each sub-environment is exactly the PartitionEnv it wraps (seeding, reward,
info, regret of the optimal action 0), one batch round trip per step, next-step autoreset."""

import unittest

import support
from support import ServerTestCase, requires_server
from cleave import spaces
from cleave.channels import BoundedLoad, Channel
from cleave.envs import PartitionEnv
from cleave.vector import VectorPartitionEnv

STEPS = 12


def plain(x):
    if hasattr(x, "tolist"):
        return x.tolist()
    if isinstance(x, (tuple, list)):
        return [plain(v) for v in x]
    return x


@requires_server
class VectorPartitionEnvTest(ServerTestCase):

    def make(self, n=3, **kwargs):
        kwargs.setdefault("channel", Channel(load=BoundedLoad(0.2)))
        env = VectorPartitionEnv(n, "resnet50", client=self.client, max_steps=kwargs.pop("max_steps", 10 ** 6),
                                 **kwargs)
        self.addCleanup(env.close)
        return env

    def test_api_and_spaces(self):
        v = self.make(n=2)
        self.assertEqual(v.num_envs, 2)
        self.assertEqual(v.metadata["autoreset_mode"], "NextStep")
        obs, infos = v.reset(seed=3)
        self.assertEqual(len(obs), 2)
        self.assertTrue(v.observation_space.contains(obs))
        self.assertTrue(all(v.single_observation_space.contains(o) for o in obs))
        for key in ("optimum", "optimal_action", "exact_optimum", "state"):
            self.assertEqual(len(infos[key]), 2)
            self.assertEqual(infos["_" + key], [True, True])
        actions = v.action_space.sample()
        self.assertTrue(v.action_space.contains(actions))
        obs, rewards, terminations, truncations, infos = v.step(actions)
        self.assertEqual((len(obs), len(rewards), len(terminations), len(truncations)), (2, 2, 2, 2))
        self.assertEqual(plain(terminations), [False, False])
        with self.assertRaises(ValueError):
            v.step([0])
        with self.assertRaises(ValueError):
            VectorPartitionEnv(0, "resnet50", client=self.client)

    def test_each_sub_environment_follows_the_single_environment_with_its_seed(self):
        n, seed = 3, 41
        v = self.make(n=n)
        singles = []
        for i in range(n):
            e = PartitionEnv("resnet50", client=self.client, channel=Channel(load=BoundedLoad(0.2)), max_steps=10 ** 6)
            self.addCleanup(e.close)
            singles.append(e)
        obs, infos = v.reset(seed=seed)
        single = [e.reset(seed=seed + i) for i, e in enumerate(singles)]
        for i in range(n):
            self.assertEqual(plain(obs[i]), plain(single[i][0]), f"seed {seed}, env {i}")
            self.assertEqual(infos["optimum"][i], single[i][1]["optimum"])
        cuts = len(v.cut_vertices)
        for t in range(STEPS):
            actions = [(7 * t + 3 * i) % cuts for i in range(n)]
            obs, rewards, _, _, infos = v.step(actions)
            for i, e in enumerate(singles):
                o, r, _, _, info = e.step(actions[i])
                what = f"seed {seed}, step {t}, env {i}"
                self.assertEqual(plain(obs[i]), plain(o), what)
                self.assertEqual(float(rewards[i]), r, what)
                for key in ("regret", "objective", "optimum", "optimal_action", "cost"):
                    self.assertEqual(plain(infos[key][i]), plain(info[key]), what + " " + key)

    def test_reward_is_minus_cost_and_the_optimal_action_has_zero_regret(self):
        v = self.make(n=4)
        _, infos = v.reset(seed=5)
        for t in range(STEPS):
            best = [int(a) for a in infos["optimal_action"]]
            optimum = list(infos["optimum"])
            _, rewards, _, _, infos = v.step(best)
            for i in range(4):
                what = f"seed 5, step {t}, env {i}"
                self.assertEqual(infos["regret"][i], 0.0, what)
                self.assertEqual(float(rewards[i]), -infos["objective"][i], what)
                self.assertEqual(infos["objective"][i], optimum[i], what)
                self.assertEqual(infos["cost"][i]["objective"], infos["objective"][i], what)

    def test_seeding_gives_identical_trajectories(self):
        def run(seed):
            v = self.make(n=2)
            out = [plain(v.reset(seed=seed)[0])]
            for t in range(STEPS):
                obs, rewards, _, _, infos = v.step([t % 5, (2 * t) % 5])
                out.append((plain(obs), plain(rewards), infos["regret"]))
            return out
        self.assertEqual(run(9), run(9))
        self.assertNotEqual(run(9), run(10))

    def test_next_step_autoreset(self):
        v = self.make(n=2, max_steps=2)
        single = PartitionEnv("resnet50", client=self.client, channel=Channel(load=BoundedLoad(0.2)), max_steps=2)
        self.addCleanup(single.close)
        v.reset(seed=[11, None])
        single.reset(seed=11)
        for t, expect_truncated in ((0, False), (1, True)):
            _, _, _, truncations, _ = v.step([1, 1])
            _, _, _, truncated, _ = single.step(1)
            self.assertEqual(plain(truncations), [expect_truncated] * 2)
            self.assertEqual(truncated, expect_truncated)
        obs, rewards, terminations, truncations, infos = v.step([2, 2])  # ignored: the episode restarts
        first, info = single.reset()
        self.assertEqual(plain(obs[0]), plain(first), "the reset draws as PartitionEnv.reset() would")
        self.assertEqual(infos["optimum"][0], info["optimum"])
        self.assertEqual(plain(rewards), [0.0, 0.0])
        self.assertEqual(plain(truncations), [False, False])
        self.assertNotIn("regret", infos, "a reset step prices no action")
        _, _, _, _, infos = v.step([3, 3])
        self.assertEqual(infos["_regret"], [True, True])


if __name__ == "__main__":
    unittest.main()
