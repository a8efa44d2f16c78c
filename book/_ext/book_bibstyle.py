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
from pybtex.style.template import field as bib_field
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle


def _plain(latex: str) -> str:
    return Text.from_latex(latex).render_as("text")


def _authors(entry) -> str:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    if not people:
        return entry.fields.get("organization", entry.key)
    names = [_plain(" ".join(p.prelast_names + p.last_names)) for p in people]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


class AuthorYearLabelStyle(BaseLabelStyle):
    """Labels "Author Year", with a, b, … when an author has several works in a year."""

    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        base = [f"{_authors(e)} {e.fields.get('year', 'n.d.')}" for e in entries]
        counts = Counter(base)
        seen: defaultdict[str, int] = defaultdict(int)
        for label in base:
            if counts[label] > 1:
                suffix = chr(ord("a") + seen[label])
                seen[label] += 1
                yield label + suffix
            else:
                yield label


class BookStyle(UnsrtStyle):
    """unsrt with author–year labels, author–year–title order and titles as written."""

    default_label_style = "book_author_year"
    default_sorting_style = "author_year_title"

    def format_title(self, e, which_field, as_sentence=True):
        title = bib_field(which_field)
        return title  # no sentence-casing: keep the capitals of the source


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ")


@dataclass
class BookLabelReferenceStyle(LabelReferenceStyle):
    """Cite by the author–year label, in round brackets: "(NATO 2023a; Reuters 2023)"."""

    bracket_parenthetical: BracketStyle = field(default_factory=_round)
    bracket_textual: BracketStyle = field(default_factory=_round)


register_plugin("pybtex.style.labels", "book_author_year", AuthorYearLabelStyle)
register_plugin("pybtex.style.formatting", "book", BookStyle)
sphinxcontrib.bibtex.plugin.register_plugin(
    "sphinxcontrib.bibtex.style.referencing", "book_label", BookLabelReferenceStyle
)


def setup(app):
    """Sphinx extension entry point: the plugins are registered on import."""
    return {"parallel_read_safe": True, "parallel_write_safe": True}
