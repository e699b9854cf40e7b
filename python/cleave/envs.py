"""Gymnasium-style environments whose every step is priced by Cleave's evaluator.

- :class:`PartitionEnv` -- P1: where to split a DNN between device and edge.
- :class:`ExitsEnv` -- P2: which early exits to activate, and where to split.
- :class:`MultiUserEnv` -- P4: per-user plan option and compute / bandwidth units.

They follow Gymnasium's API exactly (``reset(seed=None, options=None) -> (obs, info)``,
``step(action) -> (obs, reward, terminated, truncated, info)``, ``observation_space``,
``action_space``, ``metadata``, ``render_mode = None``, ``close()``) without needing
gymnasium: when it is importable they subclass ``gymnasium.Env`` (and pass its ``check_env``),
the spaces are real ``gymnasium.spaces`` and observations NumPy arrays; otherwise the plain
descriptors of :mod:`cleave.spaces` and tuples.

**Dynamics.** Each step draws the next state from a seeded process (:mod:`cleave.channels`):
by default a Gauss-Markov process on the log of each link rate around the instance's own rates
(``sigma`` = 0.5, ``memory`` = 0.9 per step), device load constant 0; any
:class:`~cleave.channels.Channel` (i.i.d. log-normal, a CSV trace, a load process) can be given.
``reset(seed=s)`` seeds the process (and the action space), so equal seeds and equal actions
give identical trajectories.

**Reward.** The action is priced by the server's ``evaluate`` on the state of the observation it
answers: ``reward = -objective`` (``+objective`` for the one maximising objective, P2's
right-sizing variant). An action the evaluator prices as infeasible (violated accuracy floor,
latency bound, deadline, unit budget) gets ``reward = -objective - infeasible_penalty``
(objective units, default 1.0); an action inside the action space that the server refuses as a
plan (a non-monotone edge mask, the input on the edge), or whose objective is not finite (P4:
edge work given zero units), gets ``reward = -optimum - infeasible_penalty`` and
``objective = regret = None``. All of these set ``info["feasible"] = False``. Choose
``infeasible_penalty`` above the spread of costs you expect if an agent must never prefer them.

**Info.** ``reset`` and ``step`` return, for the state of the returned observation:
``optimum`` (the least objective over the environment's action space, see below),
``optimal_action`` (an action of ``action_space`` achieving it), ``exact_optimum`` (the
family's exact optimum from the server's default exact solver), ``optimum_status``,
``optimum_verified`` and ``state`` (the protocol's state fields). ``step`` adds, for the action
just taken: ``cost`` (the evaluator's breakdown, ``None`` if refused), ``objective``,
``feasible``, ``violations`` and ``regret`` (its objective minus the optimum of the state it was
taken in; ``None`` if refused).

In ``action="cut"`` mode (a split at one of the model's cut vertices) the optimum over the
action space equals the exact optimum whenever the exact optimal placement is a cut placement;
when it is not, the environment prices every cut action through ``evaluate`` and reports the
least as ``optimum`` (``exact_optimum`` keeps the unrestricted value). In ``action="mask"`` mode
they are always equal.

**Episodes** never terminate; they are truncated after ``max_steps`` steps.
"""

import math
import random
from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import spaces
from .channels import Channel, LinkState
from .client import CleaveError, Client, encode_json

__all__ = ["PartitionEnv", "ExitsEnv", "MultiUserEnv", "CleaveEnv"]

_UNSET = object()


_Base = spaces._gym.Env if spaces.HAVE_GYMNASIUM else object


