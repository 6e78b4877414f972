"""
The name a title stands beside, in apposition.

"le secrétaire général de l'OTAN, Mark Rutte," and "Mark Rutte, secrétaire général de
l'OTAN": what may stand between the title and the name (a comma, a short complement,
adjectives, a rank) and what may not (a verb, a clause).
"""

from __future__ import annotations

import bisect
import re

from natocorpus.extract.cues import all_speech_forms, cue_words
from natocorpus.extract.speakers.mention import Mention
from natocorpus.extract.speakers.words import PREPOSITIONS

__all__ = ["apposed_name"]


def apposed_name(raw: str, title: Mention, names: list[Mention], starts: list[int]) -> Mention | None:
    """The name standing right after a title ("l'OTAN, Mark Rutte," / "américain Antony Blinken")."""
    after = bisect.bisect_left(starts, title.end)
    for name in names[after:after + 1]:
        if name.start - title.end > _APPOSITION_REACH:
            break
        gap = raw[title.end:name.start]
        # "le secrétaire général de l'organisation, Jens Stoltenberg,": a short complement
        # without a verb may stand between the title and the name, or a few adjectives
        # ("la conseillère nationale genevoise Céline Dufaux").
        # "le député LFI Aurélien Saintoul", "le député européen CSV X": a party's
        # acronym may stand before the name.
        without_party = _PARTY_ACRONYM.sub(" ", gap)
        if (_APPOSITION_GAP.fullmatch(gap) or _adjectives_only(gap) or _complement_then_comma(gap)
                or _rank_after_comma(gap) or (without_party != gap and (
                    not without_party.strip() or _adjectives_only(without_party)))):
            return name
        break
    # Or right before it: "Mark Rutte, secrétaire général de l'OTAN".
    before = bisect.bisect_left(starts, title.start) - 1
    for name in names[max(0, before):before + 1] if before >= 0 else []:
        if name.end > title.start or title.start - name.end > _APPOSITION_REACH:
            continue
        gap = raw[name.end:title.start]
        if re.fullmatch(r"\s*,\s*(?:le|la|l['’]|un|une|an|a)?\s*", gap, re.IGNORECASE):
            return name  # "Mark Rutte, secrétaire général", "Gabor Szentesi, an analyst"
        break
    return None


_APPOSITION_REACH = 120
# An acronym in capitals, as parties are written ("LFI", "CSV", "N-VA", "CD&V").
_PARTY_ACRONYM = re.compile(r"(?<=\s)[A-Z][A-Z0-9&-]{1,7}(?=\s)")
_APPOSITION_GAP = re.compile(
    r"[\s,\u00a0\u202f]{0,3}|\s+(?:de|du|des|d['’])\s*[^,;:.!?«»\"]{1,70},\s*"
    # "le secrétaire d'État (Approvisionnement en matière de défense), Stephen Fuhr"
    r"|\s*\([^()\n]{1,60}\)\s*,?\s*"
)


def _adjectives_only(gap: str) -> bool:
    """True when ``gap`` is one to four lower-case words, none a verb or a clause word."""
    words = gap.split()
    if not 1 <= len(words) <= 6 or len(gap) > 60 or any(ch in gap for ch in ",;:.!?«»\"“”()"):
        return False
    breakers = cue_words()["phrase_breakers"] | cue_words()["auxiliaries_fr"] | cue_words()["auxiliaries_en"]
    # A preposition opens a complement: "un chancelier atlantiste face à Donald Trump".
    return all(
        word[:1].islower() and word.casefold() not in breakers and word.casefold() not in all_speech_forms()
        and word.casefold() not in PREPOSITIONS
        for word in words
    )


def _rank_after_comma(gap: str) -> bool:
    """
    True for a comma and a rank or job before the name, after adjectives or nothing:
    "le chef d'état-major des armées norvégiennes, le général Eirik Kristoffersen".
    """
    head, comma, rank = gap.rpartition(",")
    if not comma or not (not head.strip() or _adjectives_only(head) or _complement(head)):
        return False
    words = rank.replace("’", "'").split()
    if words and words[0].casefold().startswith("l'") and len(words[0]) > 2:  # noqa: PLR2004 - "l'amiral"
        words = ["l'", words[0][2:], *words[1:]]
    if not 2 <= len(words) <= 4 or words[0].casefold() not in ("le", "la", "l'", "the"):  # noqa: PLR2004
        return False
    return _adjectives_only(" ".join(words[1:]))


def _complement(gap: str) -> bool:
    """A short complement without a verb: " des armées", " de la Défense"."""
    return _APPOSITION_GAP.fullmatch(gap + ", ") is not None and bool(gap.strip())


_CLAUSE_WORDS = frozenset({"qui", "que", "qu'", "dont", "où", "il", "elle", "ne", "n'", "who", "which", "that"})


def _complement_then_comma(gap: str) -> bool:
    """
    "L'adjoint au maire de Brest chargé de la Marine, Hervé Kerdraon": a complement
    without a verb, then a comma, between a title and its name.
    """
    if not gap.rstrip().endswith(",") or gap.count(",") != 1 or len(gap) > 90:
        return False
    # Prepositions are fine in a complement ("chargé des relations avec la Marine");
    # an auxiliary or a relative word is not: it opens a clause.
    breakers = cue_words()["auxiliaries_fr"] | cue_words()["auxiliaries_en"] | _CLAUSE_WORDS
    words = gap.rstrip(" ,").split()
    return bool(words) and not any(ch in gap for ch in ";:.!?«»\"“”()") and all(
        w.casefold() not in breakers and w.casefold() not in all_speech_forms() for w in words
    )
