"""
Exports that big-data tools read natively, and the way back to a :class:`~natocorpus.Corpus`.

Two formats:

* **Parquet** (needs the optional ``pyarrow``: ``pip install 'natocorpus[parquet]'``).
  :func:`write_parquet` writes a folder holding one Parquet dataset per table, each a
  sub-folder of ``part-NNNNNNNNN.parquet`` files, which pandas, pyarrow, Polars, DuckDB,
  Spark and Dask read as one table (``read_parquet("out/quotes")``)::

      out/articles/   seq, id, title, date, date_text, language, source, byline, path, raw
      out/lines/      article_id, index, role, number, start, end, text
      out/quotes/     article_id, index, start, end, text, kind, speaker, speaker_kind,
                      cue, cue_start, cue_end, attribution, countries (list of ISO codes)
      out/terms/      article_id, index, start, end, text, reason
      out/mentions/   article_id, index, type (person / country / city), name, code,
                      form, role, start, end, text
      out/skipped/    path, reason

  ``articles.raw`` is the text exactly as read and every ``start``/``end`` is an offset
  into it, so :func:`read_parquet` rebuilds records equal to the original ones.
* **JSON Lines**: :func:`write_jsonl` writes one complete article per line (every
  field of :class:`~natocorpus.Article`, nested records included; ``.gz`` compresses),
  and :func:`read_jsonl` reads it back.

:func:`extract_to_parquet_dask` runs the extraction of a large folder on a Dask cluster
(a laptop's ``LocalCluster`` or a real one) and writes the same Parquet tables.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import os
import re
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any, Literal

import attrs

from natocorpus.exceptions import (
    InvalidOptionError,
    MissingDependencyError,
    TableFormatError,
)
from natocorpus.io import SkippedFile
from natocorpus.records import Article, Speaker

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.fs as pafs

    from natocorpus.corpus import Corpus

__all__ = [
    "TABLES",
    "article_from_record",
    "article_to_record",
    "articles_to_arrow",
    "extract_to_parquet_dask",
    "read_jsonl",
    "read_parquet",
    "write_jsonl",
    "write_parquet",
]

TABLES: tuple[str, ...] = ("articles", "lines", "quotes", "terms", "mentions", "skipped")
"""The Parquet tables :func:`write_parquet` writes, one sub-folder each."""

_PART = "part-{:09d}.parquet"
_BATCH_BYTES = 64 * 1024 * 1024
_BATCH_ARTICLES = 20_000
_DASK_PARTITION = 500
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_unicode(article: Article) -> None:
    """Parquet and JSON need valid Unicode: refuse lone surrogates, naming where they are."""
    for field, value in (("id", article.id), ("path", article.path), ("raw", article.raw)):
        match = _SURROGATE.search(value) if value else None
        if match:
            msg = (
                f"article {article.id!r}: its {field} holds the lone surrogate {match.group()!r} at "
                f"offset {match.start()}, which Parquet and JSON cannot store; it comes from "
                f"errors='surrogateescape', a str built by hand, or a file name that is not "
                f"UTF-8: read the file with errors='replace', fix the text, or rename the file"
            )
            raise TableFormatError(msg)


# --- optional dependencies -------------------------------------------------------------


def _require_pyarrow(user: str) -> tuple[Any, Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.fs as pafs
        import pyarrow.parquet as pq
    except ImportError as error:
        msg = (
            f"natocorpus.export.{user} needs the optional package 'pyarrow', which is not "
            f"installed; install it with: pip install 'natocorpus[parquet]'"
        )
        raise MissingDependencyError(msg, name="pyarrow") from error
    return pa, pq, pafs


def _require_dask(user: str) -> Any:
    try:
        import dask.bag as db
    except ImportError as error:
        msg = (
            f"natocorpus.export.{user} needs the optional package 'dask[bag]' (and "
            f"'distributed' for a cluster), which is not installed; install them with: "
            f"pip install 'natocorpus[dask]'"
        )
        raise MissingDependencyError(msg, name="dask") from error
    return db


# --- table layout, derived from the records ---------------------------------------------

# A table layout is derived from the attrs fields of the records, so a field added to a
# record is exported (and read back) without touching this module: str, int, bool, float
# and date fields become columns of that type, tuple[str, ...] a list column, a Speaker
# two columns (name and kind), a tuple of records a table of its own; anything else is
# stored as JSON text.

_MENTION_TYPES = {"persons": "person", "countries": "country", "cities": "city"}
_RENAMES = {("cities", "country"): "code"}  # a city's country code sits beside country codes
_KEYS = ("article_id", "index", "type")


@attrs.frozen
class _Column:
    name: str
    kind: str  # str, int, bool, float, date, strs, json


@attrs.frozen
class _Part:
    """One record class stored in a child table (the mentions table holds three)."""

    field: str  # the Article attribute holding the records
    label: str | None  # the value of the ``type`` column, for the mentions table
    cls: type
    columns: tuple[tuple[str, str, str], ...]  # (record field, column, kind)
    defaults: frozenset[str]  # record fields that have a default


@attrs.frozen
class _Layout:
    articles: tuple[tuple[str, str], ...]  # (field, kind), raw last
    tables: dict[str, tuple[tuple[_Column, ...], tuple[_Part, ...]]]


def _kind(hint: Any) -> Any:
    import datetime as dt
    import types
    import typing

    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        rest = [arg for arg in args if arg is not type(None)]
        return _kind(rest[0]) if len(rest) == 1 else "json"
    if hint is Speaker:
        return "speaker"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:  # noqa: PLR2004 - tuple[X, ...]
        if args[0] is str:
            return "strs"
        if attrs.has(args[0]):
            return ("records", args[0])
    simple = {str: "str", bool: "bool", int: "int", float: "float", dt.date: "date"}
    return simple.get(hint, "json")


def _public_name(item: "attrs.Attribute[Any]") -> str:
    """
    The name a field is given and read by: its init alias.

    A line's or quote's text is stored in a private field (the shared article text) and
    read through the ``text`` property; tables and JSON hold the text itself.
    """
    return item.alias or item.name


def _hints(cls: type) -> dict[str, Any]:
    import typing

    from natocorpus import records

    # The public classes say __module__ = "natocorpus": resolve names in records.py.
    return typing.get_type_hints(cls, globalns=vars(records))


@functools.cache
def _layout() -> _Layout:
    hints = _hints(Article)
    articles: list[tuple[str, str]] = []
    tables: dict[str, tuple[dict[str, _Column], list[_Part]]] = {}
    for field in attrs.fields(Article):
        kind = _kind(hints[field.name])
        if not isinstance(kind, tuple):
            articles.append((field.name, kind))
            continue
        cls = kind[1]
        table = "mentions" if field.name in _MENTION_TYPES else field.name
        label = _MENTION_TYPES.get(field.name)
        columns, parts = tables.setdefault(table, ({}, []))
        columns.setdefault("article_id", _Column("article_id", "str"))
        columns.setdefault("index", _Column("index", "int"))
        if label:
            columns.setdefault("type", _Column("type", "str"))
        child = _hints(cls)
        mapped: list[tuple[str, str, str]] = []
        for item in attrs.fields(cls):
            item_kind = _kind(child[item.name])
            public = _public_name(item)
            if public == "article_id":
                mapped.append((public, "article_id", "str"))
                continue
            if isinstance(item_kind, tuple):
                item_kind = "json"
            name = _RENAMES.get((field.name, public), public)
            if item_kind == "speaker":
                columns.setdefault(name, _Column(name, "str"))
                columns.setdefault(f"{name}_kind", _Column(f"{name}_kind", "str"))
            else:
                columns.setdefault(name, _Column(name, item_kind))
            mapped.append((public, name, item_kind))
        defaults = frozenset(_public_name(item) for item in attrs.fields(cls) if item.default is not attrs.NOTHING)
        parts.append(_Part(field=field.name, label=label, cls=cls, columns=tuple(mapped), defaults=defaults))
    articles.sort(key=lambda pair: pair[0] == "raw")  # the long text last, for readability
    return _Layout(
        articles=tuple(articles),
        tables={name: (tuple(columns.values()), tuple(parts)) for name, (columns, parts) in tables.items()},
    )


def _table_names() -> tuple[str, ...]:
    return ("articles", *_layout().tables, "skipped")


def _arrow_type(pa: Any, kind: str) -> Any:
    return {
        "str": pa.string(), "json": pa.string(), "int": pa.int64(), "bool": pa.bool_(),
        "float": pa.float64(), "date": pa.date32(), "strs": pa.list_(pa.string()),
    }[kind]


def _schemas(pa: Any) -> dict[str, pa.Schema]:
    layout = _layout()
    schemas = {"articles": pa.schema([("seq", pa.int64())] + [(name, _arrow_type(pa, kind))
                                                              for name, kind in layout.articles])}
    for table, (columns, _) in layout.tables.items():
        schemas[table] = pa.schema([(column.name, _arrow_type(pa, column.kind)) for column in columns])
    schemas["skipped"] = pa.schema([("path", pa.string()), ("reason", pa.string())])
    return schemas


def _to_cell(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "strs":
        return list(value)
    if kind == "json":
        # _as_json, not attrs.asdict: a record's fields under their public names, so a
        # line's or quote's text and not the article it slices.
        return json.dumps(_as_json(value), ensure_ascii=False, default=str)
    return value


def _from_cell(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "strs":
        return tuple(value)
    if kind == "json":
        return json.loads(value)
    return value


class _Columns:
    """Column lists for every table, filled article by article."""

    def __init__(self) -> None:
        layout = _layout()
        self.layout = layout
        self.data: dict[str, dict[str, list[Any]]] = {
            "articles": {name: [] for name in ("seq", *(field for field, _ in layout.articles))},
        }
        for table, (columns, _) in layout.tables.items():
            self.data[table] = {column.name: [] for column in columns}
        self.articles = 0
        self.raw_bytes = 0
        self.first_seq: int | None = None

    def add(self, seq: int, article: Article) -> None:
        _check_unicode(article)
        if self.first_seq is None:
            self.first_seq = seq
        self.articles += 1
        self.raw_bytes += len(article.raw)
        rows = self.data["articles"]
        rows["seq"].append(seq)
        for field, kind in self.layout.articles:
            rows[field].append(_to_cell(getattr(article, field), kind))
        for table, (columns, parts) in self.layout.tables.items():
            data = self.data[table]
            index = 0
            for part in parts:
                for record in getattr(article, part.field):
                    row: dict[str, Any] = {"article_id": article.id, "index": index, "type": part.label}
                    for field, column, kind in part.columns:
                        if column == "article_id":
                            continue
                        value = getattr(record, field)
                        if kind == "speaker":
                            row[column] = value.name if value is not None else None
                            row[f"{column}_kind"] = value.kind if value is not None else None
                        else:
                            row[column] = _to_cell(value, kind)
                    for column in columns:
                        data[column.name].append(row.get(column.name))
                    index += 1

    def tables(self, pa: Any, skipped: Iterable[SkippedFile] = ()) -> dict[str, pa.Table]:
        out: dict[str, pa.Table] = {}
        for name, schema in _schemas(pa).items():
            if name == "skipped":
                items = list(skipped)
                columns: dict[str, list[Any]] = {"path": [s.path for s in items], "reason": [s.reason for s in items]}
            else:
                columns = self.data[name]
            out[name] = pa.table(columns, schema=schema)
        return out


def articles_to_arrow(
    articles: Iterable[Article], *, first_seq: int = 0, skipped: Iterable[SkippedFile] = ()
) -> dict[str, pa.Table]:
    """
    Convert articles to the Arrow tables that :func:`write_parquet` writes.

    Args:
        articles: The articles, in order.
        first_seq: The ``seq`` (corpus position) of the first article.
        skipped: Files skipped while loading, for the ``skipped`` table.

    Returns:
        One :class:`pyarrow.Table` per name of :data:`TABLES`.

    Raises:
        MissingDependencyError: If pyarrow is not installed.
        TableFormatError: If an article holds text that is not valid Unicode.

    .. versionadded:: 0.1.0
    """
    pa, _, _ = _require_pyarrow("articles_to_arrow")
    columns = _Columns()
    for seq, article in enumerate(articles, start=first_seq):
        columns.add(seq, article)
    return columns.tables(pa, skipped)


# --- file systems ----------------------------------------------------------------------


def _filesystem(pafs: Any, folder: str | os.PathLike[str]) -> tuple[pafs.FileSystem, str]:
    """A pyarrow file system and path: local paths, or URIs such as ``s3://bucket/out``."""
    where = os.fspath(folder)
    if "://" in where:
        try:
            return pafs.FileSystem.from_uri(where)  # type: ignore[no-any-return]
        except Exception as error:  # pyarrow raises ArrowInvalid, OSError...
            msg = f"folder={where!r}: pyarrow cannot open this location ({error}); use a local path or a supported URI"
            raise InvalidOptionError(msg) from None
    return pafs.LocalFileSystem(), os.path.abspath(where)


