"""Figures for the book, one module per chapter.

Each module takes tidy data from :mod:`analysis.geo`, :mod:`analysis.reference` or
:mod:`analysis.checks` and returns :class:`matplotlib.figure.Figure` objects in the
project style (:mod:`analysis.figures.style`); none of them measures borders or reads
data files itself.  Submodules are imported on demand (``from analysis.figures
import growth``), so importing this package stays cheap.

This module holds the one helper the figure modules share: a check that no two
text labels of a figure overlap.
"""

from __future__ import annotations

from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox

__all__ = ["label_overlaps", "text_boxes", "text_extent"]


def text_extent(artist: Text, renderer: RendererBase) -> Bbox:
    """Box of the text alone (an Annotation's own box would include its arrow)."""
    if isinstance(artist, Annotation):
        artist.update_positions(renderer)
    return Text.get_window_extent(artist, renderer)


def text_boxes(fig: Figure) -> list[tuple[str, Bbox]]:
    """Return every visible, non-empty text artist of a figure with its display box.

    Tick labels, axis labels, legend entries and annotations are all included;
    the figure is drawn first so that the boxes are final.

    Parameters
    ----------
    fig
        The figure to inspect.

    Returns
    -------
    list of (str, matplotlib.transforms.Bbox)
        Text and bounding box in display (pixel) coordinates.

    Examples
    --------
    >>> from analysis.figures.style import new_figure
    >>> fig, ax = new_figure()
    >>> _ = ax.text(0.5, 0.5, "hello")
    >>> any(t == "hello" for t, _ in text_boxes(fig))
    True
    """
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    texts: list[Text] = list(fig.texts)
    for legend in fig.legends:
        texts.extend(legend.get_texts())
    for ax in fig.axes:
        texts.extend(ax.texts)
        ax_legend = ax.get_legend()
        if ax_legend is not None:
            texts.extend(ax_legend.get_texts())
        if ax.axison:
            texts.extend([ax.xaxis.label, ax.yaxis.label])
            for axis in (ax.xaxis, ax.yaxis):
                lo, hi = sorted(axis.get_view_interval())
                for tick in axis.get_major_ticks():
                    if lo <= tick.get_loc() <= hi:
                        texts.extend(t for t in (tick.label1, tick.label2) if t.get_visible())
    out: list[tuple[str, Bbox]] = []
    for artist in texts:
        if artist.get_visible() and artist.get_text().strip():
            out.append((artist.get_text(), text_extent(artist, renderer)))
    return out


def label_overlaps(fig: Figure, *, pad: float = 0.0) -> list[tuple[str, str]]:
    """Return the pairs of text labels of a figure whose boxes overlap.

    Parameters
    ----------
    fig
        The figure to inspect.
    pad
        Pixels added around each box before testing (a minimum gap).

    Returns
    -------
    list of (str, str)
        Overlapping pairs; empty when every label stands clear.

    Examples
    --------
    >>> from analysis.figures.style import new_figure
    >>> fig, ax = new_figure()
    >>> _ = ax.text(0.1, 0.5, "left"); _ = ax.text(0.8, 0.5, "right")
    >>> label_overlaps(fig)
    []
    >>> _ = ax.text(0.1, 0.5, "on top of left")
    >>> len(label_overlaps(fig)) > 0
    True
    """
    boxes = text_boxes(fig)
    pairs: list[tuple[str, str]] = []
    for i, (ti, bi) in enumerate(boxes):
        bi = bi.expanded(1.0, 1.0).padded(pad)
        for tj, bj in boxes[i + 1 :]:
            if bi.overlaps(bj.padded(pad)):
                pairs.append((ti, tj))
    return pairs
