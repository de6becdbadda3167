"""What was done: a text's violation types, the main one, and the weapon, with their words.

``classify`` reads a report (or one sentence) and returns a :class:`Reading`: every violation
type shown, each with the cue that shows it, the main type first. The main type follows the
report's lead: a coder's note tag decides outright; a protest is told apart by what happened
to it (dispersed, turned violent, met with lethal force); otherwise the most specific cue of
the lead wins, the earliest among equals, and a generic word ("killed", "attack") only when
nothing more specific is said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from warmonitor.extract.gate import Words
from warmonitor.extract.violations.cues import Cue, find_cues, find_weapons, note_tag
from warmonitor.extract.violations.taxonomy import kind

__all__ = ["Reading", "classify"]

# Specificity of a cue's type: a lower tier names the act more precisely.
_TIER: dict[str, int] = {
    "suicide_bombing": 0,
    "air_strike": 0,
    "mob_violence": 0,
    "sexual_violence": 0,
    "abduction": 0,
    "landmine": 0,
    "grenade": 0,
    "shelling": 1,
    "bombing": 1,
    "clash": 1,
    "territory_regained": 1,
    "territory_taken": 1,
    "territory_transfer": 1,
    "massacre": 1,
    "summary_execution": 1,
    "targeted_killing": 1,
    "raid": 2,
    "looting": 3,
    "property_destruction": 3,
    "arbitrary_detention": 3,
    "weapons_seizure": 1,
    "agreement": 1,
    "deployment": 2,
    "displacement": 2,
    "torture": 1,
    "armed_attack": 2,
    "riot": 2,
}
_PROTEST_FAMILY = ("protest", "protest_intervention", "excessive_force", "riot")
_STATE_AGENT = re.compile(
    r"\b(?:police|policemen|forces|security|authorities|officers|troops|soldiers|military|army|"
    r"guards|gendarme\w*|riot police|militia|junta|regime)\b",
    re.IGNORECASE,
)
_NOT_DONE = re.compile(
    r"\b(?:against|over|denounc\w+|condemn\w+|demand\w*|release of|to stop|"
    r"calling for|call for|recent|previous|earlier|anniversary|commemorat\w+|remembrance|"
    r"memory of|death of)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_DEATH = re.compile(r"\b(?:killed|killing|shot dead|died|dead|deaths?|fatalit)", re.IGNORECASE)
_SIZE = re.compile(r"\[size=[^\]]*\]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Reading:
    """The violation types of a text with the words that show them, and the PITF weapon."""

    main: str | None
    cues: tuple[Cue, ...]  # one per type shown, the main type's first
    weapon: str | None
    weapon_cue: Cue | None

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(c.type for c in self.cues)


def classify(
    text: str,
    sentences: Sequence[tuple[int, int]] = (),
    *,
    cues: Sequence[Cue] | None = None,
    words: Words | None = None,
) -> Reading:
    """The violation types of ``text``; ``sentences`` mark its lead (else the whole text).

    ``cues``: the text's cues (``find_cues``) where the caller found them already."""
    lead_end = _lead_end(text, sentences)
    if cues is None:
        words = words or Words(text)
        cues = find_cues(text, words=words)
    cues = list(cues)
    if not cues and note_tag(text) is None and not _SIZE.search(text):
        return Reading(None, (), *_weapon(text, lead_end, None, words))
    lead = [c for c in cues if c.start < lead_end]
    main_cue = _crowd(text, _main(text, lead, cues, lead_end), cues)
    shown: dict[str, Cue] = {}
    if main_cue is not None:
        shown[main_cue.type] = main_cue
    for c in cues:
        if c.type not in shown and c.type not in _SECONDARY_ONLY:
            shown[c.type] = c
    weapon, weapon_cue = _weapon(text, lead_end, main_cue, words)
    return Reading(main_cue.type if main_cue else None, tuple(shown.values()), weapon, weapon_cue)


# Types shown only as a protest's course or a note's scaffolding, never as acts of their own.
_SECONDARY_ONLY = ("protest_intervention", "excessive_force", "territory_transfer")