def _parts(pafs: Any, fs: pafs.FileSystem, folder: str) -> list[str]:
    selector = pafs.FileSelector(folder, allow_not_found=True)
    return sorted(
        info.path for info in fs.get_file_info(selector)
        if info.type == pafs.FileType.File and info.base_name.endswith(".parquet")
        and not info.base_name.startswith(("_", "."))
    )


def _prepare(pafs: Any, folder: str | os.PathLike[str], overwrite: bool) -> tuple[pafs.FileSystem, str]:
    fs, root = _filesystem(pafs, folder)
    existing = [part for name in _table_names() for part in _parts(pafs, fs, f"{root}/{name}")]
    if existing and not overwrite:
        msg = (
            f"folder={os.fspath(folder)!r} already holds natocorpus tables ({existing[0]}...); "
            f"choose an empty folder or pass overwrite=True to replace them"
        )
        raise InvalidOptionError(msg)
    for part in existing:
        fs.delete_file(part)
    for name in _table_names():
        fs.create_dir(f"{root}/{name}", recursive=True)
    return fs, root


def _write_tables(pq: Any, fs: pafs.FileSystem, root: str, tables: dict[str, pa.Table], part: int,
                  compression: str) -> None:
    for name, table in tables.items():
        if table.num_rows or name == "articles":
            pq.write_table(table, f"{root}/{name}/{_PART.format(part)}", filesystem=fs, compression=compression)


