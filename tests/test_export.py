"""Parquet and JSON Lines exports: readable by other tools, and back to an equal Corpus."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

import natocorpus
from natocorpus import Corpus, iter_articles
from natocorpus.export import (
    TABLES,
    article_from_record,
    article_to_record,
    articles_to_arrow,
    read_jsonl,
    read_parquet,
    write_jsonl,
    write_parquet,
)

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
UNSEEN = ROOT / "tests" / "data" / "unseen"


@pytest.fixture(name="big", scope="module")
def fixture_big(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Seeds and unseen articles, one of them with CRLF endings, plus one skipped file."""
    folder = tmp_path_factory.mktemp("articles")
    for path in [*sorted(SEEDS.glob("*.txt")), *sorted(UNSEEN.glob("*.txt"))]:
        shutil.copy(path, folder / path.name)
    crlf = folder / "u01_bruxelles_munitions.txt"
    crlf.write_bytes(crlf.read_bytes().replace(b"\n", b"\r\n"))
    (folder / "zz_empty.txt").write_bytes(b"")
    return Corpus.from_dir(folder, on_error="skip")


def quotes_view(corpus: Corpus) -> list[tuple[object, ...]]:
    """Everything a quote records, as plain values."""
    return [(q.article_id, q.text, q.start, q.end, q.speaker_name, q.kind, q.cue, q.cue_start, q.countries)
            for q in corpus.quotes]


class TestParquetRoundTrip:
    def test_bundled_corpus(self, tmp_path: Path) -> None:
        """The bundled corpus comes back equal."""
        corpus = natocorpus.load()
        write_parquet(corpus, tmp_path / "out")
        assert corpus == read_parquet(tmp_path / "out")

    def test_equal_articles_quotes_speakers_countries_offsets(self, big: Corpus, tmp_path: Path) -> None:
        """Articles, quotes, speakers, countries, offsets and skipped files all survive."""
        counts = big.to_parquet(tmp_path / "out")
        back = Corpus.from_parquet(tmp_path / "out")
        assert big == back
        assert big.ids == back.ids
        assert quotes_view(big) == quotes_view(back)
        assert big.speakers == back.speakers
        assert big.countries == back.countries
        assert [(m.code, m.start, m.end) for a in big for m in a.countries] == \
            [(m.code, m.start, m.end) for a in back for m in a.countries]
        assert big.skipped == back.skipped and 1 == len(back.skipped)
        assert {"articles": 17, "quotes": len(big.quotes), "skipped": 1}.items() <= counts.items()

    def test_filters_work_on_the_copy(self, big: Corpus, tmp_path: Path) -> None:
        """The copy answers the same questions."""
        write_parquet(big, tmp_path / "out")
        back = read_parquet(tmp_path / "out")
        assert big.filter(speaker="Rutte").ids == back.filter(speaker="Rutte").ids
        assert len(big.quotes.filter(country="Russie")) == len(back.quotes.filter(country="Russie"))

    def test_streamed_from_iter_articles_in_parts(self, tmp_path: Path) -> None:
        """A generator is written batch by batch, in several part files, and reads back in order."""
        skipped: list[natocorpus.SkippedFile] = []
        (tmp_path / "in").mkdir()
        for path in sorted(UNSEEN.glob("*.txt")):
            shutil.copy(path, tmp_path / "in" / path.name)
        (tmp_path / "in" / "bad.txt").write_bytes(b"\xff")
        articles = iter_articles([tmp_path / "in"], on_error="skip", skipped=skipped)
        write_parquet(articles, tmp_path / "out", skipped=skipped, batch_bytes=10_000)
        parts = sorted((tmp_path / "out" / "articles").glob("*.parquet"))
        assert len(parts) > 2
        back = read_parquet(tmp_path / "out")
        expected = Corpus.from_dir(tmp_path / "in", on_error="skip")
        assert expected == back

    def test_article_without_records(self, tmp_path: Path) -> None:
        """An article with no quote, mention or date round-trips (empty tables)."""
        corpus = Corpus.from_texts({"plain": "Un titre\n\nrien à signaler ici.\n"})
        write_parquet(corpus, tmp_path / "out")
        assert corpus == read_parquet(tmp_path / "out")

    def test_hostile_text_round_trips(self, tmp_path: Path) -> None:
        """CR endings, NBSP, zero width, RTL marks and emoji survive with their offsets."""
        text = (SEEDS / "000_8296e76efe0b7b45.txt").read_text(encoding="utf-8")
        odd = text.replace("\n", "\r").replace(" ", "\u202f", 40).replace("«", "\u200f«").replace(".", ".😀", 5)
        corpus = Corpus.from_texts({"odd": odd, "nested": "Titre\n\n« a “ b « c » ” »\n"})
        write_parquet(corpus, tmp_path / "out")
        assert corpus == read_parquet(tmp_path / "out")


