"""
Finding quotations, and telling reported words from quoted names.

Spans: one left-to-right scan per body line with a stack. « » and “ ” (and „ “ or „ ”,
‹ ›, ‘ ’) pair by kind; a straight ``"`` closes an open ``"`` and opens one otherwise. A
nested quote stays inside its outer span. A mark still open at the end of the line closes
there (French typography reopens « at each new paragraph of a long quote). Linear time.

Speech or name: a span after or before a naming noun ("l'initiative « ... »", "le
Conseil « ... »", "the ‘open door’ policy"), starting with one ("« plan de paix »"), or
title-like (capitalised words, no pronoun of the first or second person, no sentence
punctuation) is a name or a term (:class:`~natocorpus.QuotedTerm`); a short lower-case
span with no speech cue around it is a scare-quoted term.

Kind: ``full`` when the quote starts a sentence (at the start of the line, after a
colon or after closing punctuation); ``partial`` when it is embedded in the narrator's
sentence.

Attribution is :mod:`natocorpus.extract.attribution`; speech cues are
:mod:`natocorpus.extract.cues`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

import attrs

from natocorpus.extract.cues import all_speech_forms, cue_words, normal_form as _normal
from natocorpus.resources import lexicon, speech_verbs
from natocorpus.text import TOKEN, Intervals, is_upper_initial, strip_span, tokenize

__all__ = ["QuoteCandidate", "SentenceIndex", "find_quote_spans", "is_speech", "last_char", "quote_kind"]


_OPENERS = {"«": "»", "“": "”", "„": "“", "‹": "›", "‘": "’"}
_CLOSERS = {"»": "«", "”": "“", "›": "‹", "’": "‘"}
_STRAIGHT = '"'
_MARKS = re.compile('[«»“”„‹›‘’"]')
_SENTENCE_END = re.compile(r"[.!?…](?=[ \t\u00a0\u202f]*(?:$|[\r\n«“\"A-ZÀ-ÖØ-Þ]))")
_FIRST_SECOND_PERSON = frozenset(
    "je j' j’ me m' m’ moi nous tu te t' t’ toi vous mon ma mes notre nos ton ta tes votre vos "
    "i me my we us our you your".split()
)
_TERM_MAX_WORDS = 6
# Small words that may stay in lower case inside a name ("Garde du pôle Nord").
_NAME_LINKS = frozenset({"de", "du", "des", "d'", "la", "le", "les", "l'", "of", "the", "and", "et", "pour", "for", "à", "au", "aux"})


@attrs.frozen(kw_only=True)
class QuoteCandidate:
    """
    A span between quotation marks, before classification.

    Attributes:
        start: First character inside the marks (white space skipped).
        end: Just past the last character inside the marks.
        open_at: Offset of the opening mark.
        close_at: Offset of the closing mark, or the end of the line if unclosed.
        line_start: Start of the line the quote is on.
        line_end: End of that line.
        closed: False when no closing mark was found on the line.

    .. versionadded:: 0.1.0
    """

    start: int
    end: int
    open_at: int
    close_at: int
    line_start: int
    line_end: int
    closed: bool


def find_quote_spans(raw: str, lines: Sequence[tuple[int, int]]) -> list[QuoteCandidate]:
    """
    Find the outermost quotation spans of each line, in order.

    Args:
        raw: The article text.
        lines: ``(start, end)`` spans of the lines to scan.

    Returns:
        One candidate per outermost pair of marks (or unclosed opening mark).

    .. versionadded:: 0.1.0
    """
    found: list[QuoteCandidate] = []
    carried = False  # the line before left a « open
    for line_start, line_end in lines:
        stack: list[tuple[str, int]] = []
        # French typography may open a quote's next paragraph with » ("guillemet de
        # suite") instead of «: after an unclosed «, a » starting the line opens.
        continuation = carried and raw[line_start:line_end].lstrip()[:1] == "»"
        for mark in _MARKS.finditer(raw, line_start, line_end):
            position = mark.start()
            char = mark.group()
            if continuation:
                continuation = False
                if char == "»":
                    stack.append(("«", position))
                    continue
            if char == _STRAIGHT:
                if stack and stack[-1][0] == _STRAIGHT:
                    _close(raw, stack, len(stack) - 1, position, line_start, line_end, found)
                else:
                    stack.append((char, position))
            elif char == "’":
                # The apostrophe is everywhere in French: it closes only an open ‘.
                if stack and stack[-1][0] == "‘" and not raw[position + 1 : position + 2].isalpha():
                    _close(raw, stack, len(stack) - 1, position, line_start, line_end, found)
            elif char in "“”" and stack and stack[-1][0] == "„":
                # „ closes with “ (German) or ” (Romanian, Polish).
                _close(raw, stack, len(stack) - 1, position, line_start, line_end, found)
            elif char in _OPENERS:
                if char == "‘" and raw[position + 1 : position + 2].isspace():
                    continue
                stack.append((char, position))
            elif char in _CLOSERS:
                opener = _CLOSERS[char]
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth][0] == opener:
                        _close(raw, stack, depth, position, line_start, line_end, found)
                        break
        carried = bool(stack) and stack[0][0] == "«"
        if stack:
            open_at = stack[0][1]
            start, end = strip_span(raw, open_at + 1, line_end)
            if end > start:
                found.append(QuoteCandidate(start=start, end=end, open_at=open_at, close_at=line_end,
                                            line_start=line_start, line_end=line_end, closed=False))
    return found


def _close(
    raw: str,
    stack: list[tuple[str, int]],
    depth: int,
    position: int,
    line_start: int,
    line_end: int,
    found: list[QuoteCandidate],
) -> None:
    open_at = stack[depth][1]
    del stack[depth:]
    if stack:
        return  # a nested quote: it stays inside the outer span
    start, end = strip_span(raw, open_at + 1, position)
    if end > start:
        found.append(QuoteCandidate(start=start, end=end, open_at=open_at, close_at=position,
                                    line_start=line_start, line_end=line_end, closed=True))


# --- speech cues -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _naming_nouns() -> frozenset[str]:
    return frozenset(_normal(w) for w in lexicon().get("naming_nouns", ()))


def _leading_tokens(raw: str, start: int, end: int) -> list[str] | None:
    """
    The tokens of ``raw[start:end]``, or None as soon as they hold more than
    ``_TERM_MAX_WORDS`` words: a long quote is read no further than its first words.
    """
    tokens: list[str] = []
    words = 0
    for match in TOKEN.finditer(raw, start, end):
        token = match.group()
        tokens.append(token)
        if token[:1].isalnum():
            words += 1
            if words > _TERM_MAX_WORDS:
                return None
    return tokens


# "le « pacha », comme on surnomme le commandant": the quoted word is a nickname.
_NICKNAME_AFTER = re.compile(
    r"[\s\u00a0\u202f]*,?[\s\u00a0\u202f]*comme\s+(?:on|l['’]on|les?\s+\w+|il|elle|ils|elles)\s+"
    r"(?:le\s+|la\s+|les\s+|l['’])?(?:surnomm|appel|baptis|nomm|désign|dit)",
    re.IGNORECASE,
)


# A determiner or preposition right before the opening mark: "de « Berylia »", "l'«".
_DETERMINER_BEFORE_MARK = re.compile(r"(?:^|\s)(?:de|du|des|d['’]|l['’]|le|la|les|au|aux|the|of)\s*$", re.IGNORECASE)
# "Athena-Fidus", "Louch-Olymp": capitalised parts joined by a hyphen.
_CAPITALISED_COMPOUND = re.compile(r"[A-ZÀ-Ý][\w]*(?:-[A-ZÀ-Ý][\w]*)+")


def is_speech(raw: str, candidate: QuoteCandidate, cue_near: bool) -> tuple[bool, str]:
    """
    Decide whether a quoted span is reported speech or a name or term.

    Args:
        raw: The article text.
        candidate: The span.
        cue_near: True when a speech cue attributes the span (before it in its sentence,
            or right after it).

    Returns:
        ``(True, "")`` for speech, or ``(False, reason)`` for a name or term.

    .. versionadded:: 0.1.0
    """
    tokens = _leading_tokens(raw, candidate.start, candidate.end)
    if tokens is None:
        return True, ""  # more words than a name or a term has: every test below says speech
    words = [t for t in tokens if t[:1].isalnum()]
    naming = _naming_nouns()
    name_like = bool(words) and (
        is_upper_initial(words[0]) or len(words) <= 3 or _normal(words[0]) in naming
    )
    if _NICKNAME_AFTER.match(raw, candidate.close_at + 1):
        return False, "a nickname ('comme on surnomme')"
    if words and len(words) <= _TERM_MAX_WORDS and name_like:
        if _normal(words[0]) in naming:
            return False, f"starts with naming noun {words[0]!r}"
        # "l'initiative « ... »", "le quotidien économique « ... »", "baptisée « ... »":
        # a naming noun among the three words before the mark (adjectives may follow it).
        stops = cue_words()["auxiliaries_fr"] | cue_words()["auxiliaries_en"] | cue_words()["anaphors"]
        verbs = all_speech_forms()
        after = tokenize(raw, candidate.close_at + 1, min(candidate.line_end, candidate.close_at + 30))
        if after and _normal(after[0][0]) in naming and _normal(after[0][0]) not in verbs:
            return False, f"before naming noun {after[0][0]!r}"  # "the ‘open door’ policy"
        before = tokenize(raw, max(candidate.line_start, candidate.open_at - 60), candidate.open_at)
        # Only the quote's own sentence names it: "où le navire attend. « Les Russes ... »".
        ends = [i for i, (t, _, _) in enumerate(before) if t in (".", "!", "?")]
        if ends:
            before = before[ends[-1] + 1:]
        before_words = [_normal(t) for t, _, _ in before if t[:1].isalpha()]
        for position, word in enumerate(before_words[-3:][::-1]):
            if word in naming and word in verbs:
                break  # "a qualifié X de « ... »", "called it ‘...’": the speaker's words
            if word in naming:
                # "what he called « ... »": a verb of naming after a pronoun quotes words.
                previous = before_words[-(position + 2)] if position + 2 <= len(before_words) else ""
                if previous in cue_words()["anaphors"] or previous in ("he", "she", "they", "il", "elle"):
                    break
                return False, f"after naming noun {word!r}"
            if word in stops or word in speech_verbs().get("fr", {}) or word in speech_verbs().get("en", {}):
                break
    if not words:
        return False, "no words"
    first_or_second = any(_normal(t) in _FIRST_SECOND_PERSON for t in tokens)
    sentence_punct = any(t in {".", "!", "?", ";", ":", ","} for t in tokens[:-1]) or tokens[-1] in {"!", "?"}
    content = [w for w in words if _normal(w) not in _NAME_LINKS]
    if 2 <= len(words) <= _TERM_MAX_WORDS and len(content) >= 2 and any(len(w) > 3 for w in content) \
            and not first_or_second and not sentence_punct and all(is_upper_initial(w) for w in content):
        return False, "a title-like name"
    if len(words) <= 2 and not first_or_second and not sentence_punct and all(  # noqa: PLR2004
            is_upper_initial(w) or w.isdigit() for w in words) and (
            _DETERMINER_BEFORE_MARK.search(raw, max(candidate.line_start, candidate.open_at - 8), candidate.open_at)
            or any(_CAPITALISED_COMPOUND.fullmatch(w) or w.isdigit() for w in words)):
        # "les réseaux de « Berylia »", "le satellite « Athena-Fidus »", "l'« Aufbauplan
        # 2032 »": a proper name, cue or not.
        return False, "a proper name"
    if len(words) <= _TERM_MAX_WORDS and not first_or_second and not sentence_punct and not cue_near:
        capitalised = sum(1 for w in words if is_upper_initial(w))
        if capitalised >= max(1, (len(words) + 1) // 2):
            return False, "a title-like name with no speech cue"
        if len(words) <= 3:
            return False, "a short term with no speech cue"
    if len(words) == 1 and not cue_near:
        return False, "a single word with no speech cue"
    return True, ""


# --- kind --------------------------------------------------------------------------------


def quote_kind(raw: str, candidate: QuoteCandidate) -> str:
    """
    ``full`` when the quote starts a sentence, ``partial`` when it is embedded.

    .. versionadded:: 0.1.0
    """
    before = last_char(raw, candidate.line_start, candidate.open_at)
    if not before or before in ":.!?…»”\"—–-":
        first = raw[candidate.start:candidate.start + 1]
        if not before or before == ":" or first.isupper() or not first.isalpha():
            return "full"
    return "partial"


# --- attribution -------------------------------------------------------------------------


def last_char(raw: str, start: int, position: int) -> str:
    """The last non-blank character of ``raw[start:position]``, or ``""`` (reads back only over blanks)."""
    while position > start:
        position -= 1
        char = raw[position]
        if not (char.isspace() or char in "\u00a0\u202f\u200b"):
            return char
    return ""


_ABBREVIATION = re.compile(r"(?:\b(?:M|MM|Mme|Mlle|Dr|Pr|Me|St|Mr|Mrs|Ms|Gén|Gal|etc|cf|av|J\.-C)|\b[A-Z])$")


class SentenceIndex:
    """
    The sentence ends of a text, found once: a closing punctuation mark outside
    quotation marks, before a capital, an opening mark or the end of the line, and not
    after an abbreviation or an initial ("M. Stoltenberg", "J. Biden").

    Args:
        raw: The article text.
        quoted: The spans of the quotations, marks included.
    """

    def __init__(self, raw: str, quoted: Intervals) -> None:
        self.ends = [
            match.end()
            for match in _SENTENCE_END.finditer(raw)
            if not quoted.contains(match.start())
            and not (match.group() == "." and _ABBREVIATION.search(raw, max(0, match.start() - 5), match.start()))
        ]

    def start(self, line_start: int, position: int) -> int:
        """The start of the sentence holding ``position`` (never before ``line_start``)."""
        index = bisect.bisect_right(self.ends, position) - 1
        return max(line_start, self.ends[index]) if index >= 0 else line_start

    def end(self, position: int, line_end: int) -> int:
        """The end of the sentence holding ``position`` (never after ``line_end``)."""
        index = bisect.bisect_left(self.ends, position + 1)
        return min(line_end, self.ends[index]) if index < len(self.ends) else line_end
