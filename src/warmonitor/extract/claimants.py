"""Claimants: who says a figure, and which mentions across a document are the same voice.

``find_attributions`` finds "X said", "said X", "according to X", "X told Reuters" in a sentence.
A :class:`ClaimantRegistry` lives for one document and resolves each attribution to a canonical
claimant: a name introduced once ("the Syrian Observatory for Human Rights, a UK-based war
monitor") is what later descriptors ("the war monitor", "the Observatory", "SOHR") refer to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warmonitor.extract.lexicon import CLAIMANT_KIND_WORDS
from warmonitor.model import Claimant

__all__ = ["Attribution", "ClaimantRegistry", "claimant_kind", "find_attributions"]

_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|announced|announces|confirmed|"
    r"confirms|stated|states|added|adds|claimed|claims|estimated|estimates|documented|"
    r"recorded|noted|blamed|acknowledged|quoted|cited|counted|put the (?:death )?toll|"
    r"(?:has|have) said|(?:has|have) reported|(?:has|have) confirmed)\b"
)
_ACCORDING = re.compile(r"\b(?:according to|citing|quoting|quoted by|cited by|per)\s+", re.I)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:were|was|is|are|been|be|being|it|widely|the|a|an|its|"
    r"their|his|her)\s*$",
    re.I,
)
_REPORTS_OF = re.compile(
    r"\b((?:unconfirmed |initial |local |media |press )?reports)\s+"
    r"(?:of|that|say|said|suggest)\b",
    re.I,
)
_BOUNDARY = re.compile(
    r"[,;:\"“”\[\]—–]|\s-\s|\((?![A-Z][A-Za-z.]{1,9}\))|(?<!\b[A-Z]{2})(?<![A-Z]{3})(?<![A-Z]{4})\)"
)
_RELATIVE = re.compile(r"\s(?:who|which|whose|that|where)\s", re.I)
_RIGHT_END = re.compile(
    r"[,;:\".“”()\[\]—–]|\s(?:on|in|at|after|late|earlier|when|who|that|"
    r"while|as|because|and said|adding|told)\s"
)
_PRONOUNS = {
    "he": "person",
    "she": "person",
    "they": "any",
    "it": "org",
    "we": "any",
    "i": "person",
    "the group": "org",
}
_CONNECTORS = frozenset("for of and the de al el on in".split())
_TITLES = re.compile(
    r"^(?:mr|mrs|ms|dr|gen|general|col|colonel|maj|major|capt|captain|lt|"
    r"sheikh|president|governor|minister|spokesman|spokeswoman|chief)\.?\s+",
    re.I,
)
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z\.]{1,9})\)")
_BASED = re.compile(r"\b[A-Z][\w\.]*-based\b\s*")
_ARTICLE = re.compile(r"^(?:the|a|an|some|several|two|three|other|local|one)\s+", re.I)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Claimant words in a sentence and the reporting verb that introduces them."""

    text: str
    start: int
    end: int
    verb_start: int
    verb_end: int
    descriptor: str | None = None  # appositive "a UK-based war monitor"
    recipient: str | None = None  # "told Reuters" → "Reuters"


def find_attributions(sentence: str) -> list[Attribution]:
    """Every "X said" / "said X" / "according to X" in a sentence, in order."""
    found: list[Attribution] = []
    for m in _ACCORDING.finditer(sentence):
        att = _right_subject(sentence, m.start(), m.end())
        if att:
            found.append(att)
    for m in _REPORTS_OF.finditer(sentence):
        found.append(Attribution(m.group(1), m.start(1), m.end(1), m.start(1), m.end(1)))
    for m in _SPEECH.finditer(sentence):
        if _PASSIVE_BEFORE.search(sentence[: m.start()]):
            continue
        att = _left_subject(sentence, m.start(), m.end())
        if att is None and _inverted(sentence, m.start()):
            att = _right_subject(sentence, m.start(), m.end())
        if att:
            found.append(att)
    return sorted(found, key=lambda a: a.verb_start)


