"""Aliases a report teaches: appositions that name an actor and say what else it is called.

"the Syrian Observatory for Human Rights, a Britain-based war monitor, said" teaches that "the
Britain-based war monitor" is the Observatory in this report; "the Local Coordination
Committees (LCC)" its acronym; "its director, Rami Abdel Rahman" who speaks for it. The
patterns are precompiled regular expressions over plain text; callers decide what to keep.
"""

from __future__ import annotations

import re

from warmonitor.actors.descriptions import describe

__all__ = ["learn_aliases"]

# A proper name: capitalised words, joined by minor words ("Syrian Observatory for Human Rights").
_CAP = r"[A-Z][\w'’.\-]*"
_NAME = rf"(?:[Tt]he\s+)?{_CAP}(?:\s+(?:(?:for|of|and|on|in|the|&|de|du|des|al|el)\s+)*{_CAP})*"
# A person: two to four capitalised words, Arabic particles allowed ("Rami Abdel Rahman").
_PERSON = (
    r"[A-Z][a-z'’]+(?:[\s\-]+(?:(?:al|el|bin|ibn|abu|abd|de|van|von)[\s\-]+)?[A-Z][a-z'’\-]+){1,3}"
)
_ROLE = (
    r"(?:executive\s+)?(?:director|head|founder|chief|spokesman|spokeswoman|spokesperson|"
    r"president|chairman|chairwoman|chair|coordinator|secretary-general|commissioner|"
    r"director-general|official)"
)
# "the Syrian Observatory for Human Rights, a Britain-based war monitor,"
_DESCRIBED = re.compile(
    rf"(?P<name>{_NAME})\s*,\s+(?:an?|the)\s+(?P<alias>[\w\-’']+(?:\s+[\w\-’']+){{0,6}}?)"
    r"(?=\s*(?:[,.;)]|\s(?:said|says|reported|which|that|who|and|has|had)\b))"
)
# "the Local Coordination Committees (LCC)"
_ACRONYM = re.compile(rf"(?P<name>{_NAME})\s+\((?P<alias>[A-Z][A-Za-z&./]{{1,9}})\)")
# "its director, Rami Abdel Rahman" / "the Observatory's head Rami Abdel Rahman"
_ROLE_THEN_PERSON = re.compile(
    rf"(?P<name>\b[Ii]ts|\b[Tt]heir|{_NAME}?(?:'s|’s)?)\s+{_ROLE}\s*,?\s+(?P<alias>{_PERSON})"
)
# "Rami Abdel Rahman, who heads the Observatory" / "…, the head of the Observatory"
_PERSON_THEN_ROLE = re.compile(
    rf"(?P<alias>{_PERSON})\s*,\s+(?:who\s+(?:heads|leads|runs|founded|directs|chairs)|"
    rf"(?:the\s+|a\s+)?{_ROLE}\s+(?:of|for|at))\s+(?P<name>{_NAME})"
)
_PRONOUN = re.compile(r"^(?:its|their)$", re.IGNORECASE)
_LEADING_THE = re.compile(r"^[Tt]he\s+")


def _clean(text: str) -> str:
    return _LEADING_THE.sub("", text.strip().rstrip(",").strip())


def _last_name_before(text: str, end: int) -> str | None:
    """The last proper name of two words or more, or acronym, before ``end`` (what "its" means)."""
    names = [
        m.group()
        for m in re.finditer(_NAME, text[:end])
        if len(_clean(m.group()).split()) >= 2 or re.fullmatch(r"[A-Z]{2,8}", _clean(m.group()))
    ]
    return _clean(names[-1]) if names else None


def learn_aliases(text: str) -> list[tuple[str, str]]:
    """``(name mention, alias)`` pairs that appositions in ``text`` teach, in order, once each.

    >>> learn_aliases("The Syrian Observatory for Human Rights, a Britain-based war monitor, said.")
    [('Syrian Observatory for Human Rights', 'Britain-based war monitor')]
    """
    found: list[tuple[int, str, str]] = []
    for m in _DESCRIBED.finditer(text):
        alias = m["alias"].strip()
        if describe(alias) is not None and alias.split()[-1][:1].islower():
            found.append((m.start(), _clean(m["name"]), alias))
    for m in _ACRONYM.finditer(text):
        name, alias = _clean(m["name"]), m["alias"]
        words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isupper()]
        if words and words[0][0] == alias[0] and len(alias.rstrip("s")) <= len(words) + 1:
            found.append((m.start(), name, alias))
    for m in _ROLE_THEN_PERSON.finditer(text):
        name = m["name"].strip()
        if _PRONOUN.match(name) or not name:
            resolved = _last_name_before(text, m.start())
            if resolved is None:
                continue
            name = resolved
        found.append((m.start(), _clean(re.sub(r"['’]s$", "", name)), m["alias"]))
    for m in _PERSON_THEN_ROLE.finditer(text):
        if re.search(r"['’]s$", m["name"]):
            continue  # "NAME, the head of Kyiv's police": the place is not the body they head
        found.append((m.start(), _clean(m["name"]), m["alias"]))
    out: list[tuple[str, str]] = []
    for _, name, alias in sorted(found, key=lambda f: f[0]):
        if name and alias and (name, alias) not in out:
            out.append((name, alias))
    return out
