import numpy as np

from tqcheck.align import AlignParams, align

PARAMS = AlignParams(midpoint=0.5, scale=0.05)


def _unit(rng, n, dim=64):
    v = rng.normal(size=(n, dim))
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _run(src, tgt, src_len=None, tgt_len=None):
    n, m = len(src), len(tgt)
    src_len = np.full(n, 80.0) if src_len is None else src_len
    tgt_len = np.full(m, 80.0) if tgt_len is None else tgt_len
    links = align(src, tgt, src_len, tgt_len, np.zeros(n, int), np.zeros(m, int), PARAMS)
    return [(link.source, link.target) for link in links]


def test_one_to_one_identity():
    rng = np.random.default_rng(0)
    e = _unit(rng, 12)
    assert _run(e, e.copy()) == [((i,), (i,)) for i in range(12)]


def test_deleted_target_sentence_is_an_omission():
    rng = np.random.default_rng(1)
    e = _unit(rng, 10)
    links = _run(e, np.delete(e, 4, axis=0))
    assert ((4,), ()) in links
    assert ((5,), (4,)) in links


def test_extra_target_sentence_is_an_addition():
    rng = np.random.default_rng(2)
    e = _unit(rng, 10)
    tgt = np.insert(e, 3, _unit(rng, 1)[0], axis=0)
    links = _run(e, tgt)
    assert ((), (3,)) in links
    assert ((3,), (4,)) in links


def test_two_source_sentences_merged_in_one_target():
    rng = np.random.default_rng(3)
    e = _unit(rng, 8)
    merged = e[2] + e[3]
    tgt = np.vstack([e[:2], merged / np.linalg.norm(merged), e[4:]])
    lengths = np.full(7, 80.0)
    lengths[2] = 160.0
    links = _run(e, tgt, tgt_len=lengths)
    assert ((2, 3), (2,)) in links
    assert len(links) == 7


def test_empty_sides():
    rng = np.random.default_rng(4)
    e = _unit(rng, 3)
    assert _run(e, e[:0]) == [((0,), ()), ((1,), ()), ((2,), ())]


def test_long_document_stays_fast():
    import time

    rng = np.random.default_rng(5)
    e = _unit(rng, 2000, dim=32)
    start = time.perf_counter()
    links = _run(e, e + 0.05 * _unit(rng, 2000, dim=32))
    assert sum(1 for s, t in links if len(s) == len(t) == 1 and s == t) >= 1990
    assert time.perf_counter() - start < 30   # generous for slow CI machines; bench/throughput.py measures
