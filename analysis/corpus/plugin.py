"""The Dask worker plugin that loads the spaCy model once, when a worker starts.

Kept apart from :mod:`analysis.corpus.engines` so that importing the engines does
not import ``distributed``.
"""

from __future__ import annotations

import contextlib
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

__all__ = ["PreloadModel"]


class PreloadModel(WorkerPlugin):
    """Load the pipeline (cached per process) in every worker as it starts.

    A missing model is not an error here: the first chunk reports it, once, to the client.

    Examples
    --------
    >>> PreloadModel(None).name
    'analysis-preload-model'
    """

    name = "analysis-preload-model"

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        """Load the model in this worker."""
        from analysis.errors import ModelNotFoundError
        from analysis.text.pipeline import load_pipeline

        with contextlib.suppress(ModelNotFoundError):
            load_pipeline(self.model)
