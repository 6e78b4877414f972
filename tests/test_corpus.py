"""The Corpus and its QuoteCollection: loading, lookup, aggregates and filters."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

import natocorpus
from natocorpus import Article, CountryMention, Corpus, Quote, QuoteCollection, Speaker

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

ID_000 = "000_8296e76efe0b7b45"
ID_001 = "001_6aca83c3e0e6f3f1"
ID_002 = "002_01ea0a7c12962790"
ID_003 = "003_8d320c1e2e7514cc"
ID_004 = "004_b806dba111cf650b"

ARTICLE = (
    "L'OTAN se réunit à Bruxelles\n\n"
    "Les ministres se sont réunis mardi. « Nous restons unis face à la Russie », a déclaré Mark Rutte.\n"
)


def _ids(corpus: Corpus) -> list[str]:
    return [article.id for article in corpus]


def _gold_quotes(gold: list[dict]) -> list[tuple[str, dict]]:
    return [(entry["id"], quote) for entry in gold for quote in entry["quotes"]]


def _hand_corpus() -> Corpus:
    """Three hand-made articles (no extraction involved) with accented speaker names."""

    def quote(article_id: str, text: str, speaker: str, countries: tuple[str, ...] = ()) -> Quote:
        return Quote(
            text=text, start=0, end=len(text), article_id=article_id, kind="full",
            speaker=Speaker(name=speaker), countries=countries,
        )

    def ukraine(text: str) -> list[CountryMention]:
        start = text.index("Ukraine")
        return [CountryMention(code="UA", name="Ukraine", text="Ukraine", start=start, end=start + 7)]

    return Corpus(
        [
            Article(id="fr1", raw="Nous soutenons l'Ukraine", language="fr", date=dt.date(2023, 5, 1),
                    quotes=[quote("fr1", "Nous soutenons l'Ukraine", "Jean-Noël Barrot", ("UA",))],
                    countries=ukraine("Nous soutenons l'Ukraine")),
            Article(id="en1", raw="We stand with Ukraine", language="en", date=dt.date(2024, 6, 1),
                    quotes=[quote("en1", "We stand with Ukraine", "Mark Rutte", ("UA",))],
                    countries=ukraine("We stand with Ukraine")),
            Article(id="fr2", raw="x" * 80, language="fr", date=None,
                    quotes=[quote("fr2", "Sécurité européenne", "Ursula von der Leyen")]),
        ]
    )


class TestLoad:
    def test_five_articles(self, corpus: Corpus, gold: list[dict]) -> None:
        """natocorpus.load() gives the five seeds, in file order."""
        assert 5 == len(corpus)
        assert sorted(entry["id"] for entry in gold) == _ids(corpus)

    def test_articles_attribute(self, corpus: Corpus) -> None:
        """.articles is a tuple of Article records, the same as iteration."""
        assert isinstance(corpus.articles, tuple)
        assert all(isinstance(a, Article) for a in corpus.articles)
        assert list(corpus.articles) == list(corpus)

    def test_load_is_shared(self) -> None:
        """load() extracts once and returns the same corpus."""
        assert natocorpus.load() is natocorpus.load()

    def test_ids(self, corpus: Corpus) -> None:
        """.ids lists the ids in order."""
        assert (ID_000, ID_001, ID_002, ID_003, ID_004) == corpus.ids


class TestFromDir:
    def test_seeds_folder(self, corpus: Corpus) -> None:
        """Corpus.from_dir on seeds/ reads the five .txt files (not annotations.json)."""
        from_dir = Corpus.from_dir(SEEDS)
        assert _ids(corpus) == _ids(from_dir)
        assert [a.raw for a in corpus] == [a.raw for a in from_dir]

    def test_ids_are_file_stems(self, tmp_path: Path) -> None:
        """Each .txt file is one article whose id is the file name without .txt."""
        (tmp_path / "b_second.txt").write_text(ARTICLE, encoding="utf-8")
        (tmp_path / "a_first.txt").write_text(ARTICLE, encoding="utf-8")
        (tmp_path / "notes.md").write_text("pas un article", encoding="utf-8")
        corpus = Corpus.from_dir(tmp_path)
        assert ["a_first", "b_second"] == _ids(corpus)
        assert str(tmp_path / "a_first.txt") == corpus["a_first"].path

    def test_a_file_is_not_a_folder(self) -> None:
        """from_dir on a file says to use from_files."""
        path = SEEDS / f"{ID_000}.txt"
        with pytest.raises(natocorpus.ArticleReadError, match=re.escape(f"{path}: not a folder; use Corpus.from_files")):
            Corpus.from_dir(path)

    def test_missing_folder(self, tmp_path: Path) -> None:
        """A missing folder raises ArticleReadError naming it."""
        with pytest.raises(natocorpus.ArticleReadError, match=re.escape(str(tmp_path / "nowhere"))):
            Corpus.from_dir(tmp_path / "nowhere")

    def test_empty_folder(self, tmp_path: Path) -> None:
        """A folder with no .txt file raises EmptyCorpusError (also a ValueError)."""
        (tmp_path / "notes.md").write_text("pas un article", encoding="utf-8")
        with pytest.raises(natocorpus.EmptyCorpusError, match="holds no .txt file") as info:
            Corpus.from_dir(tmp_path)
        assert isinstance(info.value, ValueError)

    def test_from_files_single_file(self) -> None:
        """Corpus.from_files takes single files too."""
        corpus = Corpus.from_files([SEEDS / f"{ID_004}.txt"])
        assert [ID_004] == _ids(corpus)


class TestFromTexts:
    def test_ids_and_raw(self) -> None:
        """from_texts keeps the given ids, in order, and each text exactly."""
        corpus = Corpus.from_texts({"b": ARTICLE, "a": ARTICLE.replace("\n", "\r\n")})
        assert ["b", "a"] == _ids(corpus)
        assert [ARTICLE, ARTICLE.replace("\n", "\r\n")] == [a.raw for a in corpus]

    def test_extracts_quotes(self) -> None:
        """A text's quote is found with its speaker, cue and provenance."""
        article = Corpus.from_texts({"a": ARTICLE})["a"]
        quote = article.quotes[0]
        assert ("Nous restons unis face à la Russie", "Mark Rutte", "a déclaré", ("RU",)) == (
            quote.text, quote.speaker_name, quote.cue, quote.countries,
        )
        assert quote.text == article.raw[quote.start : quote.end]

    def test_rejects_bytes(self) -> None:
        """A non-string text is refused with a TypeError naming the id."""
        with pytest.raises(TypeError, match=re.escape("from_texts: the text of 'a' is a bytes, not a str")):
            Corpus.from_texts({"a": ARTICLE.encode()})  # type: ignore[dict-item]

    def test_duplicate_ids(self) -> None:
        """Two articles with one id are refused."""
        article = Article(id="same", raw="texte")
        with pytest.raises(natocorpus.DuplicateArticleError, match=re.escape("two articles share the id 'same'")):
            Corpus([article, article])


