"""
Finding every speaker mention of an article, and resolving each to a canonical name.

The finders run in an order that matters: organisations and documents first (their
words are never a person's name), then bodies named by a phrase, an acronym or their
members, then titles and person nouns, then names outside all of those, then pronouns
and demonyms. Titles are resolved against the names, documents against the
organisations.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

import attrs

from natocorpus.extract.speakers.anaphors import demonym_anaphors, pronoun_mentions, regional_anaphors
from natocorpus.extract.speakers.documents import document_matcher, resolve_documents
from natocorpus.extract.speakers.holders import resolve_titles
from natocorpus.extract.speakers.mention import Mention, ResolvedMentions, mention_prefix
from natocorpus.extract.speakers.names import name_mentions, name_runs
from natocorpus.extract.speakers.organisations import (
    acronym_bodies,
    foreign_ministry,
    group_phrases,
    known_organisation_end,
    organisation_matcher,
    organisation_name,
    organisation_phrases,
)
from natocorpus.extract.speakers.subject import in_subject_position
from natocorpus.extract.speakers.titles import office_matcher, parse_office, person_noun_spans
from natocorpus.resources import organisations
from natocorpus.text import Intervals, TokenizedLines

__all__ = ["find_mentions"]


def find_mentions(
    raw: str,
    lines: TokenizedLines,
    *,
    excluded: Sequence[tuple[int, int]] = (),
    date: dt.date | None = None,
    demonyms: Sequence[tuple[int, int, str]] = (),
    country_lookup: object = None,
    language: str = "fr",
    excluded_terms: Sequence[tuple[int, int]] = (),
) -> ResolvedMentions:
    """
    Find and resolve every speaker mention in the given body lines.

    Args:
        raw: The article text.
        lines: The tokenized body lines to read (title, headings, paragraphs).
        excluded: Spans that cannot be part of a name (country, city and demonym
            mentions, quoted names of initiatives).
        date: The article's date, to pick the office holder of a title.
        demonyms: ``(start, end, code)`` of the demonyms of the text; "le Norvégien"
            standing alone refers back to a person (of that nationality, when known).
        country_lookup: A callable ``str -> ISO code | None`` for title qualifiers
            (``américain`` → ``US``).
        language: ``"fr"`` or ``"en"``: which office names to read.
        excluded_terms: Spans of quoted names and terms; the same words unquoted
            elsewhere are not a person's name either.

    Returns:
        The mentions, resolved, in text order.

    .. versionadded:: 0.1.0
    """
    lookup: Callable[[str], str | None] = country_lookup if callable(country_lookup) else (lambda _value: None)
    spans = lines.spans
    tokens_by_line = lines.tokens

    def subject(position: int) -> bool:
        return in_subject_position(lines, position)

    mentions: list[Mention] = []
    taken = list(excluded)
    # Organisations and documents first: their words are never names.
    for line, ((line_start, line_end), tokens) in enumerate(zip(spans, tokens_by_line, strict=True)):
        named = organisation_matcher().finditer(raw, tokens, line_end, lines.words(line))
        for match in named:
            mentions.append(Mention(
                kind="organisation", text=match.group(), start=match.start(), end=match.end(),
                name=organisation_name(match.group()), speaker_kind="organisation",
                subject=subject(match.start()),
            ))
            taken.append((match.start(), match.end()))
        for match in document_matcher().finditer(raw, tokens, line_end, lines.folded(line)):
            if any(body.start() < match.end() and match.start() < body.end() for body in named):
                continue  # "l'Organisation mondiale de la santé" is that body, not a document
            mentions.append(Mention(kind="document", text=match.group(), start=match.start(), end=match.end(),
                                    speaker_kind="organisation", subject=subject(match.start())))
    # Organisations named by a descriptive phrase ("l'ambassade de Russie au Sénégal").
    for line, tokens in enumerate(tokens_by_line):
        for start, end in organisation_phrases(raw, tokens, lines.folded(line)):
            if Intervals(taken).overlaps(start, end) and not _longer_than_taken(start, end, taken):
                continue
            mentions = [m for m in mentions if not (m.kind == "organisation" and start <= m.start and m.end <= end)]
            end = known_organisation_end(raw, tokens, start, end)
            text = raw[start:end]
            mentions.append(Mention(kind="organisation", text=text, start=start, end=end,
                                    name=organisations().get(text.replace("’", "'")) or foreign_ministry(text, lookup) or text,
                                    speaker_kind="organisation", subject=subject(start)))
            taken.append((start, end))
    # Bodies known by an acronym only ("dénonce l'UDC", "la CDU a ..."). One interval
    # index for the whole text: acronyms never overlap one another.
    taken_so_far = Intervals(taken)  # the excluded spans and the organisations above
    for line, tokens in enumerate(tokens_by_line):
        for start, end in acronym_bodies(tokens, lines.folded(line), lookup):
            if not taken_so_far.overlaps(start, end):
                mentions.append(Mention(kind="organisation", text=raw[start:end], start=start, end=end,
                                        name=organisations().get(raw[start:end], raw[start:end]),
                                        speaker_kind="organisation", subject=subject(start)))
                taken.append((start, end))
    # The members of a body speaking together ("les ministres … de l'OTAN", "les alliés").
    bodies_so_far = sorted((m for m in mentions if m.kind == "organisation" and m.name), key=lambda m: m.start)
    body_starts = [b.start for b in bodies_so_far]
    alliance = next((b.name for b in bodies_so_far if b.name == "OTAN"), None)
    groups: list[Mention] = []
    for line, tokens in enumerate(tokens_by_line):
        for start, end, body in group_phrases(tokens, lines.folded(line), bodies_so_far, body_starts, alliance):
            groups.append(Mention(kind="organisation", text=raw[start:end], start=start, end=end, name=body,
                                  speaker_kind="organisation", subject=subject(start)))
    if groups:
        group_spans = Intervals([(g.start, g.end) for g in groups])
        # The body named inside the phrase is the group now ("de l'OTAN" in "les ministres … de l'OTAN").
        mentions = [m for m in mentions if not (m.kind == "organisation" and group_spans.contains(m.start))]
        mentions.extend(groups)
        taken.extend((g.start, g.end) for g in groups)
    # Titles, with their qualifier ("le secrétaire d'État américain").
    titles: list[tuple[Mention, str, str]] = []
    for line, ((line_start, line_end), tokens) in enumerate(zip(spans, tokens_by_line, strict=True)):
        for match in office_matcher(language).finditer(raw, tokens, line_end, lines.folded(line)):
            office, of, end = parse_office(raw, match, line_end, lookup)
            text = raw[match.start():end]
            titles.append((Mention(kind="title", text=text, start=match.start(), end=end, role=text,
                                   subject=subject(match.start())), office, of))
            taken.append((match.start(), match.end()))
    # A person named by a noun alone ("le ministre congolais", "la cheffe du
    # département", "un porte-parole"): an anaphor, or the organisation of a spokesperson.
    title_spans = Intervals([(m.start, m.end) for m, _, _ in titles] + [(g.start, g.end) for g in groups])
    for line, tokens in enumerate(tokens_by_line):
        for start, end, country in person_noun_spans(raw, tokens, lines.folded(line), lookup):
            if title_spans.overlaps(start, end):
                continue
            titles.append((Mention(kind="title", text=raw[start:end], start=start, end=end, role=raw[start:end],
                                   subject=subject(start), country=country), "", country))
    blocked = Intervals(taken)
    runs = [run for line, tokens in enumerate(tokens_by_line)
            for run in name_runs(raw, tokens, lines.words(line), lines.folded(line), blocked)]
    # A name the article puts in quotation marks elsewhere ("l'initiative « Sky Shield »")
    # names a thing, not a person.
    quoted_names = {raw[start:end] for start, end in excluded_terms}
    runs = [run for run in runs if raw[run[0]:run[1]] not in quoted_names]
    names = name_mentions(raw, runs, subject, date)
    mentions.extend(names)
    mentions.extend(pronoun_mentions(raw, lines))
    mentions.extend(demonym_anaphors(raw, demonyms, subject))
    for line, tokens in enumerate(tokens_by_line):
        mentions.extend(regional_anaphors(raw, tokens, lines.folded(line), subject))
    roles: dict[int, Mention] = {}
    feminine: set[int] = set()
    bound_offices: dict[int, str] = {}
    bound_countries: dict[int, str] = {}
    bodies_named = sorted((m for m in mentions if m.kind == "organisation"), key=lambda m: m.start)
    mentions.extend(resolve_titles(raw, titles, sorted(names, key=lambda m: m.start), date, roles, feminine,
                                    bound_offices, bound_countries, bodies_named))
    mentions = [
        attrs.evolve(m, role=roles[m.start].text, gender=m.gender or ("f" if m.start in feminine else ""),
                     office=bound_offices.get(m.start, ""), country=bound_countries.get(m.start, ""),
                     # "la défection du chef de la diplomatie libyenne, X": a name after a
                     # title governed by a preposition is a complement, whatever the comma
                     # before it suggests.
                     subject=m.subject and not (roles[m.start].start < m.start
                                                and _GOVERNED_TITLE.search(mention_prefix(raw, roles[m.start].start))))
        if m.kind == "name" and m.start in roles else m
        for m in mentions
    ]
    # "Friedrich Merz (CDU) a déclaré": a body in parentheses after a person is their
    # affiliation, never the one who speaks.
    # So is a body right after a title: "le ministre N-VA a évoqué".
    title_ends = {m.end for m in mentions if m.kind == "title"}
    mentions = [m for m in mentions if not (m.kind == "organisation" and (
        _affiliation(raw, m) or (m.start - 1 in title_ends and raw[m.start - 1:m.start] == " ")))]
    mentions.sort(key=lambda m: (m.start, -m.end))
    documents = [m for m in mentions if m.kind == "document"]
    mentions = [m for m in mentions if m.kind != "document"]
    mentions.extend(resolve_documents(raw, documents, mentions))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return ResolvedMentions(mentions=tuple(mentions))


def _affiliation(raw: str, mention: Mention) -> bool:
    """True for a body standing alone in parentheses after a word: "Merz (CDU)"."""
    before = raw[max(0, mention.start - 3):mention.start].rstrip()
    if not before.endswith("(") or raw[mention.end:mention.end + 1] != ")":
        return False
    return before[:-1].rstrip()[-1:].isalnum()


def _longer_than_taken(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    """True when ``[start, end)`` covers every taken span it overlaps (a longer phrase)."""
    return all(start <= s and e <= end for s, e in taken if s < end and start < e)


# A preposition and a determiner before a title: "du chef", "avec la ministre", "de l'ancien".
_GOVERNED_TITLE = re.compile(
    r"(?:^|\s)(?:du|des|au|aux|(?:de|à|avec|par|pour|contre|chez|auprès\s+de|of|with|by|for)\s+"
    r"(?:la|le|les|l['’]|son|sa|ses|the|his|her)?)\s*(?:(?:ancien|ancienne|ex|nouveau|nouvelle)[\s-]+)?$",
    re.IGNORECASE,
)
