"""Citation style of the book: author–year labels that match the in-text citations.

In the text a citation reads "(NATO 2023a)"; the bibliography lists the same label,
"NATO 2023a", sorted by author, year and title, with a/b/… suffixes where one author
has several works in a year.  Titles are printed as written in ``references.bib``
(pybtex's default styles lower-case them into sentence case, which mangles proper
names such as "NATO's" or "Tokyo").

Loaded by ``_config.yml`` (``sphinx.local_extensions``) and selected with
``bibtex_default_style: book`` and ``bibtex_reference_style: book_label``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import sphinxcontrib.bibtex.plugin
from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import field as bib_field
from pybtex.style.template import sentence
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle


def _plain(latex: str) -> str:
    return Text.from_latex(latex).render_as("text")


def _authors(entry) -> str:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    if not people:
        return entry.fields.get("organization", entry.key)
    names = [_plain(" ".join(p.prelast_names + p.last_names)) for p in people]
    if names[-1] == "others":  # BibTeX's "and others"
        return f"{names[0]} et al."
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


#: Label of every entry of the book's bibliography files, computed once over all of
#: them, so that "a"/"b" suffixes are unique across the cited list and further reading.
LABELS: dict[str, str] = {}


def _sort_key(entry) -> tuple[str, str, str]:
    return (_authors(entry).lower(), entry.fields.get("year", ""), entry.fields.get("title", ""))


def author_year_labels(entries) -> dict[str, str]:
    """Label per key: "Author Year", with a, b, … when an author has several works in a year."""
    ordered = sorted(entries, key=_sort_key)
    base = [f"{_authors(e)} {e.fields.get('year', 'n.d.')}" for e in ordered]
    counts = Counter(base)
    seen: defaultdict[str, int] = defaultdict(int)
    out = {}
    for entry, label in zip(ordered, base, strict=True):
        if counts[label] > 1:
            out[entry.key] = label + chr(ord("a") + seen[label])
            seen[label] += 1
        else:
            out[entry.key] = label
    return out


class AuthorYearLabelStyle(BaseLabelStyle):
    """Labels "Author Year" (see :func:`author_year_labels`), shared by every bibliography."""

    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        local = author_year_labels(entries)
        for e in entries:
            yield LABELS.get(e.key, local[e.key])


class AuthorYearSortingStyle(BaseSortingStyle):
    """Alphabetical by the label's author (people and organisations alike), year, title."""

    def sorting_key(self, entry):
        return _sort_key(entry)


class BookStyle(UnsrtStyle):
    """unsrt with author–year labels, author–year–title order and titles as written."""

    default_label_style = "book_author_year"
    default_sorting_style = "book_author_year"

    def format_title(self, e, which_field, as_sentence=True):
        title = bib_field(which_field)  # no sentence-casing: keep the source's capitals
        return sentence[title] if as_sentence else title


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ")


@dataclass
class BookLabelReferenceStyle(LabelReferenceStyle):
    """Cite by the author–year label, in round brackets: "(NATO 2023a; Reuters 2023)"."""

    bracket_parenthetical: BracketStyle = field(default_factory=_round)
    bracket_textual: BracketStyle = field(default_factory=_round)


register_plugin("pybtex.style.labels", "book_author_year", AuthorYearLabelStyle)
register_plugin("pybtex.style.sorting", "book_author_year", AuthorYearSortingStyle)
register_plugin("pybtex.style.formatting", "book", BookStyle)
sphinxcontrib.bibtex.plugin.register_plugin(
    "sphinxcontrib.bibtex.style.referencing", "book_label", BookLabelReferenceStyle
)


def _load_labels(app, config) -> None:
    from pathlib import Path

    from pybtex.database import parse_file

    entries = []
    for name in config.bibtex_bibfiles:
        entries.extend(parse_file(str(Path(app.srcdir) / name)).entries.values())
    LABELS.clear()
    LABELS.update(author_year_labels(entries))


def setup(app):
    """Sphinx extension entry point: the plugins are registered on import; the labels are
    computed over every bibliography file once the configuration is read."""
    app.connect("config-inited", _load_labels)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
