"""Tokens and sentences with exact character offsets, for Polish and English.

spaCy's rule-based tokenizer for the language does the splitting; on top of it:
- abbreviations listed in ``lang/<lang>/abbreviations.yaml`` keep their dot ("gen.", "m.in.", "tys."),
- a dash glued to a word ("-Tak") is split off, since it opens direct speech,
- words with an apostrophe ("Steve'a", "Steve’em"), dates ("3.12.2025") and clock times ("12.30")
  stay one token.
Sentences end at ". ! ? …" (with the closing quotes and brackets after them) before a word that
starts a sentence; never after an initial ("J. Kowalski") or an abbreviation that leads into
something ("gen.", "np."), and never across a paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.symbols import ORTH
from spacy.util import compile_prefix_regex

from kronika import lang as lang_data

SENTENCE_FINAL = {".", "!", "?", "…", "...", "?!", "!?", "?!.", "!!", "??"}
CLOSERS = set("”\"'’»)]") | {"''"}
OPENERS = set("„\"“«(['‘") | {"-", "–", "—"}
DASHES = {"-", "–", "—"}
WHOLE_TOKEN = re.compile(
    r"^(?:[^\W\d_]+['’`][^\W\d_]+"  # Steve'a, Steve’em, O'Brien
    r"|\d{1,2}\.\d{1,2}\.\d{2,4}"  # 3.12.2025
    r"|\d{1,2}\.\d{2})$"  # 12.30
)


@dataclass(slots=True)
class Abbreviations:
    never_final: frozenset[str]  # lower-case, without the dot
    may_end: frozenset[str]
    expansions: dict[str, str]  # "gen" -> "generał", where the data file gives it

    def kind(self, token: str) -> str | None:
        """"never_final", "may_end" or None for a token such as "gen." or "gen"."""
        key = token.lower().rstrip(".")
        if key in self.never_final:
            return "never_final"
        if key in self.may_end:
            return "may_end"
        return None


@cache
def abbreviations(lang: str) -> Abbreviations:
    try:
        data = lang_data.load(lang, "abbreviations") or {}
    except FileNotFoundError:
        data = {}
    never_final, may_end = data.get("never_final") or {}, data.get("may_end_sentence") or {}
    expansions = {}
    for group in (never_final, may_end):
        if isinstance(group, dict):
            expansions.update({str(a).lower(): str(word) for a, word in group.items()})
    return Abbreviations(
        frozenset(str(a).lower() for a in never_final),
        frozenset(str(a).lower() for a in may_end),
        expansions,
    )


def written_forms(abbreviation: str) -> set[str]:
    """The spellings of a listed abbreviation (lower case) that keep their dot: "gen", "Gen", "GEN"."""
    return {abbreviation, abbreviation.capitalize(), abbreviation.upper()}


@cache
def tokenizer(lang: str):
    """spaCy's tokenizer for ``lang`` with kronika's abbreviations and exceptions."""
    nlp = spacy.blank(lang if lang in ("pl", "en") else "xx")
    # Every new word makes a lexeme in the vocabulary, with some twenty attributes computed in
    # Python (shape, stop word, like_num...); only IS_SPACE is read here (see ``tokenize``).
    nlp.vocab.lex_attr_getters = {IS_SPACE: nlp.vocab.lex_attr_getters[IS_SPACE]}
    tok = nlp.tokenizer
    abbr = abbreviations(lang)
    for a in abbr.never_final | abbr.may_end:
        for form in written_forms(a):
            tok.add_special_case(form + ".", [{ORTH: form + "."}])
    tok.prefix_search = compile_prefix_regex([r"[-–—](?=[^\W\d_])", *nlp.Defaults.prefixes]).search
    tok.token_match = WHOLE_TOKEN.match
    return tok


CHUNK_CACHE_SIZE = 200_000
WORD_MARKS = {"pl": frozenset(",:;?!."), "en": frozenset(",:;?!")}


@cache
def _chunk_tokens(lang: str) -> dict[str, tuple[tuple[int, int], ...]]:
    """Whitespace-free chunk of text -> its tokens' offsets within it, for :func:`tokenize`."""
    return {}


