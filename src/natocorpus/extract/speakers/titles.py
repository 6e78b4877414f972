"""
Titles: an office named in the text, and the office and body it names.

An office comes from ``data/offices.csv`` ("le secrétaire d'État", "le porte-parole du
Kremlin"); its body is the country or organisation the words around it give ("américain",
"de l'OTAN", "Hungary's"). A person noun alone ("le ministre congolais", "un diplomate")
is a title without an office.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import compress

from natocorpus.extract.speakers.words import (
    DETERMINERS_BEFORE_PHRASE,
    first_token,
    is_country_possessive,
    is_demonym_word,
    person_noun_set,
    surface_pattern,
)
from natocorpus.resources import offices, organisations
from natocorpus.text import PhraseMatcher, fold

__all__ = ["office_matcher", "parse_office", "person_noun_spans"]


@lru_cache(maxsize=2)
def office_matcher(language: str) -> PhraseMatcher:
    """The matcher of the office names of one language (``"fr"`` or ``"en"``)."""
    # A multi-word surface may hold one extra word after its first word, for the
    # adjective French puts there ("ministre russe des Affaires étrangères").
    phrases = []
    # French articles read French surfaces and English ones English surfaces: "premier"
    # is a prime minister in English and an ordinal in French.
    for office in (o for o in offices() if o.lang == language):
        words = office.surface.split()
        if len(words) > 1:
            pattern = f"{surface_pattern(words[0])}(?:\\s+[^\\W\\d_][\\w-]*)?\\s+{surface_pattern(' '.join(words[1:]))}"
        else:
            pattern = surface_pattern(office.surface)
        phrases.append((first_token(office.surface), pattern))
    return PhraseMatcher(phrases, ignore_case=True)


@lru_cache(maxsize=1)
def _office_lookup() -> dict[str, tuple[str, str]]:
    # Keyed without accents, like the text may be written: "secretaire d'etat americain".
    return {fold(o.surface): (o.office, o.of) for o in offices()}


_QUALIFIER = re.compile(
    r"(\s+(?:(?:de\s+la|de\s+l['’]|de|du|des|d['’])\s*)?)([^\W\d_][\w’'-]*(?:\s+[A-ZÉ][\w-]*)?)"
)


_PRE_QUALIFIER = re.compile(r"([^\W\d_][\w-]*(?:['’]s)?)\s+$")
# "the alliance's outgoing secretary-general", "NATO's new secretary general".
_PRE_BODY = re.compile(r"([^\W\d_][\w-]*)['’]s\s+(?:[a-z][\w-]*\s+)?$")


def parse_office(
    raw: str, match: re.Match[str], line_end: int, lookup: Callable[[str], str | None]
) -> tuple[str, str, int]:
    """
    The office key, its body (ISO code or organisation) and the title's end.

    The body comes from the surface itself ("porte-parole du Kremlin"), from an
    adjective inserted after its first word ("ministre russe des Affaires étrangères"),
    or from a qualifier after it: an adjective ("américain") or "de l'OTAN", "du
    Kremlin", "de la Russie", "des États-Unis".
    """
    surface = re.sub(r"\s+", " ", fold(match.group()))
    table = _office_lookup()
    office, of = table.get(surface, ("", ""))
    end = match.end()
    if not office:
        words = surface.split()
        office, of = table.get(" ".join([words[0], *words[2:]]), ("", ""))
        of = of or lookup(words[1]) or ""
    if of:
        return office, of, end
    before = _PRE_QUALIFIER.search(raw, max(0, match.start() - 40), match.start())
    if before is not None:
        # English puts the country first: "Hungary's foreign minister", "the Hungarian
        # foreign minister".
        word = before.group(1)
        country = ""
        if is_country_possessive(word):
            country = lookup(word[:-2]) or ""
        elif word[:1].isupper() and is_demonym_word(word):  # "Hungarian", not "La" (Laos)
            country = lookup(word) or ""
        if country:
            return office, country, end
    body_before = _PRE_BODY.search(raw, max(0, match.start() - 40), match.start())
    if body_before is not None:
        body = organisations().get(body_before.group(1)) or organisations().get(body_before.group(1).casefold())
        if body:
            return office, body, end
    qualifier = _QUALIFIER.match(raw, end, min(line_end, end + 60))
    if qualifier is None:
        return office, "", end
    lead, words = qualifier.group(1), qualifier.group(2)
    if not lead.strip() and words[:1].isupper():
        # "le Premier ministre Dominique de Villepin": a capitalised word right after a
        # title starts a name (here not Dominica); French adjectives are lower-case.
        return office, "", end
    for candidate in (words, words.split()[0]):
        body = organisations().get(candidate) or lookup(candidate)
        if body:
            return office, body, end + len(lead) + len(candidate)
    return office, "", end


def person_noun_spans(
    raw: str, tokens: list[tuple[str, int, int]], folded: list[str], lookup: Callable[[str], str | None]
) -> list[tuple[int, int, str]]:
    """Spans of "le ministre congolais", "la cheffe du DDPS", "un porte-parole" with a country."""
    nouns = person_noun_set()
    found: list[tuple[int, int, str]] = []
    if nouns.isdisjoint(folded):
        return found
    for index in compress(range(len(tokens)), map(nouns.__contains__, folded)):
        # "un diplomate", or one word between: "a NATO diplomat", "one senior official".
        if (index and folded[index - 1] in DETERMINERS_BEFORE_PHRASE) or (
                index >= 2 and folded[index - 2] in _INDEFINITE_DETERMINERS and tokens[index - 1][0].isalpha()):  # noqa: PLR2004
            country = ""
            if index + 1 < len(tokens) and tokens[index + 1][0][:1].islower() and is_demonym_word(tokens[index + 1][0]):
                country = lookup(tokens[index + 1][0]) or ""
            found.append((tokens[index][1], tokens[index][2], country))
    return found


_INDEFINITE_DETERMINERS = frozenset({"un", "une", "a", "an", "one", "another"})
