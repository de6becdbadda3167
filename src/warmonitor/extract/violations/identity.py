"""To whom: the victims' identity where the report states it, with the words.

``find_identity`` reads a text for who the victims were beyond their number: community,
religion or ethnicity ("Shiite pilgrims", "Christian villagers"), occupation ("journalists",
"aid workers", "farmers"), status ("prisoners", "protesters", "displaced"), age and sex
("schoolgirls", "elderly"). Identity words count only where they describe those harmed: near the
act's victims, not the perpetrator ("Fulani herdsmen attacked Tiv farmers": Tiv farmers) nor
the source ("a journalist said").
"""

from __future__ import annotations

import re

from warmonitor.extract.gate import Lead, Words, gate
from warmonitor.model import VictimIdentity

__all__ = ["find_identity"]

_RELIGION = (
    r"Shi'?ites?|Shias?|Shi'a|Shi'i|Sunnis?|Christians?|Catholics?|Protestants?|Copts?|Coptic|Muslims?|"
    r"Moslems?|Hindus?|Sikhs?|Yazidis?|Yezidis?|Ahmadis?|Ahmadiyya|Alawites?|Druze|Jews|Jewish|"
    r"Buddhists?|Sufis?|Ismailis?|Assyrians?|Chaldeans?|Evangelicals?|Anglicans?"
)
_ETHNIC = (
    r"Hazaras?|Tiv|Berom|Dinka|Nuer|Kurds|Kurdish|Pashtuns?|Baloch|Rohingyas?|Uighurs?|Uyghurs?|"
    r"Tuaregs?|Igbos?|Yorubas?|Hausas?|Masalit|Zaghawa|Turkmens?|Shabaks?|Agatu|Fulanis?|Peuls?|"
    r"Dogons?|Hutus?|Tutsis?|Banyamulenge|Hema|Lendu|Murle|Lou Nuer|Oromos?|Amharas?|Tigrayans?|"
    r"Bantus?|Pokots?|Turkanas?|Kikuyus?|Luos?|Kalenjins?|Kanuris?|Jukuns?|Christian|"
    r"Han Chinese|Uzbeks?|Tajiks?|Arabs?|Bedouins?|Berbers?|Amazighs?|Somali Bantus?|"
    r"Karens?|Kachins?|Shans?|Rakhines?|Arakanese|Chins?|Nagas?|Bodos?|Adivasis?|Dalits?|"
    r"Tamils?|Sinhalese|Roma|Tatars?|Chechens?|Ingush|Ossetians?|Abkhaz|Maasai|"
    r"Zulus?|Xhosas?|Shona|Ndebele|Tigre|Afar|Acholi|Langi|Karamojong|Banyarwanda|"
    r"Pygmies|Twa|Bambara|Songhai|Bororo|Kanuri|Shabaks?|Mandaeans?|Baha'is?"
)
_OCCUPATION = (
    r"journalists?|reporters?|cameram[ae]n|photographers?|editors?|bloggers?|doctors?|nurses?|"
    r"medics?|health workers?|aid workers?|humanitarian workers?|polio (?:workers?|vaccinators?)|"
    r"vaccinators?|teachers?|lecturers?|professors?|farmers?|fishermen|traders?|merchants?|"
    r"herders?|herdsmen|miners?|workers|labou?rers|drivers?|lawyers?|judges?|prosecutors?|"
    r"politicians?|lawmakers?|legislators?|(?:member|members) of parliament|MPs?|senators?|"
    r"mayors?|governors?|councillors?|councilors?|officials?|candidates?|"
    r"(?:tribal|traditional|village|community) (?:elders?|leaders?|rulers?|chiefs?|heads?)|"
    r"elders?|chiefs?|district heads?|village heads?|clerics?|imams?|"
    r"pastors?|priests?|monks?|nuns?|"
    r"bishops?|preachers?|scholars?|activists?|human rights (?:defenders?|activists?)|"
    r"election (?:officials?|workers?)|poll workers?|tourists?|engineers?|businessm[ae]n|"
    r"shopkeepers?|shop owners?|vendors?|police (?:chiefs?|commanders?)|"
    r"students?|schoolchildren|pupils?|(?:local )?leaders?|ministers?|footballers?|athletes?|"
    r"sheikh?s?|(?:district|deputy|assistant|local|council) (?:chiefs?|heads?|directors?)|"
    r"head of (?:the )?(?:\w+ ){0,2}(?:council|department|office|committee|board|union)|"
    r"(?:member|members) of (?:the )?(?:\w+ ){0,2}(?:parliament|council|assembly)|"
    r"imams? of (?:a|the) mosque|"
    r"(?:government |civil |public |council |bank |company |hospital )?(?:employees|staff(?:ers)?|"
    r"servants)|(?:district |deputy |assistant |police )?commissioners?|(?:school )?principals?|"
    r"headm[ae]n|magistrates?|musicians?|contractors|bankers|social workers|"
    r"diplomats?|ambassadors?|consuls?|administrators?|broadcasters?|presenters?|anchors?|"
    r"advis[eo]rs?|deminers?|de-miners?|surveyors?|pharmacists?|paramedics?|"
    r"ambulance (?:drivers?|workers?|crews?)|firefighters?|rescuers?|rescue workers?|"
    r"interpreters?|translators?|watchm[ae]n|"
    r"security guards?|bodyguards?|mechanics?|carpenters?|tailors?|butchers?|bakers?|"
    r"loggers?|woodcutters?|porters?|cobblers?|barbers?|(?:taxi |bus |truck |"
    r"lorry )?drivers?|(?:construction|factory|garment|oil|road|farm|mine|gas|dock|"
    r"sanitation|municipal|domestic) workers?|(?:charcoal|fuel|water|street) (?:sellers?|"
    r"vendors?)|"
    r"(?:deputy |assistant |executive |chief )?(?:controllers?|directors?|chairm[ae]n|"
    r"chairpersons?|secretar(?:y|ies)|coordinators?|organi[sz]ers?|managers?)|"
    r"(?:nursing|medical|judicial|education|health|"
    r"election|electoral|district|revenue|customs|forest|prison) officers?"
)
_STATUS = (
    r"prisoners?|inmates?|detainees?|protesters|protestors|demonstrators|"
    r"displaced(?: people| persons)?|"
    r"IDPs?|refugees?|migrants?|asylum seekers?|worshipp?ers?|pilgrims?|mourners?|"
    r"wedding (?:guests|party|goers)|passengers?|patients?|villagers?|residents?|fans?|"
    r"shoppers?|commuters?|bystanders?|hostages?|civilians?|pro-[\w-]+ protesters|supporters?|"
    r"motorists?|foreign nationals|squatters?|settlers?|nomads?|"
    r"opposition (?:supporters|activists|members)|dissidents?|defectors?|"
    r"returnees|evacuees|orphans|widows|voters"
)
_AGE_SEX = (
    r"schoolgirls?|schoolboys?|children|child|girls?|boys?|women|woman|female|elderly|"
    r"teenagers?|teens?|toddlers?|infants?|babies|youths?|minors?"
)
# A place of worship or a neighbourhood that tells the community ("a Shiite mosque").
_SITES = r"mosques?|churches?|neighbou?rhoods?|districts?|areas?|villages?|towns?|shrines?|temples?"