class TestLookup:
    def test_by_id(self, corpus: Corpus) -> None:
        """corpus[id] returns the article with that id."""
        assert ID_003 == corpus[ID_003].id
        assert corpus[ID_003] is corpus.get_article(ID_003)

    def test_contains(self, corpus: Corpus) -> None:
        """`id in corpus` tells whether an article has the id."""
        assert (True, False) == (ID_003 in corpus, "nope" in corpus)

    def test_unknown_id_lists_close_ids(self, corpus: Corpus) -> None:
        """An unknown id raises UnknownArticleError listing the close ids."""
        with pytest.raises(
            natocorpus.UnknownArticleError,
            match=re.escape("no article has the id '000_8296e76efe0b7b4'; did you mean '000_8296e76efe0b7b45'"),
        ):
            corpus["000_8296e76efe0b7b4"]

    def test_unknown_id_is_a_key_error(self, corpus: Corpus) -> None:
        """UnknownArticleError is a KeyError and a NatoCorpusError."""
        with pytest.raises(KeyError) as info:
            corpus["nope"]
        assert isinstance(info.value, natocorpus.NatoCorpusError)
        assert "no article has the id 'nope'" == str(info.value)


class TestAggregates:
    def test_quotes(self, corpus: Corpus, gold: list[dict]) -> None:
        """corpus.quotes holds every quote of every article, in order."""
        quotes = corpus.quotes
        assert isinstance(quotes, QuoteCollection)
        assert [(i, q["text"]) for i, q in _gold_quotes(gold)] == [(q.article_id, q.text) for q in quotes]

    def test_quotes_sequence(self, corpus: Corpus) -> None:
        """QuoteCollection indexes and slices like a sequence."""
        quotes = corpus.quotes
        assert quotes[0] is corpus[ID_000].quotes[0]
        assert isinstance(quotes[:3], QuoteCollection)
        assert list(quotes)[:3] == list(quotes[:3])

    def test_speakers(self, corpus: Corpus, gold: list[dict]) -> None:
        """corpus.speakers is everyone quoted, by canonical name, sorted."""
        expected = tuple(sorted({q["speaker"] for _, q in _gold_quotes(gold) if q["speaker"]}))
        assert expected == corpus.speakers

    def test_speaker_records(self, corpus: Corpus) -> None:
        """speaker_records are Speaker records; the OTAN is an organisation."""
        kinds = {s.name: s.kind for s in corpus.speaker_records}
        assert ("person", "organisation") == (kinds["Mark Rutte"], kinds["OTAN"])

    def test_countries(self, corpus: Corpus, gold: list[dict]) -> None:
        """corpus.countries is every ISO code mentioned, sorted."""
        expected = tuple(sorted({code for entry in gold for code in entry["countries"]}))
        assert expected == corpus.countries

    def test_quote_collection_speakers(self, corpus: Corpus) -> None:
        """A filtered collection knows its own speakers."""
        assert ("Alexander De Croo", "Edi Rama") == corpus.quotes.filter(speaker=["Rama", "De Croo"]).speakers


