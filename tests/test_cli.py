"""The natocorpus command line, run in-process with main(argv) (and once as a subprocess)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from natocorpus.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = SEEDS / "annotations.json"

RECORD_KEYS = {"id", "title", "date", "language", "source", "byline", "quotes", "speakers", "persons",
               "countries", "cities", "boilerplate"}
QUOTE_KEYS = {"text", "speaker", "kind", "cue", "start", "end"}
SUBCOMMANDS = ["summary", "quotes", "extract", "evaluate"]

ID_000 = "000_8296e76efe0b7b45"
ID_003 = "003_8d320c1e2e7514cc"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _accepted_dates(entry: dict) -> set[str | None]:
    return {entry["date"], *entry.get("date_alternatives", [])}


class TestHelp:
    def test_module_help(self) -> None:
        """`python -m natocorpus --help` lists the subcommands and exits 0."""
        result = subprocess.run(
            [sys.executable, "-m", "natocorpus", "--help"], capture_output=True, text=True, check=False
        )
        assert 0 == result.returncode
        assert all(command in result.stdout for command in SUBCOMMANDS)
        assert "" == result.stderr

    @pytest.mark.parametrize("command", SUBCOMMANDS)
    def test_subcommand_help(self, capsys: pytest.CaptureFixture[str], command: str) -> None:
        """Every subcommand has --help, which prints its usage and exits 0."""
        with pytest.raises(SystemExit) as info:
            main([command, "--help"])
        assert 0 == info.value.code
        assert capsys.readouterr().out.startswith(f"usage: natocorpus {command}")

    def test_no_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No subcommand is a usage error (status 2)."""
        with pytest.raises(SystemExit) as info:
            main([])
        assert 2 == info.value.code
        assert "required: COMMAND" in capsys.readouterr().err

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the version."""
        import natocorpus

        with pytest.raises(SystemExit) as info:
            main(["--version"])
        assert (0, f"natocorpus {natocorpus.__version__}\n") == (info.value.code, capsys.readouterr().out)


class TestSummary:
    def test_bundled(self, capsys: pytest.CaptureFixture[str], gold: list[dict]) -> None:
        """`summary` describes the bundled corpus: 5 articles, 32 quotes, 8 speakers, 19 countries."""
        status, out, _ = _run(capsys, "summary")
        assert 0 == status
        assert out.startswith("natocorpus: 5 articles, 32 quotes, 8 speakers, 19 countries\n")
        assert all(entry["id"] in out for entry in gold)
        assert "TOTAL" in out and "Quotes per speaker" in out and "Mentions per country" in out

    def test_path(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`summary PATH` reads the given files."""
        status, out, _ = _run(capsys, "summary", str(SEEDS / f"{ID_003}.txt"))
        assert 0 == status
        assert out.startswith("natocorpus: 1 articles, 11 quotes, 5 speakers, 10 countries\n")