# --- Parquet ---------------------------------------------------------------------------


def write_parquet(
    source: Corpus | Iterable[Article],
    folder: str | os.PathLike[str],
    *,
    skipped: Iterable[SkippedFile] | None = None,
    overwrite: bool = False,
    compression: str = "snappy",
    batch_bytes: int = _BATCH_BYTES,
) -> dict[str, int]:
    """
    Write articles as Parquet tables: one sub-folder per table of :data:`TABLES`.

    The articles are consumed one by one and written in batches, so a generator such as
    :func:`natocorpus.iter_articles` is exported without holding the corpus in memory.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> write_parquet(natocorpus.load(), folder)["articles"]
    5
    >>> read_parquet(folder) == natocorpus.load()
    True

    Args:
        source: A corpus, or any iterable of articles.
        folder: The output folder (created if needed), or a URI pyarrow understands
            (``s3://bucket/out``).
        skipped: Files skipped while loading, for the ``skipped`` table (default: the
            corpus's :attr:`~natocorpus.Corpus.skipped`). It is read after the articles,
            so the list that :func:`~natocorpus.iter_articles` fills can be passed.
        overwrite: Replace tables already in the folder (otherwise an error).
        compression: The Parquet codec (``snappy``, ``zstd``, ``gzip``, ``none``).
        batch_bytes: Write a part file whenever the batch's raw text reaches this size.

    Returns:
        The number of rows written per table.

    Raises:
        MissingDependencyError: If pyarrow is not installed.
        InvalidOptionError: If the folder already holds tables and ``overwrite`` is False.
        TableFormatError: If an article holds text that is not valid Unicode (a lone
            surrogate), which Parquet cannot store.

    .. versionadded:: 0.1.0
    """
    pa, pq, pafs = _require_pyarrow("write_parquet")
    from natocorpus.corpus import Corpus

    if skipped is None:
        skipped = source.skipped if isinstance(source, Corpus) else ()
    fs, root = _prepare(pafs, folder, overwrite)
    counts = dict.fromkeys(_table_names(), 0)
    batch = _Columns()
    seq = 0

    def flush(final: bool) -> None:
        nonlocal batch
        if batch.articles or (final and seq == 0):
            tables = batch.tables(pa)
            tables.pop("skipped")
            _write_tables(pq, fs, root, tables, batch.first_seq or 0, compression)
            for name, table in tables.items():
                counts[name] += table.num_rows
        batch = _Columns()

    for article in source:
        batch.add(seq, article)
        seq += 1
        if batch.raw_bytes >= batch_bytes or batch.articles >= _BATCH_ARTICLES:
            flush(final=False)
    flush(final=True)
    skipped_table = _Columns().tables(pa, skipped)["skipped"]
    if skipped_table.num_rows:
        pq.write_table(skipped_table, f"{root}/skipped/{_PART.format(0)}", filesystem=fs, compression=compression)
    counts["skipped"] = skipped_table.num_rows
    return counts


