"""json_indented writes the per-segment JSON of docs/<id>.json: the same text as json.dumps, built faster."""
import json
import random

from tqcheck.batch.summary import json_indented


def _value(rng: random.Random, depth: int = 0):
    r = rng.random()
    if depth > 3 or r < 0.5:
        return rng.choice(["", 'q"b\\s\n\t\u2028é☃\x00\x1f', "plain", 0, -3, 10**20, 1.5, 0.1, -0.0, 1e300,
                           float("nan"), float("inf"), float("-inf"), True, False, None, 3.0])
    if r < 0.75:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(["a", "b", "ü", "z", "", "x y"]): _value(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def test_same_text_as_json_dumps():
    rng = random.Random(13)
    for _ in range(3000):
        value = _value(rng)
        assert json_indented(value) == json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


def test_tuples_and_other_keys_fall_back_to_json():
    assert json_indented((1, "a")) == '[\n  1,\n  "a"\n]'
    assert json_indented({2: [], 1: {}}) == '{\n  "1": {},\n  "2": []\n}'
    assert json_indented({"b": 1, "a": [True, None]}) == '{\n  "a": [\n    true,\n    null\n  ],\n  "b": 1\n}'
