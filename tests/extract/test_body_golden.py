"""Golden cases for the extraction orchestrator's body: one folder per case under
``tests/fixtures/core/<case>/`` with ``input.html`` (a page written for the project in a real
site's shape) and ``expected.json`` (the body blocks we expect, reviewed like code).

Rewrite one case after a reviewed change: ``pytest tests/extract/test_body_golden.py
--update-golden <case>``. Only body blocks are pinned here: metadata and furniture have their
own tests, so their progress does not churn these files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import copydesk

CASES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "core"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if (p / "input.html").exists())


def _actual(case: str) -> dict[str, object]:
    folder = CASES_DIR / case
    meta = json.loads((folder / "meta.json").read_text()) if (folder / "meta.json").exists() else {}
    article = copydesk.extract((folder / "input.html").read_bytes(), url=meta.get("url"))
    return {"body": [block.to_dict() for block in article.body]}


@pytest.mark.parametrize("case", CASES)
def test_golden_body(case: str, update_golden: str | None) -> None:
    expected_path = CASES_DIR / case / "expected.json"
    actual = _actual(case)
    if update_golden == case or (not expected_path.exists() and update_golden == "all-missing"):
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n")
    expected = json.loads(expected_path.read_text())
    assert actual == expected


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 12