class TestParquetTables:
    def test_tables_are_plain_parquet_datasets(self, big: Corpus, tmp_path: Path) -> None:
        """Each table is a folder other tools read directly (pyarrow, pandas)."""
        import pandas as pd

        write_parquet(big, tmp_path / "out")
        assert set(TABLES) == {p.name for p in (tmp_path / "out").iterdir()}
        quotes = pq.read_table(tmp_path / "out" / "quotes")
        assert len(big.quotes) == quotes.num_rows
        assert pa.types.is_list(quotes.schema.field("countries").type)
        frame = pd.read_parquet(tmp_path / "out" / "mentions")
        assert {"person", "country", "city"} == set(frame["type"])
        articles = pq.read_table(tmp_path / "out" / "articles").to_pylist()
        assert [a.raw for a in big] == [row["raw"] for row in sorted(articles, key=lambda r: r["seq"])]
        assert pa.types.is_date32(pq.read_schema(next((tmp_path / "out" / "articles").glob("*.parquet")))
                                  .field("date").type)

    def test_articles_to_arrow(self) -> None:
        """The in-memory tables have one row per record."""
        corpus = natocorpus.load()
        tables = articles_to_arrow(corpus, skipped=[natocorpus.SkippedFile(path="x.txt", reason="x")])
        assert 5 == tables["articles"].num_rows
        assert len(corpus.quotes) == tables["quotes"].num_rows
        assert sum(len(a.lines) for a in corpus) == tables["lines"].num_rows
        assert 1 == tables["skipped"].num_rows

    def test_refuses_to_overwrite(self, tmp_path: Path) -> None:
        """Writing into a folder with tables needs overwrite=True."""
        corpus = natocorpus.load()
        write_parquet(corpus, tmp_path)
        with pytest.raises(natocorpus.InvalidOptionError, match="already holds natocorpus tables.*overwrite=True"):
            write_parquet(corpus, tmp_path)
        smaller = corpus.filter(limit=2)
        write_parquet(smaller, tmp_path, overwrite=True)
        assert smaller == read_parquet(tmp_path)

    def test_missing_folder(self, tmp_path: Path) -> None:
        """Reading a folder that does not exist is a TableFormatError."""
        with pytest.raises(natocorpus.TableFormatError, match="no such folder"):
            read_parquet(tmp_path / "nothing")

    def test_missing_table(self, tmp_path: Path) -> None:
        """A missing table is named."""
        write_parquet(natocorpus.load(), tmp_path)
        shutil.rmtree(tmp_path / "quotes")
        with pytest.raises(natocorpus.TableFormatError, match=r"no 'quotes' table"):
            read_parquet(tmp_path)

    def test_missing_column(self, tmp_path: Path) -> None:
        """A table without a needed column is named, with the column."""
        write_parquet(natocorpus.load(), tmp_path)
        part = next((tmp_path / "lines").glob("*.parquet"))
        pq.write_table(pq.read_table(part).drop_columns(["number"]), part)
        with pytest.raises(natocorpus.TableFormatError, match="the 'lines' table lacks the columns number"):
            read_parquet(tmp_path)

    def test_offsets_are_checked(self, tmp_path: Path) -> None:
        """A quote whose offsets do not slice the raw text is refused."""
        write_parquet(natocorpus.load(), tmp_path)
        part = next((tmp_path / "quotes").glob("*.parquet"))
        table = pq.read_table(part)
        shifted = pa.compute.add(table.column("start"), 1)
        pq.write_table(table.set_column(table.schema.get_field_index("start"), "start", shifted), part)
        with pytest.raises(natocorpus.TableFormatError, match=r"quotes row 0 of article '000_8296e76efe0b7b45': raw\["):
            read_parquet(tmp_path)

    def test_lone_surrogate_is_named(self, tmp_path: Path) -> None:
        """Text Parquet cannot store is refused with the article and offset."""
        corpus = Corpus.from_texts({"bad": "Titre\n\nUn texte \udce9 ici.\n"})
        with pytest.raises(natocorpus.TableFormatError, match=re.escape("article 'bad': its raw holds the lone surrogate '\\udce9' at offset 16")):
            write_parquet(corpus, tmp_path)

    def test_tables_follow_the_records(self) -> None:
        """Every record field has a column: a field added to a record is exported too."""
        import attrs

        from natocorpus.export import _schemas, _table_names

        schemas = _schemas(pa)
        assert TABLES == _table_names()
        # Fields are given (and exported) under their init alias: a line's "text".
        assert {f.alias for f in attrs.fields(natocorpus.Quote)} - {"speaker"} <= set(schemas["quotes"].names)
        assert {f.alias for f in attrs.fields(natocorpus.Line)} <= set(schemas["lines"].names)
        assert "text" in schemas["lines"].names and "_source" not in schemas["lines"].names
        assert {f.name for f in attrs.fields(natocorpus.Article)
                if f.name not in ("lines", "quotes", "terms", "persons", "countries", "cities")} \
            <= set(schemas["articles"].names)

    def test_older_export_without_a_defaulted_column(self, tmp_path: Path) -> None:
        """A column for a field with a default may be missing (an older export): it takes the default."""
        write_parquet(natocorpus.load(), tmp_path)
        part = next((tmp_path / "quotes").glob("*.parquet"))
        pq.write_table(pq.read_table(part).drop_columns(["cue_end"]), part)
        back = read_parquet(tmp_path)
        assert [q.text for q in natocorpus.load().quotes] == [q.text for q in back.quotes]
        assert all(q.cue_end is None for q in back.quotes)

    def test_missing_pyarrow(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pyarrow the error names the package and the extra to install."""
        for name in ("pyarrow", "pyarrow.parquet", "pyarrow.fs"):
            monkeypatch.setitem(sys.modules, name, None)
        expected = "needs the optional package 'pyarrow', which is not installed; install it with: pip install 'natocorpus[parquet]'"
        with pytest.raises(natocorpus.MissingDependencyError, match=re.escape(expected)) as caught:
            natocorpus.load().to_parquet(tmp_path)
        assert isinstance(caught.value, ImportError)
        assert "natocorpus.export.write_parquet" in str(caught.value)
        with pytest.raises(ImportError, match=re.escape(expected)):
            read_parquet(tmp_path)


class TestJsonLines:
    @pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.jsonl.gz"])
    def test_round_trip(self, big: Corpus, tmp_path: Path, name: str) -> None:
        """Every article comes back equal, plain or gzip-compressed."""
        assert 17 == big.to_jsonl(tmp_path / name)
        back = Corpus.from_jsonl(tmp_path / name)
        assert big.articles == back.articles

    def test_one_complete_article_per_line(self, tmp_path: Path) -> None:
        """Each line is a JSON object with the raw text and nested records; pandas reads it."""
        import pandas as pd

        corpus = natocorpus.load()
        write_jsonl(corpus, tmp_path / "c.jsonl")
        lines = (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()
        assert 5 == len(lines)
        record = json.loads(lines[0])
        assert corpus.articles[0].raw == record["raw"]
        assert "Mark Rutte" == record["quotes"][0]["speaker"]["name"]
        assert 5 == len(pd.read_json(tmp_path / "c.jsonl", lines=True))

    def test_record_round_trip(self) -> None:
        """article_from_record inverts article_to_record."""
        for article in natocorpus.load():
            assert article == article_from_record(json.loads(json.dumps(article_to_record(article))))

    def test_bad_line_is_named(self, tmp_path: Path) -> None:
        """A broken line is reported with its number."""
        path = tmp_path / "c.jsonl"
        write_jsonl(natocorpus.load(), path)
        with path.open("a", encoding="utf-8") as out:
            out.write("{not json\n")
        with pytest.raises(natocorpus.TableFormatError, match=re.escape(f"{path}: line 6: not JSON")):
            read_jsonl(path)

    def test_wrong_record_is_named(self, tmp_path: Path) -> None:
        """A JSON object that is not an article is reported with its line."""
        path = tmp_path / "c.jsonl.gz"
        with gzip.open(path, "wt", encoding="utf-8") as out:
            out.write(json.dumps({"id": "x", "raw": "t", "colour": "red"}) + "\n")
        with pytest.raises(natocorpus.TableFormatError, match=r"line 1: article 'x': not a record written by article_to_record"):
            read_jsonl(path)

    def test_streams_a_generator(self, tmp_path: Path) -> None:
        """write_jsonl consumes iter_articles without a corpus."""
        assert 5 == write_jsonl(iter_articles(SEEDS), tmp_path / "c.jsonl")
        assert natocorpus.load().articles == read_jsonl(tmp_path / "c.jsonl").articles


def test_json_cell_of_a_sliced_record_holds_its_own_text() -> None:
    """A record stored as JSON text keeps its public fields: a line's text, not the article's."""
    from natocorpus.export import _to_cell

    raw = "Titre\nLes ministres se réunissent.\n"
    line = natocorpus.Line(role="paragraph", text=raw, start=6, end=len(raw) - 1, number=2)
    cell = json.loads(_to_cell(line, "json"))
    assert {"role": "paragraph", "start": 6, "end": len(raw) - 1, "number": 2,
            "text": "Les ministres se réunissent."} == cell