# The types a crowd's own act can be: a note that gives a crowd's size tells of one.
_CROWD_TYPES = (*_PROTEST_FAMILY, "mob_violence")


def _crowd(text: str, main: Cue | None, cues: Sequence[Cue]) -> Cue | None:
    """A coder's crowd size (``[size=…]``) is given for demonstrations alone (ACLED records it
    for protests and riots only): an act of violence in such a note is the crowd's, a riot
    where the crowd was demonstrating (a protest's words anywhere), else mob violence."""
    if main is None or main.type in _CROWD_TYPES or not _SIZE.search(text):
        return main
    if note_tag(text) is not None:
        return main
    protesting = any(c.type == "protest" for c in cues)
    return Cue("riot" if protesting else "mob_violence", main.start, main.end, main.text)


def _lead_end(text: str, sentences: Sequence[tuple[int, int]]) -> int:
    if not sentences:
        return len(text)
    end = sentences[0][1]
    if end - sentences[0][0] < 60 and len(sentences) > 1:  # a headline or a dateline: one more
        end = sentences[1][1]
    return end


def _main(text: str, lead: list[Cue], cues: list[Cue], lead_end: int) -> Cue | None:
    tag = note_tag(text)
    if tag is not None:
        m = re.match(r"^\s*[^:]+", text)
        return Cue(tag, 0, m.end() if m else 0, m.group(0).strip() if m else "")
    pool = lead or cues
    if not pool:
        size = _SIZE.search(text)  # a coder's crowd size: a gathering
        return Cue("protest", size.start(), size.end(), size.group(0)) if size else None
    protest = [c for c in pool if c.type == "protest"]
    acts = [c for c in pool if c.type not in _PROTEST_FAMILY and c.type in _TIER]
    if protest and (not acts or _protest_first(protest[0], acts)):
        return _protest_course(text, protest[0], cues)
    if not acts:
        violent = [c for c in pool if c.type == "riot" and not _undone(text, c)]
        if violent:
            return violent[0]
        if _SIZE.search(text):  # a coder's crowd size: a gathering
            m = _SIZE.search(text)
            assert m is not None
            return Cue("protest", m.start(), m.end(), m.group(0))
        return pool[0] if pool[0].type in _TIER else None
    best = min(acts, key=lambda c: (_tier(c), c.start))
    if best.type == "abduction":  # "killed a man and abducted two": the killing leads
        killing = [c for c in acts if c.type == "armed_attack" and c.start < best.start
                   and _DEATH.search(c.text)]  # fmt: skip
        if killing:
            best = killing[0]
    if best.type in _REMOTE:  # fire returned later in the report: the exchange is a battle
        mutual = [c for c in cues if c.type == "clash" and c.start > best.start
                  and _MUTUAL.search(c.text) and not _undone(text, c)]  # fmt: skip
        if mutual:
            return mutual[0]
    if best.type == "clash" and _civilian_clash(text, best):
        return Cue("mob_violence", best.start, best.end, best.text)
    if best.type in _ATTACKS:
        if _civil_agent(text, best):
            return Cue("mob_violence", best.start, best.end, best.text)
        if _armed_target(text, best):
            return Cue("clash", best.start, best.end, best.text)
    return _refined(text, best, acts)


_FIGHTING = re.compile(
    r"clash|exchang|fight|fought|battle|firefight|skirmish|fired back|returned fire|"
    r"both directions",
    re.IGNORECASE,
)
_ATTACKS = ("armed_attack", "targeted_killing", "summary_execution", "raid")
_REMOTE = ("shelling", "air_strike", "bombing", "grenade", "landmine")
# Fire both ways, named as such: what makes an attack from afar one side of a battle.
_MUTUAL = re.compile(
    r"clashed|exchang|fired back|returned fire|both directions|gun ?battle|firefight", re.I
)


def _tier(cue: Cue) -> float:
    """A cue's tier; fighting named as such ("clashed", "exchanged fire") outranks its arms."""
    if cue.type == "clash" and _FIGHTING.search(cue.text):
        return 0.5
    return _TIER[cue.type]


