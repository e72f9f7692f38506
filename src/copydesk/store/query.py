"""User search syntax -> a safe FTS5 MATCH expression.

Accepted: words (all must match), ``"quoted phrases"``, ``OR`` between terms, ``-word`` or
``-"phrase"`` to exclude, ``word*`` for a prefix. Everything else is quoted, so no input can raise
an FTS5 syntax error (``NEAR``, column filters and parentheses are treated as plain words).
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# What unicode61 treats as token characters; other characters only separate words.
_WORD = re.compile(r"\w+", re.UNICODE)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_query(query: str) -> str | None:
    """The MATCH expression for a user query, or None when it holds no searchable word."""
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for match in _TOKEN.finditer(query or ""):
        neg, phrase, bare = match.group(1), match.group(2), match.group(3)
        prefix = False
        if bare is not None:
            if bare == "OR":
                pending_or = bool(positive)
                continue
            neg = "-" if bare.startswith("-") and len(bare) > 1 else ""
            bare = bare[1:] if neg else bare
            prefix = bare.endswith("*")
            phrase = bare
        words = _WORD.findall(phrase or "")
        if not words:
            continue
        term = _quote(" ".join(words)) + ("*" if prefix else "")
        if neg:
            negative.append(term)
        elif pending_or and positive:
            positive[-1] = f"{positive[-1]} OR {term}"
            pending_or = False
        else:
            positive.append(term)
    if not positive:
        return None
    expr = " AND ".join(f"({p})" if " OR " in p else p for p in positive)
    for term in negative:
        expr = f"{expr} NOT {term}"
    return expr
