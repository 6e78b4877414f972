"""
Person names: runs of capitalised words, and the canonical name each run stands for.

A run is read from the tokens of a line ("Mark Rutte", "Ursula von der Leyen", "P.J.
Akeeagok", "M. Stoltenberg"). A full name becomes the registry's spelling; a surname
alone joins the full name the article gives, else the registry's person in office.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from itertools import compress, repeat
from operator import contains, itemgetter

from natocorpus.extract.cues import cue_words
from natocorpus.extract.speakers.mention import Mention
from natocorpus.extract.speakers.registry import gender_of, in_office, name_prefixes, registry_names
from natocorpus.extract.speakers.words import MONTHS_AND_DAYS, word_sets
from natocorpus.resources import Person, first_name_genders, lexicon
from natocorpus.text import Intervals, fold

__all__ = ["name_mentions", "name_runs"]


_FRENCH_PREPOSITION_PARTICLES = frozenset({"de", "du", "des", "la", "le", "d'", "d’"})


def _overlaps(start: int, end: int, taken: Intervals) -> bool:
    return taken.overlaps(start, end)


def name_runs(
    raw: str, tokens: list[tuple[str, int, int]], words: list[str], folded: list[str], excluded: Intervals
) -> list[tuple[int, int, bool]]:
    """
    Runs of capitalised words in a line's tokens: ``(start, end, after_honorific)``.
    ``words`` are the tokens' texts, ``folded`` their folded keys.
    """
    sets = word_sets()
    runs: list[tuple[int, int, bool]] = []
    index = 0  # the first token not yet read
    for candidate in _name_starts(words, folded, sets["honorifics"]):
        if candidate < index:
            continue  # inside the run found last
        index = candidate
        token, start, end = tokens[index]
        honorific = token.casefold() in sets["honorifics"] and index + 1 < len(tokens)
        if honorific:
            # Several may stand together: "Lt Col Robert Ainsworth".
            while index + 1 < len(tokens) and tokens[index][0].casefold() in sets["honorifics"]:
                index += 1
            token, start, end = tokens[index]
        after_initials = _after_initials(tokens, index, excluded, sets)
        elided = _elided_prefix(tokens, index, excluded, sets)
        if after_initials is not None:
            # "P.J. Akeeagok": initials and their period open the name.
            run_start, run_end = start, tokens[after_initials][2]
            index = after_initials + 1
        elif elided is not None:
            run_start, run_end = start, tokens[elided][2]  # "O'Brien said"
            index = elided + 1
        elif not _is_name_token(token, start, end, excluded, sets,
                                allow_stop=honorific or _given_name_before_name(tokens, index, excluded, sets)):
            index += 1
            continue
        else:
            run_start, run_end = start, end
            index += 1
        while index < len(tokens):
            token, start, end = tokens[index]
            if _is_name_token(token, start, end, excluded, sets, allow_stop=False):
                run_end = end
                index += 1
                continue
            after_initials = _after_initials(tokens, index, excluded, sets)
            if after_initials is not None:
                run_end = tokens[after_initials][2]  # "George W. Bush", "Múte B. Egede"
                index = after_initials + 1
                continue
            elided = _elided_prefix(tokens, index, excluded, sets)
            if elided is not None:
                run_end = tokens[elided][2]  # "Kouamé N'Guessan", "Massimo D'Alema"
                index = elided + 1
                continue
            if (token in _CAPITALISED_PARTICLES and index + 1 < len(tokens)
                    and _is_name_token(*tokens[index + 1], excluded, sets, allow_stop=False)):
                # "Marine Le Pen", "Bruno Le Maire": a capitalised particle inside a name.
                run_end = tokens[index + 1][2]
                index += 2
                continue
            # A particle inside a name ("Ursula von der Leyen", "Alexander De Croo"). The
            # French "de", "du", "la", "le" in lower case join words far more often than
            # they sit inside a name ("Message de Rutte"): the registry must know the name.
            if token.casefold() in sets["particles"] and index + 1 < len(tokens) and (
                token not in _FRENCH_PREPOSITION_PARTICLES
                or registry_names()[0].get(" ".join([raw[run_start:run_end], token, tokens[index + 1][0]]).casefold())
                or " ".join([raw[run_start:run_end], token]).casefold() in name_prefixes()
            ):
                ahead = index + 1
                while ahead < len(tokens) and tokens[ahead][0].casefold() in sets["particles"]:
                    ahead += 1
                if ahead < len(tokens) and _is_name_token(*tokens[ahead], excluded, sets, allow_stop=False):
                    run_end = tokens[ahead][2]
                    index = ahead + 1
                    continue
            break
        runs.append((run_start, run_end, honorific))
    return runs


def _given_name_before_name(
    tokens: list[tuple[str, int, int]], index: int, excluded: Intervals, sets: dict[str, frozenset[str]]
) -> bool:
    """
    A given name that is also a stop word, opening a name: "Per Pugholm Olsen" (not the
    English "per"), "Will Smith". It must be followed by a name word.
    """
    return (tokens[index][0] in first_name_genders() and index + 1 < len(tokens)
            and _is_name_token(*tokens[index + 1], excluded, sets, allow_stop=False))


def _name_starts(words: list[str], folded: list[str], honorifics: frozenset[str]) -> list[int]:
    """
    The indices of the tokens a name run may start at: a capitalised word, an Arabic
    article ("al-Sissi") or an honorific in lower case ("amiral"). Any other token is no
    name token (see :func:`_is_name_token`) nor an honorific, so the scan skips it.

    ``words`` are the tokens' texts and ``folded`` their folded keys. The common tests
    are mapped over the line in C.
    """
    indices = range(len(words))
    starts = list(compress(indices, map(str.isupper, map(itemgetter(0), words))))
    others = [index for index in compress(indices, map(contains, words, repeat("-")))
              if _ARABIC_ARTICLE.match(words[index])]
    if not _lower_case_honorifics().isdisjoint(folded):
        others += [index for index in indices if words[index][:1] in "aebi" and words[index].casefold() in honorifics]
    return sorted({*starts, *others}) if others else starts


_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|at|an|ash|az|bin|ben|ibn|abu|abou)-[^\W\d_]")


@lru_cache(maxsize=1)
def _lower_case_honorifics() -> frozenset[str]:
    """
    The honorifics a name run may start with in lower case ("amiral Rob Bauer"), folded:
    :func:`name_runs` reads the lower-case tokens starting with a, e, b or i only. A
    token whose case-folded form is one of them has one of these folded keys.
    """
    return frozenset(fold(h) for h in word_sets()["honorifics"] if h[:1] in ("a", "e", "b", "i"))


_CAPITALISED_PARTICLES = frozenset({"Le", "La", "De", "Du", "Des", "Van", "Von", "Di", "Da", "Del", "Della", "Dos"})
_INITIALS = re.compile(r"(?:[A-Z]\.){0,3}[A-Z]")
_DOTTED_ABBREVIATIONS = frozenset({"U.S", "U.K", "U.N", "E.U", "U.S.A", "U.E", "R.-U"})  # "U.S. Pershing missiles"


def _after_initials(
    tokens: list[tuple[str, int, int]], index: int, excluded: Intervals, sets: dict[str, frozenset[str]]
) -> int | None:
    """The index of the name after initials at ``index`` ("P.J" "." "Akeeagok"), or None."""
    if (index + 2 < len(tokens) and _INITIALS.fullmatch(tokens[index][0]) and tokens[index + 1][0] == "."
            and tokens[index][0] not in _DOTTED_ABBREVIATIONS
            and tokens[index + 1][1] == tokens[index][2]
            and _is_name_token(*tokens[index + 2], excluded, sets, allow_stop=False)):
        return index + 2
    return None


_ELIDED_PREFIX = re.compile(r"[A-Z]['’]")


def _elided_prefix(
    tokens: list[tuple[str, int, int]], index: int, excluded: Intervals, sets: dict[str, frozenset[str]]
) -> int | None:
    """The index of the name glued to an elided capital at ``index`` ("N'" "Guessan", "O'" "Brien"), or None."""
    if (index + 1 < len(tokens) and _ELIDED_PREFIX.fullmatch(tokens[index][0])
            and tokens[index + 1][1] == tokens[index][2]
            and _is_name_token(*tokens[index + 1], excluded, sets, allow_stop=False)):
        return index + 1
    return None


def _is_name_token(
    token: str,
    start: int,
    end: int,
    excluded: Intervals,
    sets: dict[str, frozenset[str]],
    *,
    allow_stop: bool,
) -> bool:
    first = token[:1]
    if len(token) == 1 and first.isalpha():
        return False  # a lone letter ("F" of "F-35"); initials come with a period
    if not first.isupper():
        if first in "aebi" and _ARABIC_ARTICLE.match(token) and token.split("-", 1)[1][:1].isupper():
            return not _overlaps(start, end, excluded)  # "Abdel Fattah al-Sissi"
        return False
    if len(token) > 1 and token.isupper() and (
            "-" not in token or all(len(part) <= 3 for part in token.split("-"))):  # noqa: PLR2004
        return False  # an acronym (OTAN, PIB, CPE, N-VA), not a name
    folded = token.casefold()
    if not allow_stop and (folded in sets["stop"] or folded in sets["office_words"]):
        return False
    if folded in MONTHS_AND_DAYS:
        return False
    return not _overlaps(start, end, excluded)


def name_mentions(
    raw: str, runs: list[tuple[int, int, bool]], subject: Callable[[int], bool], date: dt.date | None = None
) -> list[Mention]:
    """
    Name mentions from runs of capitalised words, each with its canonical name.

    A surname two registry people share ("Orban") names the one the article names in
    full, else the one in office on the article's date, else the one still in office.
    """
    by_name, by_alias = registry_names()
    # Full names the article gives, by surname ("Rutte" → "Mark Rutte").
    article_full: dict[str, str] = {}
    for start, end, _ in runs:
        if raw.endswith(("'s", "’s"), start, end):
            end -= 2
        parts = raw[start:end].split()
        if len(parts) >= 2:
            canonical = _canonical_full(" ".join(parts), by_name)
            for key in (*_surname_keys(canonical), *_surname_keys(" ".join(parts))):
                article_full.setdefault(key, canonical)
    organisation_words = _organisation_words()
    mentions = []
    for start, end, honorific in runs:
        if raw.endswith(("'s", "’s"), start, end):
            end -= 2  # "Viktor Orban's"
        parts = raw[start:end].split()
        if len(parts) >= 3 and parts[0].casefold() in organisation_words:  # noqa: PLR2004
            # "la présidente du Conseil Giorgia Meloni": the body's name runs into the
            # person's; the person starts at a given name with a surname after it.
            given = next((i for i in range(1, len(parts) - 1) if parts[i] in first_name_genders()), None)
            if given is not None and not any(p.casefold() in organisation_words for p in parts[given:]):
                start = raw.index(parts[given], start)
                parts = parts[given:]
        particle = _PARTICLE_BEFORE.search(raw, max(0, start - 12), start)
        if particle is not None and f"{particle.group(1)} {' '.join(parts)}".casefold() in by_name:
            # "M. de Hoop Scheffer", "le général de Gaulle": the registry's name keeps its
            # lower-case particle.
            start = particle.start(1)
            parts = [*particle.group(1).split(), *parts]
        text = " ".join(parts)
        # A given name first is a person even when it is also a word of bodies ("Marine
        # Le Pen", not the Marine nationale).
        body_words = parts[1:] if len(parts) >= 2 and parts[0] in first_name_genders() else parts  # noqa: PLR2004
        if any(part.casefold() in organisation_words for part in body_words) and text.casefold() not in by_name:
            continue  # "Université Laval", "Atlantic Council": not a person
        if text.casefold() not in by_name and _named_thing_before().search(raw, max(0, start - 40), start):
            continue  # "l'exercice Trident Juncture", "the exercise, Trident Juncture": a thing's name
        canonical: str | None
        if len(parts) >= 2:
            canonical = _canonical_full(text, by_name)
        else:
            canonical = article_full.get(text.casefold())
            if canonical is None:
                known = in_office(by_alias.get(text.casefold(), []), date)
                canonical = known[0].name if len(known) == 1 else (text if honorific else None)
            if canonical is None and text in first_name_genders() and _AGE_AFTER.match(raw, end):
                canonical = text  # "Julien, 31 ans, pilote de Rafale": a person the press names by first name
        if canonical is not None:
            mentions.append(Mention(kind="name", text=raw[start:end], start=start, end=end, name=canonical,
                                    subject=subject(start), gender=gender_of(canonical)))
    return mentions


# An age in apposition after a first name: ", 31 ans," (", 24,").
_AGE_AFTER = re.compile(r",\s*\d{1,3}\s*ans\b")
# A lower-case particle right before a run: "de", "von der", "van".
_PARTICLE_BEFORE = re.compile(r"(?<![^\s])((?:de|du|des|van|von|der|den)(?: (?:de|der|den|la))?) \Z")


@lru_cache(maxsize=1)
def _named_thing_before() -> re.Pattern[str]:
    """
    A noun whose capitalised complement is a thing's name, just before a run.

    Not after "de": "le capitaine de corvette Yannick Le Bris" is a rank.
    """
    nouns = "|".join(sorted((re.escape(noun) for noun in lexicon().get("named_thing_nouns", ())), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?<!\bde\s)(?:{nouns}),?\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    return cue_words()["organisation_words"]


def _surname_keys(full: str) -> list[str]:
    parts = full.split()
    keys = [parts[-1].casefold()]
    particles = word_sets()["particles"]
    # "De Croo", "von der Leyen": a surname may start with a particle.
    for index in range(1, len(parts) - 1):
        if parts[index].casefold() in particles:
            keys.append(" ".join(parts[index:]).casefold())
            break
    return keys


def _canonical_full(text: str, by_name: dict[str, Person]) -> str:
    person = by_name.get(text.casefold())
    return person.name if person else text
