"""The registry of armed actors: named groups and forces, their spellings, kind and home.

Each :class:`ArmedGroup` has one canonical name and the ways news writes it (``pattern``):
"Islamic State", "ISIS", "ISIL", "Daesh" and "IS militants" are one group. The canonical
name follows one convention (``docs/VIOLATIONS.md``, *The registry of armed actors*): the
group's commonest English name in the wire copy of the years monitored (AP, Reuters, AFP,
BBC), with the abbreviation it is as well known by in brackets, as the Global Terrorism
Database and UCDP write them ("Allied Democratic Forces (ADF)"). Where a name is a community's
("Fulani", "Houthi"), it is the community's own name.

``home`` names the countries (alpha-2) a group operates in as a domestic group; acting
elsewhere it is ``transnational``. Kinds are those of ``perpetrators.PerpetratorKind``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["ARMED_GROUPS", "ArmedGroup", "canonical", "group_of"]


@dataclass(frozen=True, slots=True)
class ArmedGroup:
    """One armed actor: its canonical ``name``, the pattern of its spellings, its kind."""

    name: str
    pattern: str
    kind: str = "non_state"
    home: str | None = None  # space-separated alpha-2 codes, None: at home nowhere

    @property
    def countries(self) -> tuple[str, ...]:
        return tuple(self.home.split()) if self.home else ()


#: Named armed groups and forces, the most specific first where patterns overlap.
ARMED_GROUPS: tuple[ArmedGroup, ...] = (
    ArmedGroup("Boko Haram", r"Boko Haram|Jama'?atu Ahlis? Sunna\w* Lidda'?awati wal-?Jihad|JAS",
               home="NG CM NE TD"),
    ArmedGroup("Islamic State West Africa Province (ISWAP)",
               r"ISWAP|Islamic State(?:'s)? West Africa(?:n)? Province", home="NG CM NE TD"),
    ArmedGroup("Jamaat-ul-Ahrar", r"Jamaat-?ul-?Ahrar", home="PK AF"),
    ArmedGroup("Pakistani Taliban (TTP)",
               r"Tehr[ei][ei]k-[ei]-Taliban(?: Pakistan)?|TTP|Pakistani Taleban|Pakistani Taliban",
               home="PK AF"),
    ArmedGroup("Taliban", r"Taliban|Taleban|TalIban", home="AF PK"),
    ArmedGroup("Islamic State (ISIS)",
               r"ISIS|ISIL|Daesh|Daish|Islamic State(?: of Iraq and (?:Syria|the Levant|al-Sham))?"
               r"(?: group)?|IS (?:militants|fighters|group|jihadists|extremists)"),
    ArmedGroup("al-Shabab", r"[Aa]l[- ]?Shabaa?b|Shabaa?b|Sh[ae]baa?b|Chabab", home="SO KE"),
    ArmedGroup("al-Qaeda in the Arabian Peninsula (AQAP)",
               r"AQAP|[Aa]l[- ]?Qa'?[ie]da in the Arabian Peninsula", home="YE"),
    ArmedGroup("al-Qaeda in the Islamic Maghreb (AQIM)",
               r"AQIM|[Aa]l[- ]?Qa'?[ie]da in the Islamic Maghreb", home="DZ ML NE MR LY TN"),
    ArmedGroup("al-Qaeda", r"[Aa]l[- ]?Qa'?eda|[Aa]l[- ]?Qa'?ida"),
    ArmedGroup("al-Nusra Front",
               r"[Aa]l[- ]?Nusra(?: Front)?|Nusra Front|Jabhat (?:al-?)?Nusra|"
               r"Jabhat Fateh al-?Sham",
               home="SY"),
    ArmedGroup("Hayat Tahrir al-Sham (HTS)", r"Hayat Tahrir al-?Sham|Tahrir al-?Sham|HTS",
               home="SY"),
    ArmedGroup("Houthi", r"Houthis?|Huthis?|Hawthis?|Ansar ?Allah", home="YE"),
    ArmedGroup("Fulani", r"Fulani", home=None),
    ArmedGroup("Hezbollah", r"Hezbollah|Hizbollah|Hizbullah|Hizballah", home="LB"),
    ArmedGroup("Hamas", r"Hamas", home="PS"),
    ArmedGroup("Kurdistan Workers' Party (PKK)", r"PKK|Kurdistan Workers'? Party", home="TR IQ"),
    ArmedGroup("Allied Democratic Forces (ADF)",
               r"ADF(?:-NALU)?|Allied Democratic Forces(?:[- ]National Army for the Liberation "
               r"of Uganda)?", home="UG CD"),
    ArmedGroup("Lord's Resistance Army (LRA)", r"LRA|Lord's Resistance Army",
               home="UG CF CD SS"),
    ArmedGroup("M23", r"M23|March 23 Movement", home="CD"),
    ArmedGroup("Democratic Forces for the Liberation of Rwanda (FDLR)",
               r"FDLR|Democratic Forces for the Liberation of Rwanda", home="RW CD"),
    ArmedGroup("anti-Balaka", r"[Aa]nti-?[Bb]alaka", home="CF"),
    ArmedGroup("Seleka", r"Seleka|ex-Seleka|Séléka", home="CF"),
    ArmedGroup("New People's Army (NPA)", r"NPA|New People's Army", home="PH"),
    ArmedGroup("Abu Sayyaf", r"Abu Sayyaf", home="PH"),
    ArmedGroup("Bangsamoro Islamic Freedom Fighters (BIFF)",
               r"BIFF|Bangsamoro Islamic Freedom Fighters", home="PH"),
    ArmedGroup("Moro Islamic Liberation Front (MILF)", r"MILF|Moro Islamic Liberation Front",
               home="PH"),
    ArmedGroup("Maoists", r"Maoists?|Naxal(?:ite)?s?|CPI \(Maoist\)", home="IN NP"),
    ArmedGroup("FARC", r"FARC|Revolutionary Armed Forces of Colombia", home="CO"),
    ArmedGroup("ELN", r"ELN|National Liberation Army", home="CO"),
    ArmedGroup("Lashkar-e-Jhangvi (LeJ)", r"Lashkar-[eiE]-Jhangvi|LeJ", home="PK"),
    ArmedGroup("Lashkar-e-Taiba (LeT)", r"Lashkar-[eiE]-Ta[iy]y?ba|LeT", home="PK IN"),
    ArmedGroup("Lashkar-i-Islam", r"Lashkar-[eiE]-Islam", home="PK"),
    ArmedGroup("Jaish-e-Mohammed (JeM)", r"Jaish-[eiE]-Moh?amm?ad|JeM", home="PK IN"),
    ArmedGroup("Hizbul Mujahideen", r"Hizb-?ul-? ?Mujahideen", home="IN PK"),
    ArmedGroup("Ahrar-ul-Hind", r"Ah?rar-ul-Hind", home="PK"),
    ArmedGroup("Baloch Liberation Army (BLA)", r"Balo?o?ch Liberation Army|BLA", home="PK"),
    ArmedGroup("Baloch Liberation Front (BLF)", r"Balo?o?ch Liberation Front|BLF", home="PK"),
    ArmedGroup("Baloch",
               r"Balo?o?chi?(?: separatists| militants| insurgents| rebels)", home="PK IR"),
    ArmedGroup("National Democratic Front of Bodoland (NDFB)",
               r"NDFB(?:\(S\)|-S)?|National Democratic Front of Bodoland", home="IN"),
    ArmedGroup("United Liberation Front of Asom (ULFA)",
               r"ULFA|United Liberation Front of As(?:om|sam)", home="IN"),
    ArmedGroup("National Movement for the Liberation of Azawad (MNLA)",
               r"MNLA|National Movement for the Liberation of Azawad", home="ML"),
    ArmedGroup("Movement for Oneness and Jihad in West Africa (MUJAO)",
               r"MUJAO|Movement for (?:Oneness|Unity) and Jihad in West Africa", home="ML NE"),
    ArmedGroup("Ansar Dine", r"Ansar Dine|Ansar Eddine", home="ML"),
    ArmedGroup("Al-Mourabitoun", r"[Aa]l-?Mourabitoun|[Aa]l-?Murabitoun", home="ML NE DZ"),
    ArmedGroup("Macina Liberation Front", r"Macina Liberation Front|FLM", home="ML"),
    ArmedGroup("JNIM", r"JNIM|Jama'?at Nusrat al-Islam wal-Muslimin", home="ML BF NE"),
    ArmedGroup("Ansar Bayt al-Maqdis", r"Ansar Bayt al-Maqdis|Ansar Beit al-Maqdis", home="EG"),
    ArmedGroup("Janjaweed", r"Janjaw[ei]+d", "state_allied", "SD"),
    ArmedGroup("Rapid Support Forces (RSF)", r"Rapid Support Forces|RSF", "state_allied", "SD"),
    ArmedGroup("Imbonerakure", r"Imbonerakure", "state_allied", "BI"),
    ArmedGroup("Shabiha", r"[Ss]habiha", "state_allied", "SY"),
    ArmedGroup("Civilian JTF", r"Civilian JTF|Civilian Joint Task Force|CJTF", "state_allied",
               "NG"),
    ArmedGroup("Popular Mobilisation Forces (PMF)",
               r"Hashd(?: al-Shaabi)?|Popular Mobili[sz]ation (?:Forces|Units)|PMF|PMU",
               "state_allied", "IQ"),
    ArmedGroup("Mai-Mai", r"Mayi[- ]Mayi|Mai[- ]Mai", home="CD"),
    ArmedGroup("SPLA-IO", r"SPLA-IO|SPLM-IO|SPLM/A-IO|SPLA-in-Opposition", home="SS"),
    ArmedGroup("White Army", r"[Ww]hite [Aa]rmy", home="SS"),
    ArmedGroup("Wagner Group", r"Wagner(?: Group)?", "transnational", "RU"),
    ArmedGroup("Revolutionary People's Liberation Party-Front (DHKP-C)",
               r"DHKP-?C|Revolutionary People's Liberation Party", home="TR"),
    ArmedGroup("Kurdistan Freedom Falcons (TAK)", r"TAK|Kurdistan Freedom Falcons", home="TR"),
    ArmedGroup("Barisan Revolusi Nasional (BRN)", r"BRN|Barisan Revolusi Nasional", home="TH"),
    ArmedGroup("Mara Salvatrucha (MS-13)", r"MS-13|Mara Salvatrucha", home="SV HN GT US"),
    ArmedGroup("Indigenous People of Biafra (IPOB)", r"IPOB|Indigenous People of Biafra",
               home="NG"),
)  # fmt: skip


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern ("A|B(?:c|d)": "A", "B(?:c|d)")."""
    out, depth, start, escaped = [], 0, 0, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def _any_case(pattern: str) -> str:
    """A pattern whose spelled-out names match in any case ("Boko haram", "al qaeda"), its
    acronyms and names that open with one ("IS fighters") as written (an acronym in lower
    case is most often a word: "has", "let")."""
    return "|".join(f"(?i:{alt})" if _spelled(alt) else alt for alt in _alternatives(pattern))


