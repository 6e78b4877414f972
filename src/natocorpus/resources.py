"""
Loaders for the data files shipped in ``natocorpus/data``.

Lexicons, gazetteers and the registry of people and roles are data, not code: edit the
CSV, JSON and TOML files to teach natocorpus a new speech verb, office holder or
boilerplate line. Each loader reads its file once per process.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import tomllib
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs

__all__ = [
    "Office",
    "Person",
    "Role",
    "boilerplate_rules",
    "data_csv",
    "first_name_genders",
    "lexicon",
    "offices",
    "organisations",
    "people",
    "speech_verbs",
]


def _data_text(name: str) -> str:
    return (resources.files("natocorpus") / "data" / name).read_text(encoding="utf-8")


def _csv_rows(name: str) -> Iterator[dict[str, str]]:
    # Lines starting with "#" are comments in our CSV files, before the header or after it.
    lines = [line for line in _data_text(name).splitlines() if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines):
        yield {key: (value or "").strip() for key, value in row.items() if key}


def data_csv(name: str) -> list[dict[str, str]]:
    """
    The rows of ``data/NAME``, a bundled CSV file with ``#`` comment lines, as dicts of
    stripped strings.

    .. versionadded:: 0.1.0
    """
    return list(_csv_rows(name))


@attrs.frozen(kw_only=True)
class Role:
    """
    An office one person held, with its tenure.

    Attributes:
        office: The office key (``"secretary_general"``).
        of: The country (ISO code) or organisation (``"OTAN"``) of the office.
        start: First day in office.
        end: Day the tenure ended, or None if it goes on.

    .. versionadded:: 0.1.0
    """

    office: str
    of: str
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        """True if the role was held on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@attrs.frozen(kw_only=True)
class Person:
    """
    A person of the registry: canonical name, other written forms and roles.

    .. versionadded:: 0.1.0
    """

    name: str
    aliases: tuple[str, ...]
    gender: str
    roles: tuple[Role, ...]


@attrs.frozen(kw_only=True)
class Office:
    """
    A surface form naming an office (``"chef de la diplomatie"``).

    .. versionadded:: 0.1.0
    """

    surface: str
    office: str
    of: str
    lang: str


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def people() -> tuple[Person, ...]:
    """The registry of people with their roles and tenures (``data/people.json``)."""
    entries = json.loads(_data_text("people.json"))
    return tuple(
        Person(
            name=entry["name"],
            aliases=tuple(entry.get("aliases", ())),
            gender=entry.get("gender", ""),
            roles=tuple(
                Role(office=r["office"], of=r["of"], start=_date(r.get("start")), end=_date(r.get("end")))
                for r in entry.get("roles", ())
            ),
        )
        for entry in entries
    )


@lru_cache(maxsize=1)
def offices() -> tuple[Office, ...]:
    """Surface forms of offices (``data/offices.csv``), longest first."""
    rows = [
        Office(surface=row["surface"].casefold().replace("’", "'"), office=row["office"],
               of=row.get("of", ""), lang=row.get("lang", "fr"))
        for row in _csv_rows("offices.csv")
    ]
    return tuple(sorted(rows, key=lambda o: -len(o.surface)))


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """
    Given names and the gender (``m`` or ``f``) they almost always denote, from
    ``data/first_names.csv``: the gender of people the registry does not know.

    >>> first_name_genders()["Viola"], first_name_genders()["Arnaud"]
    ('f', 'm')

    Names are matched exactly, accents included ("Michèle" is a woman, the Italian
    "Michele" a man and absent).

    .. versionadded:: 0.1.0
    """
    return {row["name"]: row["gender"] for row in _csv_rows("first_names.csv")}


@lru_cache(maxsize=1)
def organisations() -> dict[str, str]:
    """Written forms of organisations that speak, mapped to their canonical name."""
    return {row["alias"].replace("’", "'"): row["name"] for row in _csv_rows("organisations.csv")}


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, dict[str, str]]:
    """Speech-verb forms by language: ``{"fr": {"déclaré": "déclarer", ...}, "en": {...}}``."""
    table: dict[str, dict[str, str]] = {}
    for row in _csv_rows("speech_verbs.csv"):
        table.setdefault(row["lang"], {})[row["form"].casefold().replace("’", "'")] = row["lemma"]
    return table


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """The word lists of ``data/lexicon.toml`` (naming nouns, pronouns, stop words...)."""
    data = tomllib.loads(_data_text("lexicon.toml"))
    return {key: tuple(str(v) for v in value) for key, value in data.items()}


@attrs.frozen(kw_only=True)
class BoilerplateRules:
    """
    The compiled patterns of ``data/boilerplate.toml``.

    .. versionadded:: 0.1.0
    """

    tail_markers: re.Pattern[str]
    teaser_markers: re.Pattern[str]
    line_patterns: re.Pattern[str]
    agencies: tuple[str, ...]
    section_labels: frozenset[str]


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def _boilerplate_data() -> dict[str, Any]:
    return tomllib.loads(_data_text("boilerplate.toml"))


def boilerplate_line_patterns() -> tuple[str, ...]:
    """The ``line_patterns`` of ``data/boilerplate.toml``, uncompiled, in file order."""
    return tuple(_boilerplate_data()["line_patterns"])


@lru_cache(maxsize=1)
def boilerplate_rules() -> BoilerplateRules:
    """The boilerplate patterns, compiled once."""
    data = _boilerplate_data()
    return BoilerplateRules(
        tail_markers=_alternation(data["tail_markers"]),
        teaser_markers=_alternation(data["teaser_markers"]),
        line_patterns=_alternation(data["line_patterns"]),
        agencies=tuple(sorted(data["agencies"], key=len, reverse=True)),
        section_labels=frozenset(label.casefold() for label in data["section_labels"]),
    )
