"""The lookup tables behind :meth:`ActorRegistry.resolve` and the order they are tried in.

1. exact: the mention's key is a name, alias, person or name in another language;
2. acronym: a written acronym ("SOHR") that a name's initials make, when one actor's do;
3. ministry: a portfolio and a place in any order ("the ministry of health in Gaza");
4. contained: the longest distinctive name, alias or person inside a longer mention;
5. hint: with a country hint, a bare head ("the health ministry", "the army") that one of that
   country's actors is named by after its place word ("Syrian army").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from warmonitor.actors.actor import Actor, MatchHow, Resolution
from warmonitor.actors.ministries import read_ministry
from warmonitor.actors.names import initials, looks_like_acronym, normalise_name, strip_article
from warmonitor.actors.places import PLACE_WORDS, find_places

__all__ = ["CONFIDENCE", "NameIndex"]

#: The confidence each way of matching gives (``contained`` grows with the share matched).
CONFIDENCE: dict[str, float] = {
    "exact": 1.0,
    "alias": 0.95,
    "acronym": 0.9,
    "person": 0.9,
    "ministry": 0.85,
    "contained": 0.5,
    "hint": 0.6,
}
_RANK = {"exact": 0, "alias": 1, "acronym": 1, "person": 2}
_PAREN = re.compile(r"^(?P<name>.+?)\s*\((?P<inner>[^()]+)\)\s*$")
_RAW_WORD = re.compile(r"[^\W_][\w'’.]*")


@dataclass(frozen=True, slots=True)
class _Form:
    actor_id: str
    how: MatchHow  # exact (the name), alias, acronym or person
    text: str
    tokens: tuple[str, ...]

    @property
    def acronym_only(self) -> bool:
        """A written acronym ("WHO", "IS") meets only a mention written in capitals."""
        return self.how == "acronym"


class NameIndex:
    """Every form of every actor, keyed for the five ways of matching (built once per registry)."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors: dict[str, Actor] = {a.id: a for a in actors}
        self._exact: dict[str, list[_Form]] = {}
        self._phrases: dict[str, list[_Form]] = {}
        self._owners: Counter[str] = Counter()
        self._initials: dict[str, set[str]] = {}
        self._ministries: dict[tuple[str, str], str] = {}
        self._national: dict[tuple[str, str], str] = {}
        self._heads: dict[tuple[str, str], str] = {}
        for actor in self.actors.values():
            self._add(actor)

    def _add(self, actor: Actor) -> None:
        forms: list[tuple[MatchHow, str]] = [("exact", actor.name)]
        for alias in (*actor.aliases, *(name for _, name in actor.languages)):
            how: MatchHow = "acronym" if looks_like_acronym(strip_article(alias)) else "alias"
            forms.append((how, alias))
        forms += [("person", person) for person in actor.people]
        owned: set[str] = set()
        for how, text in forms:
            key = normalise_name(text)
            if not key:
                continue
            form = _Form(actor.id, how, text, tuple(key.split()))
            self._exact.setdefault(key, []).append(form)
            self._phrases.setdefault(form.tokens[0], []).append(form)
            owned.update(form.tokens)
            if how != "person":
                self._add_ministry(actor, key)
                self._add_head(actor, form.tokens)
        self._owners.update(owned)
        letters = initials(actor.name).lower()
        if letters:
            self._initials.setdefault(letters, set()).add(actor.id)

    def _add_ministry(self, actor: Actor, key: str) -> None:
        ministry = read_ministry(key)
        if ministry is None:
            return
        places = [p for p in ministry.places if p.territory] or list(ministry.places)
        for place in places:
            self._ministries.setdefault((place.key, ministry.portfolio), actor.id)
        if actor.country:
            self._national.setdefault((actor.country, ministry.portfolio), actor.id)

    def _add_head(self, actor: Actor, tokens: tuple[str, ...]) -> None:
        places = find_places(tokens)
        lead = next((p for p in places if p.start == 0), None)
        if lead and actor.country == lead.country and lead.end < len(tokens):
            self._heads.setdefault((actor.country, " ".join(tokens[lead.end :])), actor.id)

    # -- resolving -------------------------------------------------------------------------

    def resolve(self, text: str, country: str | None = None) -> Resolution | None:
        """The actor a mention names, or ``None`` (see the module docstring for the order)."""
        raw = text.strip()
        paren = _PAREN.match(raw)
        if paren:
            found = self.resolve(paren["name"], country) or self.resolve(paren["inner"], country)
            return replace(found, text=raw) if found else None
        key = normalise_name(raw)
        if not key:
            return None
        bare = strip_article(raw)
        return (
            self._by_exact(raw, key, bare, country)
            or self._by_initials(raw, bare)
            or self._by_ministry(raw, key, country)
            or self._by_containment(raw, key, country)
            or self._by_head(raw, key, country)
        )

    def _result(
        self, actor_id: str, how: MatchHow, raw: str, matched: str, conf: float = 0.0
    ) -> Resolution:
        return Resolution(self.actors[actor_id], how, conf or CONFIDENCE[how], raw, matched)

    def _pick(self, forms: list[_Form], country: str | None) -> _Form | None:
        """The one form among several that meet a mention; ``None`` if they name several actors."""
        if not forms:
            return None
        best = min(_RANK.get(f.how, 3) for f in forms)
        forms = [f for f in forms if _RANK.get(f.how, 3) == best]
        if len({f.actor_id for f in forms}) > 1 and country:
            local = [f for f in forms if self.actors[f.actor_id].country == country]
            forms = local or forms
        return forms[0] if len({f.actor_id for f in forms}) == 1 else None

    def _by_exact(self, raw: str, key: str, bare: str, country: str | None) -> Resolution | None:
        written_acronym = looks_like_acronym(bare)
        forms = [f for f in self._exact.get(key, ()) if written_acronym or not f.acronym_only]
        form = self._pick(forms, country)
        if form is None:
            return None
        how: MatchHow = "acronym" if written_acronym and form.how == "alias" else form.how
        return self._result(form.actor_id, how, raw, form.text)

    def _by_initials(self, raw: str, bare: str) -> Resolution | None:
        if not looks_like_acronym(bare):
            return None
        ids = self._initials.get(normalise_name(bare).replace(" ", ""), set())
        if len(ids) != 1:
            return None
        (actor_id,) = ids
        return self._result(actor_id, "acronym", raw, self.actors[actor_id].name, 0.85)

    def _by_ministry(self, raw: str, key: str, country: str | None) -> Resolution | None:
        ministry = read_ministry(key)
        if ministry is None:
            return None
        for place in ministry.places:
            actor_id = self._ministries.get((place.key, ministry.portfolio))
            if actor_id:
                return self._result(actor_id, "ministry", raw, self.actors[actor_id].name)
        for place in ministry.places:
            actor_id = self._national.get((place.country, ministry.portfolio))
            if actor_id:
                return self._result(actor_id, "ministry", raw, self.actors[actor_id].name, 0.75)
        if not ministry.places and country:
            actor_id = self._national.get((country, ministry.portfolio))
            if actor_id:
                return self._result(actor_id, "hint", raw, self.actors[actor_id].name)
        return None

    def _by_containment(self, raw: str, key: str, country: str | None) -> Resolution | None:
        tokens = key.split()
        capitalised = {normalise_name(w) for w in _RAW_WORD.findall(raw) if w[0].isupper()}
        found: list[tuple[int, _Form]] = []
        for i, token in enumerate(tokens):
            for form in self._phrases.get(token, ()):
                n = len(form.tokens)
                if n >= len(tokens) or tuple(tokens[i : i + n]) != form.tokens:
                    continue
                if n == 1 and not self._distinctive(form, raw, capitalised):
                    continue
                if self._other_place_before(tokens, i, self.actors[form.actor_id]):
                    continue
                found.append((n, form))
        if not found:
            return None
        longest = max(n for n, _ in found)
        picked = self._pick([f for n, f in found if n == longest], country)
        if picked is None:
            return None
        confidence = round(CONFIDENCE["contained"] + 0.4 * longest / len(tokens), 2)
        return self._result(picked.actor_id, "contained", raw, picked.text, confidence)

    def _distinctive(self, form: _Form, raw: str, capitalised: set[str]) -> bool:
        """A one-word form is found inside a mention only where it names one actor and is
        written as a name there ("the Britain-based Observatory", not "an independent monitor")."""
        word = form.tokens[0]
        if self._owners[word] != 1:
            return False
        if form.acronym_only:
            return re.search(rf"\b{re.escape(strip_article(form.text))}\b", raw) is not None
        return word in capitalised

    @staticmethod
    def _other_place_before(tokens: list[str], i: int, actor: Actor) -> bool:
        """True where the words just before the match name another country ("Iraqi Observatory",
        "Ukrainian Red Cross"): the mention names a namesake, not this actor."""
        for n in (2, 1):
            if i - n < 0:
                continue
            hit = PLACE_WORDS.get(" ".join(tokens[i - n : i]))
            if hit:
                return hit[1] != actor.country
        return False

    def _by_head(self, raw: str, key: str, country: str | None) -> Resolution | None:
        if not country:
            return None
        actor_id = self._heads.get((country, key))
        return self._result(actor_id, "hint", raw, self.actors[actor_id].name) if actor_id else None

    def collisions(self) -> dict[str, list[str]]:
        """Keys that name more than one actor (for checking data), with the actors' ids."""
        out: dict[str, list[str]] = {}
        for key, forms in self._exact.items():
            ids = sorted({f.actor_id for f in forms})
            if len(ids) > 1:
                out[key] = ids
        return out