class CleaveEnv(_Base):
    """The machinery shared by the environments: the client, the handle, seeding, the step
    pipeline (one round trip: ``evaluate`` of the action, ``set`` of the next state, ``optimum``;
    ``evaluate`` and ``optimum`` with ``"plan": false``, so only the cost breakdown and compact
    actions travel, not full plans; the regret is the evaluated objective minus the optimum the server gave for that state) and the info dictionary. Subclasses define the spaces and the action codec."""

    metadata: Dict[str, Any] = {"render_modes": []}
    render_mode = None
    spec = None
    family = ""

    def __init__(self, *, client: Optional[Client] = None, jar=None, max_steps: int = 1000,
                 infeasible_penalty: float = 1.0, load_request: Dict[str, Any]):
        if max_steps < 1:
            raise ValueError(f"max_steps: {max_steps!r}, expected >= 1")
        if not math.isfinite(infeasible_penalty) or infeasible_penalty < 0:
            raise ValueError(f"infeasible_penalty: {infeasible_penalty!r}, expected a finite number >= 0")
        self.max_steps = int(max_steps)
        self.infeasible_penalty = float(infeasible_penalty)
        self._owns_client = client is None
        self.client = client if client is not None else Client(jar)
        try:
            self.handle = self.client.load(**load_request)
            self.description = self.client.describe(self.handle)
        except BaseException:
            if self._owns_client:
                self.client.close()
            raise
        family = self.description["family"]
        if family != self.family:
            self._close_quietly()
            raise ValueError(f"{type(self).__name__}: the instance is of family {family!r}, expected {self.family!r}")
        self._sign = 1.0 if self.description.get("sense", "minimize") == "minimize" else -1.0
        # the step's requests, kept encoded (JSON objects without their closing brace, see Client.call_encoded)
        handle_json = encode_json(self.handle)
        # "mask": false where the action space is one of cuts: the env needs only the cut of an action
        slim = b',"plan":false,"mask":false' if self._cut_actions() else b',"plan":false'
        self._evaluate_prefix = b'{"op":"evaluate","handle":' + handle_json + slim + b',"action":'
        self._set_prefix = b'{"op":"set","handle":' + handle_json + b',"state":'
        self._optimum_request = b'{"op":"optimum","handle":' + handle_json + slim
        self._encoded_actions: Dict[Any, bytes] = {}
        self._rng = random.Random()
        self._steps = 0
        self._state_fields: Optional[Dict[str, Any]] = None
        self._optimum_info: Optional[Dict[str, Any]] = None
        self._closed = False

    # ------------------------------------------------------------------ to define per family

    def _draw(self, first: bool) -> Dict[str, Any]:
        """The next state as the protocol's ``state`` fields."""
        raise NotImplementedError

    def _observation(self, state: Dict[str, Any]):
        raise NotImplementedError

    def _encode(self, action) -> Dict[str, Any]:
        """The protocol's compact action for an action of ``action_space``."""
        raise NotImplementedError

    def _decode(self, action: Dict[str, Any]):
        """The action of ``action_space`` for a protocol action, or ``None`` if it has none."""
        raise NotImplementedError

    def _all_actions(self) -> Optional[List[Any]]:
        """Every action of ``action_space`` if they are few (for the restricted optimum)."""
        return None

    def _cut_actions(self) -> bool:
        """Whether actions name a cut (not an edge mask): the server may then leave masks out."""
        return getattr(self, "action_mode", None) == "cut"

    # ------------------------------------------------------------------ Gymnasium API

    def reset(self, *, seed: Optional[int] = None, options: Optional[Dict[str, Any]] = None):
        """Starts an episode: draws the first state (seeding the process when ``seed`` is given)
        and returns ``(observation, info)`` with the optimum of that state."""
        parts, state = self._reset_requests(seed, options)
        return self._reset_finish(state, self.client.call_encoded(parts))

    def step(self, action):
        """Prices ``action`` on the current state, moves to the next state and returns
        ``(observation, reward, terminated, truncated, info)``."""
        parts, context = self._step_requests(action)
        return self._step_finish(context, self.client.call_encoded(parts, raise_errors=False))

    # The two halves of reset and step: the requests (encoded as for Client.call_encoded) and the
    # reading of their results, so that a vector of environments can send all its requests at once.

    def _reset_requests(self, seed: Optional[int], options: Optional[Dict[str, Any]]):
        self._check_open()
        if spaces.HAVE_GYMNASIUM:
            super().reset(seed=seed)  # seeds gymnasium's np_random, as Gymnasium asks
        if seed is not None:
            self._rng = random.Random(seed)
            self.action_space.seed(seed)
            self.observation_space.seed(seed)
        if options:
            raise ValueError(f"options: {sorted(options)!r}, this environment takes none")
        self._steps = 0
        state = self._draw(first=True)
        return [self._set_prefix + encode_json(state), self._optimum_request], state

    def _reset_finish(self, state: Dict[str, Any], results: List[Any]):
        for item in results:
            if isinstance(item, CleaveError):
                raise item
        set_result, optimum = results
        return self._arrive(set_result["state"], state, optimum)

    def _encoded_action(self, action) -> bytes:
        """The compact action of ``action`` as JSON bytes (cached for hashable actions, e.g. cuts)."""
        try:
            return self._encoded_actions[action]
        except (KeyError, TypeError):
            pass
        encoded = encode_json(self._encode(action))
        if isinstance(action, int) and len(self._encoded_actions) < 65536:
            self._encoded_actions[action] = encoded
        return encoded

    def _step_requests(self, action):
        self._check_open()
        if self._optimum_info is None:
            raise RuntimeError("step: call reset() first")
        if not self.action_space.contains(action):
            raise ValueError(f"action: {action!r} is not in {self.action_space!r}")
        if spaces.HAVE_GYMNASIUM and hasattr(action, "item") and getattr(action, "ndim", 1) == 0:
            action = action.item()  # a NumPy scalar: cache by its int value
        encoded = self._encoded_action(action)
        next_state = self._draw(first=False)
        return [self._evaluate_prefix + encoded, self._set_prefix + encode_json(next_state),
                self._optimum_request], next_state

    def _step_finish(self, next_state: Dict[str, Any], results: List[Any]):
        evaluated, set_result, optimum = results
        for item in (set_result, optimum):
            if isinstance(item, CleaveError):
                raise item
        previous = self._optimum_info
        if isinstance(evaluated, CleaveError):
            if evaluated.code != "invalid_input":
                raise evaluated
            objective, cost, feasible, regret = None, None, False, None
            violations = [evaluated.message]
            reward = -self._sign * previous["optimum"] - self.infeasible_penalty
        elif evaluated["objective"] is None:  # priced, but not finite (edge work on zero units)
            objective, feasible, regret = None, False, None
            cost = evaluated.get("cost")
            violations = list(evaluated.get("violations") or [])
            reward = -self._sign * previous["optimum"] - self.infeasible_penalty
        else:
            objective = evaluated["objective"]
            cost = evaluated.get("cost")
            feasible = bool(evaluated["feasible"])
            violations = evaluated.get("violations") or []
            regret = self._sign * (objective - previous["optimum"])
            reward = -self._sign * objective - (0.0 if feasible else self.infeasible_penalty)
        self._steps += 1
        obs, info = self._arrive(set_result["state"], next_state, optimum)
        info.update(cost=cost, objective=objective, feasible=feasible, violations=violations, regret=regret,
                    step=self._steps)
        return obs, float(reward), False, self._steps >= self.max_steps, info

    def close(self) -> None:
        """Closes the handle, and the server if this environment started it. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._close_quietly()

    def _close_quietly(self) -> None:
        try:
            if self.client.alive:
                self.client.close_handle(self.handle)
        except CleaveError:
            pass
        finally:
            if self._owns_client:
                self.client.close()

    def render(self):
        return None

    @property
    def unwrapped(self):
        return self

    @property
    def state_random(self) -> random.Random:
        """The generator of the state process (seeded by ``reset(seed=...)``)."""
        return self._rng

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __str__(self) -> str:
        return f"<{type(self).__name__} {self.description.get('name', '')}>"

    # ------------------------------------------------------------------ helpers

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError(f"{type(self).__name__} is closed")

    def _arrive(self, server_state: Dict[str, Any], state: Dict[str, Any], optimum: Dict[str, Any]):
        """The observation and optimum info of the state just set."""
        self._state_fields = server_state
        exact = optimum["objective"]
        plan_action = optimum.get("action")
        best_action = self._decode(plan_action) if plan_action is not None else None
        best = exact
        if best_action is None:
            best_action, best = self._restricted_optimum()
        self._optimum_info = {"optimum": best, "optimal_action": best_action, "exact_optimum": exact,
                              "optimum_status": optimum.get("status"), "optimum_verified": optimum.get("verified"),
                              "state": dict(server_state)}
        return self._observation(state), dict(self._optimum_info)

    def _restricted_optimum(self) -> Tuple[Any, float]:
        """The best action of the action space on the current state, priced by the server."""
        actions = self._all_actions()
        if actions is None:
            raise CleaveError("unsupported", f"{type(self).__name__}: the exact optimum is not an action of "
                                             f"{self.action_space!r} and the space is too large to price whole")
        results = self.client.call_many([{"op": "evaluate", "handle": self.handle, "action": self._encode(a),
                                          "plan": False}
                                         for a in actions], raise_errors=False)
        best = None
        for a, r in zip(actions, results):
            if isinstance(r, CleaveError) or not r["feasible"]:
                continue
            if best is None or self._sign * r["objective"] < self._sign * best[1]:
                best = (a, r["objective"])
        if best is None:
            raise CleaveError("unsupported", f"{type(self).__name__}: no action of the action space is feasible")
        return best

    def optimal_action_for(self, state: Dict[str, Any]):
        """The optimal action of ``action_space`` for a given state (protocol ``state`` fields,
        e.g. ``{"uplinkBitsPerSecond": 8e6}``), asked of the server once; the environment's own
        state is set anew by the next ``reset``. Used by fixed-plan baselines."""
        self._check_open()
        _, optimum = self.client.call_many([{"op": "set", "handle": self.handle, "state": state},
                                            {"op": "optimum", "handle": self.handle, "plan": False}])
        action = self._decode(optimum["action"]) if optimum.get("action") is not None else None
        if action is None:
            action, _ = self._restricted_optimum()
        self._optimum_info = None  # the env's state was changed: reset() first
        return action

    def encode_action(self, action) -> Dict[str, Any]:
        """The protocol's compact action for an action of ``action_space`` (for ``evaluate``)."""
        return self._encode(action)