def _inverted(sentence: str, verb_start: int) -> bool:
    before = sentence[:verb_start].rstrip()
    return not before or before[-1] in ",\"”'’" or before.endswith("--")


def _left_subject(sentence: str, verb_start: int, verb_end: int) -> Attribution | None:
    before = sentence[:verb_start]
    stripped = before.rstrip()
    pieces = [p for p in _BOUNDARY.split(stripped)]
    if not pieces:
        return None
    subject = pieces[-1].strip()
    descriptor = None
    if stripped.endswith(",") and len(pieces) >= 3:
        # "NAME, a UK-based war monitor, said": the name is before the appositive
        appos = pieces[-2].strip()
        name = pieces[-3].strip()
        bare = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
        if re.match(r"(?:a|an|the)\s", appos, re.I) and bare[:1].isupper():
            subject, descriptor = name, appos
    elif not subject and len(pieces) >= 2:
        return None
    rel = _RELATIVE.search(" " + subject + " ")
    if rel:
        subject = subject[: max(0, rel.start() - 1)].strip()
    if not subject or len(subject.split()) > 10 or any(ch.isdigit() for ch in subject):
        return None
    if _looks_like_clause(subject):
        return None
    start = sentence.rfind(subject, 0, verb_start)
    recipient = None
    rm = re.match(
        r"\s+(Reuters|AFP|AP|the Associated Press|Agence France-Presse|"
        r"[A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,3})",
        sentence[verb_end:],
    )
    if sentence[verb_start:verb_end].startswith("told") and rm:
        recipient = rm.group(1)
    return Attribution(
        subject, start, start + len(subject), verb_start, verb_end, descriptor, recipient
    )


def _right_subject(sentence: str, verb_start: int, verb_end: int) -> Attribution | None:
    after = sentence[verb_end:]
    lead = len(after) - len(after.lstrip())
    body = after.lstrip()
    m = _RIGHT_END.search(body)
    subject = (body[: m.start()] if m else body).strip().rstrip(".")
    if not subject or len(subject.split()) > 10 or any(ch.isdigit() for ch in subject):
        return None
    if _looks_like_clause(subject):
        return None
    start = verb_end + lead
    return Attribution(subject, start, start + len(subject), verb_start, verb_end)


_CLAUSE_WORDS = re.compile(
    r"\b(?:killed|dead|died|wounded|injured|were|was|is|are|has|have|had|will|would|"
    r"attack|attacks|clashes|fighting|said|if|because|when|after|before)\b",
    re.I,
)


def _looks_like_clause(text: str) -> bool:
    return _CLAUSE_WORDS.search(text) is not None and not re.match(
        r"(?:he|she|they|it)\b", text, re.I
    )


def claimant_kind(text: str) -> str:
    """The kind of claimant a name or description suggests ("health ministry" → medical)."""
    low = f" {text.lower()} "
    for kind, words in CLAIMANT_KIND_WORDS:
        if any(w in low for w in words):
            return kind
    return "unnamed"


@dataclass(slots=True)
class _Entry:
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    person: bool = False


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower().replace("-", " ")).strip()


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