def _read_table(pq: Any, pafs: Any, fs: pafs.FileSystem, root: str, name: str,
                schema: pa.Schema, required: Iterable[str]) -> dict[str, list[Any]]:
    folder = f"{root}/{name}"
    info = fs.get_file_info(folder)
    if info.type != pafs.FileType.Directory:
        if name == "skipped":
            return {column: [] for column in schema.names}
        msg = (
            f"{folder}: no {name!r} table (a sub-folder of Parquet files) in this folder; "
            f"read a folder written by natocorpus.export.write_parquet (tables: {', '.join(_table_names())})"
        )
        raise TableFormatError(msg)
    parts = _parts(pafs, fs, folder)
    if not parts:
        return {column: [] for column in schema.names}
    table = pq.read_table(parts, filesystem=fs)
    missing = [column for column in required if column not in table.column_names]
    if missing:
        msg = (
            f"{folder}: the {name!r} table lacks the columns {', '.join(missing)}; it was not "
            f"written by natocorpus.export.write_parquet (expected: {', '.join(schema.names)})"
        )
        raise TableFormatError(msg)
    # Columns a newer natocorpus added (with defaults) may be absent from older exports.
    return {column: table.column(column).to_pylist() for column in schema.names if column in table.column_names}


def _check_span(table: str, raw: str, start: int, end: int, text: str, article_id: str, index: int) -> None:
    if raw[start:end] != text:
        msg = (
            f"{table} row {index} of article {article_id!r}: raw[{start}:{end}] is "
            f"{raw[start:end][:40]!r}, not the recorded text {text[:40]!r}; the tables do not "
            f"belong together (mixed exports?): export the corpus again"
        )
        raise TableFormatError(msg)


