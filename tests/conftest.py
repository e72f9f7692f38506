"""Shared pytest options. Keep this small: areas add their own fixtures in their folders."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store",
        default=None,
        metavar="CASE",
        help="rewrite expected.json of one golden case (a folder name under tests/fixtures/*/)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> str | None:
    """The golden case to rewrite, if ``--update-golden CASE`` was given."""
    value = request.config.getoption("--update-golden")
    return str(value) if value else None
