"""
Countries and cities named in an article: names, press spellings, demonyms and cities.

Each span is tokenised once with one simple word pattern (letters, with inner hyphens);
windows of a few tokens are looked up in dictionaries built once from
:mod:`natocorpus.gazetteer`. Keys are folded (case, accents, apostrophes, hyphen = space),
while each entry keeps a case rule: country and city names need their capital letter
(``"Chine"``, not ``"chine"``), acronyms their capitals (``"US"``, not ``"us"``), French
demonyms match in any case (``"russes"``, ``"Nord-Coréens"``). The longest window wins and
mentions never overlap, so the work is linear in the length of the text.

>>> countries, cities = find_places("La Corée du Nord arme la Russie depuis Pyongyang.", [(0, 49)])
>>> [(c.code, c.text, c.form) for c in countries], [(c.name, c.country) for c in cities]
([('KP', 'Corée du Nord', 'name'), ('RU', 'Russie', 'name')], [('Pyongyang', 'KP')])

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable
from itertools import compress

import attrs

from natocorpus import gazetteer
from natocorpus.records import CityMention, CountryMention

__all__ = ["find_places"]

_LETTER = r"[^\W\d_\u02bc]"
# Combining accents (text in NFD), the soft hyphen and zero-width characters may sit inside
# a word; fold() removes them from keys while offsets keep pointing at the raw text.
_INNER = r"[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]"
_PART_PATTERN = rf"{_LETTER}+(?:{_INNER}+{_LETTER}*)*"
_PART = re.compile(_PART_PATTERN)
_TOKEN_PATTERN = rf"{_PART_PATTERN}(?:[-\u2010\u2011]{_PART_PATTERN})*"
_SPLIT = re.compile(f"({_TOKEN_PATTERN})")
_HYPHENS = frozenset("-\u2010\u2011")

_MAX_GAP = 3
"""Longest run of characters between two tokens of one name (``". "``, ``"’"``...)."""

_ARTICLES = frozenset({"La", "Le", "Les", "L", "The", "El"})
"""Leading words that may be written in lower case (``"la Haye"``, ``"the Hague"``)."""

_ARTICLE_KEYS = frozenset(article.casefold() for article in _ARTICLES)
"""
A name that starts with an article ("La Haye", "Le Caire") is looked up from its second
word, and the article is taken in when it is there: so that "la" and "le", among the most
frequent French words, never start a lookup.
"""

_NEUTRAL = frozenset({"pro", "anti", "ex", "post", "pre", "non", "neo"})
"""First elements of a compound that point at no country (``"pro-russe"``)."""

_AT = frozenset({"à", "À", "a\u0300", "A\u0300", "in", "In", "IN"})
"""A city-state after these words is the city (``"à Luxembourg"``), else the country."""

_OF_FR = frozenset({"de", "d", "du"})
_OF_EN = frozenset({"of"})
_REGION_FR = frozenset(
    {"region", "regions", "oblast", "oblasts", "province", "district", "gouvernorat",
     "territoire", "raion", "bande"}
)
_REGION_EN = frozenset(
    {"region", "oblast", "province", "district", "governorate", "territory", "raion", "strip"}
)

_BLOCK, _COUNTRY, _CITY, _DEMONYM = 0, 1, 2, 3
_ANY, _CAP, _UPPER = 0, 1, 2


@attrs.frozen
class _Entry:
    """What one folded key may stand for, with the case its written form needs."""

    kind: int
    code: str
    name: str
    case: int = 0
    cap_at: int = 0
    dot: bool = False
    eponymous: bool = False
    article: str = ""


_CACHE_LIMIT = 200_000


@attrs.frozen
class _Index:
    """The dictionaries of one language, built once."""

    entries: dict[str, tuple[_Entry, ...]]
    starts: dict[str, int]
    heads: frozenset[str]
    prefixes: dict[str, str]
    of_words: frozenset[str]
    region_words: frozenset[str]
    # Per-token facts shared by every scan of the process (the vocabulary of news text
    # is small, so these stay small): token -> (folded, width, hyphenated), the tokens
    # worth a look, folded gaps, the places inside hyphenated tokens. Bounded by
    # _CACHE_LIMIT.
    known: dict[str, tuple[str, int, bool]] = attrs.field(factory=dict)
    interesting: set[str] = attrs.field(factory=set)
    gaps: dict[str, str] = attrs.field(factory=dict)
    compounds: dict[str, tuple[_Piece, ...]] = attrs.field(factory=dict)


def _case_rule(written: str) -> tuple[int, int]:
    """The case rule of a written name: all capitals, a capital at word k, or any case."""
    letters = sum(1 for char in written if char.isalpha())
    if letters >= 2 and written.isupper():
        return _UPPER, 0
    for position, part in enumerate(_PART.findall(written)):
        if part[:1].isupper() and part not in _ARTICLES:
            return _CAP, position
    return _ANY, 0


@functools.lru_cache(maxsize=None)
def _index(lang: str) -> _Index:
    """Build the lookup dictionaries of ``lang`` (``fr`` or ``en``) once."""
    table: dict[str, dict[tuple[int, str, str, str], _Entry]] = {}
    starts: dict[str, int] = {}
    heads: set[str] = set()

    def add(written: str, kind: int, code: str, name: str, rule: tuple[int, int] | None = None,
            *, eponymous: bool = False) -> None:
        key = gazetteer.fold(written).strip()
        dot = key.endswith(".")
        key = key.rstrip(".").strip()
        case, cap_at = rule if rule is not None else _case_rule(written)
        words = list(_PART.finditer(key))
        article = ""
        if len(words) > 1 and words[0].group() in _ARTICLE_KEYS:
            article = words[0].group()
            key = key[words[1].start():]
            words = list(_PART.finditer(key))
            cap_at = max(0, cap_at - 1)
        if not words:
            return
        entry = _Entry(kind=kind, code=code, name=name, case=case, cap_at=cap_at, dot=dot,
                       eponymous=eponymous, article=article)
        table.setdefault(key, {}).setdefault((kind, code, name, article), entry)
        first = words[0].group()
        starts[first] = max(starts.get(first, 0), len(words))
        heads.update(key[:word.end()] for word in words)

    french_name = {code: gazetteer.country_name(code, "fr") for code in gazetteer.sovereign_codes()}
    for written, code in gazetteer.country_name_forms(lang):
        add(written, _COUNTRY, code, french_name[code])
    for alias in gazetteer.country_aliases():
        if alias.lang in (lang, "any"):
            if alias.code is None:
                add(alias.alias, _BLOCK, "", "")
            else:
                add(alias.alias, _COUNTRY, alias.code, french_name[alias.code])
    prefixes: dict[str, str] = {}
    demonym_rule = (_ANY, 0) if lang == "fr" else (_CAP, 0)
    for demonym in gazetteer.demonyms():
        if demonym.lang == lang:
            add(demonym.form, _DEMONYM, demonym.code, french_name[demonym.code], demonym_rule)
        elif demonym.lang == f"{lang}-prefix":
            prefixes[gazetteer.fold(demonym.form)] = demonym.code
    for city in gazetteer.cities():
        eponymous = gazetteer.fold(city.name) == gazetteer.fold(french_name[city.code])
        add(city.alias, _CITY, city.code, city.name, eponymous=eponymous)

    entries = {
        key: tuple(sorted(found.values(), key=lambda entry: (entry.kind, not entry.article)))
        for key, found in table.items()
    }
    english = lang == "en"
    return _Index(
        entries=entries,
        starts=starts,
        heads=frozenset(heads),
        prefixes=prefixes,
        of_words=_OF_EN if english else _OF_FR,
        region_words=_REGION_EN if english else _REGION_FR,
    )


def _case_ok(entry: _Entry, written: str) -> bool:
    """True if ``written`` has the capitals the entry needs."""
    if entry.case == _ANY:
        return True
    if entry.case == _UPPER:
        return written.isupper()
    if entry.cap_at == 0:
        return written[:1].isupper()
    parts = _PART.findall(written)
    return entry.cap_at < len(parts) and parts[entry.cap_at][:1].isupper()


_REGION = _Entry(kind=_BLOCK, code="", name="region")
"""A city name used as the name of a region: consumed, not reported."""

_NEUTRAL_HEAD = _Entry(kind=_BLOCK, code="", name="neutral")
"""A neutral first element of a compound (``pro-``, ``anti-``)."""

_Piece = tuple[int, int, _Entry]
"""One place inside a hyphenated token: offsets relative to the token, and its entry."""


class _Scanner:
    """
    Finds places in the spans of one text.

    A span is split once into tokens and the gaps between them (``pieces``: gap 0,
    token 0, gap 1, token 1...). Only the tokens that may start a name, or that hold a
    hyphen, are looked at further, and their offsets are summed from the pieces' lengths
    on demand, in C, from one candidate to the next.
    """

    def __init__(self, raw: str, index: _Index) -> None:
        self.raw = raw
        self.index = index
        self.countries: list[CountryMention] = []
        self.cities: list[CityMention] = []
        # token text -> (folded, longest window starting here or 0, hyphenated), kept
        # on the index across scans (cleared when it grows past _CACHE_LIMIT).
        if len(index.known) > _CACHE_LIMIT:
            index.known.clear()
            index.interesting.clear()
            index.gaps.clear()
            index.compounds.clear()
        self.known = index.known
        self.interesting = index.interesting
        # A token's places depend on its text and the index only: kept across scans.
        self.compounds = index.compounds
        self.gaps = index.gaps
        # The current span.
        self.pieces: list[str] = []
        self.count = 0
        self.hi = 0
        self.free = 0  # first token not yet used by a mention
        self.cursor = 0  # a piece index...
        self.position = 0  # ...and its offset in raw

    def info(self, text: str) -> tuple[str, int, bool]:
        """The folded form of a token, how wide a name starting there may be, hyphens."""
        found = self.known.get(text)
        if found is None:
            folded = gazetteer.fold(text)
            width = self.index.starts.get(folded.partition(" ")[0], 0)
            hyphenated = not _HYPHENS.isdisjoint(text)
            found = self.known[text] = (folded, width, hyphenated)
            if width or hyphenated:
                self.interesting.add(text)
        return found

    def fold_gap(self, gap: str) -> str:
        """The folded form of the characters between two tokens."""
        found = self.gaps.get(gap)
        if found is None:
            found = self.gaps[gap] = gazetteer.fold(gap)
        return found

    def token(self, k: int) -> str:
        """The text of token ``k`` of the current span."""
        return self.pieces[2 * k + 1]

    def offset(self, piece: int) -> int:
        """Offset in ``raw`` of the start of piece number ``piece``."""
        if piece >= self.cursor:
            self.position += sum(map(len, self.pieces[self.cursor:piece]))
            self.cursor = piece
            return self.position
        return self.position - sum(map(len, self.pieces[piece:self.cursor]))

    def start(self, k: int) -> int:
        """Offset in ``raw`` where token ``k`` starts."""
        return self.offset(2 * k + 1)

    def end(self, k: int) -> int:
        """Offset in ``raw`` just past token ``k``."""
        return self.offset(2 * k + 2)

    def scan(self, lo: int, hi: int) -> None:
        """Find the places of ``raw[lo:hi]``."""
        pieces = _SPLIT.split(self.raw[lo:hi])
        tokens = pieces[1::2]
        for text in set(tokens).difference(self.known):
            self.info(text)
        interesting = self.interesting
        if interesting.isdisjoint(tokens):
            return
        todo = list(compress(range(len(tokens)), map(interesting.__contains__, tokens)))
        self.pieces = pieces
        self.count = len(tokens)
        self.hi = hi
        self.free = self.cursor = 0
        self.position = lo
        for k in todo:
            if k < self.free:
                continue
            folded, width, hyphenated = self.known[tokens[k]]
            if width:
                used = self.window(k, min(width, self.count - k), folded)
                if used:
                    self.free = k + used
                    continue
            if hyphenated:
                self.compound(k)

    def window(self, i: int, width: int, folded: str) -> int:
        """Match the longest window at token ``i``; return the number of tokens used."""
        keys = [folded]
        heads = self.index.heads
        for k in range(i + 1, i + width):
            gap = self.pieces[2 * k]
            if len(gap) > _MAX_GAP:
                break
            key = keys[-1] + self.fold_gap(gap) + self.info(self.token(k))[0]
            if key not in heads:
                # No name goes on like this: stop widening ("Russie la ...").
                break
            keys.append(key)
        for size in range(len(keys), 0, -1):
            entries = self.index.entries.get(keys[size - 1])
            if entries is None:
                continue
            start = self.start(i)
            end = self.end(i + size - 1)
            chosen = self.choose(entries, self.raw[start:end], i, size)
            if chosen is None:
                continue
            if chosen.kind != _BLOCK:
                if chosen.dot and end < self.hi and self.raw[end] == ".":
                    end += 1
                if chosen.article and self.has_article(i, chosen.article):
                    start = self.start(i - 1)
                self.emit(chosen, start, end)
            return size
        return 0

    def has_article(self, i: int, article: str) -> bool:
        """True if token ``i`` follows ``article`` ("La" of "La Haye"), free to take."""
        if i == 0 or i - 1 < self.free:
            return False
        gap = self.pieces[2 * i]
        return (
            self.info(self.token(i - 1))[0] == article
            and 0 < len(gap) <= _MAX_GAP
            and (gap.isspace() or self.fold_gap(gap) == "'")
        )

    def choose(self, entries: tuple[_Entry, ...], written: str, i: int, size: int) -> _Entry | None:
        """Pick the entry a window stands for in its context (None: no match)."""
        valid = [entry for entry in entries if _case_ok(entry, written)]
        if not valid:
            return None
        first = valid[0]
        if first.kind in (_BLOCK, _DEMONYM):
            return first
        city = next((entry for entry in valid if entry.kind == _CITY), None)
        if first.kind == _COUNTRY:
            if city is not None and city.eponymous and self.after_at(i):
                return city
            return first
        if city is not None and self.in_region(i, size):
            # "la région russe de Koursk": a region, neither city nor country.
            return _REGION
        if first.kind == _CITY and self.first_name_before_surname(i, size):
            return None  # "Milan Radović", "Sofia Petrova": a given name, not the city
        return first

    def first_name_before_surname(self, i: int, size: int) -> bool:
        """
        True when a one-word city is followed by a capitalised word that names no place,
        with no "à"/"in" before it: a given name ("Milan Radović").
        """
        after = i + size
        if size != 1 or after >= self.count or self.after_at(i) or not self.pieces[2 * after].isspace():
            return False
        following = self.token(after)
        return following[:1].isupper() and not self.info(following)[1]

    def after_at(self, i: int) -> bool:
        """True if token ``i`` follows "à" or "in"."""
        return i > 0 and self.token(i - 1) in _AT and self.pieces[2 * i].isspace()

    def in_region(self, i: int, size: int) -> bool:
        """True if the window names a region ("région de Koursk", "Kursk region")."""
        index = self.index
        after = i + size
        if after < self.count and self.info(self.token(after))[0] in index.region_words:
            return True
        if i == 0 or self.info(self.token(i - 1))[0] not in index.of_words:
            return False
        return any(
            self.info(self.token(k))[0] in index.region_words for k in range(max(0, i - 4), i - 1)
        )

    def emit(self, entry: _Entry, start: int, end: int) -> None:
        """Record the mention of ``raw[start:end]`` that ``entry`` stands for."""
        # A big corpus writes "russe" a million times: keep one copy of each spelling.
        text = sys.intern(self.raw[start:end])
        if entry.kind == _CITY:
            self.cities.append(
                CityMention(name=entry.name, country=entry.code, text=text, start=start, end=end)
            )
        else:
            form = "demonym" if entry.kind == _DEMONYM else "name"
            self.countries.append(
                CountryMention(code=entry.code, name=entry.name, text=text, start=start,
                               end=end, form=form)
            )

    def compound(self, k: int) -> None:
        """Places inside a hyphenated token: ``russo-ukrainien``, ``OTAN-Ukraine``."""
        text = self.token(k)
        pieces = self.compounds.get(text)
        if pieces is None:
            pieces = self.compounds[text] = self.split_compound(text)
        base = self.start(k)
        for rel_start, rel_end, entry in pieces:
            self.emit(entry, base + rel_start, base + rel_end)

    def split_compound(self, text: str) -> tuple[_Piece, ...]:
        """The places of a hyphenated token, with offsets relative to the token."""
        parts = [(m.start(), m.end()) for m in _PART.finditer(text)]
        folded = [gazetteer.fold(text[start:end]) for start, end in parts]
        entries = self.index.entries
        # A compound adjective: prefixes, names or demonyms, then a demonym.
        for j in range(1, len(parts)):
            tail = text[parts[j][0]:]
            last = next(
                (entry for entry in entries.get(" ".join(folded[j:]), ())
                 if entry.kind == _DEMONYM and _case_ok(entry, tail)),
                None,
            )
            if last is None:
                continue
            pieces: list[_Piece] = []
            for (start, end), key in zip(parts[:j], folded[:j], strict=True):
                head = self.compound_head(text[start:end], key)
                if head is None:
                    return ()
                if head is not _NEUTRAL_HEAD:
                    pieces.append((start, end, head))
            pieces.append((parts[j][0], len(text), last))
            return tuple(pieces)
        # Otherwise names and cities joined by hyphens: "OTAN-Ukraine", "Kiev-Moscou".
        found: list[_Piece] = []
        p = 0
        while p < len(parts):
            for q in range(len(parts), p, -1):
                written = text[parts[p][0]:parts[q - 1][1]]
                entry = next(
                    (entry for entry in entries.get(" ".join(folded[p:q]), ())
                     if entry.kind != _DEMONYM and _case_ok(entry, written)),
                    None,
                )
                if entry is not None:
                    if entry.kind != _BLOCK:
                        found.append((parts[p][0], parts[q - 1][1], entry))
                    p = q
                    break
            else:
                p += 1
        return tuple(found)

    def compound_head(self, part: str, key: str) -> _Entry | None:
        """
        What a first element of a compound adjective stands for.

        A prefix (``russo``), a demonym or a name gives its entry, a neutral word
        (``pro``, ``anti``) the marker ``_NEUTRAL_HEAD``; anything else None, and the
        token is then no compound adjective (``latino-américain``, ``euro-atlantique``).
        """
        code = self.index.prefixes.get(key)
        if code is not None:
            return _Entry(kind=_DEMONYM, code=code, name=gazetteer.country_name(code))
        for entry in self.index.entries.get(key, ()):
            if entry.kind in (_DEMONYM, _COUNTRY) and _case_ok(entry, part):
                return entry
        if key in _NEUTRAL:
            return _NEUTRAL_HEAD
        return None


def _clean_spans(spans: Iterable[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Clip the spans to the text, sort them and merge overlaps."""
    clipped = sorted(
        (max(0, int(start)), min(size, int(end))) for start, end in spans if int(end) > int(start)
    )
    merged: list[tuple[int, int]] = []
    for start, end in clipped:
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def find_places(
    raw: str, spans: Iterable[tuple[int, int]], language: str = "fr"
) -> tuple[list[CountryMention], list[CityMention]]:
    """
    Find the countries and cities named in the given spans of a text.

    Countries are found by name (``"la Russie"`` → ``"Russie"``, ``"aux États-Unis"``,
    ``"Etats-Unis"``), press spelling (``"Irak"``, ``"USA"``) and demonym or adjective in
    every inflection (``"russes"``, ``"Nord-Coréens"``, ``"le Finlandais"``), including
    compounds (``"russo-ukrainien"`` gives Russia and Ukraine). Cities are their own
    mentions and never count as countries (``"Bruxelles"`` → Belgium as the city's country
    only); a city in capitals is a dateline and is skipped; a city after ``région de``/
    ``oblast de`` is a region and is skipped, and a
    city-state (Luxembourg, Singapour, Djibouti...) is the country unless it follows
    ``à``/``in``. Ambiguous names (``"Maurice"``, ``"Guinée"``, ``"Georgia"``) are left out.

    >>> text = "Kyiv et Varsovie saluent l'aide germano-polonaise aux Ukrainiens."
    >>> countries, cities = find_places(text, [(0, len(text))])
    >>> [(c.code, c.text) for c in countries]
    [('DE', 'germano'), ('PL', 'polonaise'), ('UA', 'Ukrainiens')]
    >>> [(c.name, c.text, c.country) for c in cities]
    [('Kiev', 'Kyiv', 'UA'), ('Varsovie', 'Varsovie', 'PL')]

    Args:
        raw: The article text; offsets of the mentions point into it.
        spans: ``(start, end)`` offsets of the parts of ``raw`` to read (the body lines;
            the caller leaves boilerplate out). Spans are clipped to the text and merged.
        language: ``"en"`` (or any ``en-*`` tag) reads English names and demonyms; anything
            else reads French.

    Returns:
        The country mentions and the city mentions, each in text order, never
        overlapping, with ``raw[m.start:m.end] == m.text``.

    .. versionadded:: 0.1.0
    """
    lang = "en" if str(language).lower().startswith("en") else "fr"
    scanner = _Scanner(raw, _index(lang))
    for start, end in _clean_spans(spans, len(raw)):
        scanner.scan(start, end)
    # A city in capitals opening a paragraph is a dateline ("BRUXELLES (AFP) -"): it says
    # where the reporter filed from, not what the article is about.
    cities = [c for c in scanner.cities if not (c.text.isupper() and len(c.text) > 3)]
    return scanner.countries, cities
