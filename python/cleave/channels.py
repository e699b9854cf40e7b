"""Seeded processes for the per-step state of an environment: link rates and device load.

Every process is a small object with ``reset(rng)`` (draws the first value) and ``step(rng)``
(draws the next one); the randomness comes only from the ``random.Random`` the environment
passes in, so a seed given to ``reset`` fixes the whole trajectory.

Units: rates in bit/s, device load as the fraction rho in [0, 1) of the device's compute that
is busy with other work (Cleave scales the device rate by 1 - rho), times in seconds.

- :class:`GaussMarkov` -- first-order Gauss-Markov (AR(1)) process on the natural log of the
  value: ``x[t+1] = mean + memory * (x[t] - mean) + sqrt(1 - memory**2) * sigma * N(0, 1)``,
  so the stationary law of ``log(value)`` is N(mean, sigma**2) for any ``memory`` in [0, 1).
- :class:`LogNormal` -- i.i.d. draws with ``log(value) ~ N(log(median), sigma**2)``
  (``GaussMarkov`` with ``memory = 0``).
- :class:`Constant` -- always the same value.
- :class:`BoundedLoad` -- a device load in [0, 1): Gauss-Markov on the odds rho / (1 - rho).
- :class:`Channel` -- one device's state (uplink, downlink, load) from three such processes;
  :class:`TraceChannel` -- the state read from a CSV trace (``time_seconds,uplink_bits_per_second,
  downlink_bits_per_second``, optionally ``device_load``), replayed row by row; see
  :func:`read_trace`.

Every process clips its value to ``[low, high]`` so that observations stay inside a bounded
space.
"""

import csv
import math
import random
from typing import List, NamedTuple, Optional, Tuple

__all__ = ["Process", "GaussMarkov", "LogNormal", "Constant", "BoundedLoad", "LinkState", "Channel",
           "TraceChannel", "read_trace"]


class Process:
    """A seeded scalar process; subclasses define ``reset`` and ``step``."""

    low: float
    high: float

    def reset(self, rng: random.Random) -> float:
        raise NotImplementedError

    def step(self, rng: random.Random) -> float:
        raise NotImplementedError

    def _clip(self, value: float) -> float:
        return min(self.high, max(self.low, value))


def _check_positive(name: str, value: float) -> float:
    value = float(value)
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name}: {value!r}, expected a finite positive number")
    return value


class GaussMarkov(Process):
    """Gauss-Markov (AR(1)) process on ``log(value)``.

    :param median: exp of the stationary mean of the log (unit of the value, e.g. bit/s).
    :param sigma: stationary standard deviation of ``log(value)`` (dimensionless, 0.5 = the
        value is within a factor e**0.5 = 1.65 of the median about 68 % of the time).
    :param memory: correlation of consecutive log-values, in [0, 1); 0 gives i.i.d. draws.
    :param low, high: clip bounds of the value (default: median / 1000 and median * 1000).
    """

    def __init__(self, median: float, sigma: float = 0.5, memory: float = 0.9,
                 low: Optional[float] = None, high: Optional[float] = None):
        self.median = _check_positive("median", median)
        self.sigma = float(sigma)
        if not math.isfinite(self.sigma) or self.sigma < 0:
            raise ValueError(f"sigma: {sigma!r}, expected a finite number >= 0")
        self.memory = float(memory)
        if not 0 <= self.memory < 1:
            raise ValueError(f"memory: {memory!r}, expected a number in [0, 1)")
        self.low = _check_positive("low", low) if low is not None else self.median / 1000
        self.high = _check_positive("high", high) if high is not None else self.median * 1000
        if self.low > self.high:
            raise ValueError(f"low: {self.low!r} above high: {self.high!r}")
        self._mean = math.log(self.median)
        self._log = self._mean

    def reset(self, rng: random.Random) -> float:
        self._log = self._mean + self.sigma * rng.gauss(0.0, 1.0)
        return self._clip(math.exp(self._log))

    def step(self, rng: random.Random) -> float:
        innovation = math.sqrt(1.0 - self.memory * self.memory) * self.sigma * rng.gauss(0.0, 1.0)
        self._log = self._mean + self.memory * (self._log - self._mean) + innovation
        return self._clip(math.exp(self._log))

    def __repr__(self) -> str:
        return (f"GaussMarkov(median={self.median!r}, sigma={self.sigma!r}, memory={self.memory!r}, "
                f"low={self.low!r}, high={self.high!r})")


