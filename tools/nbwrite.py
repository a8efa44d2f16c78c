"""Write a Jupyter notebook from a compact cell list (used to author the book's notebooks).

Usage from Python::

    from tools.nbwrite import write
    write("book/x.ipynb", [("md", "# Title"), ("code", "x = 1", ["parameters"])])

The notebook is written without outputs; ``make notebooks`` executes it in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import nbformat

KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def write(path: str | Path, cells: Sequence[tuple]) -> None:
    """Write cells ``(kind, source[, tags])`` to ``path`` as an nbformat-4 notebook."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNEL
    nb.metadata["language_info"] = {"name": "python"}
    for cell in cells:
        kind, source = cell[0], cell[1].strip("\n")
        tags = list(cell[2]) if len(cell) > 2 else []
        new = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
        c = new(source)
        if tags:
            c.metadata["tags"] = tags
        nb.cells.append(c)
    for i, c in enumerate(nb.cells):
        c["id"] = f"{Path(path).stem[:20]}-{i:02d}".replace("_", "-")
    nbformat.write(nb, str(path))
