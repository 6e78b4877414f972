"""
Finding quotations, telling reported words from quoted names, and attributing them.

Spans: one left-to-right scan per body line with a stack. « » and “ ” (and „ “, ‹ ›,
‘ ’) pair by kind; a straight ``"`` closes an open ``"`` and opens one otherwise. A
nested quote stays inside its outer span. A mark still open at the end of the line closes
there (French typography reopens « at each new paragraph of a long quote). Linear time.

Speech or name: a span after a naming noun ("l'initiative « ... »", "le Conseil « ... »"),
or short and title-like (capitalised words, no pronoun of the first or second person, no
sentence punctuation) with no speech cue around it, is a name or a term
(:class:`~natocorpus.QuotedTerm`); a short lower-case span with no speech cue in its
sentence is a scare-quoted term.

Kind: ``full`` when the quote starts a sentence (at the start of the line, after a
colon or after closing punctuation); ``partial`` when it is embedded in the narrator's
sentence.

Speaker, nearest evidence first:

1. a cue right after the quote: "», a déclaré X", "», a-t-il dit", "», selon X",
   "», indique le communiqué";
2. a cue before it in the same sentence: "X a déclaré : «", "X a estimé que «",
   "selon X, «", "en affirmant : «" (a participle speaks for the sentence's subject);
3. a quote that continues the previous one (same line, or a line that is only a quote
   right after a quote) takes its speaker;
4. otherwise, the last person who was the subject of a speech verb, when the quote
   stands alone at the start of its line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

import attrs

from natocorpus.extract.speakers import Mention, nationalities
from natocorpus.resources import lexicon, speech_verbs
from natocorpus.text import Intervals, is_upper_initial, strip_span, tokenize

__all__ = ["Attribution", "QuoteCandidate", "SpeechCue", "attribute_quotes", "find_cues", "find_quote_spans", "is_speech", "quote_kind"]

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
    for line_start, line_end in lines:
        stack: list[tuple[str, int]] = []
        for mark in _MARKS.finditer(raw, line_start, line_end):
            position = mark.start()
            char = mark.group()
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


@attrs.frozen(kw_only=True)
class SpeechCue:
    """
    A speech verb (or "selon") found in the text.

    Attributes:
        text: The cue as written, with its auxiliary ("a déclaré", "a-t-il dit").
        start: Offset of the cue.
        end: Offset past the cue.
        verb_start: Offset of the verb itself.
        verb_end: Offset past the verb.
        form: ``finite``, ``participle`` (``affirmant``, ``ajoutant``), ``infinitive``
            (``d'ajouter``) or ``source`` ("selon", "d'après").
        pronoun: The inverted subject pronoun glued to it ("il" in "a-t-il"), if any.

    .. versionadded:: 0.1.0
    """

    text: str
    start: int
    end: int
    verb_start: int
    verb_end: int
    form: str
    pronoun: str | None = None


@lru_cache(maxsize=1)
def cue_words() -> dict[str, frozenset[str]]:
    """The closed word classes of ``data/cues.toml``."""
    import tomllib
    from importlib import resources

    data = tomllib.loads((resources.files("natocorpus") / "data" / "cues.toml").read_text("utf-8"))
    return {key: frozenset(value) for key, value in data.items()}


_INVERSION = re.compile(r"^(.+?)(?:-t)?-(il|elle|ils|elles|on)$", re.IGNORECASE)


_SOURCE_HEADS = frozenset({"selon", "d'", "according", "pour", "for"})
_SENTENCE_OPENERS = frozenset({".", "!", "?", "»", "”", '"', ":", ";"})


def _source_cue_at(normal: Sequence[str], tokens: Sequence[tuple[str, int, int]], index: int) -> int:
    """
    The number of tokens of a source cue starting at ``index``, or 0: "selon", "d'après",
    "according to", and "Pour X," / "For X," opening a sentence (an opinion frame).
    """
    token = normal[index]
    following = normal[index + 1] if index + 1 < len(normal) else ""
    if token == "selon":
        return 1
    if (token, following) in (("d'", "après"), ("according", "to")):
        return 2
    if token in ("pour", "for") and (index == 0 or normal[index - 1] in _SENTENCE_OPENERS):
        # "Pour Claire Duval, ...", "Pour le politologue X, ...", "For Selin Aydemir, ..."
        if index + 1 < len(tokens) and (
            (is_upper_initial(tokens[index + 1][0]) and tokens[index + 1][0][:1].isalpha())
            or following in ("le", "la", "l'", "the")
        ):
            return 1
    return 0


@lru_cache(maxsize=65536)
def _normal(token: str) -> str:
    return token.casefold().replace("’", "'")


@lru_cache(maxsize=2)
def _verb_index(language: str) -> tuple[dict[str, str], frozenset[str]]:
    """The speech-verb forms of a language, and the first words of multi-word forms."""
    verbs = speech_verbs().get(language, {})
    heads = frozenset(form.split()[0] for form in verbs if " " in form)
    return verbs, heads


def _verb_at(words: Sequence[str], index: int, language: str) -> tuple[int, str | None] | None:
    """If a speech verb starts at ``words[index]`` (normalised tokens), return (last index, pronoun)."""
    verbs, heads = _verb_index(language)
    word = words[index]
    if word in heads:
        # Multi-word forms first: "mis en garde", "fait valoir", "told reporters".
        for size in (3, 2):
            if index + size <= len(words) and " ".join(words[index:index + size]) in verbs:
                return index + size - 1, None
    if word in verbs:
        return index, None
    if "-" in word:
        inversion = _INVERSION.match(word)
        if inversion and inversion.group(1) in verbs:
            return index, inversion.group(2)
    return None


def find_cues(
    raw: str, start: int, end: int, language: str, tokens: list[tuple[str, int, int]] | None = None
) -> list[SpeechCue]:
    """
    Find the speech cues of ``raw[start:end]``.

    A verb-looking word right after a determiner is a noun ("la demande") and is
    skipped.

    .. versionadded:: 0.1.0
    """
    words = cue_words()
    auxiliaries = words["auxiliaries_fr"] | words["auxiliaries_en"]
    adverbs = words["adverbs_fr"] | words["adverbs_en"]
    determiners = words["determiners_en" if language == "en" else "determiners_fr"]
    if tokens is None:
        tokens = tokenize(raw, start, end)
    normal = [_normal(t[0]) for t in tokens]
    cues: list[SpeechCue] = []
    index = 0
    while index < len(tokens):
        token = normal[index]
        source_words = _source_cue_at(normal, tokens, index) if token in _SOURCE_HEADS else 0
        if source_words:
            last = index + source_words - 1
            cues.append(SpeechCue(text=raw[tokens[index][1]:tokens[last][2]], start=tokens[index][1],
                                  end=tokens[last][2], verb_start=tokens[index][1],
                                  verb_end=tokens[last][2], form="source"))
            index = last + 1
            continue
        found = _verb_at(normal, index, language)
        if found is None:
            index += 1
            continue
        last, pronoun = found
        previous = normal[index - 1] if index else ""
        before_previous = normal[index - 2] if index > 1 else ""
        # After a determiner ("la demande", "une nouvelle menace") the word is a noun.
        if previous in determiners or (
            before_previous in determiners and tokens[index - 1][0].islower() and previous not in auxiliaries
        ):
            index = last + 1
            continue
        verb_word = normal[index].split("-")[0] if pronoun else normal[index]
        # A present participle speaks only as a gerund or after a comma ("en affirmant",
        # ", ajoutant"); elsewhere "-ant" words are adjectives or adverbs ("maintenant").
        participle = verb_word.endswith("ant")
        if participle and previous not in ("en", ",", "tout", "while", "before", "after"):
            index = last + 1
            continue
        # Walk back over adverbs to an auxiliary: "a également déclaré", "a-t-il dit".
        first = index
        back = index - 1
        while back >= 0 and normal[back] in adverbs and index - back <= 3:
            back -= 1
        if back >= 0 and normal[back] in auxiliaries:
            first = back
        elif back >= 0 and "-" in normal[back]:
            inversion = _INVERSION.match(normal[back])
            if inversion and inversion.group(1) in auxiliaries:
                first, pronoun = back, pronoun or inversion.group(2)
        if participle and first == index:
            form = "participle"
        elif previous in ("de", "d'", "à", "pour", "avant", "to"):
            form = "infinitive"  # "Et d'ajouter", "avant de conclure"
        else:
            form = "finite"
        cue_start, cue_end = tokens[first][1], tokens[last][2]
        cues.append(SpeechCue(text=raw[cue_start:cue_end], start=cue_start, end=cue_end,
                              verb_start=tokens[index][1], verb_end=tokens[last][2], form=form,
                              pronoun=pronoun))
        index = last + 1
    return cues


# --- speech or name ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _naming_nouns() -> frozenset[str]:
    return frozenset(_normal(w) for w in lexicon().get("naming_nouns", ()))


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
    text = raw[candidate.start:candidate.end]
    tokens = [t for t, _, _ in tokenize(text)]
    words = [t for t in tokens if t[:1].isalnum()]
    before = tokenize(raw, max(candidate.line_start, candidate.open_at - 60), candidate.open_at)
    before_words = [_normal(t) for t, _, _ in before if t[:1].isalpha()]
    naming = _naming_nouns()
    name_like = bool(words) and (
        is_upper_initial(words[0]) or len(words) <= 3 or _normal(words[0]) in naming
    )
    if words and len(words) <= _TERM_MAX_WORDS and name_like:
        if _normal(words[0]) in naming:
            return False, f"starts with naming noun {words[0]!r}"
        # "l'initiative « ... »", "le quotidien économique « ... »", "baptisée « ... »":
        # a naming noun among the three words before the mark (adjectives may follow it).
        stops = cue_words()["auxiliaries_fr"] | cue_words()["auxiliaries_en"] | cue_words()["anaphors"]
        verbs = speech_verbs().get("fr", {}).keys() | speech_verbs().get("en", {}).keys()
        after = tokenize(raw, candidate.close_at + 1, min(candidate.line_end, candidate.close_at + 30))
        if after and _normal(after[0][0]) in naming and _normal(after[0][0]) not in verbs:
            return False, f"before naming noun {after[0][0]!r}"  # "the ‘open door’ policy"
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


@attrs.frozen(kw_only=True)
class Attribution:
    """
    The speaker chosen for a quote and the evidence for it.

    .. versionadded:: 0.1.0
    """

    mention: Mention | None
    cue: SpeechCue | None
    rule: str


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


class MentionIndex:
    """Mentions sorted by position, for nearest-before lookups."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = list(mentions)
        self.starts = [m.start for m in self.mentions]

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``[start, end)``."""
        left = bisect.bisect_left(self.starts, start)
        right = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[left:right] if m.end <= end]


_SPEAKER_KINDS = ("name", "title", "organisation", "document", "pronoun", "demonym")
# How far back (in characters) a subject or an antecedent is looked for: keeps every
# lookup bounded, so that a 5 MB paragraph is read in linear time.
_SUBJECT_WINDOW = 400
_ANTECEDENT_WINDOW = 2000
_TIMELINE_DEPTH = 200


def subject_before(raw: str, index: MentionIndex, start: int, position: int, quoted: Intervals) -> Mention | None:
    """
    The subject of a verb at ``position``: the mention right before it ("after Lavrov
    warned"), else the nearest mention in subject position in ``[start, position)``,
    outside quotes.
    """
    start = max(start, position - _SUBJECT_WINDOW)
    candidates = _outermost([m for m in index.between(start, position) if not quoted.contains(m.start)])
    if candidates and candidates[-1].kind in _SPEAKER_KINDS:
        gap = raw[candidates[-1].end:position]
        if not gap.strip(" \u00a0\u202f") or (len(gap) <= 80 and _ADJACENT_GAP.fullmatch(gap)):
            return candidates[-1]
    for mention in reversed(candidates):
        if mention.subject and mention.kind in _SPEAKER_KINDS:
            return mention
    return None


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions inside a longer one ("Kremlin" inside "le porte-parole du Kremlin")."""
    return [m for m in mentions if not any(o is not m and o.start <= m.start and m.end <= o.end
                                           and (o.end - o.start) > (m.end - m.start) for o in mentions)]


# Between a subject and its verb: white space, or an apposition in commas.
_ADJACENT_GAP = re.compile(r"\s*,[^,;:.!?«»\"“”]{1,60},\s*|\s+")


def first_subject(index: MentionIndex, start: int, position: int, quoted: Intervals) -> Mention | None:
    """The first mention in subject position in ``[start, position)``, outside quotes."""
    for mention in index.between(start, min(position, start + _SUBJECT_WINDOW)):
        if quoted.contains(mention.start):
            continue
        if mention.subject and mention.kind in _SPEAKER_KINDS:
            return mention
    return None


def subject_after(index: MentionIndex, position: int, limit: int) -> Mention | None:
    """The mention right after an inverted verb ("a déclaré Rutte", "indique le communiqué")."""
    for mention in index.between(position, limit):
        return mention
    return None


def last_char(raw: str, start: int, position: int) -> str:
    """The last non-blank character of ``raw[start:position]``, or ``""`` (reads back only over blanks)."""
    while position > start:
        position -= 1
        char = raw[position]
        if not (char.isspace() or char in "\u00a0\u202f\u200b"):
            return char
    return ""


def _long_tail(raw: str, position: int, end: int, limit: int = 80) -> bool:
    """True when ``raw[position:end]`` holds more than ``limit`` non-blank characters."""
    return len(raw[position:min(end, position + 4 * limit)].strip()) > limit


def line_start_of(raw: str, position: int) -> int:
    """The start of the line holding ``position`` (any line ending)."""
    return max(raw.rfind("\n", 0, position), raw.rfind("\r", 0, position)) + 1


class Timeline:
    """
    Who spoke last: the subjects of speech cues and the speakers of quotes, in order.

    Anaphors ("a-t-il déclaré", "elle a ajouté", "le Norvégien", an unnamed "le
    ministre congolais") resolve to the nearest person in subject position earlier in
    the same paragraph, else to the latest person in the timeline, of a compatible
    gender (and nationality, when the anaphor gives one and the registry knows it).
    """

    def __init__(self, index: MentionIndex, raw: str, quoted: Intervals, line_starts: list[int]) -> None:
        self.line_starts = line_starts
        self.entries: list[tuple[int, Mention]] = []
        self.index = index
        self.raw = raw
        self.quoted = quoted

    def line_start(self, position: int) -> int:
        """The start of the line holding ``position`` (bisection over the body lines)."""
        index = bisect.bisect_right(self.line_starts, position) - 1
        return self.line_starts[index] if index >= 0 else 0

    def add(self, position: int, mention: Mention | None) -> None:
        """Record that ``mention`` spoke (or was a speech verb's subject) at ``position``."""
        if mention is not None and mention.name:
            self.entries.append((position, mention))

    def _fits(self, mention: Mention, anaphor: Mention) -> bool:
        if mention.speaker_kind != "person" or not mention.name:
            return False
        if anaphor.gender and mention.gender and anaphor.gender != mention.gender:
            return False
        if anaphor.country:
            known = nationalities(mention.name)
            if known and anaphor.country not in known:
                return False
        return True

    def resolve(self, anaphor: Mention, position: int) -> Mention | None:
        """The person an anaphor at ``position`` refers to."""
        line_start = max(self.line_start(position), position - _ANTECEDENT_WINDOW)
        for mention in reversed(self.index.between(line_start, position)):
            if mention.start >= anaphor.start and anaphor.end > anaphor.start:
                continue
            if self.quoted.contains(mention.start):
                continue
            if mention.subject and mention.kind in ("name", "title") and self._fits(mention, anaphor):
                return mention
        for back in range(len(self.entries) - 1, max(-1, len(self.entries) - 1 - _TIMELINE_DEPTH), -1):
            entry_position, mention = self.entries[back]
            if entry_position < position and self._fits(mention, anaphor):
                return mention
        earlier = [m for m in reversed(self.index.between(max(0, position - _ANTECEDENT_WINDOW), position))
                   if not self.quoted.contains(m.start) and m.kind in ("name", "title") and self._fits(m, anaphor)]
        # A subject is a likelier antecedent than a complement ("X a signé avec Y").
        return next((m for m in earlier if m.subject), earlier[0] if earlier else None)

    def last(self, position: int) -> Mention | None:
        """The latest speaker of any kind before ``position``."""
        for entry_position, mention in reversed(self.entries):
            if entry_position < position:
                return mention
        return None


def _resolve(mention: Mention | None, timeline: Timeline, position: int) -> Mention | None:
    if mention is None:
        return None
    if mention.kind == "title" and not mention.name and _normal(mention.text.split()[0]) in cue_words()["spokesperson_nouns"]:
        return _spoken_for(mention, timeline)
    if mention.kind in ("pronoun", "demonym") or (mention.kind == "title" and not mention.name):
        return timeline.resolve(mention, position)
    return mention if mention.name else None


def _spoken_for(spokesperson: Mention, timeline: Timeline) -> Mention | None:
    """
    The organisation an unnamed spokesperson speaks for: the one named right after
    ("un porte-parole de l'OTAN"), else the last one named before in the paragraph.
    """
    raw = timeline.raw
    line_start = timeline.line_start(spokesperson.start)
    for mention in timeline.index.between(spokesperson.start + 1, spokesperson.end):
        if mention.kind == "organisation" and mention.name:
            return mention  # "le porte-parole de l'OTAN" matched as one title
    for mention in timeline.index.between(spokesperson.end, spokesperson.end + 40):
        if mention.kind == "organisation" and re.fullmatch(r"\s*(?:de\s+la|de\s+l['’]|de|du|des|d['’]|of\s+the|of)\s*", raw[spokesperson.end:mention.start]):
            return mention
        break
    for mention in reversed(timeline.index.between(line_start, spokesperson.start)):
        if mention.kind == "organisation" and mention.name:
            return mention
    return None


def _pronoun_mention(text: str, position: int) -> Mention:
    gender = "f" if text.casefold().startswith("elle") else ("" if text.casefold() in ("ils", "elles", "on") else "m")
    return Mention(kind="pronoun", text=text, start=position, end=position, gender=gender)


def attribute_quotes(
    raw: str,
    quotes: Sequence[QuoteCandidate],
    cues: Sequence[SpeechCue],
    index: MentionIndex,
    quoted: Intervals,
    sentences: SentenceIndex,
    line_starts: list[int],
    language: str = "fr",
) -> list[Attribution]:
    """
    Choose the speaker of each quote, nearest evidence first (see the module docstring).

    Args:
        raw: The article text.
        quotes: The spans judged to be reported speech, in order.
        cues: Every speech cue of the body, in order.
        index: The resolved speaker mentions of the article.
        quoted: The spans of every quotation (quotes and quoted names), marks included.
        sentences: The sentence ends of the text.
        line_starts: The sorted starts of the body lines.
        language: ``"fr"`` or ``"en"`` (English also puts the subject before the verb
            after a quote: '," Rutte said').

    Returns:
        One attribution per quote.

    .. versionadded:: 0.1.0
    """
    context = _Context(raw=raw, cues=cues, index=index, quoted=quoted, language=language,
                       timeline=Timeline(index, raw, quoted, line_starts), sentences=sentences)
    outside = [c for c in cues if not quoted.contains(c.start)]
    context.outside_starts = [c.start for c in outside]
    learned = 0
    results: list[Attribution] = []
    for position, quote in enumerate(quotes):
        # The timeline learns who spoke from every cue before this quote.
        while learned < len(outside) and outside[learned].start < quote.open_at:
            _learn(context, outside[learned])
            learned += 1
        result = (
            _cue_after(context, quote)
            or _cue_before(context, quote, outside, quotes[:position], results)
            or _colon(context, quote)
            or _cue_later_in_sentence(context, quote)
            or _sentence_subject(context, quote)
            or _continuation(raw, quote, quotes[position - 1] if position else None, results[-1] if results else None)
            or _paragraph_context(context, quote)
            or Attribution(mention=None, cue=None, rule="none")
        )
        if result.mention is not None:
            context.timeline.add(quote.open_at, result.mention)
        results.append(result)
    _reopened_paragraphs(raw, quotes, results)
    return results


@attrs.define
class _Context:
    raw: str
    cues: Sequence[SpeechCue]
    index: MentionIndex
    quoted: Intervals
    language: str
    timeline: Timeline
    sentences: SentenceIndex
    cue_starts: list[int] = attrs.field(init=False)
    outside_starts: list[int] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        self.cue_starts = [c.start for c in self.cues]

    def outside_quotes(self, position: int) -> bool:
        return not self.quoted.contains(position)


def _learn(context: _Context, cue: SpeechCue) -> None:
    raw, index, timeline = context.raw, context.index, context.timeline
    if cue.form == "source":
        subject = subject_after(index, cue.end, cue.end + 60)
        timeline.add(cue.start, _resolve(subject, timeline, cue.start))
        return
    if cue.pronoun:
        timeline.add(cue.start, timeline.resolve(_pronoun_mention(cue.pronoun, cue.start), cue.start))
        return
    start = context.sentences.start(timeline.line_start(cue.start), cue.start)
    subject = subject_before(raw, index, start, cue.start, context.quoted)
    if subject is None:
        subject = subject_after(index, cue.end, min(cue.end + 40, context.sentences.end(cue.end, len(raw))))
        if subject is not None and subject.start - cue.end > 12:
            subject = None
    timeline.add(cue.start, _resolve(subject, timeline, cue.start))


def _inverted_subject(context: _Context, cue: SpeechCue, limit: int, position: int) -> Mention | None:
    """The subject of an inverted cue: "a-t-il dit", "a déclaré Rutte", "indique le communiqué"."""
    if cue.pronoun:
        return context.timeline.resolve(_pronoun_mention(cue.pronoun, cue.start), position)
    subject = subject_after(context.index, cue.end, limit)
    if subject is None:
        return None
    gap = context.raw[cue.end:subject.start]
    # "a déclaré Rutte", "indique le communiqué", "résume le capitaine de corvette X".
    if len(gap.split()) <= 2 or _title_words(gap):
        return _resolve(subject, context.timeline, position) or None
    return None


def _title_words(gap: str) -> bool:
    """A determiner and up to six lower-case words without a verb: a title before a name."""
    words = gap.split()
    if not 2 <= len(words) <= 7 or words[0].casefold() not in ("le", "la", "l'", "l’", "the", "un", "une", "a"):
        return False
    if any(ch in gap for ch in ",;:.!?«»\"“”()"):
        return False
    stops = cue_words()["phrase_breakers"] | cue_words()["auxiliaries_fr"] | cue_words()["auxiliaries_en"]
    verbs = speech_verbs().get("fr", {}).keys() | speech_verbs().get("en", {}).keys()
    return all(w[:1].islower() and _normal(w) not in stops and _normal(w) not in verbs for w in words[1:])


def _cue_after(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """Rule 1: "», a déclaré X", "», a-t-il dit", '," X said' right after the quote."""
    raw = context.raw
    if not quote.closed:
        return None
    after = quote.close_at + 1
    position = bisect.bisect_left(context.cue_starts, after)
    if position >= len(context.cues):
        return None
    cue = context.cues[position]
    if cue.start >= quote.line_end or cue.form in ("participle", "infinitive") or cue.start - after > 100:
        return None
    gap = raw[after:cue.start]
    limit = context.sentences.end(cue.end, quote.line_end)
    if re.fullmatch(r"[\s,\u00a0\u202f]*", gap):
        mention = _inverted_subject(context, cue, limit, quote.open_at)
        return Attribution(mention=mention, cue=cue, rule="after") if mention else None
    # English order: '," Rutte said', '," she said'.
    if context.language == "en" and cue.form == "finite" and re.fullmatch(r"[\s,\u00a0\u202f]*[^.!?;:«»“”\"]{1,80}?\s*", gap):
        subject = next(iter(context.index.between(after, cue.start)), None)
        if subject is not None:
            mention = _resolve(subject, context.timeline, quote.open_at)
            return Attribution(mention=mention, cue=cue, rule="after") if mention else None
    return None


def _cue_before(
    context: _Context,
    quote: QuoteCandidate,
    outside: Sequence[SpeechCue],
    earlier: Sequence[QuoteCandidate],
    results: Sequence[Attribution],
) -> Attribution | None:
    """Rule 2: a cue before the quote in its sentence ("X a déclaré : «", "selon X, «")."""
    raw, index, timeline = context.raw, context.index, context.timeline
    start = context.sentences.start(quote.line_start, quote.open_at)
    cue = None
    for position in range(bisect.bisect_left(context.outside_starts, quote.open_at) - 1, -1, -1):
        if outside[position].start < start:
            break
        if outside[position].end <= quote.open_at:
            cue = outside[position]
            break
    if cue is None:
        return None
    if cue.form == "source":
        # "selon ses mots", "selon son entourage"... refer to the sentence's subject.
        if _POSSESSIVE.match(raw, cue.end):
            subject = first_subject(index, start, cue.start, context.quoted)
        else:
            subject = subject_after(index, cue.end, quote.open_at)
        if subject is None:
            return None
        mention = _resolve(subject, timeline, quote.open_at)
        return Attribution(mention=mention, cue=cue, rule="before") if mention else None
    if cue.pronoun:
        mention = timeline.resolve(_pronoun_mention(cue.pronoun, cue.start), cue.start)
        return Attribution(mention=mention, cue=cue, rule="before") if mention else None
    if cue.form in ("participle", "infinitive"):
        # "en affirmant : «", "Et d'ajouter : «": the speaker is the sentence's subject,
        # or whoever spoke just before in the same sentence.
        if earlier and results and earlier[-1].open_at >= start and results[-1].mention is not None:
            return Attribution(mention=results[-1].mention, cue=cue, rule="before")
        subject = first_subject(index, start, cue.start, context.quoted)
        mention = _resolve(subject, timeline, cue.start) if subject else timeline.last(quote.open_at)
        return Attribution(mention=mention, cue=cue, rule="before") if mention else None
    subject = subject_before(raw, index, start, cue.start, context.quoted)
    if subject is None:
        return None
    mention = _resolve(subject, timeline, cue.start)
    return Attribution(mention=mention, cue=cue, rule="before") if mention else None


_POSSESSIVE = re.compile(r"\s+(?:ses|son|sa|leurs?|his|her|their)\s", re.IGNORECASE)


def _colon(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """
    Rule 2b: a quote after a colon speaks for its sentence's subject ("X n'a pas caché
    son émotion : «").
    """
    raw = context.raw
    start = context.sentences.start(quote.line_start, quote.open_at)
    if last_char(raw, start, quote.open_at) == ":":
        subject = first_subject(context.index, start, quote.open_at, context.quoted)
        mention = _resolve(subject, context.timeline, quote.open_at) if subject else None
        if mention is not None:
            return Attribution(mention=mention, cue=None, rule="before")
    return None


def _cue_later_in_sentence(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """Rule 2c: an inverted cue later in the sentence ('« ... » au titre de l'accord, a indiqué X')."""
    raw = context.raw
    end = context.sentences.end(quote.close_at + 1, quote.line_end)
    position = bisect.bisect_left(context.cue_starts, quote.close_at + 1)
    while position < len(context.cues) and context.cues[position].start < end:
        cue = context.cues[position]
        position += 1
        if not context.outside_quotes(cue.start) or cue.form != "finite":
            continue
        if not re.search(r"[,;]\s*$", raw[max(quote.close_at, cue.start - 4):cue.start]):
            continue  # an incise follows a comma: ", a indiqué X"
        mention = _inverted_subject(context, cue, end, quote.open_at)
        if mention is not None:
            return Attribution(mention=mention, cue=cue, rule="after")
    return None


def _sentence_subject(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """
    Rule 2d: a fragment embedded in a sentence with no speech verb ("X voit dans ce
    départ « la preuve que... »") is the words of the sentence's subject.
    """
    if quote_kind(context.raw, quote) != "partial":
        return None
    start = context.sentences.start(quote.line_start, quote.open_at)
    subject = first_subject(context.index, start, quote.open_at, context.quoted)
    mention = _resolve(subject, context.timeline, quote.open_at) if subject else None
    return Attribution(mention=mention, cue=None, rule="before") if mention else None


def _continuation(
    raw: str, quote: QuoteCandidate, prior: QuoteCandidate | None, prior_result: Attribution | None
) -> Attribution | None:
    """Rule 3: a quote that goes on from the previous one (same line, or the next line)."""
    if prior is None or prior_result is None or prior_result.mention is None:
        return None
    same_line = prior.line_start == quote.line_start
    starts_line = last_char(raw, quote.line_start, quote.open_at) == ""
    if same_line or (starts_line and not _long_tail(raw, prior.close_at + 1, prior.line_end)):
        return Attribution(mention=prior_result.mention, cue=None, rule="continuation")
    return None


def _paragraph_context(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """
    Rule 4: a quote opening its line speaks for the last person who spoke; a quote
    opening a later sentence of a paragraph, for the last one who spoke in that paragraph
    ("Pour X, chercheur, la situation est grave. « ... »").
    """
    before = last_char(context.raw, quote.line_start, quote.open_at)
    if not before:
        last = context.timeline.last(quote.open_at)
        return Attribution(mention=last, cue=None, rule="context") if last else None
    if before in ".!?":
        for position, mention in reversed(context.timeline.entries):
            if position < quote.line_start:
                break
            if position < quote.open_at:
                return Attribution(mention=mention, cue=None, rule="context")
    return None


def _reopened_paragraphs(raw: str, quotes: Sequence[QuoteCandidate], results: list[Attribution]) -> None:
    """
    French typography reopens « at each paragraph of a long quote and attributes it at
    the end: an unclosed quote followed by a line that opens with a quote takes that
    quote's speaker when its own came only from context.
    """
    for position in range(len(quotes) - 2, -1, -1):
        quote, following = quotes[position], quotes[position + 1]
        if quote.closed or results[position].rule not in ("context", "none", "continuation"):
            continue
        if following.line_start <= quote.line_start or last_char(raw, following.line_start, following.open_at):
            continue
        if results[position + 1].mention is not None and results[position + 1].rule in ("after", "before"):
            results[position] = Attribution(mention=results[position + 1].mention, cue=None, rule="continuation")
