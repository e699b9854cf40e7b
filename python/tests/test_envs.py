"""An environment contract test in the spirit of Gymnasium's ``check_env``, run on every
environment: API signatures and return types, observations inside the declared space, seeding
gives identical trajectories, reward = -cost recomputed with a separate ``evaluate`` request,
the optimal action has zero regret on every step, truncation, penalties."""

import inspect
import math
import random
import unittest

import support
from support import EXAMPLE_INSTANCE, ServerTestCase, requires_server
from cleave import spaces
from cleave.channels import BoundedLoad, Channel, LogNormal
from cleave.envs import ExitsEnv, MultiUserEnv, PartitionEnv

STEPS = 25


def as_plain(x):
    """An observation or action as nested plain Python values, for equality checks."""
    if hasattr(x, "tolist"):
        return x.tolist()
    if isinstance(x, (tuple, list)):
        return [as_plain(v) for v in x]
    if isinstance(x, dict):
        return {k: as_plain(v) for k, v in x.items()}
    return x


class EnvContract:
    """Mixed into a test class whose ``make()`` builds the environment on ``self.client``."""

    client = None

    def make(self, **kwargs):
        raise NotImplementedError

    def source(self):
        """The load request of the environment's instance (for a second, independent handle)."""
        raise NotImplementedError

    def sample_action(self, env):
        """An action for the reward test (default: the action space's own sample)."""
        return env.action_space.sample()

    def setUp(self):
        self.env = self.make()
        self.addCleanup(self.env.close)

    def test_api(self):
        env = self.env
        reset = inspect.signature(env.reset)
        self.assertEqual(reset.parameters["seed"].default, None)
        self.assertEqual(reset.parameters["options"].default, None)
        self.assertEqual(reset.parameters["seed"].kind, inspect.Parameter.KEYWORD_ONLY)
        self.assertEqual(list(inspect.signature(env.step).parameters), ["action"])
        self.assertIsNone(env.render_mode)
        self.assertIsInstance(env.metadata, dict)
        self.assertIn("render_modes", env.metadata)
        for space in (env.observation_space, env.action_space):
            for attribute in ("sample", "contains", "seed", "shape", "dtype"):
                self.assertTrue(hasattr(space, attribute), f"{space!r} lacks {attribute}")
        result = env.reset(seed=1)
        self.assertIsInstance(result, tuple)
        self.assertEqual(len(result), 2)
        obs, info = result
        self.assertTrue(env.observation_space.contains(obs), f"{obs!r} not in {env.observation_space!r}")
        self.assertIsInstance(info, dict)
        for key in ("optimum", "optimal_action", "exact_optimum", "optimum_status", "optimum_verified", "state"):
            self.assertIn(key, info)
        self.assertTrue(env.action_space.contains(info["optimal_action"]))
        result = env.step(env.action_space.sample())
        self.assertIsInstance(result, tuple)
        self.assertEqual(len(result), 5)
        obs, reward, terminated, truncated, info = result
        self.assertTrue(env.observation_space.contains(obs))
        self.assertIsInstance(reward, float)
        self.assertTrue(math.isfinite(reward))
        self.assertIs(terminated, False)
        self.assertIsInstance(truncated, bool)
        for key in ("cost", "objective", "feasible", "violations", "regret", "optimum", "optimal_action"):
            self.assertIn(key, info)

    def trajectory(self, env, seed):
        actions = random.Random(seed + 1000)
        out = []
        obs, info = env.reset(seed=seed)
        out.append((as_plain(obs), as_plain(info)))
        for _ in range(STEPS):
            env.action_space.seed(actions.randrange(2 ** 31))
            obs, reward, terminated, truncated, info = env.step(env.action_space.sample())
            out.append((as_plain(obs), reward, terminated, truncated, as_plain(info)))
        return out

    def test_seeding_gives_identical_trajectories(self):
        for seed in (0, 7):
            first = self.trajectory(self.env, seed)
            other = self.make()
            try:
                self.assertEqual(first, self.trajectory(other, seed), f"seed {seed}: a second environment")
            finally:
                other.close()
            self.assertEqual(first, self.trajectory(self.env, seed), f"seed {seed}: the same environment again")
        self.assertNotEqual(self.trajectory(self.env, 1)[:3], self.trajectory(self.env, 2)[:3])

    def test_observations_stay_in_the_space(self):
        env = self.env
        obs, _ = env.reset(seed=3)
        for _ in range(STEPS):
            self.assertTrue(env.observation_space.contains(obs), f"seed 3: {obs!r}")
            obs, *_ = env.step(env.action_space.sample())

    def test_reward_is_minus_cost_recomputed_with_evaluate(self):
        env = self.env
        check = self.client.load(**self.source())
        self.addCleanup(self.client.close_handle, check)
        _, info = env.reset(seed=4)
        env.action_space.seed(4)
        feasible_seen = 0
        for _ in range(STEPS):
            action = self.sample_action(env)
            state = {k: v for k, v in info["state"].items() if v is not None}  # unset bounds are null
            info_before = info
            obs, reward, _, _, info = env.step(action)
            try:
                priced = self.client.evaluate(check, env.encode_action(action), state=state)
            except support.CleaveError as e:
                self.assertEqual(e.code, "invalid_input")
                self.assertIs(info["feasible"], False)
                self.assertIsNone(info["cost"])
                continue
            self.assertEqual(info["objective"], priced["objective"], "seed 4")
            self.assertEqual(info["cost"], priced["plan"]["cost"])
            self.assertEqual(info["feasible"], priced["feasible"])
            if priced["objective"] is None:  # not finite: penalised like a refused action
                self.assertEqual(reward, -info_before["optimum"] - env.infeasible_penalty, "seed 4")
                continue
            expected = -priced["objective"] - (0.0 if priced["feasible"] else env.infeasible_penalty)
            self.assertEqual(reward, expected, "seed 4")
            feasible_seen += priced["feasible"]
        self.assertGreater(feasible_seen, 0, "seed 4: no feasible random action to compare")

    def test_optimal_action_has_zero_regret_on_every_step(self):
        env = self.env
        _, info = env.reset(seed=5)
        for step in range(STEPS):
            optimum = info["optimum"]
            obs, reward, _, _, info = env.step(info["optimal_action"])
            self.assertTrue(info["feasible"], f"seed 5, step {step}")
            self.assertEqual(info["regret"], 0.0, f"seed 5, step {step}")
            self.assertEqual(reward, -optimum, f"seed 5, step {step}")
            self.assertTrue(info["optimum_verified"])

    def test_regret_is_never_negative_for_feasible_actions(self):
        env = self.env
        env.reset(seed=6)
        for _ in range(STEPS):
            _, _, _, _, info = env.step(env.action_space.sample())
            if info["feasible"]:
                self.assertGreaterEqual(info["regret"], -1e-12 * max(1.0, abs(info["objective"])), "seed 6")

    def test_truncation_and_bad_actions(self):
        env = self.make(max_steps=3)
        try:
            with self.assertRaises(RuntimeError):
                env.step(env.action_space.sample())
            env.reset(seed=8)
            flags = [env.step(env.action_space.sample())[3] for _ in range(3)]
            self.assertEqual(flags, [False, False, True])
            _, info = env.reset()
            self.assertIn("optimum", info)
            for bad in (None, "x", -1, (1.5,), [10 ** 9] * 200):
                with self.assertRaises(ValueError):
                    env.step(bad)
            with self.assertRaises(ValueError):
                env.reset(options={"x": 1})
        finally:
            env.close()
        env.close()
        with self.assertRaises(RuntimeError):
            env.reset()


