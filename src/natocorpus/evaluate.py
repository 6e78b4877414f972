"""
Scoring extraction against gold annotations (the format of ``seeds/annotations.json``).

Quotes match when their texts are equal up to white space (or equal to a ``text_alt``);
speaker accuracy is measured on the matched quotes (a gold ``speaker_alt`` is accepted);
countries, persons and cities are scored as sets per article, micro-averaged; titles,
dates (or a ``date_alternatives`` entry), bylines and sources by exact match.
"""


import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from natocorpus.exceptions import GoldFormatError
from natocorpus.records import Article
from natocorpus.text import fold

__all__ = ["EvaluationReport", "Score", "evaluate", "read_gold"]

_REQUIRED = ("id", "quotes", "countries")
_WHITESPACE = re.compile(r"[\s\u00a0\u202f]+")


@attrs.frozen(kw_only=True)
class Score:
    """
    Precision, recall and F1 from counts.

    Attributes:
        true_positives: Items found that the gold has.
        false_positives: Items found that the gold does not have.
        false_negatives: Gold items not found.

    .. versionadded:: 0.1.0
    """

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was found and nothing was expected."""
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else (1.0 if not self.false_negatives else 0.0)

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when the gold is empty."""
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(
            true_positives=self.true_positives + other.true_positives,
            false_positives=self.false_positives + other.false_positives,
            false_negatives=self.false_negatives + other.false_negatives,
        )


@attrs.frozen(kw_only=True)
class Ratio:
    """
    A share of correct items: ``correct / total``.

    .. versionadded:: 0.1.0
    """

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """The share, 1.0 when there is nothing to score."""
        return self.correct / self.total if self.total else 1.0

    def __add__(self, other: "Ratio") -> "Ratio":
        return Ratio(correct=self.correct + other.correct, total=self.total + other.total)


@attrs.frozen(kw_only=True)
class EvaluationReport:
    """
    The scores of an evaluation and every error behind them.

    Attributes:
        quotes: Quote detection (text match).
        speakers: Speaker accuracy on matched quotes.
        kinds: ``full`` / ``partial`` accuracy on matched quotes.
        countries: Country codes per article.
        persons: Person names per article.
        cities: Cities (as written, with country) per article.
        boilerplate: Boilerplate lines per article.
        titles: Title accuracy.
        dates: Date accuracy.
        bylines: Byline accuracy.
        sources: Source accuracy.
        errors: One line per error: ``(article id, field, message)``.
        articles: The number of gold articles scored.

    .. versionadded:: 0.1.0
    """

    quotes: Score
    speakers: Ratio
    kinds: Ratio
    countries: Score
    persons: Score
    cities: Score
    boilerplate: Score
    titles: Ratio
    dates: Ratio
    bylines: Ratio
    sources: Ratio
    errors: tuple[tuple[str, str, str], ...]
    articles: int

    def as_dict(self) -> dict[str, float | int]:
        """The headline figures as a flat dict."""
        return {
            "articles": self.articles,
            "quote_precision": self.quotes.precision,
            "quote_recall": self.quotes.recall,
            "quote_f1": self.quotes.f1,
            "speaker_accuracy": self.speakers.value,
            "kind_accuracy": self.kinds.value,
            "country_precision": self.countries.precision,
            "country_recall": self.countries.recall,
            "country_f1": self.countries.f1,
            "person_f1": self.persons.f1,
            "city_f1": self.cities.f1,
            "boilerplate_f1": self.boilerplate.f1,
            "title_accuracy": self.titles.value,
            "date_accuracy": self.dates.value,
            "byline_accuracy": self.bylines.value,
            "source_accuracy": self.sources.value,
        }

    def format(self, *, errors: bool = True) -> str:
        """A plain-text report: the figures, then every error."""
        s = self
        lines = [
            f"articles scored    {s.articles}",
            f"quotes             P {s.quotes.precision:.3f}  R {s.quotes.recall:.3f}  F1 {s.quotes.f1:.3f}"
            f"  (TP {s.quotes.true_positives}, FP {s.quotes.false_positives}, FN {s.quotes.false_negatives})",
            f"speaker accuracy   {s.speakers.value:.3f}  ({s.speakers.correct}/{s.speakers.total} matched quotes)",
            f"kind accuracy      {s.kinds.value:.3f}  ({s.kinds.correct}/{s.kinds.total})",
            f"countries          P {s.countries.precision:.3f}  R {s.countries.recall:.3f}  F1 {s.countries.f1:.3f}",
            f"persons            P {s.persons.precision:.3f}  R {s.persons.recall:.3f}  F1 {s.persons.f1:.3f}",
            f"cities             P {s.cities.precision:.3f}  R {s.cities.recall:.3f}  F1 {s.cities.f1:.3f}",
            f"boilerplate lines  P {s.boilerplate.precision:.3f}  R {s.boilerplate.recall:.3f}  F1 {s.boilerplate.f1:.3f}",
            f"title accuracy     {s.titles.value:.3f}  ({s.titles.correct}/{s.titles.total})",
            f"date accuracy      {s.dates.value:.3f}  ({s.dates.correct}/{s.dates.total})",
            f"byline accuracy    {s.bylines.value:.3f}  ({s.bylines.correct}/{s.bylines.total})",
            f"source accuracy    {s.sources.value:.3f}  ({s.sources.correct}/{s.sources.total})",
        ]
        if errors:
            lines.append(f"errors             {len(s.errors)}")
            lines.extend(f"  {article}  {field:<11} {message}" for article, field, message in s.errors)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.format()


