"""
Country and city names: CLDR through Babel, plus the press spellings, demonyms and cities
of the bundled data files.

Everything is read once and cached; nothing is downloaded (Babel ships CLDR).

>>> lookup_country("nord-coréens"), lookup_country("Etats-Unis"), lookup_country("fr")
('KP', 'US', 'FR')
>>> country_name("KP")
'Corée du Nord'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

import attrs
import babel

from natocorpus.exceptions import UnknownCountryError

__all__ = [
    "City",
    "CountryAlias",
    "Demonym",
    "cities",
    "country_adjective",
    "country_aliases",
    "country_name",
    "country_name_forms",
    "demonyms",
    "fold",
    "known_country_labels",
    "lookup_country",
    "sovereign_codes",
]

LANGUAGES: tuple[str, ...] = ("fr", "en")
"""The languages names are given in."""

# ISO 3166-1 alpha-2 codes that CLDR lists as territories but that are not sovereign
# states: groupings (EU, EZ, UN, QO, ZZ), pseudo-locales (XA, XB), dependencies and
# overseas territories, Antarctica, and places whose status is disputed without broad
# recognition as a state (EH). Taiwan, Palestine, Kosovo and the Vatican are kept.
_NOT_SOVEREIGN = frozenset(
    """
    AC AI AQ AS AW AX BL BM BQ BV CC CK CP CQ CW CX DG EA EH EU EZ FK FO GF GG GI GL GP GS
    GU HK HM IC IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR QO RE SH SJ SX TA TC TF
    TK UM UN VG VI WF XA XB YT ZZ
    """.split()
)

_MARKS = re.compile(r"[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")
_FOLD_TABLE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "-": " ",
        "\u2010": " ",
        "\u2011": " ",
    }
)


@attrs.frozen
class CountryAlias:
    """
    A press spelling of a country, or a blocking phrase, from ``country_aliases.csv``.

    >>> CountryAlias(alias="Irak", code="IQ", lang="fr").code
    'IQ'

    Attributes:
        alias: The written form.
        code: ISO 3166-1 alpha-2 code, or None for a phrase that must not be read as a
            country (an ambiguous name such as ``"Maurice"``, or ``"océan Indien"``).
        lang: ``fr``, ``en`` or ``any``.

    .. versionadded:: 0.1.0
    """

    alias: str
    code: str | None
    lang: str


@attrs.frozen
class Demonym:
    """
    One inflected demonym, adjective or compound prefix of a country.

    >>> Demonym(form="nord-coréennes", code="KP", lang="fr").code
    'KP'

    Attributes:
        form: The written form (``"ukrainiennes"``, ``"Russians"``, ``"russo"``).
        code: ISO 3166-1 alpha-2 code.
        lang: ``fr`` or ``en`` for a demonym; ``fr-prefix`` or ``en-prefix`` for the first
            element of a compound adjective (``russo-`` in ``russo-ukrainien``).

    .. versionadded:: 0.1.0
    """

    form: str
    code: str
    lang: str


@attrs.frozen
class City:
    """
    One written form of a city, from ``cities.csv``.

    >>> City(name="Kiev", alias="Kyiv", code="UA").name
    'Kiev'

    Attributes:
        name: The canonical French name (``"Kiev"``).
        alias: The written form (``"Kyiv"``).
        code: ISO 3166-1 alpha-2 code of the city's country.

    .. versionadded:: 0.1.0
    """

    name: str
    alias: str
    code: str


def fold(text: str) -> str:
    """
    Normalise text for matching: case-folded, accents and zero-width characters removed.

    Typographic apostrophes become ``'``, hyphens become spaces and runs of white space
    one space, so that ``"États-Unis"``, ``"Etats Unis"`` and ``"ETATS-UNIS"`` share a key.

    >>> fold("Côte d’Ivoire"), fold("États-Unis")
    ("cote d'ivoire", 'etats unis')

    Args:
        text: Any string.

    Returns:
        The folded key (may be empty).

    .. versionadded:: 0.1.0
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return _SPACES.sub(" ", _MARKS.sub("", decomposed).translate(_FOLD_TABLE))


def _read_csv(name: str) -> list[dict[str, str]]:
    """Read a bundled CSV file, skipping blank lines and ``#`` comment lines."""
    from natocorpus.resources import data_csv

    return data_csv(name)


def _check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        from natocorpus.exceptions import InvalidOptionError

        msg = f"lang must be one of {', '.join(map(repr, LANGUAGES))}, got {lang!r}"
        raise InvalidOptionError(msg)
    return lang


