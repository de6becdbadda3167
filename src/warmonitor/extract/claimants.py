"""Claimants: who says a figure, and which mentions across a document are the same voice.

``find_attributions`` finds "X said", "said X", "according to X", "X told Reuters" in a sentence.
A :class:`ClaimantRegistry` lives for one document and resolves each attribution to a canonical
claimant: a name introduced once ("the Syrian Observatory for Human Rights, a UK-based war
monitor") is what later descriptors ("the war monitor", "the Observatory", "SOHR") refer to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warmonitor.actors import is_fragment, same_role
from warmonitor.extract.caseless import Caseless
from warmonitor.extract.gate import Words, gate
from warmonitor.extract.lexicon import CLAIMANT_KIND_WORDS
from warmonitor.model import Claimant

__all__ = ["Attribution", "ClaimantRegistry", "claimant_kind", "find_attributions"]

_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|announced|announces|confirmed|"
    r"confirms|stated|states|added|adds|(?:claimed|claims)(?!\s+(?:the\s+)?(?:lives?|\d))|estimated|estimates|estimate|documented|"
    r"recorded|noted|blamed|acknowledged|quoted|cited|counted|counts|put the (?:death )?toll|"
    r"putting the (?:death )?toll|puts the (?:death )?toll|"
    r"gave (?:a |an |the same )?(?:breakdown|count|toll|tally|figure|death toll|estimate)|"
    r"(?:giving|putting) (?:a |an |the )?(?:(?:lower|higher|new|revised|different) )?"
    r"(?:death )?(?:toll|figure|count|tally|estimate)|"
    r"concluded|concludes|spoke of|speaks of|wrote|writes|posted|believes|believe|"
    r"charges|charged|accused|accuses|released (?:a|an) [\w\- ]{0,30}?report stating|"
    r"found|finds|recalled|saw|verified|registered|warned|maintained|suggests|"
    r"points to|tallied|updated|revised|"
    r"(?:raised|lowered|increased|reduced|cut|corrected|adjusted) (?:its|the|that|this|their) "
    r"(?:death )?(?:toll|figure|number|count|tally)|"
    r"(?:has|have) said|(?:has|have) reported|(?:has|have) confirmed)\b"
)
_ACCORDING = re.compile(
    r"\b(?:according to|citing|quoting|quoted by|cited by|per|(?:first |originally |initially )?"
    r"(?:reported|provided|given|released|published|described|documented|recorded|compiled) by|"
    r"(?:figures|data|numbers|statistics|a toll|the toll|a tally) (?:provided|released|"
    r"published|given|issued) by)\s+(?:(?:figures|data|numbers|statistics|a statement|"
    r"estimates|a report) (?:from|by|of)\s+)?",
    re.I,
)
# a headline's source after a dash or colon at its end: "… killed in the city – Mayor"
_HEADLINE_SOURCE = re.compile(
    r"(?:\s[—–-]|:)\s+((?:the\s+)?[A-Z][\w\-'’.]*(?:\s+(?:of|for|the|[A-Z][\w\-'’.]*)){0,5})"
    r"\s*$"
)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:were|was|is|are|been|be|being|widely|the|a|an|its|"
    r"their|his|her)\s*$",
    re.I,
)
_REPORTS_OF = re.compile(
    r"\b((?:unconfirmed |initial |local |media |press )?reports)\s+"
    r"(?:of|that|say|said|suggest)\b",
    re.I,
)
# the two rarely match: each searched first over the lowercased sentence (``extract.caseless``)
_ACCORDING_CASELESS = Caseless(_ACCORDING)
_REPORTS_OF_CASELESS = Caseless(_REPORTS_OF)
_SPEECH_GATE = gate(_SPEECH)  # tried only where a sentence reads a verb's beginning
_BOUNDARY = re.compile(
    r"[,;:\"“”\[\]—–]|\s-\s|\((?![A-Z][A-Za-z.]{1,9}\))|(?<!\b[A-Z]{2})(?<![A-Z]{3})(?<![A-Z]{4})\)"
)
_RELATIVE = re.compile(r"\s(?:who|which|whose|that|where)\s", re.I)
_RIGHT_END = re.compile(
    r"[,;:\".“”()\[\]—–]|\s(?:on|in|at|after|late|earlier|when|who|that|"
    r"while|as|because|and said|adding|told|has|have|had|is|are|was|were|will|would)\s"
)
_PRONOUNS = {
    "he": "person",
    "she": "person",
    "they": "any",
    "it": "org",
    "we": "any",
    "i": "person",
    "him": "person",
    "her": "person",
    "them": "any",
    "the group": "org",
}
_ROLE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|governor|mayor|minister|head|chief|commissioner|"
    r"adviser|advisor|prosecutor|director|official|officer|commander|envoy|secretary|"
    r"president|ambassador|coordinator|activist|doctor|deputy|chairman|leader|representative)\b",
    re.I,
)
_CONNECTORS = frozenset("for of and the de al el on in".split())
_TITLES = re.compile(
    r"^(?:mr|mrs|ms|dr|gen|general|col|colonel|maj|major|capt|captain|lt|"
    r"sheikh|president|governor|minister|spokesman|spokeswoman|chief|mayor)\.?\s+",
    re.I,
)
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z\.]{1,9})\)")
_BASED = re.compile(r"\b[A-Z][\w\.]*-based\b\s*")
_ARTICLE = re.compile(r"^(?:the|a|an|some|several|two|three|other|one)\s+", re.I)


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
    antecedent: int | None = None  # "the 500 deaths that X reported": where "deaths" starts


def find_attributions(sentence: str, words: Words | None = None) -> list[Attribution]:
    """Every "X said" / "said X" / "according to X" in a sentence, in order; ``words``: the
    sentence's (``extract.caseless``)."""
    found: list[Attribution] = []
    for m in _ACCORDING_CASELESS.finditer(sentence, words):
        att = _right_subject(sentence, m.start(), m.end())
        if att and not _NO_VOICE.match(att.text):
            found.append(att)
    for m in _REPORTS_OF_CASELESS.finditer(sentence, words):
        found.append(Attribution(m.group(1), m.start(1), m.end(1), m.start(1), m.end(1)))
    for m in _SPEECH_GATE.finditer(sentence, words):
        if _PASSIVE_BEFORE.search(sentence[: m.start()]) or sentence.startswith(" by ", m.end()):
            continue
        att = _left_subject(sentence, m.start(), m.end())
        if att is not None and _FOUND_OBJECT.search(att.text) and _FINDING.match(m.group()):
            continue  # "900 civilian bodies found in the region": the found, not finders
        if att is None and _inverted(sentence, m.start()) and _INVERTIBLE.match(m.group()):
            att = _right_subject(sentence, m.start(), m.end())
        if att and not _NO_VOICE.match(att.text):
            found.append(att)
    for m in _RELATIVE_SOURCE.finditer(sentence):
        if not any(a.verb_start == m.start(2) for a in found) and not _looks_like_clause(m[1]):
            found.append(
                Attribution(m[1], m.start(1), m.end(1), m.start(2), m.end(2), antecedent=m.start())
            )
    tail = _HEADLINE_SOURCE.search(sentence)
    if tail and not _looks_like_clause(tail.group(1)):
        found.append(
            Attribution(tail.group(1), tail.start(1), tail.end(1), tail.start(), tail.end())
        )
    return sorted(found, key=lambda a: a.verb_start)