def read_gold(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """
    Read and check a gold annotation file.

    Args:
        path: A JSON file holding a list of article objects (see ``SCHEMA.md`` in the docs).

    Returns:
        The article objects.

    Raises:
        GoldFormatError: If the file is not JSON or an entry misses a required field.

    .. versionadded:: 0.1.0
    """
    name = os.fspath(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        msg = f"{name}: no such gold file; check the path"
        raise GoldFormatError(msg) from None
    except json.JSONDecodeError as error:
        msg = f"{name}: line {error.lineno}, column {error.colno}: not valid JSON ({error.msg})"
        raise GoldFormatError(msg) from None
    except UnicodeDecodeError as error:
        msg = f"{name}: byte offset {error.start} is not valid UTF-8; save the gold file as UTF-8 JSON"
        raise GoldFormatError(msg) from None
    except IsADirectoryError:
        msg = f"{name}: is a folder; give the path of the gold JSON file itself"
        raise GoldFormatError(msg) from None
    except OSError as error:
        msg = f"{name}: could not be read ({error.strerror or error}); check the file"
        raise GoldFormatError(msg) from None
    return check_gold(data, name)


def check_gold(data: Any, name: str = "gold") -> list[dict[str, Any]]:
    """Check the structure of gold annotations already loaded from JSON."""
    if not isinstance(data, list):
        msg = f"{name}: the gold must be a JSON list of article objects, got {type(data).__name__}"
        raise GoldFormatError(msg)
    for position, entry in enumerate(data):
        if not isinstance(entry, dict):
            msg = f"{name}: entry {position} is a {type(entry).__name__}, not an object"
            raise GoldFormatError(msg)
        missing = [key for key in _REQUIRED if key not in entry]
        if missing:
            msg = f"{name}: entry {position} (id {entry.get('id')!r}) lacks {', '.join(missing)}"
            raise GoldFormatError(msg)
        for key in ("quotes", "countries"):
            if not isinstance(entry[key], list):
                msg = (
                    f"{name}: entry {position} (id {entry['id']!r}): {key!r} must be a list, "
                    f"got {type(entry[key]).__name__}"
                )
                raise GoldFormatError(msg)
        for number, quote in enumerate(entry["quotes"]):
            if not isinstance(quote, dict) or "text" not in quote:
                msg = f"{name}: entry {position} (id {entry['id']!r}), quote {number}: needs a 'text'"
                raise GoldFormatError(msg)
    return data


def _norm(text: str | None) -> str:
    return _WHITESPACE.sub(" ", text or "").strip()


def _same_name(found: str | None, expected: str | None) -> bool:
    return fold(_norm(found)) == fold(_norm(expected))


def _score_sets(found: Iterable[Any], expected: Iterable[Any]) -> tuple[Score, set[Any], set[Any]]:
    got, want = set(found), set(expected)
    return (
        Score(true_positives=len(got & want), false_positives=len(got - want), false_negatives=len(want - got)),
        got - want,
        want - got,
    )


def evaluate(
    articles: Iterable[Article] | Mapping[str, Article],
    gold: Sequence[Mapping[str, Any]] | str | os.PathLike[str],
) -> EvaluationReport:
    """
    Score extracted articles against gold annotations and list every error.

    Args:
        articles: A :class:`~natocorpus.Corpus` or any iterable of articles.
        gold: The gold annotations, or the path of a gold JSON file.

    Returns:
        The scores and the errors.

    >>> report = natocorpus.evaluate(natocorpus.load(), natocorpus.io.bundled_annotations_path())
    >>> report.quotes.recall, report.speakers.value
    (1.0, 1.0)

    .. versionadded:: 0.1.0
    """
    entries = read_gold(gold) if isinstance(gold, (str, os.PathLike)) else check_gold(list(gold))
    if isinstance(articles, Mapping):
        by_id = dict(articles)
    else:
        by_id = {a.id: a for a in articles}
    errors: list[tuple[str, str, str]] = []
    quotes = countries = persons = cities = boilerplate = Score()
    speakers = kinds = titles = dates = bylines = sources = Ratio()
    for entry in entries:
        article_id = str(entry["id"])
        article = by_id.get(article_id)
        if article is None:
            errors.append((article_id, "article", "in the gold but not in the corpus"))
            quotes += Score(false_negatives=len(entry["quotes"]))
            continue
        q, s, k = _score_quotes(article, entry, errors)
        quotes, speakers, kinds = quotes + q, speakers + s, kinds + k
        for field, found, expected, total in (
            ("countries", article.country_codes, entry.get("countries", []), "countries"),
            ("persons", [fold(n) for n in article.person_names], [fold(n) for n in entry.get("persons", [])], "persons"),
            ("cities", {(c.text, c.country) for c in article.cities}, {tuple(c) for c in entry.get("cities", [])}, "cities"),
            ("boilerplate", [_norm(t) for t in article.boilerplate], [_norm(t) for t in entry.get("boilerplate", [])], "boilerplate"),
        ):
            if field != "countries" and field not in entry:
                continue
            score, extra, missing = _score_sets(found, expected)
            if total == "countries":
                countries += score
            elif total == "persons":
                persons += score
            elif total == "cities":
                cities += score
            else:
                boilerplate += score
            for item in sorted(missing, key=str):
                errors.append((article_id, field, f"missed {item!r}"))
            for item in sorted(extra, key=str):
                errors.append((article_id, field, f"spurious {item!r}"))
        for field, found, expected, ratio_name in (
            ("title", article.title, entry.get("title"), "titles"),
            ("byline", article.byline, entry.get("byline"), "bylines"),
            ("source", article.source, entry.get("source"), "sources"),
        ):
            if field not in entry:
                continue
            correct = _norm(found) == _norm(expected)
            ratio = Ratio(correct=int(correct), total=1)
            if ratio_name == "titles":
                titles += ratio
            elif ratio_name == "bylines":
                bylines += ratio
            else:
                sources += ratio
            if not correct:
                errors.append((article_id, field, f"got {found!r}, expected {expected!r}"))
        if "date" in entry:
            accepted = {entry.get("date"), *entry.get("date_alternatives", [])}
            found_date = article.date.isoformat() if article.date else None
            correct = found_date in accepted
            dates += Ratio(correct=int(correct), total=1)
            if not correct:
                errors.append((article_id, "date", f"got {found_date!r}, expected {entry.get('date')!r}"))
    return EvaluationReport(
        quotes=quotes, speakers=speakers, kinds=kinds, countries=countries, persons=persons,
        cities=cities, boilerplate=boilerplate, titles=titles, dates=dates, bylines=bylines,
        sources=sources, errors=tuple(errors), articles=len(entries),
    )


def _score_quotes(
    article: Article, entry: Mapping[str, Any], errors: list[tuple[str, str, str]]
) -> tuple[Score, Ratio, Ratio]:
    article_id = article.id
    unmatched = list(article.quotes)
    tp = fn = 0
    speakers = kinds = Ratio()
    for gold_quote in entry["quotes"]:
        texts = {_norm(gold_quote["text"]), *(_norm(t) for t in gold_quote.get("text_alt", []))}
        match = next((q for q in unmatched if _norm(q.text) in texts), None)
        if match is None:
            fn += 1
            errors.append((article_id, "quote", f"missed «{_short(gold_quote['text'])}» "
                                               f"(speaker {gold_quote.get('speaker')!r})"))
            continue
        unmatched.remove(match)
        tp += 1
        expected = [gold_quote.get("speaker"), *gold_quote.get("speaker_alt", [])]
        found = match.speaker.name if match.speaker else None
        correct = any((found is None and e is None) or (found is not None and e is not None and _same_name(found, e))
                      for e in expected)
        speakers += Ratio(correct=int(correct), total=1)
        if not correct:
            errors.append((article_id, "speaker", f"«{_short(match.text)}»: got {found!r}, "
                                                  f"expected {gold_quote.get('speaker')!r} (rule {match.attribution}, cue {match.cue!r})"))
        if "kind" in gold_quote:
            kind_ok = match.kind == gold_quote["kind"]
            kinds += Ratio(correct=int(kind_ok), total=1)
            if not kind_ok:
                errors.append((article_id, "kind", f"«{_short(match.text)}»: got {match.kind!r}, expected {gold_quote['kind']!r}"))
    for quote in unmatched:
        errors.append((article_id, "quote", f"spurious «{_short(quote.text)}» (speaker {quote.speaker_name!r})"))
    return Score(true_positives=tp, false_positives=len(unmatched), false_negatives=fn), speakers, kinds


def _short(text: str, width: int = 60) -> str:
    text = _norm(text)
    return text if len(text) <= width else text[: width - 1] + "…"