@functools.lru_cache(maxsize=None)
def _cldr_names(lang: str) -> dict[str, str]:
    """CLDR territory names of the sovereign countries, by code."""
    territories = babel.Locale.parse(lang).territories
    return {code: str(territories[code]) for code in sorted(sovereign_codes())}


@functools.lru_cache(maxsize=None)
def sovereign_codes() -> frozenset[str]:
    """
    The ISO 3166-1 alpha-2 codes of the sovereign countries known to natocorpus.

    The UN member states, plus the Vatican (``VA``), Palestine (``PS``), Taiwan (``TW``)
    and Kosovo (``XK``); regions, groupings and dependent territories are left out.

    >>> {"FR", "TW", "XK"} <= sovereign_codes(), "EU" in sovereign_codes()
    (True, False)

    Returns:
        The codes.

    .. versionadded:: 0.1.0
    """
    codes = [
        set(babel.Locale.parse(lang).territories) for lang in LANGUAGES
    ]
    return frozenset(
        code
        for code in set.intersection(*codes)
        if len(code) == 2 and code.isalpha() and code not in _NOT_SOVEREIGN
    )


def country_name(code: str, lang: str = "fr") -> str:
    """
    The CLDR name of a sovereign country.

    >>> country_name("us"), country_name("US", lang="en")
    ('États-Unis', 'United States')

    Args:
        code: ISO 3166-1 alpha-2 code, in any case.
        lang: ``fr`` or ``en``.

    Returns:
        The country's name in that language.

    Raises:
        UnknownCountryError: ``code`` is not the code of a sovereign country.
        ValueError: ``lang`` is neither ``fr`` nor ``en``.

    .. versionadded:: 0.1.0
    """
    names = _cldr_names(_check_lang(lang))
    key = code.strip().upper() if isinstance(code, str) else code
    if key not in names:
        close = difflib.get_close_matches(str(key), sorted(names), n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        msg = f"code must be the ISO 3166-1 alpha-2 code of a sovereign country, got {code!r}."
        raise UnknownCountryError(msg + hint)
    return names[key]


@functools.lru_cache(maxsize=None)
def country_name_forms(lang: str) -> tuple[tuple[str, str], ...]:
    """
    Every CLDR name of the sovereign countries in one language, with simple variants.

    ``"Myanmar (Birmanie)"`` gives ``"Myanmar"`` and ``"Birmanie"`` too, ``"Bosnia &
    Herzegovina"`` gives ``"Bosnia and Herzegovina"``, ``"St. Lucia"`` ``"Saint Lucia"``.

    Args:
        lang: ``fr`` or ``en``.

    Returns:
        ``(name, code)`` pairs, ordered by code.

    .. versionadded:: 0.1.0
    """
    forms: list[tuple[str, str]] = []
    for code, name in sorted(_cldr_names(_check_lang(lang)).items()):
        variants = [name]
        if "(" in name and name.endswith(")"):
            head, _, inner = name[:-1].partition("(")
            variants += [head.strip(), inner.strip()]
        for variant in list(variants):
            if "&" in variant:
                variants.append(variant.replace("&", "and"))
            if variant.startswith("St. "):
                variants.append("Saint " + variant[4:])
            if " - " in variant:
                variants.append(variant.replace(" - ", "-"))
        forms.extend((variant, code) for variant in dict.fromkeys(variants))
    return tuple(forms)


@functools.lru_cache(maxsize=None)
def country_aliases() -> tuple[CountryAlias, ...]:
    """
    The press spellings and blocking phrases of ``data/country_aliases.csv``.

    Returns:
        The rows, in file order.

    .. versionadded:: 0.1.0
    """
    return tuple(
        CountryAlias(
            alias=row["alias"],
            code=None if row["code"] == "-" else row["code"],
            lang=row["lang"],
        )
        for row in _read_csv("country_aliases.csv")
    )


def _inflect_fr(form: str) -> list[str]:
    """The masculine/feminine, singular/plural forms of a French base form."""
    if form.endswith("e"):
        return [form, form + "s"]
    if form.endswith("c"):
        # grec, turc: the feminine is irregular and has its own row.
        return [form, form + "s"]
    feminine = form + "ne" if form.endswith("en") else form + "e"
    plural = form if form.endswith(("s", "x")) else form + "s"
    return [form, feminine, plural, feminine + "s"]


def _inflect_en(form: str, bases: frozenset[str]) -> list[str]:
    """The singular and plural of an English base form."""
    if form.endswith(("s", "sh", "ch", "ese")):
        return [form]
    if form.endswith("man") and form[:-3] in bases:
        # Frenchman -> Frenchmen (but German -> Germans).
        return [form, form[:-3] + "men"]
    if form.endswith("woman"):
        return [form, form[:-5] + "women"]
    return [form, form + "s"]


@functools.lru_cache(maxsize=None)
def demonyms() -> tuple[Demonym, ...]:
    """
    Every inflected demonym and compound prefix of ``data/demonyms.csv``.

    >>> sorted(d.form for d in demonyms() if d.code == "UA" and d.lang == "fr")
    ['ukrainien', 'ukrainienne', 'ukrainiennes', 'ukrainiens']

    Returns:
        One :class:`Demonym` per written form, without duplicates.

    .. versionadded:: 0.1.0
    """
    rows = _read_csv("demonyms.csv")
    english = frozenset(row["form"] for row in rows if row["lang"] == "en")
    result: dict[tuple[str, str, str], Demonym] = {}
    for row in rows:
        base, code, lang = row["form"], row["code"], row["lang"]
        if lang == "fr":
            forms = _inflect_fr(base)
        elif lang == "en":
            forms = _inflect_en(base, english)
        else:
            forms = [base]
        for form in forms:
            result.setdefault((form, code, lang), Demonym(form=form, code=code, lang=lang))
    return tuple(result.values())


@functools.lru_cache(maxsize=None)
def country_adjective(code: str) -> str | None:
    """
    The French masculine singular adjective of a country, as ``data/demonyms.csv`` gives it
    first.

    >>> country_adjective("RU"), country_adjective("TN")
    ('russe', 'tunisien')

    Args:
        code: ISO 3166-1 alpha-2 code.

    Returns:
        The adjective, or None when the data has none.

    .. versionadded:: 0.1.0
    """
    return next((row["form"] for row in _read_csv("demonyms.csv") if row["code"] == code and row["lang"] == "fr"),
                None)


@functools.lru_cache(maxsize=None)
def cities() -> tuple[City, ...]:
    """
    The written forms of the cities of ``data/cities.csv``.

    Returns:
        The rows, in file order.

    .. versionadded:: 0.1.0
    """
    return tuple(
        City(name=row["name"], alias=row["alias"], code=row["code"])
        for row in _read_csv("cities.csv")
    )


@functools.lru_cache(maxsize=None)
def _lookup_table() -> dict[str, str | None]:
    """Folded label -> code; None where a label names two countries."""
    table: dict[str, str | None] = {}

    def add(label: str, code: str) -> None:
        key = fold(label).strip().rstrip(".")
        if not key:
            return
        if key in table and table[key] != code:
            table[key] = None
        else:
            table[key] = code

    for lang in LANGUAGES:
        for name, code in country_name_forms(lang):
            add(name, code)
    for alias in country_aliases():
        if alias.code is not None:
            add(alias.alias, alias.code)
    for demonym in demonyms():
        add(demonym.form, demonym.code)
    return table


def lookup_country(value: str) -> str | None:
    """
    The ISO code of a country given by code, name, press spelling or demonym.

    Case, accents, apostrophes and hyphens do not matter. Unlike text matching, lookup
    resolves names that are too ambiguous to be matched in running text (``"Maurice"``).

    >>> lookup_country("ru"), lookup_country("Biélorussie"), lookup_country("Belarus")
    ('RU', 'BY', 'BY')
    >>> lookup_country("ukrainiennes"), lookup_country("Europe") is None
    ('UA', True)

    Args:
        value: An ISO 3166-1 alpha-2 code, or a French or English name, alias or demonym.

    Returns:
        The alpha-2 code, or None when the value names no sovereign country.

    .. versionadded:: 0.1.0
    """
    if not isinstance(value, str):
        return None
    stripped = value.strip()
    if len(stripped) == 2 and stripped.upper() in sovereign_codes():
        return stripped.upper()
    return _lookup_table().get(fold(stripped).strip().rstrip("."))


@functools.lru_cache(maxsize=None)
def _known_labels() -> tuple[str, ...]:
    labels: set[str] = set(sovereign_codes())
    for lang in LANGUAGES:
        labels.update(name for name, _ in country_name_forms(lang))
    labels.update(alias.alias for alias in country_aliases() if alias.code is not None)
    labels.update(d.form for d in demonyms() if not d.lang.endswith("-prefix"))
    return tuple(sorted(label for label in labels if lookup_country(label) is not None))


def known_country_labels() -> list[str]:
    """
    Every code, name, press spelling and demonym that :func:`lookup_country` resolves.

    Meant for "did you mean" suggestions (``difflib.get_close_matches``).

    >>> {"FR", "France", "français", "Etats Unis"} <= set(known_country_labels())
    True

    Returns:
        The labels as written in the data, sorted (a new list on each call).

    .. versionadded:: 0.1.0
    """
    return list(_known_labels())
