"""
natocorpus benchmarks: extraction speed, loading, memory and query latency at scale.

Run (from the repository root, with natocorpus installed)::

    python benchmarks/run.py                    # 100,000 synthetic articles
    python benchmarks/run.py --articles 10000   # scaled down

A synthetic corpus of N seed-like articles is written to a temporary folder: each is one
of the bundled seeds with its body paragraphs shuffled and its people and countries
swapped for others from the registries (``natocorpus.resources.people()``, the CLDR
country names of ``natocorpus.gazetteer``). Then it measures, each against its target:

* extraction throughput on one core (MB/s of UTF-8 input, articles/s), target >= 2 MB/s;
* ``Corpus.from_dir`` end to end (read, decode, extract, index) on the N files;
* the peak memory of that load (RSS of a fresh process, beyond the interpreter and the
  lexicons) against the raw text size, target < 6x;
* the latency of ``corpus.filter(speaker=...)``, ``corpus.filter(country=...)``,
  ``corpus.quotes.filter(...)`` (first call, which builds the index, then repeated calls,
  target < 50 ms) and of the summary tables;
* spaCy's ``fr_core_news_sm`` on the same texts, if it is installed (it is optional);
* with ``--profile`` (or when the extraction target is missed), the top 15 functions of
  a cProfile run of extraction on 500 articles.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

TARGET_MB_S = 2.0
TARGET_MEMORY_RATIO = 6.0
TARGET_FILTER_MS = 50.0


# --- the synthetic corpus --------------------------------------------------------------


def _seed_texts() -> list[str]:
    from natocorpus.io import bundled_seed_paths

    return [path.read_text(encoding="utf-8") for path in bundled_seed_paths()]


def _registry_names() -> tuple[list[tuple[str, str]], list[str]]:
    """(full name, surname) of the registry's people; French country names."""
    from natocorpus.gazetteer import country_name_forms
    from natocorpus.resources import people

    persons = [(p.name, p.name.split()[-1]) for p in people() if len(p.name.split()) > 1]
    countries = sorted({name for name, _ in country_name_forms("fr") if " " not in name or len(name) < 20})
    return persons, countries


class Synthesiser:
    """Seed-like articles: shuffled paragraphs, swapped people and countries."""

    def __init__(self, seed: int = 0) -> None:
        self.random = random.Random(seed)
        self.seeds = _seed_texts()
        self.persons, self.countries = _registry_names()
        self.plans = [self._plan(text) for text in self.seeds]

    def _plan(self, text: str) -> tuple[str, list[str], list[tuple[str, str]], list[str], re.Pattern[str] | None]:
        lines = text.split("\n")
        present_people = [(full, surname) for full, surname in self.persons if full in text or
                          re.search(rf"\b{re.escape(surname)}\b", text)]
        present_countries = [name for name in self.countries if re.search(rf"\b{re.escape(name)}\b", text)]
        words = [w for full, surname in present_people for w in (full, surname)] + present_countries
        pattern = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in sorted(set(words), key=len, reverse=True))) \
            if words else None
        return lines[0], [line for line in lines[1:] if line.strip()], present_people, present_countries, pattern

    def article(self, number: int) -> str:
        title, body, present_people, present_countries, pattern = self.plans[number % len(self.plans)]
        # Shuffle the body paragraphs among their own places; headings, bylines and
        # boilerplate (short lines) stay where they were.
        slots = [i for i, line in enumerate(body) if len(line) >= 80]  # noqa: PLR2004
        moved = [body[i] for i in slots]
        self.random.shuffle(moved)
        paragraphs = body[:]
        for slot, line in zip(slots, moved, strict=True):
            paragraphs[slot] = line
        text = title + "\n" + "\n".join(paragraphs) + "\n"
        if pattern is None:
            return text
        mapping: dict[str, str] = {}
        for full, surname in present_people:
            other_full, other_surname = self.random.choice(self.persons)
            mapping[full], mapping[surname] = other_full, other_surname
        for name in present_countries:
            mapping[name] = self.random.choice(self.countries)
        return pattern.sub(lambda match: mapping.get(match.group(), match.group()), text)