def _required(table: str) -> list[str]:
    layout = _layout()
    if table == "articles":
        defaults = {f.name for f in attrs.fields(Article) if f.default is not attrs.NOTHING}
        return ["seq", *(field for field, _ in layout.articles if field not in defaults)]
    if table == "skipped":
        return ["path", "reason"]
    columns, parts = layout.tables[table]
    needed = ["article_id", "index"] + (["type"] if any(p.label for p in parts) else [])
    for part in parts:
        for field, column, kind in part.columns:
            if field not in part.defaults and column not in needed:
                needed.append(column)
            if kind == "speaker" and field not in part.defaults:
                needed.append(f"{column}_kind")
    return needed


def _record(part: _Part, row: dict[str, Any]) -> Any:
    values: dict[str, Any] = {}
    for field, column, kind in part.columns:
        if column not in row:
            continue  # an older export: the field keeps its default
        if kind == "speaker":
            name = row[column]
            values[field] = Speaker(name=name, kind=row.get(f"{column}_kind") or "person") if name is not None else None
        else:
            values[field] = _from_cell(row[column], kind)
    return part.cls(**values)


def read_parquet(folder: str | os.PathLike[str]) -> Corpus:
    """
    Read the Parquet tables of :func:`write_parquet` or :func:`extract_to_parquet_dask`
    back into a corpus equal to the one written.

    Every offset is checked against the article's raw text on the way in. Columns that a
    later natocorpus added to a record may be missing (exports from an older version):
    those fields take their defaults.

    Args:
        folder: The folder (or URI) holding the tables.

    Returns:
        The corpus, articles in their original order, skipped files restored.

    Raises:
        MissingDependencyError: If pyarrow is not installed.
        TableFormatError: If a table or column is missing, a row names an unknown
            article, or an offset does not slice the raw text back to the recorded text.

    .. versionadded:: 0.1.0
    """
    pa, pq, pafs = _require_pyarrow("read_parquet")
    from natocorpus.corpus import Corpus

    fs, root = _filesystem(pafs, folder)
    if fs.get_file_info(root).type != pafs.FileType.Directory:
        msg = f"{os.fspath(folder)}: no such folder; name the folder write_parquet wrote"
        raise TableFormatError(msg)
    layout = _layout()
    data = {name: _read_table(pq, pafs, fs, root, name, schema, _required(name))
            for name, schema in _schemas(pa).items()}

    art = data["articles"]
    order = sorted(range(len(art["seq"])), key=art["seq"].__getitem__)
    raws = dict(zip(art["id"], art["raw"], strict=True))
    children: dict[str, dict[str, list[tuple[int, Any]]]] = {}  # article field -> id -> records
    for table, (_, parts) in layout.tables.items():
        by_label = {part.label: part for part in parts}
        columns = data[table]
        keys = list(columns)
        for values in zip(*columns.values(), strict=True):
            row = dict(zip(keys, values, strict=True))
            article_id = row["article_id"]
            part = by_label.get(row.get("type"))
            if part is None:
                msg = (
                    f"{root}/{table}: row {row['index']} of article {article_id!r} has the unknown "
                    f"type {row.get('type')!r} (expected: {', '.join(str(p.label) for p in parts)})"
                )
                raise TableFormatError(msg)
            if article_id not in raws:
                msg = (
                    f"{root}/{table}: row {row['index']} names the article {article_id!r}, which "
                    f"is not in the articles table; export the corpus again"
                )
                raise TableFormatError(msg)
            if {"start", "end", "text"} <= row.keys():
                _check_span(table, raws[article_id], row["start"], row["end"], row["text"], article_id, row["index"])
            children.setdefault(part.field, {}).setdefault(article_id, []).append((row["index"], _record(part, row)))
    articles = []
    for position in order:
        article_id = art["id"][position]
        fields = {field: _from_cell(art[field][position], kind) for field, kind in layout.articles if field in art}
        for table in layout.tables.values():
            for part in table[1]:
                found = children.get(part.field, {}).get(article_id, [])
                fields[part.field] = [record for _, record in sorted(found, key=lambda item: item[0])]
        articles.append(Article(**fields))
    skipped = [SkippedFile(path=p, reason=r) for p, r in zip(data["skipped"]["path"], data["skipped"]["reason"],
                                                             strict=True)]
    return Corpus(articles, skipped)


