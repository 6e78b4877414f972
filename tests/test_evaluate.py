"""Scoring against gold annotations: the seed targets, hand-made golds, and malformed gold files."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

import natocorpus
from natocorpus import Article, CountryMention, Quote, Score, Speaker, evaluate, read_gold
from natocorpus.evaluate import Ratio

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
GOLD = SEEDS / "annotations.json"

RAW = (
    "L'OTAN se réunit\n\n"
    "« Nous restons unis », a déclaré Mark Rutte. "
    "« La Russie menace l'Ukraine », a ajouté Rutte.\n"
)
FIRST = "Nous restons unis"
SECOND = "La Russie menace l'Ukraine"


def _quote(text: str, cue: str) -> Quote:
    start = RAW.index(text)
    return Quote(
        text=text, start=start, end=start + len(text), article_id="a", kind="full",
        speaker=Speaker(name="Mark Rutte"), cue=cue, attribution="after",
    )


def _country(code: str, name: str, word: str) -> CountryMention:
    start = RAW.index(word)
    return CountryMention(code=code, name=name, text=word, start=start, end=start + len(word))


ARTICLE = Article(
    id="a",
    raw=RAW,
    title="L'OTAN se réunit",
    date=dt.date(2024, 7, 11),
    quotes=[_quote(FIRST, "a déclaré"), _quote(SECOND, "a ajouté")],
    countries=[_country("RU", "Russie", "Russie"), _country("UA", "Ukraine", "Ukraine")],
)


def _gold(**changes: object) -> list[dict]:
    """A gold entry that matches ARTICLE exactly, with some fields changed."""
    entry: dict = {
        "id": "a",
        "title": "L'OTAN se réunit",
        "date": "2024-07-11",
        "quotes": [
            {"text": FIRST, "speaker": "Mark Rutte", "kind": "full"},
            {"text": SECOND, "speaker": "Mark Rutte", "kind": "full"},
        ],
        "countries": ["RU", "UA"],
    }
    entry.update(changes)
    return [entry]


class TestSeedTargets:
    """The targets of 'Extraction a researcher can trust', on the bundled seeds."""

    @pytest.fixture(name="report", scope="class")
    @classmethod
    def fixture_report(cls) -> natocorpus.EvaluationReport:
        return evaluate(natocorpus.load(), GOLD)

    def test_every_quote_found(self, report: natocorpus.EvaluationReport, gold: list[dict]) -> None:
        """Every gold quote of the seeds is found."""
        expected = sum(len(e["quotes"]) for e in gold)
        assert (expected, 0) == (report.quotes.true_positives, report.quotes.false_negatives), report.format()

    def test_no_spurious_quote(self, report: natocorpus.EvaluationReport) -> None:
        """No quote is found that the gold does not have."""
        assert 0 == report.quotes.false_positives, report.format()

    def test_every_speaker_right(self, report: natocorpus.EvaluationReport, gold: list[dict]) -> None:
        """Every quote of the seeds has the gold speaker."""
        expected = sum(len(e["quotes"]) for e in gold)
        assert Ratio(correct=expected, total=expected) == report.speakers, report.format()

    def test_country_f1(self, report: natocorpus.EvaluationReport) -> None:
        """Country F1 is at least 0.98."""
        assert report.countries.f1 >= 0.98, report.format()

    def test_every_title_right(self, report: natocorpus.EvaluationReport) -> None:
        """Every title is right."""
        assert Ratio(correct=5, total=5) == report.titles, report.format()

    def test_dates_right(self, report: natocorpus.EvaluationReport) -> None:
        """Every date is the gold date or an accepted alternative."""
        assert Ratio(correct=5, total=5) == report.dates, report.format()

    def test_articles_scored(self, report: natocorpus.EvaluationReport) -> None:
        """The five gold articles are scored."""
        assert 5 == report.articles

    def test_path_as_string(self) -> None:
        """The gold can be given as a path string."""
        assert 5 == evaluate(natocorpus.load(), str(GOLD)).articles


class TestHandMadeGold:
    def test_perfect(self) -> None:
        """A gold that matches exactly scores 1 everywhere, with no error."""
        report = evaluate([ARTICLE], _gold())
        assert (1.0, 1.0, 1.0) == (report.quotes.precision, report.quotes.recall, report.quotes.f1)
        assert (Ratio(correct=2, total=2), 1.0, ()) == (report.speakers, report.countries.f1, report.errors)

    def test_gold_misses_a_quote(self) -> None:
        """A quote the gold lacks is a false positive, listed as spurious."""
        report = evaluate([ARTICLE], _gold(quotes=[{"text": FIRST, "speaker": "Mark Rutte"}]))
        assert Score(true_positives=1, false_positives=1, false_negatives=0) == report.quotes
        assert (0.5, 1.0) == (report.quotes.precision, report.quotes.recall)
        assert pytest.approx(2 / 3) == report.quotes.f1
        assert [("a", "quote", f"spurious «{SECOND}» (speaker 'Mark Rutte')")] == list(report.errors)

    def test_quote_not_found(self) -> None:
        """A gold quote that was not found is a false negative, listed as missed."""
        quotes = [*_gold()[0]["quotes"], {"text": "Nous irons plus loin", "speaker": "Jens Stoltenberg"}]
        report = evaluate([ARTICLE], _gold(quotes=quotes))
        assert Score(true_positives=2, false_positives=0, false_negatives=1) == report.quotes
        assert pytest.approx(2 / 3) == report.quotes.recall
        assert [("a", "quote", "missed «Nous irons plus loin» (speaker 'Jens Stoltenberg')")] == list(report.errors)

    def test_wrong_speaker(self) -> None:
        """A wrong speaker counts against speaker accuracy and is listed with its rule and cue."""
        quotes = [{"text": FIRST, "speaker": "Jens Stoltenberg"}, {"text": SECOND, "speaker": "Mark Rutte"}]
        report = evaluate([ARTICLE], _gold(quotes=quotes))
        assert (Ratio(correct=1, total=2), 0.5) == (report.speakers, report.speakers.value)
        expected = f"«{FIRST}»: got 'Mark Rutte', expected 'Jens Stoltenberg' (rule after, cue 'a déclaré')"
        assert [("a", "speaker", expected)] == list(report.errors)

    def test_speaker_alt(self) -> None:
        """A speaker_alt entry is accepted."""
        quotes = [{"text": FIRST, "speaker": "Marc Rutte", "speaker_alt": ["Mark Rutte"]},
                  {"text": SECOND, "speaker": "Mark Rutte"}]
        report = evaluate([ARTICLE], _gold(quotes=quotes))
        assert (Ratio(correct=2, total=2), ()) == (report.speakers, report.errors)

    def test_text_alt(self) -> None:
        """A text_alt entry matches (white space aside)."""
        quotes = [{"text": "Nous restons unis !", "text_alt": ["Nous  restons\u00a0unis"], "speaker": "Mark Rutte"},
                  {"text": SECOND, "speaker": "Mark Rutte"}]
        report = evaluate([ARTICLE], _gold(quotes=quotes))
        assert (Score(true_positives=2), ()) == (report.quotes, report.errors)

    def test_wrong_kind(self) -> None:
        """A wrong full/partial call is counted and listed."""
        quotes = [{"text": FIRST, "speaker": "Mark Rutte", "kind": "partial"},
                  {"text": SECOND, "speaker": "Mark Rutte", "kind": "full"}]
        report = evaluate([ARTICLE], _gold(quotes=quotes))
        assert Ratio(correct=1, total=2) == report.kinds
        assert [("a", "kind", f"«{FIRST}»: got 'full', expected 'partial'")] == list(report.errors)

    def test_date_alternatives(self) -> None:
        """A date in date_alternatives is accepted."""
        report = evaluate([ARTICLE], _gold(date="2024-07-10", date_alternatives=["2024-07-11"]))
        assert (Ratio(correct=1, total=1), ()) == (report.dates, report.errors)

    def test_wrong_date(self) -> None:
        """A date outside the gold and its alternatives is wrong and listed."""
        report = evaluate([ARTICLE], _gold(date="2024-07-10"))
        assert Ratio(correct=0, total=1) == report.dates
        assert [("a", "date", "got '2024-07-11', expected '2024-07-10'")] == list(report.errors)

    def test_null_date(self) -> None:
        """A gold null date expects no date."""
        report = evaluate([ARTICLE], _gold(date=None))
        assert [("a", "date", "got '2024-07-11', expected None")] == list(report.errors)

    def test_countries(self) -> None:
        """Countries are scored as sets: RU right, UA spurious, FR missed."""
        report = evaluate([ARTICLE], _gold(countries=["RU", "FR"]))
        assert Score(true_positives=1, false_positives=1, false_negatives=1) == report.countries
        assert (0.5, 0.5, 0.5) == (report.countries.precision, report.countries.recall, report.countries.f1)
        assert [("a", "countries", "missed 'FR'"), ("a", "countries", "spurious 'UA'")] == list(report.errors)

    def test_wrong_title(self) -> None:
        """A wrong title counts against title accuracy and is listed."""
        report = evaluate([ARTICLE], _gold(title="Autre titre"))
        assert Ratio(correct=0, total=1) == report.titles
        assert [("a", "title", "got \"L'OTAN se réunit\", expected 'Autre titre'")] == list(report.errors)

    def test_article_missing_from_corpus(self) -> None:
        """A gold article absent from the corpus is listed and its quotes are missed."""
        gold = [*_gold(), {"id": "b", "quotes": [{"text": "x"}, {"text": "y"}], "countries": []}]
        report = evaluate([ARTICLE], gold)
        assert (2, 2) == (report.articles, report.quotes.false_negatives)
        assert [("b", "article", "in the gold but not in the corpus")] == list(report.errors)

    def test_mapping_of_articles(self) -> None:
        """Articles can be given as a mapping id → article."""
        assert () == evaluate({"a": ARTICLE}, _gold()).errors

    def test_gold_file(self, tmp_path: Path) -> None:
        """The gold can be read from a JSON file."""
        path = tmp_path / "gold.json"
        path.write_text(json.dumps(_gold(countries=["RU"])), encoding="utf-8")
        report = evaluate([ARTICLE], path)
        assert [("a", "countries", "spurious 'UA'")] == list(report.errors)

    def test_as_dict_and_format(self) -> None:
        """as_dict has the headline figures; format lists the errors."""
        report = evaluate([ARTICLE], _gold(countries=["RU", "FR"]))
        figures = report.as_dict()
        assert (1, 1.0, 0.5) == (figures["articles"], figures["quote_f1"], figures["country_f1"])
        text = report.format()
        assert "errors             2" in text
        assert "  a  countries   missed 'FR'" in text
        assert "errors" not in report.format(errors=False)


class TestScore:
    def test_precision_recall_f1(self) -> None:
        """TP 3, FP 1, FN 2 give P 0.75, R 0.6, F1 2/3."""
        score = Score(true_positives=3, false_positives=1, false_negatives=2)
        assert (0.75, 0.6) == (score.precision, score.recall)
        assert pytest.approx(2 / 3) == score.f1

    def test_empty(self) -> None:
        """Nothing found and nothing expected is perfect."""
        assert (1.0, 1.0, 1.0) == (Score().precision, Score().recall, Score().f1)

    def test_nothing_found(self) -> None:
        """Nothing found when something was expected scores 0."""
        score = Score(false_negatives=2)
        assert (0.0, 0.0, 0.0) == (score.precision, score.recall, score.f1)

    def test_sum(self) -> None:
        """Scores add up count by count."""
        total = Score(true_positives=1, false_positives=2) + Score(true_positives=3, false_negatives=4)
        assert Score(true_positives=4, false_positives=2, false_negatives=4) == total


class TestGoldFormat:
    def _write(self, tmp_path: Path, content: str) -> Path:
        path = tmp_path / "gold.json"
        path.write_text(content, encoding="utf-8")
        return path

    def test_not_json(self, tmp_path: Path) -> None:
        """A file that is not JSON names the file, line and column."""
        path = self._write(tmp_path, '[\n  {"id": "a",}\n]')
        with pytest.raises(natocorpus.GoldFormatError, match=re.escape(f"{path}: line 2, column 14: not valid JSON")):
            read_gold(path)

    def test_entry_lacks_field(self, tmp_path: Path) -> None:
        """An entry without quotes names the file, the entry and its id."""
        path = self._write(tmp_path, json.dumps([*_gold(), {"id": "b", "countries": []}]))
        with pytest.raises(natocorpus.GoldFormatError, match=re.escape(f"{path}: entry 1 (id 'b') lacks quotes")):
            read_gold(path)

    def test_quote_without_text(self, tmp_path: Path) -> None:
        """A quote without text names the entry and the quote."""
        path = self._write(tmp_path, json.dumps(_gold(quotes=[{"text": FIRST}, {"speaker": "Mark Rutte"}])))
        with pytest.raises(natocorpus.GoldFormatError, match=re.escape(f"{path}: entry 0 (id 'a'), quote 1: needs a 'text'")):
            read_gold(path)

    def test_not_a_list(self, tmp_path: Path) -> None:
        """The gold must be a list of objects."""
        path = self._write(tmp_path, json.dumps(_gold()[0]))
        with pytest.raises(natocorpus.GoldFormatError, match=re.escape(f"{path}: the gold must be a JSON list of article objects, got dict")):
            read_gold(path)

    def test_entry_not_an_object(self, tmp_path: Path) -> None:
        """Each entry must be an object."""
        path = self._write(tmp_path, '["a"]')
        with pytest.raises(natocorpus.GoldFormatError, match=re.escape(f"{path}: entry 0 is a str, not an object")):
            read_gold(path)

    def test_countries_not_a_list(self, tmp_path: Path) -> None:
        """countries given as a string is refused rather than read letter by letter."""
        path = self._write(tmp_path, json.dumps(_gold(countries="KP")))
        with pytest.raises(natocorpus.GoldFormatError, match=re.escape(f"{path}: entry 0 (id 'a'): 'countries' must be a list, got str")):
            read_gold(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing gold file is named."""
        path = tmp_path / "nowhere.json"
        with pytest.raises(natocorpus.GoldFormatError, match=re.escape(f"{path}: no such gold file; check the path")):
            read_gold(path)

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A gold file that is not UTF-8 raises GoldFormatError naming it."""
        path = tmp_path / "gold.json"
        path.write_bytes('[{"id": "é"}]'.encode("latin-1"))
        with pytest.raises(natocorpus.GoldFormatError, match=re.escape(f"{path}: ")):
            read_gold(path)

    def test_evaluate_raises_and_is_value_error(self, tmp_path: Path) -> None:
        """evaluate() on a malformed gold file raises GoldFormatError, a ValueError."""
        path = self._write(tmp_path, json.dumps([{"id": "a", "quotes": []}]))
        with pytest.raises(ValueError, match=re.escape(f"{path}: entry 0 (id 'a') lacks countries")) as info:
            evaluate([ARTICLE], path)
        assert isinstance(info.value, natocorpus.GoldFormatError)

    def test_in_memory_gold(self) -> None:
        """A malformed gold given as a list is refused too."""
        with pytest.raises(natocorpus.GoldFormatError, match=re.escape("gold: entry 0 (id 'a') lacks quotes")):
            evaluate([ARTICLE], [{"id": "a", "countries": []}])

    def test_bundled_gold_reads(self, gold: list[dict]) -> None:
        """The bundled gold passes the checks unchanged."""
        assert gold == read_gold(GOLD)
