"""DataFrames built from the corpus: one row per article, quote or mention, and the counts."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest
from pandas.api.types import is_datetime64_any_dtype

import natocorpus
from natocorpus import Corpus, tables

ID_000 = "000_8296e76efe0b7b45"
ID_004 = "004_b806dba111cf650b"


def _gold_quotes(gold: list[dict]) -> list[tuple[str, dict]]:
    return [(entry["id"], quote) for entry in gold for quote in entry["quotes"]]


class TestArticlesTable:
    def test_one_row_per_article(self, corpus: Corpus, gold: list[dict]) -> None:
        """One row per article, in corpus order."""
        frame = tables.articles_table(corpus)
        assert [entry["id"] for entry in gold] == list(frame["id"])

    def test_dates(self, corpus: Corpus, gold: list[dict]) -> None:
        """date is datetime64, NaT for the undated articles."""
        frame = tables.articles_table(corpus).set_index("id")
        assert is_datetime64_any_dtype(frame["date"])
        undated = [entry["id"] for entry in gold if entry["date"] is None]
        assert undated == [i for i in frame.index if pd.isna(frame.loc[i, "date"])]
        assert pd.Timestamp("2024-02-07") == frame.loc[ID_004, "date"]

    def test_counts(self, corpus: Corpus, gold: list[dict]) -> None:
        """Quote, speaker and boilerplate counts are int64 and match the gold."""
        frame = tables.articles_table(corpus)
        for column in ("quotes", "speakers", "persons", "paragraphs", "boilerplate"):
            assert "int64" == str(frame[column].dtype)
        assert [len(e["quotes"]) for e in gold] == list(frame["quotes"])
        assert [len({q["speaker"] for q in e["quotes"]}) for e in gold] == list(frame["speakers"])
        assert [len(e["persons"]) for e in gold] == list(frame["persons"])
        assert [len(e["boilerplate"]) for e in gold] == list(frame["boilerplate"])

    def test_metadata_columns(self, corpus: Corpus, gold: list[dict]) -> None:
        """Titles, sorted country codes and a categorical language."""
        frame = tables.articles_table(corpus)
        assert [e["title"] for e in gold] == list(frame["title"])
        assert [";".join(sorted(e["countries"])) for e in gold] == list(frame["countries"])
        assert isinstance(frame["language"].dtype, pd.CategoricalDtype)

    def test_dataframe_is_a_copy(self, corpus: Corpus) -> None:
        """Changing a returned DataFrame does not change the next one."""
        first = corpus.get_articles_dataframe()
        first.loc[0, "title"] = "changed"
        assert "changed" != corpus.get_articles_dataframe().loc[0, "title"]

    def test_empty(self) -> None:
        """No article gives an empty table with the columns and dtypes."""
        frame = tables.articles_table([])
        assert (0, "int64") == (len(frame), str(frame["quotes"].dtype))
        assert is_datetime64_any_dtype(frame["date"])


class TestQuotesTable:
    def test_one_row_per_quote(self, corpus: Corpus, gold: list[dict]) -> None:
        """One row per quote with its article, speaker, kind and text, as in the gold."""
        frame = corpus.get_quotes_dataframe()
        expected = [(i, q["speaker"], q["kind"], q["text"]) for i, q in _gold_quotes(gold)]
        actual = list(zip(frame["article_id"], frame["speaker"], frame["kind"], frame["text"], strict=True))
        assert expected == actual

    def test_dtypes(self, corpus: Corpus) -> None:
        """kind is categorical (full, partial); offsets and word counts are int64."""
        frame = tables.quotes_table(corpus.quotes)
        assert ["full", "partial"] == list(frame["kind"].cat.categories)
        assert ["int64"] * 3 == [str(frame[c].dtype) for c in ("words", "start", "end")]

    def test_offsets_trace_back(self, corpus: Corpus) -> None:
        """Each row's start/end point at its text in the article's raw."""
        frame = tables.quotes_table(corpus.quotes)
        for row in frame.itertuples():
            assert row.text == corpus[row.article_id].raw[row.start : row.end]

    def test_words_and_countries(self, corpus: Corpus) -> None:
        """« encouragerait » is one word naming no country; 004 #6 names IQ, IR, SY, US."""
        frame = tables.quotes_table(corpus.quotes)
        one = frame[frame["text"] == "encouragerait"].iloc[0]
        assert (1, "") == (one["words"], one["countries"])
        last = frame[frame["article_id"] == ID_004].iloc[-1]
        assert "IQ;IR;SY;US" == last["countries"]

    def test_missing_speaker(self) -> None:
        """A quote without speaker has a missing speaker cell."""
        quote = natocorpus.Quote(text="Nous restons unis", start=0, end=17, article_id="a", kind="partial")
        frame = tables.quotes_table([quote])
        assert pd.isna(frame.loc[0, "speaker"])

    def test_empty(self) -> None:
        """No quote gives an empty table with the columns."""
        frame = tables.quotes_table([])
        assert ["article_id", "speaker", "speaker_kind", "kind", "text", "cue", "attribution",
                "countries", "words", "start", "end"] == list(frame.columns)
        assert 0 == len(frame)


