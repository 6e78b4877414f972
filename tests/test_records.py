"""The typed, frozen records: Article, Quote, Speaker and the mentions, checked against the gold."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import attrs
import pytest

import natocorpus
from natocorpus import (
    Article,
    CityMention,
    CountryMention,
    Line,
    PersonMention,
    Quote,
    Speaker,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
GOLD = json.loads((SEEDS / "annotations.json").read_text(encoding="utf-8"))
GOLD_IDS = [entry["id"] for entry in GOLD]

ID_000 = "000_8296e76efe0b7b45"
ID_001 = "001_6aca83c3e0e6f3f1"
ID_003 = "003_8d320c1e2e7514cc"
ID_004 = "004_b806dba111cf650b"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _quote(**overrides: object) -> Quote:
    fields: dict[str, object] = {
        "text": "Nous restons unis",
        "start": 10,
        "end": 27,
        "article_id": "a",
        "kind": "full",
        "speaker": Speaker(name="Mark Rutte"),
    }
    fields.update(overrides)
    return Quote(**fields)  # type: ignore[arg-type]


class TestArticleMetadata:
    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_title(self, corpus: natocorpus.Corpus, gold_by_id: dict, article_id: str) -> None:
        """The title is the gold headline, exactly."""
        assert gold_by_id[article_id]["title"] == corpus[article_id].title

    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_date(self, corpus: natocorpus.Corpus, gold_by_id: dict, article_id: str) -> None:
        """The date is the gold date (or one of its accepted alternatives), as a datetime.date."""
        entry = gold_by_id[article_id]
        accepted = {entry["date"], *entry.get("date_alternatives", [])}
        date = corpus[article_id].date
        assert date is None or type(date) is dt.date
        assert (date.isoformat() if date else None) in accepted

    def test_undated_articles_have_none(self, corpus: natocorpus.Corpus, gold: list[dict]) -> None:
        """Articles the gold leaves undated have date None."""
        undated = [entry["id"] for entry in gold if entry["date"] is None]
        assert [None] * len(undated) == [corpus[i].date for i in undated]

    def test_stated_date(self, corpus: natocorpus.Corpus) -> None:
        """'Ce mercredi (7 février 2024)' gives 7 February 2024."""
        assert dt.date(2024, 2, 7) == corpus[ID_004].date

    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_language_source_byline(self, corpus: natocorpus.Corpus, gold_by_id: dict, article_id: str) -> None:
        """Language, source and byline are the gold values."""
        entry = gold_by_id[article_id]
        article = corpus[article_id]
        assert (entry["language"], entry["source"], entry["byline"]) == (
            article.language,
            article.source,
            article.byline,
        )

    def test_source_and_byline_values(self, corpus: natocorpus.Corpus) -> None:
        """001 credits RIA Novosti; 003 is signed by Milos Schmidt."""
        assert ("RIA Novosti", "Milos Schmidt") == (corpus[ID_001].source, corpus[ID_003].byline)


class TestArticleText:
    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_raw_is_the_file_as_read(self, corpus: natocorpus.Corpus, article_id: str) -> None:
        """raw is the file's bytes decoded as UTF-8, with nothing rewritten."""
        expected = (SEEDS / f"{article_id}.txt").read_bytes().decode("utf-8")
        assert expected == corpus[article_id].raw

    def test_raw_keeps_crlf(self) -> None:
        """Windows line endings survive in raw."""
        text = "L'OTAN se réunit\r\n\r\nLes ministres se sont réunis à Bruxelles mardi.\r\n"
        article = natocorpus.Corpus.from_texts({"a": text})["a"]
        assert text == article.raw

    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_boilerplate_lines_kept(self, corpus: natocorpus.Corpus, gold_by_id: dict, article_id: str) -> None:
        """The lines set aside as site furniture are the gold boilerplate, in order."""
        assert gold_by_id[article_id]["boilerplate"] == list(corpus[article_id].boilerplate)

    def test_headings(self, corpus: natocorpus.Corpus) -> None:
        """Lines 3, 6, 8 and 11 of 000 are the article's sub-headings."""
        expected = (
            "Déclarations du Secrétaire général de l’OTAN Mark Rutte",
            "Évaluations sur la Russie et les pays associés",
            "Accent mis par le secrétaire d’État américain Antony Blinken",
            "Objectifs futurs et dépenses de défense",
        )
        assert expected == corpus[ID_000].headings

    def test_paragraphs(self, corpus: natocorpus.Corpus) -> None:
        """000 has 13 lines: a title, four headings and eight paragraphs."""
        article = corpus[ID_000]
        assert 8 == len(article.paragraphs)
        assert article.paragraphs[0].startswith("Le Secrétaire général de l’OTAN, Rutte, et le Secrétaire")

    def test_body_excludes_boilerplate_and_title(self, corpus: natocorpus.Corpus) -> None:
        """The cleaned body holds the sub-heading of 003 but not its caption, captcha or title."""
        body = corpus[ID_003].body
        assert "La réélection de Trump menace la Communauté politique européenne (CPE) à Budapest." in body
        assert "vingt + dix =" not in body
        assert "Laisser un commentaire" not in body
        assert "NATO Secretary General Mark Rutte hopes" not in body
        assert not body.startswith("Message de Rutte à Trump")

    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_line_offsets(self, corpus: natocorpus.Corpus, article_id: str) -> None:
        """Every line's offsets point at its text in raw."""
        article = corpus[article_id]
        assert [line.text for line in article.lines] == [
            article.raw[line.start : line.end] for line in article.lines
        ]


