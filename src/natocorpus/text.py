"""
Small text helpers shared by the cleaning and extraction steps.

Everything here runs in time linear in its input: the regular expressions have no
nested quantifiers.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter

__all__ = ["fold", "is_upper_initial", "line_spans", "strip_span", "words"]

# Characters that are invisible but not white space for str.isspace(): strip them too.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
_LINE = re.compile(r"[^\r\n]*")
# Runs of one character class, so that the engine loops in C (see _TOKEN_PATTERN).
WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'’](?=[^\W\d_])[^\W_]*)*")
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


_HONORIFICS = ("M", "Mme", "Mlle", "MM", "Dr", "Pr", "Me", "Mr", "Mrs", "Ms", "St", "Gén", "Gal")
_TOKEN_PATTERN = (
    r"(?:[lLdDjJnNsScCmMtT]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu)['’](?=[^\W\d_])"
    rf"|(?:{'|'.join(_HONORIFICS)})\.(?!\w)"
    # A letter, then letters and digits, each joiner (hyphen, apostrophe, period) followed
    # by a letter. Written as runs of one character class so that the regular expression
    # engine loops in C; a joiner is never a letter, so the runs cannot overlap.
    r"|[^\W\d_][^\W_]*(?:[-'’.](?=[^\W\d_])[^\W_]*)*"
    r"|\d+(?:[.,\u00a0\u202f ]\d+)*"
    r"|\S"
)
TOKEN = re.compile(_TOKEN_PATTERN)
"""Tokens for cue and speaker analysis: elided articles (``l’``), honorifics (``M.``),
words (``nord-coréens``, ``a-t-il``), numbers and single punctuation marks."""

# Every non-blank character starts a token (``\S`` is the last resort) and no token starts
# with a blank, so the text is blanks and tokens in turn: one findall gives both, and the
# offsets follow from their lengths without a match object per token.
_SPACED_TOKEN = re.compile(rf"(\s*)({_TOKEN_PATTERN})")

# Most of the text between blanks is one word of letters only, or a word and a mark
# ("mardi.", "Bruxelles,"), maybe after an elision ("l’OTAN"). Only a number crosses a
# blank ("1 000", "2\u00a0500").
_ONE_LETTER_ELISIONS = frozenset("lLdDjJnNsScCmMtT")
_APOSTROPHES = frozenset("'’")
_NUMBER_BLANKS = frozenset(" \u00a0\u202f")
_HONORIFIC_SET = frozenset(_HONORIFICS)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """
    ``(token, start, end)`` triples of ``text[start:end]``, offsets into ``text``.

    The token pattern costs a match and its groups per token, more than str methods
    do: the text is split at blanks, a chunk of letters only is a token as it stands,
    and the others go through :func:`_chunk_tokens`.
    """
    stop = len(text) if end is None else end
    segment = text[start:stop]
    chunks = segment.split()
    tokens: list[tuple[str, int, int]] = []
    append = tokens.append
    if " ".join(chunks) == segment:
        # One space between chunks, none around them: each starts past the last one.
        first = start
        for chunk in chunks:
            last = first + len(chunk)
            if chunk.isalpha():
                append((chunk, first, last))
            elif _chunk_tokens(text, chunk, first, last, stop, tokens):
                break
            first = last + 1
    else:
        find = text.find
        last = start
        for chunk in chunks:
            first = find(chunk, last)  # past blanks only: the chunk's own start
            last = first + len(chunk)
            if chunk.isalpha():
                append((chunk, first, last))
            elif _chunk_tokens(text, chunk, first, last, stop, tokens):
                break
    return tokens


def _chunk_tokens(text: str, chunk: str, first: int, last: int, stop: int, tokens: list[tuple[str, int, int]]) -> bool:
    """
    Append the tokens of ``chunk`` (``text[first:last]``, not all letters) to ``tokens``;
    True when they run on to ``stop`` (a number across a blank: then the token pattern
    reads the rest of the text, from this chunk on).

    The common shapes are read by hand, as the token pattern reads them: one character;
    a word and a mark after it (no token starts with a mark, and a joiner at the end of
    the word, "-", "’" or ".", joins only a letter after it), save an honorific and its
    period ("M."); either after an elision ("l’", "qu’"). The rest goes to the token
    pattern, whose look-aheads see the end of the chunk as they would see the blank
    after it: neither is a letter nor a word character.
    """
    mark = chunk[-1]
    if mark.isdecimal() and last + 1 < stop and text[last] in _NUMBER_BLANKS and text[last + 1].isdecimal():
        tokens += _tokenize_spans(text, first, stop)
        return True
    if len(chunk) == 1:
        tokens.append((chunk, first, last))
        return False
    if chunk[1] in _APOSTROPHES and chunk[0] in _ONE_LETTER_ELISIONS:
        elided = 2
    elif chunk[2:3] in _APOSTROPHES and chunk[:2] in ("qu", "Qu"):
        elided = 3
    else:
        elided = 0
    word = chunk[elided:]
    if elided and word.isalpha():
        tokens.append((chunk[:elided], first, first + elided))
        tokens.append((word, first + elided, last))
        return False
    word = word[:-1]
    if word.isalpha() and not (mark.isalnum() or mark == "_") and not (mark == "." and word in _HONORIFIC_SET):
        if elided:
            tokens.append((chunk[:elided], first, first + elided))
        tokens.append((word, first + elided, last - 1))
        tokens.append((mark, last - 1, last))
    else:
        tokens += _tokenize_spans(text, first, last)
    return False


def _tokenize_spans(text: str, start: int, stop: int) -> list[tuple[str, int, int]]:
    """:func:`tokenize` with the token pattern alone."""
    triples = []
    position = start
    for blank, token in _SPACED_TOKEN.findall(text, start, stop):
        first = position + len(blank)
        position = first + len(token)
        triples.append((token, first, position))
    return triples


@lru_cache(maxsize=65536)
def _folded_key(word: str) -> str:
    return fold(word.replace("’", "'"))


class PhraseMatcher:
    """
    Find phrases (each a small regular expression) at word starts, in linear time.

    A single alternation of hundreds of phrases is tried at every position of the text;
    grouping the phrases by their first word and trying only the group of the word at
    hand keeps the cost proportional to the number of words.

    Args:
        phrases: ``(first word, pattern)`` pairs; the pattern must match from the start
            of the first word. The first word is compared folded (case and accents) when
            ``ignore_case`` is true, else exactly.
        ignore_case: Match case-insensitively.
        followers: For first words whose phrases all go on into a next token (a
            determiner before a noun): the keys that next token's key may start with.
            Such a first word is tried only before one of them, which spares a regular
            expression attempt at every "le" and "la". Each must be the key of the
            next word's first token, made of letters and inner hyphens only, so that
            the token of the text there holds it whole.
    """

    def __init__(
        self, phrases: list[tuple[str, str]], *, ignore_case: bool, followers: dict[str, tuple[str, ...]] | None = None
    ) -> None:
        self.ignore_case = ignore_case
        self.followers = {self._key(head): tuple(keys) for head, keys in (followers or {}).items()}
        grouped: dict[str, list[str]] = {}
        for head, pattern in phrases:
            grouped.setdefault(self._key(head), []).append(pattern)
        flags = re.IGNORECASE if ignore_case else 0
        self.patterns = {
            head: re.compile("|".join(f"(?:{p})" for p in sorted(set(group), key=len, reverse=True))
                             + r"(?![\w-])", flags)
            for head, group in grouped.items()
        }
        if not ignore_case:
            # Every spelling of a first word with typographic apostrophes leads to its
            # patterns too, so that the token texts themselves serve as keys.
            for head, pattern in list(self.patterns.items()):
                for spelling in _apostrophe_spellings(head):
                    self.patterns.setdefault(spelling, pattern)

    def _key(self, word: str) -> str:
        return _folded_key(word) if self.ignore_case else word.replace("’", "'")

    def finditer(
        self, text: str, tokens: list[tuple[str, int, int]], end: int, keys: list[str] | None = None
    ) -> list[re.Match[str]]:
        """
        Non-overlapping matches starting at the given tokens, left to right.

        ``keys`` may give the tokens' keys already computed (folded for a matcher that
        ignores case, see :meth:`TokenizedLines.folded`; for a matcher that heeds case,
        the token texts, see :meth:`TokenizedLines.words`).
        """
        found: list[re.Match[str]] = []
        covered = -1
        if keys is None:
            keys = [self._key(token) for token, _, _ in tokens]
        patterns = self.patterns
        if patterns.keys().isdisjoint(keys):
            return found  # the common case: no phrase starts on this line
        if len(keys) != len(tokens):
            raise ValueError("one key per token expected")
        followers = self.followers
        last = len(keys) - 1
        for index in compress(range(len(keys)), map(patterns.__contains__, keys)):
            start = tokens[index][1]
            if start < covered:
                continue
            needed = followers.get(keys[index])
            if needed is not None and (index == last or not keys[index + 1].startswith(needed)):
                continue  # no phrase of this first word goes on with the next token
            match = patterns[keys[index]].match(text, start, end)
            if match is not None and match.end() > start:
                found.append(match)
                covered = match.end()
        return found


def _apostrophe_spellings(word: str) -> list[str]:
    """Every spelling of ``word`` with each plain apostrophe plain or typographic."""
    spellings = [""]
    for char in word:
        spellings = [spelling + variant for spelling in spellings for variant in ((char, "’") if char == "'" else (char,))]
    return spellings


_SPAN_END = itemgetter(1)  # of a (start, end) span


class Intervals:
    """Sorted, possibly overlapping ``(start, end)`` spans with a fast overlap test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        # The largest end among the spans up to each position, for a one-bisect test
        # (running maxima from -1, computed in C).
        self.reach: list[int] = list(accumulate(map(_SPAN_END, self.spans), max, initial=-1))[1:]

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps one of the spans."""
        position = bisect_left(self.starts, end) - 1
        return position >= 0 and self.reach[position] > start

    def contains(self, position: int) -> bool:
        """True when ``position`` lies inside one of the spans (``start <= position < end``)."""
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and self.reach[index] > position


# The parts of a (token, start, end) triple, for map() in C.
_TEXT = itemgetter(0)
_START = itemgetter(1)


class TokenizedLines:
    """
    The tokens of a set of lines, computed once and shared by the extraction steps.

    Args:
        text: The article text.
        spans: ``(start, end)`` of the lines to tokenize.
    """

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        import bisect

        self._bisect = bisect.bisect_right
        self.text = text
        self.spans = sorted(spans)
        self.line_starts = [start for start, _ in self.spans]
        self.tokens = [tokenize(text, start, end) for start, end in self.spans]
        self.token_starts = [list(map(_START, line)) for line in self.tokens]
        self._words: dict[int, list[str]] = {}
        self._folded: dict[int, list[str]] = {}

    def line_index(self, position: int) -> int:
        """The index of the line holding ``position`` (the nearest line before it)."""
        return max(0, self._bisect(self.line_starts, position) - 1)

    def line_start(self, position: int) -> int:
        """The start of the line holding ``position``."""
        return self.spans[self.line_index(position)][0] if self.spans else 0

    def tokens_before(self, position: int, count: int) -> list[tuple[str, int, int]]:
        """Up to ``count`` tokens of the line holding ``position`` that end before it."""
        if not self.spans:
            return []
        line = self.line_index(position)
        stop = self._bisect(self.token_starts[line], position - 1)
        while stop > 0 and self.tokens[line][stop - 1][2] > position:
            stop -= 1
        return self.tokens[line][max(0, stop - count):stop]

    def tokens_of(self, start: int) -> list[tuple[str, int, int]]:
        """The tokens of the line starting at ``start``."""
        return self.tokens[self.line_index(start)]

    def words(self, line: int) -> list[str]:
        """The token texts of line number ``line``, cached."""
        cached = self._words.get(line)
        if cached is None:
            cached = self._words[line] = list(map(_TEXT, self.tokens[line]))
        return cached

    def folded(self, line: int) -> list[str]:
        """The folded tokens of line number ``line`` (case and accents removed), cached."""
        cached = self._folded.get(line)
        if cached is None:
            # map() over the C-level cache wrapper: no Python frame per token.
            cached = self._folded[line] = list(map(_folded_key, self.words(line)))
        return cached