class TestMentionsTable:
    def test_types(self, corpus: Corpus) -> None:
        """type is categorical: person, country, city; offsets are int64."""
        frame = corpus.get_mentions_dataframe()
        assert ["person", "country", "city"] == list(frame["type"].cat.categories)
        assert ["int64", "int64"] == [str(frame["start"].dtype), str(frame["end"].dtype)]

    def test_one_row_per_mention(self, corpus: Corpus) -> None:
        """One row per person, country and city mention of the articles."""
        frame = tables.mentions_table(corpus)
        expected = sum(len(a.persons) + len(a.countries) + len(a.cities) for a in corpus)
        assert expected == len(frame)

    def test_countries_match_gold(self, corpus: Corpus, gold: list[dict]) -> None:
        """The country rows of each article carry exactly the gold ISO codes."""
        frame = tables.mentions_table(corpus)
        countries = frame[frame["type"] == "country"]
        for entry in gold:
            assert set(entry["countries"]) == set(countries[countries["article_id"] == entry["id"]]["code"])

    def test_persons_match_gold(self, corpus: Corpus, gold: list[dict]) -> None:
        """The person rows carry the gold canonical names."""
        frame = tables.mentions_table(corpus)
        persons = frame[frame["type"] == "person"]
        for entry in gold:
            assert set(entry["persons"]) == set(persons[persons["article_id"] == entry["id"]]["name"])

    def test_offsets_trace_back(self, corpus: Corpus) -> None:
        """Each mention row points at its words in raw."""
        frame = tables.mentions_table(corpus)
        for row in frame.itertuples():
            assert row.text == corpus[row.article_id].raw[row.start : row.end]


class TestCounts:
    def test_quotes_by_speaker(self, corpus: Corpus, gold: list[dict]) -> None:
        """Quote counts per speaker are the gold counts, most quoted first."""
        frame = tables.quotes_by_speaker(corpus.quotes)
        expected = Counter(q["speaker"] for _, q in _gold_quotes(gold))
        assert dict(expected) == dict(zip(frame["speaker"], frame["quotes"], strict=True))
        assert list(frame["quotes"]) == sorted(frame["quotes"], reverse=True)
        assert "Jens Stoltenberg" == frame.loc[0, "speaker"]
        assert ["int64"] * 3 == [str(frame[c].dtype) for c in ("quotes", "articles", "words")]

    def test_quotes_by_speaker_articles(self, corpus: Corpus, gold: list[dict]) -> None:
        """articles counts the distinct articles quoting each speaker."""
        frame = tables.quotes_by_speaker(corpus.quotes).set_index("speaker")
        expected: dict[str, set[str]] = {}
        for article_id, quote in _gold_quotes(gold):
            expected.setdefault(quote["speaker"], set()).add(article_id)
        assert {k: len(v) for k, v in expected.items()} == frame["articles"].to_dict()

    def test_mentions_by_country(self, corpus: Corpus, gold: list[dict]) -> None:
        """Each gold country appears with the number of gold articles naming it."""
        frame = tables.mentions_by_country(corpus).set_index("code")
        expected = Counter(code for entry in gold for code in entry["countries"])
        assert dict(expected) == frame["articles"].to_dict()
        assert "Corée du Nord" == frame.loc["KP", "country"]
        assert (frame["mentions"] >= frame["articles"]).all()
        assert ["int64", "int64"] == [str(frame["mentions"].dtype), str(frame["articles"].dtype)]

    def test_empty_counts(self) -> None:
        """Counting nothing gives empty tables with the columns."""
        assert ["speaker", "quotes", "articles", "words"] == list(tables.quotes_by_speaker([]).columns)
        assert ["code", "country", "mentions", "articles"] == list(tables.mentions_by_country([]).columns)


