"""Several environments stepped together in one round trip to ``cleave serve``.

:class:`VectorPartitionEnv` holds ``num_envs`` :class:`~cleave.envs.PartitionEnv` (each its own
handle on one shared server) and steps them all with one ``batch`` request: for every
environment the ``evaluate`` of its action, the ``set`` of its next state and the ``optimum`` of
that state, ``3 * num_envs`` requests in one line and one response line. Each environment is
exactly the :class:`~cleave.envs.PartitionEnv` it wraps (same dynamics, reward, info, seeding),
so sub-environment ``i`` of ``VectorPartitionEnv(n, ...).reset(seed=s)`` follows the trajectory
of ``PartitionEnv(...).reset(seed=s + i)`` given the same actions.

The API follows Gymnasium's ``VectorEnv`` (``num_envs``, ``single_observation_space``,
``single_action_space``, batched ``observation_space`` / ``action_space``, ``reset(seed=None,
options=None) -> (observations, infos)``, ``step(actions) -> (observations, rewards,
terminations, truncations, infos)``) with Gymnasium 1.x's default **next-step autoreset**: the
step after a sub-environment's episode ended (it is truncated after ``max_steps`` steps; it
never terminates) resets that sub-environment instead of stepping it -- its action is ignored,
its reward is 0, and its observation and info are those of the new episode's first state.

Batched values: with NumPy (Gymnasium installed) observations are an array of shape
``(num_envs, 3)``, rewards, terminations and truncations arrays of length ``num_envs``;
otherwise tuples. ``infos`` is a dict mapping each info key to a list of ``num_envs`` values
(``None`` where a sub-environment has no such entry) and ``"_" + key`` to a list of booleans
saying which sub-environments have it, as Gymnasium's vector infos do (lists here, not arrays).

Without Gymnasium, ``action_space`` and ``observation_space`` are :class:`BatchedSpace`:
``sample()`` gives a list of ``num_envs`` single samples, ``contains`` checks each.
"""

from typing import Any, Dict, List, Optional, Sequence, Union

from . import spaces
from .client import MAX_BATCH_REQUESTS, CleaveError, Client
from .envs import PartitionEnv

__all__ = ["VectorPartitionEnv", "BatchedSpace"]


class BatchedSpace:
    """``n`` copies of a single space (used when gymnasium is not installed)."""

    def __init__(self, single, n: int):
        self.single = single
        self.n = int(n)
        self.shape = (self.n,) + tuple(getattr(single, "shape", ()) or ())

    def seed(self, seed: Optional[int] = None):
        self.single.seed(seed)
        return [seed]

    def sample(self) -> list:
        return [self.single.sample() for _ in range(self.n)]

    def contains(self, x) -> bool:
        try:
            items = list(x)
        except TypeError:
            return False
        return len(items) == self.n and all(self.single.contains(v) for v in items)

    def __contains__(self, x) -> bool:
        return self.contains(x)

    def __repr__(self) -> str:
        return f"BatchedSpace({self.single!r}, {self.n})"


def _batch_space(single, n: int):
    if spaces.HAVE_GYMNASIUM:
        from gymnasium.vector.utils import batch_space
        return batch_space(single, n)
    return BatchedSpace(single, n)


