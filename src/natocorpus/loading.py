"""
Reading and extracting many files: streaming, worker processes, progress and skip reports.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Literal

from natocorpus.exceptions import ArticleReadError, EmptyCorpusError
from natocorpus.io import SkippedFile, find_article_files, read_article_file
from natocorpus.records import Article

__all__ = ["iter_articles", "load_files"]

_PROGRESS_THRESHOLD = 50


def _extract_file(job: tuple[str, str | None, str]) -> Article | SkippedFile:
    from natocorpus.extract import extract_article

    path, encoding, errors = job
    try:
        text = read_article_file(path, encoding=encoding, errors=errors)
    except ArticleReadError as error:
        return SkippedFile(path=path, reason=str(error))
    return extract_article(text, Path(path).stem, path=path)


def _progress_wanted(progress: bool | None, total: int) -> bool:
    if progress is not None:
        return progress
    return total > _PROGRESS_THRESHOLD and sys.stderr.isatty()


def iter_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    encoding: str | None = None,
    errors: str = "strict",
    on_error: Literal["raise", "skip"] = "raise",
    workers: int | None = 1,
    progress: bool | None = None,
    skipped: list[SkippedFile] | None = None,
) -> Iterator[Article]:
    """
    Yield the articles of files and folders one by one, without holding the corpus.

    Args:
        paths: Files, and folders whose ``.txt`` files are read.
        encoding: The files' encoding; UTF-8 (with or without BOM) when None.
        errors: The codec error handler.
        on_error: ``"raise"`` or ``"skip"`` (skipped files are appended to ``skipped``
            and reported as a warning on stderr at the end).
        workers: Processes to extract with (1: this process; 0 or None: all cores).
        progress: Show a progress bar (default: on a terminal, for more than 50 files).
        skipped: A list that receives a :class:`~natocorpus.io.SkippedFile` per file
            that could not be read.

    Yields:
        The articles, in file order.

    Raises:
        ArticleReadError: If a file cannot be read and ``on_error="raise"``.

    .. versionadded:: 0.1.0
    """
    if on_error not in ("raise", "skip"):
        msg = f"on_error={on_error!r} is not a choice; use 'raise' or 'skip'"
        raise ValueError(msg)
    files = [str(p) for p in find_article_files(paths)]
    jobs = [(path, encoding, errors) for path in files]
    count = (os.cpu_count() or 1) if not workers else workers
    bar = None
    if _progress_wanted(progress, len(jobs)):
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), unit="article", desc="natocorpus", file=sys.stderr)
    try:
        if count > 1 and len(jobs) > 1:
            with ProcessPoolExecutor(max_workers=count) as pool:
                results: Iterable[Article | SkippedFile] = pool.map(_extract_file, jobs, chunksize=16)
                yield from _emit(results, on_error, skipped, bar)
        else:
            yield from _emit(map(_extract_file, jobs), on_error, skipped, bar)
    finally:
        if bar is not None:
            bar.close()


def _emit(
    results: Iterable[Article | SkippedFile],
    on_error: str,
    skipped: list[SkippedFile] | None,
    bar: object,
) -> Iterator[Article]:
    for result in results:
        if bar is not None:
            bar.update(1)  # type: ignore[attr-defined]
        if isinstance(result, SkippedFile):
            if on_error == "raise":
                raise ArticleReadError(result.reason)
            if skipped is not None:
                skipped.append(result)
            print(f"natocorpus: skipped {result.reason}", file=sys.stderr)
            continue
        yield result


def load_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    encoding: str | None = None,
    errors: str = "strict",
    on_error: Literal["raise", "skip"] = "raise",
    workers: int | None = 1,
    progress: bool | None = None,
) -> tuple[list[Article], list[SkippedFile]]:
    """
    Read and extract files; return the articles and the files skipped.

    Raises:
        EmptyCorpusError: If every file was skipped.

    .. versionadded:: 0.1.0
    """
    skipped: list[SkippedFile] = []
    articles = list(
        iter_articles(paths, encoding=encoding, errors=errors, on_error=on_error,
                      workers=workers, progress=progress, skipped=skipped)
    )
    if not articles:
        reasons = "; ".join(s.reason for s in skipped[:3])
        msg = f"no article could be read ({len(skipped)} files skipped: {reasons})"
        raise EmptyCorpusError(msg)
    return articles, skipped
