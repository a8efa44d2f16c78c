"""Write corpus results atomically: JSON lines or a folder of Parquet tables.

Nothing half-written ever sits under the name the user gave.  Every writer works
under a temporary name in the same folder (``.NAME.tmp-PID``), flushes and
``fsync``\\ s it, and renames it into place in one step when the run is done
(:meth:`Sink.commit`).  Any failure on the way (an interrupt, SIGTERM, a full
disk) ends in :meth:`Sink.abort`, which removes the temporary files and leaves
whatever was under the final name before untouched.

``--resume`` reads the ids already written (successful ones; failed ones are tried
again), keeps those rows and skips the articles.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from analysis.corpus.tables import KEY, REQUIRED_TABLES, Schema, split_record, to_batch
from analysis.errors import BadInputError, OutputError
from analysis.serialize import dumps

__all__ = ["JsonlSink", "ParquetSink", "Sink", "open_sink", "output_kind"]

#: Rows buffered per table before a Parquet row group is written.
ROW_GROUP = 20_000


class Sink(Protocol):
    """Where records go: written one at a time, committed or aborted once."""

    done: set[str]

    def write(self, record: dict[str, Any]) -> None:
        """Add one record."""

    def commit(self) -> None:
        """Make the output appear under its final name."""

    def abort(self) -> None:
        """Remove every temporary file; leave the final name as it was."""


def output_kind(out: str) -> str:
    """``"jsonl"`` or ``"parquet"`` for an ``--out`` value.

    Examples
    --------
    >>> output_kind("run.jsonl"), output_kind("run/"), output_kind("run.parquet")
    ('jsonl', 'parquet', 'parquet')
    """
    if not isinstance(out, str) or not out.strip():
        raise BadInputError("--out: give FILE.jsonl, a folder DIR/ or NAME.parquet")
    if out.endswith(".jsonl"):
        return "jsonl"
    if out.endswith(("/", os.sep, ".parquet")) or Path(out).is_dir():
        return "parquet"
    raise BadInputError(
        f"--out {out!r}: give FILE.jsonl (JSON lines) or DIR/ or NAME.parquet (Parquet tables)"
    )


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # some file systems cannot fsync a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_error(path: Path, exc: OSError) -> OutputError:
    reason = "no space left on device" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
    return OutputError(f"cannot write {path}: {reason}; nothing was written")


@contextlib.contextmanager
def _aborting(sink: Any) -> Iterator[None]:
    """Abort ``sink`` (nothing left under its final name) on any failure inside the block;
    an ``OSError`` becomes the one-line :class:`OutputError` naming the output."""
    try:
        yield
    except OSError as exc:
        sink.abort()
        raise _write_error(sink.final, exc) from None
    except BaseException:
        sink.abort()
        raise


def _check_target(final: Path) -> None:
    parent = final.parent
    if not parent.is_dir():
        raise BadInputError(f"--out: folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise BadInputError(f"--out: cannot write in {parent}: permission denied")


class JsonlSink:
    """One JSON object a line (the record, or ``id`` and ``error``), written atomically."""

    def __init__(self, path: str | Path, *, resume: bool = False) -> None:
        self.final = Path(path)
        _check_target(self.final)
        if self.final.is_dir():
            raise BadInputError(f"--out {self.final} is a folder; give a .jsonl file name")
        self.tmp = self.final.with_name(f".{self.final.name}.tmp-{os.getpid()}")
        self.done: set[str] = set()
        self._fh: IO[str] | None = None
        with _aborting(self):
            self._fh = open(self.tmp, "w", encoding="utf-8")  # noqa: SIM115 - closed in commit/abort
            if resume and self.final.exists():
                self._keep_previous()

    def _keep_previous(self) -> None:
        assert self._fh is not None
        with open(self.final, encoding="utf-8") as old:
            for lineno, line in enumerate(old, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    raise BadInputError(
                        f"--resume: {self.final} line {lineno} is not JSON; it was not written "
                        "by this program"
                    ) from None
                if not isinstance(row, dict) or "id" not in row:
                    raise BadInputError(f"--resume: {self.final} line {lineno} has no id")
                if row.get("error") is None:  # failed articles are tried again
                    self.done.add(str(row["id"]))
                    self._fh.write(line if line.endswith("\n") else line + "\n")

    def write(self, record: dict[str, Any]) -> None:
        """Append one record as a JSON line."""
        assert self._fh is not None
        try:
            self._fh.write(dumps(record) + "\n")
        except OSError as exc:
            raise _write_error(self.final, exc) from None

    def commit(self) -> None:
        """Flush, fsync and rename the temporary file to the final name."""
        assert self._fh is not None
        try:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None
            os.replace(self.tmp, self.final)
            _fsync_dir(self.final.parent)
        except OSError as exc:
            self.abort()
            raise _write_error(self.final, exc) from None

    def abort(self) -> None:
        """Close and remove the temporary file."""
        if self._fh is not None:
            with contextlib.suppress(OSError):
                self._fh.close()
            self._fh = None
        with contextlib.suppress(FileNotFoundError):
            self.tmp.unlink()


class ParquetSink:
    """A folder of Parquet tables (``articles.parquet``, ``quotes.parquet`` …), written atomically.

    Records are spooled to a temporary JSON-lines file next to the folder while the
    run goes on (so memory stays flat); :meth:`commit` learns every column's type
    from the spool, writes each table into a temporary folder, fsyncs it and
    renames it to the final name.  With ``resume`` the rows of the previous
    tables whose articles succeeded are carried over.
    """

    def __init__(self, path: str | Path, *, resume: bool = False, tables: tuple[str, ...] = ()):
        self.final = Path(str(path).rstrip("/" + os.sep))
        _check_target(self.final)
        if self.final.exists() and not self.final.is_dir():
            raise BadInputError(f"--out {self.final} is a file; give a folder for Parquet tables")
        if self.final.is_dir() and not _ours(self.final):
            # never replace (and so delete) a folder of the user's that is not our output
            raise BadInputError(
                f"--out {self.final} is a folder that holds other files; give a new or empty "
                "folder (or a previous output of this program)"
            )
        tag = f"tmp-{os.getpid()}"
        self.spool = self.final.with_name(f".{self.final.name}.spool-{tag}")
        self.tmpdir = self.final.with_name(f".{self.final.name}.{tag}")
        self.trash = self.final.with_name(f".{self.final.name}.old-{tag}")
        self.required = tuple(dict.fromkeys((*REQUIRED_TABLES, *tables)))
        self.done: set[str] = set()
        self.previous: Path | None = None
        if resume and (self.final / "articles.parquet").exists():
            self.previous = self.final
            self._read_previous()
        try:
            self._fh: IO[str] | None = open(self.spool, "w", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise _write_error(self.final, exc) from None

    def _read_previous(self) -> None:
        import pyarrow.parquet as pq

        assert self.previous is not None
        try:
            table = pq.read_table(self.previous / "articles.parquet", columns=[KEY, "error"])
        except Exception as exc:  # not Parquet, or not ours
            where = self.previous / "articles.parquet"
            raise BadInputError(f"--resume: cannot read {where}: {exc}") from None
        for article_id, error in zip(
            table.column(KEY).to_pylist(), table.column("error").to_pylist(), strict=True
        ):
            if error is None:
                self.done.add(str(article_id))

    def write(self, record: dict[str, Any]) -> None:
        """Spool one record."""
        assert self._fh is not None
        try:
            self._fh.write(dumps(record) + "\n")
        except OSError as exc:
            raise _write_error(self.final, exc) from None

    def _spooled(self) -> Iterator[dict[str, list[dict[str, Any]]]]:
        with open(self.spool, encoding="utf-8") as fh:
            for line in fh:
                yield split_record(json.loads(line))

    def _previous_tables(self) -> dict[str, Any]:
        """Previous tables (as ParquetFile) to carry over on resume."""
        import pyarrow.parquet as pq

        if self.previous is None:
            return {}
        return {p.stem: pq.ParquetFile(p) for p in sorted(self.previous.glob("*.parquet"))}

    def commit(self) -> None:
        """Build every table from the spool (and the previous run), then rename into place."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        assert self._fh is not None
        with _aborting(self):
            self._fh.close()
            self._fh = None
            schema = Schema()
            schema.ensure(self.required)
            for rows in self._spooled():
                schema.observe(rows)
            previous = self._previous_tables()
            arrow = {}
            for name in dict.fromkeys([*schema.tables, *previous]):
                new = schema.arrow(name)
                if name in previous:
                    old = previous[name].schema_arrow
                    try:
                        merged = pa.unify_schemas([new, old], promote_options="permissive")
                    except (pa.ArrowInvalid, pa.ArrowTypeError):  # types disagree: the new win
                        merged = pa.unify_schemas(
                            [new, old.select([n for n in old.names if n not in new.names])]
                        )
                    new = merged.with_metadata(new.metadata)
                arrow[name] = new
            self.tmpdir.mkdir()
            writers = {
                name: pq.ParquetWriter(self.tmpdir / f"{name}.parquet", sch, compression="zstd")
                for name, sch in arrow.items()
            }
            keep = pa.array(sorted(self.done), pa.string())
            for name, pf in previous.items():
                for batch in pf.iter_batches(batch_size=ROW_GROUP):
                    kept = batch.filter(pc.is_in(batch.column(KEY), value_set=keep))
                    if kept.num_rows:
                        writers[name].write_table(_conform(kept, arrow[name]))
            buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in arrow}
            for rows in self._spooled():
                for name, items in rows.items():
                    buf = buffers[name]
                    buf.extend(items)
                    if len(buf) >= ROW_GROUP:
                        writers[name].write_batch(to_batch(buf, arrow[name]))
                        buf.clear()
            for name, buf in buffers.items():
                if buf:
                    writers[name].write_batch(to_batch(buf, arrow[name]))
            for w in writers.values():
                w.close()
            for f in self.tmpdir.iterdir():
                with open(f, "rb") as fh:
                    os.fsync(fh.fileno())
            _fsync_dir(self.tmpdir)
            if self.final.exists():
                os.replace(self.final, self.trash)
            os.replace(self.tmpdir, self.final)
            _fsync_dir(self.final.parent)
            shutil.rmtree(self.trash, ignore_errors=True)
            self.spool.unlink()

    def abort(self) -> None:
        """Remove the spool and the temporary folder; put a previous output back."""
        if self._fh is not None:
            with contextlib.suppress(OSError):
                self._fh.close()
            self._fh = None
        with contextlib.suppress(FileNotFoundError):
            self.spool.unlink()
        shutil.rmtree(self.tmpdir, ignore_errors=True)
        if self.trash.exists() and not self.final.exists():
            os.replace(self.trash, self.final)


