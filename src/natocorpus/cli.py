"""
The ``natocorpus`` command line.

Subcommands: ``summary``, ``quotes``, ``extract``, ``evaluate``. With no PATH each
works on the bundled corpus. Errors print one line naming the file and what to do, and
exit with status 2 (bad input) or 1 (nothing matched); no traceback.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from typing import Any

from natocorpus.corpus import Corpus
from natocorpus.exceptions import NatoCorpusError
from natocorpus.records import Article

__all__ = ["article_to_dict", "main"]

EXIT_BAD_INPUT = 2


def article_to_dict(article: Article) -> dict[str, Any]:
    """
    The JSON form of an article, as ``natocorpus extract`` writes it.

    Keys: ``id``, ``title``, ``date`` (YYYY-MM-DD or None), ``language``, ``source``,
    ``byline``, ``quotes`` (each with ``text``, ``speaker``, ``kind``, ``cue``, ``start``,
    ``end``), ``speakers``, ``persons``, ``countries`` (sorted ISO codes), ``cities``
    (``[name as written, ISO code]`` pairs), ``boilerplate`` (lines).

    .. versionadded:: 0.1.0
    """
    cities: list[list[str]] = []
    for city in article.cities:
        pair = [city.text, city.country]
        if pair not in cities:
            cities.append(pair)
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "language": article.language,
        "source": article.source,
        "byline": article.byline,
        "quotes": [
            {"text": q.text, "speaker": q.speaker_name, "kind": q.kind, "cue": q.cue, "start": q.start, "end": q.end}
            for q in article.quotes
        ],
        "speakers": [s.name for s in article.speakers],
        "persons": list(article.person_names),
        "countries": list(article.country_codes),
        "cities": cities,
        "boilerplate": list(article.boilerplate),
    }


def _load(paths: Sequence[str], args: argparse.Namespace) -> Corpus:
    if not paths:
        from natocorpus import load

        return load()
    return Corpus.from_files(
        paths, encoding=args.encoding, errors=args.errors, on_error=args.on_error,
        workers=args.workers,
    )


def _print_table(frame: Any) -> None:
    import pandas as pd

    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                           "display.max_colwidth", 60):
        print(frame.to_string())


def _summary(args: argparse.Namespace) -> int:
    from natocorpus.tables import mentions_by_country, quotes_by_speaker

    corpus = _load(args.paths, args)
    print(f"natocorpus: {len(corpus)} articles, {len(corpus.quotes)} quotes, "
          f"{len(corpus.speakers)} speakers, {len(corpus.countries)} countries\n")
    _print_table(corpus.summary())
    print("\nQuotes per speaker")
    _print_table(quotes_by_speaker(corpus.quotes).set_index("speaker"))
    print("\nMentions per country")
    _print_table(mentions_by_country(corpus.articles).set_index("code"))
    if corpus.skipped:
        print(f"\n{len(corpus.skipped)} files skipped:", file=sys.stderr)
        for skipped in corpus.skipped:
            print(f"  {skipped.reason}", file=sys.stderr)
    return 0


def _quotes(args: argparse.Namespace) -> int:
    corpus = _load(args.paths, args)
    quotes = corpus.quotes.filter(speaker=args.speaker or None, country=args.country or None, limit=args.limit)
    if args.format == "json":
        print(json.dumps([{"article_id": q.article_id, "speaker": q.speaker_name, "kind": q.kind, "text": q.text,
                           "cue": q.cue, "start": q.start, "end": q.end, "countries": list(q.countries)}
                          for q in quotes], ensure_ascii=False, indent=2))
        return 0 if len(quotes) else 1
    for q in quotes:
        countries = f"  [{', '.join(q.countries)}]" if q.countries else ""
        print(f"{q.article_id}  {q.speaker_name or '(unknown)'} — {q.kind}, {q.cue or q.attribution}{countries}")
        print(f"  « {q.text} »\n")
    print(f"{len(quotes)} quotes", file=sys.stderr)
    return 0 if len(quotes) else 1


def _extract(args: argparse.Namespace) -> int:
    corpus = _load(args.paths, args)
    records = [article_to_dict(a) for a in corpus]
    try:
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout  # noqa: SIM115
    except OSError as error:
        print(f"natocorpus: error: {args.output}: cannot write the output file "
              f"({error.strerror or error}); choose another -o path", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        if args.format == "json":
            json.dump(records, out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif args.format == "jsonl":
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            header = list(records[0]) if records else []
            writer.writerow(header)
            for record in records:
                writer.writerow([json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else
                                 ("" if value is None else value) for value in record.values()])
            out.write(buffer.getvalue())
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from natocorpus.evaluate import evaluate

    corpus = _load(args.paths, args)
    report = evaluate(corpus, args.gold)
    if args.format == "json":
        print(json.dumps({**report.as_dict(), "errors": [list(e) for e in report.errors]}, ensure_ascii=False, indent=2))
    else:
        print(report.format(errors=not args.quiet))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``natocorpus`` command (for docs and tests)."""
    from natocorpus import __version__

    parser = argparse.ArgumentParser(
        prog="natocorpus",
        description="Quotes, speakers and countries from French news articles about NATO.",
        epilog="With no PATH, commands work on the five bundled seed articles.",
    )
    parser.add_argument("--version", action="version", version=f"natocorpus {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders of .txt files")
    reading.add_argument("--encoding", default=None, help="file encoding (default: UTF-8, with or without BOM)")
    reading.add_argument("--errors", default="strict", help="codec error handler: strict, replace, ignore")
    reading.add_argument("--on-error", choices=["raise", "skip"], default="raise",
                         help="stop at an unreadable file (raise) or skip it and report it (skip)")
    reading.add_argument("--workers", type=int, default=1, help="processes to use (0: all cores)")

    summary = commands.add_parser("summary", parents=[reading], help="print the corpus overview",
                                  description="Print the one-glance overview of a corpus.")
    summary.set_defaults(run=_summary)

    quotes = commands.add_parser("quotes", parents=[reading], help="print the matching quotes",
                                 description="Print quotes, filtered by speaker and country.")
    quotes.add_argument("--speaker", action="append", help="surname or full name (repeatable)")
    quotes.add_argument("--country", action="append", help="ISO code, French or English name (repeatable)")
    quotes.add_argument("--limit", type=int, default=None, help="print at most this many quotes")
    quotes.add_argument("--format", choices=["text", "json"], default="text")
    quotes.set_defaults(run=_quotes)

    extract = commands.add_parser("extract", parents=[reading], help="write one record per article",
                                  description="Write one record per article as JSON, JSON Lines or CSV.")
    extract.add_argument("--format", choices=["json", "jsonl", "csv"], default="json")
    extract.add_argument("-o", "--output", default=None, help="write to this file instead of standard output")
    extract.set_defaults(run=_extract)

    evaluate = commands.add_parser("evaluate", help="score extraction against gold annotations",
                                   description="Score extraction against a gold annotation file and list every error.")
    evaluate.add_argument("gold", metavar="GOLD", help="gold annotations (JSON, see the docs)")
    for action in reading._actions:
        if action.dest != "help":
            evaluate._add_action(action)
    evaluate.add_argument("--format", choices=["text", "json"], default="text")
    evaluate.add_argument("-q", "--quiet", action="store_true", help="print the figures only, not the errors")
    evaluate.set_defaults(run=_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line; return the exit status.

    .. versionadded:: 0.1.0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except NatoCorpusError as error:
        print(f"natocorpus: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