class TestQuotes:
    def test_speaker_and_country(self, capsys: pytest.CaptureFixture[str], gold_by_id: dict) -> None:
        """`quotes --speaker Rutte --country KP` prints Rutte's three quotes on North Korea."""
        status, out, err = _run(capsys, "quotes", "--speaker", "Rutte", "--country", "KP")
        assert 0 == status
        expected = [gold_by_id[ID_000]["quotes"][0], gold_by_id[ID_000]["quotes"][1], gold_by_id[ID_003]["quotes"][2]]
        assert all(q["text"] in out for q in expected)
        assert gold_by_id[ID_000]["quotes"][2]["text"] not in out
        assert 3 == out.count("Mark Rutte")
        assert "3 quotes\n" == err

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json prints a list of quote objects."""
        status, out, _ = _run(capsys, "quotes", "--speaker", "Rutte", "--country", "Corée du Nord", "--format", "json")
        records = json.loads(out)
        assert (0, 3) == (status, len(records))
        assert {"Mark Rutte"} == {r["speaker"] for r in records}
        assert all("KP" in r["countries"] for r in records)

    def test_repeatable(self, capsys: pytest.CaptureFixture[str], gold: list[dict]) -> None:
        """--speaker can be given several times (any of them)."""
        status, out, _ = _run(capsys, "quotes", "--speaker", "Rama", "--speaker", "Orpo", "--format", "json")
        expected = [q["text"] for e in gold for q in e["quotes"] if q["speaker"] in ("Edi Rama", "Petteri Orpo")]
        assert (0, expected) == (status, [r["text"] for r in json.loads(out)])

    def test_nothing_matched(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No matching quote exits 1."""
        status, _, err = _run(capsys, "quotes", "--speaker", "Rutte", "--country", "BY")
        assert (1, "0 quotes\n") == (status, err)

    def test_unknown_speaker(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown speaker exits 2 with one line suggesting the close name."""
        status, out, err = _run(capsys, "quotes", "--speaker", "Rute")
        assert (2, "") == (status, out)
        assert 1 == len(err.splitlines())
        assert err.startswith("natocorpus: error: speaker='Rute' is quoted nowhere in this corpus; did you mean 'Mark Rutte'?")


@pytest.fixture(name="records")
def fixture_records(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    """The records `natocorpus extract seeds/ --format json` prints."""
    status, out, _ = _run(capsys, "extract", str(SEEDS), "--format", "json")
    assert 0 == status
    return json.loads(out)


class TestExtract:
    def test_one_record_per_article(self, records: list[dict], gold: list[dict]) -> None:
        """`extract seeds/` writes five records, in order."""
        assert [entry["id"] for entry in gold] == [r["id"] for r in records]

    def test_exact_keys(self, records: list[dict]) -> None:
        """Each record has exactly the documented keys, each quote too."""
        assert [RECORD_KEYS] * 5 == [set(r) for r in records]
        assert {frozenset(QUOTE_KEYS)} == {frozenset(q) for r in records for q in r["quotes"]}

    def test_values_match_gold(self, records: list[dict], gold_by_id: dict) -> None:
        """Titles, dates, sources, bylines and boilerplate are the gold values."""
        for record in records:
            entry = gold_by_id[record["id"]]
            assert (entry["title"], entry["source"], entry["byline"], entry["language"]) == (
                record["title"], record["source"], record["byline"], record["language"],
            )
            assert record["date"] in _accepted_dates(entry)
            assert entry["boilerplate"] == record["boilerplate"]

    def test_quotes_match_gold(self, records: list[dict], gold_by_id: dict) -> None:
        """Quote texts, speakers and kinds are the gold's, with offsets into the file."""
        for record in records:
            entry = gold_by_id[record["id"]]
            assert [(q["text"], q["speaker"], q["kind"]) for q in entry["quotes"]] == [
                (q["text"], q["speaker"], q["kind"]) for q in record["quotes"]
            ]
            raw = (SEEDS / f"{record['id']}.txt").read_bytes().decode("utf-8")
            assert [q["text"] for q in record["quotes"]] == [raw[q["start"] : q["end"]] for q in record["quotes"]]

    def test_countries_sorted_codes(self, records: list[dict], gold_by_id: dict) -> None:
        """countries is the sorted list of the gold ISO codes."""
        assert [sorted(gold_by_id[r["id"]]["countries"]) for r in records] == [r["countries"] for r in records]

    def test_cities_pairs(self, records: list[dict], gold_by_id: dict) -> None:
        """cities are [name, code] pairs, once each, as in the gold."""
        for record in records:
            assert all(isinstance(pair, list) and 2 == len(pair) for pair in record["cities"])
            assert len({tuple(p) for p in record["cities"]}) == len(record["cities"])
            assert {tuple(p) for p in gold_by_id[record["id"]]["cities"]} == {tuple(p) for p in record["cities"]}

    def test_speakers_and_persons(self, records: list[dict], gold_by_id: dict) -> None:
        """speakers and persons are the gold canonical names."""
        for record in records:
            entry = gold_by_id[record["id"]]
            assert set(entry["speakers"]) == set(record["speakers"])
            assert set(entry["persons"]) == set(record["persons"])

    def test_jsonl(self, capsys: pytest.CaptureFixture[str], records: list[dict]) -> None:
        """--format jsonl writes one JSON object per line, the same records."""
        status, out, _ = _run(capsys, "extract", str(SEEDS), "--format", "jsonl")
        assert 0 == status
        assert records == [json.loads(line) for line in out.splitlines()]

    def test_csv(self, capsys: pytest.CaptureFixture[str], records: list[dict]) -> None:
        """--format csv writes a header and one row per article, lists as JSON."""
        status, out, _ = _run(capsys, "extract", str(SEEDS), "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(out)))
        assert (0, 5) == (status, len(rows))
        assert [key for key in records[0]] == list(rows[0])
        assert [r["id"] for r in records] == [row["id"] for row in rows]
        assert records[3]["quotes"] == json.loads(rows[3]["quotes"])
        assert "" == rows[0]["date"]  # None is an empty cell

    def test_output_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, records: list[dict]) -> None:
        """-o writes to a file instead of standard output."""
        target = tmp_path / "out.json"
        status, out, _ = _run(capsys, "extract", str(SEEDS), "-o", str(target))
        assert (0, "") == (status, out)
        assert records == json.loads(target.read_text(encoding="utf-8"))


class TestEvaluate:
    def test_seeds(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`evaluate GOLD PATH` prints the scores, and every quote of the seeds is found."""
        status, out, _ = _run(capsys, "evaluate", str(GOLD), str(SEEDS), "--format", "json")
        report = json.loads(out)
        assert 0 == status
        assert (5, 1.0, 1.0) == (report["articles"], report["quote_recall"], report["speaker_accuracy"])
        assert isinstance(report["errors"], list)

    def test_text_report(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The text report lists the figures; with no PATH it scores the bundled corpus."""
        status, out, _ = _run(capsys, "evaluate", str(GOLD), "-q")
        assert 0 == status
        assert out.startswith("articles scored    5\nquotes             P ")
        assert "errors" not in out

    def test_bad_gold(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A malformed gold file exits 2 with one line naming it."""
        gold = tmp_path / "gold.json"
        gold.write_text('[{"id": "a"}]', encoding="utf-8")
        status, _, err = _run(capsys, "evaluate", str(gold), str(SEEDS))
        assert 2 == status
        assert [f"natocorpus: error: {gold}: entry 0 (id 'a') lacks quotes, countries"] == err.splitlines()


def _missing(tmp_path: Path) -> tuple[Path, str]:
    return tmp_path / "nowhere", "no such file or folder; check the path"


def _latin1(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "latin.txt"
    path.write_bytes("Titre\nDeuxième ligne\n".encode("latin-1"))
    return path, "line 2, column 6"


def _latin1_in_folder(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "ok.txt").write_text("Titre de l'article\n\nUn paragraphe.\n", encoding="utf-8")
    path = tmp_path / "z_latin.txt"
    path.write_bytes("Titre\nDeuxième ligne\n".encode("latin-1"))
    return path, "encoding="


def _empty_folder(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder, "put one article per .txt file in it"


def _no_txt(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "article.md").write_text("Titre\n\nTexte.\n", encoding="utf-8")
    return folder, "the folder holds no .txt file"


def _empty_file(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    return path, "the file is empty"


BAD_INPUTS = [_missing, _latin1, _latin1_in_folder, _empty_folder, _no_txt, _empty_file]


class TestBadInput:
    @pytest.mark.parametrize("command", ["summary", "quotes", "extract"])
    @pytest.mark.parametrize("make", BAD_INPUTS, ids=lambda f: f.__name__.strip("_"))
    def test_one_line_exit_2(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, make) -> None:
        """Bad input exits 2 with one line on stderr naming the file and what to do."""
        path, hint = make(tmp_path)
        argument = tmp_path if make is _latin1_in_folder else path
        status, out, err = _run(capsys, command, str(argument))
        assert (2, "") == (status, out)
        lines = err.splitlines()
        assert 1 == len(lines), err
        assert lines[0].startswith(f"natocorpus: error: {path}: ")
        assert hint in lines[0]

    def test_evaluate_bad_article_path(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """evaluate with a missing article path exits 2 too."""
        status, _, err = _run(capsys, "evaluate", str(GOLD), str(tmp_path / "nowhere"))
        assert (2, 1) == (status, len(err.splitlines()))

    def test_non_utf8_gold(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A gold file that is not UTF-8 exits 2 with one line naming it."""
        gold = tmp_path / "gold.json"
        gold.write_bytes('[{"id": "é"}]'.encode("latin-1"))
        status, _, err = _run(capsys, "evaluate", str(gold))
        assert 2 == status
        assert 1 == len(err.splitlines())
        assert err.startswith(f"natocorpus: error: {gold}: ")

    def test_gold_is_a_folder(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A folder given as gold exits 2 with one line."""
        status, _, err = _run(capsys, "evaluate", str(tmp_path))
        assert (2, 1) == (status, len(err.splitlines()))
        assert err.startswith(f"natocorpus: error: {tmp_path}: ")

    def test_unwritable_output(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """-o into a folder exits 2 with one line naming it and what to do."""
        status, _, err = _run(capsys, "extract", str(SEEDS / f"{ID_003}.txt"), "-o", str(tmp_path))
        assert (2, 1) == (status, len(err.splitlines()))
        assert err.startswith(f"natocorpus: error: {tmp_path}: ")
        assert "choose another -o path" in err

    def test_subprocess_no_traceback(self, tmp_path: Path) -> None:
        """Run as a program, a bad file exits 2 with no traceback."""
        path, _ = _latin1(tmp_path)
        result = subprocess.run(
            [sys.executable, "-m", "natocorpus", "summary", str(path)], capture_output=True, text=True, check=False
        )
        assert 2 == result.returncode
        assert "Traceback" not in result.stderr
        assert 1 == len(result.stderr.splitlines())
