"""Where a corpus comes from: files, folders, globs, standard input, JSON lines, Parquet, CSV.

:func:`resolve_inputs` checks what the user named (every path exists, every glob
matches, every table has a ``text`` column) before anything is analysed, so a
typo is a one-line error and not a run that fails at article 90,000.
:func:`iter_articles` then streams the articles one at a time, in order: nothing
is loaded up front, and an article that cannot be read becomes a
:class:`Failed` item with its id and a one-line message instead of stopping the run.

Formats
-------
``*.txt`` (or any other file)
    One article (UTF-8, or UTF-8/16/32 with a byte-order mark); id = file stem.
folder
    Every ``*.txt`` below it, recursively, sorted; id = the path inside the
    folder without ``.txt`` (``2023/may/x``).
glob (``corpus/**/*.txt``)
    The matching files, sorted.
``-``
    Standard input, one article (id ``stdin``); a pipe works, and so does ``/dev/stdin``.
``*.jsonl``
    One JSON object a line: ``id``, ``text`` and optionally ``published``,
    ``title``, ``url``; other keys go to the article's metadata.
``*.parquet``, ``*.csv``
    Tables with the same columns, read in batches.
a seed id
    A seed article of the project (``000_e7a9e3d448b427a1``).
"""

from __future__ import annotations

import csv
import glob
import json
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from analysis._data import seeds_dir
from analysis.articles import (
    MAX_CHARS,
    Article,
    decode_bytes,
    list_seeds,
    make_article,
    read_metadata,
    read_text,
    validate_text,
)
from analysis.dates import as_date
from analysis.errors import AnalysisError, BadInputError

__all__ = [
    "TABLE_SUFFIXES",
    "Failed",
    "article_from_row",
    "Source",
    "count_articles",
    "iter_articles",
    "one_line",
    "resolve_inputs",
]

#: File suffixes read as tables of articles (one article a row) rather than one article.
TABLE_SUFFIXES = (".jsonl", ".parquet", ".csv")

#: Rows read at a time from Parquet files.
PARQUET_BATCH = 256

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Failed:
    """An article that could not be read or analysed: its id and a one-line message.

    Examples
    --------
    >>> Failed("a", "a.txt is empty").to_record()
    {'id': 'a', 'error': 'a.txt is empty'}
    """

    id: str
    error: str
    path: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The error row written in place of the article's record."""
        out: dict[str, Any] = {"id": self.id, "error": self.error}
        if self.path is not None:
            out["path"] = self.path
        return out


@dataclass(frozen=True)
class Source:
    """One input the user named, resolved: its kind and where it is.

    ``kind`` is ``"text"``, ``"folder"``, ``"stdin"``, ``"jsonl"``, ``"parquet"`` or ``"csv"``.
    """

    kind: str
    path: Path | None = None

    @property
    def single(self) -> bool:
        """Whether this input is exactly one article."""
        return self.kind in {"text", "stdin"}


def one_line(exc: BaseException, limit: int = 300) -> str:
    """A one-line message for an exception (the package's own, or a bug's type and text).

    Examples
    --------
    >>> one_line(BadInputError("x is empty\\nreally"))
    'x is empty really'
    >>> one_line(OverflowError("date value out of range"))
    'value out of range: date value out of range'
    >>> one_line(ZeroDivisionError("division by zero"))
    'internal error (ZeroDivisionError): division by zero'
    """
    text = " ".join(str(exc).split())
    if isinstance(exc, OverflowError):  # a date or number beyond what Python can hold
        return f"value out of range: {text}" if text else "value out of range"
    if not isinstance(exc, AnalysisError):
        text = f"internal error ({type(exc).__name__}): {text}" if text else type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    return suffix[1:] if suffix in TABLE_SUFFIXES else "text"


def _check_table(path: Path, kind: str) -> None:
    """Open a table input far enough to know it has a ``text`` column."""
    try:
        if kind == "parquet":
            import pyarrow.parquet as pq

            names = pq.ParquetFile(path).schema_arrow.names
        elif kind == "csv":
            with open(path, encoding="utf-8-sig", newline="") as fh:
                names = next(csv.reader(fh), [])
        else:
            with open(path, "rb") as fh:
                fh.read(1)
            return
    except PermissionError:
        raise BadInputError(f"cannot read {path}: permission denied") from None
    except UnicodeDecodeError:
        raise BadInputError(f"{path} is not UTF-8 CSV") from None
    except OSError as exc:
        raise BadInputError(f"cannot read {path}: {exc.strerror or exc}") from None
    except Exception as exc:  # pyarrow raises ArrowInvalid for a file that is not Parquet
        raise BadInputError(f"{path} is not a readable {kind} file: {one_line(exc)}") from None
    if "text" not in names:
        raise BadInputError(f"{path} has no 'text' column (columns: {', '.join(names) or 'none'})")