def _ours(folder: Path) -> bool:
    """Whether ``folder`` is empty or holds only Parquet tables, as this writer leaves them."""
    entries = list(folder.iterdir())
    return all(p.is_file() and p.suffix == ".parquet" for p in entries) and (
        not entries or (folder / "articles.parquet").exists()
    )


def _conform(batch: Any, schema: Any) -> Any:
    """A previous run's rows in this run's schema: missing columns null, types cast."""
    import pyarrow as pa

    columns = []
    for field in schema:
        if field.name in batch.schema.names:
            columns.append(batch.column(field.name).cast(field.type, safe=False))
        else:
            columns.append(pa.nulls(batch.num_rows, field.type))
    return pa.Table.from_arrays(columns, schema=schema)


def open_sink(
    out: str, *, resume: bool = False, tables: tuple[str, ...] = ()
) -> JsonlSink | ParquetSink:
    """The writer for an ``--out`` value (see :func:`output_kind`).

    Examples
    --------
    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> sink = open_sink(os.path.join(folder, "run.jsonl"))
    >>> sink.write({"id": "a", "error": "a is empty"}); sink.commit()
    >>> open(os.path.join(folder, "run.jsonl")).read()
    '{"id": "a", "error": "a is empty"}\\n'
    """
    if output_kind(out) == "jsonl":
        return JsonlSink(out, resume=resume)
    return ParquetSink(out, resume=resume, tables=tables)