class ClaimantRegistry:
    """Resolve claimant words to canonical claimants within one document (coreference)."""

    def __init__(self) -> None:
        self._entries: list[_Entry] = []
        self._last: _Entry | None = None

    def resolve(self, text: str, descriptor: str | None = None) -> Claimant:
        """The canonical claimant for ``text`` (and an appositive ``descriptor``, if any)."""
        words = text.strip().strip("\"'“”‘’")
        low = words.lower()
        if low in _PRONOUNS or low in ("the group", "the organisation", "the organization"):
            entry = self._by_pronoun(low)
            if entry:
                return self._use(entry, words)
            return Claimant(None, words, "unnamed")
        name, acronym, based = self._proper_name(words)
        if name:
            entry = self._find_name(name, acronym)
            if entry is None:
                entry = _Entry(name, claimant_kind(f"{name} {descriptor or ''} {based}"))
                entry.person = self._is_person(name)
                entry.aliases.add(_norm(name))
                self._entries.append(entry)
            if acronym:
                entry.aliases.add(_norm(acronym))
            for extra in (descriptor, based):
                if extra:
                    entry.heads.update(self._heads(extra))
                    if entry.kind == "unnamed":
                        entry.kind = claimant_kind(extra)
            return self._use(entry, words)
        if re.match(r"the\s", low):
            entry = self._by_descriptor(words)
            if entry:
                return self._use(entry, words)
        bare = _ARTICLE.sub("", words).strip()
        kind = claimant_kind(words)
        return Claimant(bare or words, words, kind)

    def _use(self, entry: _Entry, words: str) -> Claimant:
        self._last = entry
        return Claimant(entry.name, words, entry.kind)

    def _proper_name(self, words: str) -> tuple[str | None, str | None, str]:
        acr = _ACRONYM.search(words)
        acronym = acr.group(1) if acr else None
        if acr:
            words = (words[: acr.start()] + words[acr.end() :]).strip()
        based = " ".join(m.group(0).strip() for m in _BASED.finditer(words))
        words = _BASED.sub("", words)
        words = re.sub(r"^(?:the|a|an)\s+", "", words.strip(), flags=re.I)
        words = (
            _TITLES.sub("", words) if _TITLES.match(words) and len(words.split()) > 1 else (words)
        )
        tokens = words.split()
        if not tokens:
            return None, acronym, based
        # A name is a run of capitalised words (connectors allowed inside), nothing lowercase.
        caps = [t for t in tokens if t[:1].isupper() or t[:1].isdigit()]
        if any(t.lower() not in _CONNECTORS and not (t[:1].isupper()) for t in tokens):
            return None, acronym, based
        if len(caps) == 1 and len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1:
            return tokens[0], acronym, based  # an acronym: "SOHR", "UNICEF"
        if not caps:
            return None, acronym, based
        return " ".join(tokens).strip(" ,"), acronym, based

    def _find_name(self, name: str, acronym: str | None) -> _Entry | None:
        key = _norm(name)
        for entry in reversed(self._entries):
            if key in entry.aliases or (acronym and _norm(acronym) in entry.aliases):
                return entry
            if name.isupper() and len(name) >= 2 and _initials(entry.name) == name:
                entry.aliases.add(key)
                return entry
            # "the Observatory" after "the Syrian Observatory for Human Rights"
            words = set(key.split())
            if (
                words
                and len(words) < len(entry.name.split())
                and words <= set(_norm(entry.name).split())
            ):
                return entry
            # "Abdulrahman" after "Rami Abdulrahman"; "Sharaa" after "Ahmed Sharaa"
            if (
                entry.person
                and key
                and entry.aliases
                and any(a.split()[-1] == key for a in entry.aliases)
            ):
                return entry
        return None

    def _by_descriptor(self, words: str) -> _Entry | None:
        heads = self._heads(words)
        if not heads:
            return None
        for entry in reversed(self._entries):
            name_words = {w.lower() for w in entry.name.split()}
            if heads & entry.heads or heads & name_words:
                return entry
        for entry in reversed(self._entries):  # same kind: "the monitor" for an observatory
            if claimant_kind(words) == entry.kind != "unnamed" and entry.kind in (
                "monitor",
                "medical",
                "international",
            ):
                return entry
        return None

    def _by_pronoun(self, pronoun: str) -> _Entry | None:
        want = _PRONOUNS.get(pronoun, "org")
        for entry in reversed(self._entries):
            if want == "any" or (want == "person") == entry.person:
                return entry
        return None

    @staticmethod
    def _heads(text: str) -> set[str]:
        words = [
            w
            for w in re.findall(r"[a-z]+", text.lower())
            if w not in ("the", "a", "an", "based", "of", "for", "and", "uk", "london")
        ]
        return set(words[-2:]) if words else set()

    @staticmethod
    def _is_person(name: str) -> bool:
        tokens = name.split()
        return (
            1 < len(tokens) <= 3
            and claimant_kind(name) == "unnamed"
            and all(t[:1].isupper() for t in tokens)
        )
