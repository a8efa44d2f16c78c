"""Presentation tables for the book: human headers with units, formatted numbers, no index.

The package's functions return tidy frames with ``snake_case`` columns, made for
computing.  A reader needs something else: a caption that says it is a table,
headers in words with units, numbers formatted and right-aligned, every row
shown once, and no index column.  :func:`myst_table` turns a frame into a MyST
``{table}`` directive (numbered and captioned as a *table* in the book, and a
plain Markdown table in JupyterLab); :func:`presentation` gives the formatted
frame itself.

The chapter-specific derivation the book needs and the package does not give
(:func:`accession_split`) lives here too, so that the notebooks only call functions;
before/after sums by source come from :func:`analysis.checks.evidence.ratios_from_lengths`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd

__all__ = [
    "Column",
    "MystTable",
    "accession_split",
    "group_verdicts",
    "myst_table",
    "names_list",
    "presentation",
    "stated_km",
]

#: Shown for a missing value.
MISSING = "–"


@dataclass(frozen=True)
class Column:
    """How one column of a presentation table is shown.

    Attributes
    ----------
    header
        The header a reader sees, with the unit, e.g. ``"Length (km)"``.
    format
        A ``str.format`` pattern such as ``"{:,.1f}"``, or a function of the value;
        ``None`` shows ``str(value)``.
    align
        ``"left"``, ``"right"`` or ``"center"``; default right for numbers, left otherwise.

    Examples
    --------
    >>> Column("Length (km)", "{:,.1f}").show(1225.46)
    '1,225.5'
    >>> Column("Note").show(None)
    '–'
    """

    header: str
    format: str | Callable[[Any], str] | None = None
    align: str | None = None

    def show(self, value: Any) -> str:
        """Format one value (missing values show as an en dash)."""
        if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
            return MISSING
        if callable(self.format):
            return self.format(value)
        if self.format is not None:
            return self.format.format(value)
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        return str(value)


ColumnSpec = str | Column


def _column(spec: ColumnSpec) -> Column:
    return spec if isinstance(spec, Column) else Column(spec)


def presentation(frame: pd.DataFrame, columns: Mapping[str, ColumnSpec]) -> pd.DataFrame:
    """Select, rename and format the columns a reader needs, as strings, without an index.

    Parameters
    ----------
    frame
        A tidy frame from the package.
    columns
        Source column → header (``str``) or :class:`Column`, in display order.

    Returns
    -------
    pandas.DataFrame
        One string column per entry, named by its header, with a plain range index.

    Raises
    ------
    KeyError
        When a column asked for is not in ``frame``.

    Examples
    --------
    >>> t = pd.DataFrame({"neighbor_name": ["Finland"], "length_km": [1225.46]})
    >>> presentation(t, {"neighbor_name": "Neighbour",
    ...                  "length_km": Column("Length (km)", "{:,.0f}")}).values.tolist()
    [['Finland', '1,225']]
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"no column(s) {', '.join(missing)} in the table")
    out = {}
    for col, spec in columns.items():
        c = _column(spec)
        out[c.header] = [c.show(v) for v in frame[col]]
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def _align(frame: pd.DataFrame, col: str, spec: Column) -> str:
    if spec.align is not None:
        return spec.align
    return "right" if pd.api.types.is_numeric_dtype(frame[col]) else "left"


def _cell(text: str) -> str:
    # Markdown table cells: a pipe ends the cell and a line break ends the row.
    return " ".join(text.split()).replace("|", "\\|")


@dataclass(frozen=True)
class MystTable:
    """A captioned MyST table; shown as Markdown by Jupyter and MyST-NB.

    Attributes
    ----------
    markdown
        The ``{table}`` directive with the Markdown table inside.
    frame
        The formatted table (headers and strings), for tests and further use.
    """

    markdown: str
    frame: pd.DataFrame

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __len__(self) -> int:
        return len(self.frame)