def tokenize(text: str, start: int = 0, end: int | None = None, lang: str = "pl") -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of the tokens of ``text[start:end]`` (whitespace dropped).

    spaCy's tokenizer splits each whitespace-free chunk on its own, so each chunk's tokens are kept
    here and a paragraph asks spaCy only about its new chunks. spaCy's own cache of chunks is no
    help: it stops filling for the rest of a text after a special case ("gen."), and a call costs
    a Doc and its arrays even when every chunk is cached."""
    end = len(text) if end is None else end
    known = _chunk_tokens(lang)
    chunks = text[start:end].split()  # (at what str.isspace, and so spaCy, takes for whitespace)
    new = [chunk for chunk in chunks if chunk not in known]
    if new:
        if len(known) > CHUNK_CACHE_SIZE:
            known.clear()
            new = chunks
        known.update(_split_chunks(list(dict.fromkeys(new)), lang))
    starts, pos, find = [], start, text.find
    for chunk in chunks:
        pos = find(chunk, pos)  # (the chunk's own place: only whitespace comes before it)
        starts.append(pos)
        pos += len(chunk)
    return [(pos + a, pos + b) for pos, chunk in zip(starts, chunks) for a, b in known[chunk]]


def _split_chunks(chunks: list[str], lang: str) -> dict[str, tuple[tuple[int, int], ...]]:
    """The tokens of each chunk. A word of letters alone is one token: every prefix, suffix and
    infix rule of spaCy's (and kronika's) takes a character that is no letter or follows a digit,
    so only a special case ("Cannot", "XD") splits it. The others are tokenized together in one
    call, joined by line breaks, which are tokens of their own, so that no special case of spaCy's
    (matched over tokens) spans two chunks."""
    specials = _special_words(lang)
    out = {chunk: _one_tuple((0, len(chunk))) for chunk in chunks if chunk.isalpha() and chunk not in specials}
    # A word with one mark after it ("Kremla," "wtorek.", two thirds of the other chunks): spaCy's
    # suffix rules split the mark off, unless the chunk or the word is a special case. Checked
    # against spaCy on all 47,835 such chunks of the news corpus and PolEval, in Polish and English
    # (which keeps an initial's dot, "V.", so there "." is left to spaCy); other languages' chunks
    # all go to spaCy.
    marks = WORD_MARKS.get(lang, frozenset())
    out.update(
        (chunk, _one_tuple((0, len(chunk) - 1), (len(chunk) - 1, len(chunk))))
        for chunk in chunks
        if chunk[-1:] in marks and chunk[:-1].isalpha() and chunk not in specials and chunk[:-1] not in specials
    )
    rest = [chunk for chunk in chunks if chunk not in out]
    if not rest:
        return out
    doc = tokenizer(lang)("\n".join(rest))
    spans: list[list[tuple[int, int]]] = [[] for _ in rest]
    k, chunk_start, chunk_end = 0, 0, len(rest[0])
    for i, n, space in doc.to_array([IDX, LENGTH, IS_SPACE]).tolist():
        if space:
            continue
        while i >= chunk_end:  # the next chunk, after its line break
            k += 1
            chunk_start, chunk_end = chunk_end + 1, chunk_end + 1 + len(rest[k])
        spans[k].append((i - chunk_start, i - chunk_start + n))
    out.update((chunk, _one_tuple(*s)) for chunk, s in zip(rest, spans))
    return out


@cache
def _one_tuple(*spans: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """One tuple for each way of splitting a chunk ("word" + "," of every length): the cache of
    chunks holds a few thousand of them, not one per chunk."""
    return spans


@cache
def _special_words(lang: str) -> frozenset[str]:
    """The strings spaCy's tokenizer for ``lang`` splits by a rule of its own (special cases)."""
    return frozenset(tokenizer(lang).rules)


def split_sentences(text: str, spans: list[tuple[int, int]], lang: str = "pl") -> list[tuple[int, int]]:
    """Sentence offsets over the token offsets of one paragraph."""
    abbr = abbreviations(lang)
    words = [text[s:e] for s, e in spans]
    sentences = []
    first = 0
    i = 0
    n = len(words)
    while i < n:
        if _ends_here(words, i, abbr) and not _abbreviation_inside(words, first, i, abbr):
            last = i
            while last + 1 < n and _closes(words, last + 1):
                last += 1
            if last + 1 < n and _opens_sentence(words, last + 1):
                sentences.append((spans[first][0], spans[last][1]))
                first = last + 1
            i = last + 1
        else:
            i += 1
    if first < n:
        sentences.append((spans[first][0], spans[-1][1]))
    return sentences


def _ends_here(words: list[str], i: int, abbr: Abbreviations) -> bool:
    w = words[i]
    if w[-1] not in ".!?…":  # what every sentence end below ends with (most words: asked first)
        return False
    if w in SENTENCE_FINAL or (len(w) > 1 and set(w) <= set(".!?…")):
        if w == "." and i > 0:
            prev = words[i - 1]
            if (len(prev) == 1 and prev.isupper()) or abbr.kind(prev) == "never_final":
                return False  # "J. Kowalski", "gen . Załużny" split by the tokenizer
        return True
    return w.endswith(".") and abbr.kind(w) == "may_end"


def _abbreviation_inside(words: list[str], first: int, i: int, abbr: Abbreviations) -> bool:
    """A unit abbreviation ("r.", "tys.", "proc.") that more likely goes on than ends the sentence:
    the sentence would be too short ("W 2027 r."), or a number or an acronym follows ("proc. PKB")."""
    if words[i] == "." or abbr.kind(words[i]) != "may_end":
        return False
    after = words[i + 1] if i + 1 < len(words) else ""
    return i - first < 3 or after[:1].isdigit() or (len(after) > 1 and after.isupper())


def _closes(words: list[str], j: int) -> bool:
    """A closing quote or bracket right after the final punctuation belongs to the sentence."""
    if words[j] not in CLOSERS:
        return False
    if words[j] in OPENERS:  # a straight quote closes when an odd number of them came before
        return words[:j].count(words[j]) % 2 == 1
    return True


def _opens_sentence(words: list[str], j: int) -> bool:
    w = words[j]
    if w in DASHES:  # "– Nie wiem – powiedział": a dash opens a sentence only before a capital
        return j + 1 < len(words) and _starts_upper(words[j + 1])
    if w in OPENERS:
        return w not in CLOSERS or words[:j].count(w) % 2 == 0
    return _starts_upper(w) or w[0].isdigit()


def _starts_upper(w: str) -> bool:
    return w[:1].isupper() or w[:1] in "„\"“«"
