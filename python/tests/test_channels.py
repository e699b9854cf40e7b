import math
import os
import random
import statistics
import tempfile
import unittest

import support  # noqa: F401  (puts the package on the path)
from cleave.channels import (BoundedLoad, Channel, Constant, GaussMarkov, LinkState, LogNormal, TraceChannel,
                             read_trace)


class GaussMarkovTest(unittest.TestCase):

    def test_same_seed_same_path(self):
        for seed in (0, 1, 12345):
            a, b = GaussMarkov(1e7, 0.4, 0.8), GaussMarkov(1e7, 0.4, 0.8)
            ra, rb = random.Random(seed), random.Random(seed)
            pa = [a.reset(ra)] + [a.step(ra) for _ in range(50)]
            pb = [b.reset(rb)] + [b.step(rb) for _ in range(50)]
            self.assertEqual(pa, pb, f"seed {seed}")

    def test_stationary_law_of_the_log(self):
        seed = 7
        p, rng = GaussMarkov(2e6, sigma=0.3, memory=0.5), random.Random(seed)
        logs = [math.log(p.reset(rng))] + [math.log(p.step(rng)) for _ in range(40000)]
        self.assertAlmostEqual(statistics.fmean(logs), math.log(2e6), delta=0.02, msg=f"seed {seed}")
        self.assertAlmostEqual(statistics.pstdev(logs), 0.3, delta=0.01, msg=f"seed {seed}")
        lag1 = statistics.fmean((x - math.log(2e6)) * (y - math.log(2e6)) for x, y in zip(logs, logs[1:])) / 0.09
        self.assertAlmostEqual(lag1, 0.5, delta=0.03, msg=f"seed {seed}")

    def test_lognormal_is_memoryless_and_clipped(self):
        seed = 3
        p, rng = LogNormal(1e6, sigma=2.0, low=5e5, high=2e6), random.Random(seed)
        values = [p.reset(rng)] + [p.step(rng) for _ in range(2000)]
        self.assertTrue(all(5e5 <= v <= 2e6 for v in values), f"seed {seed}")
        self.assertIn(5e5, values)
        self.assertIn(2e6, values)
        self.assertEqual(p.memory, 0.0)

    def test_bad_parameters_name_the_field(self):
        for make, field in ((lambda: GaussMarkov(0), "median"), (lambda: GaussMarkov(1, sigma=-1), "sigma"),
                            (lambda: GaussMarkov(1, memory=1.0), "memory"), (lambda: GaussMarkov(1, low=3, high=2), "low"),
                            (lambda: BoundedLoad(mean=1.0), "mean"), (lambda: Constant(float("nan")), "value")):
            with self.assertRaises(ValueError) as e:
                make()
            self.assertTrue(str(e.exception).startswith(field), str(e.exception))


class LoadAndChannelTest(unittest.TestCase):

    def test_load_stays_in_bounds(self):
        seed = 11
        p, rng = BoundedLoad(mean=0.5, sigma=3.0, high=0.9), random.Random(seed)
        values = [p.reset(rng)] + [p.step(rng) for _ in range(3000)]
        self.assertTrue(all(0.0 <= v <= 0.9 for v in values), f"seed {seed}")
        self.assertGreater(len(set(values)), 100)

    def test_channel_defaults_and_bounds(self):
        c = Channel(load=Constant(0.25)).with_defaults(1e7, 3e7, sigma=0.2, memory=0.0)
        low, high = c.bounds()
        self.assertEqual(low, LinkState(1e4, 3e4, 0.25))
        self.assertEqual(high, LinkState(1e10, 3e10, 0.25))
        s = c.reset(random.Random(5))
        self.assertEqual(s.device_load, 0.25)
        self.assertTrue(low.uplink_bits_per_second <= s.uplink_bits_per_second <= high.uplink_bits_per_second)


class TraceTest(unittest.TestCase):

    def write(self, text):
        f = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
        f.write(text)
        f.close()
        self.addCleanup(os.unlink, f.name)
        return f.name

    def test_replays_and_wraps(self):
        path = self.write("time_seconds,uplink_bits_per_second,downlink_bits_per_second\n0,1e6,2e6\n1,3e6,4e6\n")
        c, rng = TraceChannel(path), random.Random(0)
        self.assertEqual([c.reset(rng), c.step(rng), c.step(rng)],
                         [LinkState(1e6, 2e6, 0.0), LinkState(3e6, 4e6, 0.0), LinkState(1e6, 2e6, 0.0)])
        self.assertEqual(c.bounds(), (LinkState(1e6, 2e6, 0.0), LinkState(3e6, 4e6, 0.0)))

    def test_device_load_column(self):
        path = self.write("time_seconds,uplink_bits_per_second,downlink_bits_per_second,device_load\n0,1e6,2e6,0.5\n")
        self.assertEqual(TraceChannel(path).reset(random.Random(0)), LinkState(1e6, 2e6, 0.5))

    def test_errors_name_line_column_and_value(self):
        cases = {
            "time_seconds,uplink_bits_per_second\n0,1\n": "lacks column 'downlink_bits_per_second'",
            "time_seconds,uplink_bits_per_second,downlink_bits_per_second\n0,abc,1\n": ":2: uplink_bits_per_second: 'abc'",
            "time_seconds,uplink_bits_per_second,downlink_bits_per_second\n0,1,1\n0,1,1\n": ":3: time_seconds: 0.0",
            "time_seconds,uplink_bits_per_second,downlink_bits_per_second\n0,0,1\n": ":2: uplink_bits_per_second: 0.0",
            "time_seconds,uplink_bits_per_second,downlink_bits_per_second\n0,1\n": ":2: 2 fields, expected 3",
            "time_seconds,uplink_bits_per_second,downlink_bits_per_second,x\n": "unknown column 'x'",
            "time_seconds,uplink_bits_per_second,downlink_bits_per_second\n": "no rows",
            "": "empty trace",
        }
        for text, expected in cases.items():
            with self.assertRaises(ValueError, msg=text) as e:
                read_trace(self.write(text))
            self.assertIn(expected, str(e.exception))


if __name__ == "__main__":
    unittest.main()
