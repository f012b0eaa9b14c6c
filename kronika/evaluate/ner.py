"""``kronika eval ner``: PolEval 2018 Task 2 (named entities), scored as the official
``poleval_ner_test.py`` scores it.

The official measure, reimplemented:
- entities are ``(offsets, category)`` pairs over ALL the gold's categories (persName and its
  forename/surname/addname parts, orgName, placeName_*, geogName, date, time); the derivation
  attributes (``derivType_*``) are dropped; duplicates count once;
- a fragmented gold entity (``cat 10 15;20 25``) counts as two ("split" strategy);
- overlap match: same category and ranges that overlap or touch (``not (e1 < s2 or e2 < s1)``);
  exact match: same category and offsets; a gold entity is found when ANY prediction matches,
  false positives = predictions - true positives, false negatives = gold - true positives;
- micro F1 over all documents; final = 0.8 * overlap F1 + 0.2 * exact F1;
- like the official script, documents with more than one gold answer are not scored.
The main types (persons, organisations, places of any kind as one type, geographical names) are
also scored alone.
"""
from __future__ import annotations

import gzip
import json
import time
from collections import Counter

import click

from kronika.evaluate import require_shared

GOLD = "nlp/poleval2018-ner/POLEVAL-NER_GOLD.json.gz"
PUBLISHED = [("Liner2 (2018)", 0.810), ("PolDeepNer (2018)", 0.851), ("best PolEval 2018 system", 0.866)]
MAIN_TYPES = {"persName", "orgName", "placeName", "geogName"}


def gold_entities(brat: str) -> set[tuple[int, int, str]]:
    out = set()
    for line in brat.split("\n"):
        cols = line.split("\t")
        if len(cols) != 3 or "derivType" in cols[1]:
            continue
        category, _, ranges = cols[1].partition(" ")
        for piece in ranges.split(";"):
            start, end = piece.split()
            out.add((int(start), int(end), category))
    return out


def counts(gold: set, predicted: set, exact: bool) -> tuple[int, int, int]:
    tp = 0
    for gs, ge, gc in gold:
        for ps, pe, pc in predicted:
            if pc == gc and ((gs == ps and ge == pe) if exact else not (ge < ps or pe < gs)):
                tp += 1
                break
    return tp, len(predicted) - tp, len(gold) - tp


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main_type(category: str) -> str | None:
    base = category.split("_", 1)[0]
    if base == "persName" and category != "persName":
        return None  # forename/surname parts are not a main type
    return base if base in MAIN_TYPES else None


def only_main(entities: set) -> set:
    return {(s, e, main_type(c)) for s, e, c in entities if main_type(c)}


def text_kind(fname: str) -> str:
    """".../PCCwR-1.1-TXT/short/Dzienniki/12.txt" -> "short/Dzienniki": the gold's texts are
    filed by length and kind (newspapers, fiction, forums, spoken...)."""
    parts = fname.split("/")
    return "/".join(parts[-3:-1]) if len(parts) >= 3 else "?"


def predict(text: str) -> set[tuple[int, int, str]]:
    from kronika.language.core import annotate_with_spans
    from kronika.language.ner import poleval_entities
    from kronika.model import Article, Doc

    doc, spans = annotate_with_spans(Doc(Article(id="poleval", text=text, source="poleval", lang="pl")))
    return set(poleval_entities(spans, doc.tokens, text))


@click.command(name="ner")
@click.option("--limit", type=int, default=None, help="only the first N documents")
def command(limit):
    """PolEval 2018 NER with the official measure (0.8 overlap F1 + 0.2 exact F1)."""
    shared = require_shared("the PolEval 2018 gold lives in ../shared/nlp/poleval2018-ner")
    with gzip.open(shared / GOLD, "rt", encoding="utf-8") as f:
        questions = json.load(f)["questions"][:limit]
    totals = {k: Counter() for k in ("overlap", "exact", "main_overlap", "main_exact")}
    per_category = Counter()
    per_kind: dict[str, Counter] = {}
    skipped = chars = 0
    started = time.perf_counter()
    for q in questions:
        if len(q["answers"]) != 1:
            skipped += 1
            continue
        text = q["input"]["fileContent"]
        chars += len(text)
        gold = gold_entities(q["answers"][0]["data"]["brat"])
        pred = predict(text)
        kind = per_kind.setdefault(text_kind(q["input"]["fname"]), Counter())
        for name, g, p, exact in (
            ("overlap", gold, pred, False),
            ("exact", gold, pred, True),
            ("main_overlap", only_main(gold), only_main(pred), False),
            ("main_exact", only_main(gold), only_main(pred), True),
        ):
            found = dict(zip(("tp", "fp", "fn"), counts(g, p, exact)))
            totals[name].update(found)
            if name in ("overlap", "exact"):
                kind.update({(name, k): v for k, v in found.items()})
        for category in {c for _, _, c in gold | pred}:
            g = {x for x in gold if x[2] == category}
            p = {x for x in pred if x[2] == category}
            per_category.update({(category, k): v for k, v in zip(("tp", "fp", "fn"), counts(g, p, False))})
    seconds = time.perf_counter() - started
    scores = {name: f1(t["tp"], t["fp"], t["fn"]) for name, t in totals.items()}
    final = 0.8 * scores["overlap"][2] + 0.2 * scores["exact"][2]
    main_final = 0.8 * scores["main_overlap"][2] + 0.2 * scores["main_exact"][2]
    click.echo(f"PolEval 2018 NER gold: {len(questions) - skipped} documents scored ({skipped} with several answers left out, as the official script does), {chars / seconds:,.0f} chars/s")
    click.echo(f"{'':<22} {'P':>7} {'R':>7} {'F1':>7}")
    for name in ("overlap", "exact", "main_overlap", "main_exact"):
        p, r, f = scores[name]
        click.echo(f"{name:<22} {p:7.3f} {r:7.3f} {f:7.3f}")
    click.echo(f"FINAL (0.8 overlap + 0.2 exact), all categories: {final:.3f}")
    click.echo(f"main types only (person, org, place, geogName): {main_final:.3f}")
    for name, score in PUBLISHED:
        click.echo(f"  published {name}: {score:.3f}")
    click.echo(f"\n{'kind of text (the gold file names)':<60} {'final':>7} {'gold':>6}")
    for kind, c in sorted(per_kind.items(), key=lambda item: -(item[1][("overlap", "tp")] + item[1][("overlap", "fn")])):
        o, e = (f1(*(c[(name, k)] for k in ("tp", "fp", "fn")))[2] for name in ("overlap", "exact"))
        click.echo(f"{kind[:60]:<60} {0.8 * o + 0.2 * e:7.3f} {c[('overlap', 'tp')] + c[('overlap', 'fn')]:6d}")
    click.echo(f"\n{'category (overlap)':<30} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}")
    for category in sorted({c for c, _ in per_category}):
        tp, fp, fn = (per_category[(category, k)] for k in ("tp", "fp", "fn"))
        p, r, f = f1(tp, fp, fn)
        click.echo(f"{category:<30} {p:7.3f} {r:7.3f} {f:7.3f} {tp + fn:6d}")