class TestCorpusFilter:
    def test_speaker_and_country(self, corpus: Corpus) -> None:
        """Articles where Rutte is quoted AND North Korea is mentioned: 000 and 003."""
        filtered = corpus.filter(speaker="Rutte", country="KP")
        assert isinstance(filtered, Corpus)
        assert [ID_000, ID_003] == _ids(filtered)

    @pytest.mark.parametrize(
        ("speaker", "expected"),
        [
            ("Rutte", [ID_000, ID_003]),
            ("rutte", [ID_000, ID_003]),
            ("MARK RUTTE", [ID_000, ID_003]),
            ("Mark Rütte", [ID_000, ID_003]),
            ("M. Rutte", [ID_000, ID_003]),
            ("Stoltenberg", [ID_001, ID_004]),
            ("De Croo", [ID_003]),
            ("Alexander de croo", [ID_003]),
            ("otan", [ID_001]),
            (["Blinken", "Rama"], [ID_000, ID_003]),
        ],
    )
    def test_speaker_forms(self, corpus: Corpus, speaker: str | list[str], expected: list[str]) -> None:
        """A speaker is named by surname or full name, any case, accents optional; a list means any."""
        assert expected == _ids(corpus.filter(speaker=speaker))

    @pytest.mark.parametrize("country", ["KP", "kp", "Corée du Nord", "corée du nord", "Coree du Nord", "North Korea"])
    def test_country_forms(self, corpus: Corpus, gold: list[dict], country: str) -> None:
        """A country is named by ISO code (any case), French or English name."""
        expected = [entry["id"] for entry in gold if "KP" in entry["countries"]]
        assert expected == _ids(corpus.filter(country=country))

    def test_several_countries(self, corpus: Corpus, gold: list[dict]) -> None:
        """Several countries match articles naming any of them."""
        expected = [e["id"] for e in gold if {"BY", "SE"} & set(e["countries"])]
        assert expected == _ids(corpus.filter(country=["Biélorussie", "Sweden"]))

    def test_start_date(self, corpus: Corpus, gold: list[dict]) -> None:
        """start keeps articles dated on or after it; undated articles are dropped."""
        expected = [e["id"] for e in gold if e["date"] and e["date"] >= "2024-01-01"]
        assert expected == _ids(corpus.filter(start="2024-01-01"))

    def test_end_date(self, corpus: Corpus) -> None:
        """end keeps articles dated on or before it (only 004, 7 February 2024)."""
        assert [ID_004] == _ids(corpus.filter(end=dt.date(2024, 3, 1)))

    def test_date_bounds_inclusive(self, corpus: Corpus) -> None:
        """A one-day range includes the articles of that day."""
        assert [ID_004] == _ids(corpus.filter(start="2024-02-07", end="2024-02-07"))
        assert [] == _ids(corpus.filter(start="2024-02-08", end=dt.date(2024, 2, 9)))

    def test_date_as_date_or_string(self, corpus: Corpus) -> None:
        """A datetime.date and an ISO string select the same articles."""
        assert _ids(corpus.filter(start="2024-06-01")) == _ids(corpus.filter(start=dt.date(2024, 6, 1)))

    def test_undated_excluded_by_hand(self) -> None:
        """An undated article is dropped whenever a date bound is given."""
        assert ["en1"] == _ids(_hand_corpus().filter(start="2024-01-01"))
        assert ["fr1", "en1"] == _ids(_hand_corpus().filter(end="2030-01-01"))

    def test_bad_date(self, corpus: Corpus) -> None:
        """A date that is not ISO is refused with a clear message."""
        with pytest.raises(ValueError, match=re.escape("start='07/02/2024' is not a date; use a datetime.date or 'YYYY-MM-DD'")):
            corpus.filter(start="07/02/2024")

    def test_language(self, corpus: Corpus) -> None:
        """The seeds are all French."""
        assert (5, 0) == (len(corpus.filter(language="fr")), len(corpus.filter(language="en")))

    def test_language_by_hand(self) -> None:
        """language keeps the articles in that language (or any of several)."""
        assert ["en1"] == _ids(_hand_corpus().filter(language="en"))
        assert ["fr1", "en1", "fr2"] == _ids(_hand_corpus().filter(language=["fr", "en"]))

    def test_accents_optional_by_hand(self) -> None:
        """'jean-noel barrot', 'BARROT' and 'von der leyen' find accented or particled names."""
        hand = _hand_corpus()
        assert ["fr1"] == _ids(hand.filter(speaker="jean-noel barrot"))
        assert ["fr1"] == _ids(hand.filter(speaker="BARROT"))
        assert ["fr2"] == _ids(hand.filter(speaker="von der leyen"))

    def test_combined_with_date_and_language(self) -> None:
        """Speaker, country, dates and language are ANDed."""
        hand = _hand_corpus()
        assert ["en1"] == _ids(hand.filter(country="UA", start="2024-01-01", language="en"))
        assert [] == _ids(hand.filter(speaker="Barrot", language="en"))

    def test_limit_and_predicate(self, corpus: Corpus) -> None:
        """limit keeps the first matches; predicate adds any test."""
        assert [ID_000] == _ids(corpus.filter(country="KP", limit=1))
        assert [ID_003] == _ids(corpus.filter(predicate=lambda a: a.byline is not None))

    def test_filters_chain(self, corpus: Corpus) -> None:
        """A filtered corpus can be filtered again, and its quotes are its articles' quotes."""
        filtered = corpus.filter(country="KP").filter(speaker="Stoltenberg")
        assert [ID_001, ID_004] == _ids(filtered)
        assert {ID_001, ID_004} == {q.article_id for q in filtered.quotes}

    def test_no_criterion_keeps_all(self, corpus: Corpus) -> None:
        """filter() with no criterion keeps every article."""
        assert _ids(corpus) == _ids(corpus.filter())

    def test_unknown_speaker_suggests(self, corpus: Corpus) -> None:
        """'Rute' is nobody; the error suggests 'Mark Rutte'."""
        with pytest.raises(
            natocorpus.UnknownSpeakerError,
            match=re.escape("speaker='Rute' is quoted nowhere in this corpus; did you mean 'Mark Rutte'?"),
        ):
            corpus.filter(speaker="Rute")

    def test_unknown_speaker_lists_speakers(self, corpus: Corpus) -> None:
        """With no close match the message lists the known speakers."""
        with pytest.raises(natocorpus.UnknownSpeakerError, match=re.escape("(speakers: Alexander De Croo, Antony Blinken,")):
            corpus.filter(speaker="zzz")

    def test_suggestions_are_known_names(self, corpus: Corpus) -> None:
        """Every suggestion is a canonical speaker name, never a folded fragment."""
        with pytest.raises(natocorpus.UnknownSpeakerError) as info:
            corpus.filter(speaker="Macron")
        suggested = re.findall(r"'([^']+)'", str(info.value).split("did you mean", 1)[-1].split("?")[0])
        assert set() == set(suggested) - set(corpus.speakers)

    def test_unknown_speaker_is_key_error(self, corpus: Corpus) -> None:
        """UnknownSpeakerError is also a KeyError and a NatoCorpusError."""
        with pytest.raises(KeyError) as info:
            corpus.filter(speaker="Macron")
        assert isinstance(info.value, natocorpus.NatoCorpusError)

    def test_unknown_country_suggests(self, corpus: Corpus) -> None:
        """A misspelt country lists close names."""
        with pytest.raises(
            natocorpus.UnknownCountryError,
            match=re.escape(
                "country='Corée du Nrod' is not an ISO 3166-1 alpha-2 code nor a French or English "
                "country name; did you mean 'Corée du Nord'"
            ),
        ):
            corpus.filter(country="Corée du Nrod")

    @pytest.mark.parametrize("country", ["Narnia", "XX", "Bruxelles", "Europe"])
    def test_not_a_country(self, corpus: Corpus, country: str) -> None:
        """Made-up names, unassigned codes, cities and regions are not countries (a KeyError)."""
        with pytest.raises(KeyError, match=re.escape(f"country={country!r} is not an ISO 3166-1 alpha-2 code")):
            corpus.filter(country=country)


