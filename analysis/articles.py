"""Load news articles and their metadata, and strip page furniture.

An article is a UTF-8 text file whose first non-empty line is its title.  A
metadata file named ``<stem>.meta.json`` beside it may give the title, the
publication date (with how it was inferred), the outlet and known page
furniture.  Seed articles live in the project's ``seeds/`` folder and are found
through :func:`analysis._data.seeds_dir`, never the working directory.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from analysis._data import seeds_dir
from analysis.dates import as_date
from analysis.errors import BadInputError

#: Largest article accepted, in characters (spaCy's default ``max_length``).
MAX_CHARS = 1_000_000

#: Whole lines that are website navigation or sharing widgets, not article text.
FURNITURE_PATTERNS: tuple[str, ...] = (
    r"exit mobile version",
    r"(go to|view|switch to) (the )?(mobile|desktop|full) (version|site)",
    r"skip to (main )?content",
    r"share (this|on)\b.*",
    r"(share|tweet|email|print|whatsapp|telegram|facebook|twitter|linkedin|reddit)"
    r"([\s|,/•·]+(share|tweet|email|print|whatsapp|telegram|facebook|twitter|linkedin|reddit))*",
    r"subscribe( now)?( to (our|the) newsletter)?\W*",
    r"sign up for (our|the) newsletter.*",
    r"follow us on .*",
    r"(read more|related( articles| stories)?|advertisement|sponsored( content)?)\s*:?",
    r"(all rights reserved|©).*",
    r"click here to .*",
)
_FURNITURE = re.compile(r"^\s*(?:" + "|".join(FURNITURE_PATTERNS) + r")\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    """A news article ready for analysis.

    Attributes
    ----------
    id
        File stem (for seeds, the seed id).
    title
        From metadata, else the first non-empty line.
    text
        The article with page furniture removed (title included, as the first line).
    published
        Publication date, from the caller or the metadata; ``None`` when unknown.
    metadata
        The metadata file's content (empty when there is none).
    path
        Where the text was read from, or ``None`` for text given directly.
    removed
        The lines removed as page furniture.
    """

    id: str
    title: str
    text: str
    published: date | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    removed: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        """The text after the title line."""
        lines = self.text.split("\n", 1)
        if lines[0].strip() == self.title.strip() and len(lines) > 1:
            return lines[1].lstrip("\n")
        return self.text

    @property
    def paragraphs(self) -> list[str]:
        """Non-empty paragraphs of the body (blank-line or line-break separated)."""
        return split_paragraphs(self.body)

    @property
    def words(self) -> int:
        """Number of words in the whole text (title included)."""
        return count_words(self.text)


def count_words(text: str) -> int:
    """Count words: runs of letters or digits, with inner apostrophes, hyphens and dots.

    Examples
    --------
    >>> count_words("Finland's accession, on 4 April 2023, more than doubled it.")
    10
    """
    return len(re.findall(r"[^\W_]+(?:['’.\-][^\W_]+)*", text))


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraphs at line breaks, dropping empty ones.

    Examples
    --------
    >>> split_paragraphs("One.\\n\\nTwo.\\nThree.")
    ['One.', 'Two.', 'Three.']
    """
    return [p.strip() for p in re.split(r"\n+", text) if p.strip()]


def strip_furniture(text: str) -> tuple[str, list[str]]:
    """Remove whole lines that are page furniture ("Exit mobile version", share bars…).

    Returns the cleaned text (trailing whitespace trimmed, at most one blank line
    between paragraphs) and the removed lines.

    Examples
    --------
    >>> strip_furniture("Title\\n\\nBody text.\\n\\nExit mobile version")
    ('Title\\n\\nBody text.', ['Exit mobile version'])
    """
    kept: list[str] = []
    removed: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip() and _FURNITURE.match(line):
            removed.append(line.strip())
        else:
            kept.append(line.rstrip())
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return cleaned, removed