_COMMUNITY = re.compile(
    r"\b(?:mostly |predominantly |largely |mainly )?(?P<community>(?:non-)?(?:"
    + _RELIGION
    + "|"
    + _ETHNIC
    + r"))\b"
    r"(?:[- ](?:Muslims?|Christians?|Shiites?|Sunnis?|majority|dominated|populated)\b)?"
    r"(?:\s+(?:(?:" + _OCCUPATION + "|" + _STATUS + "|" + _AGE_SEX + "|" + _SITES + r")\b))?",
)
_ROLE_WORDS = r"(?i:" + _OCCUPATION + r")(?:\s+(?i:" + _OCCUPATION + r"))?\b"
_ROLE = re.compile(
    r"\b(?:(?:female|male|local|prominent|senior|former|young|elderly|pro-[\w-]+|"
    r"(?!(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|Many|Some|The|An?|"
    r"Dozens|Scores|Hundreds|Police|Officials|Suspected|Alleged|Unknown|Unidentified|Armed|"
    r"Masked|Gunmen|Militants|Rebels)\b)[A-Z][a-z]+)\s+){0,2}" + _ROLE_WORDS,
)
# A role starts at most two words (its modifiers) before its occupation (``gate.py``).
_ROLE_LEAD = Lead(_ROLE, re.compile(r"\b" + _ROLE_WORDS), 2)
# People named by their nation, abroad or at home: "five Pakistani men", "Afghans attempting
# to cross", "Sudanese workers" (a nation's people, not its forces or officials).
_DEMONYMS = (
    r"Afghans?|Pakistanis?|Iranians?|Iraqis?|Syrians?|Indians?|Bangladeshis?|Nepalis?|"
    r"Chinese|Filipinos?|Indonesians?|Egyptians?|Libyans?|Sudanese|Chadians?|Nigerians?|"
    r"Nigeriens?|Malians?|Ugandans?|Kenyans?|Somalis?|Ethiopians?|Eritreans?|Congolese|"
    r"Rwandans?|Burundians?|Cameroonians?|Ghanaians?|Senegalese|Mauritanians?|Algerians?|"
    r"Moroccans?|Tunisians?|Turks|Turkish|Yemenis?|Saudis?|Palestinians?|Israelis?|"
    r"Lebanese|Jordanians?|Ukrainians?|Russians?|Americans?|British|French|Germans?|"
    r"Burkinabes?|Ivorians?|Zimbabweans?|Mozambicans?|Malawians?|Tanzanians?|"
    r"Kuwaitis?|Qataris?|Emiratis?|Bahrainis?|Omanis?|Georgians?|Armenians?|Azerbaijanis?|"
    r"Kazakhs?|Kyrgyz|Thais?|Vietnamese|Cambodians?|Burmese|Malaysians?|Sri Lankans?|"
    r"Japanese|Koreans?|Australians?|Canadians?|Mexicans?|Colombians?|Venezuelans?|"
    r"Brazilians?|Peruvians?|Hondurans?|Guatemalans?|Salvadorans?|Haitians?|Italians?|"
    r"Spaniards?|Dutch|Belgians?|Swedes?|Norwegians?|Finns|Finnish|Danes|Danish|Swiss|"
    r"Austrians?|Poles|Polish|Czechs?|Greeks?|Serbs?|Croats?|Bosnians?|Albanians?|"
    r"Romanians?|Bulgarians?|Hungarians?|Belarusians?|Moldovans?|South Africans?|"
    r"Namibians?|Zambians?|Angolans?|Gabonese|Togolese|Beninese|Liberians?|"
    r"Sierra Leoneans?|Guineans?|Gambians?|Central Africans?|South Sudanese|Djiboutians?"
)
_NATIONALS = re.compile(
    r"\b(" + _DEMONYMS + r")(?:\s+(?:men|women|nationals|citizens|workers|labou?rers|"
    r"migrants|traders|dissidents|pilgrims|tourists|refugees|civilians|villagers|"
    r"engineers|truck drivers|drivers|fishermen|students|immigrants|expatriates))?"
    r"(?=\s+(?:were|was|have been|had been|who|attempting|trying|living|working|killed|dead)"
    r"|\s*[,.;])"
)
# A community named by what it is: "the Jukun tribe", "members of the Alpha clan", "the Beta
# ethnic group" (its name capitalised, one or two words). Not "the X community": in wire copy
# that is most often a village named for its place.
_PEOPLE = (
    r"(?:(?:sub-?)?(?:tribe|clan)s?|(?:ethnic|religious) (?:group|community|minority)s?|"
    r"minority|minorities|"
    r"tribesmen|clansmen|(?:sub-)?castes?)\b"
)
_GROUP_OF_PEOPLE = re.compile(
    r"\b(?P<name>(?-i:[A-Z][\w'-]+)(?:\s(?-i:[A-Z][\w'-]+))?)\s+" + _PEOPLE, re.IGNORECASE
)
# Its name is two words at most (``gate.py``).
_GROUP_LEAD = Lead(_GROUP_OF_PEOPLE, re.compile(r"\b" + _PEOPLE, re.IGNORECASE), 2)
# Capitalised words before "tribe" or "clan" that name no people ("The", "Local", "Muslim" is
# read as a religion).
_NOT_A_NAME = re.compile(
    r"^(?:The|A|An|This|That|Its|Their|His|Her|Local|Host|International|Business|Rival|"
    r"Minority|Majority|Whole|Entire|Affected|Two|Three|Several|Some|Other|Both|Each|Every|"
    r"One|Many|Police|Security|Army|Military|Government|Four|Five|Six|Seven|Eight|Nine|Ten|"
    r"Eleven|Twelve|Dozens|Scores|Hundreds|[\w-]+-origin)\b"
)
_STATUS_RE = re.compile(r"\b(?:" + _STATUS + "|" + _AGE_SEX + r")\b", re.IGNORECASE)
_GENERIC_STATUS = re.compile(
    r"^(?:civilians?|residents?|villagers?|people|passengers?|bystanders?|supporters?|fans?|"
    r"children|child|women|woman|girls?|boys?|youths?|minors?|teens?|teenagers?|infants?|"
    r"babies|toddlers?|elderly|female|workers)$",
    re.IGNORECASE,
)
# Words that make a nearby identity the perpetrator's or the source's, not the victims'.
_NOT_VICTIM_AFTER = re.compile(
    r"\s*:|\s+(?:account|sources?|statement|figures?)\b|"
    r"\s*(?:,\s*(?:\w+\s+){0,2}(?:night|morning|evening|afternoon|yesterday|today|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*,\s*)?"
    r"(?:\w+\s+){0,2}(?:said|says|told|reported|claimed|attacked|"
    r"killed|stormed|opened|shot|gunmen|militants|herdsmen|militia|fighters|extremists|group|"
    r"insurgents|rebels|invaded|raided|ambushed|abducted|kidnapped|torched|burnt|burned|"
    r"hacked|razed|beheaded|launched|carried out|set fire|struck again|went on)\b",
    re.IGNORECASE,
)
_PASSIVE_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}(?:were|was|have been|had been|has been|being)\b|,\s+(?:\w+\s+){0,4}"
    r"(?:was|were) (?:found|shot|killed|gunned|beheaded|abducted)"
)
# Words before that make the identity the target: "a bombing targeting a police chief".
_TARGET_BEFORE = re.compile(
    r"\b(?:targeting|targeted|against|killing|killed|shot|shooting|abducted|kidnapped|"
    r"beheaded|assassinated|executed|murdered|wounding|attack(?:ed|s)? on|ambushed|"
    r"(?:killing|killings|murder|assassination|abduction|kidnapping|death|deaths|bodies|body|"
    r"beheading|execution|massacre) of|(?:fired|opened fire) (?:at|on)|attacked|stormed|"
    r"raided|bombed|shelled|including|among the (?:dead|victims|killed))\s+"
    r"(?:(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|"
    r"at least|some|dozens of|scores of)\s+)*$",
    re.IGNORECASE,
)
_NOT_VICTIM_BEFORE = re.compile(
    r"\b(?:by|according to|told|said|from|led by|suspected|blamed on|(?:believed|thought|"
    r"alleged|suspected) to (?:be|have been))\s+(?:\w+\s+){0,3}$|\baccording to\s+(?:\w+\s+){0,5}$",
    re.IGNORECASE,
)
_HARM = re.compile(
    r"\b(?:killed|kill|killing|dead|died|shot|wounded|injured|attacked|attack|targeted|"
    r"targeting|abducted|kidnapped|massacred|murdered|slain|executed|beheaded|hacked|stabbed|"
    r"bomb|blast|explosion|suicide|gunmen|victims?|bodies|body|slaughtered|gunned|"
    r"assassinated|lynched|burnt|burned|strangled|killings?)\b",
    re.IGNORECASE,
)


