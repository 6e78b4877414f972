"""
Reading and extracting many files: streaming, worker processes, progress and skip reports.

Loading either succeeds for every file or says exactly which files were left out and
why: with ``on_error="raise"`` the first unreadable file stops the load with an error
naming it; with ``on_error="skip"`` each skipped file is printed to stderr as it is met
and recorded as a :class:`~natocorpus.io.SkippedFile` (``Corpus.skipped``). A skipped
file is never invisible.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from natocorpus.exceptions import (
    ArticleReadError,
    DuplicateArticleError,
    EmptyCorpusError,
    InvalidOptionError,
)
from natocorpus.io import SkippedFile, check_codec, find_article_files, read_article_file
from natocorpus.records import Article

if TYPE_CHECKING:
    from tqdm import tqdm

__all__ = ["iter_articles", "load_files"]

_PROGRESS_THRESHOLD = 50
_MAX_BATCH = 16  # files per task sent to a worker process
_WINDOW = 4  # tasks in flight per worker: bounds memory when the consumer is slow

Job = tuple[str, str, str | None, str]
"""One file to extract: path, article id, encoding, error handler."""

Outcome = Article | tuple[str, ArticleReadError]
"""An extracted article, or the path of a file that could not be read and why."""


def _extract_file(job: Job) -> Outcome:
    from natocorpus.extract import extract_article

    path, article_id, encoding, errors = job
    try:
        text = read_article_file(path, encoding=encoding, errors=errors)
    except ArticleReadError as error:
        return path, error
    try:
        return extract_article(text, article_id, path=path)
    except Exception as error:
        # Not a bad file but an extraction bug: never skipped, always raised, with the file.
        error.add_note(f"natocorpus: raised while extracting {path}; please report it with this file")
        raise


def _extract_batch(jobs: Sequence[Job]) -> list[Outcome]:
    return [_extract_file(job) for job in jobs]


def _worker_count(workers: int | None) -> int:
    if workers is None or workers == 0:
        return os.cpu_count() or 1
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 0:
        msg = f"workers={workers!r} is not a number of processes; use 1 (this process), N > 1, or 0 (all cores)"
        raise InvalidOptionError(msg)
    return workers


def _progress_wanted(progress: bool | None, total: int) -> bool:
    if progress is not None:
        return progress
    return total > _PROGRESS_THRESHOLD and sys.stderr.isatty()


def _plan(files: Sequence[Path], on_error: str, encoding: str | None, errors: str) -> list[Job | SkippedFile]:
    """One job per file, or a SkippedFile for a later file whose id (stem) is taken."""
    first: dict[str, str] = {}
    plan: list[Job | SkippedFile] = []
    for file in files:
        path, article_id = str(file), file.stem
        if article_id in first:
            earlier = first[article_id]
            same = os.path.exists(earlier) and os.path.exists(path) and os.path.samefile(earlier, path)
            why = "is the same file as" if same else "has the same article id as"
            msg = (
                f"{path}: {why} {earlier} (id {article_id!r}: ids are file names without "
                f".txt); rename one of the two files, or load the folders separately"
            )
            if on_error == "raise":
                raise DuplicateArticleError(msg)
            plan.append(SkippedFile(path=path, reason=f"{msg}; this later file was skipped"))
            continue
        first[article_id] = path
        plan.append((path, article_id, encoding, errors))
    return plan


def _run_serial(jobs: Iterable[Job]) -> Iterator[Outcome]:
    for job in jobs:
        yield _extract_file(job)


def _run_parallel(jobs: Sequence[Job], count: int) -> Iterator[Outcome]:
    """Extract in ``count`` processes, in order, with a bounded number of tasks in flight."""
    size = max(1, min(_MAX_BATCH, len(jobs) // (count * _WINDOW) or 1))
    batches = iter([jobs[i : i + size] for i in range(0, len(jobs), size)])
    pool = ProcessPoolExecutor(max_workers=count)
    pending: deque[Future[list[Outcome]]] = deque()
    try:
        for batch in batches:
            pending.append(pool.submit(_extract_batch, batch))
            if len(pending) >= count * _WINDOW:
                break
        while pending:
            outcomes = pending.popleft().result()
            following = next(batches, None)
            if following is not None:
                pending.append(pool.submit(_extract_batch, following))
            yield from outcomes
    finally:
        # A consumer that stops early (or an error) must not wait for the whole folder.
        pool.shutdown(wait=True, cancel_futures=True)


def iter_articles(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
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

    The arguments are checked and the folders listed at once (so a bad option or a
    duplicate id fails before any work); the files are then read and extracted lazily,
    one at a time (or a few batches ahead with ``workers > 1``), as the generator is
    consumed.

    >>> from natocorpus.io import bundled_seed_paths
    >>> articles = natocorpus.iter_articles(bundled_seed_paths())
    >>> next(articles).id
    '000_8296e76efe0b7b45'

    Args:
        paths: Files, and folders whose ``.txt`` files are read (one path or several).
        encoding: The files' encoding; UTF-8 (with or without BOM) when None.
        errors: The codec error handler.
        on_error: ``"raise"`` stops at the first file that cannot be read; ``"skip"``
            goes on, prints each skipped file and the reason to stderr, and appends a
            :class:`~natocorpus.io.SkippedFile` to ``skipped``.
        workers: Processes to extract with (1: this process; 0 or None: all cores).
        progress: Show a progress bar on stderr (default: when stderr is a terminal and
            there are more than 50 files).
        skipped: A list that receives a :class:`~natocorpus.io.SkippedFile` per file
            that was skipped.

    Returns:
        A generator of the articles, in file order.

    Raises:
        ArticleReadError: If a path does not exist, or a file cannot be read and
            ``on_error="raise"`` (:class:`~natocorpus.ArticleDecodeError` for bad bytes).
        DuplicateArticleError: If two files share an id (file name without ``.txt``) and
            ``on_error="raise"``; with ``"skip"`` the later file is skipped and reported.
        EmptyCorpusError: If a folder holds no ``.txt`` file.
        InvalidOptionError: If ``on_error``, ``workers``, ``encoding`` or ``errors`` is
            not valid.

    .. versionadded:: 0.1.0
    """
    if on_error not in ("raise", "skip"):
        msg = f"on_error={on_error!r} is not a choice; use 'raise' or 'skip'"
        raise InvalidOptionError(msg)
    check_codec(encoding, errors)
    count = _worker_count(workers)
    files = find_article_files(paths)  # type: ignore[arg-type]
    plan = _plan(files, on_error, encoding, errors)
    return _generate(plan, on_error, count, progress, skipped)


