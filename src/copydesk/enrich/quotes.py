"""Direct quotes and their speakers, from an article's body blocks (English news conventions).

``extract_quotes(blocks) -> tuple[Quote, ...]`` is pure. It finds quoted spans (“…”, "…", «…»,
„…“, ‘…’), follows a quote over several paragraphs (an opening mark left unclosed at the end of a
paragraph continues when the next paragraph opens with a mark), joins the pieces of one utterance
split by its attribution (“A,” she said. “B.”), and attributes each quote from the words around it:

* after the quote: ``“…,” Moreau said`` / ``“…,” said Moreau`` / ``“…,” Moreau, 45, told
  reporters`` / ``“…,” the minister said`` / ``“…,” Moreau was quoted as saying``;
* before it, in the same sentence: ``Moreau said: “…”`` / ``Moreau said the plan was “…”`` /
  ``According to Moreau, “…”``;
* pronouns (he, she, they) resolve to the last named person; a bare surname resolves to the full
  name mentioned earlier; titles are dropped (``Foreign Minister Claire Moreau`` → ``Claire
  Moreau``);
* a paragraph that is nothing but an unattributed quote, right after a paragraph quoting X, is X's.

Unattributed short quoted phrases (titles of works, scare quotes) are not quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.model import Block, Quote

# Block kinds that can carry quotes (headings, tables and code cannot).
QUOTE_KINDS = frozenset({"paragraph", "quote", "list_item"})
# An unattributed quoted span is a quote only when it reads like speech: at least this many words
# and ending in sentence punctuation, or at least LONG_UNATTRIBUTED words. Below that, quoted
# spans are titles of works, nicknames and scare quotes ("so-called 'peace plan'"); calibrated on
# the fixture articles in tests/fixtures/quotes (both kinds occur there).
MIN_UNATTRIBUTED_WORDS = 5
LONG_UNATTRIBUTED_WORDS = 12
# A quote attributed only by a verb earlier in its sentence ("called the plan “hype”") is a partial
# quote; a single word there is a term in quotation marks more often than speech.
MIN_EMBEDDED_WORDS = 2
# "he"/"she" look for a person of known matching gender among this many most recent people.
PRONOUN_LOOKBACK = 3
# Characters before a quote searched for its attribution: a sentence is rarely longer, and the
# bound keeps the backward search linear on pathological paragraphs with no full stop.
BEFORE_WINDOW = 400
# Speaker phrases that start with a determiner ("a spokeswoman for the ministry") are capped at
# this many words, so that a clause is never taken for a speaker.
MAX_NP_WORDS = 9

# Speech verbs and cue phrases, longest first so that "said in a statement" wins over "said".
_CUES = (
    "was quoted as saying",
    "is quoted as saying",
    "were quoted as saying",
    "said in a statement",
    "wrote in a statement",
    "said in an interview",
    "told reporters",
    "pointed out",
    "went on",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "asked",
    "asks",
    "explained",
    "explains",
    "noted",
    "notes",
    "wrote",
    "writes",
    "stated",
    "declared",
    "insisted",
    "insists",
    "warned",
    "warns",
    "argued",
    "argues",
    "continued",
    "recalled",
    "recalls",
    "replied",
    "responded",
    "claimed",
    "acknowledged",
    "admitted",
    "urged",
    "tweeted",
    "announced",
    "cautioned",
    "conceded",
    "countered",
    "emphasised",
    "emphasized",
    "stressed",
    "suggested",
    "observed",
    "commented",
    "remarked",
    "predicted",
    "promised",
    "vowed",
    "joked",
    "quipped",
    "wondered",
    "called",
    "described",
    "shouted",
    "whispered",
)
_CUE = "(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in _CUES) + ")"
# Honorifics and roles dropped from the front of a speaker's name.
TITLE_WORDS = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady rev rev. father
    sister president vice prime minister secretary chancellor senator sen sen. representative
    rep rep. governor gov gov. mayor general gen gen. colonel col col. lt lt. captain capt
    capt. sgt sgt. sergeant admiral commander chief executive officer director chairman
    chairwoman chair spokesman spokeswoman spokesperson ambassador commissioner judge justice
    attorney coach king queen prince princess pope bishop cardinal rabbi imam sheikh deputy
    acting former foreign interior defence defense finance health economy justice education
    trade labour labor state home environment energy agriculture transport culture congressman
    congresswoman councillor councilman councilwoman minister-president premier leader speaker
    superintendent inspector detective officer constable sheriff assistant senior junior
    associate head founder ceo cfo coo cto administrator manager economist analyst editor adviser
    advisor lawyer counsel researcher scientist engineer organiser organizer envoy negotiator
    lieutenant marshal chairperson treasurer opposition party""".split()  # noqa: SIM905
)
# Capitalised words that start sentences or name things, never a person.
_NOT_NAMES = frozenset(
    """the a an in on at for but and or if when while after before as it this that these those
    there here we i you they he she his her their our its my monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october
    november december according asked speaking despite although though yet so still also""".split()  # noqa: SIM905
)
_PRONOUNS = {"he", "she", "they", "i", "we"}
_DETERMINERS = {
    "a",
    "an",
    "the",
    "one",
    "another",
    "two",
    "several",
    "some",
    "many",
    "his",
    "her",
    "their",
}