def find_identity(
    text: str,
    lead_end: int | None = None,
    *,
    doer: str | None = None,
    words: Words | None = None,
) -> VictimIdentity | None:
    """The victims' stated identity in ``text`` (its lead, up to ``lead_end``, first).

    ``doer``: the perpetrator's words, where known; its community is not the victims' ("Fulani
    herdsmen killed ten": the Fulani did it). ``words``: the text's word beginnings, where the
    caller has them (``gate.py``)."""
    if not _HARM_GATE.search(text, words):
        return None
    end = len(text) if lead_end is None else lead_end
    theirs = _doer_words(doer)
    found = _in(text, 0, end, words, theirs)
    if found is None and end < len(text):
        # past the lead only a community counts: later sentences name sources, officials and
        # background people more often than the victims' trade
        found = _in(text, end, len(text), words, theirs, community_only=True)
    return found


def _doer_words(doer: str | None) -> frozenset[str]:
    """The words of the doer's name that could name a community (singular, lower case)."""
    if not doer:
        return frozenset()
    return frozenset(_stem(w) for w in re.findall(r"[A-Z][\w']+", doer))


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _theirs(words: str, theirs: frozenset[str]) -> bool:
    return bool(theirs) and any(_stem(w) in theirs for w in re.findall(r"[\w']+", words))