@requires_server
class PartitionEnvCutTest(EnvContract, ServerTestCase):

    def make(self, **kwargs):
        return PartitionEnv(model="resnet50", client=self.client, **kwargs)

    def source(self):
        return {"zoo": {"model": "resnet50"}}

    def test_shape(self):
        self.assertEqual(len(self.env.layers), 176)
        self.assertEqual(self.env.action_space.n, len(self.env.cut_vertices))
        self.assertEqual(self.env.observation_space.shape, (3,))


@requires_server
class PartitionEnvMaskTest(EnvContract, ServerTestCase):
    """Edge masks on a small DAG, with a load process and a log-normal channel; most random
    masks are not monotone, so they exercise the refused-action penalty."""

    def make(self, **kwargs):
        channel = Channel(uplink=LogNormal(5e6, 1.0), load=BoundedLoad(0.3, 0.5, 0.5, high=0.9))
        return PartitionEnv(instance=str(EXAMPLE_INSTANCE), action="mask", channel=channel, client=self.client, **kwargs)

    def source(self):
        return {"path": str(EXAMPLE_INSTANCE)}

    def sample_action(self, env):
        # random masks are almost never monotone: mix in the masks of the cut placements
        if env.action_space.sample()[0] == 1:
            return env.action_space.sample()
        if not hasattr(self, "cut_masks"):
            self.cut_masks = [self.client.evaluate(env.handle, {"cut": i}, state=env._state_fields)["action"]["edgeMask"]
                              for i in range(len(env.cut_vertices))]
        return self.cut_masks[env.action_space.sample()[1] % len(self.cut_masks)]

    def test_refused_mask_is_penalised(self):
        env = self.env
        _, info = env.reset(seed=9)
        mask = [1] * len(env.layers)  # the input on the edge: not a plan
        obs, reward, _, _, after = env.step(mask)
        self.assertIs(after["feasible"], False)
        self.assertIsNone(after["regret"])
        self.assertTrue(after["violations"])
        self.assertEqual(reward, -info["optimum"] - env.infeasible_penalty)
        self.assertTrue(env.observation_space.contains(obs))


