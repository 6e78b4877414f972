"""
One article's text in, one :class:`~natocorpus.Article` out.

The steps run in one direction: detect the language, sort the lines (clean), find the
date, the places, the speaker mentions, the quotation spans; judge each span speech or
name; attribute the speech; assemble the records. Nothing here reads files or touches a
corpus, so the function can run in worker processes or on a Dask cluster.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter
from functools import lru_cache

from natocorpus.clean import clean_text
from natocorpus.extract.countries import find_places
from natocorpus.extract.dates import find_date
from natocorpus.extract.language import detect_language
from natocorpus.extract.attribution import CLITIC_GAP, Attribution, MentionIndex, attribute_quotes
from natocorpus.extract.cues import SpeechCue, find_cues
from natocorpus.extract.quotes import (
    QuoteCandidate,
    SentenceIndex,
    find_quote_spans,
    is_speech,
    quote_kind,
)
from natocorpus.extract.speakers import find_mentions
from natocorpus.gazetteer import country_adjective, lookup_country
from natocorpus.text import Intervals, TokenizedLines, fold
from natocorpus.records import (
    Article,
    CountryMention,
    PersonMention,
    Quote,
    QuotedTerm,
    Speaker,
)
from natocorpus.resources import boilerplate_rules, lexicon

__all__ = ["extract_article"]

_BODY_ROLES = ("title", "heading", "paragraph")


@lru_cache(maxsize=1)
def _agency_pattern() -> re.Pattern[str]:
    agencies = boilerplate_rules().agencies
    body = "|".join(re.escape(a) for a in agencies)
    return re.compile(r"\((?:(?:avec|with|source\s*:)\s*)?(" + body + r")\)", re.IGNORECASE)


def _agency_in_body(raw: str, spans: list[tuple[int, int]]) -> str | None:
    """An agency credited in the body: "BRUXELLES (Reuters) -", "... (Belga)"."""
    pattern = _agency_pattern()
    for start, end in spans[:3] + spans[-3:]:
        match = pattern.search(raw, start, end)
        if match:
            return match.group(1)  # as written
    return None


@lru_cache(maxsize=4096)
def _speaker(name: str, kind: str) -> Speaker:
    # Records are frozen, so the quotes of a big corpus share one Speaker per person
    # rather than each holding a copy (names, cues and mention texts are interned alike).
    return Speaker(name=sys.intern(name), kind=kind)


def extract_article(raw: str, article_id: str, *, path: str | None = None) -> Article:
    """
    Extract everything natocorpus knows how to find from one article's text.

    Never raises on a ``str``: unusual text yields fewer items, not an error.

    Args:
        raw: The article text as read (any line endings).
        article_id: The id to give the article (the file stem for files).
        path: The file the text came from, for provenance.

    Returns:
        The article with its lines, metadata, quotes and mentions.

    >>> article = extract_article(
    ...     "L'OTAN se réunit à Bruxelles\\n\\n"
    ...     "Les ministres se sont réunis mardi. « Nous restons unis », a déclaré Jens Stoltenberg.",
    ...     "demo")
    >>> article.quotes[0].speaker.name, article.quotes[0].cue
    ('Jens Stoltenberg', 'a déclaré')

    .. versionadded:: 0.1.0
    """
    language = detect_language(raw)
    cleaned = clean_text(raw, language)
    lines = cleaned.lines
    body_spans = [(line.start, line.end) for line in lines if line.role in ("heading", "paragraph")]
    mention_spans = [(line.start, line.end) for line in lines if line.role in _BODY_ROLES]
    first_body = next((i for i, line in enumerate(lines) if line.role == "paragraph"), len(lines))
    # Datelines first (wherever cleaning found them), then the header.
    header_spans = [(line.start, line.end) for line in lines if line.role == "dateline"]
    header_spans += [(line.start, line.end) for line in lines[:first_body] if line.role != "dateline"]
    context_spans = [(line.start, line.end) for line in lines if line.role == "boilerplate"]
    date, date_text, date_start = find_date(raw, header_spans, body_spans, context_spans)

    source = cleaned.source or _agency_in_body(raw, body_spans)

    # Places: countries are counted in the body only (the title repeats the body).
    countries, cities = find_places(raw, body_spans, language)
    title_countries, title_cities = find_places(
        raw, [(line.start, line.end) for line in lines if line.role == "title"], language
    )
    place_spans = [(m.start, m.end) for m in (*countries, *cities, *title_countries, *title_cities)]

    tokenized = TokenizedLines(raw, mention_spans)

    # Quotation spans and their classification.
    # The headline quotes too ("« L'Europe doit se préparer » : le rapport ..."); its
    # words are found again in the body when the body quotes them in full.
    title_spans = [(line.start, line.end) for line in lines if line.role == "title"]
    candidates = find_quote_spans(raw, sorted(title_spans + body_spans))
    quoted_marks = Intervals([(c.open_at, c.close_at + 1) for c in candidates])
    sentences = SentenceIndex(raw, quoted_marks)
    cues = [cue for start, end in body_spans for cue in find_cues(raw, start, end, language, tokenized.tokens_of(start))]
    cue_positions = [c.start for c in cues]

    speech, terms = [], []
    for candidate in candidates:
        cue_near = _cue_near(raw, candidate, cues, cue_positions, quoted_marks, sentences) or (
            # "X estime que « ... », mais « ... »": a fragment after a quote of the same
            # sentence is attributed like it.
            bool(speech) and speech[-1].line_start == candidate.line_start
            and sentences.start(candidate.line_start, candidate.open_at) <= speech[-1].open_at
        )
        is_quote, reason = is_speech(raw, candidate, cue_near)
        if is_quote:
            speech.append(candidate)
        else:
            terms.append(QuotedTerm(text=raw[candidate.start:candidate.end], start=candidate.start,
                                    end=candidate.end, reason=reason))
    term_spans = [(t.start, t.end) for t in terms]

    mentions = find_mentions(
        raw, tokenized, excluded=[*place_spans, *term_spans], date=date,
        demonyms=[(c.start, c.end, c.code) for c in countries if c.form == "demonym"],
        country_lookup=lookup_country, language=language, excluded_terms=term_spans,
    )
    index = MentionIndex(mentions.mentions)
    home = _home_country(countries)
    attributions = attribute_quotes(
        raw, speech, cues, index, quoted_marks, sentences, [start for start, _ in body_spans], language,
        date=date, home_country=home,
        places=[(c.start, c.end, c.code) for c in countries] + [(c.start, c.end, c.country) for c in cities],
    )

    attributions = _headline_quotes_from_body(raw, speech, attributions, title_spans)
    attributions = _quoted_headings_from_body(raw, speech, attributions)
    quotes = []
    country_starts = [c.start for c in countries]
    places = sorted([(c.start, c.code) for c in countries] + [(c.start, c.country) for c in cities])
    for candidate, attribution in zip(speech, attributions, strict=True):
        mention = attribution.mention
        speaker = _speaker(mention.name, mention.speaker_kind) if mention and mention.name else None
        if speaker is not None and speaker.name in _national_bodies():
            speaker = _national_body(speaker, mention.start, raw, places, sentences, home)
        first = bisect.bisect_left(country_starts, candidate.start)
        last = bisect.bisect_left(country_starts, candidate.end)
        inside = sorted({c.code for c in countries[first:last] if c.end <= candidate.end})
        cue = attribution.cue
        quotes.append(
            Quote(
                text=raw, start=candidate.start, end=candidate.end,
                article_id=article_id, kind=quote_kind(raw, candidate), speaker=speaker,
                cue=sys.intern(cue.text) if cue else None, cue_start=cue.start if cue else None,
                cue_end=cue.end if cue else None, attribution=attribution.rule, countries=inside,
                speaker_start=mention.start if speaker else None,
                speaker_end=mention.end if speaker else None,
            )
        )

    body = Intervals(body_spans)
    body_persons = [m for m in mentions.persons() if body.contains(m.start)]
    persons = [
        PersonMention(name=sys.intern(m.name or ""), text=sys.intern(m.text), start=m.start, end=m.end,
                      role=sys.intern(m.role) if m.role else None)
        for m in body_persons
    ]
    return Article(
        id=article_id, raw=raw, title=cleaned.title, date=date, language=language, source=source,
        byline=cleaned.byline, lines=lines, quotes=quotes, terms=terms, persons=persons,
        countries=list(countries), cities=cities, date_text=date_text, date_start=date_start, path=path,
    )


def _headline_quotes_from_body(
    raw: str, speech: list[QuoteCandidate], attributions: list[Attribution], title_spans: list[tuple[int, int]]
) -> list[Attribution]:
    """
    A quote in the headline speaks for whoever says the same words in the body; when the
    body does not quote them, it keeps what the rules found (usually no speaker).
    """
    titles = Intervals(title_spans)
    if not any(titles.contains(c.start) for c in speech):
        return attributions  # the common case: no quote in the headline
    body = [(fold(raw[c.start:c.end]), a) for c, a in zip(speech, attributions, strict=True)
            if not titles.contains(c.start) and a.mention is not None]
    result = []
    for candidate, attribution in zip(speech, attributions, strict=True):
        if titles.contains(candidate.start):
            words = fold(raw[candidate.start:candidate.end]).strip(" .,!?…")
            same = next((a for text, a in body if words and words in text), None)
            if same is not None:
                attribution = Attribution(mention=same.mention, cue=None, rule="continuation")
        result.append(attribution)
    return result


# How far below a quoted heading the paragraph that says its words may start, and how
# long a heading is at most (a longer line is a paragraph).
_HEADING_REACH = 1500
_HEADING_LENGTH = 120
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _quoted_headings_from_body(
    raw: str, speech: list[QuoteCandidate], attributions: list[Attribution]
) -> list[Attribution]:
    """
    A quote in a section heading, with no cue, speaks for whoever says three or more of
    its words in a row in a quote just below it: « La Belgique prend ses
    responsabilités » over "« Notre pays prend ses responsabilités … », a-t-elle dit",
    'Un exercice « prévu de longue date »' over 'X a rappelé qu'il était « prévu de
    longue date »'.
    """
    result = list(attributions)
    for position, (candidate, attribution) in enumerate(zip(speech, attributions, strict=True)):
        if attribution.cue is not None or not _heading(raw, candidate):
            continue
        heading = _trigrams(raw[candidate.start:candidate.end])
        if not heading:
            continue
        for later, later_attribution in zip(speech[position + 1:], attributions[position + 1:], strict=True):
            if later.start - candidate.end > _HEADING_REACH:
                break
            if later_attribution.mention is not None and heading & _trigrams(raw[later.start:later.end]):
                result[position] = Attribution(mention=later_attribution.mention, cue=None, rule="continuation")
                break
    return result


def _heading(raw: str, candidate: QuoteCandidate) -> bool:
    """
    Whether the quote stands in a heading: a short line with no full stop at its end
    ("« La Belgique prend ses responsabilités »", "Un exercice « prévu de longue date »").
    """
    line = raw[candidate.line_start:candidate.line_end].strip()
    return len(line) <= _HEADING_LENGTH and not line.endswith(".")


def _trigrams(text: str) -> set[tuple[str, ...]]:
    """The runs of three words of a text, folded."""
    words = _WORD.findall(fold(text))
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


@lru_cache(maxsize=1)
def _national_bodies() -> frozenset[str]:
    return frozenset(lexicon().get("national_bodies", ()))


def _national_body(
    speaker: Speaker, start: int, raw: str, places: list[tuple[int, str]], sentences: SentenceIndex, home: str
) -> Speaker:
    """
    Name a country's body by its country: "À Moscou, le ministère des Affaires étrangères"
    is the ministère russe des Affaires étrangères. The country is the last place named
    before it in its sentence, else the country the article is mostly about.
    """
    sentence_start = sentences.start(0, start)
    before = bisect.bisect_left(places, (start, ""))
    code = places[before - 1][1] if before and places[before - 1][0] >= sentence_start else home
    adjective = country_adjective(code) if code else None
    if adjective is None:
        return speaker
    head, _, rest = speaker.name.partition(" ")
    return _speaker(" ".join(part for part in (head, adjective, rest) if part), speaker.kind)


def _home_country(countries: list[CountryMention]) -> str:
    """
    The country an article is mostly about: named at least three times and at least
    twice as often as any other; "" when no country stands out.
    """
    ranked = Counter(mention.code for mention in countries).most_common(2)
    if not ranked:
        return ""
    code, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return code if count >= 3 and count >= 2 * runner_up else ""  # noqa: PLR2004


def _cue_near(
    raw: str,
    candidate: QuoteCandidate,
    cues: list[SpeechCue],
    cue_positions: list[int],
    quoted: Intervals,
    sentences: SentenceIndex,
) -> bool:
    """
    True when a speech cue attributes the span: before it in its sentence, right after
    it, or as an incise later in the sentence ("« ... » dans ce dossier, a indiqué X").
    Each test looks at a few cues around the span, found by bisection.
    """
    start = sentences.start(candidate.line_start, candidate.open_at)
    before = bisect.bisect_left(cue_positions, candidate.open_at) - 1
    for position in range(before, max(-1, before - 20), -1):
        if cues[position].start < start:
            break
        if not quoted.contains(cues[position].start):
            return True
    right = bisect.bisect_left(cue_positions, candidate.close_at + 1)
    if right < len(cues):
        gap = raw[candidate.close_at + 1:cues[right].start]
        if len(gap) <= 10 and CLITIC_GAP.fullmatch(gap):  # "», a dit", "», s'est-il contenté de dire"
            return True
    end = sentences.end(candidate.close_at + 1, candidate.line_end)
    for cue in cues[right:right + 20]:
        if cue.start >= end:
            break
        if cue.form == "finite" and raw[max(0, cue.start - 3):cue.start].rstrip().endswith(","):
            return True
    return False