def build_corpus(folder: Path, count: int, seed: int = 0) -> int:
    """Write ``count`` synthetic articles into ``folder``; return their total UTF-8 size."""
    synthesiser = Synthesiser(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for number in range(count):
        data = synthesiser.article(number).encode("utf-8")
        (folder / f"a{number:07d}.txt").write_bytes(data)
        total += len(data)
    return total


# --- measurements ----------------------------------------------------------------------


def _timed(function: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """Median seconds of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def measure_extraction(texts: list[str]) -> dict[str, float]:
    """Extraction alone, in this process (one core), on texts already in memory."""
    from natocorpus import extract_article

    for text in texts[:5]:
        extract_article(text, "warm")
    started = time.process_time()
    wall = time.perf_counter()
    for number, text in enumerate(texts):
        extract_article(text, f"a{number}")
    cpu, wall = time.process_time() - started, time.perf_counter() - wall
    size = sum(len(text.encode("utf-8")) for text in texts)
    return {"articles": len(texts), "mb": size / 1e6, "seconds": wall, "cpu_seconds": cpu,
            "mb_per_s": size / 1e6 / wall, "articles_per_s": len(texts) / wall}


def measure_spacy(texts: list[str]) -> dict[str, Any] | None:
    """spaCy's small French pipeline on the same texts, if installed."""
    try:
        import spacy

        nlp = spacy.load("fr_core_news_sm")
    except (ImportError, OSError) as error:
        return {"skipped": f"spaCy fr_core_news_sm is not installed ({type(error).__name__}); "
                           f"pip install 'natocorpus[spacy]' && python -m spacy download fr_core_news_sm"}
    list(nlp.pipe(texts[:5]))
    seconds, _ = _timed(lambda: list(nlp.pipe(texts, batch_size=32)))
    size = sum(len(text.encode("utf-8")) for text in texts)
    return {"articles": len(texts), "seconds": seconds, "mb_per_s": size / 1e6 / seconds,
            "articles_per_s": len(texts) / seconds}


def profile_extraction(texts: list[str], top: int = 15) -> str:
    """cProfile of extraction: the top functions by own time, as pstats prints them."""
    from natocorpus import extract_article

    profiler = cProfile.Profile()
    profiler.enable()
    for number, text in enumerate(texts):
        extract_article(text, f"p{number}")
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("tottime").print_stats(top)
    return out.getvalue()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child_load(folder: str, workers: int) -> dict[str, Any]:
    """In a fresh process: Corpus.from_dir, its peak memory, then query latencies."""
    import natocorpus
    from natocorpus import Corpus, tables

    natocorpus.load()  # the interpreter, pandas and the lexicons: the baseline
    baseline = _rss_mb()
    started = time.perf_counter()
    corpus = Corpus.from_dir(folder, workers=workers, progress=False)
    load_seconds = time.perf_counter() - started
    peak = _rss_mb()
    children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    def latency(name: str, function: Callable[[], Any]) -> dict[str, Any]:
        first, result = _timed(function)
        again, _ = _timed(function, repeat=5)
        return {"name": name, "first_ms": first * 1000, "repeat_ms": again * 1000, "size": len(result)}

    # The most quoted person: the least selective speaker filter, the hardest case.
    people = [s.name for s in corpus.speaker_records if s.kind == "person"] or list(corpus.speakers)
    quoted = corpus.get_quotes_dataframe()["speaker"].value_counts()
    speaker = max(people, key=lambda name: int(quoted.get(name, 0)))
    queries = [
        latency(f"corpus.filter(speaker={speaker!r})", lambda: corpus.filter(speaker=speaker)),
        latency("corpus.filter(country='Russie')", lambda: corpus.filter(country="Russie")),
        latency("corpus.filter(speaker=..., country='UA')", lambda: corpus.filter(speaker=speaker, country="UA")),
        latency(f"corpus.quotes.filter(speaker={speaker!r})", lambda: corpus.quotes.filter(speaker=speaker)),
        latency("corpus.quotes.filter(country='Russie')", lambda: corpus.quotes.filter(country="Russie")),
        latency("corpus.quotes.filter(speaker=..., country='RU', kind='full')",
                lambda: corpus.quotes.filter(speaker=speaker, country="RU", kind="full")),
    ]
    summaries = []
    for name, function in [
        ("corpus.summary()", corpus.summary),
        ("tables.quotes_by_speaker(corpus.quotes)", lambda: tables.quotes_by_speaker(corpus.quotes)),
        ("tables.mentions_by_country(corpus)", lambda: tables.mentions_by_country(corpus)),
        ("tables.speaker_country_table(corpus.quotes)", lambda: tables.speaker_country_table(corpus.quotes)),
        ("corpus.get_quotes_dataframe()", corpus.get_quotes_dataframe),
    ]:
        seconds, result = _timed(function)
        summaries.append({"name": name, "ms": seconds * 1000, "rows": len(result)})
    return {
        "articles": len(corpus), "quotes": len(corpus.quotes), "skipped": len(corpus.skipped),
        "load_seconds": load_seconds, "baseline_rss_mb": baseline, "peak_rss_mb": peak,
        "children_peak_rss_mb": children_peak, "queries": queries, "summaries": summaries,
    }


# --- report ----------------------------------------------------------------------------


def _verdict(ok: bool, detail: str) -> str:
    return f"PASS ({detail})" if ok else f"MISS ({detail})"


def main(argv: Sequence[str] | None = None) -> int:
    """Build the synthetic corpus, measure, print the report; see the module docstring."""
    parser = argparse.ArgumentParser(description="natocorpus speed, memory and latency benchmarks")
    parser.add_argument("--articles", type=int, default=100_000, help="synthetic articles (default 100000)")
    parser.add_argument("--sample", type=int, default=2_000,
                        help="articles for the in-memory extraction throughput (default 2000)")
    parser.add_argument("--workers", type=int, default=1, help="processes for Corpus.from_dir (default 1: one core)")
    parser.add_argument("--profile", action="store_true", help="always print the cProfile top 15")
    parser.add_argument("--folder", type=Path, help="write (or reuse) the synthetic corpus here and keep it")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the synthetic corpus")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--child-load", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child_load:
        print(json.dumps(child_load(args.child_load, args.workers)))
        return 0

    import natocorpus

    print(f"natocorpus {natocorpus.__version__} benchmarks: {args.articles:,} articles; Python "
          f"{platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    folder = args.folder or Path(tempfile.mkdtemp(prefix="natocorpus-bench-"))
    results: dict[str, Any] = {"articles": args.articles}
    try:
        existing = sorted(folder.glob("*.txt")) if folder.exists() else []
        if len(existing) == args.articles:
            raw_bytes = sum(p.stat().st_size for p in existing)
            print(f"reusing {folder} ({raw_bytes / 1e6:.1f} MB)")
        else:
            if existing:
                shutil.rmtree(folder)
            seconds, raw_bytes = _timed(lambda: build_corpus(folder, args.articles, args.seed))
            print(f"synthetic corpus: {args.articles:,} files, {raw_bytes / 1e6:.1f} MB of UTF-8, "
                  f"written in {seconds:.1f} s to {folder}")
        results["raw_mb"] = raw_bytes / 1e6

        paths = sorted(folder.glob("*.txt"))
        sample = [p.read_text(encoding="utf-8") for p in paths[: min(args.sample, len(paths))]]
        extraction = measure_extraction(sample)
        results["extraction"] = extraction
        ok = extraction["mb_per_s"] >= TARGET_MB_S
        factor = extraction["mb_per_s"] / TARGET_MB_S
        print(f"\nextraction, one core, {extraction['articles']:,} articles in memory: "
              f"{extraction['mb_per_s']:.3f} MB/s, {extraction['articles_per_s']:.1f} articles/s "
              f"[target >= {TARGET_MB_S} MB/s: {_verdict(ok, f'{factor:.2f}x the target')}]")

        spacy = measure_spacy(sample)
        results["spacy"] = spacy
        if spacy is None or "skipped" in spacy:
            print(f"spaCy: skipped: {spacy['skipped'] if spacy else 'not available'}")
        else:
            print(f"spaCy fr_core_news_sm on the same texts: {spacy['mb_per_s']:.3f} MB/s, "
                  f"{spacy['articles_per_s']:.1f} articles/s; natocorpus is "
                  f"{extraction['mb_per_s'] / spacy['mb_per_s']:.1f}x spaCy's speed")

        print(f"\nCorpus.from_dir on {len(paths):,} files (workers={args.workers}), in a fresh process ...", flush=True)
        done = subprocess.run(
            [sys.executable, __file__, "--child-load", str(folder), "--workers", str(args.workers)],
            capture_output=True, text=True, check=False,
        )
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        load = json.loads(done.stdout.strip().splitlines()[-1])
        results["load"] = load
        mb_s = raw_bytes / 1e6 / load["load_seconds"]
        print(f"  {load['articles']:,} articles, {load['quotes']:,} quotes in {load['load_seconds']:.1f} s: "
              f"{mb_s:.3f} MB/s, {load['articles'] / load['load_seconds']:.1f} articles/s end to end "
              f"[target >= {TARGET_MB_S} MB/s with workers=1: {_verdict(mb_s >= TARGET_MB_S, f'{mb_s / TARGET_MB_S:.2f}x')}]")
        used = load["peak_rss_mb"] - load["baseline_rss_mb"]
        ratio = used * 1024 * 1024 / raw_bytes
        print(f"  peak memory: {load['peak_rss_mb']:.0f} MB RSS, of which {used:.0f} MB for the corpus "
              f"(baseline {load['baseline_rss_mb']:.0f} MB: interpreter, pandas, lexicons) = {ratio:.2f}x the "
              f"{raw_bytes / 1e6:.0f} MB of raw text [target < {TARGET_MEMORY_RATIO}x: "
              f"{_verdict(ratio < TARGET_MEMORY_RATIO, f'{ratio:.2f}x')}]")
        if args.workers > 1:
            print(f"  largest worker process: {load['children_peak_rss_mb']:.0f} MB RSS")

        print(f"\nqueries on {load['articles']:,} articles (first call builds the index; then median of 5) "
              f"[target < {TARGET_FILTER_MS:.0f} ms]:")
        for query in load["queries"]:
            ok = query["repeat_ms"] < TARGET_FILTER_MS
            print(f"  {query['name']:62s} first {query['first_ms']:9.1f} ms, then {query['repeat_ms']:8.1f} ms "
                  f"-> {query['size']:,} results  {'PASS' if ok else 'MISS'}")
        print("summary tables:")
        for summary in load["summaries"]:
            print(f"  {summary['name']:62s} {summary['ms']:9.1f} ms ({summary['rows']:,} rows)")

        if args.profile or extraction["mb_per_s"] < TARGET_MB_S:
            print("\nwhere extraction spends its time (cProfile, 500 articles, top 15 by own time):")
            print(profile_extraction(sample[:500]))
    finally:
        if args.folder is None:
            shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
