"""
Loading files and folders: every bad file is reported (raised, or skipped with a reason
on stderr and in ``Corpus.skipped``), worker processes give the same corpus, progress
shows only on a terminal, and ``iter_articles`` streams.
"""

from __future__ import annotations

import inspect
import io
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

import natocorpus
from natocorpus import Corpus, iter_articles
from natocorpus.io import read_article_file

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
UNSEEN = ROOT / "tests" / "data" / "unseen"
SEED_PATHS = sorted(SEEDS.glob("*.txt"))

ARTICLE = (
    "L'OTAN se réunit à Bruxelles\n\nLe sommet s'est ouvert mardi.\n\n"
    "« Nous restons unis face à la Russie », a déclaré Mark Rutte.\n"
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write a file (text as UTF-8) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def signature(corpus: Corpus) -> list[tuple[object, ...]]:
    """Quotes, speakers and countries of a corpus, with line endings flattened."""
    return [
        (a.id, tuple((q.text.replace("\r\n", "\n").replace("\r", "\n"), q.speaker_name) for q in a.quotes),
         a.country_codes)
        for a in corpus
    ]


class TestEncodings:
    def test_non_utf8_names_file_line_byte_and_choices(self, tmp_path: Path) -> None:
        """A cp1252 file is reported with its name, line, column, byte and the encoding=/errors= choices."""
        write(tmp_path, "good.txt", ARTICLE)
        bad = write(tmp_path, "latin.txt", "Titre\nLa Défense\n".encode("cp1252"))
        with pytest.raises(natocorpus.ArticleDecodeError) as caught:
            Corpus.from_dir(tmp_path)
        message = str(caught.value)
        assert message.startswith(f"{bad}: line 2, column 5: byte b'\\xe9' is not valid UTF-8")
        assert "encoding=" in message and "errors='replace'" in message
        assert isinstance(caught.value, UnicodeError) and isinstance(caught.value, OSError)

    @pytest.mark.parametrize(("ending", "line"), [("\n", 3), ("\r\n", 3), ("\r", 3)])
    def test_line_number_counts_every_ending_style(self, tmp_path: Path, ending: str, line: int) -> None:
        """The reported line is right for LF, CRLF and CR files."""
        data = ending.join(["Titre", "ok", "caf\xe9"]).encode("latin-1")
        path = write(tmp_path, "a.txt", data)
        with pytest.raises(natocorpus.ArticleDecodeError, match=re.escape(f"{path}: line {line}, column 4:")):
            read_article_file(path)

    def test_never_guesses(self, tmp_path: Path) -> None:
        """Without encoding=, even a plausible latin-1 file is refused, not guessed."""
        write(tmp_path, "a.txt", "Déclaration de l'OTAN".encode("latin-1"))
        with pytest.raises(natocorpus.ArticleDecodeError):
            Corpus.from_dir(tmp_path)

    def test_bom_is_accepted_and_removed(self, tmp_path: Path) -> None:
        """UTF-8 with a byte order mark loads; raw does not start with the mark."""
        write(tmp_path, "a.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
        article = Corpus.from_dir(tmp_path)["a"]
        assert ARTICLE == article.raw
        assert "Mark Rutte" == article.quotes[0].speaker_name

    def test_explicit_encoding(self, tmp_path: Path) -> None:
        """encoding= reads a folder of cp1252 files."""
        write(tmp_path, "a.txt", ARTICLE.encode("cp1252"))
        assert ARTICLE == Corpus.from_dir(tmp_path, encoding="cp1252")["a"].raw

    def test_errors_replace(self, tmp_path: Path) -> None:
        """errors='replace' reads bad bytes as U+FFFD."""
        write(tmp_path, "a.txt", ARTICLE.encode("cp1252"))
        raw = Corpus.from_dir(tmp_path, errors="replace")["a"].raw
        assert "\ufffd" in raw and "Bruxelles" in raw

    def test_utf16_is_named(self, tmp_path: Path) -> None:
        """A UTF-16 file is refused with a hint to pass encoding='utf-16', which reads it."""
        path = write(tmp_path, "a.txt", ARTICLE.encode("utf-16"))
        with pytest.raises(natocorpus.ArticleReadError, match=re.escape(f"{path}: holds a NUL byte")) as caught:
            Corpus.from_dir(tmp_path)
        assert "encoding='utf-16'" in str(caught.value)
        assert ARTICLE == Corpus.from_dir(tmp_path, encoding="utf-16")["a"].raw

    def test_unknown_encoding_fails_before_reading(self, tmp_path: Path) -> None:
        """An unknown codec is one clear error, not one skipped file per file."""
        write(tmp_path, "a.txt", ARTICLE)
        with pytest.raises(natocorpus.InvalidOptionError, match="encoding='klingon' is not a known codec"):
            Corpus.from_dir(tmp_path, encoding="klingon", on_error="skip")

    def test_unknown_error_handler(self, tmp_path: Path) -> None:
        """An unknown errors= handler is reported by name."""
        write(tmp_path, "a.txt", ARTICLE)
        with pytest.raises(ValueError, match="errors='lenient' is not a codec error handler"):
            Corpus.from_dir(tmp_path, errors="lenient")


class TestLineEndings:
    @pytest.mark.parametrize("ending", ["\r\n", "\r"])
    def test_same_records_as_lf(self, tmp_path: Path, ending: str) -> None:
        """CRLF and CR files keep their raw text and give the quotes and countries of LF files."""
        for path in SEED_PATHS:
            write(tmp_path / "lf", path.name, path.read_text(encoding="utf-8"))
            write(tmp_path / "other", path.name, path.read_text(encoding="utf-8").replace("\n", ending))
        lf, other = Corpus.from_dir(tmp_path / "lf"), Corpus.from_dir(tmp_path / "other")
        assert all(ending in a.raw for a in other)
        assert signature(lf) == signature(other)


class TestBadFiles:
    def test_nul_byte_anywhere_is_binary(self, tmp_path: Path) -> None:
        """A NUL byte far into the file still marks it binary, with its offset."""
        path = write(tmp_path, "a.txt", ARTICLE.encode() * 500 + b"\x00tail")
        offset = len(ARTICLE.encode()) * 500
        with pytest.raises(natocorpus.ArticleReadError, match=re.escape(f"{path}: holds a NUL byte at offset {offset}")):
            Corpus.from_dir(tmp_path)

    def test_binary_file_is_skipped_and_reported(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """With on_error='skip' a binary file is listed in skipped and on stderr."""
        write(tmp_path, "a.txt", ARTICLE)
        image = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        corpus = Corpus.from_dir(tmp_path, on_error="skip")
        assert ("a",) == corpus.ids
        assert [str(image)] == [s.path for s in corpus.skipped]
        assert "NUL byte" in corpus.skipped[0].reason
        err = capsys.readouterr().err
        assert f"natocorpus: skipped {image}: holds a NUL byte" in err
        assert "1 of 2 files skipped" in err

    @pytest.mark.parametrize("content", [b"", b"   ", b"\n\n\r\n\t ", "\u00a0\u3000\n".encode()])
    def test_empty_and_blank_files(self, tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
        """Empty and blank files raise, or are skipped with a reason."""
        write(tmp_path, "a.txt", ARTICLE)
        empty = write(tmp_path, "empty.txt", content)
        with pytest.raises(natocorpus.ArticleReadError, match=re.escape(f"{empty}: the file is empty")):
            Corpus.from_dir(tmp_path)
        corpus = Corpus.from_dir(tmp_path, on_error="skip")
        assert [str(empty)] == [s.path for s in corpus.skipped]
        assert str(empty) in capsys.readouterr().err

    def test_every_file_bad(self, tmp_path: Path) -> None:
        """When nothing can be read the error lists why."""
        write(tmp_path, "a.txt", b"")
        write(tmp_path, "b.txt", b"\xff\xfe\x00")
        with pytest.raises(natocorpus.EmptyCorpusError, match=r"no article could be read \(2 files skipped: .*a\.txt"):
            Corpus.from_dir(tmp_path, on_error="skip")

    def test_very_long_line(self, tmp_path: Path) -> None:
        """A file that is one long line (5 MB) is read exactly; a 200 kB one loads."""
        big = write(tmp_path / "big", "big.txt", "mot " * 1_250_000)
        assert 5_000_000 == len(read_article_file(big))
        write(tmp_path / "long", "long.txt", "Titre\n\n" + "mot " * 50_000)
        article = Corpus.from_dir(tmp_path / "long")["long"]
        assert 200_007 == len(article.raw)

    def test_folder_without_txt(self, tmp_path: Path) -> None:
        """A folder with no .txt names the folder and what it does hold."""
        write(tmp_path, "notes.md", "x")
        write(tmp_path, "data.csv", "x")
        with pytest.raises(natocorpus.EmptyCorpusError, match=r"holds no \.txt file \(it holds 2 other entries, e\.g\. data\.csv"):
            Corpus.from_dir(tmp_path)

    def test_empty_folder(self, tmp_path: Path) -> None:
        """An empty folder says it is empty."""
        with pytest.raises(natocorpus.EmptyCorpusError, match=re.escape(f"{tmp_path}: the folder holds no .txt file (it is empty)")):
            Corpus.from_dir(tmp_path)

    def test_upper_case_suffix(self, tmp_path: Path) -> None:
        """A .TXT file is an article too."""
        write(tmp_path, "A.TXT", ARTICLE)
        assert ("A",) == Corpus.from_dir(tmp_path).ids

    def test_missing_path(self, tmp_path: Path) -> None:
        """A missing path is an ArticleReadError naming it."""
        with pytest.raises(natocorpus.ArticleReadError, match="nowhere: no such file or folder"):
            Corpus.from_files([tmp_path / "nowhere"])

    def test_from_dir_on_a_file(self, tmp_path: Path) -> None:
        """from_dir on a file says to use from_files."""
        path = write(tmp_path, "a.txt", ARTICLE)
        with pytest.raises(natocorpus.ArticleReadError, match="not a folder; use Corpus.from_files"):
            Corpus.from_dir(path)

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
    def test_named_pipe_does_not_hang(self, tmp_path: Path) -> None:
        """A FIFO named like an article is refused instead of blocking the load."""
        write(tmp_path, "a.txt", ARTICLE)
        os.mkfifo(tmp_path / "pipe.txt")
        corpus = Corpus.from_dir(tmp_path, on_error="skip")
        assert ["pipe.txt"] == [Path(s.path).name for s in corpus.skipped]
        assert "not a regular file" in corpus.skipped[0].reason


class TestSymlinks:
    def test_link_to_file_loads(self, tmp_path: Path) -> None:
        """A symbolic link to a file is read; the id is the link's name."""
        real = write(tmp_path / "store", "real.txt", ARTICLE)
        (tmp_path / "corpus").mkdir()
        (tmp_path / "corpus" / "alias.txt").symlink_to(real)
        corpus = Corpus.from_dir(tmp_path / "corpus")
        assert ("alias",) == corpus.ids
        assert ARTICLE == corpus["alias"].raw

    def test_broken_link_is_reported(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A broken link raises or is skipped, naming the link and its target."""
        write(tmp_path, "a.txt", ARTICLE)
        link = tmp_path / "gone.txt"
        link.symlink_to(tmp_path / "elsewhere" / "missing.txt")
        with pytest.raises(natocorpus.ArticleReadError, match=re.escape(f"{link}: no such file: it is a broken symbolic link")):
            Corpus.from_dir(tmp_path)
        corpus = Corpus.from_dir(tmp_path, on_error="skip")
        assert [str(link)] == [s.path for s in corpus.skipped]
        assert "missing.txt" in corpus.skipped[0].reason
        assert "broken symbolic link" in capsys.readouterr().err

    def test_broken_link_named_directly(self, tmp_path: Path) -> None:
        """A broken link passed by name says so."""
        link = tmp_path / "gone.txt"
        link.symlink_to(tmp_path / "missing.txt")
        with pytest.raises(natocorpus.ArticleReadError, match="broken symbolic link"):
            Corpus.from_files([link])

    def test_link_loop(self, tmp_path: Path) -> None:
        """A link to itself is reported, not followed for ever."""
        write(tmp_path, "a.txt", ARTICLE)
        loop = tmp_path / "loop.txt"
        loop.symlink_to(loop)
        corpus = Corpus.from_dir(tmp_path, on_error="skip")
        assert [str(loop)] == [s.path for s in corpus.skipped]


def _load_as_nobody(folder: Path) -> list[str]:
    """Fork, drop to the user nobody, load the folder both ways; return what the child saw."""
    assert Corpus.from_texts({"warm": ARTICLE})  # load the lexicons before dropping rights
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 0
        try:
            os.close(read_end)
            os.setgid(65534)
            os.setuid(65534)
            lines = []
            corpus = Corpus.from_dir(folder, on_error="skip")
            lines += [repr(corpus.ids), corpus.skipped[0].reason]
            try:
                Corpus.from_dir(folder)
            except natocorpus.ArticleReadError as error:
                lines.append(f"raised: {error}")
            os.write(write_end, "\n".join(lines).encode())
        except BaseException as error:  # noqa: BLE001 - report anything to the parent
            os.write(write_end, f"child failed: {error!r}".encode())
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        output = pipe.read().decode()
    os.waitpid(pid, 0)
    return output.splitlines()


class TestUnreadable:
    @pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                        reason="root reads files whatever their mode; see test_unreadable_as_nobody")
    def test_chmod_000(self, tmp_path: Path) -> None:
        """An unreadable file raises, or is skipped, with 'permission denied'."""
        write(tmp_path, "a.txt", ARTICLE)
        locked = write(tmp_path, "locked.txt", ARTICLE)
        locked.chmod(0)
        try:
            with pytest.raises(natocorpus.ArticleReadError, match=re.escape(f"{locked}: permission denied")):
                Corpus.from_dir(tmp_path)
            assert [str(locked)] == [s.path for s in Corpus.from_dir(tmp_path, on_error="skip").skipped]
        finally:
            locked.chmod(0o644)

    @pytest.mark.skipif(not hasattr(os, "fork") or os.geteuid() != 0,
                        reason="needs root (to switch to the user nobody) and fork")
    def test_unreadable_as_nobody(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Run as root, the test forks and drops to 'nobody' to meet a chmod 000 file."""
        folder = Path(tempfile.mkdtemp(prefix="natocorpus-perm-"))
        try:
            folder.chmod(0o755)
            write(folder, "a.txt", ARTICLE).chmod(0o644)
            locked = write(folder, "locked.txt", ARTICLE)
            locked.chmod(0)
            lines = _load_as_nobody(folder)
            assert 3 == len(lines), lines
            assert "('a',)" == lines[0]
            assert lines[1].startswith(f"{locked}: permission denied")
            assert lines[2].startswith(f"raised: {locked}: permission denied")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        capsys.readouterr()

    def test_permission_error_message(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
        """Whoever runs the tests, a PermissionError becomes a clear skip or error."""
        write(tmp_path, "a.txt", ARTICLE)
        locked = write(tmp_path, "locked.txt", ARTICLE)
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
        with pytest.raises(natocorpus.ArticleReadError, match=re.escape(f"{locked}: permission denied; make the file readable")):
            Corpus.from_dir(tmp_path)
        corpus = Corpus.from_dir(tmp_path, on_error="skip")
        assert [str(locked)] == [s.path for s in corpus.skipped]
        assert f"skipped {locked}: permission denied" in capsys.readouterr().err


class TestDuplicateIds:
    def test_raise_names_both_files(self, tmp_path: Path) -> None:
        """Two files with one stem in different folders: DuplicateArticleError naming both, before any work."""
        first = write(tmp_path / "a", "same.txt", ARTICLE)
        second = write(tmp_path / "b", "same.txt", ARTICLE)
        with pytest.raises(natocorpus.DuplicateArticleError) as caught:
            Corpus.from_files([tmp_path / "a", tmp_path / "b"])
        assert str(first) in str(caught.value) and str(second) in str(caught.value)
        assert "id 'same'" in str(caught.value)
        assert isinstance(caught.value, ValueError)

    def test_skip_keeps_the_first(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """With on_error='skip' the later duplicate is skipped and reported."""
        write(tmp_path / "a", "same.txt", ARTICLE)
        write(tmp_path / "a", "other.txt", ARTICLE)
        second = write(tmp_path / "b", "same.txt", ARTICLE.replace("Mark Rutte", "Jens Stoltenberg"))
        corpus = Corpus.from_files([tmp_path / "a", tmp_path / "b"], on_error="skip")
        assert ("other", "same") == corpus.ids
        assert "Mark Rutte" == corpus["same"].quotes[0].speaker_name
        assert [str(second)] == [s.path for s in corpus.skipped]
        assert "this later file was skipped" in corpus.skipped[0].reason
        assert f"natocorpus: skipped {second}: has the same article id as" in capsys.readouterr().err

    def test_same_file_twice(self, tmp_path: Path) -> None:
        """Naming one file twice is reported as such."""
        path = write(tmp_path, "a.txt", ARTICLE)
        with pytest.raises(natocorpus.DuplicateArticleError, match="is the same file as"):
            Corpus.from_files([tmp_path, path])


class TestOptions:
    def test_bad_on_error(self, tmp_path: Path) -> None:
        """on_error must be 'raise' or 'skip'."""
        write(tmp_path, "a.txt", ARTICLE)
        with pytest.raises(natocorpus.InvalidOptionError, match=re.escape("on_error='ignore' is not a choice; use 'raise' or 'skip'")):
            Corpus.from_dir(tmp_path, on_error="ignore")  # type: ignore[arg-type]

    @pytest.mark.parametrize("workers", [-1, 1.5, "2"])
    def test_bad_workers(self, tmp_path: Path, workers: object) -> None:
        """workers must be a non-negative integer."""
        write(tmp_path, "a.txt", ARTICLE)
        with pytest.raises(natocorpus.InvalidOptionError, match="is not a number of processes"):
            Corpus.from_dir(tmp_path, workers=workers)  # type: ignore[arg-type]

    def test_single_path_string(self) -> None:
        """iter_articles takes one path as well as a list."""
        assert 5 == len(list(iter_articles(str(SEEDS))))


class TestWorkers:
    def test_same_corpus_as_one_process(self, tmp_path: Path) -> None:
        """workers=2 gives a corpus equal to workers=1, skipped files included, in order."""
        for path in [*SEED_PATHS, *sorted(UNSEEN.glob("*.txt"))]:
            shutil.copy(path, tmp_path / path.name)
        write(tmp_path, "bad.txt", b"caf\xe9")
        one = Corpus.from_dir(tmp_path, on_error="skip", workers=1)
        two = Corpus.from_dir(tmp_path, on_error="skip", workers=2)
        assert 17 == len(one)
        assert one == two
        assert one.skipped == two.skipped

    def test_all_cores(self) -> None:
        """workers=0 uses every core and still gives the same corpus."""
        assert Corpus.from_dir(SEEDS) == Corpus.from_dir(SEEDS, workers=0)

    def test_error_type_survives_the_worker(self, tmp_path: Path) -> None:
        """A decode error raised in a worker process keeps its type and message."""
        for path in SEED_PATHS:
            shutil.copy(path, tmp_path / path.name)
        bad = write(tmp_path, "zz.txt", b"caf\xe9")
        with pytest.raises(natocorpus.ArticleDecodeError, match=re.escape(f"{bad}: line 1, column 4")):
            Corpus.from_dir(tmp_path, workers=2)

    def test_extraction_bug_is_raised_with_the_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """An exception inside extraction is never skipped: it propagates, naming the file."""
        path = write(tmp_path, "a.txt", ARTICLE)

        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("boom")

        monkeypatch.setattr("natocorpus.extract.extract_article", broken)
        with pytest.raises(RuntimeError, match="boom") as caught:
            Corpus.from_dir(tmp_path, on_error="skip")
        assert any(str(path) in note for note in getattr(caught.value, "__notes__", []))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(name="many_files")
def fixture_many_files(tmp_path: Path) -> Path:
    """A folder of 60 tiny articles (more than the progress threshold of 50)."""
    for number in range(60):
        write(tmp_path, f"a{number:02d}.txt", f"Titre {number}\n\nLe sommet s'est ouvert mardi à Bruxelles.\n")
    return tmp_path


class TestProgress:
    def test_no_bar_off_a_terminal(self, many_files: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """With stderr captured (not a terminal) nothing is drawn."""
        assert 60 == len(Corpus.from_dir(many_files))
        assert "" == capsys.readouterr().err

    def test_bar_on_a_terminal(self, many_files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """On a terminal, a long load shows a tqdm bar on stderr."""
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        assert 60 == len(Corpus.from_dir(many_files))
        assert "natocorpus" in terminal.getvalue() and "60/60" in terminal.getvalue()

    def test_short_load_has_no_bar(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A few files load without a bar even on a terminal."""
        write(tmp_path, "a.txt", ARTICLE)
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        Corpus.from_dir(tmp_path)
        assert "" == terminal.getvalue()

    def test_progress_false_wins(self, many_files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """progress=False silences the bar on a terminal."""
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        Corpus.from_dir(many_files, progress=False)
        assert "" == terminal.getvalue()

    def test_skips_are_printed_with_a_bar(self, many_files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A skipped file is still printed when the bar is drawn."""
        bad = write(many_files, "zz.txt", b"")
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        Corpus.from_dir(many_files, on_error="skip", workers=2)
        assert f"natocorpus: skipped {bad}: the file is empty" in terminal.getvalue()


class TestIterArticles:
    def test_is_a_generator(self) -> None:
        """iter_articles returns a generator of Article."""
        articles = iter_articles(SEED_PATHS)
        assert inspect.isgenerator(articles)
        assert isinstance(next(articles), natocorpus.Article)

    def test_reads_lazily(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file is read only when its article is asked for."""
        for number in range(5):
            write(tmp_path, f"a{number}.txt", ARTICLE)
        reads: list[str] = []
        real = natocorpus.loading.read_article_file

        def spy(path: str, **options: object) -> str:
            reads.append(Path(path).name)
            return real(path, **options)  # type: ignore[arg-type]

        monkeypatch.setattr(natocorpus.loading, "read_article_file", spy)
        articles = iter_articles([tmp_path])
        assert [] == reads
        assert "a0" == next(articles).id
        assert ["a0.txt"] == reads
        write(tmp_path, "a3.txt", ARTICLE.replace("Mark Rutte", "Jens Stoltenberg"))
        rest = list(articles)
        assert "Jens Stoltenberg" == rest[2].quotes[0].speaker_name
        assert 5 == len(reads)

    def test_bad_options_fail_at_the_call(self, tmp_path: Path) -> None:
        """Option errors and missing paths are raised by the call, not at the first next()."""
        with pytest.raises(natocorpus.InvalidOptionError):
            iter_articles(SEED_PATHS, on_error="later")  # type: ignore[arg-type]
        with pytest.raises(natocorpus.ArticleReadError):
            iter_articles([tmp_path / "missing"])

    def test_stops_early_with_workers(self, tmp_path: Path) -> None:
        """Closing a parallel stream after one article neither hangs nor reads everything."""
        for number in range(200):
            write(tmp_path, f"a{number:03d}.txt", ARTICLE)
        articles = iter_articles([tmp_path], workers=2)
        assert "a000" == next(articles).id
        articles.close()

    def test_skipped_list_is_filled(self, tmp_path: Path) -> None:
        """The skipped= list receives the files the stream skipped."""
        write(tmp_path, "a.txt", ARTICLE)
        write(tmp_path, "b.txt", b"")
        skipped: list[natocorpus.SkippedFile] = []
        assert ["a"] == [a.id for a in iter_articles([tmp_path], on_error="skip", skipped=skipped)]
        assert ["b.txt"] == [Path(s.path).name for s in skipped]