class TestQuotes:
    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_texts(self, corpus: natocorpus.Corpus, gold_by_id: dict, article_id: str) -> None:
        """Every gold quote is found, in order, and nothing else."""
        expected = [_norm(q["text"]) for q in gold_by_id[article_id]["quotes"]]
        assert expected == [_norm(q.text) for q in corpus[article_id].quotes]

    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_speakers(self, corpus: natocorpus.Corpus, gold_by_id: dict, article_id: str) -> None:
        """Each quote's speaker has the gold canonical name."""
        expected = [q["speaker"] for q in gold_by_id[article_id]["quotes"]]
        assert expected == [q.speaker_name for q in corpus[article_id].quotes]

    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_kinds(self, corpus: natocorpus.Corpus, gold_by_id: dict, article_id: str) -> None:
        """Each quote is full or partial as in the gold."""
        expected = [q["kind"] for q in gold_by_id[article_id]["quotes"]]
        assert expected == [q.kind for q in corpus[article_id].quotes]

    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_provenance(self, corpus: natocorpus.Corpus, article_id: str) -> None:
        """article.raw[q.start:q.end] == q.text, and the quote knows its article."""
        article = corpus[article_id]
        for quote in article.quotes:
            assert quote.text == article.raw[quote.start : quote.end]
            assert article_id == quote.article_id

    def test_speaker_is_a_record(self, corpus: natocorpus.Corpus) -> None:
        """A quote's speaker is a Speaker with a canonical name and a kind."""
        speaker = corpus[ID_000].quotes[0].speaker
        assert Speaker(name="Mark Rutte", kind="person") == speaker
        assert "Rutte" == speaker.surname

    def test_organisation_speaker(self, corpus: natocorpus.Corpus) -> None:
        """'indique le communiqué' makes the OTAN (an organisation) the speaker."""
        speaker = corpus[ID_001].quotes[0].speaker
        assert ("OTAN", "organisation") == (speaker.name, speaker.kind)

    def test_cue(self, corpus: natocorpus.Corpus) -> None:
        """'Rutte a déclaré : « ... »' has the cue 'a déclaré', and its offsets point at it."""
        article = corpus[ID_000]
        quote = article.quotes[0]
        assert "a déclaré" == quote.cue
        assert quote.cue == article.raw[quote.cue_start : quote.cue_end]

    @pytest.mark.parametrize(
        ("article_id", "index", "expected"),
        [
            # « Nous savons que la Chine ... l'Iran ... la Russie ... Moyen-Orient » (a region)
            (ID_000, 2, ("CN", "IR", "RU")),
            # « Une victoire russe ... Moscou (a city) ... la Chine, l'Iran et la Corée du Nord »
            (ID_004, 0, ("CN", "IR", "KP", "RU")),
            # « ... la Russie avec la Chine, l'Iran et la Corée du Nord ... l'Australie, le Japon,
            # la Nouvelle-Zélande et la Corée du Sud »
            (ID_004, 5, ("AU", "CN", "IR", "JP", "KP", "KR", "NZ", "RU")),
            # « Les attaques perpétrées en Iraq et en Syrie contre les forces des États-Unis ...
            # l'Iran »
            (ID_004, 6, ("IQ", "IR", "SY", "US")),
            # « encouragerait »: no country
            (ID_003, 0, ()),
        ],
    )
    def test_countries_inside(
        self, corpus: natocorpus.Corpus, article_id: str, index: int, expected: tuple[str, ...]
    ) -> None:
        """A quote lists the sorted ISO codes of the countries named inside its words."""
        assert expected == corpus[article_id].quotes[index].countries

    def test_no_speaker(self) -> None:
        """A quote with no speaker has speaker None and speaker_name None."""
        quote = _quote(speaker=None)
        assert (None, None) == (quote.speaker, quote.speaker_name)


