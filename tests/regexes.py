"""Reading regex sources in tests: the shortcut constants of dates.py and people.py (the initials
a branch may start with) are held to the alternations they shortcut."""

from __future__ import annotations


def top_level_branches(source: str) -> list[str]:
    """The top-level branches of a regex alternation (split at "|" outside brackets)."""
    branches: list[str] = []
    depth = start = 0
    for i, char in enumerate(source):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(source[start:i])
            start = i + 1
    return [*branches, source[start:]]
