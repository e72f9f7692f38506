"""Where the evaluation data sets are, and how their pages and labels are read.

The data sets are never part of the repo: they sit in ``../shared/datasets`` beside the clone
(so in CI too), or wherever ``COPYDESK_DATASETS`` points.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any

ENV_VAR = "COPYDESK_DATASETS"
REPO_ROOT = Path(__file__).resolve().parent.parent


def datasets_dir(environ: dict[str, str] | None = None) -> Path:
    """The data-set folder: ``$COPYDESK_DATASETS`` if set, else ``<repo>/../shared/datasets``.
    The path may not exist; :func:`available` says whether it holds anything."""
    env = os.environ if environ is None else environ
    override = env.get(ENV_VAR)
    if override:
        return Path(override).expanduser().resolve()
    return (REPO_ROOT.parent / "shared" / "datasets").resolve()


def available(path: Path) -> bool:
    """True when ``path`` is a folder with at least one entry."""
    return path.is_dir() and any(path.iterdir())


def read_page(path: Path) -> bytes:
    """A page as crawled: the raw bytes (gunzipped when the file is ``.gz``), not decoded —
    decoding is part of what the extractor is scored on."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