def resolve_inputs(items: Sequence[str]) -> list[Source]:
    """Check the inputs named on the command line and say what each one is.

    Raises
    ------
    BadInputError
        For a path that does not exist, a folder that cannot be read or holds no
        ``.txt`` files, a glob that matches nothing, ``-`` given twice, or a
        table without a ``text`` column.

    Examples
    --------
    >>> [s.kind for s in resolve_inputs(["000_e7a9e3d448b427a1", "-"])]
    ['text', 'stdin']
    """
    if isinstance(items, str) or not items:
        raise BadInputError("no inputs: give files, folders, globs or - for standard input")
    sources: list[Source] = []
    seeds: list[str] | None = None
    for item in items:
        if not isinstance(item, str) or not item:
            raise BadInputError(f"bad input {item!r}: expected a path")
        if item == "-":
            if any(s.kind == "stdin" for s in sources):
                raise BadInputError("standard input (-) can be read only once")
            sources.append(Source("stdin"))
            continue
        path = Path(item)
        try:
            exists = path.exists()
        except OSError as exc:  # a name too long, a loop of links …
            raise BadInputError(f"bad input {item!r}: {exc.strerror or exc}") from None
        if exists:
            if path.is_dir():
                try:
                    with os.scandir(path):
                        pass
                except OSError as exc:
                    reason = "permission denied" if isinstance(exc, PermissionError) else exc
                    raise BadInputError(f"cannot read folder {path}: {reason}") from None
                if next(_walk_txt(path), None) is None:
                    raise BadInputError(f"{path} holds no .txt articles")
                sources.append(Source("folder", path))
            else:
                kind = _kind_of(path)
                if kind != "text":
                    _check_table(path, kind)
                sources.append(Source(kind, path))
            continue
        if _GLOB_CHARS & set(item):
            matches = sorted(glob.glob(item, recursive=True))
            files = [Path(m) for m in matches if not Path(m).is_dir()]
            if not files:
                raise BadInputError(f"no files match {item!r}")
            for f in files:
                kind = _kind_of(f)
                if kind != "text":
                    _check_table(f, kind)
                sources.append(Source(kind, f))
            continue
        seeds = list_seeds() if seeds is None else seeds
        if item in seeds:
            sources.append(Source("text", seeds_dir() / f"{item}.txt"))
            continue
        raise BadInputError(f"no such file: {path}")
    return sources


def _walk_txt(folder: Path) -> Iterator[Path]:
    """Every ``.txt`` file below ``folder``, sorted, found lazily (folder by folder)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir():
                yield from _walk_txt(Path(entry.path))
            elif entry.name.endswith(".txt") and entry.is_file():
                yield Path(entry.path)
        except OSError:
            continue


def _walk_folder(folder: Path) -> Iterator[Path | Failed]:
    """Like :func:`_walk_txt`, but an unreadable subfolder becomes a :class:`Failed` item."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
        yield Failed(str(folder), f"cannot read folder {folder}: {reason}", str(folder))
        return
    for entry in entries:
        if entry.is_dir():
            yield from _walk_folder(Path(entry.path))
        elif entry.name.endswith(".txt") and entry.is_file():
            yield Path(entry.path)


def _from_file(
    path: Path, article_id: str, published: date | None, stdin: BinaryIO | None = None
) -> Article | Failed:
    try:
        if stdin is not None:
            raw = stdin.read(4 * MAX_CHARS + 1)
            if not raw:
                raise BadInputError("standard input is empty")
            if len(raw) > 4 * MAX_CHARS:
                raise BadInputError("standard input is too large for one article")
            text = validate_text(decode_bytes(raw, "standard input"), "standard input")
            return make_article(text, id=article_id, published=published)
        text = read_text(path)
        meta = read_metadata(path)
        return make_article(text, id=article_id, published=published, metadata=meta, path=path)
    except AnalysisError as exc:
        return Failed(article_id, one_line(exc), None if stdin is not None else str(path))


def article_from_row(
    row: Mapping[str, Any], where: str, published: date | None = None
) -> Article | Failed:
    """An article from a table row (``id``, ``text``, optional ``published``, ``title``, ``url``).

    ``where`` is the id when the row has none; ``published`` overrides the row's date.
    Other keys go to the metadata.  A row that is not an article is a :class:`Failed`.

    Examples
    --------
    >>> article_from_row({"id": 7, "text": "Japan spoke.", "published": "2023-05-10"}, "t:1").id
    '7'
    >>> article_from_row({"text": ""}, "t:2")
    Failed(id='t:2', error='text is empty', path=None)
    """
    raw_id = row.get("id")
    article_id = where if raw_id is None or raw_id != raw_id else str(raw_id)  # NaN id
    try:
        text = row.get("text")
        if text is None or (isinstance(text, float) and text != text):
            raise BadInputError(f"{where}: no text")
        meta = {
            str(k): v
            for k, v in row.items()
            if k not in {"id", "text", "title", "published"} and v is not None
        }
        own = as_date(row.get("published"), f"published of {article_id}", optional=True)
        day = published or own
        title = row.get("title")
        return make_article(
            text,
            id=article_id,
            title=title if isinstance(title, str) and title.strip() else None,
            published=day,
            metadata=meta,
        )
    except AnalysisError as exc:
        return Failed(article_id, one_line(exc))