class VectorPartitionEnv:
    """``num_envs`` P1 environments (:class:`~cleave.envs.PartitionEnv`) stepped with one
    ``batch`` request per step.

    :param num_envs: how many environments (at most 1,365: three requests each in one batch of
        at most 4,096).
    :param model, instance, action, view, network, device, edge, channel, sigma, memory,
        max_steps, infeasible_penalty: as for :class:`~cleave.envs.PartitionEnv`, the same for
        every sub-environment (``channel`` is copied per sub-environment by giving each its
        own; pass ``channels=`` to give one per sub-environment).
    :param channels: one :class:`~cleave.channels.Channel` per sub-environment, instead of
        ``channel``.
    :param client: a :class:`~cleave.client.Client` to share (default: one started here and
        ended by :meth:`close`).
    """

    metadata: Dict[str, Any] = {"render_modes": [], "autoreset_mode": "NextStep"}
    render_mode = None
    spec = None

    def __init__(self, num_envs: int, model: Optional[str] = None, *, client: Optional[Client] = None, jar=None,
                 channel=None, channels: Optional[Sequence[Any]] = None, **env_kwargs: Any):
        if not isinstance(num_envs, int) or num_envs < 1 or 3 * num_envs > MAX_BATCH_REQUESTS:
            raise ValueError(f"num_envs: {num_envs!r}, expected an integer in [1, {MAX_BATCH_REQUESTS // 3}]")
        if channel is not None and channels is not None:
            raise ValueError("give channel= or channels=, not both")
        if channels is not None and len(channels) != num_envs:
            raise ValueError(f"channels: length {len(channels)}, expected num_envs ({num_envs})")
        self.num_envs = num_envs
        self._owns_client = client is None
        self.client = client if client is not None else Client(jar)
        self.envs: List[PartitionEnv] = []
        try:
            for i in range(num_envs):
                own = channels[i] if channels is not None else (_copy_channel(channel) if channel is not None else None)
                self.envs.append(PartitionEnv(model, client=self.client, channel=own, **env_kwargs))
        except BaseException:
            self.close()
            raise
        first = self.envs[0]
        self.single_observation_space = first.observation_space
        self.single_action_space = first.action_space
        self.observation_space = _batch_space(first.observation_space, num_envs)
        self.action_space = _batch_space(first.action_space, num_envs)
        self.cut_vertices = first.cut_vertices
        self.layers = first.layers
        self._needs_reset = [False] * num_envs
        self._closed = False

    # ------------------------------------------------------------------ Gymnasium VectorEnv API

    def reset(self, *, seed: Union[int, Sequence[Optional[int]], None] = None,
              options: Optional[Dict[str, Any]] = None):
        """Resets every sub-environment: ``seed`` an int (sub-environment ``i`` gets
        ``seed + i``), a list of one seed (or ``None``) per sub-environment, or ``None``.
        Returns ``(observations, infos)``."""
        self._check_open()
        seeds = self._seeds(seed)
        if seed is not None and not isinstance(seed, (list, tuple)):
            self.action_space.seed(seed)
            self.observation_space.seed(seed)
        parts: List[bytes] = []
        contexts = []
        for env, s in zip(self.envs, seeds):
            p, state = env._reset_requests(s, options)
            parts.extend(p)
            contexts.append(state)
        results = self.client.batch_encoded(parts, raise_errors=False)
        out = []
        for i, env in enumerate(self.envs):
            out.append(env._reset_finish(contexts[i], results[2 * i:2 * i + 2]))
        self._needs_reset = [False] * self.num_envs
        return self._stack([o for o, _ in out]), self._infos([i for _, i in out])

    def step(self, actions):
        """Steps every sub-environment with its action (one ``batch`` round trip); a
        sub-environment whose episode ended on the previous step is reset instead (its action
        ignored, reward 0). Returns ``(observations, rewards, terminations, truncations, infos)``."""
        self._check_open()
        actions = list(actions)
        if len(actions) != self.num_envs:
            raise ValueError(f"actions: {len(actions)} actions, expected num_envs ({self.num_envs})")
        parts: List[bytes] = []
        plan = []  # per sub-environment: (resetting, first part index, context)
        for env, action, resetting in zip(self.envs, actions, self._needs_reset):
            if resetting:
                p, context = env._reset_requests(None, None)
            else:
                p, context = env._step_requests(action)
            plan.append((resetting, len(parts), len(p), context))
            parts.extend(p)
        results = self.client.batch_encoded(parts, raise_errors=False)
        observations, rewards, terminations, truncations, infos = [], [], [], [], []
        for env, (resetting, start, count, context) in zip(self.envs, plan):
            mine = results[start:start + count]
            if resetting:
                obs, info = env._reset_finish(context, mine)
                reward, terminated, truncated = 0.0, False, False
            else:
                obs, reward, terminated, truncated, info = env._step_finish(context, mine)
            observations.append(obs)
            rewards.append(reward)
            terminations.append(terminated)
            truncations.append(truncated)
            infos.append(info)
        self._needs_reset = [t or u for t, u in zip(terminations, truncations)]
        if spaces.HAVE_GYMNASIUM:
            np = spaces._np
            return (self._stack(observations), np.asarray(rewards, dtype=np.float64),
                    np.asarray(terminations, dtype=bool), np.asarray(truncations, dtype=bool), self._infos(infos))
        return self._stack(observations), tuple(rewards), tuple(terminations), tuple(truncations), self._infos(infos)

    def close(self) -> None:
        """Closes every sub-environment's handle, and the server if this object started it. Idempotent."""
        if getattr(self, "_closed", False):
            return
        self._closed = True
        for env in self.envs:
            try:
                env.close()
            except CleaveError:
                pass
        if self._owns_client:
            self.client.close()

    def render(self):
        return None

    @property
    def unwrapped(self):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self) -> str:
        return f"VectorPartitionEnv({self.num_envs}, {self.envs[0]!s})" if self.envs else "VectorPartitionEnv()"

    # ------------------------------------------------------------------ helpers

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("VectorPartitionEnv is closed")

    def _seeds(self, seed) -> List[Optional[int]]:
        if seed is None:
            return [None] * self.num_envs
        if isinstance(seed, (list, tuple)):
            if len(seed) != self.num_envs:
                raise ValueError(f"seed: {len(seed)} seeds, expected num_envs ({self.num_envs})")
            return list(seed)
        return [int(seed) + i for i in range(self.num_envs)]

    def _stack(self, observations: List[Any]):
        if spaces.HAVE_GYMNASIUM:
            return spaces._np.stack(observations)
        return tuple(observations)

    def _infos(self, infos: List[Dict[str, Any]]) -> Dict[str, List[Any]]:
        keys: List[str] = []
        for info in infos:
            for key in info:
                if key not in keys:
                    keys.append(key)
        out: Dict[str, List[Any]] = {}
        for key in keys:
            out[key] = [info.get(key) for info in infos]
            out["_" + key] = [key in info for info in infos]
        return out


def _copy_channel(channel):
    import copy
    return copy.deepcopy(channel)
