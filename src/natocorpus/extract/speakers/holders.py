"""
Who a title names: the name beside it, the article's own binding, or the registry.

Nearest evidence first: a name in apposition ("le secrétaire général de l'OTAN, Jens
Stoltenberg,"); then the person the article bound to the same office of the same body;
then the registry's holder on the article's date. A former office ("l'ancien Premier
ministre") names no holder: it refers back to someone named earlier.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import attrs

from natocorpus.extract.cues import normal_form
from natocorpus.extract.speakers.appositions import apposed_name
from natocorpus.extract.speakers.mention import Mention, mention_prefix
from natocorpus.extract.speakers.registry import (
    genders_by_name,
    holders_by_office,
    left_office_before,
    nationalities,
    office_holder,
    offices_held,
    organisation_offices,
)
from natocorpus.resources import lexicon

__all__ = ["is_former_title", "resolve_titles"]


def resolve_titles(
    raw: str,
    titles: list[tuple[Mention, str, str]],
    names: list[Mention],
    date: dt.date | None,
    roles: dict[int, Mention],
    feminine: set[int],
    bound_offices: dict[int, str],
    bound_countries: dict[int, str],
    bodies_named: Sequence[Mention] = (),
) -> list[Mention]:
    """
    Bind titles to names given in apposition, then fall back on the registry.

    ``roles`` receives, by name mention start, the title bound to that name,
    ``feminine`` the starts of names bound to a title written in the feminine, and
    ``bound_offices`` the office of the bound title (``"other"`` for a title the
    registry has no office for) and ``bound_countries`` the country it names.
    ``bodies_named`` are the organisation mentions of the article, in text order: an
    organisation's office named bare takes its body from them.
    """
    bound: dict[tuple[str, str], str] = {}
    # Bindings of titles without a body, by office, in text order: a bare title later
    # takes the latest one before it ("le ministre du Budget, X" named after "a martelé
    # le ministre" is not that minister).
    bare_bindings: dict[str, list[tuple[int, str]]] = {}
    resolved: list[tuple[Mention, str, str, str | None]] = []
    starts = [name.start for name in names]
    for mention, office, of in titles:
        if office in _HEAD_OFFICES and not of and _UNKNOWN_BODY_AFTER.match(raw, mention.end):
            # "le président du MoDem, François Bayrou": the president of a body the data
            # does not know, not a head of state: no registry office, and no binding that
            # a later "président de la République" could borrow.
            office = ""
        apposed = apposed_name(raw, mention, names, starts)
        if apposed is not None and len(of) == 2 and of.isupper() and apposed.name:  # noqa: PLR2004
            # The registry's nationalities, or the one an earlier title gave this name
            # ("le président argentin, Javier Milei, le président américain s'en est pris").
            known = nationalities(apposed.name) | ({bound_countries[apposed.start]} if apposed.start in bound_countries else set())
            if known and of not in known:
                # "Sans nommer le président français, Vladimir Poutine a ...": the
                # registry knows the name holds no office of that country.
                apposed = None
        if apposed is not None and apposed.name and office and of and date is not None:
            holder = office_holder(office, of, date, set())
            held = offices_held(apposed.name)
            if holder is not None and holder != apposed.name and held and office not in held:
                # "un éventuel retour de Donald Trump, le chef de la diplomatie américaine
                # a ...": the registry knows the name, never in that office, and its
                # holder on the date is someone else.
                apposed = None
        if (apposed is not None and apposed.name and office and date is not None
                and not _FORMER_BEFORE.search(mention_prefix(raw, mention.start))
                and left_office_before(apposed.name, office, date)):
            # "la décision du général de Gaulle, le chef de l'Etat a annoncé" (2009): a
            # holder the registry says left the office before the date is not apposed.
            apposed = None
        name = apposed.name if apposed is not None else None
        if apposed is not None:
            roles.setdefault(apposed.start, mention)
            # A title the registry has no office for ("le commandant de la marine")
            # still says the person is not, say, the prime minister.
            if office or normal_form(mention.text.split()[0]) not in _relational_nouns():
                bound_offices.setdefault(apposed.start, office or "other")
            if len(of) == 2 and of.isupper():  # noqa: PLR2004 - "le ministre ukrainien ..., X"
                bound_countries.setdefault(apposed.start, of)
            if _FEMININE_BEFORE.search(mention_prefix(raw, mention.start)):
                feminine.add(apposed.start)  # "la présidente lituanienne, Dalia Grybauskaitė"
        if name is not None and office:
            bound.setdefault((office, of), name)
            if not of:
                bare_bindings.setdefault(office, []).append((mention.start, name))
        resolved.append((mention, office, of, name))
    # A bare title borrows the body of the same office named elsewhere in the article.
    # Only an organisation's office is borrowed ("le secrétaire général" of an article
    # about the OTAN); a national office is not ("la ministre de la Défense" may be of
    # another country than the one named earlier): it is resolved as an anaphor.
    bodies: dict[str, str] = {}
    for _, office, of, _ in resolved:
        if of and not (len(of) == 2 and of.isupper()):
            bodies.setdefault(office, of)
    named_people = {m.name for m in names}
    output: list[Mention] = []
    for mention, office, of, name in resolved:
        # A binding counts for the same office of the same body only: "le président
        # russe" is not the "président finlandais" named earlier. A bare title ("le
        # premier ministre") takes a bare binding first ("le premier ministre Justin
        # Trudeau"), then the body the article gives the office elsewhere.
        body = of or bodies.get(office, "")
        if not body and _DEFINITE_TITLE_BEFORE.search(mention_prefix(raw, mention.start)):
            # "Le secrétaire général", not "un porte-parole" (one of several: the body speaks).
            body = _body_in_context(office, mention.start, bodies_named)
        # "l'ancien Premier ministre néerlandais" is not today's holder: it refers back to
        # someone named earlier who held the office (an anaphor), so no name is looked up.
        former = name is None and _FORMER_BEFORE.search(mention_prefix(raw, mention.start))
        if name is None and office and not of and not former:
            name = next((bound_name for start, bound_name in reversed(bare_bindings.get(office, []))
                         if start < mention.start), None)
        if name is None and office and body and not former:
            name = bound.get((office, body))
        if name is None and office and body and not former:
            name = office_holder(office, body, date, named_people)
        gender = genders_by_name().get(name or "", "")
        if not gender and _FEMININE_BEFORE.search(mention_prefix(raw, mention.start)):
            gender = "f"
        elif not gender and _MASCULINE_BEFORE.search(mention_prefix(raw, mention.start)):
            gender = "m"  # "Le ministre a évoqué … a-t-il assuré" is not "la Première ministre"
        country = body if len(body) == 2 and body.isupper() else ""
        output.append(attrs.evolve(mention, name=name, gender=gender, country=country, office=office or ""))
    return output


@lru_cache(maxsize=1)
def _relational_nouns() -> frozenset[str]:
    """Nouns that relate a person to another ("son homologue") without naming an office."""
    return frozenset(lexicon().get("relational_nouns", ()))


# Offices that head a body, whatever the body ("le président du MoDem", "le secrétaire
# général de l'Élysée"); a minister's complement is a portfolio instead.
_HEAD_OFFICES = frozenset({"president", "vice_president", "prime_minister", "secretary_general", "deputy_secretary_general"})
# A title's complement naming a body ("du MoDem", "de l'UMP", "of Acme").
_UNKNOWN_BODY_AFTER = re.compile(r"\s+(?:du|des|de\s+la|de\s+l['’]|de|d['’]|of(?:\s+the)?)\s*[A-ZÉ]")
# "Le secrétaire général", "son secrétaire général" (of the body just named), "its".
_DEFINITE_TITLE_BEFORE = re.compile(r"(?:^|\s)(?:le|la|l['’]|the|son|sa|its)\s*$", re.IGNORECASE)
_MASCULINE_BEFORE = re.compile(r"(?:^|\s)(?:le|un|ce)\s*$", re.IGNORECASE)
_FEMININE_BEFORE = re.compile(r"(?:^|\s)(?:la|une|cette)\s*$", re.IGNORECASE)
# "l'ancien Premier ministre", "the former Estonian prime minister", "l'ex-ministre".
_FORMER_BEFORE = re.compile(r"\b(?:ancien|ancienne|former|ex)(?:-|\s+)(?:[^\W\d_]+\s+)?$", re.IGNORECASE)


def is_former_title(raw: str, start: int) -> bool:
    """True when the title at ``start`` is a former office: "l'ancien Premier ministre"."""
    return _FORMER_BEFORE.search(mention_prefix(raw, start)) is not None


def _body_in_context(office: str, position: int, bodies_named: Sequence[Mention]) -> str:
    """
    The organisation a bare organisational title belongs to, from the article.

    "L'OTAN a dénoncé … Le secrétaire général a estimé": the last organisation named
    before the title that has such an office, else the one the article names most.
    """
    if office not in organisation_offices():
        return ""
    candidates = [m for m in bodies_named if m.name and (office, m.name) in holders_by_office()]
    before = [m for m in candidates if m.start < position]
    if before:
        return before[-1].name or ""
    counts = Counter(m.name for m in candidates)
    return counts.most_common(1)[0][0] or "" if counts else ""