# the source of a figure in a relative clause after it: "the nearly 500 deaths that health
# authorities in the enclave originally described", "the 40 dead the mayor reported"
_RELATIVE_SOURCE = re.compile(
    r"\b(?:deaths|dead|killed|casualties|victims|wounded|injured|toll|figure|fatalities)\s+"
    r"(?:that|which)?\s*((?:the|a|an|its|local|\w+)\s+[^,;:.\d]{0,60}?)\s+"
    r"(?:(?:had|has|have|initially|originally|first|earlier|later|then|also)\s+){0,2}"
    r"(described|reported|announced|gave|counted|recorded|claimed|cited|documented|confirmed)\b"
)


# a headline's passive participle: "bodies found", "victims recorded"
_FINDING = re.compile(r"(?:found|finds|saw|verified|registered|recorded|documented|counted)$")
_FOUND_OBJECT = re.compile(
    r"\b(?:bodies|corpses|remains|graves|victims|dead|civilians|people|soldiers|children)$", re.I
)


# verbs that put their subject after them ("…, said the mayor"); a transitive verb ("…,
# estimated the death toll") has its object there, not its subject
_INVERTIBLE = re.compile(
    r"(?:said|says|say|added|adds|reported|reports|stated|states|wrote|writes|noted|"
    r"announced|claimed|claims|(?:has|have) said|(?:has|have) reported)$"
)


