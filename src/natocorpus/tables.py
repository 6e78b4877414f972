"""
pandas DataFrames built from the records: one row per article, quote or mention, and
the counts researchers ask for first.

Every function returns a new DataFrame the corpus does not share; offsets (``start``,
``end``) are kept so that each row traces back to the article's raw text.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from natocorpus.records import Article, Quote

__all__ = [
    "articles_table",
    "mentions_by_country",
    "mentions_table",
    "quotes_by_speaker",
    "quotes_table",
    "speaker_country_table",
    "summary_table",
]


def _country_name(code: str) -> str:
    from natocorpus.gazetteer import country_name

    return country_name(code)


def articles_table(articles: Iterable[Article]) -> pd.DataFrame:
    """
    One row per article.

    Columns: ``id``, ``title``, ``date`` (datetime64, NaT when unknown), ``language``
    (category), ``source``, ``byline``, ``quotes``, ``speakers``, ``countries`` (ISO
    codes joined by ``;``), ``persons``, ``paragraphs``, ``boilerplate`` (counts), ``path``.

    >>> int(natocorpus.tables.articles_table(natocorpus.load()).loc[0, "quotes"])
    7

    .. versionadded:: 0.1.0
    """
    rows = [
        {
            "id": a.id,
            "title": a.title,
            "date": a.date,
            "language": a.language,
            "source": a.source,
            "byline": a.byline,
            "quotes": len(a.quotes),
            "speakers": len(a.speakers),
            "countries": ";".join(a.country_codes),
            "persons": len(a.person_names),
            "paragraphs": len(a.paragraphs),
            "boilerplate": len(a.boilerplate),
            "path": a.path,
        }
        for a in articles
    ]
    frame = pd.DataFrame(rows, columns=["id", "title", "date", "language", "source", "byline", "quotes",
                                        "speakers", "countries", "persons", "paragraphs", "boilerplate", "path"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["language"] = frame["language"].astype("category")
    for column in ("quotes", "speakers", "persons", "paragraphs", "boilerplate"):
        frame[column] = frame[column].astype("int64")
    return frame


def quotes_table(quotes: Iterable[Quote]) -> pd.DataFrame:
    """
    One row per quote.

    Columns: ``article_id``, ``speaker`` (canonical name, missing when unknown),
    ``speaker_kind``, ``kind`` (category: full / partial), ``text``, ``cue``,
    ``attribution`` (the rule that chose the speaker), ``countries`` (ISO codes inside
    the quote joined by ``;``), ``words``, ``start``, ``end``.

    .. versionadded:: 0.1.0
    """
    rows = [
        {
            "article_id": q.article_id,
            "speaker": q.speaker.name if q.speaker else None,
            "speaker_kind": q.speaker.kind if q.speaker else None,
            "kind": q.kind,
            "text": q.text,
            "cue": q.cue,
            "attribution": q.attribution,
            "countries": ";".join(q.countries),
            "words": len(q.text.split()),
            "start": q.start,
            "end": q.end,
        }
        for q in quotes
    ]
    columns = ["article_id", "speaker", "speaker_kind", "kind", "text", "cue", "attribution",
               "countries", "words", "start", "end"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["kind"] = pd.Categorical(frame["kind"], categories=["full", "partial"])
    for column in ("words", "start", "end"):
        frame[column] = frame[column].astype("int64")
    return frame


def mentions_table(articles: Iterable[Article]) -> pd.DataFrame:
    """
    One row per mention of a person, country or city in an article body.

    Columns: ``article_id``, ``type`` (category: person / country / city), ``name``
    (canonical), ``code`` (ISO code for countries and cities' countries), ``form``
    (``name`` or ``demonym`` for countries), ``text`` (as written), ``start``, ``end``.

    .. versionadded:: 0.1.0
    """
    rows: list[dict[str, object]] = []
    for a in articles:
        rows.extend({"article_id": a.id, "type": "person", "name": m.name, "code": None, "form": None,
                     "text": m.text, "start": m.start, "end": m.end} for m in a.persons)
        rows.extend({"article_id": a.id, "type": "country", "name": m.name, "code": m.code, "form": m.form,
                     "text": m.text, "start": m.start, "end": m.end} for m in a.countries)
        rows.extend({"article_id": a.id, "type": "city", "name": m.name, "code": m.country, "form": None,
                     "text": m.text, "start": m.start, "end": m.end} for m in a.cities)
    columns = ["article_id", "type", "name", "code", "form", "text", "start", "end"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["type"] = pd.Categorical(frame["type"], categories=["person", "country", "city"])
    for column in ("start", "end"):
        frame[column] = frame[column].astype("int64")
    return frame


def quotes_by_speaker(quotes: Iterable[Quote]) -> pd.DataFrame:
    """
    Quote counts per speaker, most quoted first.

    Columns: ``speaker``, ``quotes``, ``articles``, ``words``.

    .. versionadded:: 0.1.0
    """
    frame = quotes_table(quotes)
    frame = frame[frame["speaker"].notna()]
    grouped = frame.groupby("speaker", sort=False).agg(
        quotes=("text", "size"), articles=("article_id", "nunique"), words=("words", "sum")
    )
    return grouped.sort_values(["quotes", "words"], ascending=False).reset_index()


def mentions_by_country(articles: Iterable[Article]) -> pd.DataFrame:
    """
    Country mention counts, most mentioned first.

    Columns: ``code``, ``country`` (French name), ``mentions``, ``articles``.

    .. versionadded:: 0.1.0
    """
    frame = mentions_table(articles)
    frame = frame[frame["type"] == "country"]
    grouped = frame.groupby("code", sort=False).agg(mentions=("text", "size"), articles=("article_id", "nunique"))
    grouped = grouped.sort_values(["mentions", "articles"], ascending=False).reset_index()
    grouped.insert(1, "country", [_country_name(code) for code in grouped["code"]])
    return grouped


def speaker_country_table(quotes: Iterable[Quote]) -> pd.DataFrame:
    """
    Who talks about which country: quotes per speaker (rows) mentioning each country
    (columns, ISO codes) inside the quoted words.

    .. versionadded:: 0.1.0
    """
    pairs = [(q.speaker.name, code) for q in quotes if q.speaker for code in q.countries]
    if not pairs:
        return pd.DataFrame(dtype="int64")
    frame = pd.DataFrame(pairs, columns=["speaker", "country"])
    table = pd.crosstab(frame["speaker"], frame["country"])
    # A stable sort keeps crosstab's alphabetical order among equal totals, so the
    # table (and the heatmap's ``top`` cut) does not depend on the sort algorithm.
    order_rows = table.sum(axis=1).sort_values(ascending=False, kind="stable").index
    order_columns = table.sum(axis=0).sort_values(ascending=False, kind="stable").index
    return table.loc[order_rows, order_columns].astype("int64")


def summary_table(articles: Iterable[Article]) -> pd.DataFrame:
    """
    The one-glance overview: per article its date, language, title and counts of quotes,
    speakers, countries and boilerplate lines, with a final ``TOTAL`` row (distinct
    speakers and countries across the corpus).

    .. versionadded:: 0.1.0
    """
    items = list(articles)
    rows = [
        {
            "id": a.id,
            "date": a.date.isoformat() if a.date else "",
            "language": a.language,
            "title": (a.title or "")[:60],
            "quotes": len(a.quotes),
            "speakers": len(a.speakers),
            "countries": len(a.country_codes),
            "boilerplate": len(a.boilerplate),
        }
        for a in items
    ]
    rows.append(
        {
            "id": "TOTAL",
            "date": "",
            "language": "",
            "title": f"{len(items)} articles",
            "quotes": sum(len(a.quotes) for a in items),
            "speakers": len({s.name for a in items for s in a.speakers}),
            "countries": len({c for a in items for c in a.country_codes}),
            "boilerplate": sum(len(a.boilerplate) for a in items),
        }
    )
    frame = pd.DataFrame(rows).set_index("id")
    for column in ("quotes", "speakers", "countries", "boilerplate"):
        frame[column] = frame[column].astype("int64")
    return frame
