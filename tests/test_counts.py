"""Numbers and count phrases: parse_number, find_counts and the conventions of docs/COUNTS.md."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmonitor.extract.counts import (
    ARTICLE_ONE,
    COUNT_KINDS,
    CountMention,
    article_count,
    find_counts,
)
from warmonitor.extract.numbers import parse_number
from warmonitor.model import Count

# --------------------------------------------------------------------------------------------
# An English speller written independently of the parser.

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_100(n: int, hyphen: bool) -> str:
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (("-" if hyphen else " ") + _ONES[ones] if ones else "")


def _below_1000(n: int, use_and: bool, hyphen: bool) -> str:
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds:
        words.append(f"{_ONES[hundreds]} hundred")
    if rest:
        if hundreds and use_and:
            words.append("and")
        words.append(_below_100(rest, hyphen))
    return " ".join(words)


def spell(n: int, *, use_and: bool = False, hyphen: bool = True) -> str:
    """English words for ``0 <= n < 10**9``: "two million three hundred and five"."""
    if n == 0:
        return "zero"
    words: list[str] = []
    rest = n
    for value, name in ((10**6, "million"), (10**3, "thousand"), (1, "")):
        chunk, rest = divmod(rest, value)
        if not chunk:
            continue
        if value == 1 and words and chunk < 100 and use_and:
            words.append("and")  # British "one thousand and five"
        words.append(_below_1000(chunk, use_and, hyphen) + (f" {name}" if name else ""))
    return " ".join(words)


def test_speller_itself() -> None:
    assert spell(1383, use_and=True) == "one thousand three hundred and eighty-three"
    assert spell(2_000_005, use_and=True) == "two million and five"
    assert spell(45, hyphen=False) == "forty five"


def counts_of(text: str) -> list[CountMention]:
    return [m for m in find_counts(text) if m.kind == "count"]


def only_count(text: str) -> CountMention:
    found = counts_of(text)
    assert len(found) == 1, (text, found)
    return found[0]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in find_counts(text)]


# --------------------------------------------------------------------------------------------
# parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,000", 1000),
        ("745", 745),
        ("12 000", 12000),
        ("12\u2009000", 12000),
        ("12\u00a0000", 12000),
        ("1.000", 1000),
        ("2.500.000", 2_500_000),
        ("1.2 million", 1_200_000),
        ("2.5 thousand", 2500),
        ("1.5m", 1_500_000),
        ("2bn", 2_000_000_000),
        ("5k", 5000),
        ("two hundred", 200),
        ("one thousand three hundred and eighty-three", 1383),
        ("twenty-five", 25),
        ("Twenty-Five", 25),
        ("twenty five", 25),
        ("a dozen", 12),
        ("a hundred", 100),
        ("a thousand", 1000),
        ("a million", 1_000_000),
        ("2 million", 2_000_000),
        ("3 thousand", 3000),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("half a million", 500_000),
        ("twelve hundred", 1200),
        ("a hundred thousand", 100_000),
        ("zero", 0),
        ("two thousand and five", 2005),
        ("1.500 million", 1_500_000),
        ("0", 0),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1.2",
        "2.5",
        "a couple",
        "a few",
        "dozens",
        "hundreds",
        "several",
        "second",
        "first",
        "twenty-first",
        "1st",
        "3rd",
        "five five",
        "one hundred and",
        "a",
        "many",
        "hundred",
        "1,2",
        "two-thirds",
        "1.2345 thousand",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@given(st.integers(0, 999_999_999), st.booleans(), st.booleans())
def test_spelled_numbers_round_trip(n: int, use_and: bool, hyphen: bool) -> None:
    words = spell(n, use_and=use_and, hyphen=hyphen)
    assert parse_number(words) == n
    assert parse_number(words.upper()) == n


@given(st.integers(0, 999_999_999), st.booleans())
def test_spelled_numbers_found_in_sentences(n: int, use_and: bool) -> None:
    words = spell(n, use_and=use_and)
    text = f"Officials said {words} people were killed."
    m = only_count(text)
    assert (m.count.low, m.count.high, m.count.approximate) == (n, n, False)
    assert m.count.text == words == text[m.start : m.end]


@given(st.integers(0, 10**12))
def test_digit_groups_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}".replace(",", " ")) == n


@given(st.integers(0, 10**12))
def test_digit_groups_found_in_sentences(n: int) -> None:
    text = f"The toll rose to {n:,} people, the ministry said."
    m = only_count(text)
    assert (m.count.low, m.count.high) == (n, n)
    assert m.count.text == f"{n:,}"


# --------------------------------------------------------------------------------------------
# Qualifiers: the conventions of docs/COUNTS.md, for any N

_QUALIFIED = {
    "at least": lambda n: (n, None, False),
    "no fewer than": lambda n: (n, None, False),
    "a minimum of": lambda n: (n, None, False),
    "more than": lambda n: (n + 1, None, False),
    "over": lambda n: (n + 1, None, False),
    "upwards of": lambda n: (n + 1, None, False),
    "in excess of": lambda n: (n + 1, None, False),
    "about": lambda n: (n, n, True),
    "around": lambda n: (n, n, True),
    "some": lambda n: (n, n, True),
    "roughly": lambda n: (n, n, True),
    "approximately": lambda n: (n, n, True),
    "an estimated": lambda n: (n, n, True),
    "nearly": lambda n: (n, n, True),
    "almost": lambda n: (n, n, True),
    "close to": lambda n: (n, n, True),
    "just under": lambda n: (n, n, True),
    "up to": lambda n: (n, n, True),
    "as many as": lambda n: (n, n, True),
    "no more than": lambda n: (n, n, True),
    "fewer than": lambda n: (0, n - 1, False),
    "less than": lambda n: (0, n - 1, False),
}


@given(st.sampled_from(sorted(_QUALIFIED)), st.integers(1, 10**9), st.booleans())
def test_qualifiers_for_any_number(qualifier: str, n: int, capital: bool) -> None:
    phrase = f"{qualifier} {n:,}"
    if capital:
        phrase = phrase[0].upper() + phrase[1:]
    m = only_count(f"{phrase} people were killed in the attack.")
    assert (m.count.low, m.count.high, m.count.approximate) == _QUALIFIED[qualifier](n)
    assert m.count.text == phrase
    assert m.start == 0


@given(st.integers(1, 10**6), st.integers(1, 10**6))
def test_between_any_two_numbers(a: int, b: int) -> None:
    low, high = min(a, b), max(a, b) + 1
    m = only_count(f"between {low:,} and {high:,} fighters were killed")
    assert (m.count.low, m.count.high) == (low, high)
    assert m.count.text == f"between {low:,} and {high:,}"


@given(st.integers(1, 10**6))
def test_or_more_and_plus(n: int) -> None:
    for phrase in (f"{n:,} or more", f"{n:,}-plus", f"{n:,}+"):
        m = only_count(f"{phrase} people")
        assert (m.count.low, m.count.high) == (n, None)
        assert m.count.text == phrase


def test_design_conventions() -> None:
    """The conventions that must hold exactly."""
    assert only_count("at least 200 people").count == Count(200, None, "at least 200")
    assert only_count("more than 200 people").count == Count(201, None, "more than 200")
    assert only_count("about 200 people").count == Count(200, 200, "about 200", True)
    assert only_count("dozens of youths").count == Count(24, 99, "dozens")
    assert only_count("hundreds of people").count == Count(200, 999, "hundreds")
    assert only_count("two hundred people").count == Count(200, 200, "two hundred")
    assert only_count("1,383 people").count == Count(1383, 1383, "1,383")


def test_seed_sentence() -> None:
    text = "More than 1,000 people have been killed in two days of clashes"
    found = find_counts(text)
    counts = [m for m in found if m.kind == "count"]
    assert len(counts) == 1
    m = counts[0]
    assert m.count == Count(1001, None, "More than 1,000")
    assert (m.start, m.end) == (0, 15)
    assert text[m.number_start : m.number_end] == "1,000"
    assert m.count.low == 1001 and m.count.open
    assert ("two days", "duration") in kinds(text)


def test_seed_sentence_words() -> None:
    m = only_count("at least two hundred of their members were killed")
    assert m.count == Count(200, None, "at least two hundred")
    assert m.text == "at least two hundred"


# --------------------------------------------------------------------------------------------
# Phrase types


@pytest.mark.parametrize(
    ("text", "phrase", "low", "high", "approx"),
    [
        ("Some 200 people died", "Some 200", 200, 200, True),
        ("roughly 3,000 were displaced", "roughly 3,000", 3000, 3000, True),
        ("approx. 40 fighters", "approx. 40", 40, 40, True),
        ("c. 40 fighters", "c. 40", 40, 40, True),
        ("~200 killed", "~200", 200, 200, True),
        ("300 or so people", "300 or so", 300, 300, True),
        ("20-odd soldiers", "20-odd", 20, 20, True),
        ("thirty-odd soldiers", "thirty-odd", 30, 30, True),
        ("just over 1,000 people", "just over 1,000", 1000, 1000, True),
        ("well over 1,000 people", "well over 1,000", 1001, None, False),
        ("not less than 50 people", "not less than 50", 50, None, False),
        ("a maximum of 30 people", "a maximum of 30", 30, 30, True),
        ("under 10 people", "under 10", 0, 9, False),
        ("10 or fewer people", "10 or fewer", 0, 10, False),
        ("10 to 15 people", "10 to 15", 10, 15, False),
        ("10-15 people", "10-15", 10, 15, False),
        ("10 – 15 people", "10 – 15", 10, 15, False),
        ("5,000-6,000 troops", "5,000-6,000", 5000, 6000, False),
        ("two or three soldiers", "two or three", 2, 3, False),
        ("one or two shells", "one or two", 1, 2, False),
        ("between 2 and 3 million people", "between 2 and 3 million", 2_000_000, 3_000_000, False),
        ("2-3 million people", "2-3 million", 2_000_000, 3_000_000, False),
        ("between two and three hundred", "between two and three hundred", 200, 300, False),
        ("about 20 to 30 people", "about 20 to 30", 20, 30, True),
        ("more than a dozen people", "more than a dozen", 13, None, False),
        ("over a hundred people", "over a hundred", 101, None, False),
        ("about a dozen people", "about a dozen", 12, 12, True),
        ("half a dozen people", "half a dozen", 6, 6, False),
        ("two dozen people", "two dozen", 24, 24, False),
        ("1.5m refugees", "1.5m", 1_500_000, 1_500_000, False),
        ("5m people", "5m", 5_000_000, 5_000_000, False),
        ("1.2 million people", "1.2 million", 1_200_000, 1_200_000, False),
        ("2.5 thousand people", "2.5 thousand", 2500, 2500, False),
        ("12 000 refugees", "12 000", 12000, 12000, False),
        ("1.000 dead", "1.000", 1000, 1000, False),
        ("at least 2013 people", "at least 2013", 2013, None, False),
        ("killing 2000 civilians", "2000", 2000, 2000, False),
        ("a thousand dead", "a thousand", 1000, 1000, False),
        ("zero deaths", "zero", 0, 0, False),
    ],
)
def test_count_phrases(text: str, phrase: str, low: int, high: int | None, approx: bool) -> None:
    m = only_count(text)
    assert m.count == Count(low, high, phrase, approx)
    assert text[m.start : m.end] == phrase


@pytest.mark.parametrize(
    ("phrase", "low", "high"),
    [
        ("dozens", 24, 99),
        ("scores", 40, 99),
        ("tens", 20, 99),
        ("hundreds", 200, 999),
        ("thousands", 2000, 9999),
        ("tens of thousands", 20_000, 99_999),
        ("hundreds of thousands", 200_000, 999_999),
        ("millions", 2_000_000, 9_999_999),
        ("several", 3, 9),
        ("a few", 2, 5),
        ("a couple", 2, 3),
        ("a handful", 2, 5),
        ("several hundred", 300, 999),
        ("a few hundred", 200, 599),
        ("several thousand", 3000, 9999),
        ("a few thousand", 2000, 5999),
        ("several dozen", 36, 99),
        ("a few dozen", 24, 71),
        ("many thousands", 2000, 9999),
        ("a couple of hundred", 200, 399),
        ("several hundred thousand", 300_000, 999_999),
    ],
)
def test_vague_quantities(phrase: str, low: int, high: int) -> None:
    m = only_count(f"They said {phrase} of the residents were killed")
    assert m.count == Count(low, high, phrase)
    assert not m.count.exact


@pytest.mark.parametrize(
    ("text", "phrase", "low", "high", "approx"),
    [
        ("at least dozens of people", "at least dozens", 24, None, False),
        ("more than hundreds of people", "more than hundreds", 200, None, False),
        ("some dozens of people", "some dozens", 24, 99, True),
    ],
)
def test_qualified_vague_quantities(
    text: str, phrase: str, low: int, high: int | None, approx: bool
) -> None:
    assert only_count(text).count == Count(low, high, phrase, approx)


def test_many_is_not_a_count() -> None:
    assert counts_of("Many people were killed and numerous homes destroyed") == []
    assert counts_of("a number of people were wounded") == []


def test_one_and_articles() -> None:
    assert only_count("One person was killed").count == Count(1, 1, "One")
    assert only_count("only one soldier died").count == Count(1, 1, "one")
    for text in (
        "one of the deadliest attacks",
        "they blamed one another",
        "the one who fled",
        "someone was hurt",
        "anyone could see",
        "One of them was a child",
        "A policeman was killed",
        "an officer was wounded",
    ):
        assert counts_of(text) == [], text
    assert {"a", "an"} == ARTICLE_ONE
    assert article_count("A") == Count(1, 1, "A")
    assert article_count("the") is None


@pytest.mark.parametrize("phrase", ["no one", "No one", "no-one", "nobody", "none"])
def test_zero(phrase: str) -> None:
    m = only_count(f"{phrase} was killed")
    assert (m.count.low, m.count.high, m.count.text) == (0, 0, phrase)


def test_several_mentions_in_one_sentence() -> None:
    text = (
        "The Syrian Observatory said at least 745 civilians were among the dead and "
        "that 125 members of the security forces and 148 militants died."
    )
    assert [(m.count.text, m.count.low, m.count.high) for m in counts_of(text)] == [
        ("at least 745", 745, None),
        ("125", 125, 125),
        ("148", 148, 148),
    ]


def test_rose_from_to_is_two_figures() -> None:
    found = counts_of("The toll rose from 200 to 300 on Sunday")
    assert [m.count.text for m in found] == ["200", "300"]


def test_offsets_and_number_span() -> None:
    text = "Officials said nearly 1,500 people fled."
    m = only_count(text)
    assert text[m.start : m.end] == "nearly 1,500" == m.count.text
    assert text[m.number_start : m.number_end] == "1,500"
    assert m.is_count


# --------------------------------------------------------------------------------------------
# Exclusions: the kind says why a number is not a count


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("fighting in 2013 killed many", "2013", "year"),
        ("the war of 2011-2016", "2011-2016", "year"),
        ("the 2013-14 campaign", "2013-14", "year"),
        ("between 2011 and 2016 the war", "between 2011 and 2016", "year"),
        ("2013 was the deadliest year", "2013", "year"),
        ("in the 1990s", "1990s", "year"),
        ("on March 6 there were", "March 6", "date"),
        ("on 6 March 2025 there were", "6 March 2025", "date"),
        ("on March 6, 2025 there were", "March 6, 2025", "date"),
        ("on the 6th of March", "6th of March", "date"),
        ("in March 2025", "March 2025", "date"),
        ("on 06/03/2025 there were", "06/03/2025", "date"),
        ("on 2025-03-06 there were", "2025-03-06", "date"),
        ("at 10:30 there were", "10:30", "time"),
        ("at 3 p.m. there were", "3 p.m.", "time"),
        ("at 3pm there were", "3pm", "time"),
        ("at 0300 GMT there were", "0300 GMT", "time"),
        ("at ten o'clock there were", "ten o'clock", "time"),
        ("a man aged 25 was killed", "aged 25", "age"),
        ("a 12-year-old boy was killed", "12-year-old", "age"),
        ("a twelve-year-old boy was killed", "twelve-year-old", "age"),
        ("he was 25 years old", "25 years old", "age"),
        ("children under 5 were killed", "under 5", "age"),
        ("under the age of 18", "age of 18", "age"),
        ("those aged between 15 and 20", "aged between 15 and 20", "age"),
        ("in their 20s", "20s", "age"),
        ("40% of the victims", "40%", "percent"),
        ("40 percent of the victims", "40 percent", "percent"),
        ("forty per cent of the victims", "forty per cent", "percent"),
        ("$5 million in aid", "$5 million", "money"),
        ("US$5bn in aid", "US$5bn", "money"),
        ("5 million dollars in aid", "5 million dollars", "money"),
        ("5,000 Syrian pounds", "5,000 Syrian pounds", "money"),
        ("€300 each", "€300", "money"),
        ("USD 300 each", "USD 300", "money"),
        ("thousands of dollars", "thousands of dollars", "money"),
        ("in two days of clashes", "two days", "duration"),
        ("the 13-year-old civil conflict", "13-year-old", "duration"),
        ("over the past 24 hours", "24 hours", "duration"),
        ("three weeks of fighting", "three weeks", "duration"),
        ("a three-day offensive", "three-day", "duration"),
        ("several days of shelling", "several days", "duration"),
        ("a couple of days later", "a couple of days", "duration"),
        ("5 km from the border", "5 km", "measure"),
        ("5km from the border", "5km", "measure"),
        ("50 miles from the border", "50 miles", "measure"),
        ("within 500m of the border", "500m", "measure"),
        ("155mm shells", "155mm", "measure"),
        ("hundreds of kilometres away", "hundreds of kilometres", "measure"),
        ("the 1st Armoured Division", "1st", "ordinal"),
        ("the twenty-first century", "twenty-first", "ordinal"),
        ("call +963 11 234 5678 now", "+963 11 234 5678", "other"),
        ("call 0944 123 456 now", "0944 123 456", "other"),
        ("an AK-47 rifle", "AK-47", "other"),
        ("an F-16 jet", "F-16", "other"),
        ("an Su-24 bomber", "Su-24", "other"),
        ("Resolution 2254 says", "Resolution 2254", "other"),
        ("a B2 bomber", "B2", "other"),
        ("COVID-19 deaths", "COVID-19", "other"),
        ("Highway 4 was cut", "Highway 4", "other"),
        ("a two-state solution", "two-state", "other"),
        ("a 300-strong force", "300-strong", "other"),
        ("a 3-1 win", "3-1", "other"),
        ("one-third of the houses", "one-third", "other"),
        ("a magnitude 5.6 quake", "5.6", "other"),
    ],
)
def test_exclusions(text: str, phrase: str, kind: str) -> None:
    found = find_counts(text)
    assert (phrase, kind) in [(m.text, m.kind) for m in found], found
    assert all(m.kind != "count" for m in found), found


@pytest.mark.parametrize(
    "text",
    [
        "An F-16 and two Su-24 jets were shot down",
        "Two AK-47 rifles and 3 M16s were seized",
    ],
)
def test_ids_do_not_split_numbers(text: str) -> None:
    assert [m.count.low for m in counts_of(text)] in ([2], [2, 3])


@given(
    st.text("ABCDEFGHKMSTUabcdefghiklmnsu", min_size=1, max_size=5),
    st.integers(0, 99_999),
    st.sampled_from(["-", ""]),
)
def test_model_names_are_never_counts(letters: str, n: int, sep: str) -> None:
    assert counts_of(f"They used a {letters}{sep}{n} in the raid") == []


def test_years_and_counts_side_by_side() -> None:
    text = "In 2013, 500 people were killed and in 2000 people fled; 2000 people died in 2014"
    assert [(m.text, m.kind) for m in find_counts(text)] == [
        ("2013", "year"),
        ("500", "count"),
        ("2000", "year"),
        ("2000", "count"),
        ("2014", "year"),
    ]


def test_may_and_march_are_not_dates() -> None:
    assert kinds("they may 5 times have died") == [("5", "count")]
    assert kinds("a march of 200 people") == [("200", "count")]


def test_every_kind_is_known() -> None:
    text = (
        "In 2013 at least 5 people aged 25 died on March 6 at 10:30; 40% of $5 million "
        "went on two days of 5 km marches by the 1st brigade with AK-47 rifles."
    )
    assert {m.kind for m in find_counts(text)} == set(COUNT_KINDS)


def test_empty_and_numberless() -> None:
    assert find_counts("") == []
    assert find_counts("Clashes continued in the city.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen shot Ali Musa, 41, a trader.", [("41", "age")]),
        ("Police named the victim as Jane Roe (28) on Monday.", [("28", "age")]),
        ("In Kabul, 34 people were hurt.", [("34", "count")]),
        ("On Monday, 12, 14 and 15 died.", [("12", "count"), ("14", "count"), ("15", "count")]),
    ],
)
def test_age_set_off_after_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("A couple and their baby died in the fire.", 2, 2),
        ("A couple were found dead in their flat.", 2, 2),
        ("A couple of guards were hurt.", 2, 3),
    ],
)
def test_a_couple_of_people(text: str, low: int, high: int) -> None:
    count = next(m.count for m in find_counts(text) if m.kind == "count")
    assert (count.low, count.high) == (low, high)


def test_comma_glued_to_the_next_word_ends_a_number() -> None:
    found = [(m.count.text, m.count.low) for m in counts_of("and wounded 21,police said")]
    assert found == [("21", 21)]
    assert [m.count.low for m in counts_of("some 1,200 people")] == [1200]


@pytest.mark.parametrize(
    ("text", "phrase", "low", "high", "kind"),
    [
        ("around 3,50,000 people fled", "around 3,50,000", 350_000, 350_000, "count"),
        ("1,20,00,000 residents", "1,20,00,000", 12_000_000, 12_000_000, "count"),
        ("the attack killed closer to 600 people", "closer to 600", 600, 600, "count"),
        ("21 children younger than 10 died", "younger than 10", 10, 10, "age"),
        ("men older than 60 were freed", "older than 60", 60, 60, "age"),
    ],
)
def test_news_number_forms(text: str, phrase: str, low: int, high: int, kind: str) -> None:
    found = [m for m in find_counts(text) if m.text == phrase]
    assert len(found) == 1
    assert (found[0].count.low, found[0].count.high, found[0].kind) == (low, high, kind)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("“two hundred to 300″ people", 200, 300), ("„40″ people", 40, 40), ("‹12› dead", 12, 12)],
)
def test_odd_quote_marks_around_a_count(text: str, low: int, high: int) -> None:
    counts = [m for m in find_counts(text) if m.kind == "count"]
    assert [(m.count.low, m.count.high) for m in counts] == [(low, high)]