def _inverted(sentence: str, verb_start: int) -> bool:
    before = sentence[:verb_start].rstrip()
    return not before or before[-1] in ",\"”'’" or before.endswith("--")


_TRAILING_ADVERB = re.compile(
    r"(?:\s+(?:also|later|earlier|then|now|so far|first|initially|originally|previously|separately|"
    r"while|"
    r"has|have|had|had also|has also|have also|"
    r"(?:(?:on|late|early|earlier|on the)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|today|yesterday|tonight|overnight)(?:\s+(?:morning|afternoon|evening|"
    r"night))?|in a statement|in a report|in its report|"
    r"as of (?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?|noon|midnight|"
    r"(?:\d{1,2}\s+)?[A-Z][a-z]+(?:\s+\d{1,2})?)))+$",
    re.I,
)
# a participial phrase closing a subject: "an activist reached via Skype", "a resident
# speaking by telephone", "a doctor contacted by AFP"
_PARTICIPLE_ASIDE = re.compile(
    r"\s+(?:reached|contacted|interviewed|speaking|writing|reached by|talking)"
    r"(?:\s+(?:by|via|over|on|to|from|with|in)\s+[\w\-'’. ]{1,40})$",
    re.I,
)
# "an activist giving his name as Abu X", "a resident who gave her name only as Y"
_NAME_GIVEN = re.compile(
    r"\s+(?:(?:who\s+)?(?:giving|gave|gives|identified|identifying)\s+(?:(?:his|her|their)\s+"
    r"name\s+)?(?:only\s+)?as|named|called)\s+(?=[A-Z])"
)
# a coordinated verb: "observers went to the town and counted …" → "observers"
_COORDINATED = re.compile(
    r"(?:^|[,;:]\s*)([^,;:]+?)\s+(?:went|came|travell?ed|arrived|returned|visited|rushed|"
    r"examined|inspected|toured|entered|reached)\b[^;:]*?,?\s+and$"
)
_DASH_ASIDE = re.compile(r"\s*(?:[—–]|\s-\s|--)[^—–]*?(?:[—–]|\s-|--)\s*$")
_PAREN_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")
_LEADING_LINK = re.compile(
    r"^(?:(?:and|but|while|as|with|then|so|yet|also|meanwhile|however|earlier|later|"
    r"(?:on|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\s+)+",
    re.I,
)
_APPOSITIVE = re.compile(
    r"(?:a|an|the|its|his|her|their|which|who|whose|citing|quoting|"
    r"[a-z][\w\-]*(?:\s+[\w\-'’]+){0,8})\b",
)
# what a speaker has, or what shows something, is no voice of its own: "according to
# preliminary data" (the speaker's), "videos posted online showed"
_NO_VOICE = re.compile(
    r"^(?:(?:the|some|all|available|\w+)\s+){0,2}(?:data|information|figures|numbers|"
    r"videos?|footage|images?|photos?|photographs?|pictures?)$",
    re.I,
)
_PERSON_NAME = re.compile(r"^[A-Z][\w\-'’]+(?:\s+(?:al-|el-|de\s+)?[A-Z][\w\-'’]+){1,2}$")
_DOCUMENT_NOUN = re.compile(
    r"^(?:the|a|an)\s+[\w.\-'’ ]{0,60}\b(?:report|assessment|investigation|inquiry|review|"
    r"analysis|study)$",
    re.I,
)
# the roles a description of one person may end in ("the regional police chief")
_DESCRIBED_ROLES = frozenset(
    "chief head governor mayor prosecutor commander director minister".split()
)
# one who speaks for a body is the body's voice: "a spokesman for the ministry", "NAME,
# spokesperson of the Narnian Red Cross"
_SPEAKS_FOR = re.compile(
    r"^(?:(?:a|an|the|its|their)\s+)?(?:(?:chief|senior|official|main)\s+)?"
    r"(?:spokes(?:man|woman|person)|press\s+(?:officer|secretary)|media\s+officer)\s+"
    r"(?:of|for|at|with)\s+(?P<body>.+)$",
    re.I,
)
# a document named by its author: "an Associated Press investigation", "evidence from a
# Human Rights Watch report"
_AUTHORED = re.compile(
    r"^(?:(?:evidence|findings|data|details|results)\s+(?:from|of|in)\s+)?(?:an?|the)\s+"
    r"(?P<author>[A-Z][\w\-'’.]*(?:\s+(?:of|for|[A-Z][\w\-'’.]*)){0,5})\s+"
    r"(?P<noun>investigation|report|analysis|study|review|inquiry|assessment|survey|count|tally)$"
)
# two words run together where a scraper lost a line break: "offensiveUkrainian"
_JOINED_WORDS = re.compile(r"\b[a-z]{3,}(?=[A-Z][a-z])")
_BODY_DESCRIPTION = re.compile(
    r"^(?:a|an)\s+(?:[\w\-]+\s+){0,3}?(?:network|group|monitor|organi[sz]ation|coalition|body|"
    r"agency|committee|charity|observatory|ngo|alliance|collective)\b(?:\s+of\s+[\w\- ]+)?$",
    re.I,
)
_RELATIVE_AFTER = re.compile(r"\s(?:which|where|whom)\s", re.I)