@requires_server
class ExitsEnvTest(EnvContract, ServerTestCase):

    def make(self, **kwargs):
        return ExitsEnv(model="b-alexnet", client=self.client, **kwargs)

    def source(self):
        return {"zoo": {"model": "b-alexnet", "family": "exits"}}

    def test_action_layout(self):
        env = self.env
        self.assertEqual(env.action_space.shape, (len(env.exits) + 1,))
        self.assertEqual(env.encode_action([1] * len(env.exits) + [0]), {"cut": 0, "exits": env.exits})


@requires_server
class MultiUserEnvTest(EnvContract, ServerTestCase):

    def make(self, **kwargs):
        return MultiUserEnv(users=5, units=6, client=self.client, **kwargs)

    def source(self):
        return {"multiuser": {"users": 5, "units": 6}}

    def sample_action(self, env):
        # random unit counts almost always break the budgets: mix in random options with an
        # even split of the units (1 each for 5 users and 6 units: within budget)
        action = [int(x) for x in env.action_space.sample()]
        if action[0] % 2 == 0:
            return action
        n = len(env.users)
        return action[:n] + [env.compute_units // n] * n + [env.bandwidth_units // n] * n

    def test_over_budget_is_priced_and_penalised(self):
        env = self.env
        env.reset(seed=10)
        n = len(env.users)
        action = [0] * n + [env.compute_units] * n + [env.bandwidth_units] * n
        _, reward, _, _, info = env.step(action)
        self.assertIs(info["feasible"], False)
        self.assertTrue(info["violations"])
        self.assertEqual(reward, -info["objective"] - env.infeasible_penalty)


@requires_server
class ConstructionTest(ServerTestCase):

    def test_wrong_family_and_arguments(self):
        with self.assertRaises(ValueError) as e:
            PartitionEnv(instance=str(EXAMPLE_INSTANCE), action="split", client=self.client)
        self.assertIn("action: 'split'", str(e.exception))
        with self.assertRaises(ValueError):
            PartitionEnv(client=self.client)
        with self.assertRaises(ValueError) as e:
            ExitsEnv(instance=str(EXAMPLE_INSTANCE), client=self.client)
        self.assertIn("family 'partition'", str(e.exception))
        with self.assertRaises(ValueError):
            MultiUserEnv(users=3, client=self.client)
        with self.assertRaises(support.CleaveError):
            PartitionEnv(model="no-such-model", client=self.client)
        self.assertTrue(self.client.alive)

    def test_own_client_is_closed_with_the_env(self):
        env = PartitionEnv(instance=str(EXAMPLE_INSTANCE))
        client = env.client
        env.reset(seed=1)
        env.close()
        self.assertFalse(client.alive)


if __name__ == "__main__":
    unittest.main()


def diamond_instance():
    """input -> a, b -> c: the input tensor is large, a's and b's outputs tiny, c's work large.
    At a slow uplink the optimum runs a and b on the device and c on the edge -- no single cut
    vertex (only input and c are cut vertices) gives that placement."""
    layers = [("input", 0.0, 1e6), ("a", 1e6, 100.0), ("b", 1e6, 100.0), ("c", 1e12, 10.0)]
    return {"schemaVersion": 1, "family": "partition", "name": "diamond",
            "model": {"layers": [{"id": i, "flops": f, "outputBytes": o, "paramBytes": 0.0} for i, f, o in layers],
                      "arcs": [{"from": u, "to": v} for u, v in (("input", "a"), ("input", "b"), ("a", "c"), ("b", "c"))]},
            "device": {"flopsPerSecond": 1e10, "computeWatts": 3.0, "transmitWatts": 2.0, "idleWatts": 1.0},
            "edge": {"flopsPerSecond": 1e13},
            "link": {"uplinkBitsPerSecond": 1e6, "downlinkBitsPerSecond": 1e7, "latencySeconds": 0.0},
            "objective": {"latencyWeight": 1.0, "energyWeight": 0.0}, "deviceLoad": 0.0}


@requires_server
class RestrictedOptimumTest(ServerTestCase):
    """In cut mode the optimum is over the cut actions, found by pricing each when the exact
    optimum is not a cut placement; in mask mode it is the exact optimum."""

    def test_cut_mode_prices_every_cut_when_the_exact_optimum_is_no_cut(self):
        channel = Channel(uplink=LogNormal(1e6, 0.1), downlink=LogNormal(1e7, 0.1))
        env = PartitionEnv(instance=diamond_instance(), channel=channel, client=self.client)
        self.addCleanup(env.close)
        _, info = env.reset(seed=12)
        self.assertEqual(env.cut_vertices, ["input", "c"])
        check = self.client.load(diamond_instance())
        self.addCleanup(self.client.close_handle, check)
        for step in range(5):
            state = {k: v for k, v in info["state"].items() if v is not None}
            exact = self.client.evaluate(check, {"cut": 0}, state=state, with_optimum=True)["optimum"]
            self.assertIsNone(exact["action"]["cut"], f"seed 12, step {step}: the exact optimum is a cut")
            self.assertEqual(info["exact_optimum"], exact["objective"])
            cuts = [self.client.evaluate(check, {"cut": i}, state=state)["objective"] for i in range(2)]
            self.assertEqual(info["optimum"], min(cuts))
            self.assertEqual(info["optimal_action"], cuts.index(min(cuts)))
            self.assertGreater(info["optimum"], info["exact_optimum"])
            _, reward, _, _, info = env.step(info["optimal_action"])
            self.assertEqual(info["regret"], 0.0)

        masks = PartitionEnv(instance=diamond_instance(), action="mask", channel=channel, client=self.client)
        self.addCleanup(masks.close)
        _, info = masks.reset(seed=12)
        self.assertEqual(as_plain(info["optimal_action"]), [0, 0, 0, 1])
        self.assertEqual(info["optimum"], info["exact_optimum"])


@requires_server
@unittest.skipUnless(spaces.HAVE_GYMNASIUM, "gymnasium is not installed: its check_env cannot run (the contract tests above stand in for it)")
class GymnasiumCheckEnvTest(ServerTestCase):
    """With gymnasium installed the environments are ``gymnasium.Env``s and pass its own checker."""

    def test_check_env(self):
        import warnings
        import gymnasium
        from gymnasium.utils.env_checker import check_env
        for make in (lambda: PartitionEnv(model="resnet50", client=self.client),
                     lambda: PartitionEnv(instance=str(EXAMPLE_INSTANCE), action="mask", client=self.client),
                     lambda: ExitsEnv(model="b-alexnet", client=self.client),
                     lambda: MultiUserEnv(users=5, units=6, client=self.client)):
            env = make()
            try:
                self.assertIsInstance(env, gymnasium.Env)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # a constant load gives a Box dimension with low == high
                    check_env(env, skip_render_check=True)
            finally:
                env.close()