# The gold quotes by Rutte that mention North Korea inside their words ("Corée du Nord",
# "Nord-Coréens", "nord-coréens", "nord-coréenne"), read off the gold by hand: 000 #0
# ("Nord-Coréens", "nord-coréens"), 000 #1 ("nord-coréens", "Corée du Nord"), 003 #2
# ("Corée du Nord", "nord-coréenne"). 000 #2 names Chine, Russie, Iran; 003 #3-#6 no country.
RUTTE_KP = [(ID_000, 0), (ID_000, 1), (ID_003, 2)]


class TestQuoteFilter:
    def test_speaker_and_country(self, corpus: Corpus, gold_by_id: dict) -> None:
        """Rutte's quotes that mention North Korea inside the quoted words."""
        expected = [gold_by_id[i]["quotes"][n]["text"] for i, n in RUTTE_KP]
        quotes = corpus.quotes.filter(speaker="Rutte", country="KP")
        assert isinstance(quotes, QuoteCollection)
        assert expected == [q.text for q in quotes]

    @pytest.mark.parametrize("country", ["Corée du Nord", "North Korea", "kp"])
    @pytest.mark.parametrize("speaker", ["rutte", "MARK RUTTE", "Mark Rutte"])
    def test_forms(self, corpus: Corpus, gold_by_id: dict, speaker: str, country: str) -> None:
        """Every way of naming Rutte and North Korea gives the same quotes."""
        expected = [gold_by_id[i]["quotes"][n]["text"] for i, n in RUTTE_KP]
        assert expected == [q.text for q in corpus.quotes.filter(speaker=speaker, country=country)]

    def test_other_speakers_on_north_korea(self, corpus: Corpus, gold_by_id: dict) -> None:
        """Blinken names the Corée du Nord once (000 #3), Stoltenberg twice (004 #0 and #5)."""
        blinken = [gold_by_id[ID_000]["quotes"][3]["text"]]
        stoltenberg = [gold_by_id[ID_004]["quotes"][n]["text"] for n in (0, 5)]
        assert blinken == [q.text for q in corpus.quotes.filter(speaker="Blinken", country="Corée du Nord")]
        assert stoltenberg == [q.text for q in corpus.quotes.filter(speaker="Stoltenberg", country="KP")]

    def test_country_only(self, corpus: Corpus) -> None:
        """Six quotes name North Korea: three by Rutte, one by Blinken, two by Stoltenberg."""
        quotes = corpus.quotes.filter(country="KP")
        assert Counter({"Mark Rutte": 3, "Antony Blinken": 1, "Jens Stoltenberg": 2}) == Counter(
            q.speaker_name for q in quotes
        )

    def test_speaker_only(self, corpus: Corpus, gold: list[dict]) -> None:
        """All of Stoltenberg's quotes, across articles."""
        expected = [q["text"] for _, q in _gold_quotes(gold) if q["speaker"] == "Jens Stoltenberg"]
        assert expected == [q.text for q in corpus.quotes.filter(speaker="stoltenberg")]

    @pytest.mark.parametrize("kind", ["full", "partial"])
    def test_kind(self, corpus: Corpus, gold: list[dict], kind: str) -> None:
        """kind keeps full or partial quotes."""
        expected = [q["text"] for _, q in _gold_quotes(gold) if q["kind"] == kind]
        assert expected == [q.text for q in corpus.quotes.filter(kind=kind)]

    def test_bad_kind(self, corpus: Corpus) -> None:
        """A kind other than full/partial is refused."""
        with pytest.raises(ValueError, match=re.escape("kind='indirect' is not a quote kind; use 'full' or 'partial'")):
            corpus.quotes.filter(kind="indirect")

    def test_limit(self, corpus: Corpus) -> None:
        """limit keeps the first quotes."""
        assert list(corpus.quotes[:2]) == list(corpus.quotes.filter(limit=2))

    def test_unknown_speaker(self, corpus: Corpus) -> None:
        """An unknown speaker raises UnknownSpeakerError with suggestions."""
        with pytest.raises(natocorpus.UnknownSpeakerError, match=re.escape("did you mean 'Mark Rutte'?")):
            corpus.quotes.filter(speaker="Rute")

    def test_unknown_country(self, corpus: Corpus) -> None:
        """An unknown country raises UnknownCountryError."""
        with pytest.raises(natocorpus.UnknownCountryError, match=re.escape("country='Narnia'")):
            corpus.quotes.filter(country="Narnia")

    def test_to_dataframe(self, corpus: Corpus) -> None:
        """A filtered collection's DataFrame has one row per quote."""
        frame = corpus.quotes.filter(speaker="Rutte", country="KP").to_dataframe()
        assert ["Mark Rutte"] * 3 == list(frame["speaker"])

    def test_empty_corpus(self) -> None:
        """An empty corpus has no quotes, speakers or countries; an unknown speaker still raises."""
        empty = Corpus([])
        assert (0, 0, (), ()) == (len(empty), len(empty.quotes), empty.speakers, empty.countries)
        with pytest.raises(natocorpus.UnknownSpeakerError):
            empty.quotes.filter(speaker="Rutte")