def myst_table(
    frame: pd.DataFrame,
    columns: Mapping[str, ColumnSpec],
    *,
    caption: str,
    name: str,
    scroll: bool = False,
) -> MystTable:
    """A presentation table as a numbered, captioned MyST ``{table}``.

    Parameters
    ----------
    frame
        A tidy frame from the package.
    columns
        Source column → header or :class:`Column`, in display order.
    caption
        The table's caption (MyST inline markup allowed).
    name
        Its label, for ``{numref}`` (e.g. ``"tbl-datasets"``).
    scroll
        Long table: the book shows it in a box of its own height that scrolls.

    Returns
    -------
    MystTable
        Displayed as Markdown by Jupyter; its ``frame`` holds the formatted cells.

    Raises
    ------
    ValueError
        When the table would show the same row twice.

    Examples
    --------
    >>> t = pd.DataFrame({"name": ["Finland", "Norway"], "km": [1225.46, 165.1]})
    >>> print(myst_table(t, {"name": "Neighbour", "km": Column("Length (km)", "{:,.1f}")},
    ...                  caption="Borders.", name="tbl-x").markdown)
    :::{table} Borders.
    :name: tbl-x
    :class: presentation-table
    <BLANKLINE>
    | Neighbour | Length (km) |
    | :--- | ---: |
    | Finland | 1,225.5 |
    | Norway | 165.1 |
    :::
    """
    shown = presentation(frame, columns)
    if shown.duplicated().any():
        dup = shown[shown.duplicated()].iloc[0].tolist()
        raise ValueError(f"the table {name!r} shows a row twice: {dup}")
    marks = {"left": ":---", "right": "---:", "center": ":---:"}
    aligns = [_align(frame, col, _column(spec)) for col, spec in columns.items()]
    lines = [
        "| " + " | ".join(_cell(h) for h in shown.columns) + " |",
        "| " + " | ".join(marks[a] for a in aligns) + " |",
    ]
    for row in shown.itertuples(index=False):
        lines.append("| " + " | ".join(_cell(str(v)) for v in row) + " |")
    classes = "presentation-table" + (" scroll-table" if scroll else "")
    head = [f":::{{table}} {' '.join(caption.split())}", f":name: {name}", f":class: {classes}", ""]
    return MystTable("\n".join([*head, *lines, ":::"]), shown)


def group_verdicts(verdicts: Iterable[Any]) -> pd.DataFrame:
    """One row per distinct finding: verdicts of the same check, grade and reason together.

    Several sentences often make the same claim ("NATO plans an office in Tokyo" in the
    headline, the lead and a later paragraph); the package checks each and reaches the same
    verdict on the same evidence.  A reader needs that finding once, with the sentences it
    covers.

    Parameters
    ----------
    verdicts
        Objects with ``claim``, ``kind``, ``grade`` and ``reason`` attributes, such as the
        :class:`analysis.checks.Verdict` items :func:`analysis.checks.check_claims` returns.

    Returns
    -------
    pandas.DataFrame
        Columns ``claims`` (the distinct sentences, in text order), ``n_claims``, ``kind``,
        ``grade`` and ``reason``; rows in the order of each finding's first sentence.

    Examples
    --------
    >>> from types import SimpleNamespace as V
    >>> vs = [V(claim="A.", kind="office", grade="supported", reason="r"),
    ...       V(claim="B.", kind="first", grade="not supported", reason="s"),
    ...       V(claim="B.", kind="office", grade="supported", reason="r"),
    ...       V(claim="B.", kind="office", grade="supported", reason="r")]
    >>> g = group_verdicts(vs)
    >>> g[["claims", "n_claims", "kind"]].values.tolist()
    [[['A.', 'B.'], 2, 'office'], [['B.'], 1, 'first']]
    """
    groups: dict[tuple[str, str, str], list[str]] = {}
    for v in verdicts:
        key = (str(v.kind), str(v.grade), str(v.reason))
        claims = groups.setdefault(key, [])
        if v.claim not in claims:
            claims.append(v.claim)
    rows = [
        {"claims": claims, "n_claims": len(claims), "kind": kind, "grade": grade,
         "reason": reason}
        for (kind, grade, reason), claims in groups.items()
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["claims", "n_claims", "kind", "grade", "reason"])


