"""
Errors raised by natocorpus.

Every error derives from :class:`NatoCorpusError` and also from the matching built-in
exception, so ``except KeyError`` keeps working for an unknown speaker and ``except
NatoCorpusError`` catches everything the library raises on purpose.
"""

from __future__ import annotations

__all__ = [
    "ArticleDecodeError",
    "ArticleReadError",
    "DuplicateArticleError",
    "EmptyCorpusError",
    "GoldFormatError",
    "InvalidOptionError",
    "MissingDependencyError",
    "NatoCorpusError",
    "TableFormatError",
    "UnknownArticleError",
    "UnknownCountryError",
    "UnknownSpeakerError",
]


class NatoCorpusError(Exception):
    """
    Base class of every error natocorpus raises on purpose.

    .. versionadded:: 0.1.0
    """


class ArticleReadError(NatoCorpusError, OSError):
    """
    A file could not be read as an article (missing, unreadable, binary, empty).

    The message names the file and says what to do.

    .. versionadded:: 0.1.0
    """


class ArticleDecodeError(ArticleReadError, UnicodeError):
    """
    A file is not valid in the requested encoding (UTF-8 by default).

    The message names the file, the line and byte of the first bad byte, and the
    ``encoding=`` / ``errors=`` choices that would read it.

    .. versionadded:: 0.1.0
    """


class DuplicateArticleError(NatoCorpusError, ValueError):
    """
    Two articles share one id (the file stem), which would make lookups ambiguous.

    .. versionadded:: 0.1.0
    """


class EmptyCorpusError(NatoCorpusError, ValueError):
    """
    A path or folder holds no article to read (no ``.txt`` file).

    .. versionadded:: 0.1.0
    """


class UnknownArticleError(NatoCorpusError, KeyError):
    """
    No article in the corpus has the requested id.

    .. versionadded:: 0.1.0
    """

    def __str__(self) -> str:
        # KeyError quotes its argument; a sentence reads better unquoted.
        return str(self.args[0]) if self.args else ""


class UnknownSpeakerError(NatoCorpusError, KeyError):
    """
    A speaker filter names nobody quoted in the corpus; the message lists close matches.

    .. versionadded:: 0.1.0
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class UnknownCountryError(NatoCorpusError, KeyError):
    """
    A country filter is neither an ISO code nor a French or English country name.

    .. versionadded:: 0.1.0
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class GoldFormatError(NatoCorpusError, ValueError):
    """
    A gold annotation file does not follow the documented schema.

    .. versionadded:: 0.1.0
    """


class InvalidOptionError(NatoCorpusError, ValueError):
    """
    An option has a value the function does not accept (``on_error="ignore"``,
    ``workers=-1``, an unknown ``encoding=``); the message lists the valid values.

    .. versionadded:: 0.1.0
    """


class MissingDependencyError(NatoCorpusError, ImportError):
    """
    An optional dependency is not installed; the message names the package, what needs
    it and the ``pip install`` command (e.g. ``natocorpus[parquet]``) that adds it.

    .. versionadded:: 0.1.0
    """


class TableFormatError(NatoCorpusError, ValueError):
    """
    A Parquet or JSON Lines export cannot be read as :mod:`natocorpus.export` wrote it (a
    missing table or column, an offset that does not slice the article's text), or an
    article cannot be written to one (text that is not valid Unicode).

    .. versionadded:: 0.1.0
    """