_PROPER = re.compile(
    r"^(?:the\s+)?[A-Z][\w\-'’.]*(?:\s+(?:of|for|the|and|on|in|de|al|[A-Z][\w\-'’.]*)){1,8}$"
)


def _described_name(description: str, name: str) -> bool:
    """A description with an article ("a London-based group") before a proper name of several
    words ("the Narnian Observatory for Peace"): the name is the voice, the description its
    appositive."""
    words = description.split()
    return (
        bool(re.match(r"(?:a|an)\s", description, re.I))
        and 2 <= len(words) <= 6
        and any(w[:1].islower() and w.lower() not in _CONNECTORS for w in words[1:])
        and _PROPER.match(name) is not None
        and not _looks_like_clause(name)
    )


# A wire dateline before the subject: "(CNN) -- ", "KYIV (Reuters) - ", "(AP) — ".
_WIRE_DATELINE = re.compile(r"^(?:[^()]*\([A-Z][\w.&' ]{0,30}\)\s*(?:--|[—–-])|\s*(?:--|[—–]))\s+")


def _trim_subject(subject: str) -> str:
    """A subject without a dateline ("date 2023-01-02 …", "CITY:") or leading links ("and")."""
    digits = [m.end() for m in re.finditer(r"\S*\d\S*", subject)]
    dateline = bool(digits) and (
        not re.search(r"[A-Za-z]{2,}", subject[: digits[-1]].split()[-1] or "")
        or re.match(r"\s*date\b", subject, re.I) is not None
    )
    if dateline:
        subject = subject[digits[-1] :]
    subject = _WIRE_DATELINE.sub("", subject)
    return _LEADING_LINK.sub("", subject.strip()).strip()