_NAME_TOKEN = (
    r"(?:[A-Z][\w'’.\-]*|(?:de|da|van|von|der|den|al|bin|la|le|du|di|del|dos|ter)(?=\s+[A-Z]))"
)
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,6}}"
# Words that end a described speaker: determiners, prepositions, the cue itself, and clause
# openers ("a spokesperson when contacted" is not a speaker).
_NP_STOP = "|".join(
    """the a an for of at in with from on and said says told when who which while after before as
    that because if""".split()  # noqa: SIM905
)
_NP_WORD = rf"(?!(?:{_NP_STOP})\b)[\w'’\-]+"
# "a spokeswoman", "the foreign minister", "a spokeswoman for the ministry": a determiner, one to
# five words, and at most one prepositional tail. No second determiner elsewhere, so that
# "after the meeting the minister said" yields "the minister".
_NP = (
    r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Tt]wo|[Ss]everal|[Ss]ome|[Mm]any|[Hh]is|[Hh]er|[Tt]heir)"
    rf"(?:\s+{_NP_WORD}){{1,5}}"
    rf"(?:\s+(?:for|of|at|in|with|from)\s+(?:(?:the|a|an)\s+)?{_NP_WORD}(?:\s+{_NP_WORD}){{0,2}})?"
)
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)"
# "Commander Lisa Grant of the Metropolitan Police": the tail is dropped when cleaning.
_NAME_OF = rf"{_NAME}(?:\s+(?:of|from|at)\s+(?:the\s+)?{_NAME})?"
# "opposition leader Marek Wiśniewski", "flight director Tim Crain": lower-case role words before
# a name (dropped when cleaning).
_ROLE_NAME = rf"(?:[a-z][\w'’\-]*\s+){{1,3}}{_NAME_OF}"
_SPEAKER = rf"(?P<speaker>{_NAME_OF}|{_PRON}|{_NP}|{_ROLE_NAME})"
# Appositive after a name: ", 45," or ", the foreign minister,".
_APPOS = r"(?:\s*,\s*[^,\"“”«»\n]{1,60}?,)?"