class LogNormal(GaussMarkov):
    """I.i.d. log-normal draws: ``log(value) ~ N(log(median), sigma**2)``, clipped to [low, high]."""

    def __init__(self, median: float, sigma: float = 0.5,
                 low: Optional[float] = None, high: Optional[float] = None):
        super().__init__(median, sigma, 0.0, low, high)

    def __repr__(self) -> str:
        return f"LogNormal(median={self.median!r}, sigma={self.sigma!r}, low={self.low!r}, high={self.high!r})"


class Constant(Process):
    """Always ``value`` (consumes no randomness)."""

    def __init__(self, value: float):
        self.value = float(value)
        if not math.isfinite(self.value):
            raise ValueError(f"value: {value!r}, expected a finite number")
        self.low = self.high = self.value

    def reset(self, rng: random.Random) -> float:
        return self.value

    def step(self, rng: random.Random) -> float:
        return self.value

    def __repr__(self) -> str:
        return f"Constant({self.value!r})"


class BoundedLoad(Process):
    """Device load rho in [low, high] (within [0, 1)): a Gauss-Markov process on the logit of rho.

    :param mean: the load at the stationary mean of the logit (e.g. 0.2 = 20 % busy).
    :param sigma: stationary standard deviation of ``logit(rho)``.
    :param memory: correlation of consecutive logits, in [0, 1).
    """

    def __init__(self, mean: float = 0.2, sigma: float = 0.5, memory: float = 0.9,
                 low: float = 0.0, high: float = 0.95):
        if not 0 < mean < 1:
            raise ValueError(f"mean: {mean!r}, expected a load in (0, 1)")
        if not 0 <= low <= high < 1:
            raise ValueError(f"low, high: {low!r}, {high!r}, expected 0 <= low <= high < 1")
        self.mean = float(mean)
        self.low, self.high = float(low), float(high)
        self._logit = GaussMarkov(self.mean / (1 - self.mean), sigma, memory, low=1e-300, high=1e300)

    def reset(self, rng: random.Random) -> float:
        return self._to_load(self._logit.reset(rng))

    def step(self, rng: random.Random) -> float:
        return self._to_load(self._logit.step(rng))

    def _to_load(self, odds: float) -> float:
        return self._clip(odds / (1.0 + odds))

    def __repr__(self) -> str:
        return (f"BoundedLoad(mean={self.mean!r}, sigma={self._logit.sigma!r}, "
                f"memory={self._logit.memory!r}, low={self.low!r}, high={self.high!r})")


def read_trace(path: str) -> List[Tuple[float, float, float, Optional[float]]]:
    """Reads a CSV trace: header ``time_seconds,uplink_bits_per_second,downlink_bits_per_second``
    and optionally ``device_load``; one row per step, times strictly increasing.

    :raises ValueError: naming the file, line, column and value of the first bad field.
    """
    required = ["time_seconds", "uplink_bits_per_second", "downlink_bits_per_second"]
    rows: List[Tuple[float, float, float, Optional[float]]] = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise ValueError(f"{path}: empty trace, expected the header {','.join(required)}") from None
        for name in required:
            if name not in header:
                raise ValueError(f"{path}:1: header {','.join(header)!r} lacks column {name!r}")
        for name in header:
            if name not in required and name != "device_load":
                raise ValueError(f"{path}:1: unknown column {name!r}")
        index = {name: header.index(name) for name in header}
        previous = -math.inf
        for line, fields in enumerate(reader, start=2):
            if not fields or all(not x.strip() for x in fields):
                continue
            if len(fields) != len(header):
                raise ValueError(f"{path}:{line}: {len(fields)} fields, expected {len(header)}")
            values = {}
            for name, i in index.items():
                try:
                    v = float(fields[i])
                except ValueError:
                    raise ValueError(f"{path}:{line}: {name}: {fields[i]!r} is not a number") from None
                if not math.isfinite(v):
                    raise ValueError(f"{path}:{line}: {name}: {fields[i]!r} is not finite")
                values[name] = v
            if values["time_seconds"] <= previous:
                raise ValueError(f"{path}:{line}: time_seconds: {values['time_seconds']!r}, "
                                 f"expected more than the previous row's {previous!r}")
            previous = values["time_seconds"]
            for name in ("uplink_bits_per_second", "downlink_bits_per_second"):
                if values[name] <= 0:
                    raise ValueError(f"{path}:{line}: {name}: {values[name]!r}, expected > 0")
            load = values.get("device_load")
            if load is not None and not 0 <= load < 1:
                raise ValueError(f"{path}:{line}: device_load: {load!r}, expected a load in [0, 1)")
            rows.append((values["time_seconds"], values["uplink_bits_per_second"],
                         values["downlink_bits_per_second"], load))
    if not rows:
        raise ValueError(f"{path}: no rows after the header")
    return rows


