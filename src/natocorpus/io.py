"""
Reading articles from files, folders and the bundled seeds.

Reading is strict on purpose: a file that is not valid UTF-8 (with or without a byte
order mark) is reported with its name, line and byte, never decoded by a silent guess.
Pass ``encoding=`` or ``errors=`` to read it another way.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import attrs

from natocorpus.exceptions import (
    ArticleDecodeError,
    ArticleReadError,
    EmptyCorpusError,
    InvalidOptionError,
)

__all__ = [
    "SkippedFile",
    "bundled_annotations_path",
    "bundled_seed_paths",
    "check_codec",
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


def _is_article_name(path: Path) -> bool:
    return path.suffix.lower() == ARTICLE_SUFFIX


def _broken_link_message(path: Path) -> str | None:
    if path.is_symlink() and not path.exists():
        return (
            f"{path}: no such file: it is a broken symbolic link to {os.readlink(path)!r}; "
            f"fix the link or remove it"
        )
    return None


def find_article_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """
    Expand files and folders into the list of article files to read.

    A folder contributes every ``.txt`` file directly inside it (the suffix in any case,
    symbolic links included, sub-folders not searched), sorted by name; a file is taken
    as it is, whatever its suffix.

    Args:
        paths: Files and folders.

    Returns:
        The files, in the order given (folders expanded in name order).

    Raises:
        ArticleReadError: If a path does not exist, is a broken symbolic link, or is a
            folder that cannot be listed.
        EmptyCorpusError: If a folder holds no ``.txt`` file, or no path was given.

    .. versionadded:: 0.1.0
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            try:
                entries = list(path.iterdir())
            except OSError as error:
                msg = (
                    f"{path}: the folder cannot be listed ({error.strerror or error}); "
                    f"make it readable (chmod +rx) or name its files directly"
                )
                raise ArticleReadError(msg) from None
            files = sorted(p for p in entries if _is_article_name(p) and not p.is_dir())
            if not files:
                others = sorted(p.name for p in entries)
                seen = (
                    f" (it holds {len(others)} other entries, e.g. {', '.join(others[:3])})"
                    if others else " (it is empty)"
                )
                msg = (
                    f"{path}: the folder holds no {ARTICLE_SUFFIX} file{seen}; put one article per "
                    f"{ARTICLE_SUFFIX} file in it, or name the files directly"
                )
                raise EmptyCorpusError(msg)
            found.extend(files)
        elif path.exists():
            found.append(path)
        else:
            msg = _broken_link_message(path) or f"{path}: no such file or folder; check the path"
            raise ArticleReadError(msg)
    if not found:
        msg = "no path given: name at least one article file or folder"
        raise EmptyCorpusError(msg)
    return found


def _line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and byte column of ``offset``, counting \\n, \\r\\n and \\r endings."""
    head = data[:offset]
    line = head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
    line_start = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    return line, offset - line_start + 1


def _decode_error_message(path: str, data: bytes, error: UnicodeDecodeError, encoding: str) -> str:
    line, column = _line_and_column(data, error.start)
    bad = data[error.start : error.start + 1]
    label = "UTF-8" if encoding in ("utf-8", "utf-8-sig") else encoding
    return (
        f"{path}: line {line}, column {column}: byte {bad!r} is not valid {label} "
        f"(offset {error.start}); if the file uses another encoding pass encoding= "
        f"(e.g. encoding='cp1252' or 'latin-1'), or errors='replace' to read it with "
        f"replacement characters"
    )


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_codec(encoding: str | None, errors: str) -> None:
    """
    Check that ``encoding`` and ``errors`` name a Python codec and error handler.

    Args:
        encoding: A codec name, or None for UTF-8.
        errors: A codec error handler name.

    Raises:
        InvalidOptionError: If either name is unknown.

    .. versionadded:: 0.1.0
    """
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            msg = f"encoding={encoding!r} is not a known codec; use a Python codec name such as 'cp1252'"
            raise InvalidOptionError(msg) from None
    try:
        codecs.lookup_error(errors)
    except LookupError:
        msg = (
            f"errors={errors!r} is not a codec error handler; use 'strict', 'replace', "
            f"'ignore' or 'backslashreplace'"
        )
        raise InvalidOptionError(msg) from None


def decode_article(
    data: bytes, path: str = "<bytes>", *, encoding: str | None = None, errors: str = "strict"
) -> str:
    """
    Decode the bytes of an article, strictly.

    With no ``encoding``, the text must be UTF-8 (a leading byte order mark is removed);
    nothing is guessed. NUL bytes mark a binary file and are refused (unless a UTF-16 or
    UTF-32 ``encoding`` is given).

    Args:
        data: The file's bytes.
        path: The name to use in error messages.
        encoding: The encoding to use instead of UTF-8.
        errors: The codec error handler (``strict``, ``replace``, ``ignore``...).

    Returns:
        The decoded text, exactly as in the file (line endings untouched).

    Raises:
        ArticleDecodeError: If the bytes are not valid in the encoding.
        ArticleReadError: If the data looks binary (NUL bytes), or the encoding or the
            error handler is unknown.

    .. versionadded:: 0.1.0
    """
    wide = (encoding or "").lower().replace("_", "-").startswith(("utf-16", "utf-32", "utf16", "utf32"))
    if not wide:
        offset = data.find(b"\x00")
        if offset >= 0:
            hint = next(
                (
                    f"; it starts with a {name.upper()} byte order mark: pass encoding={name!r}"
                    for bom, name in _WIDE_BOMS
                    if encoding is None and data.startswith(bom)
                ),
                "; remove it from the folder or convert it to UTF-8 text",
            )
            line, column = _line_and_column(data, offset)
            msg = (
                f"{path}: holds a NUL byte at offset {offset} (line {line}, column {column}): "
                f"this looks like a binary file, not a text article{hint}"
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
        try:
            codecs.lookup(chosen)
        except LookupError:
            msg = f"{path}: unknown encoding {encoding!r}; use a Python codec name such as 'cp1252'"
        else:
            msg = (
                f"{path}: unknown error handler errors={errors!r}; use 'strict', 'replace' "
                f"or 'ignore'"
            )
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
        ArticleReadError: If the file is missing, a broken symbolic link, unreadable, a
            folder or another non-regular file, binary, or empty.
        ArticleDecodeError: If the file is not valid in the encoding.

    .. versionadded:: 0.1.0
    """
    name = os.fspath(path)
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            msg = f"{name}: is a folder, not a file; load it with Corpus.from_dir"
            raise ArticleReadError(msg)
        if not stat.S_ISREG(info.st_mode):
            msg = (
                f"{name}: is not a regular file (a pipe, socket or device); copy the article "
                f"into a .txt file"
            )
            raise ArticleReadError(msg)
        data = Path(name).read_bytes()
    except ArticleReadError:
        raise
    except FileNotFoundError:
        msg = _broken_link_message(Path(name)) or f"{name}: no such file; check the path"
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
