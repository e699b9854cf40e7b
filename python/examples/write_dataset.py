#!/usr/bin/env python3
"""Writes a labelled dataset through the client: seeded link states of a zoo model (log-uniform
uplink and downlink, uniform device load), each with the exact optimum from the server -- the
optimal split or edge mask, its objective and cost breakdown, the solver's status and whether
the verifier accepted it. One JSON object per line.

    python3 python/examples/write_dataset.py states.jsonl [--model resnet50] [--count 1000] [--seed 1]

Columns: state_index, uplink_bits_per_second, downlink_bits_per_second, device_load, status,
verified, objective, cut (index into cut_vertices, null when the optimum is no single cut),
cut_vertex, edge_mask ("0"/"1" per layer in topological order, "1" = edge), latency_seconds,
energy_joules. The file is written to a temporary file beside the output and moved into place
at the end, so a failed run never leaves a partial file.
"""

import argparse
import json
import math
import os
import random
import tempfile

import _path  # noqa: F401
from cleave import Client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--model", default="resnet50")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--uplink", default="1e5:1e9", help="FROM:TO bit/s, log-uniform")
    parser.add_argument("--downlink", default="1e6:1e9", help="FROM:TO bit/s, log-uniform")
    parser.add_argument("--load", default="0:0.8", help="FROM:TO device load, uniform")
    parser.add_argument("--batch", type=int, default=64, help="states per pipelined round trip")
    parser.add_argument("--jar", default=None)
    args = parser.parse_args()
    ranges = {}
    for name in ("uplink", "downlink", "load"):
        try:
            low, high = (float(x) for x in getattr(args, name).split(":"))
        except ValueError:
            parser.error(f"--{name}: {getattr(args, name)!r}, expected FROM:TO")
        ranges[name] = (low, high)
    rng = random.Random(args.seed)
    folder = os.path.dirname(os.path.abspath(args.output))
    with Client(args.jar) as client:
        handle = client.load(zoo={"model": args.model})
        cuts = client.describe(handle)["cutVertices"]
        fd, temp = tempfile.mkstemp(prefix=".write_dataset-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                index = 0
                while index < args.count:
                    states, requests = [], []
                    for _ in range(min(args.batch, args.count - index)):
                        state = {"uplinkBitsPerSecond": math.exp(rng.uniform(*map(math.log, ranges["uplink"]))),
                                 "downlinkBitsPerSecond": math.exp(rng.uniform(*map(math.log, ranges["downlink"]))),
                                 "deviceLoad": rng.uniform(*ranges["load"])}
                        states.append(state)
                        requests += [{"op": "set", "handle": handle, "state": state},
                                     {"op": "optimum", "handle": handle}]
                    results = client.call_many(requests)
                    for state, optimum in zip(states, results[1::2]):
                        cost, action = optimum["plan"]["cost"], optimum["action"]
                        row = {"state_index": index, "uplink_bits_per_second": state["uplinkBitsPerSecond"],
                               "downlink_bits_per_second": state["downlinkBitsPerSecond"],
                               "device_load": state["deviceLoad"], "status": optimum["status"],
                               "verified": optimum["verified"], "objective": optimum["objective"],
                               "cut": action.get("cut"),
                               "cut_vertex": cuts[action["cut"]] if action.get("cut") is not None else None,
                               "edge_mask": "".join(str(int(b)) for b in action["edgeMask"]),
                               "latency_seconds": cost["latencySeconds"], "energy_joules": cost["energyJoules"]}
                        out.write(json.dumps(row) + "\n")
                        index += 1
            os.replace(temp, args.output)
        except BaseException:
            os.unlink(temp)
            raise
    print(f"wrote {args.count} labelled states of {args.model} to {args.output}")


if __name__ == "__main__":
    main()