# --- JSON Lines ------------------------------------------------------------------------


def article_to_record(article: Article) -> dict[str, Any]:
    """
    The complete JSON form of an article: every field, nested records as objects.

    Unlike the summary that ``natocorpus extract`` prints, this keeps ``raw`` and every
    offset, so :func:`article_from_record` rebuilds an equal article.

    >>> record = article_to_record(natocorpus.load()["004_b806dba111cf650b"])
    >>> record["date"], record["quotes"][0]["speaker"]
    ('2024-02-07', {'name': 'Jens Stoltenberg', 'kind': 'person'})

    Args:
        article: The article.

    Returns:
        A dict of JSON types (dates as ``YYYY-MM-DD``).

    .. versionadded:: 0.1.0
    """
    return _as_json(article)


def _as_json(value: Any) -> Any:
    """A record as a dict of JSON types under its public field names, recursively."""
    import datetime as dt

    if attrs.has(type(value)):
        return {_public_name(item): _as_json(getattr(value, _public_name(item)))
                for item in attrs.fields(type(value))}
    if isinstance(value, (tuple, list)):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _from_json(hint: Any, value: Any) -> Any:
    """Rebuild a field value from its JSON form, guided by the field's type."""
    import datetime as dt

    kind = _kind(hint)
    if value is None:
        return None
    if isinstance(kind, tuple):
        cls = kind[1]
        hints = _hints(cls)
        return [cls(**{key: _from_json(hints[key], item) if key in hints else item for key, item in entry.items()})
                for entry in value]
    if kind == "speaker":
        return Speaker(**value)
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind == "strs":
        return tuple(value)
    return value