class TestChainedFilters:
    def test_speaker_of_parent_is_known_in_subset(self, corpus: Corpus) -> None:
        """Filtering a subset by a speaker it does not quote gives nothing, not an error."""
        subset = corpus.filter(speaker="Blinken")
        assert 0 == len(subset.filter(speaker="Stoltenberg"))

    def test_unknown_speaker_still_raises(self, corpus: Corpus) -> None:
        """A name quoted nowhere in the parent corpus still raises."""
        with pytest.raises(natocorpus.UnknownSpeakerError):
            corpus.filter(speaker="Blinken").filter(speaker="Macron")


class TestQuoteFilterAgainstAScan:
    """Indexed quote filters give what a plain scan of every quote gives, in corpus order."""

    @pytest.mark.parametrize("speaker", [None, "Rutte", ["Rutte", "Stoltenberg"]])
    @pytest.mark.parametrize("country", [None, "RU", ["UA", "KP"]])
    @pytest.mark.parametrize("kind", [None, "full", "partial"])
    def test_same_as_scan(self, corpus: Corpus, speaker: object, country: object, kind: str | None) -> None:
        """Every combination of speaker, country and kind."""
        names = {"Rutte": "Mark Rutte", "Stoltenberg": "Jens Stoltenberg"}
        wanted_speakers = None if speaker is None else {names[s] for s in ([speaker] if isinstance(speaker, str) else speaker)}
        wanted_codes = None if country is None else set([country] if isinstance(country, str) else country)
        expected = [
            q for q in corpus.quotes
            if (wanted_speakers is None or (q.speaker is not None and q.speaker.name in wanted_speakers))
            and (wanted_codes is None or wanted_codes & set(q.countries))
            and (kind is None or q.kind == kind)
        ]
        found = corpus.quotes.filter(speaker=speaker, country=country, kind=kind)  # type: ignore[arg-type]
        assert expected == list(found)