def _vector(values: Sequence[int]):
    if spaces.HAVE_GYMNASIUM:
        return spaces._np.asarray(values, dtype=spaces._np.int64)
    return tuple(int(v) for v in values)


def _zoo_spec(model: str, family: str, view: Optional[str], network: Optional[str],
              device: Optional[str], edge: Optional[str]) -> Dict[str, Any]:
    spec = {"model": model, "family": family}
    for key, value in (("view", view), ("network", network), ("device", device), ("edge", edge)):
        if value is not None:
            spec[key] = value
    return spec


def _source(model, instance, spec: Dict[str, Any]) -> Dict[str, Any]:
    if (model is None) == (instance is None):
        raise ValueError("give exactly one of model= (a zoo name) or instance= (a path or an instance dict)")
    if model is not None:
        return {"zoo": spec}
    if isinstance(instance, dict):
        return {"instance": instance}
    return {"path": instance}


class _LinkEnv(CleaveEnv):
    """P1 and P2: one device, one link; state = (uplink, downlink, device load)."""

    def __init__(self, *, channel: Optional[Channel], sigma: float, memory: float, **kwargs):
        super().__init__(**kwargs)
        nominal = self.description["state"]
        self.channel = (channel or Channel()).with_defaults(nominal["uplinkBitsPerSecond"],
                                                            nominal["downlinkBitsPerSecond"], sigma, memory)
        low, high = self.channel.bounds()
        self.observation_space = spaces.box(list(low), list(high))
        self.layers = [layer["id"] for layer in self.description["layers"]]
        self.cut_vertices = list(self.description["cutVertices"])

    def _draw(self, first: bool) -> Dict[str, Any]:
        s = self.channel.reset(self._rng) if first else self.channel.step(self._rng)
        self._link_state = s
        return {"uplinkBitsPerSecond": s.uplink_bits_per_second,
                "downlinkBitsPerSecond": s.downlink_bits_per_second, "deviceLoad": s.device_load}

    def _observation(self, state: Dict[str, Any]):
        return spaces.to_observation([state["uplinkBitsPerSecond"], state["downlinkBitsPerSecond"],
                                      state["deviceLoad"]])


