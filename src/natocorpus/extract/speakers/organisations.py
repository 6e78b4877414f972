"""
Organisations that speak: named bodies, descriptive phrases, acronyms and groups.

A body is named as ``data/organisations.csv`` lists it ("l'OTAN", "le Kremlin"), by a
phrase around a head noun ("l'ambassade de Russie au Sénégal", "the Hungarian
government"), by an acronym after an article ("la CDU"), or through its members
speaking together ("les ministres des Affaires étrangères de l'OTAN", "les alliés").
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from natocorpus.extract.speakers.mention import Mention
from natocorpus.extract.speakers.words import (
    DETERMINERS_BEFORE_PHRASE,
    first_token,
    folded_cue_words,
    folded_speech_forms,
    is_demonym_word,
    person_noun_set,
    surface_pattern,
)
from natocorpus.gazetteer import country_adjective
from natocorpus.resources import organisations
from natocorpus.text import PhraseMatcher, fold

__all__ = [
    "acronym_bodies",
    "foreign_ministry",
    "group_phrases",
    "known_organisation_end",
    "organisation_matcher",
    "organisation_name",
    "organisation_phrases",
]


def organisation_name(text: str) -> str:
    """
    The canonical name of an organisation as matched in the text. The matcher reads
    through any white space and accent ("Alliance\u00a0atlantique", "Affaires etrangères"),
    so the name is looked up by that folded form when the exact one is not listed.
    """
    exact = organisations().get(text.replace("’", "'"))
    return exact or _organisations_by_key().get(_organisation_key(text), text)


def _organisation_key(text: str) -> str:
    return " ".join(fold(text).split())


@lru_cache(maxsize=1)
def _organisations_by_key() -> dict[str, str]:
    table: dict[str, str] = {}
    for alias, name in organisations().items():
        table.setdefault(_organisation_key(alias), name)
    return table


@lru_cache(maxsize=1)
def organisation_matcher() -> PhraseMatcher:
    """The matcher of the names data/organisations.csv lists, case as written."""
    return PhraseMatcher([(first_token(alias), surface_pattern(alias)) for alias in organisations()], ignore_case=False)


def foreign_ministry(text: str, lookup: Callable[[str], str | None]) -> str | None:
    """
    "la diplomatie estonienne" is the ministère estonien des Affaires étrangères (the
    French one, "diplomatie française", is the Quai d'Orsay in data/organisations.csv).
    """
    words = text.split()
    if len(words) != 2 or fold(words[0]) != "diplomatie":  # noqa: PLR2004
        return None
    code = lookup(words[1])
    adjective = country_adjective(code) if code else None
    return f"ministère {adjective} des Affaires étrangères" if adjective else None


def _phrase_end(raw: str, tokens: list[tuple[str, int, int]], folded: list[str], head: int, limit: int = 10) -> int:
    """The index just past a noun phrase starting at ``tokens[head]``."""
    breakers = folded_cue_words("phrase_breakers")
    particles = {"de", "du", "des", "d'", "la", "l'", "le", "les", "au", "aux", "en", "pour", "sur", "of", "the",
                 "for", "in", "on"}
    end = head + 1
    index = head + 1
    bare = 0  # lower-case words in a row since the last particle
    while index < len(tokens) and index - head <= limit:
        word, folded_word = tokens[index][0], folded[index]
        if not word[:1].isalnum() or folded_word in breakers or folded_word in folded_speech_forms():
            break
        if word.endswith(("'", "’")) and folded_word not in particles:
            break  # an elided pronoun opens the verb: "le ministère s'est dit"
        if folded_word in ("et", "and"):
            following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
            if not (following[:1].isupper() or folded[index + 1] in particles if index + 1 < len(tokens) else False):
                break
        elif folded_word in particles:
            if _person_follows(folded, index + 1):
                break  # "le gouvernement de la première ministre Sanna Marin": a person's body
            bare = 0
        else:
            if word[:1].islower() and not is_demonym_word(word):
                bare += 1
                # A noun takes one adjective ("Conseil fédéral", "d'enquête finlandais",
                # "des affaires étrangères"); a second bare word is the verb: "le Conseil
                # fédéral prend soin de".
                after_noun = index - 2 > head and folded[index - 2] in particles and bare == 2  # noqa: PLR2004
                if (bare > 1 and not after_noun) or bare > 2 or (  # noqa: PLR2004
                        bare == 1 and index - 1 > head and folded[index - 1] not in particles
                        and tokens[index - 1][0][:1].islower()):
                    break
            else:
                bare = 0
            end = index + 1
        index += 1
    return end


def _person_follows(folded: list[str], index: int) -> bool:
    """True when a person's title starts at ``index`` ("première ministre", "président")."""
    while index < len(folded) and folded[index] in ("la", "le", "l'", "premier", "premiere", "vice", "ancien",
                                                     "ancienne"):
        index += 1
    return index < len(folded) and folded[index] in person_noun_set()


def acronym_bodies(
    tokens: list[tuple[str, int, int]], folded: list[str], lookup: Callable[[str], str | None]
) -> list[tuple[int, int]]:
    """Spans of a capitalised acronym of 2 to 6 letters after a definite article: a party, a body."""
    found = []
    # Only the tokens after an article are read (found in C): one token in ten or so.
    for index in compress(range(1, len(tokens)), map(_DEFINITE_ARTICLES.__contains__, folded)):
        word = tokens[index][0]
        if (2 <= len(word) <= 6 and word.isalpha() and word.isupper() and not lookup(word)  # noqa: PLR2004
                and folded[index] not in person_noun_set()):  # "le PDG" is a person
            found.append((tokens[index][1], tokens[index][2]))
    return found


_DEFINITE_ARTICLES = frozenset({"l'", "le", "la", "les", "the"})  # folded


def known_organisation_end(raw: str, tokens: list[tuple[str, int, int]], start: int, end: int) -> int:
    """
    Cut a phrase the registry does not know back to the longest organisation it does
    know at its start, when that is a proper name: "Kremlin reste prudent" is the
    Kremlin and a verb ("ministère de la Défense nationale" stays whole).
    """
    known = organisations()
    if raw[start:end].replace("’", "'") in known or not raw[start:start + 1].isupper():
        return end
    # The phrase's own tokens only (found by bisection: a line may be very long).
    first = bisect.bisect_left(tokens, start, key=itemgetter(1))
    last = bisect.bisect_left(tokens, end, key=itemgetter(1))
    ends = [token_end for _, _, token_end in tokens[first:last] if token_end < end]
    for candidate in reversed(ends):
        if raw[start:candidate].replace("’", "'") in known:
            return candidate
    return end


def organisation_phrases(raw: str, tokens: list[tuple[str, int, int]], folded: list[str]) -> list[tuple[int, int]]:
    """Spans of descriptive organisation phrases: determiner + head noun + complements."""
    heads = folded_cue_words("organisation_heads")
    institutions = folded_cue_words("institution_heads")
    found: list[tuple[int, int]] = []
    if heads.isdisjoint(folded) and institutions.isdisjoint(folded):
        return found
    for index in range(1, len(tokens)):
        word = folded[index]
        # An institution's head counts only capitalised ("le Conseil fédéral", not "le
        # conseil de classe").
        if not (word in heads or (word in institutions and tokens[index][0][:1].isupper())):
            continue
        if word == "diplomatie":
            # "La diplomatie estonienne exige": the noun and its nationality only, and not
            # inside a title ("le chef de la diplomatie britannique David Cameron").
            if (folded[index - 1] == "la" and (index < 2 or folded[index - 2] not in ("de", "d'"))
                    and index + 1 < len(tokens) and is_demonym_word(tokens[index + 1][0])):
                found.append((tokens[index][1], tokens[index + 1][2]))
            continue
        if folded[index - 1] in DETERMINERS_BEFORE_PHRASE:
            end = _phrase_end(raw, tokens, folded, index)
            if end > index + 1:  # a bare "le gouvernement" names no one in particular
                end = _posted_in(tokens, folded, index, end)
                found.append((tokens[index][1], tokens[end - 1][2]))
        elif (index >= 2 and folded[index - 2] in ("the", "a", "an")  # noqa: PLR2004
              and tokens[index - 1][0][:1].isupper() and is_demonym_word(tokens[index - 1][0])):
            # English puts the nationality first: "the Hungarian government".
            end = _posted_in(tokens, folded, index, index + 1)
            found.append((tokens[index - 1][1], tokens[end - 1][2]))
    return found


_POSTED_HEADS = frozenset({"ambassade", "embassy", "consulat", "consulate", "mission", "representation"})


def _posted_in(tokens: list[tuple[str, int, int]], folded: list[str], head: int, end: int) -> int:
    """
    An embassy's phrase takes the place it is posted in: "l'ambassade de Russie à Riga",
    "the Russian embassy in Oslo" (one capitalised word after "à", "en", "in").
    """
    if (folded[head] in _POSTED_HEADS and end + 1 < len(tokens) and folded[end] in ("a", "à", "en", "in", "au")
            and tokens[end + 1][0][:1].isupper()):
        return end + 2
    return end


_GROUP_DETERMINERS = frozenset({"les", "ses", "leurs", "the", "its", "their"})
# What may stand between a group noun and its body: "les ministres des Affaires étrangères
# de l'OTAN", "les chefs d'État et de gouvernement des 32 pays de l'Otan".
_GROUP_GAP_LIMIT = 10


def group_phrases(
    tokens: list[tuple[str, int, int]],
    folded: list[str],
    bodies: Sequence[Mention],
    body_starts: Sequence[int],
    alliance: str | None,
) -> list[tuple[int, int, str]]:
    """
    Spans of the members of a body speaking together, with the body's name.

    "les ministres des Affaires étrangères de l'OTAN" runs from the determiner to the
    body named in the same clause (no punctuation between); "les alliés" standing alone
    is the alliance, when the article names it (``alliance``). ``bodies`` are the
    article's named organisations in text order, ``body_starts`` their starts.
    """
    nouns = folded_cue_words("group_nouns")
    found: list[tuple[int, int, str]] = []
    if nouns.isdisjoint(folded) or not tokens:
        return found
    line_start, line_end = tokens[0][1], tokens[-1][2]
    first, last = bisect.bisect_left(body_starts, line_start), bisect.bisect_left(body_starts, line_end)
    by_start = {b.start: b for b in bodies[first:last]}
    for index in compress(range(len(tokens)), map(nouns.__contains__, folded)):
        determiner = index - 1
        if determiner >= 0 and folded[determiner].isdigit():
            determiner -= 1  # "les 32 alliés"
        if determiner < 0 or folded[determiner] not in _GROUP_DETERMINERS:
            continue
        start = tokens[determiner][1]
        body = None
        for ahead in range(index + 1, min(len(tokens), index + 1 + _GROUP_GAP_LIMIT)):
            word = tokens[ahead][0]
            if tokens[ahead][1] in by_start:
                body = by_start[tokens[ahead][1]]
                break
            if not word[:1].isalnum() and word not in ("'", "’"):
                break  # punctuation ends the clause
        if body is not None and folded[ahead - 1] in ("de", "du", "des", "d'", "l'", "of", "the"):
            found.append((start, body.end, body.name or ""))
        elif (alliance and folded[index] in folded_cue_words("allied_nouns")
              and (index + 1 >= len(folded) or folded[index + 1] not in ("de", "du", "des", "d'", "of"))):
            found.append((start, tokens[index][2], alliance))
    return found
