"""
Documents that speak for a body: "le communiqué", "la déclaration finale de l'OTAN".

A document is a noun of ``data/lexicon.toml`` after a determiner; it speaks for the
organisation it belongs to, found in the words after it or earlier in the article.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

import attrs

from natocorpus.extract.speakers.mention import Mention
from natocorpus.extract.speakers.words import first_token, surface_pattern
from natocorpus.resources import lexicon
from natocorpus.text import PhraseMatcher, fold

__all__ = ["document_matcher", "resolve_documents"]


_DOCUMENT_DETERMINERS = ("le", "la", "l'", "les", "ce", "cette", "son", "sa", "leur", "the", "a", "its")


@lru_cache(maxsize=1)
def document_matcher() -> PhraseMatcher:
    """The matcher of a determiner and a document noun ("le communiqué", "the statement")."""
    nouns = sorted(lexicon().get("document_nouns", ()), key=len, reverse=True)
    body = "|".join(surface_pattern(noun) for noun in nouns)
    # A determiner is tried only before the first word of a noun (see PhraseMatcher).
    heads = {first_token(noun) for noun in nouns}
    plain = all(part.isalpha() for head in heads for part in head.split("-"))
    followers = {determiner: tuple(fold(head) for head in heads) for determiner in _DOCUMENT_DETERMINERS}
    return PhraseMatcher(
        [(determiner, f"{surface_pattern(determiner)}\\s*(?:{body})") for determiner in _DOCUMENT_DETERMINERS],
        ignore_case=True, followers=followers if plain else None,
    )


_OWNER_GAP = re.compile(r"\s*(?:de\s+la|de\s+l['’]|de|du|des|d['’])\s*")


def resolve_documents(raw: str, documents: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """
    A document speaks for its organisation: the one named right after it, the one the
    article names most for a summit's text ("la déclaration finale du sommet"), else the
    one last mentioned before it.
    """
    organisations_seen = [m for m in mentions if m.kind == "organisation"]
    starts = [o.start for o in organisations_seen]
    ends = sorted(o.end for o in organisations_seen)
    by_end = sorted(organisations_seen, key=lambda o: o.end)
    most_named = Counter(o.name for o in organisations_seen if o.name).most_common(1)
    output = []
    for document in documents:
        owner_name = None
        after = bisect.bisect_left(starts, document.end)
        if after < len(organisations_seen):
            candidate = organisations_seen[after]
            if candidate.start - document.end <= 6 and _OWNER_GAP.fullmatch(raw, document.end, candidate.start):
                owner_name = candidate.name
        if owner_name is None and after < len(organisations_seen):
            candidate = organisations_seen[after]
            if candidate.start - document.end <= 60 and _PUBLISHED_BY.fullmatch(raw, document.end, candidate.start):  # noqa: PLR2004
                owner_name = candidate.name  # "le communiqué publié ce lundi par le ministère"
        if owner_name is None and most_named and _OF_THE_SUMMIT.match(raw, document.end):
            owner_name = most_named[0][0]
        if owner_name is None:
            before = bisect.bisect_right(ends, document.start) - 1
            owner_name = by_end[before].name if before >= 0 else None
        output.append(attrs.evolve(document, name=owner_name))
    return output


# "le communiqué publié ce lundi par le", "the statement issued by the".
_PUBLISHED_BY = re.compile(
    r"\s+(?:publiée?s?|diffusée?s?|signée?s?|rendue?s?\s+publique?s?|émise?s?|issued|released|published)"
    r"(?:\s+[^\s,.;:!?«»]+){0,3}?\s+(?:par|by)\s+(?:la\s+|le\s+|les\s+|l['’]\s*|the\s+)?",
    re.IGNORECASE,
)
# "la déclaration finale du sommet", "le communiqué du sommet de Vilnius", "la
# déclaration adoptée mercredi": a text the meeting adopted.
_OF_THE_SUMMIT = re.compile(
    r"\s+(?:(?:du|of\s+the)\s+(?:sommet|summit)\b|(?:adoptée?s?|approuvée?s?|adopted|approved)\b)", re.IGNORECASE
)
