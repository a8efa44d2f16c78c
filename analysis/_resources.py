"""Locate files shipped with the package or the project, never via the working directory."""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path

PACKAGE_ROOT = Path(str(resources.files("analysis")))


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
    """
    env = os.environ.get("ANALYSIS_SEEDS_DIR")
    if env:
        return Path(env)
    project = PACKAGE_ROOT.parent / "seeds"
    if project.is_dir():
        return project
    return PACKAGE_ROOT / "_seeds"


def sha256(path: Path) -> str:
    """Return the hex SHA-256 digest of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verified(path: Path) -> Path:
    """Return ``path`` after checking it against the ``SHA256SUMS`` file beside it.

    Raises
    ------
    DataFileError
        When the file or its listing is missing, or the digests differ.

    Examples
    --------
    >>> verified(package_file("text", "data", "regions.csv")).name
    'regions.csv'
    """
    from analysis.errors import DataFileError

    listing = path.parent / "SHA256SUMS"
    if not path.is_file():
        raise DataFileError(f"data file {path.name} not found at {path}")
    if not listing.is_file():
        raise DataFileError(f"checksum list missing: {listing}")
    expected = {}
    for line in listing.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split()
            expected[name] = digest
    if path.name not in expected:
        raise DataFileError(f"{path.name}: no checksum listed in {listing}")
    actual = sha256(path)
    if actual != expected[path.name]:
        raise DataFileError(
            f"{path.name}: SHA-256 {actual[:12]}… does not match {listing.name} "
            f"({expected[path.name][:12]}…); the file is corrupt or was changed"
        )
    return path