class TestMentions:
    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_persons(self, corpus: natocorpus.Corpus, gold_by_id: dict, article_id: str) -> None:
        """The people mentioned are the gold persons, under canonical names."""
        assert sorted(gold_by_id[article_id]["persons"]) == list(corpus[article_id].person_names)

    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_countries(self, corpus: natocorpus.Corpus, gold_by_id: dict, article_id: str) -> None:
        """The countries mentioned are the gold countries, as sorted ISO codes."""
        assert tuple(sorted(gold_by_id[article_id]["countries"])) == corpus[article_id].country_codes

    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_cities(self, corpus: natocorpus.Corpus, gold_by_id: dict, article_id: str) -> None:
        """The cities are the gold (as written, country) pairs."""
        expected = {tuple(pair) for pair in gold_by_id[article_id]["cities"]}
        assert expected == {(c.text, c.country) for c in corpus[article_id].cities}

    @pytest.mark.parametrize("article_id", GOLD_IDS)
    def test_offsets(self, corpus: natocorpus.Corpus, article_id: str) -> None:
        """Every person, country and city mention points at its words in raw."""
        article = corpus[article_id]
        for mention in (*article.persons, *article.countries, *article.cities):
            assert mention.text == article.raw[mention.start : mention.end]

    def test_canonical_person_names(self, corpus: natocorpus.Corpus) -> None:
        """'Poutine' is Vladimir Poutine and 'Biden' is Joe Biden."""
        names = {m.text: m.name for m in corpus[ID_000].persons}
        assert ("Vladimir Poutine", "Joe Biden") == (names["Poutine"], names["Biden"])

    def test_demonym(self, corpus: natocorpus.Corpus) -> None:
        """'Nord-Coréens' is a demonym of North Korea (KP)."""
        mention = next(m for m in corpus[ID_000].countries if m.text == "Nord-Coréens")
        assert ("KP", "Corée du Nord", "demonym") == (mention.code, mention.name, mention.form)

    def test_city_canonical_name(self, corpus: natocorpus.Corpus) -> None:
        """'Kyiv' as written is the city Kiev, in Ukraine."""
        city = next(c for c in corpus[ID_003].cities if c.text == "Kyiv")
        assert ("Kiev", "UA") == (city.name, city.country)

    def test_codes_are_iso_alpha2(self, corpus: natocorpus.Corpus) -> None:
        """Every country code is two capital letters."""
        codes = {m.code for a in corpus for m in a.countries} | {c for q in corpus.quotes for c in q.countries}
        assert set() == {code for code in codes if not re.fullmatch(r"[A-Z]{2}", code)}