_ARMED_NOUN = re.compile(
    r"\b(?:soldiers?|troops?|military|army|police(?:m[ae]n)?|(?:police )?officers?|forces|"
    r"militants?|fighters?|rebels?|insurgents?|militia\w*|commanders?|auxiliar(?:y|ies)|"
    r"guards?|security personnel|base|outpost|checkpoints?|convoy|positions?|barracks|"
    r"patrol|PDF|battalion|brigades?|jihadists?|guerrillas?|combatants?|gendarmes?|"
    r"(?:police )?(?:station|post)s?|bases|outposts|camps|gang members?|"
    r"drug (?:dealers?|traffickers?|lords?)|traffickers?|extortionists?|gangsters?|"
    r"(?:criminal|drug[- ]trafficking|rival|militant|armed|gang) groups?|"
    r"(?-i:[A-Z][\w-]*) members?)\b",
    re.IGNORECASE,
)
# A later word that the victims were armed or criminal themselves ("the victim was a drug dealer").
_ARMED_VICTIM = re.compile(
    r"\b(?:victims?|he|they|the (?:man|men|deceased|slain \w+)) (?:was|were) (?:\w+ ){0,3}"
    r"(?:drug|gang|involved in (?:drug|gang))",
    re.IGNORECASE,
)
_FORMER = re.compile(r"\b(?:former|ex-|retired|off-duty|suspected)\s*(?:\w+\s+){0,2}$", re.I)
_CIVIL_AGENT = re.compile(
    r"\b(?:residents|villagers|relatives|supporters|settlers|mob|crowd|locals|family members|"
    r"students|youths|fans|neighbou?rs|community members|group of (?:people|men|youths|locals)|"
    r"rioters|motorists|vendors|traders|passers-by|people|"
    r"group of (?:\w+ ){0,2}(?:students|vendors|traders|residents|villagers|farmers|workers)|"
    r"(?:activists|cadres|workers|supporters) of (?:the )?[A-Z][\w-]*)\b",
)
# Unarmed violence: beating, stones, bare hands (attackers with no arms of war).
_UNARMED_ACT = re.compile(
    r"\b(?:beat(?:en)? up|physically (?:attacked|assaulted)|lynch\w*|"
    r"with (?:stones|rocks|sticks|blunt objects|bricks|clubs)|stoned|pelted)\b",
    re.IGNORECASE,
)
# A side that is a crowd, whoever it fights: rioters against soldiers are mob violence.
_CROWD_SIDE = re.compile(
    r"\b(?:rioters|mob|crowd|prisoners|inmates|demonstrators|protesters)\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"^[^,.;]{0,30}?\bby\b", re.IGNORECASE)


def _clause(text: str, cue: Cue) -> tuple[str, str]:
    """The words of the cue's sentence before it (from the last comma) and after it."""
    a, b = _sentence_of(text, cue.start)
    before = text[a : cue.start]
    after = text[cue.end : b]
    return before[-90:], after[:90]


def _armed(words: str) -> bool:
    """Whether ``words`` name an armed target: soldiers, a post; not a former one."""
    return any(not _FORMER.search(words[: m.start()]) for m in _ARMED_NOUN.finditer(words))


# An act with its object: "shot and killed two soldiers", "fired at a military check post".
_ACT_OBJECT = re.compile(
    r"\b(?:killed|killing|shot(?: and (?:killed|wounded|injured))?|shooting|gunned down|"
    r"fired (?:\w+ ){0,2}(?:at|on|upon|against|towards)|opened fire (?:at|on|upon)|attacked|"
    r"(?:fired|opened fire) in the direction of|"
    r"attacking|ambushed|targeted|targeting|stormed|raided|assaulted|wounded|injured)\s+"
    r"(?P<object>(?:[\w'-]+\s+){0,5}?[\w'-]+)(?=\s+(?:in|near|on|at|while|who|after|as|"
    r"during|and|with|,)|[,.;]|$)",
    re.IGNORECASE,
)


def _armed_target(text: str, cue: Cue) -> bool:
    """Whether the attack's target is armed (soldiers, a police post): a clash, not an attack
    on civilians. Active: the object of the act, or of the sentence's first act ("gunmen shot
    and killed two soldiers"); passive ("was shot by"): the words before."""
    before, after = _clause(text, cue)
    if _ARMED_VICTIM.search(text):
        return True
    if _PASSIVE.match(after):
        return _armed(before.rsplit(",", 1)[-1])
    obj = re.split(r"\b(?:in|near|on|at around|while|after|and killed|killing|wounding)\b|,",
                   after, maxsplit=1)[0]  # fmt: skip
    if _armed(obj):
        return True
    a, b = _sentence_of(text, cue.start)
    act = _ACT_OBJECT.search(text, a, b)
    if act is None or _PASSIVE.match(text, act.end()):
        return False
    return _armed(act.group("object"))


def _civil_agent(text: str, cue: Cue) -> bool:
    """Whether the attackers are no armed group (residents, party supporters): mob violence."""
    before, after = _clause(text, cue)
    passive = _PASSIVE.match(after)
    agent = after[passive.end() : passive.end() + 50] if passive else before
    if _ARMED_NOUN.search(agent) or _ARMED_DOER.search(agent):
        return False
    if _CIVIL_AGENT.search(agent):
        return True
    a, b = _sentence_of(text, cue.start)
    return bool(_UNARMED_ACT.search(text, a, b)) and not _ARMED_DOER.search(text, a, b)


_ARMED_DOER = re.compile(
    r"\b(?:gunm[ae]n|armed|militants?|police|soldiers|troops|forces|army|militia\w*|"
    r"rebels?|insurgents?|fighters|bandits|gangs?)\b",
    re.IGNORECASE,
)


def _protest_first(protest: Cue, acts: list[Cue]) -> bool:
    """Whether the protest is the event: no specific act before it."""
    return all(c.start > protest.start or _TIER[c.type] >= 2 for c in acts)


def _protest_course(text: str, protest: Cue, cues: list[Cue]) -> Cue:
    """A protest: peaceful, dispersed or obstructed, violent, or met with lethal force."""
    body = _SIZE.sub("", text)
    a, _ = _sentence_of(text, protest.start)
    after = [c for c in cues if c.start >= protest.start or _leads_to(c, protest, a)]
    force = [c for c in after if c.type == "excessive_force" and _by_state(text, c)]
    if force and _DEATH.search(body, protest.start):
        return force[0]
    violent = [c for c in after if c.type == "riot" and not _undone(text, c)]
    # fighting that broke out at the protest: a violent demonstration, told as a riot
    violent += [Cue("riot", c.start, c.end, c.text) for c in after
                if c.type == "clash" and c.start > protest.start and _FIGHTING.search(c.text)
                and not _undone(text, c) and not _HYPOTHETICAL.search(text, a, c.start)
                and _AT_THE_PROTEST.search(text, *_sentence_of(text, c.start))]  # fmt: skip
    if violent:
        return min(violent, key=lambda c: c.start)
    stopped = [
        c
        for c in after
        if c.type == "protest_intervention"
        and (_by_state(text, c) or (_ANYONE_STOPS.match(c.text) and not _undone(text, c)))
    ]
    stopped += [c for c in after if c.type == "arbitrary_detention" and _by_state(text, c)]
    if stopped:
        stopped.sort(key=lambda c: c.start)
        return Cue("protest_intervention", stopped[0].start, stopped[0].end, stopped[0].text)
    return protest


_AT_THE_PROTEST = re.compile(
    r"\b(?:protesters|protestors|demonstrators|demonstrations?|protests?|marchers|"
    r"participants|each other|one another)\b",
    re.I,
)
_HYPOTHETICAL = re.compile(r"\b(?:fear\w*|could|would|may|might|threat\w*|warn\w*)\b", re.I)
# Interventions that say so whoever intervened: an attack on the protesters, "intervened".
_ANYONE_STOPS = re.compile(
    r"(?:attacked|assaulted|beat|beaten|charged at|intervened|interrupted)\b", re.I
)


def _leads_to(cue: Cue, protest: Cue, sentence_start: int) -> bool:
    """A course told before the protest's word: violence in its sentence ("blocked the road
    with burning tyres in a demonstration"), or an intervention just before it ("police
    intervened to disperse a gathering")."""
    if cue.start < sentence_start or cue.start > protest.start:
        return cue.start > protest.start
    b = protest.start
    return cue.type in ("riot", "protest_intervention", "arbitrary_detention") or b - cue.end <= 60


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    b = text.find(". ", at)
    return a, len(text) if b < 0 else b


def _by_state(text: str, cue: Cue) -> bool:
    """Whether a cue of intervention is done (not demanded or denounced) by an agent of force:
    one named before it in its sentence, or after it as its agent ("dispersed by police")."""
    a, b = _sentence_of(text, cue.start)
    before = _STATE_AGENT.search(text, max(a, cue.start - 100), cue.start)
    after = re.match(r"[^.;]{0,40}?\bby\b[^.;]{0,30}", text[cue.end : b])
    agent = before is not None or (after is not None and _STATE_AGENT.search(after.group(0)))
    return bool(agent) and not _undone(text, cue)


def _undone(text: str, cue: Cue) -> bool:
    """A cue that names what the protest is about ("against the arrest of"), not what befell it."""
    return bool(_NOT_DONE.search(text[max(0, cue.start - 60) : cue.start]))


_CIVIL_SIDES = re.compile(
    r"\b(?:supporters|members|activists|cadres|workers|students|villagers|residents|"
    r"communities|families|clans|groups of|youths?|locals|traders|farmers|herders|fans|"
    r"party|parties)\b",
    re.IGNORECASE,
)
_ARMED_SIDES = re.compile(
    r"\b(?:forces|army|military|troops|soldiers|militants?|rebels?|insurgents?|militia\w*|"
    r"police|fighters|armed|gunmen|battalion|brigades?|PDF|guerrillas?|jihadists?)\b",
    re.IGNORECASE,
)


def _civilian_clash(text: str, cue: Cue) -> bool:
    """A clash between unarmed sides (party supporters, villagers): mob violence, not battle."""
    a, b = _sentence_of(text, cue.start)
    sentence = text[a:b]
    if _CROWD_SIDE.search(sentence):
        return True
    return bool(_CIVIL_SIDES.search(sentence)) and not _ARMED_SIDES.search(sentence)


_SUICIDE_NEAR = re.compile(r"\bsuicide", re.IGNORECASE)
_STATE_TAKES = re.compile(
    r"\b(?:government|army|military|forces of|armed forces|troops|soldiers|FARDC|regime|"
    r"pro-government|national army)\b",
    re.IGNORECASE,
)


def _refined(text: str, best: Cue, acts: list[Cue]) -> Cue:
    """The main cue made precise by what else the lead says (who took territory)."""
    if best.type in ("territory_taken", "territory_regained"):
        peaceful = any(c.type == "territory_transfer" for c in acts)
        if peaceful:
            return Cue("territory_transfer", best.start, best.end, best.text)
        a, _ = _sentence_of(text, best.start)
        state = bool(_STATE_TAKES.search(text, a, best.start))
        name = "territory_regained" if state else "territory_taken"
        return Cue(name, best.start, best.end, best.text)
    return best


def _weapon(
    text: str, lead_end: int, main: Cue | None, words: Words | None
) -> tuple[str | None, Cue | None]:
    """PITF's weapon: fixed by the main type where it fixes one, else the lead's words."""
    if main is not None:
        fixed = kind(main.type).pitf_weapon
        if fixed is not None:
            return fixed, main
    weapons = find_weapons(text, words=words)
    if not weapons:
        return None, None
    lead = [w for w in weapons if w.start < lead_end] or weapons
    for w in lead:
        if w.type == "Suicide Bombing":
            return w.type, w
    return lead[0].type, lead[0]
