"""
matplotlib figures of a corpus. Each function draws on ``ax`` (a new figure when None)
and returns the :class:`matplotlib.axes.Axes`, so figures compose and can be styled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from natocorpus.tables import mentions_by_country, quotes_by_speaker, speaker_country_table

if TYPE_CHECKING:
    from collections.abc import Iterable

    from matplotlib.axes import Axes

    from natocorpus.corpus import Corpus
    from natocorpus.records import Article

__all__ = ["country_mentions", "quotes_per_article", "speaker_country_heatmap", "speaker_quotes"]


def _as_corpus(corpus: Corpus | Iterable[Article]) -> Corpus:
    """A corpus as it is, or one made of the given articles (``[article]`` works too)."""
    from natocorpus.corpus import Corpus

    return corpus if isinstance(corpus, Corpus) else Corpus(list(corpus))


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new_ax = plt.subplots(figsize=size, layout="constrained")
    return new_ax


def _ranked_bars(ax: Axes | None, labels: list[str], values: list[int], color: str, unit: str, title: str) -> Axes:
    """Horizontal bars, the first (largest) value on top, with whole-number ticks."""
    ax = _axes(ax, (6, 4))
    ax.barh(labels[::-1], values[::-1], color=color)
    ax.set_xlabel(unit)
    ax.set_title(title)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


def speaker_quotes(corpus: Corpus | Iterable[Article], *, top: int = 15, ax: Axes | None = None) -> Axes:
    """
    Horizontal bars: the number of quotes per speaker, most quoted on top.

    Args:
        corpus: The corpus to count, or any articles (``[article]``).
        top: Show at most this many speakers.
        ax: Axes to draw on; a new figure when None.

    Returns:
        The Axes drawn on.

    >>> natocorpus.plot.speaker_quotes(natocorpus.load()).get_xlabel()
    'quotes'

    .. versionadded:: 0.1.0
    """
    table = quotes_by_speaker(_as_corpus(corpus).quotes).head(top)
    title = "Quotes per speaker" if len(table) else "Quotes per speaker (no attributed quote)"
    return _ranked_bars(ax, list(table["speaker"]), list(table["quotes"]), "#1f4e79", "quotes", title)


def country_mentions(corpus: Corpus | Iterable[Article], *, top: int = 15, ax: Axes | None = None) -> Axes:
    """
    Horizontal bars: mentions per country (names and demonyms), most mentioned on top.

    Args:
        corpus: The corpus to count, or any articles (``[article]``).
        top: Show at most this many countries.
        ax: Axes to draw on; a new figure when None.

    Returns:
        The Axes drawn on.

    .. versionadded:: 0.1.0
    """
    table = mentions_by_country(_as_corpus(corpus).articles).head(top)
    labels = [f"{name} ({code})" for code, name in zip(table["code"], table["country"], strict=True)]
    return _ranked_bars(ax, labels, list(table["mentions"]), "#7f6000", "mentions", "Mentions per country")


def speaker_country_heatmap(corpus: Corpus | Iterable[Article], *, top: int = 20, ax: Axes | None = None) -> Axes:
    """
    Heatmap: for each speaker (rows) and country (columns), the number of their quotes
    that mention the country.

    Args:
        corpus: The corpus to count, or any articles (``[article]``).
        top: Show at most this many speakers and countries (the most frequent).
        ax: Axes to draw on; a new figure when None.

    Returns:
        The Axes drawn on.

    .. versionadded:: 0.1.0
    """
    ax = _axes(ax, (7, 4))
    corpus = _as_corpus(corpus)
    table = speaker_country_table(corpus.quotes)
    if table.empty:
        ax.set_title("Who talks about which country (no quote mentions a country)")
        return ax
    table = table.iloc[:top, :top]
    values = table.to_numpy()
    image = ax.imshow(values, cmap="Blues", aspect="auto")
    ax.set_xticks(np.arange(table.shape[1]), labels=list(table.columns))
    ax.set_yticks(np.arange(table.shape[0]), labels=list(table.index))
    threshold = values.max() / 2
    for row in range(values.shape[0]):
        for column in range(values.shape[1]):
            if values[row, column]:
                ax.text(column, row, str(values[row, column]), ha="center", va="center",
                        color="white" if values[row, column] > threshold else "black", fontsize=8)
    ax.set_xlabel("country mentioned in the quote")
    ax.set_title("Who talks about which country")
    from matplotlib.ticker import MaxNLocator

    colorbar = ax.figure.colorbar(image, ax=ax, label="quotes")
    colorbar.locator = MaxNLocator(integer=True)
    colorbar.update_ticks()
    return ax


def quotes_per_article(corpus: Corpus | Iterable[Article], *, ax: Axes | None = None) -> Axes:
    """
    Stacked bars: full and partial quotes per article.

    Args:
        corpus: The corpus to count, or any articles (``[article]``).
        ax: Axes to draw on; a new figure when None.

    Returns:
        The Axes drawn on.

    .. versionadded:: 0.1.0
    """
    ax = _axes(ax, (7, 3.5))
    corpus = _as_corpus(corpus)
    ids = [a.id for a in corpus.articles]
    full = [sum(q.kind == "full" for q in a.quotes) for a in corpus.articles]
    partial = [sum(q.kind == "partial" for q in a.quotes) for a in corpus.articles]
    ax.bar(ids, full, label="full", color="#1f4e79")
    ax.bar(ids, partial, bottom=full, label="partial", color="#9dc3e6")
    ax.set_ylabel("quotes")
    ax.set_title("Quotes per article")
    ax.legend()
    ax.tick_params(axis="x", labelrotation=30)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")
        label.set_rotation_mode("anchor")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return ax