class LinkState(NamedTuple):
    """One step's state: uplink and downlink rate in bit/s, device load rho in [0, 1)."""

    uplink_bits_per_second: float
    downlink_bits_per_second: float
    device_load: float


class Channel:
    """The link state of one device: three independent scalar processes.

    Defaults: uplink and downlink Gauss-Markov on the log-rate around the instance's own rates
    (filled in by the environment when left ``None``), device load constant 0.
    """

    def __init__(self, uplink: Optional[Process] = None, downlink: Optional[Process] = None,
                 load: Optional[Process] = None):
        self.uplink, self.downlink = uplink, downlink
        self.load = load if load is not None else Constant(0.0)

    def with_defaults(self, uplink_bits_per_second: float, downlink_bits_per_second: float,
                      sigma: float = 0.5, memory: float = 0.9) -> "Channel":
        """A copy whose missing rate processes are Gauss-Markov around the given medians."""
        return Channel(self.uplink or GaussMarkov(uplink_bits_per_second, sigma, memory),
                       self.downlink or GaussMarkov(downlink_bits_per_second, sigma, memory),
                       self.load)

    def bounds(self) -> Tuple[LinkState, LinkState]:
        return (LinkState(self.uplink.low, self.downlink.low, self.load.low),
                LinkState(self.uplink.high, self.downlink.high, self.load.high))

    def reset(self, rng: random.Random) -> LinkState:
        return LinkState(self.uplink.reset(rng), self.downlink.reset(rng), self.load.reset(rng))

    def step(self, rng: random.Random) -> LinkState:
        return LinkState(self.uplink.step(rng), self.downlink.step(rng), self.load.step(rng))

    def __repr__(self) -> str:
        return f"Channel(uplink={self.uplink!r}, downlink={self.downlink!r}, load={self.load!r})"


class TraceChannel(Channel):
    """Replays a CSV trace row by row (see :func:`read_trace`); ``reset`` starts at row 0, or at
    a row drawn from the environment's generator when ``random_start`` is true; the trace wraps
    around at its end. A trace without ``device_load`` uses ``load`` (default constant 0)."""

    def __init__(self, path_or_rows, random_start: bool = False, load: Optional[Process] = None):
        rows = read_trace(path_or_rows) if isinstance(path_or_rows, str) else list(path_or_rows)
        if not rows:
            raise ValueError("trace: no rows")
        self.rows = rows
        self.random_start = bool(random_start)
        self._has_load = all(r[3] is not None for r in rows)
        super().__init__(None, None, load)
        self._i = 0

    def with_defaults(self, uplink_bits_per_second, downlink_bits_per_second, sigma=0.5, memory=0.9):
        return self

    def bounds(self) -> Tuple[LinkState, LinkState]:
        loads = [r[3] for r in self.rows] if self._has_load else [self.load.low, self.load.high]
        return (LinkState(min(r[1] for r in self.rows), min(r[2] for r in self.rows), min(loads)),
                LinkState(max(r[1] for r in self.rows), max(r[2] for r in self.rows), max(loads)))

    def _state(self, rng: random.Random, first: bool) -> LinkState:
        row = self.rows[self._i]
        if self._has_load:
            load = row[3]
        else:
            load = self.load.reset(rng) if first else self.load.step(rng)
        return LinkState(row[1], row[2], load)

    def reset(self, rng: random.Random) -> LinkState:
        self._i = rng.randrange(len(self.rows)) if self.random_start else 0
        return self._state(rng, True)

    def step(self, rng: random.Random) -> LinkState:
        self._i = (self._i + 1) % len(self.rows)
        return self._state(rng, False)

    def __repr__(self) -> str:
        return f"TraceChannel({len(self.rows)} rows, random_start={self.random_start!r})"