class PartitionEnv(_LinkEnv):
    """P1: observation ``(uplink bit/s, downlink bit/s, device load)``; action, with
    ``action="cut"`` (default), ``Discrete(len(cut_vertices))`` -- the device runs the model up
    to and including cut vertex ``i`` (0 = all on the edge but the input, last = all on the
    device) -- or, with ``action="mask"``, ``MultiBinary(len(layers))``: 1 = the layer runs on
    the edge, in ``layers`` order (topological).

    :param model: a zoo model name (``"resnet50"``); ``view``, ``network``, ``device``, ``edge``
        as in ``cleave zoo export`` (defaults ``layers``, ``4g``, ``rpi4``, ``gpu``).
    :param instance: an instance file path (e.g. from ``cleave import`` or ``zoo export``) or an
        instance dict, instead of ``model``.
    :param channel: the state process (default: Gauss-Markov on the log-rates around the
        instance's rates with ``sigma`` and ``memory``, load 0).
    """

    family = "partition"

    def __init__(self, model: Optional[str] = None, *, instance=None, action: str = "cut",
                 view: Optional[str] = None, network: Optional[str] = None, device: Optional[str] = None,
                 edge: Optional[str] = None, channel: Optional[Channel] = None, sigma: float = 0.5,
                 memory: float = 0.9, max_steps: int = 1000, infeasible_penalty: float = 1.0,
                 client: Optional[Client] = None, jar=None):
        if action not in ("cut", "mask"):
            raise ValueError(f"action: {action!r}, expected 'cut' or 'mask'")
        self.action_mode = action
        source = _source(model, instance, _zoo_spec(model, "partition", view, network, device, edge))
        super().__init__(channel=channel, sigma=sigma, memory=memory, client=client, jar=jar, max_steps=max_steps,
                         infeasible_penalty=infeasible_penalty, load_request=source)
        if action == "cut":
            self.action_space = spaces.discrete(len(self.cut_vertices))
        else:
            self.action_space = spaces.multi_binary(len(self.layers))

    def _encode(self, action) -> Dict[str, Any]:
        if self.action_mode == "cut":
            return {"cut": int(action)}
        return {"edgeMask": spaces.to_int_list(action, len(self.layers))}

    def _decode(self, action: Dict[str, Any]):
        if self.action_mode == "cut":
            cut = action.get("cut")
            return None if cut is None else int(cut)
        return _vector(int(v) for v in action["edgeMask"]) if not spaces.HAVE_GYMNASIUM else \
            spaces._np.asarray([int(v) for v in action["edgeMask"]], dtype=spaces._np.int8)

    def _all_actions(self):
        return list(range(len(self.cut_vertices))) if self.action_mode == "cut" else None


