"""Action and observation spaces: real ``gymnasium.spaces`` when gymnasium is importable,
otherwise plain descriptors with the same constructor arguments and the parts of their API
that environments and simple agents use: ``sample()``, ``contains(x)`` (also ``x in space``),
``seed(seed)``, ``shape``, ``dtype`` (a type name string) and the bounds (``n``, ``nvec``,
``low``, ``high``).

Without gymnasium, observations are tuples of floats and vector actions are tuples of ints;
with it they are NumPy arrays, as Gymnasium's own spaces produce them.
"""

import math
import random
from typing import Optional, Sequence

try:  # pragma: no cover - depends on the machine
    import gymnasium as _gym
    import numpy as _np
    HAVE_GYMNASIUM = True
except ImportError:
    _gym = None
    _np = None
    HAVE_GYMNASIUM = False

__all__ = ["HAVE_GYMNASIUM", "Discrete", "MultiBinary", "MultiDiscrete", "Box", "discrete",
           "multi_binary", "multi_discrete", "box", "to_observation", "to_int_list"]


class _Space:
    shape: tuple = ()
    dtype: str = "int64"

    def __init__(self, seed: Optional[int] = None):
        self._rng = random.Random(seed)

    def seed(self, seed: Optional[int] = None):
        self._rng = random.Random(seed)
        return [seed]

    def __contains__(self, x) -> bool:
        return self.contains(x)


def _is_int(x) -> bool:
    if isinstance(x, bool):
        return False
    if isinstance(x, int):
        return True
    try:  # NumPy integers and 0-d arrays
        return int(x) == x and float(x).is_integer() and not isinstance(x, float)
    except (TypeError, ValueError):
        return False


def _sequence(x, length: int):
    try:
        values = list(x)
    except TypeError:
        return None
    return values if len(values) == length else None


class Discrete(_Space):
    """Integers 0, ..., n - 1."""

    def __init__(self, n: int, seed: Optional[int] = None):
        super().__init__(seed)
        if n < 1:
            raise ValueError(f"n: {n!r}, expected >= 1")
        self.n = int(n)
        self.start = 0

    def sample(self) -> int:
        return self._rng.randrange(self.n)

    def contains(self, x) -> bool:
        return _is_int(x) and 0 <= int(x) < self.n

    def __repr__(self) -> str:
        return f"Discrete({self.n})"


class MultiDiscrete(_Space):
    """Vectors whose entry i is an integer in [0, nvec[i])."""

    def __init__(self, nvec: Sequence[int], seed: Optional[int] = None):
        super().__init__(seed)
        self.nvec = tuple(int(n) for n in nvec)
        if not self.nvec or min(self.nvec) < 1:
            raise ValueError(f"nvec: {list(nvec)!r}, expected a non-empty list of numbers >= 1")
        self.shape = (len(self.nvec),)

    def sample(self) -> tuple:
        return tuple(self._rng.randrange(n) for n in self.nvec)

    def contains(self, x) -> bool:
        values = _sequence(x, len(self.nvec))
        return values is not None and all(_is_int(v) and 0 <= int(v) < n for v, n in zip(values, self.nvec))

    def __repr__(self) -> str:
        return f"MultiDiscrete({list(self.nvec)})"


class MultiBinary(MultiDiscrete):
    """Vectors of n entries in {0, 1}."""

    def __init__(self, n: int, seed: Optional[int] = None):
        super().__init__([2] * int(n), seed)
        self.n = int(n)
        self.dtype = "int8"

    def __repr__(self) -> str:
        return f"MultiBinary({self.n})"


class Box(_Space):
    """Real vectors with low[i] <= x[i] <= high[i] (bounds may be infinite)."""

    def __init__(self, low: Sequence[float], high: Sequence[float], seed: Optional[int] = None):
        super().__init__(seed)
        self.low, self.high = tuple(float(v) for v in low), tuple(float(v) for v in high)
        if len(self.low) != len(self.high) or any(a > b for a, b in zip(self.low, self.high)):
            raise ValueError(f"low, high: {list(low)!r}, {list(high)!r}, expected equal lengths and low <= high")
        self.shape = (len(self.low),)
        self.dtype = "float64"

    def sample(self) -> tuple:
        out = []
        for a, b in zip(self.low, self.high):
            if math.isfinite(a) and math.isfinite(b):
                out.append(self._rng.uniform(a, b))
            elif math.isfinite(a):
                out.append(a + self._rng.expovariate(1.0))
            elif math.isfinite(b):
                out.append(b - self._rng.expovariate(1.0))
            else:
                out.append(self._rng.gauss(0.0, 1.0))
        return tuple(out)

    def contains(self, x) -> bool:
        values = _sequence(x, len(self.low))
        if values is None:
            return False
        try:
            return all(a <= float(v) <= b for v, a, b in zip(values, self.low, self.high))
        except (TypeError, ValueError):
            return False

    def __repr__(self) -> str:
        return f"Box({list(self.low)}, {list(self.high)})"


def discrete(n: int):
    return _gym.spaces.Discrete(n) if HAVE_GYMNASIUM else Discrete(n)


def multi_binary(n: int):
    return _gym.spaces.MultiBinary(n) if HAVE_GYMNASIUM else MultiBinary(n)


def multi_discrete(nvec: Sequence[int]):
    return _gym.spaces.MultiDiscrete(list(nvec)) if HAVE_GYMNASIUM else MultiDiscrete(nvec)


def box(low: Sequence[float], high: Sequence[float]):
    if HAVE_GYMNASIUM:
        return _gym.spaces.Box(_np.asarray(low, dtype=_np.float64), _np.asarray(high, dtype=_np.float64),
                               dtype=_np.float64)
    return Box(low, high)


def to_observation(values: Sequence[float]):
    """An observation in the form the spaces of this machine expect."""
    if HAVE_GYMNASIUM:
        return _np.asarray(values, dtype=_np.float64)
    return tuple(float(v) for v in values)


def to_int_list(action, length: int, name: str = "action"):
    """The entries of a vector action as Python ints; ``ValueError`` naming the action otherwise."""
    try:
        values = list(action)
    except TypeError:
        raise ValueError(f"{name}: {action!r}, expected a vector of {length} integers") from None
    if len(values) != length:
        raise ValueError(f"{name}: length {len(values)}, expected {length}")
    out = []
    for i, v in enumerate(values):
        if not _is_int(v):
            raise ValueError(f"{name}[{i}]: {v!r}, expected an integer")
        out.append(int(v))
    return out
