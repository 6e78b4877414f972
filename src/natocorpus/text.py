"""
Small text helpers shared by the cleaning and extraction steps.

Everything here runs in time linear in its input: the regular expressions have no
nested quantifiers.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "is_upper_initial", "line_spans", "strip_span", "words"]

# Characters that are invisible but not white space for str.isspace(): strip them too.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
_LINE = re.compile(r"[^\r\n]*")
WORD = re.compile(r"[^\W\d_](?:[^\W_]|[-'’](?=[^\W\d_]))*")
"""A word: letters and digits, with inner hyphens and apostrophes."""


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``text[start:end]`` past surrounding white space and invisible characters."""
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
        end -= 1
    return start, end


def line_spans(text: str) -> list[tuple[int, int, int]]:
    """
    Split ``text`` into non-blank lines.

    Returns ``(start, end, number)`` triples: the stripped line is ``text[start:end]`` and
    ``number`` is its 1-based line number. ``\\n``, ``\\r\\n`` and ``\\r`` all end a line.
    """
    spans: list[tuple[int, int, int]] = []
    number = 0
    position = 0
    length = len(text)
    while position <= length:
        match = _LINE.match(text, position)
        assert match is not None  # the pattern matches the empty string
        number += 1
        start, end = strip_span(text, match.start(), match.end())
        if end > start:
            spans.append((start, end, number))
        position = match.end()
        if position >= length:
            break
        # Step over the line ending: \r\n counts as one.
        position += 2 if text.startswith("\r\n", position) else 1
    return spans


# Letters that carry no combining accent in Unicode but are read without it.
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ð": "d", "þ": "th",
                                "æ": "ae", "œ": "oe", "’": "'"})


@lru_cache(maxsize=65536)
def fold(value: str) -> str:
    """Case-fold and strip accents: ``"Étienne"`` → ``"etienne"``, ``"Łódź"`` → ``"lodz"``."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded.translate(_PLAIN_LETTERS)


def is_upper_initial(word: str) -> bool:
    """True when the first letter of ``word`` is a capital."""
    for ch in word:
        if ch.isalpha():
            return ch.isupper()
    return False


def words(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The word matches of ``text[start:end]``, offsets into ``text``."""
    return list(WORD.finditer(text, start, len(text) if end is None else end))


TOKEN = re.compile(
    r"(?:[lLdDjJnNsScCmMtT]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu)['’](?=[^\W\d_])"
    r"|(?:M|Mme|Mlle|MM|Dr|Pr|Me|Mr|Mrs|Ms|St|Gén|Gal)\.(?!\w)"
    r"|[^\W\d_](?:[^\W_]|[-'’.](?=[^\W\d_]))*"
    r"|\d+(?:[.,\u00a0\u202f ]\d+)*"
    r"|\S"
)
"""Tokens for cue and speaker analysis: elided articles (``l’``), honorifics (``M.``),
words (``nord-coréens``, ``a-t-il``), numbers and single punctuation marks."""


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """``(token, start, end)`` triples of ``text[start:end]``, offsets into ``text``."""
    stop = len(text) if end is None else end
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, stop)]
