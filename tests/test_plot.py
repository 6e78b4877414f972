"""matplotlib figures: each function draws on the given Axes and returns it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

import natocorpus  # noqa: E402
from natocorpus import Corpus, plot  # noqa: E402

PLOTS = [plot.speaker_quotes, plot.country_mentions, plot.speaker_country_heatmap, plot.quotes_per_article]


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def _gold_quotes(gold: list[dict]) -> list[tuple[str, dict]]:
    return [(entry["id"], quote) for entry in gold for quote in entry["quotes"]]


def _labels(ticks: list) -> list[str]:
    return [tick.get_text() for tick in ticks]


class TestAxes:
    @pytest.mark.parametrize("draw", PLOTS, ids=lambda f: f.__name__)
    def test_draws_on_given_axes(self, corpus: Corpus, draw) -> None:
        """Given ax=, the function draws on it and returns that same Axes."""
        _, ax = plt.subplots()
        assert ax is draw(corpus, ax=ax)
        assert ax.get_title()

    @pytest.mark.parametrize("draw", PLOTS, ids=lambda f: f.__name__)
    def test_new_figure_without_axes(self, corpus: Corpus, draw) -> None:
        """Without ax, the function makes a new figure and returns its Axes."""
        before = set(plt.get_fignums())
        ax = draw(corpus)
        assert isinstance(ax, Axes)
        assert 1 == len(set(plt.get_fignums()) - before)

    @pytest.mark.parametrize("draw", PLOTS, ids=lambda f: f.__name__)
    def test_empty_corpus(self, draw) -> None:
        """An empty corpus draws an empty figure rather than failing."""
        _, ax = plt.subplots()
        assert ax is draw(Corpus([]), ax=ax)


class TestSpeakerQuotes:
    def test_one_bar_per_speaker(self, corpus: Corpus, gold: list[dict]) -> None:
        """One bar per speaker, as long as the speaker's gold quote count."""
        _, ax = plt.subplots()
        plot.speaker_quotes(corpus, ax=ax)
        expected = Counter(q["speaker"] for _, q in _gold_quotes(gold))
        labels = _labels(ax.get_yticklabels())
        assert len(expected) == len(ax.patches)
        assert dict(expected) == {label: bar.get_width() for label, bar in zip(labels, ax.patches, strict=True)}

    def test_most_quoted_on_top(self, corpus: Corpus) -> None:
        """The top bar is Jens Stoltenberg (10 quotes), then Mark Rutte (8)."""
        _, ax = plt.subplots()
        plot.speaker_quotes(corpus, ax=ax)
        assert ["Mark Rutte", "Jens Stoltenberg"] == _labels(ax.get_yticklabels())[-2:]
        assert "quotes" == ax.get_xlabel()

    def test_accepts_articles(self, corpus: Corpus) -> None:
        """A list of articles plots like a corpus: article 000 quotes Rutte and Blinken (gold)."""
        _, ax = plt.subplots()
        plot.speaker_quotes([corpus["000_8296e76efe0b7b45"]], ax=ax)
        assert {"Mark Rutte", "Antony Blinken"} == set(_labels(ax.get_yticklabels()))

    def test_top(self, corpus: Corpus) -> None:
        """top= limits the number of bars."""
        _, ax = plt.subplots()
        plot.speaker_quotes(corpus, top=3, ax=ax)
        assert 3 == len(ax.patches)