def article_from_record(record: dict[str, Any]) -> Article:
    """
    Rebuild an article from :func:`article_to_record`'s dict.

    Args:
        record: The dict.

    Returns:
        The article.

    Raises:
        TableFormatError: If a field is missing, unknown or of the wrong type.

    .. versionadded:: 0.1.0
    """
    try:
        hints = _hints(Article)
        fields = {key: _from_json(hints[key], value) if key in hints else value for key, value in record.items()}
        return Article(**fields)
    except (TypeError, ValueError, AttributeError, KeyError) as error:
        article_id = record.get("id") if isinstance(record, dict) else None
        msg = f"article {article_id!r}: not a record written by article_to_record ({error})"
        raise TableFormatError(msg) from None


def _open_text(path: str | os.PathLike[str], mode: Literal["r", "w"]) -> IO[str]:
    if os.fspath(path).endswith(".gz"):
        return gzip.open(path, mode + "t", encoding="utf-8", newline="\n")
    return open(path, mode, encoding="utf-8", newline="\n")  # noqa: SIM115 - closed by the caller


def write_jsonl(source: Corpus | Iterable[Article], path: str | os.PathLike[str]) -> int:
    """
    Write one complete article per line (see :func:`article_to_record`).

    A ``.gz`` suffix writes gzip-compressed JSON Lines, which Spark, DuckDB, pandas and
    Dask also read natively. Skipped files are not written.

    Args:
        source: A corpus, or any iterable of articles (a generator is streamed).
        path: The output file.

    Returns:
        The number of articles written.

    Raises:
        TableFormatError: If an article holds text that is not valid Unicode.

    .. versionadded:: 0.1.0
    """
    count = 0
    with _open_text(path, "w") as out:
        for article in source:
            _check_unicode(article)
            out.write(json.dumps(article_to_record(article), ensure_ascii=False))
            out.write("\n")
            count += 1
    return count


def iter_jsonl(path: str | os.PathLike[str]) -> Iterator[Article]:
    """
    Yield the articles of a :func:`write_jsonl` file one by one.

    Raises:
        TableFormatError: If a line is not JSON or not an article record (with the line
            number).

    .. versionadded:: 0.1.0
    """
    with _open_text(path, "r") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                msg = f"{os.fspath(path)}: line {number}: not JSON ({error.msg}); read a file written by write_jsonl"
                raise TableFormatError(msg) from None
            try:
                yield article_from_record(record)
            except TableFormatError as error:
                msg = f"{os.fspath(path)}: line {number}: {error}"
                raise TableFormatError(msg) from None


def read_jsonl(path: str | os.PathLike[str]) -> Corpus:
    """
    Read a :func:`write_jsonl` file back into a corpus.

    Args:
        path: The file (``.gz`` for gzip).

    Returns:
        The corpus.

    Raises:
        TableFormatError: If a line is not an article record.

    .. versionadded:: 0.1.0
    """
    from natocorpus.corpus import Corpus

    return Corpus(list(iter_jsonl(path)))


# --- Dask ------------------------------------------------------------------------------


def _extract_job(job: tuple[int, str, str, str | None, str, str]) -> tuple[int, Article | SkippedFile]:
    """Read one file and run :func:`natocorpus.extract_article` on it (runs on a worker)."""
    import natocorpus
    from natocorpus.exceptions import ArticleReadError
    from natocorpus.io import read_article_file

    seq, path, article_id, encoding, errors, on_error = job
    try:
        text = read_article_file(path, encoding=encoding, errors=errors)
    except ArticleReadError as error:
        if on_error == "raise":
            raise
        return seq, SkippedFile(path=path, reason=str(error))
    return seq, natocorpus.extract_article(text, article_id, path=path)


def _write_partition(items: Iterable[tuple[int, Article | SkippedFile]], folder: str,
                     compression: str) -> list[tuple[int, int, SkippedFile | None]]:
    """Write one partition's articles as part files of every table (runs on a worker)."""
    pa, pq, pafs = _require_pyarrow("extract_to_parquet_dask")
    fs, root = _filesystem(pafs, folder)
    columns = _Columns()
    report: list[tuple[int, int, SkippedFile | None]] = []
    for seq, outcome in items:
        if isinstance(outcome, SkippedFile):
            report.append((seq, 0, outcome))
        else:
            columns.add(seq, outcome)
            report.append((seq, 1, None))
    if columns.articles:
        tables = columns.tables(pa)
        tables.pop("skipped")
        _write_tables(pq, fs, root, tables, columns.first_seq or 0, compression)
    return report


