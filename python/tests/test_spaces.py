import unittest

import support  # noqa: F401
from cleave import spaces


class FallbackSpacesTest(unittest.TestCase):
    """The plain descriptors used when gymnasium is not installed."""

    def test_discrete(self):
        s = spaces.Discrete(4, seed=1)
        draws = {s.sample() for _ in range(200)}
        self.assertEqual(draws, {0, 1, 2, 3})
        self.assertIn(3, s)
        for bad in (4, -1, 1.0, True, "1", None):
            self.assertNotIn(bad, s, repr(bad))

    def test_multi_discrete_and_binary(self):
        s = spaces.MultiDiscrete([2, 3], seed=2)
        self.assertEqual(s.shape, (2,))
        self.assertTrue(all(s.contains(s.sample()) for _ in range(100)))
        for bad in ((2, 0), (0,), (0, 1, 0), (0, 1.5), 3, None):
            self.assertFalse(s.contains(bad), repr(bad))
        b = spaces.MultiBinary(3)
        self.assertTrue(b.contains([1, 0, 1]))
        self.assertFalse(b.contains([1, 2, 1]))

    def test_box(self):
        s = spaces.Box([0.0, 1.0], [1.0, float("inf")], seed=3)
        self.assertTrue(all(s.contains(s.sample()) for _ in range(100)))
        self.assertFalse(s.contains((2.0, 1.0)))
        self.assertFalse(s.contains((0.5,)))
        self.assertFalse(s.contains(("a", 1.0)))
        with self.assertRaises(ValueError):
            spaces.Box([1.0], [0.0])

    def test_seed_repeats_samples(self):
        a, b = spaces.MultiDiscrete([5, 5, 5]), spaces.MultiDiscrete([5, 5, 5])
        a.seed(9)
        b.seed(9)
        self.assertEqual([a.sample() for _ in range(20)], [b.sample() for _ in range(20)])

    def test_to_int_list_names_the_entry(self):
        self.assertEqual(spaces.to_int_list((1, 0), 2), [1, 0])
        with self.assertRaises(ValueError) as e:
            spaces.to_int_list((1, 0.5), 2)
        self.assertIn("action[1]: 0.5", str(e.exception))
        with self.assertRaises(ValueError) as e:
            spaces.to_int_list((1,), 2)
        self.assertIn("length 1, expected 2", str(e.exception))


if __name__ == "__main__":
    unittest.main()