class TestFrozen:
    @pytest.mark.parametrize(
        ("record", "field"),
        [
            (Speaker(name="Mark Rutte"), "name"),
            (_quote(), "kind"),
            (Article(id="a", raw="texte"), "title"),
            (CountryMention(code="KP", name="Corée du Nord", text="Corée du Nord", start=0, end=13), "code"),
            (PersonMention(name="Mark Rutte", text="Rutte", start=0, end=5), "name"),
            (CityMention(name="Kiev", country="UA", text="Kyiv", start=0, end=4), "country"),
            (Line(role="title", text="T", start=0, end=1, number=1), "role"),
        ],
    )
    def test_assignment_raises(self, record: object, field: str) -> None:
        """Assigning to a field of a record raises."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, field, "changed")

    def test_loaded_article_is_frozen(self, corpus: natocorpus.Corpus) -> None:
        """A loaded article cannot be changed in place."""
        with pytest.raises(AttributeError):
            corpus[ID_000].title = "autre"  # type: ignore[misc]

    def test_evolve_makes_a_copy(self) -> None:
        """attrs.evolve gives a changed copy and leaves the original alone."""
        quote = _quote()
        changed = attrs.evolve(quote, kind="partial")
        assert ("full", "partial") == (quote.kind, changed.kind)


class TestValidators:
    def test_quote_kind(self) -> None:
        """A quote kind other than full/partial is refused."""
        with pytest.raises(ValueError, match="kind"):
            _quote(kind="other")

    def test_end_before_start(self) -> None:
        """end < start is refused, naming both offsets."""
        with pytest.raises(ValueError, match=re.escape("Quote.end (3) must not be before start (5)")):
            _quote(start=5, end=3)

    def test_negative_start(self) -> None:
        """A negative offset is refused."""
        with pytest.raises(ValueError, match=re.escape("PersonMention.start must be >= 0, got -1")):
            PersonMention(name="Mark Rutte", text="Rutte", start=-1, end=4)

    def test_offsets_must_be_int(self) -> None:
        """Offsets are integers."""
        with pytest.raises(TypeError):
            _quote(start="0")

    @pytest.mark.parametrize("code", ["kp", "KOR", "K", "K1", ""])
    def test_bad_country_code(self, code: str) -> None:
        """A country code that is not two capital letters is refused."""
        with pytest.raises(ValueError, match="code"):
            CountryMention(code=code, name="Corée du Nord", text="x", start=0, end=1)

    @pytest.mark.parametrize("code", ["ua", "UKR"])
    def test_bad_city_country(self, code: str) -> None:
        """A city's country must be an ISO alpha-2 code."""
        with pytest.raises(ValueError, match="country"):
            CityMention(name="Kiev", country=code, text="Kiev", start=0, end=4)

    def test_country_form(self) -> None:
        """A country mention's form is name or demonym."""
        with pytest.raises(ValueError, match="form"):
            CountryMention(code="KP", name="Corée du Nord", text="x", start=0, end=1, form="adjective")

    def test_speaker_kind(self) -> None:
        """A speaker is a person or an organisation."""
        with pytest.raises(ValueError, match="kind"):
            Speaker(name="OTAN", kind="country")

    def test_speaker_name_not_empty(self) -> None:
        """A speaker has a name."""
        with pytest.raises(ValueError, match="name"):
            Speaker(name="")

    def test_quote_speaker_type(self) -> None:
        """A quote's speaker is a Speaker record, not a string."""
        with pytest.raises(TypeError, match="speaker"):
            _quote(speaker="Mark Rutte")

    def test_article_date_type(self) -> None:
        """An article's date is a datetime.date, not a string."""
        with pytest.raises(TypeError, match="date"):
            Article(id="a", raw="texte", date="2024-02-07")  # type: ignore[arg-type]

    def test_article_id_not_empty(self) -> None:
        """An article has an id."""
        with pytest.raises(ValueError, match="id"):
            Article(id="", raw="texte")

    def test_article_quotes_are_quotes(self) -> None:
        """An article's quotes must be Quote records."""
        with pytest.raises(TypeError):
            Article(id="a", raw="texte", quotes=["« Nous restons unis »"])  # type: ignore[list-item]

    def test_line_role_and_number(self) -> None:
        """A line has a known role and a 1-based number."""
        with pytest.raises(ValueError, match="role"):
            Line(role="footer", text="x", start=0, end=1, number=1)
        with pytest.raises(ValueError, match="number"):
            Line(role="title", text="x", start=0, end=1, number=0)

    def test_converters_make_tuples(self) -> None:
        """List fields are stored as tuples, so records stay immutable."""
        quote = _quote(countries=["RU", "UA"])
        article = Article(id="a", raw="x" * 30, quotes=[quote])
        assert (("RU", "UA"), (quote,)) == (quote.countries, article.quotes)