def extract_to_parquet_dask(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    folder: str | os.PathLike[str],
    *,
    npartitions: int | None = None,
    encoding: str | None = None,
    errors: str = "strict",
    on_error: Literal["raise", "skip"] = "raise",
    overwrite: bool = False,
    compression: str = "snappy",
) -> dict[str, int]:
    """
    Extract a large set of files with Dask and write the Parquet tables of
    :func:`write_parquet` (read them back with :func:`read_parquet`).

    A :mod:`dask.bag` is built from the file list, ``natocorpus.extract_article`` is
    mapped over it, and every partition writes its own part file of each table, so no
    machine holds the corpus. It runs on whatever Dask scheduler is active: create a
    ``distributed.Client`` first (``Client(LocalCluster(...))`` on one machine, or
    ``Client("tcp://scheduler:8786")`` on a cluster, where ``folder`` must be storage
    every worker can reach: a shared file system or an ``s3://`` URI).

    Args:
        paths: Files, and folders whose ``.txt`` files are read.
        folder: The output folder or URI.
        npartitions: Partitions (tasks) to split the files into (default: about 500
            files each).
        encoding: The files' encoding; UTF-8 (with or without BOM) when None.
        errors: The codec error handler.
        on_error: ``"raise"`` or ``"skip"``, as for :meth:`natocorpus.Corpus.from_files`
            (skipped files go to the ``skipped`` table and to stderr).
        overwrite: Replace tables already in the folder.
        compression: The Parquet codec.

    Returns:
        The numbers of ``articles`` written and of files ``skipped``.

    Raises:
        MissingDependencyError: If dask or pyarrow is not installed.
        ArticleReadError: If a file cannot be read and ``on_error="raise"``.
        DuplicateArticleError: If two files share an id and ``on_error="raise"``.
        InvalidOptionError: If an option is not valid.

    .. versionadded:: 0.1.0
    """
    import sys

    from natocorpus.io import check_codec, find_article_files
    from natocorpus.loading import _plan

    db = _require_dask("extract_to_parquet_dask")
    pa, pq, pafs = _require_pyarrow("extract_to_parquet_dask")
    if on_error not in ("raise", "skip"):
        msg = f"on_error={on_error!r} is not a choice; use 'raise' or 'skip'"
        raise InvalidOptionError(msg)
    if npartitions is not None and (not isinstance(npartitions, int) or npartitions < 1):
        msg = f"npartitions={npartitions!r} is not a number of partitions; use an integer >= 1 or None"
        raise InvalidOptionError(msg)
    check_codec(encoding, errors)
    plan = _plan(find_article_files(paths), on_error, encoding, errors)  # type: ignore[arg-type]
    fs, root = _prepare(pafs, folder, overwrite)
    skipped = [entry for entry in plan if isinstance(entry, SkippedFile)]
    jobs = [(seq, *entry, on_error) for seq, entry in enumerate(plan) if not isinstance(entry, SkippedFile)]
    count = npartitions or max(1, math.ceil(len(jobs) / _DASK_PARTITION))
    bag = db.from_sequence(jobs, npartitions=min(count, max(1, len(jobs))))
    articles = bag.map(_extract_job)
    target = os.fspath(folder) if "://" in os.fspath(folder) else root
    report = articles.map_partitions(_write_partition, folder=target, compression=compression).compute()
    skipped += [entry for _, _, entry in sorted(report, key=lambda r: r[0]) if entry is not None]
    written = sum(done for _, done, _ in report)
    for skip in skipped:
        print(f"natocorpus: skipped {skip.reason}", file=sys.stderr)
    if skipped:
        table = _Columns().tables(pa, skipped)["skipped"]
        pq.write_table(table, f"{root}/skipped/{_PART.format(0)}", filesystem=fs, compression=compression)
    return {"articles": written, "skipped": len(skipped)}
