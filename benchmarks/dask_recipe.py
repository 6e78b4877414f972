"""
Extract a large folder of articles with Dask and write Parquet tables (the recipe).

On one machine (starts a LocalCluster of 2 worker processes, one thread each)::

    python benchmarks/dask_recipe.py ARTICLES_DIR OUT_DIR

On a cluster (the same code; OUT_DIR must be storage every worker reaches: a shared
file system, or a URI such as s3://bucket/natocorpus that pyarrow can write)::

    python benchmarks/dask_recipe.py ARTICLES_DIR OUT_DIR --scheduler tcp://scheduler:8786

The heart of it is :func:`natocorpus.export.extract_to_parquet_dask`: a ``dask.bag`` of
the file list, ``natocorpus.extract_article`` mapped over it, each partition writing its
part of the ``articles``, ``lines``, ``quotes``, ``terms`` and ``mentions`` tables. Read
the result back with ``natocorpus.Corpus.from_parquet(OUT_DIR)``, or analyse it where it
lies with ``dask.dataframe.read_parquet(f"{OUT_DIR}/quotes")``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from typing import Any


def run(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    npartitions: int | None = None,
    on_error: str = "raise",
    overwrite: bool = False,
) -> dict[str, Any]:
    """
    Extract ``paths`` on a Dask cluster into Parquet tables under ``out``.

    Args:
        paths: Files and folders of ``.txt`` articles.
        out: The output folder or URI.
        scheduler: The address of a running Dask scheduler; None starts a LocalCluster.
        n_workers: Worker processes of the LocalCluster (one thread each).
        npartitions: Dask partitions (default: about 500 files each).
        on_error: ``"raise"`` or ``"skip"``.
        overwrite: Replace tables already in ``out``.

    Returns:
        The counts of articles written and files skipped, the seconds taken, and the
        quotes per speaker computed by ``dask.dataframe`` from the written tables.

    .. versionadded:: 0.1.0
    """
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from natocorpus.export import extract_to_parquet_dask

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        started = time.perf_counter()
        counts = extract_to_parquet_dask(paths, out, npartitions=npartitions, on_error=on_error,  # type: ignore[arg-type]
                                         overwrite=overwrite)
        seconds = time.perf_counter() - started
        # The tables are ordinary Parquet datasets: analyse them on the cluster directly.
        quotes = dd.read_parquet(f"{os.fspath(out)}/quotes", columns=["speaker"])
        per_speaker = quotes.dropna().groupby("speaker").size().compute().sort_values(ascending=False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return {**counts, "seconds": seconds, "quotes_per_speaker": per_speaker.to_dict()}


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="the folder(s) of .txt articles, then OUT_DIR last")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default: 2)")
    parser.add_argument("--npartitions", type=int, help="Dask partitions (default: ~500 files each)")
    parser.add_argument("--on-error", choices=["raise", "skip"], default="raise")
    parser.add_argument("--overwrite", action="store_true", help="replace tables already in OUT_DIR")
    args = parser.parse_args(argv)
    if len(args.paths) < 2:  # noqa: PLR2004 - inputs and an output
        parser.error("give the articles folder(s) and then OUT_DIR")
    *inputs, out = args.paths
    result = run(inputs, out, scheduler=args.scheduler, n_workers=args.workers, npartitions=args.npartitions,
                 on_error=args.on_error, overwrite=args.overwrite)
    print(f"{result['articles']} articles extracted in {result['seconds']:.1f} s "
          f"({result['skipped']} files skipped); tables in {out}")
    for speaker, count in list(result["quotes_per_speaker"].items())[:10]:
        print(f"  {count:6d}  {speaker}")
    print(f"read back with: natocorpus.Corpus.from_parquet({out!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