def validate_text(text: str, source: str = "text") -> str:
    """Check that ``text`` is something an article can be made of, and return it.

    Raises
    ------
    BadInputError
        If it is empty or whitespace only, contains NUL or other control
        characters typical of binary data, or is longer than :data:`MAX_CHARS`.
    """
    if not isinstance(text, str):
        raise BadInputError(f"{source}: expected text (str), got {type(text).__name__}")
    if not text.strip():
        raise BadInputError(f"{source} is empty")
    if "\x00" in text:
        raise BadInputError(f"{source} looks binary (contains NUL bytes), not article text")
    controls = sum(1 for ch in text[:10000] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(8, len(text[:10000]) // 100):
        raise BadInputError(f"{source} looks binary ({controls} control characters), not text")
    if len(text) > MAX_CHARS:
        raise BadInputError(
            f"{source} is too long for one article ({len(text):,} characters; limit "
            f"{MAX_CHARS:,}); split it into articles first"
        )
    return text


#: Byte-order marks recognised when decoding, longest first (UTF-32 LE starts like UTF-16 LE).
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
)


def decode_bytes(raw: bytes, source: str = "text") -> str:
    """Decode article bytes: UTF-8, or UTF-8/16/32 with a byte-order mark.

    Raises
    ------
    BadInputError
        For bytes that are neither (binary data, Latin-1 …), naming ``source``.

    Examples
    --------
    >>> decode_bytes("Tōkyō".encode("utf-16"))
    'Tōkyō'
    >>> decode_bytes(b"plain")
    'plain'
    """
    if not isinstance(raw, bytes | bytearray):
        raise BadInputError(f"{source}: expected bytes, got {type(raw).__name__}")
    encoding = next((enc for bom, enc in BOMS if raw.startswith(bom)), None)
    if encoding is None:
        if b"\x00" in raw[:65536]:
            raise BadInputError(f"{source} looks binary (contains NUL bytes), not a text article")
        encoding = "utf-8"
    try:
        return bytes(raw).decode(encoding)
    except UnicodeDecodeError as exc:
        shown = "UTF-8" if encoding == "utf-8" else encoding.upper().replace("-SIG", "")
        raise BadInputError(
            f"{source} is not {shown} text (invalid byte 0x{raw[exc.start]:02x} at offset "
            f"{exc.start})"
        ) from None


def read_text(path: str | Path) -> str:
    """Read an article file (UTF-8, or UTF-16/32 with a BOM), with a clear error for anything else.

    Pipes and other special files (``/dev/stdin``) are read to their end; the size
    limit is enforced while reading, so an endless stream is refused, not swallowed.

    Examples
    --------
    >>> from analysis._data import seeds_dir
    >>> read_text(seeds_dir() / "000_e7a9e3d448b427a1.txt").splitlines()[0][:8]
    'In Japan'
    """
    if path is None or not isinstance(path, str | Path):
        raise BadInputError(f"path: expected a file path, got {type(path).__name__}")
    p = Path(path)
    limit = 4 * MAX_CHARS
    try:
        if not p.exists():
            raise BadInputError(f"no such file: {p}")
        if p.is_dir():
            raise BadInputError(f"{p} is a folder, not an article file")
        if p.is_file() and p.stat().st_size > limit:
            raise BadInputError(
                f"{p} is too large for one article ({p.stat().st_size / 1e6:.1f} MB); "
                "split it into articles first"
            )
        with open(p, "rb") as fh:  # a pipe reports size 0, so read instead of trusting stat
            raw = fh.read(limit + 1)
    except PermissionError:
        raise BadInputError(f"cannot read {p}: permission denied") from None
    except OSError as exc:
        raise BadInputError(f"cannot read {p}: {exc.strerror or exc}") from None
    if not raw:
        raise BadInputError(f"{p} is empty")
    if len(raw) > limit:
        raise BadInputError(f"{p} is too large for one article; split it into articles first")
    return validate_text(decode_bytes(raw, str(p)), str(p))


def _meta_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def read_metadata(path: str | Path) -> dict[str, Any]:
    """Return the ``<stem>.meta.json`` metadata beside an article file, or ``{}``."""
    meta = _meta_path(Path(path))
    if not meta.exists():
        return {}
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInputError(f"{meta} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise BadInputError(f"{meta} must hold a JSON object")
    return data


#: Longest title taken from the text itself (a one-paragraph text gets its first sentence).
TITLE_CHARS = 120

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s")


def headline(text: str) -> str:
    """The title of a text without metadata: its first line when that reads as a headline.

    A first line that is the whole text, or a paragraph longer than
    :data:`TITLE_CHARS`, is not a headline: the title is then the first sentence,
    cut at a word boundary with "…" when it is still too long.

    Examples
    --------
    >>> headline("A headline\\n\\nFirst paragraph.")
    'A headline'
    >>> headline("Finland joined NATO. Sweden followed a year later.")
    'Finland joined NATO.'
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    first = lines[0] if lines else ""
    if len(lines) > 1 and len(first) <= TITLE_CHARS:
        return first
    match = _SENTENCE_END.search(first)
    sentence = first[: match.start()].strip() if match else first
    if len(sentence) <= TITLE_CHARS:
        return sentence
    cut = sentence[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return (cut or sentence[:TITLE_CHARS]) + "…"


def make_article(
    text: str,
    *,
    id: str = "text",
    title: str | None = None,
    published: date | str | None = None,
    metadata: dict[str, Any] | None = None,
    path: Path | None = None,
) -> Article:
    """Build an :class:`Article` from text: validate, strip furniture, find the title.

    Examples
    --------
    >>> a = make_article("A headline\\n\\nFirst paragraph.\\n\\nExit mobile version",
    ...                  published="2023-05-10")
    >>> a.title, a.published.isoformat(), a.removed
    ('A headline', '2023-05-10', ('Exit mobile version',))
    """
    meta = dict(metadata or {})
    validate_text(text, str(path) if path else "text")
    cleaned, removed = strip_furniture(text)
    if not cleaned:
        raise BadInputError(f"{path or 'text'} holds only page furniture, no article text")
    if title is not None and not isinstance(title, str):
        raise BadInputError(f"title: expected text (str), got {type(title).__name__}")
    pub = as_date(published, "publication date", optional=True)
    if pub is None:
        pub = as_date(meta.get("published"), "publication date in metadata", optional=True)
    return Article(
        id=id,
        title=title or meta.get("title") or headline(cleaned),
        text=cleaned,
        published=pub,
        metadata=meta,
        path=path,
        removed=tuple(removed),
    )


def list_seeds() -> list[str]:
    """Return the ids of the seed articles, sorted.

    Examples
    --------
    >>> "000_e7a9e3d448b427a1" in list_seeds()
    True
    """
    folder = seeds_dir()
    return sorted(p.stem for p in folder.glob("*.txt"))


def load_article(source: str | Path, published: date | str | None = None) -> Article:
    """Load an article from a seed id or a file path, with its metadata.

    Parameters
    ----------
    source
        A seed id (see :func:`list_seeds`) or the path of a UTF-8 text file.
    published
        Overrides the metadata's publication date.

    Examples
    --------
    >>> a = load_article("000_e7a9e3d448b427a1")
    >>> a.published.isoformat(), a.removed
    ('2023-05-10', ('Exit mobile version',))
    """
    if source is None or not isinstance(source, str | Path):
        raise BadInputError(f"source: expected a seed id or file path, got {type(source).__name__}")
    p = Path(source)
    if not p.exists() and isinstance(source, str) and source in list_seeds():
        p = seeds_dir() / f"{source}.txt"
    text = read_text(p)
    meta = read_metadata(p)
    return make_article(text, id=p.stem, published=published, metadata=meta, path=p)


def load_seed(seed_id: str | None = None) -> Article:
    """Load a seed article by id (the first seed when ``seed_id`` is ``None``)."""
    seeds = list_seeds()
    if not seeds:
        raise BadInputError(f"no seed articles in {seeds_dir()}")
    if seed_id is None:
        seed_id = seeds[0]
    if seed_id not in seeds:
        raise BadInputError(f"unknown seed {seed_id!r}; seeds are: {', '.join(seeds)}")
    return load_article(seed_id)


def iter_article_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (their ``*.txt`` files, recursively, sorted) into article paths.

    Raises
    ------
    BadInputError
        For a path that does not exist or a folder without ``.txt`` files.
    """
    out: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*.txt") if f.is_file())
            if not found:
                raise BadInputError(f"{p} holds no .txt articles")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise BadInputError(f"no such file: {p}")
    return out


def paragraph_table(article: Article) -> pd.DataFrame:
    """One row per body paragraph: number, words, characters and the text.

    Examples
    --------
    >>> paragraph_table(load_seed()).columns.tolist()
    ['paragraph', 'words', 'characters', 'text']
    """
    paras = article.paragraphs
    return pd.DataFrame(
        {
            "paragraph": range(1, len(paras) + 1),
            "words": [count_words(p) for p in paras],
            "characters": [len(p) for p in paras],
            "text": paras,
        }
    )
