"""Parse long texts in paragraph batches, so cost stays linear and memory bounded.

spaCy's cost and memory grow with the length of one ``Doc`` being parsed (and
``nlp.max_length`` refuses texts over a million characters).  A long article is
therefore cut at paragraph breaks into pieces of at most :data:`CHUNK_CHARS`
characters, the pieces go through ``nlp.pipe`` together with the other articles,
and the parsed pieces of one article are joined back with ``Doc.from_docs``.  Each
piece keeps its trailing white space, so the joined ``Doc`` has exactly the
original text and every character offset refers to it unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

#: Longest piece of text parsed as one spaCy ``Doc``.
CHUNK_CHARS = 4_000

T = TypeVar("T")


def split_paragraphs(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters at paragraph breaks.

    A piece ends after a blank line when there is one, else after a line break,
    else after a space; only a run of ``limit`` characters without any of them is
    cut blindly.  ``"".join(pieces) == text`` always holds.

    Examples
    --------
    >>> split_paragraphs("One.\\n\\nTwo.\\n\\nThree.", limit=8)
    ['One.\\n\\n', 'Two.\\n\\n', 'Three.']
    >>> "".join(split_paragraphs("x " * 50, limit=16)) == "x " * 50
    True
    """
    pieces: list[str] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", " "):
            at = window.rfind(sep)
            if at > 0:
                cut = at + len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    if start < n or not pieces:
        pieces.append(text[start:])
    return pieces


def pipe_long(
    nlp: Language,
    items: Iterable[tuple[str, T]],
    *,
    batch_size: int = 16,
    n_process: int = 1,
    limit: int = CHUNK_CHARS,
) -> Iterator[tuple[Doc, T]]:
    """Like ``nlp.pipe(items, as_tuples=True)``, with long texts parsed in pieces.

    Examples
    --------
    >>> from analysis.text.pipeline import load_pipeline
    >>> text = "Japan spoke.\\n\\nFinland joined NATO.\\n\\nSweden followed."
    >>> [(d.text == text, len(list(d.sents)), ctx)
    ...  for d, ctx in pipe_long(load_pipeline(), [(text, "a")], limit=25)]
    [(True, 3, 'a')]
    """
    pending: list[Doc] = []

    def pieces() -> Iterator[tuple[str, tuple[int, int, T]]]:
        for text, context in items:
            parts = split_paragraphs(text, limit)
            for k, part in enumerate(parts):
                yield part, (k, len(parts), context)

    for doc, (k, count, context) in nlp.pipe(
        pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        if count == 1:
            yield doc, context
            continue
        pending.append(doc)
        if k == count - 1:
            joined = Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
            yield joined, context
