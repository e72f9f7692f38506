"""README.md is assembled from docs/sections/ by scripts/build-readme.sh: the two stay in step."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_is_assembled_from_its_sections() -> None:
    built = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build-readme.sh"), "--stdout"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert built == (ROOT / "README.md").read_text(encoding="utf-8"), (
        "README.md differs from docs/sections/: edit the sections and run scripts/build-readme.sh"
    )


def test_readme_starts_with_the_two_newcomer_commands() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8").split("```")[1]
    commands = [line for line in head.splitlines()[1:] if line.strip()]
    assert commands == [
        "bash scripts/setup.sh && .venv/bin/copydesk extract examples/sample-article.html",
        ".venv/bin/python -m pytest",
    ]
    assert (ROOT / "examples" / "sample-article.html").is_file()
