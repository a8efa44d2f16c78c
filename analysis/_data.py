"""Package files and the one checksum mechanism for every vendored or compiled data file.

Every data folder in the package (``analysis/data``, ``analysis/reference/data``,
``analysis/text/data`` …) holds a ``SHA256SUMS`` file in the format of GNU
``sha256sum`` (``<hex digest>  <file name>``).  The listings are generated, never
edited by hand: ``python tools/update_checksums.py`` rewrites every one of them
from the files present.  Loaders call :func:`verified` before they read a file,
so a missing, truncated or edited file raises
:class:`~analysis.errors.DataFileError` naming it.  Paths are found through the
package (:func:`package_file`), never through the working directory.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from analysis.errors import DataFileError

PACKAGE_ROOT = Path(str(resources.files("analysis")))

#: Name of the checksum listing in every data folder.
LISTING = "SHA256SUMS"

#: Files in a data folder that are never listed (the listing itself, code, caches).
_UNLISTED_SUFFIXES = (".py", ".pyc")
_UNLISTED_NAMES = (LISTING, "__pycache__")


def package_file(*parts: str) -> Path:
    """Return the path of a file shipped inside the :mod:`analysis` package.

    Parameters
    ----------
    *parts
        Path components below the package directory, e.g. ``("data", "PROVENANCE.md")``.

    Examples
    --------
    >>> package_file("data").name
    'data'
    """
    return PACKAGE_ROOT.joinpath(*parts)


def seeds_dir() -> Path:
    """Return the folder holding the seed articles.

    Looked up in this order: the ``ANALYSIS_SEEDS_DIR`` environment variable; the
    project's ``seeds/`` folder when the package runs from a clone (editable
    install); the copy bundled into an installed wheel (``analysis/_seeds``).

    Examples
    --------
    >>> (seeds_dir() / "000_e7a9e3d448b427a1.txt").is_file()
    True
    """
    env = os.environ.get("ANALYSIS_SEEDS_DIR")
    if env:
        return Path(env)
    project = PACKAGE_ROOT.parent / "seeds"
    if project.is_dir():
        return project
    return PACKAGE_ROOT / "_seeds"


def sha256(path: Path) -> str:
    """Return the hex SHA-256 digest of a file, read in 1 MiB blocks.

    Raises
    ------
    DataFileError
        When the file cannot be read.

    Examples
    --------
    >>> len(sha256(package_file("data", "PROVENANCE.md")))
    64
    """
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise DataFileError(f"data file unreadable: {path} ({exc.strerror or exc})") from None
    return digest.hexdigest()


def listed(folder: Path) -> Mapping[str, str]:
    """Return the ``SHA256SUMS`` listing of a data folder as a read-only name → digest map.

    Raises
    ------
    DataFileError
        When the listing is missing or malformed.

    Examples
    --------
    >>> "regions.csv" in listed(package_file("text", "data"))
    True
    """
    path = folder / LISTING
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(f"checksum list missing: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"checksum list unreadable: {path} ({exc})") from None
    out: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split(maxsplit=1)
        if len(parts) != 2 or len(parts[0]) != 64:
            raise DataFileError(f"{path}: line {number} is not '<sha256>  <file>'")
        out[parts[1].strip().lstrip("*")] = parts[0].lower()
    return MappingProxyType(out)


def verified(path: Path) -> Path:
    """Return ``path`` after checking it against the ``SHA256SUMS`` listing beside it.

    Raises
    ------
    DataFileError
        When the file or its listing is missing, the file is not listed, or the
        digests differ (the file is truncated, corrupt or was edited without
        regenerating the listing).

    Examples
    --------
    >>> verified(package_file("text", "data", "regions.csv")).name
    'regions.csv'
    """
    if not path.is_file():
        raise DataFileError(f"data file missing: {path}")
    expected = listed(path.parent).get(path.name)
    if expected is None:
        raise DataFileError(f"data file not in {path.parent / LISTING}: {path.name}")
    actual = sha256(path)
    if actual != expected:
        raise DataFileError(
            f"data file corrupt: {path} (SHA-256 {actual[:12]}…, listed {expected[:12]}…); "
            f"restore it, or run tools/update_checksums.py after a deliberate edit"
        )
    return path


def data_files(folder: Path) -> list[Path]:
    """Return the data files of a folder that belong in its listing, sorted by name.

    Examples
    --------
    >>> [p.name for p in data_files(package_file("text", "data"))][:1]
    ['PROVENANCE.md']
    """
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.name not in _UNLISTED_NAMES and p.suffix not in _UNLISTED_SUFFIXES
    )


def write_checksums(folder: Path) -> dict[str, str]:
    """Regenerate ``SHA256SUMS`` in ``folder`` from the files present; return name → digest.

    Written to a temporary file and renamed, so a failure never leaves a
    half-written listing.

    Examples
    --------
    >>> import shutil, tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> _ = shutil.copy(package_file("text", "data", "regions.csv"), tmp)
    >>> write_checksums(tmp) == {"regions.csv": listed(package_file("text", "data"))["regions.csv"]}
    True
    """
    digests = {p.name: sha256(p) for p in data_files(folder)}
    target = folder / LISTING
    tmp = target.with_name(LISTING + ".tmp")
    tmp.write_text("".join(f"{d}  {n}\n" for n, d in digests.items()), encoding="utf-8")
    tmp.replace(target)
    return digests


def data_folders() -> list[Path]:
    """Return every data folder of the package (each holds a ``SHA256SUMS`` listing).

    Examples
    --------
    >>> package_file("reference", "data") in data_folders()
    True
    """
    return sorted(p.parent for p in PACKAGE_ROOT.rglob(LISTING) if "_seeds" not in p.parts)
