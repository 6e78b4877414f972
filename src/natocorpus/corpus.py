"""
The :class:`Corpus` of articles and the :class:`QuoteCollection` of their quotes.

A corpus is built once from extracted articles and indexed on first use (speaker →
articles and quotes, country → articles and quotes), so that filters never rescan text.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

import attrs

from natocorpus.exceptions import (
    ArticleReadError,
    InvalidOptionError,
    DuplicateArticleError,
    UnknownArticleError,
    UnknownCountryError,
    UnknownSpeakerError,
)
from natocorpus.records import Article, Quote, Speaker
from natocorpus.text import fold

if TYPE_CHECKING:
    import pandas as pd

    from natocorpus.io import SkippedFile

__all__ = ["Corpus", "QuoteCollection"]

OnError = Literal["raise", "skip"]
Selector = str | Iterable[str] | None


def _as_set(value: Selector) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    return list(value)


def _speaker_keys(name: str) -> set[str]:
    """The keys a speaker can be named by: full name and surname, folded."""
    folded = fold(name)
    parts = folded.split()
    keys = {folded}
    if len(parts) > 1:
        keys.add(parts[-1])
        keys.add(" ".join(parts[1:]))  # "de croo", "von der leyen"
    return keys


def resolve_speakers(values: Selector, known: Collection[str]) -> set[str] | None:
    """
    Map speaker filter values (surname or full name, any case, accents optional) to the
    canonical names of ``known``.

    Raises:
        UnknownSpeakerError: If a value matches nobody; the message lists close matches.
    """
    wanted = _as_set(values)
    if wanted is None:
        return None
    index: dict[str, set[str]] = {}
    for name in known:
        for key in _speaker_keys(name):
            index.setdefault(key, set()).add(name)
    chosen: set[str] = set()
    for value in wanted:
        key = fold(str(value)).removeprefix("m. ").removeprefix("mme ").strip()
        if key in index:
            chosen |= index[key]
            continue
        suggestions = difflib.get_close_matches(str(value), sorted(known), n=5, cutoff=0.5)
        if not suggestions:
            # Close folded keys ("croo") are mapped back to the canonical names they index.
            close_keys = difflib.get_close_matches(key, sorted(index), n=5, cutoff=0.5)
            suggestions = sorted({name for close in close_keys for name in index[close]})
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        known_list = ", ".join(sorted(known)[:12])
        msg = f"speaker={value!r} is quoted nowhere in this corpus{hint} (speakers: {known_list}{'...' if len(known) > 12 else ''})"
        raise UnknownSpeakerError(msg)
    return chosen


def resolve_countries(values: Selector) -> set[str] | None:
    """
    Map country filter values (ISO code, French or English name, demonym) to ISO codes.

    Raises:
        UnknownCountryError: If a value names no country; the message lists close matches.
    """
    from natocorpus.gazetteer import known_country_labels, lookup_country

    wanted = _as_set(values)
    if wanted is None:
        return None
    codes: set[str] = set()
    for value in wanted:
        code = lookup_country(str(value))
        if code is None:
            suggestions = difflib.get_close_matches(str(value), known_country_labels(), n=5, cutoff=0.6)
            hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
            msg = (
                f"country={value!r} is not an ISO 3166-1 alpha-2 code nor a French or English "
                f"country name{hint}"
            )
            raise UnknownCountryError(msg)
        codes.add(code)
    return codes


def _check_dates(start: dt.date | str | None, end: dt.date | str | None) -> tuple[dt.date | None, dt.date | None]:
    def parse(value: dt.date | str | None, name: str) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            msg = f"{name}={value!r} is not a date; use a datetime.date or 'YYYY-MM-DD'"
            raise InvalidOptionError(msg) from None

    return parse(start, "start"), parse(end, "end")


def _union(lists: Iterable[Sequence[int]]) -> Sequence[int]:
    """The sorted union of sorted position lists (the list itself when there is one)."""
    lists = [found for found in lists if found]
    if len(lists) == 1:
        return lists[0]
    return sorted({position for found in lists for position in found})


class QuoteCollection(Sequence[Quote]):
    """
    The quotes of a corpus, in corpus order, with filters and a DataFrame view.

    >>> quotes = natocorpus.load().quotes
    >>> len(quotes.filter(speaker="Rutte", country="Corée du Nord"))
    3

    .. versionadded:: 0.1.0
    """

    def __init__(self, quotes: Iterable[Quote], known_speakers: Collection[str] | None = None) -> None:
        self._quotes = tuple(quotes)
        self._known = known_speakers
        self._by_speaker: dict[str, list[int]] | None = None
        self._by_country: dict[str, list[int]] | None = None
        self._by_kind: dict[str, list[int]] = {}

    def _index(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        if self._by_speaker is None or self._by_country is None:
            by_speaker: dict[str, list[int]] = {}
            by_country: dict[str, list[int]] = {}
            by_kind: dict[str, list[int]] = {}
            for position, quote in enumerate(self._quotes):
                if quote.speaker is not None:
                    by_speaker.setdefault(quote.speaker.name, []).append(position)
                for code in quote.countries:
                    by_country.setdefault(code, []).append(position)
                by_kind.setdefault(quote.kind, []).append(position)
            self._by_speaker, self._by_country, self._by_kind = by_speaker, by_country, by_kind
        return self._by_speaker, self._by_country

    @overload
    def __getitem__(self, item: int) -> Quote: ...
    @overload
    def __getitem__(self, item: slice) -> QuoteCollection: ...
    def __getitem__(self, item: int | slice) -> Quote | QuoteCollection:
        if isinstance(item, slice):
            return QuoteCollection(self._quotes[item], self._known)
        return self._quotes[item]

    def __len__(self) -> int:
        return len(self._quotes)

    def __iter__(self) -> Iterator[Quote]:
        return iter(self._quotes)

    def __repr__(self) -> str:
        return f"<QuoteCollection of {len(self)} quotes>"

    @property
    def speakers(self) -> tuple[str, ...]:
        """The canonical names of the speakers, sorted."""
        return tuple(sorted(self._index()[0]))

    def filter(
        self,
        *,
        speaker: Selector = None,
        country: Selector = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> QuoteCollection:
        """
        Return the quotes matching every given criterion.

        Args:
            speaker: A speaker's surname or full name (any case, accents optional), or
                several; a quote matches if said by any of them.
            country: An ISO code, French or English name, or several; a quote matches if
                it mentions any of them inside its text.
            kind: ``"full"`` or ``"partial"``.
            limit: Keep at most this many quotes.

        Returns:
            A new collection.

        Raises:
            UnknownSpeakerError: If a speaker is quoted nowhere in the collection.
            UnknownCountryError: If a country is not recognised.

        .. versionadded:: 0.1.0
        """
        by_speaker, by_country = self._index()
        names = resolve_speakers(speaker, self._known if self._known is not None else by_speaker.keys())
        codes = resolve_countries(country)
        if kind is not None and kind not in ("full", "partial"):
            msg = f"kind={kind!r} is not a quote kind; use 'full' or 'partial'"
            raise InvalidOptionError(msg)
        # Each criterion has its positions indexed, in corpus order. Read the shortest list
        # and test the other criteria on its quotes directly: no set of a long list is
        # built, and the result needs no sort.
        candidates: list[tuple[int, Sequence[int]]] = []
        if names is not None:
            candidates.append((0, _union(by_speaker.get(name, []) for name in names)))
        if codes is not None:
            candidates.append((1, _union(by_country.get(code, []) for code in codes)))
        if kind is not None:
            candidates.append((2, self._by_kind.get(kind, [])))
        quotes_of = self._quotes
        if not candidates:
            quotes = list(quotes_of)
        else:
            source, positions = min(candidates, key=lambda pair: len(pair[1]))
            chosen = [quotes_of[p] for p in positions]
            if names is not None and source != 0:
                chosen = [q for q in chosen if q.speaker is not None and q.speaker.name in names]
            if codes is not None and source != 1:
                chosen = [q for q in chosen if not codes.isdisjoint(q.countries)]
            if kind is not None and source != 2:  # noqa: PLR2004
                chosen = [q for q in chosen if q.kind == kind]
            quotes = chosen
        if limit is not None:
            quotes = quotes[:limit]
        return QuoteCollection(quotes, self._known)

    def to_dataframe(self) -> pd.DataFrame:
        """
        One row per quote (see :func:`natocorpus.tables.quotes_table`).

        .. versionadded:: 0.1.0
        """
        from natocorpus.tables import quotes_table

        return quotes_table(self._quotes)


@attrs.define(slots=False)
class Corpus:
    """
    A collection of extracted articles, indexed by id, speaker and country.

    >>> corpus = natocorpus.load()
    >>> len(corpus), corpus.speakers[:2]
    (5, ('Alexander De Croo', 'Antony Blinken'))
    >>> [a.id for a in corpus.filter(speaker="Rutte", country="KP")]
    ['000_8296e76efe0b7b45', '003_8d320c1e2e7514cc']

    Attributes:
        articles: The articles, in load order.
        skipped: Files that could not be read when loading with ``on_error="skip"``.

    .. versionadded:: 0.1.0
    """

    articles: tuple[Article, ...] = attrs.field(converter=tuple)
    skipped: tuple[SkippedFile, ...] = attrs.field(default=(), converter=tuple, repr=False)
    _by_id: dict[str, int] = attrs.field(init=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        for position, article in enumerate(self.articles):
            if article.id in self._by_id:
                first = self.articles[self._by_id[article.id]]
                msg = (
                    f"two articles share the id {article.id!r} "
                    f"({first.path or 'a text'} and {article.path or 'a text'}); "
                    f"give them distinct file names or ids"
                )
                raise DuplicateArticleError(msg)
            self._by_id[article.id] = position
        self._speaker_index: dict[str, list[int]] | None = None
        self._country_index: dict[str, list[int]] | None = None
        self._quotes: QuoteCollection | None = None
        # Speakers of the corpus this one was filtered from: a chained filter may name
        # them even when the subset quotes none ("no quote" rather than "unknown").
        self._inherited_speakers: frozenset[str] = frozenset()

    # --- construction -------------------------------------------------------------

    @classmethod
    def from_texts(cls, texts: Mapping[str, str]) -> Corpus:
        """
        Build a corpus from strings.

        Args:
            texts: Article id → article text.

        Returns:
            The corpus.

        >>> text = ("L'OTAN se réunit à Bruxelles\\n\\n"
        ...         "Les ministres se sont réunis mardi. « Nous restons unis », a déclaré Mark Rutte.")
        >>> Corpus.from_texts({"a": text}).speakers
        ('Mark Rutte',)

        .. versionadded:: 0.1.0
        """
        from natocorpus.extract import extract_article

        for key, value in texts.items():
            if not isinstance(value, str):
                msg = f"from_texts: the text of {key!r} is a {type(value).__name__}, not a str"
                raise TypeError(msg)
        return cls([extract_article(text, str(key)) for key, text in texts.items()])

    @classmethod
    def from_files(
        cls,
        paths: Iterable[str | os.PathLike[str]],
        *,
        encoding: str | None = None,
        errors: str = "strict",
        on_error: OnError = "raise",
        workers: int = 1,
        progress: bool | None = None,
    ) -> Corpus:
        """
        Read and extract article files and folders.

        Args:
            paths: Files, and folders whose ``.txt`` files are read.
            encoding: The files' encoding; UTF-8 (with or without BOM) when None.
            errors: The codec error handler (``"strict"`` reports bad bytes).
            on_error: ``"raise"`` stops at the first unreadable file; ``"skip"`` goes on
                and records each skipped file, with the reason, in :attr:`skipped`.
            workers: Processes to extract with (1: in this process; 0 or None: all cores).
            progress: Show a progress bar (default: when stderr is a terminal and there
                are more than 50 files).

        Returns:
            The corpus.

        Raises:
            ArticleReadError: If a file cannot be read and ``on_error="raise"``.
            EmptyCorpusError: If no file was found, or none could be read.

        .. versionadded:: 0.1.0
        """
        from natocorpus.loading import load_files

        articles, skipped = load_files(
            paths, encoding=encoding, errors=errors, on_error=on_error, workers=workers, progress=progress
        )
        return cls(articles, skipped)

    @classmethod
    def from_dir(cls, path: str | os.PathLike[str], **options: Any) -> Corpus:
        """
        Read every ``.txt`` file of a folder (see :meth:`from_files` for the options).

        .. versionadded:: 0.1.0
        """
        if not os.path.isdir(path):
            msg = f"{path}: not a folder; use Corpus.from_files for single files"
            raise ArticleReadError(msg)
        return cls.from_files([path], **options)

    @classmethod
    def from_parquet(cls, folder: str | os.PathLike[str]) -> Corpus:
        """
        Read the Parquet tables that :meth:`to_parquet` wrote (see
        :func:`natocorpus.export.read_parquet`).

        .. versionadded:: 0.1.0
        """
        from natocorpus.export import read_parquet

        return read_parquet(folder)

    @classmethod
    def from_jsonl(cls, path: str | os.PathLike[str]) -> Corpus:
        """
        Read the JSON Lines file that :meth:`to_jsonl` wrote (see
        :func:`natocorpus.export.read_jsonl`).

        .. versionadded:: 0.1.0
        """
        from natocorpus.export import read_jsonl

        return read_jsonl(path)

    def to_parquet(self, folder: str | os.PathLike[str], **options: Any) -> dict[str, int]:
        """
        Write the corpus as Parquet tables (see :func:`natocorpus.export.write_parquet`).

        .. versionadded:: 0.1.0
        """
        from natocorpus.export import write_parquet

        return write_parquet(self, folder, **options)

    def to_jsonl(self, path: str | os.PathLike[str]) -> int:
        """
        Write one complete article per line (see :func:`natocorpus.export.write_jsonl`).

        .. versionadded:: 0.1.0
        """
        from natocorpus.export import write_jsonl

        return write_jsonl(self, path)

    # --- sequence and lookup --------------------------------------------------------

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_id

    def __getitem__(self, article_id: str) -> Article:
        return self.get_article(article_id)

    def __repr__(self) -> str:
        return f"<Corpus of {len(self)} articles, {len(self.quotes)} quotes>"

    def get_article(self, article_id: str) -> Article:
        """
        Return the article with this id.

        Raises:
            UnknownArticleError: If no article has the id; the message lists close ids.

        .. versionadded:: 0.1.0
        """
        try:
            return self.articles[self._by_id[article_id]]
        except KeyError:
            close = difflib.get_close_matches(str(article_id), list(self._by_id), n=3, cutoff=0.3)
            hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            msg = f"no article has the id {article_id!r}{hint}"
            raise UnknownArticleError(msg) from None

    @property
    def ids(self) -> tuple[str, ...]:
        """The article ids, in order."""
        return tuple(a.id for a in self.articles)

    @property
    def quotes(self) -> QuoteCollection:
        """Every quote of every article, in order."""
        if self._quotes is None:
            self._quotes = QuoteCollection((q for a in self.articles for q in a.quotes), self._known_speakers())
        return self._quotes

    @property
    def speakers(self) -> tuple[str, ...]:
        """The canonical names of everyone quoted, sorted."""
        return tuple(sorted(self._speakers()))

    @property
    def speaker_records(self) -> tuple[Speaker, ...]:
        """The distinct :class:`Speaker` records, sorted by name."""
        seen: dict[str, Speaker] = {}
        for article in self.articles:
            for speaker in article.speakers:
                seen.setdefault(speaker.name, speaker)
        return tuple(seen[name] for name in sorted(seen))

    @property
    def countries(self) -> tuple[str, ...]:
        """The ISO codes of every country mentioned, sorted."""
        return tuple(sorted(self._countries()))

    def _speakers(self) -> dict[str, list[int]]:
        if self._speaker_index is None:
            index: dict[str, list[int]] = {}
            for position, article in enumerate(self.articles):
                for speaker in article.speakers:
                    index.setdefault(speaker.name, []).append(position)
            self._speaker_index = index
        return self._speaker_index

    def _countries(self) -> dict[str, list[int]]:
        if self._country_index is None:
            index: dict[str, list[int]] = {}
            for position, article in enumerate(self.articles):
                for code in {mention.code for mention in article.countries}:
                    index.setdefault(code, []).append(position)
            self._country_index = index
        return self._country_index

    # --- filters ------------------------------------------------------------------

    def filter(
        self,
        *,
        speaker: Selector = None,
        country: Selector = None,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        language: Selector = None,
        predicate: Callable[[Article], bool] | None = None,
        limit: int | None = None,
    ) -> Corpus:
        """
        Return a new corpus of the articles matching every given criterion.

        Args:
            speaker: Someone quoted in the article (surname or full name, any case,
                accents optional), or several (any of them).
            country: A country mentioned in the article body: ISO code, French or English
                name (``"KP"``, ``"Corée du Nord"``, ``"North Korea"``), or several.
            start: Keep articles dated on or after this day (undated articles are dropped
                when ``start`` or ``end`` is given).
            end: Keep articles dated on or before this day.
            language: ``"fr"``, ``"en"``, or several.
            predicate: Any further test on an article.
            limit: Keep at most this many articles.

        Returns:
            A new corpus (the articles are shared, not copied).

        Raises:
            UnknownSpeakerError: If a speaker is quoted nowhere in the corpus.
            UnknownCountryError: If a country is not recognised.

        .. versionadded:: 0.1.0
        """
        positions: set[int] | None = None
        names = resolve_speakers(speaker, self._known_speakers())
        if names is not None:
            index = self._speakers()
            positions = {p for name in names for p in index.get(name, ())}
        codes = resolve_countries(country)
        if codes is not None:
            index = self._countries()
            matching = {p for code in codes for p in index.get(code, ())}
            positions = matching if positions is None else positions & matching
        chosen = range(len(self.articles)) if positions is None else sorted(positions)
        first, last = _check_dates(start, end)
        languages = _as_set(language)
        articles = []
        for position in chosen:
            article = self.articles[position]
            if (first or last) and article.date is None:
                continue
            if first and article.date and article.date < first:
                continue
            if last and article.date and article.date > last:
                continue
            if languages is not None and article.language not in languages:
                continue
            if predicate is not None and not predicate(article):
                continue
            articles.append(article)
            if limit is not None and len(articles) >= limit:
                break
        subset = Corpus(articles)
        subset._inherited_speakers = self._known_speakers()
        return subset

    def _known_speakers(self) -> frozenset[str]:
        """This corpus's speakers and those of the corpus it was filtered from."""
        return frozenset(self._speakers()) | self._inherited_speakers

    # --- tables -------------------------------------------------------------------

    def get_articles_dataframe(self) -> pd.DataFrame:
        """One row per article (see :func:`natocorpus.tables.articles_table`)."""
        from natocorpus.tables import articles_table

        return articles_table(self.articles)

    def get_quotes_dataframe(self) -> pd.DataFrame:
        """One row per quote (see :func:`natocorpus.tables.quotes_table`)."""
        from natocorpus.tables import quotes_table

        return quotes_table(self.quotes)

    def get_mentions_dataframe(self) -> pd.DataFrame:
        """One row per person, country and city mention (see :func:`natocorpus.tables.mentions_table`)."""
        from natocorpus.tables import mentions_table

        return mentions_table(self.articles)

    def summary(self) -> pd.DataFrame:
        """
        The one-glance overview: one row per article with its counts, and a total row.

        .. versionadded:: 0.1.0
        """
        from natocorpus.tables import summary_table

        return summary_table(self.articles)
