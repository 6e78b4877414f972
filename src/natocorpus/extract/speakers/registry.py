"""
What the people registry (``data/people.json``) says about a name or an office.

Full names and aliases, genders, the offices a person held and who held an office on a
date. The mention finders and the title resolution read the registry only through here.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from natocorpus.resources import Person, Role, first_name_genders, people

__all__ = [
    "gender_of",
    "genders_by_name",
    "holders_by_office",
    "in_office",
    "left_office_before",
    "name_prefixes",
    "nationalities",
    "office_holder",
    "offices_held",
    "organisation_offices",
    "registry_gender",
    "registry_holder",
    "registry_names",
    "registry_predecessor",
]


@lru_cache(maxsize=1)
def registry_names() -> tuple[dict[str, Person], dict[str, list[Person]]]:
    """Full names and aliases of the registry, folded to lower case."""
    by_name: dict[str, Person] = {}
    by_alias: dict[str, list[Person]] = {}
    for person in people():
        by_name[person.name.casefold()] = person
        for alias in (*person.aliases, person.name.split()[-1]):
            bucket = by_alias.setdefault(alias.casefold(), [])
            if person not in bucket:
                bucket.append(person)
        for alias in person.aliases:
            if len(alias.split()) > 1:
                by_name.setdefault(alias.casefold(), person)
    return by_name, by_alias


@lru_cache(maxsize=1)
def name_prefixes() -> frozenset[str]:
    """Every leading part of a registry name ("jaap de" of "Jaap de Hoop Scheffer")."""
    prefixes = set()
    for person in people():
        parts = person.name.casefold().split()
        prefixes.update(" ".join(parts[:k]) for k in range(1, len(parts)))
    return frozenset(prefixes)


def gender_of(name: str) -> str:
    """The registry's gender for ``name``, else the one its given name almost always has."""
    known = genders_by_name().get(name)
    if known:
        return known
    parts = name.split()
    return first_name_genders().get(parts[0], "") if len(parts) >= 2 else ""  # noqa: PLR2004


def in_office(people_: list[Person], date: dt.date | None) -> list[Person]:
    """
    Narrow people sharing a surname to those in office on ``date`` (or today's holders),
    else to the one who left office last before ``date``.
    """
    if len(people_) < 2:  # noqa: PLR2004
        return people_
    if date is not None:
        holding = [p for p in people_ if any(role.holds_on(date) for role in p.roles)]
        if not holding:
            # Nobody in office that day: the one who left office last before it ("M.
            # Michel" in 2025 is Charles Michel, not the Louis Michel of 2004).
            ended = [(max(r.end for r in p.roles if r.end is not None and r.end <= date), p)
                     for p in people_ if any(r.end is not None and r.end <= date for r in p.roles)]
            latest = max(ended, key=lambda pair: pair[0])[1] if ended else None
            holding = [latest] if latest is not None else []
    else:
        holding = [p for p in people_ if any(role.end is None and role.start is not None for role in p.roles)]
    return holding or people_


@lru_cache(maxsize=1)
def genders_by_name() -> dict[str, str]:
    """The registry's gender (``m`` or ``f``) of each person, by full name."""
    return {p.name: p.gender for p in people()}


def offices_held(name: str, date: dt.date | None = None) -> frozenset[str]:
    """
    The offices the registry says ``name`` held (``"prime_minister"``).

    With a ``date``, the offices held on that date when the registry has any for it
    (Vladimir Poutine in 2022 is the president, not the former prime minister), else
    those held at any date.
    """
    if date is not None:
        person = _by_exact_name().get(name)
        if person is not None:
            on_date = frozenset(r.office for r in person.roles if r.holds_on(date))
            if on_date:
                return on_date
    return _offices_held().get(name, frozenset())


def left_office_before(name: str, office: str, date: dt.date) -> bool:
    """
    True when the registry says ``name`` held ``office`` and left it before ``date``
    (de Gaulle, president until 1969, is not "le président de la République" of 2009).
    """
    person = _by_exact_name().get(name)
    roles = [r for r in person.roles if r.office == office] if person is not None else []
    return bool(roles) and all(r.end is not None and r.end <= date for r in roles)


@lru_cache(maxsize=1)
def _by_exact_name() -> dict[str, Person]:
    return {p.name: p for p in people()}


@lru_cache(maxsize=1)
def _offices_held() -> dict[str, frozenset[str]]:
    return {p.name: frozenset(r.office for r in p.roles) for p in people()}


def registry_holder(office: str, of: str, date: dt.date | None) -> str | None:
    """
    Who the registry says held ``office`` of ``of`` (a country code or body) on ``date``.

    "Le chef du gouvernement" of Germany or Austria is its chancellor.
    """
    holder = office_holder(office, of, date, set())
    if holder is None and office == "prime_minister":
        holder = office_holder("chancellor", of, date, set())
    return holder


def registry_gender(name: str) -> str:
    """``m`` or ``f`` when the registry knows ``name`` or its given name tells, else ""."""
    return gender_of(name)


def nationalities(name: str) -> frozenset[str]:
    """The countries whose offices the registry says ``name`` held."""
    return _nationalities().get(name, frozenset())


@lru_cache(maxsize=1)
def _nationalities() -> dict[str, frozenset[str]]:
    return {
        p.name: frozenset(r.of for r in p.roles if len(r.of) == 2 and r.of.isupper()) for p in people()
    }


@lru_cache(maxsize=1)
def holders_by_office() -> dict[tuple[str, str], list[tuple[Person, Role]]]:
    """Every person and role of the registry, by ``(office, body)``."""
    table: dict[tuple[str, str], list[tuple[Person, Role]]] = {}
    for person in people():
        for role in person.roles:
            table.setdefault((role.office, role.of), []).append((person, role))
    return table


@lru_cache(maxsize=1)
def organisation_offices() -> frozenset[str]:
    """Offices only organisations have in the registry ("secretary_general", not "president")."""
    national = {office for office, of in holders_by_office() if len(of) == 2 and of.isupper()}  # noqa: PLR2004
    return frozenset(office for office, _ in holders_by_office() if office not in national)


def office_holder(office: str, of: str, date: dt.date | None, named: set[str | None]) -> str | None:
    """
    Who held ``office`` of ``of`` on ``date`` (None when nobody did). Without a date, a
    holder among the ``named`` people (the last the registry lists), else the latest.
    """
    holders = holders_by_office().get((office, of), [])
    if not holders:
        return None
    if date is not None:
        on_date = [p.name for p, r in holders if r.holds_on(date)]
        return on_date[0] if on_date else None
    in_article = [p.name for p, _ in holders if p.name in named]
    if in_article:
        return in_article[-1]
    latest = max(holders, key=lambda pr: pr[1].start or dt.date.min)
    return latest[0].name


def registry_predecessor(office: str, of: str, date: dt.date) -> str | None:
    """
    Who the registry says last left ``office`` of ``of`` before ``date``: "the former
    Estonian prime minister" of a 2025 article, when the text names no former holder.
    """
    ended = [(role.end, person.name) for person, role in holders_by_office().get((office, of), [])
             if role.end is not None and role.end <= date]
    return max(ended)[1] if ended else None

