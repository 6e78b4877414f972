"""
The article's date, where the text states or pins it.

Rules, in order:

1. A full date in the header or a dateline ("Publié le 12 mars 2023", "2022-02-24",
   "12/03/2023", "12.05.2022") before the first body paragraph (day first, as French
   writes it).
2. The first full date in the body ("Ce mercredi (7 février 2024)", "7 February 2024",
   "February 7, 2024").
3. A day and month without a year ("le 10 juillet") when the text pins the year: exactly
   one year is named in the article other than in phrases that look ahead or back
   ("d'ici 2030", "prévu pour 2025", "depuis 2014", "en 2011"), and a weekday written
   with the day agrees with it ("mardi 15 octobre" is not 15 October 2011, a Saturday).

Otherwise None: "hier", "jeudi" or "la semaine dernière" do not give a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

__all__ = ["find_date"]

_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "january": 1, "february": 2, "march": 3, "april": 4,
    "may": 5, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10,
    "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d){_DAY}[\s\u00a0\u202f]+(?P<month>{_MONTH})\.?,?[\s\u00a0\u202f]+{_YEAR}(?!\d)", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<month>{_MONTH})\.?[\s\u00a0\u202f]+{_DAY},?[\s\u00a0\u202f]+{_YEAR}(?!\d)", re.IGNORECASE
)
_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
_NUMERIC = re.compile(
    r"(?<![\d/.])(?P<day>[0-3]?\d)(?P<separator>[/.])(?P<month>[01]?\d)(?P=separator)(?P<year>(?:19|20)\d\d)(?![\d/])"
)
_DAY_MONTH = re.compile(rf"(?<!\d){_DAY}[\s\u00a0\u202f]+(?P<month>{_MONTH})\b(?![\s\u00a0\u202f]+\d)", re.IGNORECASE)
_YEAR_ALONE = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?!\d|[.,]\d|\s*%)")
# Phrases before a year that look ahead or back rather than date the article.
_NOT_THIS_YEAR = re.compile(
    r"(?:d['’]ici|pour|avant|après|depuis|jusqu['’]en|jusqu['’]à|horizon|entre|dès|fin|début|en|by|until|since|before|after|in)\s+(?:l['’]an\s+|la\s+fin\s+|fin\s+)?$",
    re.IGNORECASE,
)


def _make(year: str, month: str, day: str) -> dt.date | None:
    number = int(month) if month.isdigit() else _MONTHS.get(month.casefold().rstrip("."))
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None


_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")


def _full_dates(raw: str, start: int, end: int) -> list[tuple[int, dt.date, str]]:
    found: list[tuple[int, dt.date, str]] = []
    if _ANY_YEAR.search(raw, start, end) is None:
        return found  # every full date holds a year
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO, _NUMERIC):
        for match in pattern.finditer(raw, start, end):
            value = _make(match.group("year"), match.group("month"), match.group("day"))
            if value is not None:
                found.append((match.start(), value, match.group()))
    return sorted(found, key=lambda item: item[0])


def find_date(
    raw: str,
    header: Sequence[tuple[int, int]],
    body: Sequence[tuple[int, int]],
    context: Sequence[tuple[int, int]] = (),
) -> tuple[dt.date | None, str | None, int | None]:
    """
    Find the date the article states or pins.

    Args:
        raw: The article text.
        header: Spans of the lines before the body (title, byline, dateline...).
        body: Spans of the body lines.
        context: Other spans (captions set aside as boilerplate) that may pin a year.

    Returns:
        The date, the words it was read from and their offset, or ``(None, None, None)``.

    .. versionadded:: 0.1.0
    """
    for spans in (header, body):
        for start, end in spans:
            dates = _full_dates(raw, start, end)
            if dates:
                return dates[0][1], dates[0][2], dates[0][0]
    years: set[int] = set()
    for start, end in (*body, *header, *context):
        # A year alone starts where a plain search finds one (its look-behind still sees
        # the characters before): most lines name no year, and the search skips them fast.
        first = _ANY_YEAR.search(raw, start, end)
        if first is None:
            continue
        for match in _YEAR_ALONE.finditer(raw, first.start(), end):
            if _NOT_THIS_YEAR.search(raw[max(start, match.start() - 25):match.start()]):
                continue
            years.add(int(match.group(1)))
    if len(years) != 1:
        return None, None, None
    (year,) = years
    for start, end in body:
        first = _DIGIT.search(raw, start, end)  # a day and month start with the day's digits
        if first is None:
            continue
        for match in _DAY_MONTH.finditer(raw, first.start(), end):
            value = _make(str(year), match.group("month"), match.group("day"))
            if value is not None and _weekday_agrees(raw, match.start(), value):
                return value, match.group(), match.start()
    return None, None, None


_WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
             "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
             "friday": 4, "saturday": 5, "sunday": 6}
_WEEKDAY_BEFORE = re.compile(r"(\w+)[\s\u00a0,]+$")


def _weekday_agrees(raw: str, start: int, value: dt.date) -> bool:
    """"mardi 15 octobre" pinned to a year where the 15th is a Saturday is not that day."""
    match = _WEEKDAY_BEFORE.search(raw, max(0, start - 15), start)
    if match is None or match.group(1).casefold() not in _WEEKDAYS:
        return True
    return _WEEKDAYS[match.group(1).casefold()] == value.weekday()