# Each pattern's gate: it runs only where a word of the text begins as a match of it would.
_COMMUNITY_GATE, _NATIONALS_GATE, _STATUS_GATE, _HARM_GATE = (
    gate(_COMMUNITY), gate(_NATIONALS), gate(_STATUS_RE), gate(_HARM))  # fmt: skip


def _in(
    text: str,
    a: int,
    b: int,
    words: Words | None,
    theirs: frozenset[str] = frozenset(),
    community_only: bool = False,
) -> VictimIdentity | None:
    for m in _COMMUNITY_GATE.finditer(text, words, a, b):
        if _theirs(m.group(0), theirs):
            continue
        if _part_of_a_name(text, m.start("community"), m.end()) and not _SHARE_OF.search(
            m.group(0)
        ):
            continue
        if _victim_place(text, m.start(), m.end()):
            return _identity(m.group(0).strip(), m.start(), m.end(), community=m.group("community"))
    for m in _NATIONALS_GATE.finditer(text, words, a, b):
        if _theirs(m.group(1), theirs):
            continue
        if _victim_place(text, m.start(), m.end()):
            return _identity(m.group(0).strip(), m.start(), m.end(), community=m.group(1))
    for m in _GROUP_LEAD.finditer(text, words, a, b):
        name = m.group("name")
        if _NOT_A_NAME.match(name) or _theirs(name, theirs):
            continue
        if _victim_place(text, m.start(), m.end()):
            return _identity(m.group(0).strip(), m.start(), m.end(), community=name)
    if community_only:
        return None
    for m in _PARTY_LEAD.finditer(text, words, a, b):
        if _victim_place(text, m.start(), m.end()):
            party = m.group("party") or m.group("party2")
            return _identity(m.group(0).strip(), m.start(), m.end(), status=party)
    for m in _ROLE_LEAD.finditer(text, words, a, b):
        head = m.group(0).strip()
        if _victim_place(text, m.start(), m.end()) and not _GENERIC_STATUS.match(head):
            return _identity(head, m.start(), m.end(), occupation=head)
    for m in _STATUS_GATE.finditer(text, words, a, b):
        word = m.group(0)
        if _GENERIC_STATUS.match(word):
            continue
        if _victim_place(text, m.start(), m.end()):
            return _identity(word, m.start(), m.end(), status=word)
    return None