def accession_split(
    timeline: pd.DataFrame, members: pd.DataFrame, joined: str
) -> tuple[date, list[str], list[str]]:
    """The accession of ``joined``: its date and the bordering members before and after.

    Parameters
    ----------
    timeline
        :func:`analysis.geo.alliance_border_timeline` for the country measured.
    members
        The members table (``iso3``, ``accession_date``), e.g.
        :func:`analysis.reference.accession_table`.
    joined
        ISO 3166-1 alpha-3 code of the member whose accession is studied.

    Returns
    -------
    tuple
        ``(date, before, after)``: the accession day and the members sharing a
        land border with the country the day before and on that day (longest border first).

    Raises
    ------
    KeyError
        When ``joined`` is not in the members table.

    Examples
    --------
    >>> tl = pd.DataFrame({"date": [date(1949, 8, 24), date(2023, 4, 4)],
    ...                    "bordering_members": [["NOR"], ["FIN", "NOR"]]})
    >>> m = pd.DataFrame({"iso3": ["NOR", "FIN"], "accession_date": ["1949-08-24", "2023-04-04"]})
    >>> accession_split(tl, m, "FIN")
    (datetime.date(2023, 4, 4), ['NOR'], ['FIN', 'NOR'])
    """
    table = members.assign(_d=pd.to_datetime(members["accession_date"]).dt.date)
    found = table[table["iso3"] == joined]
    if found.empty:
        raise KeyError(f"{joined!r} is not in the members table")
    when: date = found["_d"].iloc[0]
    dates = [pd.Timestamp(d).date() for d in timeline["date"]]
    before: list[str] = []
    after: list[str] = []
    for d, bordering in zip(dates, timeline["bordering_members"], strict=True):
        if d <= when - timedelta(days=1):
            before = list(bordering)
        if d <= when:
            after = list(bordering)
    return when, before, after


def names_list(names: Sequence[str]) -> str:
    """Join names as English prose: "A", "A and B", "A, B and C".

    Examples
    --------
    >>> names_list(["Norway"]), names_list(["Norway", "Poland"]), names_list(["A", "B", "C"])
    ('Norway', 'Norway and Poland', 'A, B and C')
    >>> names_list([])
    'none'
    """
    items = list(names)
    if not items:
        return "none"
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def stated_km(numbers: pd.Series, *, low: float = 0.0, high: float = float("inf")) -> pd.Series:
    """Lengths in km stated in free-text "figures used" cells, within ``[low, high]``.

    Only a plain length counts ("1,340 km", "+1,300 km"); approximate conversions in
    brackets ("(≈1,213 km)") and totals after an arrow are not what the speaker said.

    Parameters
    ----------
    numbers
        The ``numbers`` column of :func:`analysis.reference.border_statements`.
    low, high
        Keep only values in this range (e.g. one border's plausible lengths).

    Returns
    -------
    pandas.Series
        One float per length found (index of the row it came from).

    Examples
    --------
    >>> s = pd.Series(['1,340 km; "doubled"', '+1,300 km', '754 mi (≈1,213 km)', 'none'])
    >>> stated_km(s, low=1000, high=1500).tolist()
    [1340.0, 1300.0]
    """
    import re

    found: dict[object, float] = {}
    pattern = re.compile(r"(?<![≈>\d,.])\+?(\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*km")
    for idx, text in numbers.items():
        cleaned = re.sub(r"\([^)]*\)|→.*", "", str(text))
        for m in pattern.finditer(cleaned):
            value = float(m.group(1).replace(",", ""))
            if low <= value <= high:
                found[idx] = value
                break
    return pd.Series(found, dtype=float)