def _jsonl_rows(path: Path, published: date | None) -> Iterator[Article | Failed]:
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            where = f"{path.stem}:{lineno}"
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield Failed(where, f"{path} line {lineno} is not JSON: {one_line(exc)}")
                continue
            if not isinstance(row, dict):
                yield Failed(where, f"{path} line {lineno} is not a JSON object")
                continue
            yield article_from_row(row, where, published)


def _parquet_rows(path: Path, published: date | None) -> Iterator[Article | Failed]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    wanted = [c for c in ("id", "text", "published", "title", "url") if c in pf.schema_arrow.names]
    n = 0
    for batch in pf.iter_batches(batch_size=PARQUET_BATCH, columns=wanted):
        for row in batch.to_pylist():
            n += 1
            yield article_from_row(row, f"{path.stem}:{n}", published)


def _csv_rows(path: Path, published: date | None) -> Iterator[Article | Failed]:
    csv.field_size_limit(max(csv.field_size_limit(), 4 * MAX_CHARS))
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=1):
            clean = {k: (v if v != "" else None) for k, v in row.items() if k is not None}
            yield article_from_row(clean, f"{path.stem}:{n}", published)


def _table_rows(source: Source, published: date | None) -> Iterator[Article | Failed]:
    assert source.path is not None
    readers = {"jsonl": _jsonl_rows, "parquet": _parquet_rows, "csv": _csv_rows}
    try:
        yield from readers[source.kind](source.path, published)
    except (OSError, UnicodeDecodeError, csv.Error, ValueError) as exc:
        # the file broke part-way (truncated Parquet, bad CSV quoting, I/O error):
        # the rows read so far stand, the rest of this file is one error row
        yield Failed(str(source.path), f"cannot read the rest of {source.path}: {one_line(exc)}")


def iter_articles(
    sources: Sequence[Source],
    published: date | str | None = None,
    *,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Failed]:
    """Stream the articles of resolved inputs, in order, one at a time.

    Parameters
    ----------
    sources
        From :func:`resolve_inputs`.
    published
        Publication date that overrides every article's own.
    stdin
        The binary stream ``-`` reads (default: ``sys.stdin.buffer``).

    Examples
    --------
    >>> items = iter_articles(resolve_inputs(["000_e7a9e3d448b427a1"]))
    >>> [(a.id, a.published.isoformat()) for a in items]
    [('000_e7a9e3d448b427a1', '2023-05-10')]
    """
    day = as_date(published, "published", optional=True)
    for source in sources:
        if source.kind == "stdin":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield _from_file(Path("-"), "stdin", day, stdin=stream)
        elif source.kind == "text":
            assert source.path is not None
            yield _from_file(source.path, source.path.stem, day)
        elif source.kind == "folder":
            assert source.path is not None
            for found in _walk_folder(source.path):
                if isinstance(found, Failed):
                    yield found
                    continue
                rel = found.relative_to(source.path).with_suffix("").as_posix()
                yield _from_file(found, rel, day)
        else:
            yield from _table_rows(source, day)


def count_articles(sources: Sequence[Source]) -> int | None:
    """Count the articles of the inputs cheaply (for a progress bar), or ``None`` if unknown.

    Files and folders are counted by listing, JSON lines by their line breaks,
    Parquet by its metadata; standard input and CSV are not counted.

    Examples
    --------
    >>> count_articles(resolve_inputs(["000_e7a9e3d448b427a1"]))
    1
    """
    total = 0
    for source in sources:
        if source.kind == "text":
            total += 1
        elif source.kind == "folder" and source.path is not None:
            total += sum(1 for _ in _walk_txt(source.path))
        elif source.kind == "jsonl" and source.path is not None:
            try:
                with open(source.path, "rb") as fh:
                    blocks = iter(lambda: fh.read(1 << 20), b"")
                    total += sum(block.count(b"\n") for block in blocks)
            except OSError:
                return None
        elif source.kind == "parquet" and source.path is not None:
            import pyarrow.parquet as pq

            try:
                total += pq.ParquetFile(source.path).metadata.num_rows
            except Exception:  # unreadable metadata: no count, the reader reports the error
                return None
        else:
            return None
    return total
