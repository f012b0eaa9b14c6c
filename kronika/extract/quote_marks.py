"""Where quoted words are in a text: quotation marks, dash-introduced speech, embedded posts.

Text work only. Whether a closing dash really opens an attribution ("- ... - powiedział X")
needs grammar, so the dash finder takes that test as a function from the caller
(:mod:`kronika.extract.quotes`); everything else here looks at characters.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

DASHES = "-–—"

# Pairs of quotation marks, as regexes whose group 1 is the quoted words. Straight quotes
# pair left to right and must open before a word and close after one; a single quote
# must not touch a letter outside it, so "Steve'a" and "Steve'em" are never quotes.
# Each regex starts with its opening mark, so that the engine jumps from mark to mark; what may not
# stand before the mark is checked after it, by a lookbehind over both (``"(?<![\w"]")``).
MARKS = [
    re.compile(r"„([^„”“\"\n]+)[”“\"]"),
    re.compile(r"«([^«»\n]+)»"),
    re.compile(r"»([^«»\n]+)«"),
    re.compile(r"“([^“”\n]+)”"),
    re.compile(r"\"(?<![\w\"]\")(?=\S)([^\"\n]+?)(?<=\S)\"(?!\w)"),
    re.compile(r"'(?<![\w'’]')(?=[^\W\d_])([^'\n]+?)(?<=\S)'(?!\w)"),
    re.compile(r"‘(?<!\w‘)(?=\S)([^‘’\n]+?)(?<=\S)’(?!\w)"),
]

# "— George Barros (@georgewbarros) December 2, 2025": the signature of an embedded post.
POST_SIGNATURE = re.compile(
    r"[—–-][ \t]+(?P<author>[^\n()—–]{1,80}?)[ \t]+\(@(?P<handle>\w{1,30})\)[ \t]+"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} \w+ \d{4})"
)
TRAILING_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")
SENTENCE_END = re.compile(r"[.!?…][\"”»’)]*(?=\s)")


@dataclass(slots=True)
class Quoted:
    """A stretch of quoted words: ``start``/``end`` the words, ``outer_*`` with the marks or dash."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    form: str  # "marks", "dash" or "post"
    closing: int | None = None  # dash quotes: where the attribution after the closing dash starts
    author: tuple[int, int] | None = None  # posts: the signature's name
    handle: str | None = None
    posted: str | None = None


class Spans:
    """Sorted, disjoint spans ``(start, end)`` (quoted words), asked again and again whether
    they hold an offset."""

    def __init__(self, spans: list[tuple[int, int]] = ()):
        self.spans = list(spans)
        self.starts = [s for s, _ in self.spans]

    def holds(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.spans[i][1]

    def __iter__(self):
        return iter(self.spans)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past spaces, and past one final comma or full stop."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in ",.;":
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quotation_marks(text: str) -> list[Quoted]:
    found = []
    for pattern in MARKS:
        for m in pattern.finditer(text):
            s, e = trim(text, m.start(1), m.end(1))
            if e > s:
                found.append(Quoted(s, e, m.start(), m.end(), "marks"))
    return outermost(found)


def outermost(quotes: list[Quoted]) -> list[Quoted]:
    """Drop quotes nested in or crossing an earlier, longer one."""
    out: list[Quoted] = []
    for q in sorted(quotes, key=lambda q: (q.outer_start, -q.outer_end)):
        if out and q.outer_start < out[-1].outer_end:
            continue
        out.append(q)
    return out


def parentheses(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\([^()\n]*\)", text)]


def _opening_dash(text: str, i: int) -> bool:
    """Is the dash at ``i`` the start of a line of speech (after a line or sentence break)?"""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] not in "\n.!?…:":
        if not (text[j] in "\"”»" and j > 0 and text[j - 1] in ".!?…"):
            return False
    k = i + 1
    if k >= len(text) or text[k] not in " \t":
        return False
    while k < len(text) and text[k] in " \t":
        k += 1
    return k < len(text) and (text[k].isupper() or text[k].isdigit() or text[k] in "„\"«(…'")


def dash_speech(text: str, is_attribution: Callable[[int], bool], paragraph_end: Callable[[int], int],
                sentence_end: Callable[[int], int]) -> list[Quoted]:
    """Lines of speech opened by a dash: ``- Words - powiedział X.`` or a dash line without one.

    The quote runs to the first dash followed by an attribution (``is_attribution(offset)``),
    but never past the next opening dash or the paragraph's end; a line with no attribution
    runs to the end of its sentence (its speaker, if any, is found from the context).
    """
    brackets = parentheses(text)
    opens = [m.start() for m in re.finditer(f"[{DASHES}]", text) if _opening_dash(text, m.start())]
    out = []
    for n, i in enumerate(opens):
        limit = min(paragraph_end(i), opens[n + 1] if n + 1 < len(opens) else len(text))
        closing = None
        for m in re.finditer(r"[ \t,][-–—][ \t]+", text[i + 1:limit]):
            pos = i + 1 + m.start() + 1
            if any(a <= pos < b for a, b in brackets):
                continue
            if is_attribution(i + 1 + m.end()):
                closing = (pos, i + 1 + m.end())
                break
        end = closing[0] if closing else min(limit, sentence_end(i + 2))
        s, e = trim(text, i + 1, end)
        if e - s > 1:
            out.append(Quoted(s, e, i, closing[0] + 1 if closing else e, "dash",
                              closing=closing[1] if closing else None))
    return out


def embedded_posts(text: str, post_start: Callable[[int], int], buttons: list[str]) -> list[Quoted]:
    """Posts pasted from social media: the text before ``— Name (@handle) Date`` signatures.

    ``post_start(offset)`` says where the post that ends at ``offset`` begins.
    """
    out = []
    for m in POST_SIGNATURE.finditer(text):
        end = m.start()
        links = TRAILING_LINKS.search(text, max(0, end - 300), end)
        if links:
            end = links.start()
        start = post_start(end)
        while start < end and not (text[start].isalnum() or text[start] in "„\"'(@#"):
            start += 1
        s, e = trim(text, start, end)
        outer_end = m.end()
        rest = text[outer_end:outer_end + 40].lstrip()
        for button in buttons:
            if rest.startswith(button):
                outer_end = text.index(button, outer_end) + len(button)
        if e > s:
            out.append(Quoted(s, e, s, outer_end, "post", author=(m.start("author"), m.end("author")),
                              handle=m.group("handle"), posted=m.group("date")))
    return out


def sentence_ends(text: str) -> list[int]:
    """Offsets where sentences end, by punctuation alone (used when the language stage gave none)."""
    return sorted({m.end() for m in SENTENCE_END.finditer(text)} | {m.start() for m in re.finditer(r"\n", text)}
                  | {len(text)})