def _generate(
    plan: list[Job | SkippedFile],
    on_error: str,
    count: int,
    progress: bool | None,
    skipped: list[SkippedFile] | None,
) -> Iterator[Article]:
    jobs = [entry for entry in plan if not isinstance(entry, SkippedFile)]
    bar: tqdm[None] | None = None
    if _progress_wanted(progress, len(plan)):
        from tqdm import tqdm

        bar = tqdm(total=len(plan), unit="article", desc="natocorpus", file=sys.stderr)
    outcomes = _run_parallel(jobs, count) if count > 1 and len(jobs) > 1 else _run_serial(jobs)
    try:
        for entry in plan:
            outcome = entry if isinstance(entry, SkippedFile) else next(outcomes)
            if bar is not None:
                bar.update(1)
            if isinstance(outcome, Article):
                yield outcome
                continue
            if isinstance(outcome, tuple):
                path, error = outcome
                if on_error == "raise":
                    raise error
                outcome = SkippedFile(path=path, reason=str(error))
            _report(outcome, bar)
            if skipped is not None:
                skipped.append(outcome)
    finally:
        if bar is not None:
            bar.close()
        if hasattr(outcomes, "close"):
            outcomes.close()


def _report(skip: SkippedFile, bar: tqdm[None] | None) -> None:
    line = f"natocorpus: skipped {skip.reason}"
    if bar is not None:
        bar.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr)


def load_files(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    encoding: str | None = None,
    errors: str = "strict",
    on_error: Literal["raise", "skip"] = "raise",
    workers: int | None = 1,
    progress: bool | None = None,
) -> tuple[list[Article], list[SkippedFile]]:
    """
    Read and extract files; return the articles and the files skipped.

    Args:
        paths: Files, and folders whose ``.txt`` files are read.
        encoding: The files' encoding; UTF-8 (with or without BOM) when None.
        errors: The codec error handler.
        on_error: ``"raise"`` or ``"skip"`` (see :func:`iter_articles`).
        workers: Processes to extract with (1: this process; 0 or None: all cores).
        progress: Show a progress bar (default: on a terminal, for more than 50 files).

    Returns:
        The articles in file order, and the files skipped (each with its reason).

    Raises:
        ArticleReadError: If a file cannot be read and ``on_error="raise"``.
        DuplicateArticleError: If two files share an id and ``on_error="raise"``.
        EmptyCorpusError: If no file was found, or every file was skipped.
        InvalidOptionError: If an option is not valid.

    .. versionadded:: 0.1.0
    """
    skipped: list[SkippedFile] = []
    articles = list(
        iter_articles(paths, encoding=encoding, errors=errors, on_error=on_error,
                      workers=workers, progress=progress, skipped=skipped)
    )
    if not articles:
        reasons = "; ".join(s.reason for s in skipped[:3])
        more = f"; and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        msg = f"no article could be read ({len(skipped)} files skipped: {reasons}{more})"
        raise EmptyCorpusError(msg)
    if skipped:
        total = len(articles) + len(skipped)
        print(f"natocorpus: {len(skipped)} of {total} files skipped (listed in Corpus.skipped)", file=sys.stderr)
    return articles, skipped
