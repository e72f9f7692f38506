"""The public API surface: ``copydesk.__all__`` is sorted and every name in it resolves."""

from __future__ import annotations

import copydesk


def test_all_is_sorted_and_unique() -> None:
    assert list(copydesk.__all__) == sorted(set(copydesk.__all__))


def test_every_public_name_resolves() -> None:
    for name in copydesk.__all__:
        assert getattr(copydesk, name) is not None, name


def test_extract_and_article_are_public() -> None:
    assert {"extract", "Article", "Block"} <= set(copydesk.__all__)
