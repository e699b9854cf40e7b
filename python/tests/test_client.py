"""Every request of the protocol and every error path, against a real ``cleave serve``."""

import json
import math
import random
import re
import unittest

import support
from support import EXAMPLE_INSTANCE, ServerTestCase, requires_server
from cleave import CleaveError


@requires_server
class RequestsTest(ServerTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resnet = cls.client.load(zoo={"model": "resnet50"})
        cls.example = cls.client.load(path=EXAMPLE_INSTANCE)

    def assertError(self, code, fragment, call, *args, **kwargs):
        with self.assertRaises(CleaveError) as e:
            call(*args, **kwargs)
        self.assertEqual(e.exception.code, code, e.exception.message)
        self.assertIn(fragment, e.exception.message)
        self.assertNotIn("\n", e.exception.message)
        self.assertTrue(self.client.alive)
        return e.exception

    def test_ping(self):
        info = self.client.ping()
        self.assertEqual(info["protocolVersion"], 1)
        self.assertEqual(info["maxRequestBytes"], 16 * 1024 * 1024)
        self.assertEqual(self.client.request("hello")["protocolVersion"], 1)

    def test_load_every_source(self):
        with open(EXAMPLE_INSTANCE, encoding="utf-8") as f:
            instance = json.load(f)
        handles = [self.client.load(instance), self.client.load(path=str(EXAMPLE_INSTANCE)),
                   self.client.load(zoo={"model": "resnet18", "view": "blocks", "network": "wifi"}),
                   self.client.load(multiuser={"users": 3, "units": 4})]
        for h in handles:
            self.assertRegex(h, r"^h\d+$")
        self.assertEqual(len(set(handles)), 4)
        info = self.client.load_info(zoo={"model": "resnet18"})
        self.assertEqual(info["family"], "partition")
        objectives = [self.client.optimum(h)["objective"] for h in handles[:2]]
        self.assertEqual(objectives[0], objectives[1], "the same instance from a dict and from a file")
        for h in handles + [info["handle"]]:
            self.assertEqual(self.client.close_handle(h), [h])

    def test_load_errors(self):
        self.assertError("invalid_input", "resnet5000", self.client.load, zoo={"model": "resnet5000"})
        self.assertError("invalid_input", "nope.json", self.client.load, path="nope.json")
        self.assertError("bad_request", "", self.client.request, "load")
        self.assertError("bad_request", "", self.client.request, "load", zoo={"model": "resnet18"}, path="x.json")
        with self.assertRaises(ValueError):
            self.client.load()
        bad = {"schemaVersion": 1, "family": "partition", "name": "x", "model": {"layers": [], "arcs": []}}
        self.assertError("invalid_input", "", self.client.load, bad)

    def test_describe(self):
        d = self.client.describe(self.resnet)
        self.assertEqual((d["family"], d["sense"], d["protocolVersion"]), ("partition", "minimize", 1))
        self.assertEqual(len(d["layers"]), 176)
        ids = [layer["id"] for layer in d["layers"]]
        self.assertEqual(d["cutVertices"][0], ids[0])
        self.assertEqual(d["cutVertices"][-1], ids[-1])
        self.assertEqual([x["id"] for x in d["layers"] if x["cutVertex"]], d["cutVertices"])
        self.assertIn(d["defaultSolver"], [s["id"] for s in d["solvers"]])
        self.assertIn("uplinkBitsPerSecond", d["state"])
        self.assertError("unknown_handle", "h999", self.client.describe, "h999")

    def test_set(self):
        state = self.client.set(self.example, uplinkBitsPerSecond=8e6, deviceLoad=0.3)
        self.assertEqual((state["uplinkBitsPerSecond"], state["deviceLoad"]), (8e6, 0.3))
        self.assertEqual(self.client.set(self.example, {"downlinkBitsPerSecond": 2e7})["uplinkBitsPerSecond"], 8e6,
                         "values persist until set again")
        self.assertError("invalid_input", "state.deviceLoad", self.client.set, self.example, deviceLoad=1.5)
        self.assertError("invalid_input", "state.uplinkBitsPerSecond", self.client.set, self.example,
                         uplinkBitsPerSecond=0)
        with self.assertRaises(CleaveError) as e:
            self.client.set(self.example, accuracyFloor=0.5)
        self.assertIn(e.exception.code, ("bad_request", "invalid_input"))
        self.assertIn("state.accuracyFloor", e.exception.message)
        self.assertError("bad_request", "state", self.client.request, "set", handle=self.example,
                         state={"uplinkBitsPerSecond": "fast"})

    def test_solve_agrees_with_enumeration_and_is_verified(self):
        seed = 5
        rng = random.Random(seed)
        for _ in range(5):
            up = 10 ** rng.uniform(5, 9)
            self.client.set(self.example, uplinkBitsPerSecond=up, deviceLoad=rng.uniform(0, 0.9))
            a = self.client.solve(self.example)
            b = self.client.solve(self.example, "enumerate", time_limit_seconds=60)
            for r in (a, b):
                self.assertEqual(r["status"], "OPTIMAL")
                self.assertTrue(r["verified"], r["defects"])
                self.assertEqual(r["plan"]["cost"]["objective"], r["objective"])
            self.assertLessEqual(abs(a["objective"] - b["objective"]), 1e-9 * b["objective"], f"seed {seed}, uplink {up}")
        self.assertError("invalid_input", "no-such-solver", self.client.solve, self.example, "no-such-solver")

    def test_evaluate_both_action_forms_and_optimum(self):
        d = self.client.describe(self.resnet)
        self.client.set(self.resnet, uplinkBitsPerSecond=5e6, deviceLoad=0.0)
        for cut in range(len(d["cutVertices"])):
            by_cut = self.client.evaluate(self.resnet, {"cut": cut}, with_optimum=True)
            self.assertEqual(by_cut["action"]["cut"], cut)
            by_mask = self.client.evaluate(self.resnet, {"edgeMask": by_cut["action"]["edgeMask"]})
            self.assertEqual(by_mask["objective"], by_cut["objective"])
            self.assertEqual(by_mask["action"]["cut"], cut, "the canonical form of a cut placement is its cut")
            self.assertTrue(by_cut["feasible"])
            self.assertGreaterEqual(by_cut["regret"], -1e-12)
            self.assertAlmostEqual(by_cut["regret"], by_cut["objective"] - by_cut["optimum"]["objective"], delta=1e-12)
        mask = by_cut["action"]["edgeMask"]
        self.assertEqual(mask, [0] * len(mask), "the last cut is all-device")
        optimum = self.client.optimum(self.resnet)
        again = self.client.evaluate(self.resnet, optimum["action"], with_optimum=True)
        self.assertEqual(again["regret"], 0.0)
        self.assertEqual(again["objective"], optimum["objective"])
        full = self.client.evaluate(self.resnet, optimum["plan"])  # the full plan form
        self.assertEqual(full["objective"], optimum["objective"])
        self.assertEqual(full["action"], optimum["action"])

    def test_evaluate_with_state_equals_set_then_evaluate(self):
        a = self.client.evaluate(self.example, {"cut": 2}, state={"uplinkBitsPerSecond": 3e6, "deviceLoad": 0.1})
        self.client.set(self.example, uplinkBitsPerSecond=1e9)
        self.client.set(self.example, uplinkBitsPerSecond=3e6, deviceLoad=0.1)
        b = self.client.evaluate(self.example, {"cut": 2})
        self.assertEqual(a["objective"], b["objective"])
        self.assertEqual(a["plan"]["cost"], b["plan"]["cost"])

    def test_evaluate_refuses_invalid_plans(self):
        n = len(self.client.describe(self.example)["layers"])
        self.assertError("invalid_input", "edgeMask", self.client.evaluate, self.example, {"edgeMask": [0] * (n - 1)})
        self.assertError("invalid_input", "", self.client.evaluate, self.example, {"edgeMask": [1] + [0] * (n - 1)})
        non_monotone = [0] * n
        non_monotone[1] = 1  # conv1 on the edge, its consumers on the device
        self.assertError("invalid_input", "", self.client.evaluate, self.example, {"edgeMask": non_monotone})
        self.assertError("invalid_input", "cut", self.client.evaluate, self.example, {"cut": 10 ** 6})
        self.assertError("bad_request", "", self.client.request, "evaluate", handle=self.example)

    def test_optimum_is_cached_per_state(self):
        self.client.set(self.example, uplinkBitsPerSecond=2e7)
        first = self.client.optimum(self.example)
        second = self.client.optimum(self.example)
        self.assertTrue(second["cached"])
        self.assertEqual(first["objective"], second["objective"])
        self.client.set(self.example, uplinkBitsPerSecond=2.5e7)
        self.assertFalse(self.client.optimum(self.example)["cached"])
        self.assertEqual(first["status"], "OPTIMAL")
        self.assertTrue(first["verified"])

    def test_plan_false_leaves_only_the_plan_out(self):
        rnd = random.Random(18)
        cuts = len(self.client.describe(self.resnet)["cutVertices"])
        for step in range(10):
            state = {"uplinkBitsPerSecond": rnd.uniform(1e5, 1e9), "deviceLoad": rnd.uniform(0, 0.9)}
            action = {"cut": rnd.randrange(cuts)}
            full = self.client.evaluate(self.resnet, action, state=state, with_optimum=True)
            slim = self.client.evaluate(self.resnet, action, state=state, with_optimum=True, plan=False)
            self.assertNotIn("plan", slim, f"seed 18 step {step}")
            self.assertEqual(slim.pop("cost"), full.pop("plan")["cost"], f"seed 18 step {step}")
            self.assertEqual(slim, full, f"seed 18 step {step}")
            full_opt = self.client.optimum(self.resnet)
            slim_opt = self.client.optimum(self.resnet, plan=False)
            self.assertEqual(slim_opt.pop("cost"), full_opt.pop("plan")["cost"], f"seed 18 step {step}")
            self.assertEqual(slim_opt, full_opt, f"seed 18 step {step}")
        self.assertError("bad_request", "plan: must be true or false", self.client.request, "optimum",
                         handle=self.resnet, plan="no")

    def test_mask_false_leaves_the_mask_out_of_cut_actions_only(self):
        c, h = self.client, self.resnet
        full = c.request("evaluate", handle=h, action={"cut": 4}, withOptimum=True, plan=False)
        slim = c.request("evaluate", handle=h, action={"cut": 4}, withOptimum=True, plan=False, mask=False)
        self.assertEqual(slim["action"], {"cut": 4})
        self.assertEqual(slim["optimum"]["action"], {"cut": full["optimum"]["action"]["cut"]})
        for key in ("objective", "cost", "regret", "feasible", "violations"):
            self.assertEqual(slim[key], full[key], key)
        mask = [0] + [1] * (len(full["action"]["edgeMask"]) - 1)
        self.assertEqual(c.request("evaluate", handle=h, action={"edgeMask": mask}, mask=False)["action"]["cut"], 0)
        self.assertError("bad_request", "mask: must be true or false", c.request, "optimum", handle=h, mask="no")

    def test_batch_answers_each_request_as_its_own_line_would(self):
        c, h = self.client, self.resnet
        requests = [{"op": "set", "handle": h, "state": {"uplinkBitsPerSecond": 3e6}},
                    {"op": "evaluate", "handle": h, "action": {"cut": 2}, "plan": False},
                    {"op": "evaluate", "handle": h, "action": {"cut": 10 ** 6}},
                    {"op": "nope"},
                    {"op": "batch", "requests": []},
                    {"op": "ping"}]
        alone = c.call_many(requests, raise_errors=False)
        batched = c.batch(requests, raise_errors=False)
        self.assertEqual(len(batched), len(requests))
        self.assertEqual(batched[0], alone[0])
        self.assertEqual(batched[1], alone[1])
        self.assertEqual([(e.code, e.message) for e in batched[2:4]], [(e.code, e.message) for e in alone[2:4]])
        self.assertEqual((batched[4].code, batched[4].message), ("bad_request", "op: batch cannot be nested in a batch"))
        self.assertEqual(batched[5]["protocolVersion"], 1)
        with self.assertRaises(CleaveError):
            c.batch(requests)  # raise_errors: the first error, after every response was read
        self.assertEqual(c.batch([]), [])
        with self.assertRaises(ValueError):
            c.batch([{"op": "ping"}] * 4097)
        self.assertError("limit", "at most 4096 in one batch", c.request, "batch", requests=[{"op": "ping"}] * 4097)
        self.assertError("bad_request", "requests: must be an array", c.request, "batch", requests="ping")
        self.assertTrue(c.alive)

    def test_map_pieces_are_optimal_and_priced_exactly(self):
        self.client.set(self.resnet, deviceLoad=0.0)
        m = self.client.map(self.resnet, 1e5, 1e10)
        pieces = m["pieces"]
        self.assertGreaterEqual(len(pieces), 1)
        self.assertEqual(pieces[0]["fromBitsPerSecond"], 1e5)
        self.assertEqual(pieces[-1]["toBitsPerSecond"], 1e10)
        for a, b in zip(pieces, pieces[1:]):
            self.assertEqual(a["toBitsPerSecond"], b["fromBitsPerSecond"])
        for p in pieces:
            mid = math.sqrt(p["fromBitsPerSecond"] * p["toBitsPerSecond"])
            r = self.client.evaluate(self.resnet, p["action"], state={"uplinkBitsPerSecond": mid}, with_optimum=True)
            self.assertAlmostEqual(r["objective"], p["fixedCost"] + p["sentBitCost"] / mid, delta=1e-9 * r["objective"])
            self.assertLessEqual(r["regret"], 1e-9 * r["objective"])
        self.assertError("invalid_input", "", self.client.map, self.resnet, 1e6, 1e5)

    def test_exits_family(self):
        h = self.client.load(zoo={"model": "b-alexnet", "family": "exits"})
        try:
            d = self.client.describe(h)
            self.assertEqual(d["family"], "exits")
            exits = [e["id"] for e in d["exits"]]
            self.assertTrue(exits)
            optimum = self.client.optimum(h)
            self.assertTrue(optimum["verified"])
            r = self.client.evaluate(h, {"cut": 0, "exits": exits[:1]}, with_optimum=True)
            self.assertIn("accuracy", r["plan"]["cost"])
            self.assertGreaterEqual(r["regret"], -1e-12 if r["feasible"] else -math.inf)
            self.assertError("invalid_input", "nope", self.client.evaluate, h, {"cut": 0, "exits": ["nope"]})
            self.client.set(h, accuracyFloor=0.99999)
            high = self.client.evaluate(h, {"cut": 0, "exits": exits})
            self.assertFalse(high["feasible"], "every exit active cannot meet a 0.99999 floor")
            self.assertTrue(high["violations"])
            m = self.client.map(h, 1e5, 1e9, exits=[])
            self.assertTrue(m["pieces"])
        finally:
            self.client.close_handle(h)

    def test_multiuser_family(self):
        h = self.client.load(multiuser={"users": 4, "units": 6})
        try:
            d = self.client.describe(h)
            self.assertEqual((d["family"], d["computeUnits"], d["bandwidthUnits"], len(d["users"])), ("multiuser", 6, 6, 4))
            self.client.set(h, userUplinkBitsPerSecond=[5e6, 1e7, 2e7, 4e7])
            optimum = self.client.optimum(h)
            self.assertTrue(optimum["verified"])
            again = self.client.evaluate(h, optimum["action"], with_optimum=True)
            self.assertEqual(again["regret"], 0.0)
            over = dict(optimum["action"], computeUnits=[6, 6, 6, 6])
            r = self.client.evaluate(h, over)
            self.assertFalse(r["feasible"])
            self.assertTrue(r["violations"])
            self.assertError("invalid_input", "options", self.client.evaluate, h,
                             dict(optimum["action"], options=[10 ** 6] * 4))
            self.assertError("invalid_input", "userUplinkBitsPerSecond", self.client.set, h,
                             userUplinkBitsPerSecond=[1e6])
            self.assertError("unsupported", "", self.client.map, h, 1e5, 1e9)
        finally:
            self.client.close_handle(h)

    def test_close_handle(self):
        h = self.client.load(path=EXAMPLE_INSTANCE)
        self.assertEqual(self.client.close_handle(h), [h])
        self.assertError("unknown_handle", h, self.client.optimum, h)
        self.assertError("unknown_handle", h, self.client.close_handle, h)


@requires_server
class MalformedRequestsTest(ServerTestCase):

    def test_every_malformed_line_gets_an_error_and_the_server_keeps_serving(self):
        seed = 18
        rng = random.Random(seed)
        good = json.dumps({"id": 1, "op": "ping"})
        makers = [
            lambda: good[:rng.randrange(1, len(good))].encode(),  # truncated JSON
            lambda: json.dumps({"id": rng.randrange(10 ** 6), "op": "nope-%d" % rng.randrange(99)}).encode(),
            lambda: json.dumps({"id": 2, "op": rng.choice([1, None, [], {}])}).encode(),
            lambda: json.dumps({"id": 3, "op": "set", "handle": rng.choice([1, [], "h0"]), "state": 7}).encode(),
            lambda: json.dumps({"id": 4, "op": "evaluate", "handle": "h9999", "action": {"cut": 0}}).encode(),
            lambda: json.dumps({"id": 5, "op": "ping", "extra": True}).encode(),
            lambda: json.dumps(rng.choice([[], 1, "x", None])).encode(),
            lambda: bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40))).replace(b"\n", b" "),
            lambda: b"",
        ]
        lines = [rng.choice(makers)() for _ in range(2000)]
        responses = self.client.call_many_raw(lines)
        self.assertEqual(len(responses), len(lines))
        for line, response in zip(lines, responses):
            self.assertIs(response.get("ok"), False, f"seed {seed}: {line!r} -> {response}")
            self.assertIn(response["error"]["code"],
                          {"parse_error", "bad_request", "unknown_op", "unknown_handle"}, f"seed {seed}: {line!r}")
        self.assertEqual(self.client.ping()["protocolVersion"], 1)

    def test_too_large_line_is_refused_and_skipped(self):
        huge = b'{"id": 1, "op": "ping", "pad": "' + b"x" * (16 * 1024 * 1024) + b'"}'
        response = self.client.send_raw(huge)
        self.assertEqual((response["ok"], response["error"]["code"], response["id"]), (False, "too_large", None))
        self.assertEqual(self.client.ping()["protocolVersion"], 1)

    def test_handle_limit(self):
        with open(EXAMPLE_INSTANCE, encoding="utf-8") as f:
            instance = json.load(f)
        open_now = self.client.ping()["handles"]
        results = self.client.call_many([{"op": "load", "instance": instance}] * (1025 - open_now), raise_errors=False)
        self.assertTrue(all(isinstance(r, dict) for r in results[:-1]))
        self.assertIsInstance(results[-1], CleaveError)
        self.assertEqual(results[-1].code, "limit")
        self.client.call_many([{"op": "close", "handle": r["handle"]} for r in results[:-1]])
        self.assertEqual(self.client.ping()["handles"], open_now)


if __name__ == "__main__":
    unittest.main()


@requires_server
class LifecycleTest(unittest.TestCase):

    def test_close_ends_the_server_with_status_zero_and_is_idempotent(self):
        from cleave import Client
        with Client() as c:
            c.load(path=EXAMPLE_INSTANCE)
        self.assertFalse(c.alive)
        self.assertEqual(c.close(), 0)
        with self.assertRaises(CleaveError):
            c.ping()

    def test_a_killed_server_is_an_error_not_a_hang(self):
        import os
        import signal
        from cleave import Client, ServerExited
        c = Client(timeout_seconds=30)
        h = c.load(path=EXAMPLE_INSTANCE)
        os.kill(c.pid, signal.SIGKILL)
        with self.assertRaises(ServerExited):
            c.optimum(h)
        self.assertFalse(c.alive)
        self.assertNotEqual(c.close(), 0)
