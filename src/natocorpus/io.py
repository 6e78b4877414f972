"""
Reading articles from files, folders and the bundled seeds.

Reading is strict on purpose: a file that is not valid UTF-8 (with or without a byte
order mark) is reported with its name, line and byte, never decoded by a silent guess.
Pass ``encoding=`` or ``errors=`` to read it another way.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import attrs

from natocorpus.exceptions import ArticleDecodeError, ArticleReadError, EmptyCorpusError

__all__ = [
    "SkippedFile",
    "bundled_annotations_path",
    "bundled_seed_paths",
    "decode_article",
    "find_article_files",
    "read_article_file",
]

ARTICLE_SUFFIX = ".txt"
_BINARY_SNIFF = 8192


@attrs.frozen(kw_only=True)
class SkippedFile:
    """
    A file that was not loaded, and why (see ``on_error="skip"``).

    Attributes:
        path: The file.
        reason: The error message, naming the problem and what to do.

    .. versionadded:: 0.1.0
    """

    path: str
    reason: str


def _bundled_dir() -> Path:
    # In an installed wheel the seeds travel inside the package (see pyproject's
    # force-include); in a source checkout they sit at the top of the repository.
    packaged = Path(str(resources.files("natocorpus"))) / "_seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


def bundled_seed_paths() -> list[Path]:
    """
    Return the paths of the five bundled seed articles, sorted by name.

    Returns:
        The ``.txt`` files of the bundled corpus.

    Raises:
        EmptyCorpusError: If the installation lost its bundled seeds.

    .. versionadded:: 0.1.0
    """
    folder = _bundled_dir()
    paths = sorted(folder.glob(f"*{ARTICLE_SUFFIX}"))
    if not paths:
        msg = f"the bundled seeds are missing from {folder}; reinstall natocorpus"
        raise EmptyCorpusError(msg)
    return paths


def bundled_annotations_path() -> Path:
    """
    Return the path of the gold annotations of the bundled seeds.

    Returns:
        The ``annotations.json`` file beside the bundled seeds.

    .. versionadded:: 0.1.0
    """
    return _bundled_dir() / "annotations.json"


def find_article_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """
    Expand files and folders into the list of article files to read.

    A folder contributes every ``.txt`` file directly inside it, sorted by name; a file
    is taken as it is, whatever its suffix.

    Args:
        paths: Files and folders.

    Returns:
        The files, in the order given (folders expanded in name order).

    Raises:
        ArticleReadError: If a path does not exist.
        EmptyCorpusError: If a folder holds no ``.txt`` file, or no path was given.

    .. versionadded:: 0.1.0
    """
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix == ARTICLE_SUFFIX)
            if not files:
                msg = (
                    f"{path}: the folder holds no {ARTICLE_SUFFIX} file; put one article per "
                    f"{ARTICLE_SUFFIX} file in it, or name the files directly"
                )
                raise EmptyCorpusError(msg)
            found.extend(files)
        elif path.exists():
            found.append(path)
        else:
            msg = f"{path}: no such file or folder; check the path"
            raise ArticleReadError(msg)
    if not found:
        msg = "no path given: name at least one article file or folder"
        raise EmptyCorpusError(msg)
    return found


def _decode_error_message(path: str, data: bytes, error: UnicodeDecodeError, encoding: str) -> str:
    line = data.count(b"\n", 0, error.start) + 1
    column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
    bad = data[error.start : error.start + 4]
    return (
        f"{path}: line {line}, column {column}: byte {bad[:1]!r} is not valid {encoding} "
        f"(offset {error.start}); if the file uses another encoding pass encoding= "
        f"(e.g. encoding='cp1252' or 'latin-1'), or errors='replace' to read it with "
        f"replacement characters"
    )


def decode_article(
    data: bytes, path: str = "<bytes>", *, encoding: str | None = None, errors: str = "strict"
) -> str:
    """
    Decode the bytes of an article, strictly.

    With no ``encoding``, the text must be UTF-8 (a leading byte order mark is removed).
    NUL bytes mark a binary file and are refused.

    Args:
        data: The file's bytes.
        path: The name to use in error messages.
        encoding: The encoding to use instead of UTF-8.
        errors: The codec error handler (``strict``, ``replace``, ``ignore``...).

    Returns:
        The decoded text, exactly as in the file (line endings untouched).

    Raises:
        ArticleDecodeError: If the bytes are not valid in the encoding.
        ArticleReadError: If the data looks binary (NUL bytes).

    .. versionadded:: 0.1.0
    """
    if b"\x00" in data[:_BINARY_SNIFF] and not (encoding or "").lower().startswith("utf-16"):
        offset = data.index(b"\x00")
        msg = (
            f"{path}: holds a NUL byte at offset {offset}: this looks like a binary file, "
            f"not a text article; remove it from the folder or convert it to UTF-8 text"
        )
        raise ArticleReadError(msg)
    chosen = encoding or "utf-8"
    if encoding is None and data.startswith(codecs.BOM_UTF8):
        chosen = "utf-8-sig"
    try:
        return data.decode(chosen, errors=errors)
    except UnicodeDecodeError as error:
        raise ArticleDecodeError(_decode_error_message(path, data, error, chosen)) from None
    except LookupError:
        msg = f"{path}: unknown encoding {encoding!r}; use a Python codec name such as 'cp1252'"
        raise ArticleReadError(msg) from None


def read_article_file(
    path: str | os.PathLike[str], *, encoding: str | None = None, errors: str = "strict"
) -> str:
    """
    Read one article file and return its text.

    Args:
        path: The file.
        encoding: The encoding (UTF-8, with or without BOM, when None).
        errors: The codec error handler.

    Returns:
        The text exactly as decoded.

    Raises:
        ArticleReadError: If the file is missing, unreadable, a folder, binary, or empty.
        ArticleDecodeError: If the file is not valid in the encoding.

    .. versionadded:: 0.1.0
    """
    name = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        msg = f"{name}: no such file; check the path (a broken symbolic link also shows this)"
        raise ArticleReadError(msg) from None
    except IsADirectoryError:
        msg = f"{name}: is a folder, not a file; load it with Corpus.from_dir"
        raise ArticleReadError(msg) from None
    except PermissionError:
        msg = f"{name}: permission denied; make the file readable (chmod +r) or skip it"
        raise ArticleReadError(msg) from None
    except OSError as error:
        msg = f"{name}: could not be read ({error.strerror or error}); check the file"
        raise ArticleReadError(msg) from None
    text = decode_article(data, name, encoding=encoding, errors=errors)
    if not text.strip():
        msg = f"{name}: the file is empty (or only white space); remove it or add the article text"
        raise ArticleReadError(msg)
    return text


def iter_texts(
    paths: Iterable[Path], *, encoding: str | None = None, errors: str = "strict"
) -> Iterator[tuple[Path, str | ArticleReadError]]:
    """Yield each path with its text, or the error that reading it raised."""
    for path in paths:
        try:
            yield path, read_article_file(path, encoding=encoding, errors=errors)
        except ArticleReadError as error:
            yield path, error
