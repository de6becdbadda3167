"""The vocabulary of the count grammar: word lists and phrases that decide a number's kind.

Months, qualifier phrases and their effect, and the words before or after a number that make
it a year, an age, an id, money or no count at all (see ``docs/COUNTS.md``).
"""

from __future__ import annotations

from warmonitor.extract.numbers import CARDINALS

__all__ = [
    "AGE_PREV",
    "CHILD_WORDS",
    "COUNTED_NOUNS",
    "CURRENCY_PREV",
    "DECADE_AGE_PREV",
    "DOTTED_QUALIFIERS",
    "ID_PREV",
    "MONTHS",
    "MONTH_RE",
    "ONE_PREV_EXCLUDE",
    "PUNCT_END",
    "QUALIFIERS",
    "STARTS",
    "WAR_NOUNS",
    "WEEKDAYS",
    "YEAR_PREV",
]


def _words(words: str) -> frozenset[str]:
    """A vocabulary written as whitespace-separated words."""
    return frozenset(words.split())


def _phrases(phrases: str) -> tuple[tuple[str, ...], ...]:
    """Phrases separated by "|", each as a tuple of lowercase words."""
    return tuple(tuple(p.split()) for p in phrases.split("|"))


MONTHS = _words("""
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""")
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)

# Qualifiers before the number (lowercase word tuples) → their effect, see ``qualifiers.qualify``.
QUALIFIERS: dict[tuple[str, ...], str] = {
    phrase: effect
    for effect, phrases in {
        "at_least": """at least | no fewer than | no less than | not fewer than | not less than
            | a minimum of | at the very least | at the least | at a minimum""",
        "more_than": """more than | over | upwards of | upward of | in excess of | above
            | greater than | well over | well above | well in excess of | far more than
            | many more than | more then | north of""",
        "approx": """about | around | some | roughly | approximately | approx. | approx
            | an estimated | estimated | nearly | almost | close to | closer to | just under
            | just over | just below | just above | slightly more than | slightly over
            | slightly less than
            | slightly fewer than | a little over | a little more than | a little under
            | a little less than | approaching | circa | ca. | c. | in the region of
            | on the order of | of the order of | more or less | an approximate | roughly some
            | almost exactly | just about | somewhere around""",
        "up_to": """up to | as many as | as much as | at most | no more than | not more than
            | a maximum of | at the most | as high as | at the maximum""",
        "fewer": "fewer than | less than | under | below | fewer then | less then",
    }.items()
    for phrase in _phrases(phrases)
}

YEAR_PREV = _words("""
    in since until till by from during before after of early late mid mid- summer spring
    autumn fall winter year the to and between through throughout circa around for election
    elections
""")
# Words after a four-digit number that make it a count ("2000 people"), not a year.
COUNTED_NOUNS = _words("""
    people persons civilians residents refugees children women men soldiers troops fighters
    militants rebels members police policemen officers protesters demonstrators deaths dead
    casualties victims bodies killed wounded injured others more prisoners detainees migrants
    families households homes houses buildings displaced inhabitants individuals combatants
    insurgents jihadists youths students workers journalists doctors patients pilgrims
    worshippers villagers passengers personnel servicemen recruits gunmen attackers died have
    were are had lives Syrians Palestinians Ukrainians Iraqis Afghans Yemenis Sudanese Israelis
    Russians Kurds
""")
CHILD_WORDS = _words(
    "children child boys girls kids minors youths teenagers those anyone people aged"
)
AGE_PREV = _words("aged age ages ageing aging")
ID_PREV = _words("""
    resolution resolutions decree law article articles chapter section clause paragraph no.
    no nos. number # flight route highway road motorway brigade division battalion regiment
    squadron unit corps gate building block sector zone camp checkpoint station platform room
    apartment flat floor level phase stage version model page pages p. pp. line bus channel
    district hill height heights unscr protocol annex item vol. volume tower kilometre
    kilometer km mile junction exit track lane terminal resolution's grade class category type
    mark mk covid sars
""")
CURRENCY_PREV = _words("""
    $ us$ usd eur € £ gbp syp iqd lbp uah rub rs rs. inr sar aed try ils nis irr yer sdg cad
    aud ¥ ₴ ₽ ₪ ₺ chf egp jod afn pkr ngn kes etb mmk
""")
# Nouns after "N-year-old" that make it the age of a war (a duration), not of a person.
WAR_NOUNS = _words("""
    conflict war civil crisis insurgency uprising revolution siege blockade occupation struggle
    campaign dispute truce ceasefire cease-fire rule regime standoff stand-off feud stalemate
    fighting violence rebellion intifada embargo insurrection revolt unrest military armed
    offensive operation invasion bombardment deadlock peace agreement accord mandate presence
    government dictatorship
""")
ONE_PREV_EXCLUDE = _words("""
    the this that which what whichever every any each another no someone everyone anyone last
    either neither
""")

WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

# Words that start a number phrase (with the cardinals), see ``counts.patterns.CANDIDATE``.
STARTS = CARDINALS | _words("""
    a an half no nobody none tens hundreds dozens thousands millions billions scores several
    many quite
""")
DOTTED_QUALIFIERS = frozenset({"approx.", "ca.", "c."})
PUNCT_END = frozenset(",;:!?)]}\"”'’»›″")
DECADE_AGE_PREV = frozenset({"his", "her", "their", "early", "mid", "mid-", "late", "its"})
