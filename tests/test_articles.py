"""Tests for loading articles, their metadata and page-furniture removal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from analysis import BadInputError
from analysis._data import seeds_dir, sha256
from analysis.articles import (
    MAX_CHARS,
    count_words,
    iter_article_paths,
    list_seeds,
    load_article,
    load_seed,
    make_article,
    paragraph_table,
    read_metadata,
    read_text,
    split_paragraphs,
    strip_furniture,
)

SEED = "000_e7a9e3d448b427a1"


def test_seed_is_found_and_unchanged() -> None:
    assert SEED in list_seeds()
    meta = read_metadata(seeds_dir() / f"{SEED}.txt")
    assert sha256(seeds_dir() / f"{SEED}.txt") == meta["sha256"]


def test_seed_metadata_supplies_publication_date_and_title() -> None:
    article = load_seed(SEED)
    assert article.published == date(2023, 5, 10)
    assert article.title.startswith("In Japan, they wanted to open a NATO office")
    assert article.removed == ("Exit mobile version",)
    assert "Exit mobile version" not in article.text
    assert article.text.endswith('"countermeasures".')


def test_seed_paragraphs_and_words() -> None:
    article = load_seed()
    table = paragraph_table(article)
    assert list(table.columns) == ["paragraph", "words", "characters", "text"]
    assert len(table) == len(article.paragraphs) == 7
    assert table["words"].sum() == count_words(article.body)
    assert article.words == count_words(article.title) + table["words"].sum()


def test_published_argument_overrides_metadata() -> None:
    article = load_article(SEED, published="2023-05-12")
    assert article.published == date(2023, 5, 12)


def test_load_by_path(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Headline\n\nBody one.\n\nBody two.\n\nExit mobile version", encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(json.dumps({"published": "2024-03-07"}))
    article = load_article(path)
    assert article.id == "story"
    assert article.title == "Headline"
    assert article.published == date(2024, 3, 7)
    assert article.paragraphs == ["Body one.", "Body two."]


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Exit mobile version", True),
        ("  SHARE THIS ARTICLE  ", True),
        ("Facebook Twitter WhatsApp Email", True),
        ("Subscribe to our newsletter", True),
        ("Advertisement", True),
        ("Share prices rose 3 per cent in Tokyo on Tuesday.", False),
        ("Russia will take countermeasures, Peskov said.", False),
    ],
)
def test_strip_furniture_only_removes_whole_furniture_lines(line: str, furniture: bool) -> None:
    cleaned, removed = strip_furniture(f"Title\n\n{line}\n\nLast paragraph.")
    assert (line.strip() in removed) is furniture
    assert (line.strip() in cleaned) is not furniture


def test_split_paragraphs_and_count_words() -> None:
    assert split_paragraphs("a\n\n\nb\r\nc".replace("\r", "")) == ["a", "b", "c"]
    assert count_words("NATO's 31st member—Finland—joined in 2023.") == 7


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\t  ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        ("Caf\u00e9 au lait".encode("latin-1"), "not UTF-8"),
    ],
)
def test_read_text_rejects_bad_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(BadInputError, match=message):
        read_text(path)


def test_read_text_rejects_missing_path_and_folder(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(BadInputError, match="is a folder"):
        read_text(tmp_path)


def test_too_long_article_is_rejected_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * (MAX_CHARS // 5 + 10), encoding="utf-8")
    with pytest.raises(BadInputError, match="too long"):
        read_text(path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (4 * MAX_CHARS + 1))
    with pytest.raises(BadInputError, match="too large"):
        read_text(big)


def test_make_article_rejects_text_that_is_only_furniture() -> None:
    with pytest.raises(BadInputError, match="only page furniture"):
        make_article("Exit mobile version\n\nAdvertisement")
    with pytest.raises(BadInputError, match="expected text"):
        make_article(b"bytes")  # type: ignore[arg-type]


def test_bad_dates_and_metadata(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="bad publication date"):
        make_article("Title\n\nBody.", published="2023-02-30")
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{not json")
    with pytest.raises(BadInputError, match="not valid JSON"):
        load_article(path)
    (tmp_path / "a.meta.json").write_text("[1, 2]")
    with pytest.raises(BadInputError, match="JSON object"):
        load_article(path)


def test_iter_article_paths(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B\n\nb.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A\n\na.", encoding="utf-8")
    assert [p.name for p in iter_article_paths([tmp_path])] == ["a.txt", "b.txt"]
    with pytest.raises(BadInputError, match="no such file"):
        iter_article_paths([tmp_path / "missing.txt"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BadInputError, match="holds no .txt"):
        iter_article_paths([empty])


def test_unknown_seed_lists_known_ones() -> None:
    with pytest.raises(BadInputError, match=SEED):
        load_seed("does-not-exist")


def test_seeds_dir_honours_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANALYSIS_SEEDS_DIR", str(tmp_path))
    assert seeds_dir() == tmp_path
    assert list_seeds() == []
    with pytest.raises(BadInputError, match="no seed articles"):
        load_seed()


def test_verified_rejects_changed_and_unlisted_files(tmp_path: Path) -> None:
    from analysis import DataFileError
    from analysis._data import verified

    good = tmp_path / "a.csv"
    good.write_text("x\n1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="checksum list missing"):
        verified(good)
    (tmp_path / "SHA256SUMS").write_text(f"{sha256(good)}  a.csv\n")
    assert verified(good) == good
    good.write_text("x\n2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="data file corrupt"):
        verified(good)
    other = tmp_path / "b.csv"
    other.write_text("y\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not in .*SHA256SUMS: b.csv"):
        verified(other)
    with pytest.raises(DataFileError, match="data file missing"):
        verified(tmp_path / "missing.csv")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "utf-32-le", "utf-32-be"])  # fmt: skip
def test_files_with_a_byte_order_mark_are_decoded(tmp_path: Path, encoding: str) -> None:
    from analysis.articles import decode_bytes

    text = "Tōkyō talks\n\nJapan and Türkiye spoke — «NATO»."
    raw = text.encode(encoding)
    if encoding.endswith(("-le", "-be")):  # these codecs write no BOM: add it
        raw = "\ufeff".encode(encoding) + raw
    path = tmp_path / "bom.txt"
    path.write_bytes(raw)
    assert read_text(path) == text
    assert decode_bytes(raw) == text


def test_a_pipe_is_read_to_its_end() -> None:
    import os
    import threading

    read_fd, write_fd = os.pipe()
    payload = ("Pipe headline\n\n" + "Finland joined NATO. " * 2000).encode("utf-8")

    def feed() -> None:
        with os.fdopen(write_fd, "wb") as fh:
            fh.write(payload)

    threading.Thread(target=feed).start()
    try:
        text = read_text(f"/dev/fd/{read_fd}")  # what /dev/stdin is when stdin is a pipe
    finally:
        os.close(read_fd)
    assert text == payload.decode("utf-8")


def test_load_article_names_a_missing_argument() -> None:
    with pytest.raises(
        BadInputError, match="source: expected a seed id or file path, got NoneType"
    ):
        load_article(None)  # type: ignore[arg-type]
    with pytest.raises(BadInputError, match="path: expected a file path"):
        read_text(None)  # type: ignore[arg-type]


def test_unreadable_file_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import analysis.articles as articles

    path = tmp_path / "locked.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")

    def refuse(*args, **kwargs):  # root ignores file modes, so refuse the way the OS would
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(articles, "open", refuse, raising=False)
    with pytest.raises(BadInputError, match="cannot read .*locked.txt: permission denied"):
        read_text(path)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Headline\n\nBody.", "Headline"),
        ("Finland joined NATO. Sweden followed.", "Finland joined NATO."),
        ("One line without a stop", "One line without a stop"),
        ("word " * 100, ("word " * 100)[:120].rsplit(" ", 1)[0] + "…"),
        ("A" * 200 + "\n\nBody.", "A" * 120 + "…"),
    ],
)
def test_title_of_a_text_without_a_headline_is_short(text: str, title: str) -> None:
    article = make_article(text)
    assert article.title == title
    assert len(article.title) <= 121