# “…,” Moreau said / “…,” Moreau, 45, told reporters / “…,” she said.
# "has said", "later told": an auxiliary or adverb between the speaker and the cue.
_AUX = r"(?:\s+(?:has|have|had|would|will|also|later|then|again|previously|once))?"
_AFTER_SUBJECT_VERB = re.compile(rf"^[\s,:;—–-]*{_SPEAKER}{_APPOS},?{_AUX}\s+(?P<cue>{_CUE})\b")
# “…,” said Moreau / “…,” says the minister
_AFTER_VERB_SUBJECT = re.compile(
    rf"^[\s,:;—–-]*(?P<cue>{_CUE})\s+(?P<speaker>{_NAME}|{_NP})(?=[\s,.;:!?]|$)"
)
# Moreau said: “… / Moreau said the plan was “… (same sentence, speaker before the quote).
_BEFORE = re.compile(rf"{_SPEAKER}{_APPOS},?{_AUX}\s+(?P<cue>{_CUE})\b[^.!?\"“”«»]*$")
# Necessary for _BEFORE / _ACCORDING to match: a cue after a space, "according to".
_CUE_WORD = re.compile(rf"\s{_CUE}\b")
_ACCORDING_WORD = re.compile(r"[Aa]ccording\s+to")
# According to Moreau, “…
_ACCORDING = re.compile(
    rf"(?P<cue>[Aa]ccording\s+to)\s+(?P<speaker>{_NAME_OF}|{_NP}){_APPOS}\s*,?\s*$"
)
# “…,” according to Moreau.
_AFTER_ACCORDING = re.compile(
    rf"^[\s,:;—–-]*(?P<cue>according\s+to)\s+(?P<speaker>{_NAME}|{_NP})(?=[\s,.;:!?]|$)"
)
# The leading look-ahead names the characters a name token can start with, so that the engine
# jumps between candidates instead of trying the token pattern at every word.
_PERSON_MENTION = re.compile(rf"(?=[A-Zbdlvt])\b{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,5}}")
_WORD = re.compile(r"\w+")
# A capitalised word not followed by another one: a bare surname candidate ("Yusuf said").
# (The capital comes first and the look-behind checks the character before it: the same test,
# but the engine skips to capitals instead of testing the look-behind everywhere.)
_LONE_CAPITALISED = re.compile(r"([A-Z](?<![\w.][A-Z])[\w'’\-]+)(?![\w'’\-]*\s+[A-Z])")
_FOREIGN_ARTICLES = frozenset({"Le", "La", "Les", "El", "Il", "Der", "Die", "Das", "Het"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_TITLE_GENDER = {
    **dict.fromkeys(("mr", "sir", "lord", "king", "prince", "father", "brother"), "m"),
    **dict.fromkeys(("mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister"), "f"),
}
# A sentence ends at . ! ? and a space, but not after an initial or a title ("Dr. James Porter").
# The pattern opens with the first space (each look-behind then includes it), so that the engine
# skips from space to space instead of testing a look-behind at every character (1.4x faster than
# "(?<=[.!?])(?<!...)\s+", the same splits); of the look-behinds the cheap positive one comes first:
# failing there skips the fourteen title look-behinds (15x faster than the other order).
_SENTENCE_END = re.compile(
    r"\s(?<=[.!?]\s)"
    r"(?<!\b[A-Z]\.\s)(?<!\bDr\.\s)(?<!\bMr\.\s)(?<!\bMs\.\s)(?<!\bMrs\.\s)(?<!\bSt\.\s)"
    r"(?<!\bSen\.\s)(?<!\bRep\.\s)(?<!\bGov\.\s)(?<!\bGen\.\s)(?<!\bLt\.\s)(?<!\bCol\.\s)"
    r"(?<!\bProf\.\s)(?<!\bRev\.\s)\s*"
)

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "'": "'", "»": "«"}
# Any opening mark: the span scan jumps between these in C instead of stepping character by
# character in Python (the step loop was a fifth of all quote time).
_ANY_OPEN = re.compile("[" + re.escape("".join(_OPEN_CLOSE)) + "]")
# Words that make a capitalised run an organisation or a place rather than a person.
_ORG_WORDS = frozenset(
    """press agency programme program university college school court council party bank police
    ministry department office house senate parliament congress government committee commission
    union company group news times post journal association institute foundation service
    services agency forces army navy league club city county state republic kingdom nations
    street road square airport hospital station church organization organisation fund
    international national federal european american""".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # index of the opening mark
    end: int  # index just after the closing mark (or len(text) when unclosed)
    text: str
    closed: bool
    continued: bool = False


@dataclass
class _Draft:
    parts: list[str]
    speaker: str | None = None
    cue: str | None = None
    attributed: bool = False
    embedded: bool = False  # attributed only from before the quote, within its sentence


def _find_spans(text: str, continuing: bool) -> list[_Span]:
    """Quoted spans of one paragraph, in order. ``continuing``: a quote from the previous paragraph
    is still open; it continues only if this paragraph opens with a quote mark."""
    spans: list[_Span] = []
    i = 0
    n = len(text)
    while i < n:
        mark = _ANY_OPEN.search(text, i)
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        close = _OPEN_CLOSE.get(ch)
        if close is None or not _opens(text, i):
            i += 1
            continue
        j = _find_close(text, i + 1, close)
        if j < 0 and ch in "'‘":
            i += 1  # an unclosed single mark is an apostrophe far more often than a quote
            continue
        if j < 0:
            spans.append(_Span(i, n, text[i + 1 :].strip(), closed=False))
            break
        spans.append(_Span(i, j + 1, text[i + 1 : j].strip(), closed=True))
        i = j + 1
    if continuing and spans and spans[0].start == len(text) - len(text.lstrip()):
        first = spans[0]
        spans[0] = _Span(first.start, first.end, first.text, first.closed, continued=True)
    return spans


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    if ch in "‘\"'":
        # An apostrophe or a closing mark follows a letter, a digit or punctuation; an elision
        # precedes a digit ('90s).
        return not (prev.isalnum() or prev in ".,!?;:" or (ch != '"' and nxt.isdigit()))
    return True


def _find_close(text: str, start: int, close: str) -> int:
    j = start
    while True:
        j = text.find(close, j)
        if j < 0:
            return -1
        before = text[j - 1] if j > start else " "
        after = text[j + 1] if j + 1 < len(text) else " "
        if close in "’'" and (after.isalnum() or before.isspace()):
            j += 1  # an apostrophe: don’t, O'Brien, the '90s
            continue
        if close == '"' and before.isspace() and not (after.isspace() or after in ".,;:!?"):
            j += 1  # an opening straight quote of a nested span
            continue
        return j


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _person_name(raw: str) -> str | None:
    """A person's name from a capitalised run, or None (places, organisations, one word)."""
    tokens = raw.split()
    while tokens and tokens[0].lower() in _NOT_NAMES:
        tokens.pop(0)
    name = _strip_title(" ".join(tokens)).rstrip(".,;:")
    tokens = name.split()
    if not 2 <= len(tokens) <= 4 or any(t.lower().strip(".,") in _ORG_WORDS for t in tokens):
        return None
    if tokens[0] in _FOREIGN_ARTICLES:  # "Le Monde", "El País", "Die Zeit": a title, not a person
        return None
    if any(t.isupper() and len(t) > 1 for t in tokens):  # "NAIROBI", "NASA"
        return None
    return name


class _Names:
    """People named so far, in order of mention: resolves pronouns and bare surnames.

    A person's gender is only known from a courtesy title ("Sir Alan Whitby", "Mrs. Lee") or from a
    sentence naming only them and then using one pronoun ("Marta Kowalczyk ... before she ran");
    "he"/"she" then prefer the most recent of the last few people whose gender matches, else the
    most recent person not known to differ."""

    def __init__(self) -> None:
        self.people: list[str] = []
        self.gender: dict[str, str] = {}
        # Last word -> the most recent person whose name ends with it: a bare-surname lookup in
        # one step instead of a scan of every mention so far (kept in step by _add).
        self._surnames: dict[str, str] = {}
        # Text observed but not read yet: names are read only when a speaker is resolved, in the
        # order observed, so the text after an article's last attributed quote is never read.
        self._unread: list[str] = []

    def _add(self, name: str) -> None:
        self.people.append(name)
        self._surnames[name.split()[-1]] = name

    def observe(self, text: str) -> None:
        self._unread.append(text)

    def _catch_up(self) -> None:
        unread, self._unread = self._unread, []
        for text in unread:
            self._read(text)

    def _read(self, text: str) -> None:
        for sentence in _SENTENCE_END.split(text):
            before = len(self.people)
            self._observe_names(sentence)
            named = set(self.people[before:])
            if len(named) == 1:
                self._learn_from_pronouns(named.pop(), sentence)

    def _observe_names(self, text: str) -> None:
        for m in _PERSON_MENTION.finditer(text):
            name = _person_name(m.group(0))
            if name:
                self._add(name)
                title = _title_gender(m.group(0))
                if title:
                    self.gender.setdefault(name, title)
                continue
            # A bare surname of someone named earlier ("Yusuf, a 38-year-old herder, ...").
            for token in m.group(0).split():
                full = self._by_surname(token.strip(".,"))
                if full:
                    self._add(full)
        for m in _LONE_CAPITALISED.finditer(text):
            full = self._by_surname(m.group(1))
            if full:
                self._add(full)

    def _learn_from_pronouns(self, name: str, sentence: str) -> None:
        # Only subject pronouns after the name: "Her opponent, Piotr Nowicki" says nothing about
        # Nowicki, "Kowalczyk ... before she ran" does.
        at = sentence.find(name.split()[-1])
        after = sentence[at:] if at >= 0 else ""
        found = {_PRONOUN_GENDER[w] for w in _WORD.findall(after.lower()) if w in ("he", "she")}
        if len(found) == 1:
            self.gender.setdefault(name, found.pop())

    def _by_surname(self, token: str) -> str | None:
        return self._surnames.get(token)

    def _by_pronoun(self, pronoun: str) -> str | None:
        wanted = _PRONOUN_GENDER.get(pronoun.lower())
        recent: list[str] = []
        for name in reversed(self.people):
            if name not in recent:
                recent.append(name)
        if wanted:
            for name in recent[:PRONOUN_LOOKBACK]:
                if self.gender.get(name) == wanted:
                    return name
            for name in recent:
                if self.gender.get(name) in (None, wanted):
                    self.gender.setdefault(name, wanted)
                    return name
        return recent[0] if recent else None

    def resolve(self, speaker: str) -> str | None:
        self._catch_up()
        if speaker.lower() in _PRONOUNS:
            return self._by_pronoun(speaker)
        if speaker.split()[0].lower() in _DETERMINERS:
            return speaker  # a described speaker: "a spokeswoman for the ministry"
        name = _strip_title(speaker)
        if len(name.split()) == 1:
            return self._by_surname(name) or name
        return name

    def said(self, speaker: str | None) -> None:
        self._catch_up()
        if speaker and speaker[:1].isupper() and speaker.split()[0].lower() not in _DETERMINERS:
            self._add(speaker)


def _title_gender(run: str) -> str | None:
    for token in run.split():
        gender = _TITLE_GENDER.get(token.lower().rstrip("."))
        if gender:
            return gender
    return None


def _strip_title(name: str) -> str:
    tokens = name.split()
    cut = 0
    for k, token in enumerate(tokens[:-1]):
        if token.lower().strip(",") in TITLE_WORDS or (token.isupper() and len(token) <= 4):
            cut = k + 1
    # "French Foreign Minister Claire Moreau": everything up to the last title word goes, which
    # takes the nationality with it.
    return " ".join(tokens[cut:]) if cut else name


def _attribution_after(gap: str) -> tuple[str, str] | None:
    for pattern in (_AFTER_VERB_SUBJECT, _AFTER_ACCORDING, _AFTER_SUBJECT_VERB):
        m = pattern.match(gap)
        speaker = _clean_speaker(m.group("speaker")) if m else None
        if m and speaker:
            return speaker, _norm_cue(m.group("cue"))
    return None


def _attribution_before(gap: str) -> tuple[str, str] | None:
    tail = gap[-BEFORE_WINDOW:]
    sentence = _SENTENCE_END.split(tail.rstrip())[-1] if tail.strip() else ""
    for pattern, needed in ((_ACCORDING, _ACCORDING_WORD), (_BEFORE, _CUE_WORD)):
        # Both patterns try every start position with the whole speaker grammar; a sentence
        # without their fixed words cannot match, and most sentences have none.
        if needed.search(sentence) is None:
            continue
        for m in pattern.finditer(sentence):
            speaker = _clean_speaker(m.group("speaker"))
            if speaker:
                return speaker, _norm_cue(m.group("cue"))
    return None


def _clean_speaker(raw: str) -> str | None:
    """Drop what a speaker match caught around the name: sentence-initial words ("But Moreau",
    "On Tuesday Moreau"), lower-case roles ("flight director Tim Crain") and an affiliation
    ("Lisa Grant of the Metropolitan Police"). None when nothing of a speaker is left."""
    tokens = raw.split()
    if len(tokens) == 1 and tokens[0].lower() in _PRONOUNS:
        return tokens[0]
    if tokens and tokens[0].lower() in _DETERMINERS and len(tokens) > 1:
        return raw
    while tokens and (tokens[0].lower().strip(",") in _NOT_NAMES or tokens[0][:1].islower()):
        tokens.pop(0)
    for k, token in enumerate(tokens):
        if k and token in ("of", "from", "at"):
            tokens = tokens[:k]
            break
    if not tokens or not tokens[0][:1].isupper():
        return None
    return " ".join(tokens).rstrip(".,;:")


def _norm_cue(cue: str) -> str:
    return " ".join(cue.split()).lower()


def extract_quotes(blocks: Sequence[Block]) -> tuple[Quote, ...]:
    """Direct quotes with speaker and cue, in reading order. Never raises on text content."""
    if not any(_ANY_OPEN.search(b.text) for b in blocks if b.kind in QUOTE_KINDS):
        return ()  # no quote mark at all: nothing to find, skip tracking names
    names = _Names()
    out: list[_Draft] = []
    carried: _Draft | None = None
    last_para_quote: _Draft | None = None  # the last quote of the previous paragraph, if any
    for block in blocks:
        if block.kind not in QUOTE_KINDS:
            carried = last_para_quote = None
            continue
        text = block.text
        spans = _find_spans(text, continuing=carried is not None)
        if carried is not None and not (spans and spans[0].continued):
            carried = None
        here: list[_Draft] = []
        current: _Draft | None = None
        for k, span in enumerate(spans):
            prev_end = spans[k - 1].end if k else 0
            next_start = spans[k + 1].start if k + 1 < len(spans) else len(text)
            gap_before, gap_after = text[prev_end : span.start], text[span.end : next_start]
            names.observe(gap_before)
            after = _attribution_after(gap_after) if span.closed else None
            before = _attribution_before(gap_before)
            if span.continued and carried is not None:
                current = carried
                current.parts.append(span.text)
            elif (
                current is not None
                and current.attributed
                and after is None
                and (before is None or gap_before.rstrip().endswith(","))
            ):
                # “A,” she said. “B.” / “A,” he said, “and B.” — the same utterance goes on
                # after its attribution.
                current.parts.append(span.text)
            else:
                current = _Draft([span.text])
                here.append(current)
                if before:
                    _attribute(current, names, *before)
                    current.embedded = bool(gap_before.strip()) and after is None
            if after and not current.attributed:
                _attribute(current, names, *after)
            carried = None if span.closed else current
        if len(spans) == 1 and not spans[0].continued and here and not here[0].attributed:
            only = spans[0]
            rest = (text[: only.start] + text[only.end :]).strip(" \t\n.,")
            if not rest and last_para_quote is not None and last_para_quote.attributed:
                # A paragraph that is only a quote, right after one quoting X, is X's.
                here[0].speaker = last_para_quote.speaker
                here[0].attributed = True
        names.observe(text[spans[-1].end :] if spans else text)
        last_para_quote = current if spans else None
        out.extend(here)
    return tuple(Quote(text=_join(d.parts), speaker=d.speaker, cue=d.cue) for d in out if _keep(d))


def _join(parts: list[str]) -> str:
    # The comma that ends a quoted piece before its attribution ("…,” she said) is the
    # attribution's punctuation, not the speaker's.
    return " ".join(p.strip() for p in parts if p.strip(" ,")).rstrip(",")


def _attribute(draft: _Draft, names: _Names, speaker: str, cue: str) -> None:
    draft.speaker = names.resolve(speaker)
    draft.cue = cue
    draft.attributed = True
    names.said(draft.speaker)


def _keep(draft: _Draft) -> bool:
    text = _join(draft.parts)
    n = _words(text)
    if n == 0:
        return False
    if draft.attributed:
        return n >= MIN_EMBEDDED_WORDS if draft.embedded else True
    if n >= LONG_UNATTRIBUTED_WORDS:
        return True
    return n >= MIN_UNATTRIBUTED_WORDS and text.rstrip("”’\"»'").endswith((".", "!", "?"))
