"""Cleave from Python: a standard-library client of ``cleave serve`` and Gymnasium-style
environments whose every step is priced by Cleave's evaluator, with the exact optimum and the
regret beside it.

    >>> from cleave import Client
    >>> with Client() as c:                                   # doctest: +SKIP
    ...     h = c.load(zoo={"model": "resnet50"})
    ...     c.evaluate(h, {"cut": 3}, with_optimum=True)["regret"]

    >>> from cleave.envs import PartitionEnv
    >>> env = PartitionEnv(model="resnet50")                  # doctest: +SKIP
    >>> obs, info = env.reset(seed=1)                         # doctest: +SKIP

See python/README.md and docs/protocol.md.
"""

from .client import (BUILD_COMMAND, PROTOCOL_VERSION, CleaveError, CleaveTimeout, Client, ServerExited,
                     find_jar)

__version__ = "0.1.0"

__all__ = ["Client", "CleaveError", "CleaveTimeout", "ServerExited", "find_jar", "PROTOCOL_VERSION",
           "BUILD_COMMAND", "__version__"]