class TestCountryMentions:
    def test_bars(self, corpus: Corpus, gold: list[dict]) -> None:
        """At most 15 bars by default, each a gold country labelled 'Name (CODE)'."""
        _, ax = plt.subplots()
        plot.country_mentions(corpus, ax=ax)
        gold_codes = {code for entry in gold for code in entry["countries"]}
        labels = _labels(ax.get_yticklabels())
        assert min(15, len(gold_codes)) == len(ax.patches)
        assert set() == {label[-3:-1] for label in labels} - gold_codes
        assert "Corée du Nord (KP)" in labels

    def test_bar_lengths_are_the_counts(self, corpus: Corpus) -> None:
        """Bar lengths are the mention counts, most mentioned on top."""
        _, ax = plt.subplots()
        plot.country_mentions(corpus, top=5, ax=ax)
        counts = natocorpus.tables.mentions_by_country(corpus).head(5)
        assert list(counts["mentions"])[::-1] == [bar.get_width() for bar in ax.patches]
        assert "mentions" == ax.get_xlabel()


class TestSpeakerCountryHeatmap:
    def test_image(self, corpus: Corpus) -> None:
        """One image: six speakers name a country in a quote, 13 countries in all.

        Hand count from the gold quote texts: KP UA CN RU IR US BY AU JP NZ KR IQ SY.
        """
        _, ax = plt.subplots()
        plot.speaker_country_heatmap(corpus, ax=ax)
        assert 1 == len(ax.images)
        rows = _labels(ax.get_yticklabels())
        assert {"Mark Rutte", "Antony Blinken", "OTAN", "Jens Stoltenberg", "Alexander De Croo", "Petteri Orpo"} == set(rows)
        assert (6, 13) == ax.images[0].get_array().shape

    def test_cell_value(self, corpus: Corpus) -> None:
        """The Rutte × KP cell holds 3 (three of his quotes name North Korea)."""
        _, ax = plt.subplots()
        plot.speaker_country_heatmap(corpus, ax=ax)
        rows, columns = _labels(ax.get_yticklabels()), _labels(ax.get_xticklabels())
        values = ax.images[0].get_array()
        assert 3 == values[rows.index("Mark Rutte"), columns.index("KP")]

    def test_integer_colorbar(self, corpus: Corpus) -> None:
        """The colour bar counts quotes: whole-number ticks only."""
        fig, ax = plt.subplots()
        plot.speaker_country_heatmap(corpus, ax=ax)
        colorbar_axes = [a for a in fig.axes if a is not ax][0]
        assert all(float(t).is_integer() for t in colorbar_axes.get_yticks())

    def test_top(self, corpus: Corpus) -> None:
        """top= limits rows and columns."""
        _, ax = plt.subplots()
        plot.speaker_country_heatmap(corpus, top=2, ax=ax)
        assert (2, 2) == ax.images[0].get_array().shape

    def test_no_country_in_quotes(self) -> None:
        """A corpus whose quotes name no country says so in the title."""
        _, ax = plt.subplots()
        plot.speaker_country_heatmap(Corpus([]), ax=ax)
        assert 0 == len(ax.images)
        assert "no quote mentions a country" in ax.get_title()


class TestQuotesPerArticle:
    def test_stacked_bars(self, corpus: Corpus, gold: list[dict]) -> None:
        """Per article a full bar and a partial bar stacked on it, with the gold counts."""
        _, ax = plt.subplots()
        plot.quotes_per_article(corpus, ax=ax)
        full = [sum(q["kind"] == "full" for q in e["quotes"]) for e in gold]
        partial = [sum(q["kind"] == "partial" for q in e["quotes"]) for e in gold]
        n = len(gold)
        assert 2 * n == len(ax.patches)
        assert full == [bar.get_height() for bar in ax.patches[:n]]
        assert partial == [bar.get_height() for bar in ax.patches[n:]]
        assert full == [bar.get_y() for bar in ax.patches[n:]]

    def test_labels_and_legend(self, corpus: Corpus, gold: list[dict]) -> None:
        """The x ticks are the article ids; the legend names full and partial."""
        _, ax = plt.subplots()
        plot.quotes_per_article(corpus, ax=ax)
        assert [e["id"] for e in gold] == _labels(ax.get_xticklabels())
        assert ["full", "partial"] == [t.get_text() for t in ax.get_legend().get_texts()]