class TestArticleProperties:
    def test_speakers_in_order_of_first_quote(self, corpus: natocorpus.Corpus) -> None:
        """Article.speakers lists each speaker once, in order of first quote."""
        assert ["Donald Trump", "Mark Rutte", "Edi Rama", "Alexander De Croo", "Petteri Orpo"] == [
            s.name for s in corpus[ID_003].speakers
        ]

    def test_person_names_and_codes_sorted(self) -> None:
        """person_names and country_codes are distinct and sorted."""
        article = Article(
            id="a",
            raw="Russie Ukraine Russie Rutte Blinken",
            countries=[
                CountryMention(code="UA", name="Ukraine", text="Ukraine", start=7, end=14),
                CountryMention(code="RU", name="Russie", text="Russie", start=0, end=6),
                CountryMention(code="RU", name="Russie", text="Russie", start=15, end=21),
            ],
            persons=[
                PersonMention(name="Mark Rutte", text="Rutte", start=22, end=27),
                PersonMention(name="Antony Blinken", text="Blinken", start=28, end=35),
            ],
        )
        assert (("RU", "UA"), ("Antony Blinken", "Mark Rutte")) == (article.country_codes, article.person_names)

    def test_str_of_speaker(self) -> None:
        """str(speaker) is the canonical name."""
        assert "Jens Stoltenberg" == str(Speaker(name="Jens Stoltenberg"))

    def test_organisation_surname_is_whole_name(self) -> None:
        """An organisation's 'surname' is its whole name."""
        assert "Union européenne" == Speaker(name="Union européenne", kind="organisation").surname


class TestTextWithoutCopy:
    """Lines and quotes of an extracted article slice its raw text instead of copying it."""

    RAW = "Titre\n\nLes ministres ont parlé. « Nous restons unis », a déclaré Mark Rutte.\n"

    def test_line_from_raw_equals_line_from_its_text(self) -> None:
        """A line built on the whole raw text is the same value as one built on its own text."""
        start = self.RAW.index("Les")
        end = self.RAW.index("\n", start)
        shared = Line(role="paragraph", text=self.RAW, start=start, end=end, number=3)
        own = Line(role="paragraph", text=self.RAW[start:end], start=start, end=end, number=3)
        assert shared.text == self.RAW[start:end]
        assert shared == own
        assert hash(shared) == hash(own)
        assert repr(shared) == repr(own)
        assert repr(own).startswith("Line(text='Les ministres")

    def test_text_takes_part_in_equality(self) -> None:
        """Two lines that differ only by their text are not equal."""
        first = Line(role="title", text="abc", start=0, end=3, number=1)
        second = Line(role="title", text="abd", start=0, end=3, number=1)
        assert first != second
        assert len({first, second}) == 2  # noqa: PLR2004

    def test_text_of_the_wrong_length_is_refused(self) -> None:
        """A text that is neither the span's text nor long enough to hold the span is an error."""
        with pytest.raises(ValueError, match="give the text of"):
            Line(role="title", text="ab", start=3, end=6, number=1)
        with pytest.raises(TypeError, match="must be a str"):
            Line(role="title", text=None, start=0, end=1, number=1)  # type: ignore[arg-type]

    def test_extracted_records_share_the_raw_text(self) -> None:
        """Every line and quote of an extracted article reads from one shared string."""
        article = natocorpus.Corpus.from_texts({"a": self.RAW})["a"]
        assert article.quotes[0].text == "Nous restons unis"
        assert all(line._source is article.raw for line in article.lines)
        assert all(quote._source is article.raw for quote in article.quotes)

    def test_evolve_and_pickle_keep_the_text(self) -> None:
        """attrs.evolve and pickling (used by workers) keep the text and the sharing."""
        import pickle

        article = natocorpus.Corpus.from_texts({"a": self.RAW})["a"]
        line = attrs.evolve(article.lines[1], role="heading")
        assert line.text == article.lines[1].text
        copy = pickle.loads(pickle.dumps(article))
        assert copy == article
        assert all(line._source is copy.raw for line in copy.lines)

    def test_quotes_of_one_speaker_share_one_record(self) -> None:
        """The quotes of a speaker share one Speaker, and mention texts one string."""
        raw = self.RAW + "« Nous tiendrons », a ajouté Mark Rutte. La Russie et la Russie.\n"
        article = natocorpus.Corpus.from_texts({"a": raw})["a"]
        first, second = article.quotes
        assert first.speaker is second.speaker
        russia = [m.text for m in article.countries if m.code == "RU"]
        assert len(russia) == 2 and russia[0] is russia[1]  # noqa: PLR2004
