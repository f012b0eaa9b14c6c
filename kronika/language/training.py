"""NKJP (``../shared/nlp/nkjp-ner``) to spaCy training data, reproducibly.

The file has one token per line, ``orth base ctag IOB``, a blank line between sentences and
a ``-DOCSTART FILE`` line per document. Every 20th document is held out for dev.

- Tags: the NKJP ctag (the last ``:`` dropped). The morphosyntactic column of this release is
  NOT disambiguated by hand (it holds one reading of the word, often not the right one:
  "w" as ``brev``), so the tagger learns from the set of morfeusz readings of each word and
  not from this column (see ``kronika.language.tagger.PartialTagger``); the column only
  gives the label set.
- Entities: the outer NKJP name, with persons split into their parts: ``persName_forename``,
  ``persName_surname``, ``persName_addName`` (a bare ``persName`` where the person has no parts),
  places by kind (``placeName_country``...), ``orgName``, ``geogName``, ``date``, ``time``.
  Adjacent person parts are joined into one person again when the model is used.
- Tokens: NKJP writes an abbreviation's dot as a token of its own (``ul`` ``.``); where kronika's
  tokenizer keeps the dot on the word (the abbreviations of ``lang/pl/abbreviations.yaml``), the two
  are joined (``ul.``), so that the model learns from tokens like those it is given.
- Lemma counts: how often each lemma is the lemma of an NKJP word, spread evenly over the
  lemmas morfeusz offers for the word; used to break ties between readings.
"""
from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

DEV_EVERY = 20


def read_nkjp(path: Path) -> Iterator[tuple[str, list[list[tuple[str, str, str]]]]]:
    """Documents as ``(name, sentences)``; a sentence is a list of ``(orth, ctag, iob)``, tokens
    as kronika's tokenizer writes them (:func:`join_abbreviation_dots`)."""
    name, sentences, sentence = None, [], []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART"):
                if sentence:
                    sentences.append(sentence)
                if name is not None and sentences:
                    yield name, [join_abbreviation_dots(s) for s in sentences]
                name = line.split()[-1] if "FILE" in line else name
                sentences, sentence = [], []
                continue
            if not line.strip():
                if sentence:
                    sentences.append(sentence)
                sentence = []
                continue
            orth, _base, ctag, iob = line.split("\t")[:4]
            sentence.append((orth, ctag.rstrip(":"), iob))
    if sentence:
        sentences.append(sentence)
    if name is not None and sentences:
        yield name, [join_abbreviation_dots(s) for s in sentences]


def join_abbreviation_dots(sentence: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """``ul`` + ``.`` -> ``ul.`` (and ``m.in`` + ``.`` -> ``m.in.``) as kronika's tokenizer writes
    them; the joined token keeps the word's tag and entity label."""
    from kronika.language.tokenize import abbreviations, written_forms

    abbr = abbreviations("pl")
    out: list[tuple[str, str, str]] = []
    for orth, ctag, iob in sentence:
        word = out[-1][0] if out else ""
        if orth == "." and abbr.kind(word) and word in written_forms(word.lower()):  # as the tokenizer keeps it
            word, word_ctag, word_iob = out.pop()
            out.append((word + ".", word_ctag, word_iob))
            continue
        out.append((orth, ctag, iob))
    return out


def entity_label(outer: str, inner: str | None) -> str:
    """``persName`` + ``persName-surname`` -> ``persName_surname``; ``placeName-country`` -> ``placeName_country``."""
    if outer == "persName" and inner and inner.startswith("persName-"):
        outer = inner
    return outer.replace("-", "_")


def outer_iob(iobs: list[str]) -> list[str]:
    """NKJP nested IOB column -> plain IOB tags of the outer entities (persons by part)."""
    spans = []  # (start, end, label)
    for i, iob in enumerate(iobs):
        if iob == "O":
            continue
        layers = iob.split("#")
        outer = layers[0]
        inner = layers[1] if len(layers) > 1 else None
        inner_label = inner[2:] if inner else None
        label = entity_label(outer[2:], inner_label)
        starts = outer.startswith("B-") or (inner is not None and inner.startswith("B-") and label != outer[2:].replace("-", "_"))
        if starts or not spans or spans[-1][1] != i or spans[-1][2] != label:
            spans.append([i, i + 1, label])
        else:
            spans[-1][1] = i + 1
    tags = ["O"] * len(iobs)
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for k in range(start + 1, end):
            tags[k] = f"I-{label}"
    return tags


def convert(nkjp: Path, out_dir: Path) -> dict[str, int]:
    """Write ``train.spacy``, ``dev.spacy``, ``lemma_counts.json.gz`` and ``name_labels.json.gz`` into ``out_dir``."""
    import spacy
    from spacy.tokens import Doc, DocBin

    from kronika.language.morphology import analyse_word

    nlp = spacy.blank("pl")
    bins = {"train": DocBin(), "dev": DocBin()}
    lemma_counts: Counter[str] = Counter()
    stats = Counter()
    for k, (_name, sentences) in enumerate(read_nkjp(nkjp)):
        part = "dev" if k % DEV_EVERY == DEV_EVERY - 1 else "train"
        stats[f"{part}_docs"] += 1
        for sentence in sentences:
            words = [w for w, _, _ in sentence]
            doc = Doc(nlp.vocab, words=words, tags=[t for _, t, _ in sentence], ents=outer_iob([i for _, _, i in sentence]))
            bins[part].add(doc)
            stats[f"{part}_tokens"] += len(words)
            if part == "train":
                for w in words:
                    lemmas = {r.lemma for r in analyse_word(w)}
                    for lemma in lemmas:
                        lemma_counts[lemma] += 1 / len(lemmas)
    out_dir.mkdir(parents=True, exist_ok=True)
    for part, db in bins.items():
        db.to_disk(out_dir / f"{part}.spacy")
    write_lemma_counts(lemma_counts, out_dir / "lemma_counts.json.gz")
    write_name_labels(nkjp, out_dir / "name_labels.json.gz")
    return dict(stats)


def write_name_labels(nkjp: Path, path: Path, minimum: int = 2, majority: float = 0.75) -> None:
    """The entity type that names written the same way (``Polsce``, ``Unii Europejskiej``) almost
    always have in the NKJP training documents: ``{name without spaces: label}``, person parts as
    ``persName``."""
    counts: dict[str, Counter[str]] = {}
    for k, (_name, sentences) in enumerate(read_nkjp(nkjp)):
        if k % DEV_EVERY == DEV_EVERY - 1:
            continue
        for sentence in sentences:
            tags = outer_iob([iob for _, _, iob in sentence])
            start = None
            for i, tag in enumerate(tags + ["O"]):
                if start is not None and not tag.startswith("I-"):
                    label = tags[start][2:]
                    label = "persName" if label.startswith("persName") else label
                    counts.setdefault(" ".join(w for w, _, _ in sentence[start:i]), Counter())[label] += 1
                    start = None
                if tag.startswith("B-"):
                    start = i
    kept = {}
    for name, labels in counts.items():
        label, n = labels.most_common(1)[0]
        if n >= minimum and n / sum(labels.values()) >= majority and any(c.isalpha() for c in name):
            kept[name.replace(" ", "")] = label  # keys without spaces: NKJP splits "2000 r." as "2000 r ."
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(kept, f, ensure_ascii=False, sort_keys=True)


def write_lemma_counts(counts: Counter[str], path: Path, minimum: float = 1.0) -> None:
    kept = {lemma: round(c, 2) for lemma, c in counts.items() if c >= minimum}
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(kept, f, ensure_ascii=False, sort_keys=True)