# First words of names that are English words too ("an Islamic state", "a new people's army"):
# such a name matches as capitalised.
_ENGLISH = re.compile(
    r"^(?:Islamic|Allied|Lord's|March|Democratic|New|Popular|Rapid|Revolutionary|Civilian|"
    r"Indigenous|United|National|Movement|White|Kurdistan)\b"
)


def _spelled(alt: str) -> bool:
    """Whether an alternative spells a name out (not an acronym, no English first word)."""
    return bool(
        re.search(r"[a-z]{2}", alt)
        and not re.match(r"[A-Z]{2,}\b", alt)
        and not _ENGLISH.match(alt)
    )


# A group's name ends a word, or goes on in a compound of its followers ("al-Qaeda-linked").
_AFTER_NAME = r"(?:(?![\w-])|(?=-(?:linked|affiliated|allied|aligned|backed|inspired)\b))"
_COMPILED = tuple(
    re.compile(r"\b(?:" + _any_case(g.pattern) + r")" + _AFTER_NAME) for g in ARMED_GROUPS
)


def patterns() -> tuple[tuple[re.Pattern[str], ArmedGroup], ...]:
    """Each group's compiled pattern (a match starts a word and ends one), with the group."""
    return tuple(zip(_COMPILED, ARMED_GROUPS, strict=True))


@lru_cache(maxsize=2048)
def group_of(name: str) -> ArmedGroup | None:
    """The group whose spelling ``name`` is ("ISIL": Islamic State), else ``None``."""
    for pattern, group in zip(_COMPILED, ARMED_GROUPS, strict=True):
        m = pattern.search(name)
        if m is not None and m.start() == 0 and m.end() == len(name):
            return group
    return None


def canonical(name: str) -> str:
    """The registry's name for ``name`` where it is a spelling of a group, else ``name``."""
    group = group_of(name)
    return group.name if group is not None else name