class ExitsEnv(_LinkEnv):
    """P2: observation ``(uplink bit/s, downlink bit/s, device load)``; action a vector of one
    0/1 entry per early exit (``exits`` order: 1 = active) followed, with ``action="cut"``
    (default), by the cut index (``MultiDiscrete([2] * len(exits) + [len(cut_vertices)])``) or,
    with ``action="mask"``, by the edge mask (``MultiBinary(len(exits) + len(layers))``).

    :param model: a zoo model with early exits (``"b-alexnet"``, ``"resnet18-exits"`` ...; see
        ``cleave zoo list``), exported as family ``exits``; or ``instance=`` a P2 instance file.
    """

    family = "exits"

    def __init__(self, model: Optional[str] = None, *, instance=None, action: str = "cut",
                 view: Optional[str] = None, network: Optional[str] = None, device: Optional[str] = None,
                 edge: Optional[str] = None, channel: Optional[Channel] = None, sigma: float = 0.5,
                 memory: float = 0.9, max_steps: int = 1000, infeasible_penalty: float = 1.0,
                 client: Optional[Client] = None, jar=None):
        if action not in ("cut", "mask"):
            raise ValueError(f"action: {action!r}, expected 'cut' or 'mask'")
        self.action_mode = action
        source = _source(model, instance, _zoo_spec(model, "exits", view, network, device, edge))
        super().__init__(channel=channel, sigma=sigma, memory=memory, client=client, jar=jar, max_steps=max_steps,
                         infeasible_penalty=infeasible_penalty, load_request=source)
        self.exits = [e["id"] for e in self.description["exits"]]
        if action == "cut":
            self.action_space = spaces.multi_discrete([2] * len(self.exits) + [len(self.cut_vertices)])
        else:
            self.action_space = spaces.multi_binary(len(self.exits) + len(self.layers))

    def _encode(self, action) -> Dict[str, Any]:
        e = len(self.exits)
        n = e + (1 if self.action_mode == "cut" else len(self.layers))
        values = spaces.to_int_list(action, n)
        active = [x for x, bit in zip(self.exits, values[:e]) if bit]
        if self.action_mode == "cut":
            return {"cut": values[e], "exits": active}
        return {"edgeMask": values[e:], "exits": active}

    def _decode(self, action: Dict[str, Any]):
        active = set(action.get("exits") or [])
        bits = [1 if x in active else 0 for x in self.exits]
        if self.action_mode == "cut":
            if action.get("cut") is None:
                return None
            return _vector(bits + [int(action["cut"])])
        return _vector(bits + [int(v) for v in action["edgeMask"]])

    def _all_actions(self):
        if self.action_mode != "cut" or (2 ** len(self.exits)) * len(self.cut_vertices) > 4096:
            return None
        out = []
        for subset in range(2 ** len(self.exits)):
            bits = [(subset >> i) & 1 for i in range(len(self.exits))]
            out.extend(_vector(bits + [c]) for c in range(len(self.cut_vertices)))
        return out