# Members of a political party or movement: "supporters of the Alpha Party (AP)", "Beta
# Congress members"; the label is the party's name.
_PARTY_WORD = r"(?-i:Party|Congress|League|Movement|Front|Alliance|Union|Brotherhood|Council)\b"
_PARTY_NAME = r"(?:(?-i:[A-Z][\w'-]+)\s+){1,5}" + _PARTY_WORD + r"(?:\s+of\s+(?-i:[A-Z][\w'-]+))?"
_PARTY = re.compile(
    r"\b(?:members?|supporters?|activists?|chieftains?|leaders?|officials?|workers?|"
    r"candidates?|loyalists?|followers?)\s+of\s+(?:the\s+)?(?P<party>" + _PARTY_NAME + r")"
    r"(?:\s*\([A-Z][\w-]{1,10}\))?|\b(?P<party2>" + _PARTY_NAME + r")(?:\s*\([A-Z][\w-]{1,10}\))?"
    r"\s+(?:members|supporters|activists|chieftains?|leaders?|officials?|workers|candidates?|"
    r"loyalists|followers)\b",
    re.IGNORECASE,
)
# Its words start at most eight words before the party's word ("supporters of the" and five).
_PARTY_LEAD = Lead(_PARTY, re.compile(r"\b" + _PARTY_WORD, re.IGNORECASE), 8)
# After a community's word, what makes it part of a proper name or a place ("the Beta
# Brotherhood", "Gamma Local Government Area"), not people: a capitalised word that is not a
# day or a month.
_NAME_GOES_ON = re.compile(
    r"(?:[ -](?-i:[A-Z][\w'-]+)){0,3}[ -](?:local government|local council|LGA|county|state|"
    r"province|region|division|district|governorate|kingdom|republic|capital|government|"
    r"authorities|army|military|forces|security|police|troops|soldiers|president|party|league|"
    r"movement|brotherhood|association|council|front|union|congress|organi[sz]ation|society|"
    r"federation|committee|alliance|brigades?|corps|tehrik|jamaat|coalition|fighters|"
    r"militia\w*|rebels?|insurgents?|extremists?|militants?|armed|gunmen)\b",
    re.IGNORECASE,
)
# Before it: a place's first word ("Lake Alpha", "East Beta") or a side taken ("pro-Gamma").
_NAME_BEFORE = re.compile(
    r"(?:\b(?-i:Lake|Mount|River|East|West|North|South|Central|Upper|Lower|Greater)\s+|"
    r"\b(?:pro|anti)-)$",
    re.IGNORECASE,
)