def _left_subject(sentence: str, verb_start: int, verb_end: int) -> Attribution | None:
    before = sentence[:verb_start]
    stripped = before.rstrip()
    # "X on Saturday also said", "X — which … — said", "X (in a post) said"
    for _ in range(3):
        cut = _TRAILING_ADVERB.sub("", stripped)
        cut = _PARTICIPLE_ASIDE.sub("", cut)
        cut = _DASH_ASIDE.sub("", cut) if cut.endswith(("—", "–", " -", "--")) else cut
        cut = _PAREN_ASIDE.sub("", cut) if cut.endswith(")") else cut
        if cut == stripped:
            break
        stripped = cut.rstrip()
    coordinated = _COORDINATED.search(stripped)
    if coordinated:
        stripped = coordinated.group(1)
    pieces = [p for p in _BOUNDARY.split(stripped)]
    if not pieces:
        return None
    subject = pieces[-1].strip()
    descriptor = None
    if stripped.endswith(",") and len(pieces) >= 3:
        # "NAME, a UK-based war monitor, said"; "Local officials, citing witnesses, said"
        appos = pieces[-2].strip()
        name = _trim_subject(re.split(r"\b(?:that|said|says)\s", pieces[-3].strip())[-1])
        bare = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
        if _PERSON_NAME.match(appos) and _ROLE.search(name) and len(name.split()) <= 8:
            # "the governor of the province, Ann Smith, said": the person, and the role
            subject, descriptor = appos, name
        elif _described_name(name, appos):
            # "a London-based monitoring group, the Narnian Observatory, said": the name
            subject, descriptor = appos, name
        elif (
            _APPOSITIVE.match(appos)
            and (bare[:1].isupper() or _DOCUMENT_NOUN.search(name))
            and not _looks_like_clause(name)
            and len(name.split()) <= 8
        ):
            subject, descriptor = name, appos
        else:
            return None
    elif not subject and len(pieces) >= 2:
        return None
    elif len(pieces) >= 2 and _BODY_DESCRIPTION.match(subject):
        # "the Narnian Network (NN), a network of activists reported" (its comma lost)
        name = _trim_subject(pieces[-2].strip())
        if _PROPER.match(_ACRONYM.sub("", name).strip()) and not _looks_like_clause(name):
            subject, descriptor = name, subject
    rel = _RELATIVE.search(" " + subject + " ")
    if rel:
        after = _RELATIVE_AFTER.search(" " + subject + " ")
        tail = subject[after.end() - 1 :].strip() if after else ""
        subject = tail if tail else subject[: max(0, rel.start() - 1)].strip()
    joined = list(_JOINED_WORDS.finditer(subject))
    if joined:  # "… a new Russian offensiveUkrainian authorities said": a lost line break
        subject = subject[joined[-1].end() :]
    subject = _trim_subject(subject)
    if re.match(r"(?:what|how|why|when|whether|if)\b", subject, re.I) or _SPEECH.search(subject):
        return None
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


# each kind's words as one pattern: a search for any of them as a substring, in one scan
_KIND_WORDS = [
    (kind, re.compile("|".join(re.escape(w) for w in words))) for kind, words in CLAIMANT_KIND_WORDS
]


def claimant_kind(text: str) -> str:
    """The kind of claimant a name or description suggests ("health ministry" → medical)."""
    low = f" {text.lower()} "
    for kind, words in _KIND_WORDS:
        if words.search(low):
            return kind
    return "unnamed"


@dataclass(slots=True)
class _Entry:
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    person: bool = False
    described: set[str] = field(default_factory=set)  # the words of its roles and appositives


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower().replace("-", " ")).strip()


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