class TestSpeakerCountryTable:
    @pytest.mark.parametrize(
        ("speaker", "country", "expected"),
        [
            ("Mark Rutte", "KP", 3),  # 000 #0, 000 #1, 003 #2
            ("Antony Blinken", "KP", 1),  # 000 #3
            ("Jens Stoltenberg", "KP", 2),  # 004 #0, 004 #5
            ("OTAN", "KP", 0),  # the communiqué names Russie, Biélorussie, Chine
            ("Mark Rutte", "CN", 1),  # 000 #2
            ("Mark Rutte", "UA", 3),  # 000 #0, 000 #1, 003 #2
            ("Jens Stoltenberg", "SY", 1),  # 004 #6
        ],
    )
    def test_cells(self, corpus: Corpus, speaker: str, country: str, expected: int) -> None:
        """A cell counts the speaker's quotes naming the country inside the quoted words."""
        table = tables.speaker_country_table(corpus.quotes)
        assert expected == table.loc[speaker, country]

    def test_rows_are_speakers_with_country_quotes(self, corpus: Corpus) -> None:
        """Trump and Rama name no country in their quotes, so they have no row."""
        table = tables.speaker_country_table(corpus.quotes)
        expected = {"Mark Rutte", "Antony Blinken", "OTAN", "Jens Stoltenberg", "Alexander De Croo", "Petteri Orpo"}
        assert expected == set(table.index)

    def test_matches_quote_filter(self, corpus: Corpus) -> None:
        """Every cell equals the number of quotes the quote filter finds."""
        table = tables.speaker_country_table(corpus.quotes)
        for speaker in table.index:
            for country in table.columns:
                assert len(corpus.quotes.filter(speaker=speaker, country=country)) == table.loc[speaker, country]

    def test_dtype_and_order(self, corpus: Corpus) -> None:
        """Counts are int64; the busiest speaker comes first."""
        table = tables.speaker_country_table(corpus.quotes)
        assert {"int64"} == {str(t) for t in table.dtypes}
        assert list(table.sum(axis=1)) == sorted(table.sum(axis=1), reverse=True)

    def test_deterministic_order(self, corpus: Corpus) -> None:
        """Equal totals are in alphabetical order, whatever the order of the quotes."""
        forward = tables.speaker_country_table(corpus.quotes)
        backward = tables.speaker_country_table(list(reversed(corpus.quotes)))
        assert list(forward.columns) == list(backward.columns)
        assert list(forward.index) == list(backward.index)
        totals = forward.sum(axis=0)
        assert list(totals.index) == sorted(totals.index, key=lambda code: (-totals[code], code))

    def test_empty(self) -> None:
        """No quote gives an empty table."""
        assert tables.speaker_country_table([]).empty


class TestSummary:
    def test_rows(self, corpus: Corpus, gold: list[dict]) -> None:
        """One row per article plus TOTAL."""
        frame = corpus.summary()
        assert [e["id"] for e in gold] + ["TOTAL"] == list(frame.index)

    def test_per_article(self, corpus: Corpus, gold: list[dict]) -> None:
        """Per-article counts of quotes, countries and boilerplate lines are the gold's."""
        frame = corpus.summary()
        for entry in gold:
            row = frame.loc[entry["id"]]
            assert (len(entry["quotes"]), len(entry["countries"]), len(entry["boilerplate"])) == (
                row["quotes"], row["countries"], row["boilerplate"],
            )

    def test_total(self, corpus: Corpus, gold: list[dict]) -> None:
        """TOTAL sums quotes and boilerplate and counts distinct speakers and countries."""
        total = corpus.summary().loc["TOTAL"]
        quotes = _gold_quotes(gold)
        expected = (
            len(quotes),
            len({q["speaker"] for _, q in quotes}),
            len({c for e in gold for c in e["countries"]}),
            sum(len(e["boilerplate"]) for e in gold),
        )
        assert expected == (total["quotes"], total["speakers"], total["countries"], total["boilerplate"])
        assert (32, 8, 19, 19) == expected

    def test_dtypes(self, corpus: Corpus) -> None:
        """The counts are int64."""
        frame = corpus.summary()
        assert ["int64"] * 4 == [str(frame[c].dtype) for c in ("quotes", "speakers", "countries", "boilerplate")]
