"""
natocorpus: a typed, verifiable corpus of French news articles about NATO.

>>> import natocorpus
>>> corpus = natocorpus.load()
>>> len(corpus)
5
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from natocorpus import export, plot, tables
from natocorpus.corpus import Corpus, QuoteCollection
from natocorpus.evaluate import EvaluationReport, Score, evaluate, read_gold
from natocorpus.exceptions import (
    ArticleDecodeError,
    ArticleReadError,
    DuplicateArticleError,
    EmptyCorpusError,
    GoldFormatError,
    InvalidOptionError,
    MissingDependencyError,
    NatoCorpusError,
    TableFormatError,
    UnknownArticleError,
    UnknownCountryError,
    UnknownSpeakerError,
)
from natocorpus.extract import extract_article
from natocorpus.io import SkippedFile
from natocorpus.loading import iter_articles
from natocorpus.records import (
    Article,
    CityMention,
    CountryMention,
    Line,
    PersonMention,
    Quote,
    QuotedTerm,
    Speaker,
)

try:
    __version__ = version("natocorpus")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "ArticleDecodeError",
    "ArticleReadError",
    "CityMention",
    "Corpus",
    "CountryMention",
    "DuplicateArticleError",
    "EmptyCorpusError",
    "EvaluationReport",
    "GoldFormatError",
    "InvalidOptionError",
    "Line",
    "MissingDependencyError",
    "NatoCorpusError",
    "PersonMention",
    "Quote",
    "QuoteCollection",
    "QuotedTerm",
    "Score",
    "SkippedFile",
    "Speaker",
    "TableFormatError",
    "UnknownArticleError",
    "UnknownCountryError",
    "UnknownSpeakerError",
    "evaluate",
    "export",
    "extract_article",
    "iter_articles",
    "load",
    "plot",
    "read_gold",
    "tables",
]

_BUNDLED: Corpus | None = None


def load() -> Corpus:
    """
    Return the bundled corpus: the five seed articles, extracted.

    The corpus is extracted once per process and then shared (records are frozen).

    Returns:
        The bundled corpus.

    >>> natocorpus.load().ids[0]
    '000_8296e76efe0b7b45'

    .. versionadded:: 0.1.0
    """
    global _BUNDLED  # noqa: PLW0603 - a process-wide cache of an immutable corpus
    if _BUNDLED is None:
        from natocorpus.io import bundled_seed_paths

        _BUNDLED = Corpus.from_files(bundled_seed_paths())
    return _BUNDLED


for _name in __all__:
    _object = globals()[_name]
    if isinstance(_object, type) or callable(_object):
        try:
            _object.__module__ = "natocorpus"
        except (AttributeError, TypeError):
            pass
