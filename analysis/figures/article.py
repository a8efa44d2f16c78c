"""Figures for the chapter "What the article says".

They take the tables returned by :func:`analysis.text.analyze` and return
:class:`matplotlib.figure.Figure` objects in the project style:
:func:`mentions_chart` ranks the countries mentioned, :func:`timeline` draws
dated events with their full sentences (also used for the Tokyo office plan in
:mod:`analysis.figures.offices`).
"""

from __future__ import annotations

import textwrap
from datetime import date

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.figures.style import PALETTE, new_figure


def mentions_chart(mentioned: pd.DataFrame, *, top: int | None = None) -> Figure:
    """Ranked bar chart of the countries an article mentions, most mentioned at the top.

    A map would let the largest countries dominate whatever their count; bars give
    each country the same room and make the counts comparable.

    Parameters
    ----------
    mentioned
        The ``countries`` table of an analysis: ``name`` and ``mentions``.
    top
        Show only the ``top`` most mentioned (default: all).

    Returns
    -------
    matplotlib.figure.Figure
        One axes; y tick labels are the countries from the top down, and each bar
        is labelled with its count.

    Examples
    --------
    >>> fig = mentions_chart(pd.DataFrame({"name": ["Japan", "Russia"], "mentions": [9, 5]}))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Japan', 'Russia']
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['9', '5']
    """
    data = mentioned.sort_values(["mentions", "name"], ascending=[False, True], kind="stable")
    if top is not None:
        data = data.head(top)
    fig, ax = new_figure(width=6.0, height=0.8 + 0.3 * max(len(data), 1))
    y = np.arange(len(data))[::-1]
    ax.barh(y, data["mentions"], color=PALETTE["blue"], height=0.65)
    for yi, n in zip(y, data["mentions"], strict=True):
        ax.annotate(
            f"{int(n)}", (n, yi), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9
        )
    ax.set_yticks(y, data["name"])
    ax.set_xlabel("Mentions (names, demonyms and capitals)")
    ax.set_xlim(0, max(float(data["mentions"].max()) if len(data) else 1.0, 1.0) * 1.12)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    return fig


def timeline(
    events: pd.DataFrame,
    published: date | None = None,
    *,
    wrap: int = 58,
    published_label: str = "article published",
    width: float = 8.0,
    dated: bool = False,
    span: tuple[str, str] | None = None,
) -> Figure:
    """Timeline of dated events: one marker and a full, wrapped label per event, in date order.

    Parameters
    ----------
    events
        ``date`` (datetime-like) and ``label`` columns.
    published
        Drawn as a distinct marker, labelled ``published_label``.
    wrap
        Characters per label line; labels are wrapped, never cut.
    published_label
        Label of the ``published`` marker.
    width
        Figure width in inches.
    dated
        Start each label with its date ("3 May 2023: …").
    span
        First and last day of the time axis (ISO dates); default: the events' range.
        Events in the right half of the axis are labelled to their left, so that
        every label stays inside the frame.

    Examples
    --------
    >>> ev = pd.DataFrame({"date": pd.to_datetime(["2023-04-04"]), "label": ["Finland joins"]})
    >>> fig = timeline(ev, date(2023, 5, 10))
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['Finland joins', 'article published']
    """
    ev = events.assign(date=pd.to_datetime(events["date"])).sort_values("date", kind="stable")
    rows = list(ev.itertuples(index=False))
    days = ev["date"].dt.strftime("%-d %B %Y").tolist()
    texts = [f"{d}: {r.label}" if dated else str(r.label) for d, r in zip(days, rows, strict=True)]
    labels = [textwrap.fill(t, wrap) for t in texts]
    lines = [lab.count("\n") + 1 for lab in labels]
    # Each event gets a band as tall as its label; the publication marker sits at 0.
    heights = [0.35 + 0.32 * n for n in lines]
    ys_list, top = [], 0.6
    for h in reversed(heights):
        ys_list.append(top + h / 2)
        top += h
    ys = list(reversed(ys_list))
    fig, ax = new_figure(width=width, height=0.9 + 0.2 * top + 0.15 * len(rows))
    if span is not None:
        first, last = pd.Timestamp(span[0]), pd.Timestamp(span[1])
        on_left = (ev["date"] > first + (last - first) * 0.55).tolist()
    else:
        on_left = [False] * len(rows)
    for y, row, label, left in zip(ys, rows, labels, on_left, strict=True):
        ax.plot([row.date, row.date], [0, y], color="#BBBBBB", linewidth=0.8, zorder=1)
        ax.scatter([row.date], [y], color=PALETTE["blue"], s=30, zorder=2)
        ax.annotate(
            label,
            (row.date, y),
            xytext=(-6 if left else 6, 0),
            textcoords="offset points",
            ha="right" if left else "left",
            va="center",
            fontsize=8.5,
        )
    if published is not None:
        ts = pd.Timestamp(published)
        ax.scatter([ts], [0.0], color=PALETTE["vermillion"], marker="D", s=36, zorder=3)
        ax.annotate(
            published_label,
            (ts, 0.0),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
            color=PALETTE["vermillion"],
        )
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b %Y"))
    if not len(ev) and published is None:
        return fig
    ax.set_ylim(-0.6, top + 0.2)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    if span is not None:
        ax.set_xlim(pd.Timestamp(span[0]), pd.Timestamp(span[1]))
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.set_xlabel("Date")
        fig.tight_layout()
        return fig
    lo = ev["date"].min() if len(ev) else pd.Timestamp(published)  # type: ignore[arg-type]
    hi = pd.Timestamp(published) if published is not None else ev["date"].max()
    days = max((hi - lo).days, 10)
    # Room on the right for the longest label (about 0.075 in per character at 8.5 pt).
    room = min(0.85, wrap * 0.075 / width)
    ax.set_xlim(
        lo - pd.Timedelta(days=days * 0.04), hi + pd.Timedelta(days=days * room / (1 - room))
    )
    ax.set_xlabel("Date")
    fig.tight_layout()
    return fig


def dated_events(
    dates: pd.DataFrame, claims: pd.DataFrame, text: str, width: int = 60
) -> pd.DataFrame:
    """Pair each day-precise date of an analysis with the sentence it stands in.

    Parameters
    ----------
    dates, claims
        The ``dates`` and ``claims`` tables of an analysis (``sentence`` columns link them).
    text
        The analysed text (used when the sentence is not among the claims).
    width
        Characters of context either side of a date whose sentence is not a claim.

    Returns
    -------
    pandas.DataFrame
        ``date``, ``text`` (as written), ``label`` (the whole sentence, never cut).

    Examples
    --------
    >>> d = pd.DataFrame({"text": ["May 3"], "iso": ["2023-05-03"], "granularity": ["day"],
    ...                   "start": [20], "end": [25], "sentence": [0]})
    >>> c = pd.DataFrame({"text": ["It was reported on May 3."], "sentence": [0]})
    >>> dated_events(d, c, "").loc[0, "label"]
    'It was reported on May 3.'
    """
    by_sentence = dict(zip(claims["sentence"], claims["text"], strict=False)) if len(claims) else {}
    rows = []
    for d in dates.itertuples(index=False):
        if d.granularity != "day" or not isinstance(d.iso, str):
            continue
        sentence = by_sentence.get(d.sentence)
        if sentence is None:
            start, end = int(d.start), int(d.end)  # type: ignore[arg-type]
            sentence = text[max(0, start - width // 2) : end + width // 2]
        rows.append(
            {"date": pd.Timestamp(d.iso), "text": d.text, "label": " ".join(sentence.split())}
        )
    return pd.DataFrame(rows, columns=["date", "text", "label"])