class ClaimantRegistry:
    """Resolve claimant words to canonical claimants within one document (coreference)."""

    def __init__(self) -> None:
        self._entries: list[_Entry] = []  # most recent voice last
        self.authored: dict[str, Claimant] = {}  # "investigation" → the one whose it is

    def resolve(self, text: str, descriptor: str | None = None) -> Claimant:
        """The canonical claimant for ``text`` (and an appositive ``descriptor``, if any)."""
        words = text.strip().strip("\"'“”‘’")
        low = words.lower()
        speaks = _SPEAKS_FOR.match(descriptor or words)
        if speaks:  # "a spokesman for the ministry", "NAME, spokesperson of the ministry"
            body = self._speaks_for(speaks["body"])
            if body is not None:
                if descriptor:
                    body.aliases.add(_norm(words))
                return self._use(body, words)
        authored = _AUTHORED.match(words)
        if authored and not descriptor:  # "an Associated Press investigation": its author's
            found = self.resolve(authored["author"])
            if found.name:
                self.authored.setdefault(authored["noun"].lower(), found)
                return Claimant(found.name, words, found.kind)
        if low in _PRONOUNS or low in ("the group", "the organisation", "the organization"):
            entry = self._by_pronoun(low)
            if entry:
                return self._use(entry, words)
            return Claimant(None, words, "unnamed")
        given = _NAME_GIVEN.search(words)
        if given and not descriptor:  # "an activist giving his name as Abu X"
            return self.resolve(words[given.end() :], _ARTICLE.sub("", words[: given.start()]))
        role = None
        name, role = self._titled_person(words)
        acronym, based = None, ""
        if not name:
            name, acronym, based = self._proper_name(words)
        if name:
            entry = self._find_name(name, acronym)
            if entry is None:
                entry = _Entry(
                    name, claimant_kind(f"{name} {descriptor or ''} {based} {role or ''}")
                )
                entry.person = self._is_person(name) or role is not None
                if descriptor and _ROLE.search(descriptor) and len(name.split()) <= 3:
                    entry.person = entry.person or claimant_kind(name) == "unnamed"
                entry.aliases.add(_norm(name))
                self._entries.append(entry)
            if acronym:
                entry.aliases.add(_norm(acronym))
            for extra in (descriptor, based, role):
                if extra:
                    entry.heads.update(self._heads(extra))
                    entry.described.update(re.findall(r"[a-z]+", extra.lower()))
                    if entry.kind == "unnamed":
                        entry.kind = claimant_kind(extra)
            return self._use(entry, words)
        if re.match(r"the\s", low):
            entry = self._by_descriptor(words)
            if entry:
                return self._use(entry, words)
        bare = _ARTICLE.sub("", words).strip()
        kind = claimant_kind(words)
        if bare and not _looks_like_clause(bare) and not is_fragment(bare):
            # a described voice ("the region's health office") that "it" or "he" may refer to
            entry = _Entry(bare, kind, {_norm(bare)}, self._heads(bare))
            entry.person = bool(_ROLE.search(bare)) and not bare.lower().endswith("s")
            self._entries.append(entry)
        return Claimant(bare or words, words, kind)

    def person_described(self, description: str) -> Claimant | None:
        """The one person the document describes in the role a description ends in ("the
        regional police chief" before or after "NAME, the head of the regional police"): its
        role word (or another word for it) and one more word of it in the person's
        appositive; ``None`` when no one, or several, fit."""
        words = re.findall(r"[a-z]+", description.lower())
        if not words or words[-1] not in _DESCRIBED_ROLES:
            return None
        role = same_role(words[-1])
        rest = {w for w in words[:-1] if w not in ("the", "a", "an", "its", "their", "local")}
        fit = [
            e
            for e in self._entries
            if e.person and role & e.described and (not rest or rest & e.described)
        ]
        return Claimant(fit[0].name, description, fit[0].kind) if len(fit) == 1 else None

    def _speaks_for(self, body: str) -> _Entry | None:
        """The body a spokesperson speaks for: one the document named ("the ministry"), or a
        name ("the Narnian Red Cross"); ``None`` for a person or an unknown description."""
        found = self._by_descriptor(body) if re.match(r"the\s", body, re.I) else None
        if found is None:
            name, acronym, _ = self._proper_name(body)
            if name is None:
                return None
            self.resolve(body)
            found = self._find_name(name, acronym)
        return found if found is not None and not found.person else None

    def _use(self, entry: _Entry, words: str) -> Claimant:
        if self._entries and self._entries[-1] is not entry:  # most recent voice last
            self._entries.remove(entry)
            self._entries.append(entry)
        return Claimant(entry.name, words, entry.kind)

    @staticmethod
    def _titled_person(words: str) -> tuple[str | None, str | None]:
        """ "the region's governor Ann Smith" → ("Ann Smith", "region's governor")."""
        tokens = words.split()
        run: list[str] = []
        for tok in reversed(tokens):
            if tok[:1].isupper() and not tok.endswith(("'s", "’s")):
                run.insert(0, tok)
            else:
                break
        rest = " ".join(tokens[: len(tokens) - len(run)])
        if len(run) > 3:
            rest, run = " ".join([rest, *run[:-2]]).strip(), run[-2:]
        if len(run) == 3 and rest.lower().endswith((" of", " for")):
            rest, run = f"{rest} {run[0]}", run[1:]  # "Mayor of Bucha Ann Smith"
        if 2 <= len(run) <= 3 and rest and _ROLE.search(rest):
            return " ".join(run), _ARTICLE.sub("", rest)
        return None, None

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