class MultiUserEnv(CleaveEnv):
    """P4: N users share an edge server's K_F compute and K_B bandwidth units.

    Observation: ``(uplink_1, ..., uplink_N, downlink_1, ..., downlink_N)`` in bit/s, each user
    with its own seeded channel (default Gauss-Markov on the log-rate around the user's rates in
    the instance). Action: ``MultiDiscrete`` of ``3 N`` entries -- each user's plan option index
    (``options[i]`` labels in ``self.options``), then each user's compute units k_F in
    0..K_F, then bandwidth units k_B in 0..K_B. Over-budget or deadline-violating actions are
    priced as infeasible and penalised.

    :param users, units, models, network, seed, edge_flops_per_second: the generator of
        ``cleave generate multiuser`` (K_F = K_B = ``units``); or ``instance=`` a P4 instance
        file or dict.
    :param channels: one :class:`~cleave.channels.Channel` per user (load ignored).
    """

    family = "multiuser"

    def __init__(self, users: Optional[int] = None, units: Optional[int] = None, *, models: Optional[Sequence[str]] = None,
                 network: Optional[str] = None, seed: Optional[int] = None, edge_flops_per_second: Optional[float] = None,
                 instance=None, channels: Optional[Sequence[Channel]] = None, sigma: float = 0.5, memory: float = 0.9,
                 max_steps: int = 1000, infeasible_penalty: float = 1.0, client: Optional[Client] = None, jar=None):
        if instance is None:
            if users is None or units is None:
                raise ValueError("give users= and units= (a generated instance) or instance=")
            spec: Dict[str, Any] = {"users": int(users), "units": int(units)}
            for key, value in (("models", list(models) if models is not None else None), ("network", network),
                               ("seed", seed), ("edgeFlopsPerSecond", edge_flops_per_second)):
                if value is not None:
                    spec[key] = value
            source: Dict[str, Any] = {"multiuser": spec}
        elif users is not None or units is not None:
            raise ValueError("give either users=/units= or instance=, not both")
        else:
            source = {"instance": instance} if isinstance(instance, dict) else {"path": instance}
        super().__init__(client=client, jar=jar, max_steps=max_steps, infeasible_penalty=infeasible_penalty,
                         load_request=source)
        d = self.description
        self.users = [u["id"] for u in d["users"]]
        self.options = [list(u["options"]) for u in d["users"]]
        self.compute_units, self.bandwidth_units = int(d["computeUnits"]), int(d["bandwidthUnits"])
        n = len(self.users)
        ups, downs = d["state"]["userUplinkBitsPerSecond"], d["state"]["userDownlinkBitsPerSecond"]
        if channels is not None and len(channels) != n:
            raise ValueError(f"channels: length {len(channels)}, expected one per user ({n})")
        self.channels = [(channels[i] if channels is not None else Channel()).with_defaults(ups[i], downs[i], sigma, memory)
                         for i in range(n)]
        bounds = [c.bounds() for c in self.channels]
        self.observation_space = spaces.box([b[0].uplink_bits_per_second for b in bounds] +
                                            [b[0].downlink_bits_per_second for b in bounds],
                                            [b[1].uplink_bits_per_second for b in bounds] +
                                            [b[1].downlink_bits_per_second for b in bounds])
        self.action_space = spaces.multi_discrete([len(o) for o in self.options] + [self.compute_units + 1] * n +
                                                  [self.bandwidth_units + 1] * n)

    def _draw(self, first: bool) -> Dict[str, Any]:
        states: List[LinkState] = [c.reset(self._rng) if first else c.step(self._rng) for c in self.channels]
        return {"userUplinkBitsPerSecond": [s.uplink_bits_per_second for s in states],
                "userDownlinkBitsPerSecond": [s.downlink_bits_per_second for s in states]}

    def _observation(self, state: Dict[str, Any]):
        return spaces.to_observation(list(state["userUplinkBitsPerSecond"]) + list(state["userDownlinkBitsPerSecond"]))

    def _encode(self, action) -> Dict[str, Any]:
        n = len(self.users)
        v = spaces.to_int_list(action, 3 * n)
        return {"options": v[:n], "computeUnits": v[n:2 * n], "bandwidthUnits": v[2 * n:]}

    def _decode(self, action: Dict[str, Any]):
        return _vector(list(action["options"]) + list(action["computeUnits"]) + list(action["bandwidthUnits"]))