_SHARE_OF = re.compile(r"-(?:majority|dominated|populated)$")


def _part_of_a_name(text: str, start: int, end: int) -> bool:
    """Whether a community's word at ``[start, end)`` is part of a name, a place or a force
    ("the Alpha Muslim League", "Lake Beta", "Kurdish forces"), not the people harmed."""
    if _NAME_GOES_ON.match(text, end):
        return True
    return bool(_NAME_BEFORE.search(text[max(0, start - 20) : start]))


def _identity(words: str, start: int, end: int, **fields: str) -> VictimIdentity:
    return VictimIdentity(words, start=start, end=end, **fields)


_SITE = re.compile(r"\b(?:" + _SITES + r")\b", re.IGNORECASE)
_SIDE_OF_FIGHT = re.compile(
    r"\b(?:clash(?:es)?|fighting|violence|battles?|feud|shootout|fight)\s+(?:\w+\s+){0,3}"
    r"(?:between|pitting)\s+(?:[^,.;]{0,40}?\band\s+)?(?:the\s+|a\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_SPEAKS_AFTER = re.compile(
    r"[^.;:]{0,50}?\b(?:said|told|says|say|stated|confirmed|reported|announced|added)\b",
    re.IGNORECASE,
)


def _victim_place(text: str, start: int, end: int) -> bool:
    """Whether the words at ``[start, end)`` describe those harmed, not the doer or a source
    ("the governor said", "officials in the province told")."""
    if _PASSIVE_AFTER.match(text, end):  # "journalists were shot": the harmed
        return True
    if _TARGET_BEFORE.search(text[max(0, start - 50) : start]):
        return True
    if _SIDE_OF_FIGHT.search(text[max(0, start - 60) : start]):
        return False  # "clashes between Muslim and Christian communities": sides, not victims
    if _SITE.search(text, start, end):  # "a Shiite mosque killed": a place does nothing
        return not _NOT_VICTIM_BEFORE.search(text[max(0, start - 50) : start])
    if _NOT_VICTIM_AFTER.match(text, end):
        return False
    speaks = _SPEAKS_AFTER.match(text, end)
    if speaks is not None and not _HARM.search(speaks.group(0)):
        return False
    return not _NOT_VICTIM_BEFORE.search(text[max(0, start - 50) : start])
