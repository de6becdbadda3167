"""Outcome triggers ("killed", "death toll", "wounding") and how a figure binds to one.

Pure string code, no spaCy: ``find_triggers`` finds every outcome word in a sentence with its
*role*, which says on which side of it a figure stands:

- ``after``  the figure follows the trigger: "killing 5", "killed 5 people", "toll rose to 12",
             "claimed 9 lives" (the object, or the figure a toll reaches);
- ``before`` the figure precedes the trigger: "5 people died", "12 dead", "30 deaths";
- ``both``   a participle that can be either: "5 people were killed" / "gunmen killed 5".

``bind_left`` and ``bind_right`` decide whether the words between a figure and a trigger are
only the glue of such a construction (auxiliaries, adverbs, "rose to", "of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warmonitor.extract.caseless import CaselessUnion
from warmonitor.extract.gate import Words
from warmonitor.extract.prefilter import union

__all__ = ["Trigger", "bind_left", "bind_right", "bind_toll", "find_triggers"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """An outcome word in a sentence: offsets, the outcome, and where its figure stands."""

    start: int
    end: int
    outcome: str
    role: str  # "after" | "before" | "both"
    text: str


_RAW: tuple[tuple[str, str, str], ...] = (
    # killed
    (
        r"shot (?:dead|and killed|to death)|gunned down|stabbed to death|tortured to death|"
        r"strangled|hanged|burn(?:ed|t) (?:alive|to death)|"
        r"beaten to death|beat to death|hacked to death|bludgeoned to death|crushed to death|"
        r"lynched|\w+ed to death|slit the throats? of|"
        r"fatally (?:shot|wounded|injured|stabbed)|killed|slain|murdered|massacred|"
        r"slaughtered|executed|assassinated|beheaded|butchered|decapitated|crucified",
        "killed",
        "both",
    ),
    (
        r"kill(?:s|ing)?|murder(?:s|ing)|massacring|slaughtering|executing|executions?|"
        r"beheading(?:s| of)?|"
        r"massacres?|claim(?:ed|ing|s)?(?= (?:the )?(?:lives|life))|"
        r"(?:stabbing|beating|hacking|burning|shooting|clubbing|stoning|bludgeoning) "
        r"to death(?! of)|"
        r"number of (?:the )?(?:dead|deaths|fatalities|people killed|persons killed|victims)",
        "killed",
        "after",
    ),
    # "beat a suspected thief to death": the verb, its object, then "to death"
    (
        r"(?:beat|beating|stabbed|stabbing|hacked|hacking|stoned|stoning|clubbed|clubbing|"
        r"bludgeoned|burned|burnt|burning|tortured|torturing|kicked|trampled|starved|"
        r"lynched|flogged|whipped)(?= (?:(?!to\b)[\w'\-]+ ){1,5}to death\b)",
        "killed",
        "after",
    ),
    # "shot him dead", "shooting two policemen dead": the verb, its object, then "dead"
    (
        r"(?:shot|shooting)(?= (?:(?!dead\b)[\w'\-]+ ){1,4}dead\b)",
        "killed",
        "after",
    ),
    (r"(?:death|casualty|fatality|civilian|killed) tolls?|tolls?", "killed", "after"),
    # "the number of people injured … has risen to 42": a toll of the injured
    (
        r"number of (?:the )?(?:people |persons |civilians )?(?:injured|wounded)",
        "injured",
        "after",
    ),
    (
        r"(?:killings?|deaths?|bodies|body|corpses?|remains|murders?|massacre|lives|executions?|lynching|"
        r"assassination) of(?! (?:the )?(?:dead|deceased|killed|slain)\b)",
        "killed",
        "after",
    ),
    (r"found dead|found murdered|confirmed dead|pronounced dead", "killed", "both"),
    # "30 bodies of the dead were pulled out": the figure stands before the bodies
    (
        r"(?<=bodies )of (?:the )?(?:dead|deceased|killed|slain)"
        r"(?: (?:people|persons|civilians|residents))?|"
        # "31 victims of a missile strike": the victims of an attack are its dead
        r"(?<=victims )of (?:the |a |an |this |that )?(?:[\w\-]+ ){0,2}"
        r"(?:attacks?|strikes?|airstrikes?|shelling|bombings?|blasts?|explosions?|massacres?|"
        r"shootings?)",
        "killed",
        "before",
    ),
    (
        r"(?:(?<=were )|(?<=was )|(?<=been ))(?:wiped out|blown up)|"
        r"died|die|dies|dying|perished|drowned|succumbed|lost (?:their|his|her) li(?:fe|ves)|"
        r"were (?:confirmed |reported )?dead|(?:are|were|was|is) feared dead|"
        r"dead|deaths?|fatalities|fatality|bodies|corpses|lives lost|lives|killings?",
        "killed",
        "before",
    ),
    # injured
    (
        r"wounded|injured|hurt|maimed|hospitali[sz]ed|"
        r"(?:suffered|sustained|received) (?:[\w\-]+ (?:and [\w\-]+ )?){0,2}"
        r"(?:degrees? of )?(?:[\w\-]+ )?(?:injury|injuries|wounds)|"
        r"admitted (?:to|in|at) (?:the |a )?(?:[\w\-']+ ){0,3}hospitals?|"
        r"(?:taken|rushed|brought|evacuated) to (?:the |a )?(?:[\w\-']+ ){0,2}hospitals?",
        "injured",
        "both",
    ),
    # "two are in critical condition": the figure stands before
    (r"in (?:a )?(?:critical|serious|grave|stable) conditions?", "injured", "before"),
    # "left 30 persons with varying degrees of injuries": the figure stands before
    (
        r"with (?:(?:various|varying|different|serious|severe|minor|light|critical|"
        r"multiple|life-threatening) (?:and [\w\-]+ )?)?"
        r"(?:degrees? of )?(?:injury|injuries)",
        "injured",
        "before",
    ),
    # present tense: "blast kills 18 and wounds 60"
    (
        r"wounding|injuring|maiming|injures|maims|(?<=\band )wounds|"
        r"wounds(?= (?:at least |more than |over |some |about |nearly )?(?:\d+|dozens|scores|"
        r"hundreds|several|two|three|four|five|six|seven|eight|nine|ten)\b)",
        "injured",
        "after",
    ),
    (r"injuries|injur(?:y|ed persons)|wounds", "injured", "before"),
    # "a seventh man was shot but survived", "246 people still being treated", "in a coma"
    (r"shot (?:but|and) survived|(?:still )?being treated|in a coma", "injured", "before"),
    (r"(?:injury|injuries|wounding) of", "injured", "after"),
    # "3,000 patients displaying neurotoxic symptoms", "40 people with symptoms of poisoning"
    (
        r"(?:displaying|showing|exhibiting|with|suffering(?: from)?|presenting(?: with)?) "
        r"[\"“']?(?:neurotoxic|neurological|toxic|poisoning|respiratory|suffocation)[\"”']? "
        r"symptoms|(?:displaying|showing|exhibiting|with|suffering(?: from)?) symptoms of "
        r"(?:poisoning|suffocation|gas|chemical|toxic|nerve)",
        "injured",
        "before",
    ),
    # missing
    (r"missing|disappeared|unaccounted for|forcibly disappeared", "missing", "before"),
    # detained
    (
        r"arrested|detained|captured|jailed|imprisoned|rounded up|taken into custody|"
        r"apprehended|taken prisoner",
        "detained",
        "both",
    ),
    (r"arresting|detaining|capturing|rounding up", "detained", "after"),
    (r"arrests|detentions|detainees", "detained", "before"),
    # kidnapped
    (r"kidnapped|abducted|taken hostage|held hostage|seized as hostages?", "kidnapped", "both"),
    (r"kidnapping|abducting", "kidnapped", "after"),
    (r"hostages", "kidnapped", "before"),
    # ACLED notes: "Unknown fatalities coded as 3", "casualties coded as 10"
    (
        r"(?:fatalities|casualties|deaths|killed|events?) (?:were |are |was )?coded as",
        "killed",
        "after",
    ),
    # displaced
    (
        r"displaced|forced (?:to flee|from their homes)|made homeless|uprooted|"
        r"fled (?:their homes|the (?:area|fighting|violence|town|city|village))",
        "displaced",
        "both",
    ),
    (r"displacing", "displaced", "after"),
    # "have taken refuge in the school", "made more than a million homeless"
    (r"(?:taken|sought) (?:refuge|shelter)", "displaced", "before"),
    (r"(?:made|making|left|leaving)(?= (?:[\w,\-]+ ){1,5}homeless\b)", "displaced", "after"),
)

_PATTERNS = [
    (re.compile(rf"\b(?:{rx})\b", re.IGNORECASE), outcome, role) for rx, outcome, role in _RAW
]
# Every pattern at once: a sentence this finds nothing in has no trigger of ``_PATTERNS`` (one
# scan instead of one per pattern for most sentences of a report).
_ANY_PATTERN = union(p for p, _, _ in _PATTERNS)
# "clubbed to death": the one way of a pattern that opens with any word, which no gate reads
_TO_DEATH = r"\w+ed to death"


def _ways(rx: str) -> list[str]:
    """A pattern of ``_RAW`` as patterns that match where it does: ``_TO_DEATH`` apart."""
    rest = rx.replace(f"|{_TO_DEATH}|", "|")
    return [rx] if rest == rx else [rest, _TO_DEATH]


# ``_ANY_PATTERN`` searched over the lowercased sentence, with the sentence's words through the
# gate of all but ``_TO_DEATH``: it matches where ``_ANY_PATTERN`` does (``\b(?:a|b)\b``
# matches where ``\b(?:a)\b`` or ``\b(?:b)\b`` does)
_ANY_CASELESS = CaselessUnion(
    re.compile(rf"\b(?:{way})\b", re.IGNORECASE) for rx, _, _ in _RAW for way in _ways(rx)
)

_FATALITY_WORD = re.compile(r"\b(?:fatalit|casualt|deaths?\b|killed\b)", re.I)
_CODED = re.compile(r"\bcoded (?:as|to)\b", re.I)

# "casualties" means killed and injured together in many reports: bound only through parts.
CASUALTIES = re.compile(r"\bcasualties\b", re.IGNORECASE)


# Words that look like outcomes but are not casualties: sentences, penalties, threats.
_NOT_CASUALTY = re.compile(
    r"\b(?:sentenced (?:\w+ )*?to death|death (?:sentences?|penalty|row|threats?|squads?|"
    r"certificates?)|to death by (?:hanging|firing squad)|(?:condemned|sentenced) to\b|"
    r"kill(?:ing)? (?:switch|chain|zone)|killed (?:off|time)|lives? in (?:fear|poverty|exile)|"
    r"(?:almost|nearly|narrowly) (?:been |being )?(?:killed|killing|died|dying|kill(?:s|ed)?)\b)",
    re.IGNORECASE,
)


def find_triggers(sentence: str, words: Words | None = None) -> list[Trigger]:
    """Every outcome trigger in ``sentence``, earliest first, longest match at a position;
    ``words``: the sentence's (``extract.caseless``).

    "casualties" (killed, or killed and injured together) is a killed trigger only in a
    sentence that has no other outcome word.
    """
    triggers = _find(sentence, words)
    if _FATALITY_WORD.search(sentence):  # "Unknown number of fatalities coded to 3."
        taken = [(t.start, t.end) for t in triggers]
        for m in _CODED.finditer(sentence):
            if not any(a <= m.start() < b for a, b in taken):
                triggers.append(Trigger(m.start(), m.end(), "killed", "after", m.group(0)))
        triggers.sort(key=lambda t: t.start)
    if not triggers:
        triggers = [
            Trigger(m.start(), m.end(), "killed", "before", m.group(0))
            for m in CASUALTIES.finditer(sentence)
        ]
    return triggers


def _find(sentence: str, words: Words | None = None) -> list[Trigger]:
    """The triggers of ``sentence``, as :func:`_scan` finds them, each pattern tried only where
    the union of them all matches (where none does, no pattern can)."""
    starts = _ANY_CASELESS.starts(sentence, words)
    if not starts:
        return []
    masked = [(m.start(), m.end()) for m in _NOT_CASUALTY.finditer(sentence)]
    hits = []
    for pattern, outcome, role in _PATTERNS:
        end = 0  # as ``finditer``: the next match starts where the last one ended, or after
        for start in starts:
            if start < end:
                continue
            m = pattern.match(sentence, start)
            if m is not None:
                if m.end() == start:  # an empty match: ``finditer``'s own stepping decides
                    return _scan(sentence)
                hits.append((m, outcome, role))
                end = m.end()
    return _kept(hits, masked)


def _scan(sentence: str) -> list[Trigger]:
    """The triggers of ``sentence``, each pattern run on it."""
    masked = [(m.start(), m.end()) for m in _NOT_CASUALTY.finditer(sentence)]
    hits = [
        (m, outcome, role)
        for pattern, outcome, role in _PATTERNS
        for m in pattern.finditer(sentence)
    ]
    return _kept(hits, masked)


def _kept(
    hits: list[tuple[re.Match[str], str, str]], masked: list[tuple[int, int]]
) -> list[Trigger]:
    """The longest unmasked match at each position, in pattern order, and no match nested in
    another."""
    found: dict[int, Trigger] = {}
    for m, outcome, role in hits:
        if any(a <= m.start() < b for a, b in masked):
            continue
        old = found.get(m.start())
        if old is None or (m.end() - m.start()) > (old.end - old.start):
            found[m.start()] = Trigger(m.start(), m.end(), outcome, role, m.group(0))
    triggers = sorted(found.values(), key=lambda t: t.start)
    # drop triggers nested inside a longer one ("killed" inside "shot and killed")
    kept: list[Trigger] = []
    for t in triggers:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return kept


# Glue allowed between a trigger (left) and its figure (right): "killing at least",
# "death toll rose to", "toll of", "killed a further", "claimed the lives of".
_LEFT_GLUE = re.compile(
    r"^(?:\s|,|—|-)*(?:(?:"
    r"has|have|had|now|further|also|already|reportedly|allegedly|apparently|officially|"
    r"risen|rose|climbed|jumped|increased|grown|grew|reached|reaching|hit|stands?|stood|"
    r"standing|is|was|at|to|of|from|the|a|an|another|an additional|additional|further|"
    r"(?:at least|more than|over|nearly|some|about) (?:another|an additional|a further)|"
    r"some|total|totalled|totaled|topped|surpassed|exceeded|passed|mounted|mounting|"
    r"lives|life|of at least|including|included|in all|altogether|overall|so far|nearly|"
    r"and wounding|bringing|brought|since|then|stood|confirmed|reported|on \w+day|"
    r"themselves and|himself and|herself and|"
    r"on \w+|in the attack|in the raid|in the blast|in the clashes|"
    r"\d{1,3}(?:,\d{3})* to|as|put|puts|putting|between"
    r")(?:\s|,)+)*$",
    re.IGNORECASE,
)

# Glue allowed between a figure's noun phrase (left) and a trigger (right):
# "5 people were killed", "12 were reportedly killed", "9 have now died".
_RIGHT_GLUE = re.compile(
    r"^(?:\s|,)*(?:(?:"
    r"were|was|are|is|be|been|being|have|has|had|got|get|also|all|later|reportedly|"
    r"allegedly|confirmed|believed|thought|feared|said|to|now|subsequently|either|both|"
    r"already|initially|instantly|immediately|eventually|seriously|critically|"
    r"severely|badly|slightly|lightly|mortally|fatally|who|which|that|of them|of whom|"
    r"among them|left|leaving|found|reported|in all|altogether|total|more|others?|"
    r"people|persons|had been|have been|has been|were being|not|who were|"
    r"in total|overall|so far|each|apiece|too|again|had also|also been|yesterday|today|"
    r"tonight|overnight|earlier|last night|this morning|this week|on \w+day|\w+day|night|"
    r"morning|afternoon|evening|early|late|last weekend|weekend|at the weekend|<b>|</b>|"
    r"remain|remained|"
    r"remains|still|went|gone|are still|were still|currently|considered|now considered"
    r")(?:\s|,)+)*$",
    re.IGNORECASE,
)


_TAG = re.compile(r"<[^<>]{0,40}>|\[[^\[\]]{0,40}\]|[>\\]")
_TOLL_REACH = re.compile(
    r"^[^.;:]{0,120}?\b(?:rose|risen|rising|climbed|increased|jumped|reached|hit|topped|"
    r"surpassed|passed|stands|stood|standing|is|was|of|at|put|puts|revised|raised|adjusted|"
    r"exceed|surpass|top|reach|pass|rise|climb|increase|"
    r"updated|be|"
    r"now)\b(?:\s+[\"“‘']?(?:to|at|of|now|some|an estimated|nearly|almost|probably|likely|"
    r"possibly|(?:at the (?:low|lower|high|higher|upper) end|within the range|in the range|"
    r"in the region) of(?: the)?))*\s*[\"“‘']?$",
    re.I,
)


def bind_toll(between: str) -> bool:
    """True for "the toll from X in Y has risen to" before a figure."""
    return _TOLL_REACH.match(_TAG.sub(" ", between)) is not None


def bind_left(between: str) -> bool:
    """True when ``between`` (trigger … figure) is only the glue of "killing N" constructions."""
    between = _TAG.sub(" ", between)
    return len(between) <= 60 and _LEFT_GLUE.match(between + " ") is not None


def bind_right(between: str) -> bool:
    """True when ``between`` (figure's noun phrase … trigger) is only auxiliaries and adverbs."""
    between = _TAG.sub(" ", between)
    return len(between) <= 50 and _RIGHT_GLUE.match(between + " ") is not None
