"""Reading files and folders: strict decoding, clear errors, nothing silently skipped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import natocorpus
from natocorpus.io import bundled_seed_paths, decode_article, find_article_files, read_article_file

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

ARTICLE = "Titre de test\n\n« Nous restons unis », a déclaré Mark Rutte à Bruxelles.\n"


class TestReadArticleFile:
    def test_utf8_round_trip(self, tmp_path: Path) -> None:
        """A UTF-8 file reads back exactly."""
        path = tmp_path / "a.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        assert ARTICLE == read_article_file(path)

    def test_bom_is_removed(self, tmp_path: Path) -> None:
        """A UTF-8 byte order mark is not part of the text."""
        path = tmp_path / "a.txt"
        path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
        assert ARTICLE == read_article_file(path)

    def test_crlf_is_kept_in_raw(self, tmp_path: Path) -> None:
        """Line endings are not rewritten: offsets point into the text as read."""
        path = tmp_path / "a.txt"
        path.write_bytes(ARTICLE.replace("\n", "\r\n").encode())
        assert "\r\n" in read_article_file(path)

    def test_latin1_is_reported_with_line(self, tmp_path: Path) -> None:
        """A non-UTF-8 file names the file, the line and the encoding= choice."""
        path = tmp_path / "latin.txt"
        path.write_bytes("Titre\nDeuxième ligne\n".encode("latin-1"))
        with pytest.raises(natocorpus.ArticleDecodeError, match=r"latin\.txt: line 2, column 6.*encoding="):
            read_article_file(path)

    def test_explicit_encoding_reads_latin1(self, tmp_path: Path) -> None:
        """encoding= reads a file in another encoding."""
        path = tmp_path / "latin.txt"
        path.write_bytes("Deuxième".encode("latin-1"))
        assert "Deuxième" == read_article_file(path, encoding="latin-1")

    def test_errors_replace(self, tmp_path: Path) -> None:
        """errors='replace' reads bad bytes as replacement characters."""
        path = tmp_path / "bad.txt"
        path.write_bytes(b"ok \xff ok")
        assert "ok \ufffd ok" == read_article_file(path, errors="replace")

    def test_binary_file_is_refused(self, tmp_path: Path) -> None:
        """NUL bytes mark a binary file."""
        path = tmp_path / "image.txt"
        path.write_bytes(b"\x89PNG\x00\x00\x00")
        with pytest.raises(natocorpus.ArticleReadError, match="NUL byte at offset 4"):
            read_article_file(path)

    @pytest.mark.parametrize("content", [b"", b"  \n\t\r\n "])
    def test_empty_file_is_refused(self, tmp_path: Path, content: bytes) -> None:
        """Empty and whitespace-only files are errors, not empty articles."""
        path = tmp_path / "empty.txt"
        path.write_bytes(content)
        with pytest.raises(natocorpus.ArticleReadError, match=re.escape(f"{path}: the file is empty")):
            read_article_file(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file names the path."""
        with pytest.raises(natocorpus.ArticleReadError, match="nope.txt: no such file"):
            read_article_file(tmp_path / "nope.txt")

    def test_broken_symlink(self, tmp_path: Path) -> None:
        """A link to nowhere is reported like a missing file."""
        link = tmp_path / "link.txt"
        link.symlink_to(tmp_path / "gone.txt")
        with pytest.raises(natocorpus.ArticleReadError, match="link.txt: no such file"):
            read_article_file(link)

    def test_unknown_encoding(self) -> None:
        """An unknown codec name is a clear error."""
        with pytest.raises(natocorpus.ArticleReadError, match="unknown encoding 'klingon'"):
            decode_article(b"abc", "x.txt", encoding="klingon")


class TestFindArticleFiles:
    def test_folder_without_txt(self, tmp_path: Path) -> None:
        """A folder with no .txt file is an EmptyCorpusError naming the folder."""
        (tmp_path / "notes.md").write_text("x")
        with pytest.raises(natocorpus.EmptyCorpusError, match="holds no .txt file"):
            find_article_files([tmp_path])

    def test_folder_lists_txt_sorted(self, tmp_path: Path) -> None:
        """A folder contributes its .txt files in name order."""
        for name in ("b.txt", "a.txt", "c.md"):
            (tmp_path / name).write_text("x")
        assert ["a.txt", "b.txt"] == [p.name for p in find_article_files([tmp_path])]

    def test_bundled_seeds_match_top_level(self) -> None:
        """The installed package carries the five seeds byte for byte."""
        bundled = bundled_seed_paths()
        assert 5 == len(bundled)
        for path in bundled:
            assert (SEEDS / path.name).read_bytes() == path.read_bytes()
