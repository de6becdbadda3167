"""End to end through the extraction pipeline on a report written for these tests.

The report (tests/fixtures/reports/deir-ez-zor.txt) exercises each feature the founding example
needs: number words and digits, qualifiers, vague quantities, victim groups, a claimant named
once and then called "the monitor", a disclaimer that hedges the figures before it, parts of a
total, a statement date and a duration resolved against it, and places from the gazetteer.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from warmonitor.model import Claim, Document
from warmonitor.pipeline import extract_document

PUBLISHED = date(2024, 8, 15)  # a Thursday


@pytest.fixture(scope="module")
def claims(nlp: Language, reports_dir: Path) -> list[Claim]:
    text = (reports_dir / "deir-ez-zor.txt").read_text(encoding="utf-8")
    return extract_document(Document(text, published=PUBLISHED, publisher="Levant Wire"), nlp)


def by_text(claims: list[Claim], words: str) -> Claim:
    found = [c for c in claims if c.count.text == words]
    assert len(found) == 1, [c.count.text for c in claims]
    return found[0]


def test_every_figure_is_found_once(claims: list[Claim]) -> None:
    assert [c.count.text for c in claims] == [
        "dozens", "at least 86", "51", "twenty-two", "13", "more than one hundred", "three",
        "two",
    ]  # fmt: skip


def test_counts_are_intervals_with_their_words(claims: list[Claim]) -> None:
    assert (by_text(claims, "dozens").count.low, by_text(claims, "dozens").count.high) == (24, 99)
    at_least = by_text(claims, "at least 86").count
    assert (at_least.low, at_least.high) == (86, None)
    more_than = by_text(claims, "more than one hundred").count
    assert (more_than.low, more_than.high, more_than.best) == (101, None, 100)
    assert by_text(claims, "twenty-two").count.low == 22


def test_outcomes_and_victim_groups(claims: list[Claim]) -> None:
    assert by_text(claims, "51").victims.group == "civilians"
    assert by_text(claims, "twenty-two").victims.group == "security_forces"
    assert by_text(claims, "13").victims.group == "armed_group"
    # "their comrades", said by a military source, are members of the security forces
    assert by_text(claims, "more than one hundred").victims.group == "security_forces"
    wounded = [c for c in claims if c.outcome == "injured"]
    assert [(c.count.low, c.victims.group) for c in wounded] == [
        (3, "security_forces"),
        (2, "civilians"),
    ]


def test_the_monitor_is_the_observatory_named_before(claims: list[Claim]) -> None:
    total, part = by_text(claims, "at least 86"), by_text(claims, "51")
    assert total.claimant.name == part.claimant.name == "Euphrates Rights Observatory"
    assert part.claimant.text == "the monitor"
    assert total.claimant.kind == "monitor"
    assert by_text(claims, "more than one hundred").claimant.kind == "military"
    assert by_text(claims, "dozens").claimant.kind == "witness"
    # no one is credited with the roadside bomb figures: they are the outlet's own
    assert by_text(claims, "three").claimant.name == "Levant Wire"


def test_parts_point_at_their_total(claims: list[Claim]) -> None:
    total = by_text(claims, "at least 86")
    parts = [c for c in claims if c.part_of == total.id]
    assert sorted(c.count.low for c in parts) == [13, 22, 51]
    assert sum(c.count.low for c in parts) == 86


def test_disclaimer_hedges_the_monitor_only(claims: list[Claim]) -> None:
    for words in ("at least 86", "51", "twenty-two", "13"):
        assert "unverified" in by_text(claims, words).hedges
    assert by_text(claims, "more than one hundred").hedges == ()
    assert "reported" in by_text(claims, "three").hedges


def test_dates_resolve_against_publication_and_statement(claims: list[Claim]) -> None:
    dozens = by_text(claims, "dozens")
    assert dozens.period is not None and dozens.period.start == date(2024, 8, 13)  # Tuesday
    total = by_text(claims, "at least 86")
    assert total.said_on == date(2024, 8, 14)  # "said on Wednesday"
    assert total.period is not None
    assert (total.period.start, total.period.end) == (date(2024, 8, 13), date(2024, 8, 14))


def test_places_are_geocoded_offline(claims: list[Claim]) -> None:
    place = by_text(claims, "at least 86").place
    assert place is not None and place.country == "SY" and place.geonames_id is not None
    assert place.lat is not None and 34.5 < place.lat < 36.0
    mayadin = by_text(claims, "three").place
    assert mayadin is not None and mayadin.country == "SY" and mayadin.name != place.name


def test_evidence_points_into_the_text(claims: list[Claim], reports_dir: Path) -> None:
    text = (reports_dir / "deir-ez-zor.txt").read_text(encoding="utf-8")
    for c in claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.sentence
        assert c.evidence.figure is not None
        assert text[c.evidence.figure[0] : c.evidence.figure[1]] == c.count.text


def test_claims_round_trip_through_the_contract(claims: list[Claim]) -> None:
    for c in claims:
        assert Claim.from_dict(c.to_dict()) == c


def test_typographic_quotes_read_as_plain_ones(nlp: Language) -> None:
    curly = "The mayor\u2019s driver and a guard were shot dead, \u201cpolice\u201d said."
    plain = curly.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    got = extract_document(Document(curly), nlp)
    want = extract_document(Document(plain), nlp)
    assert [(c.outcome, c.count.best) for c in got] == [(c.outcome, c.count.best) for c in want]
    assert got and all("\u2019" in c.evidence.sentence for c in got)  # evidence stays verbatim


def test_a_headline_figure_is_the_source_that_states_it_in_the_body(nlp: Language) -> None:
    text = (
        "Shelling kills 23 in Kafr Nabudah\n\n"
        "Shelling killed 23 people in Kafr Nabudah on Monday, the Euphrates Rights Observatory "
        "said. Another 40 were wounded.\n"
    )
    found = extract_document(Document(text, published=date(2024, 3, 5)), nlp)
    killed = [c for c in found if c.outcome == "killed" and c.count.low == 23]
    assert len(killed) == 2
    assert {c.claimant.name for c in killed} == {"Euphrates Rights Observatory"}


def test_a_figure_inside_a_quotation_is_the_quoted_sources(nlp: Language) -> None:
    text = (
        'The mayor of Kafr Nabudah, Hadi Marouf, spoke at the cemetery. "31 people were killed '
        'here on Monday. We buried them today," Marouf said.\n\n'
        "Separately, 12 people were wounded in Saraqeb.\n"
    )
    found = extract_document(Document(text, published=date(2024, 3, 5)), nlp)
    buried = next(c for c in found if c.count.low == 31)  # the quotation closes a sentence later
    assert (buried.claimant.name or "").endswith("Marouf")
    wounded = next(c for c in found if c.count.low == 12)
    assert wounded.claimant.kind == "media"


def test_the_inner_voice_is_the_source_not_the_relaying_outlet(nlp: Language) -> None:
    text = (
        "The interior ministry said on Monday that 14 people were killed in the raid, "
        "Reuters reported.\n"
    )
    (claim,) = extract_document(Document(text, published=date(2024, 3, 5)), nlp)
    assert "ministry" in (claim.claimant.name or "").lower()


def test_a_quotation_opening_a_paragraph_is_the_speaker_before(nlp: Language) -> None:
    text = (
        "The toll rose on Tuesday, the governor of the province, Lina Sarkis, said.\n\n"
        '"We have 37 dead. Another 12 people are missing."\n\n'
        "Rain fell over the city.\n"
    )
    found = extract_document(Document(text, published=date(2024, 3, 5)), nlp)
    assert {c.count.low: c.claimant.name for c in found} == {
        37: "Lina Sarkis",
        12: "Lina Sarkis",
    }


def test_a_voice_inside_a_quotation_does_not_speak_for_it(nlp: Language) -> None:
    text = (
        'Officials visited the site. "We found 23 bodies. The villagers saw how the men '
        'were taken away," Mayor Taras Boyko said.\n'
    )
    (claim,) = extract_document(Document(text, published=date(2024, 3, 5)), nlp)
    assert claim.claimant.name == "Taras Boyko"


def test_a_sentence_pointing_back_names_the_source_of_the_figures_before(nlp: Language) -> None:
    text = (
        "At least 61 people died in the floods in Narvik district.\n\n"
        "This is reported by the regional police of Nordland.\n"
    )
    (claim,) = extract_document(Document(text, published=date(2024, 3, 5)), nlp)
    assert "police" in (claim.claimant.name or "").lower()


def test_of_these_goes_on_with_the_voice_of_the_sentence_before(nlp: Language) -> None:
    text = (
        "The regional prosecutor's office said 140 civilians were killed in the district. "
        "Of these, 22 were killed in the market and 17 were injured.\n"
        "Rain fell over the city. 9 people were killed in another town.\n"
    )
    found = extract_document(Document(text, published=date(2024, 3, 5)), nlp)
    voice = {c.count.low: c.claimant for c in found}
    assert voice[22].name == voice[17].name == voice[140].name
    assert voice[9].kind == "media"  # no continuation: the outlet's own


@pytest.mark.parametrize(
    ("sentence", "earlier"),
    [
        ("Within an hour of the blast, the ministry said 70 people had died.", {"70": True}),
        ("The council initially said 40 people were killed.", {"40": True}),
        (
            "The army had first said 12 were killed, then raised the toll to 19.",
            {"12": True, "19": False},
        ),
        (
            "Officials said 25 people were killed, up from an earlier toll of 18.",
            {"25": False, "18": True},
        ),
        ("The ministry said 31 people were killed.", {"31": False}),
    ],
)
def test_a_statement_the_sentence_marks_as_earlier(
    nlp: Language, sentence: str, earlier: dict[str, bool]
) -> None:
    found = extract_document(Document(sentence, published=PUBLISHED), nlp)
    got = {c.count.text.split()[-1]: c.earlier for c in found}
    assert {k: got[k] for k in earlier} == earlier, got


def test_a_date_just_before_the_claimant_is_when_it_said_so(nlp: Language) -> None:
    text = "On August 12, the ministry said 31 people were killed in the strike."
    (found,) = extract_document(Document(text, published=PUBLISHED), nlp)
    assert found.said_on == date(2024, 8, 12)


def test_a_revision_of_the_figure_before_is_its_speakers_toll(nlp: Language) -> None:
    text = (
        "The regional health office said 40 people were killed in the blast. "
        "It later revised that number slightly to 46.\n"
    )
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    revised = by_text(found, "46")
    assert (revised.outcome, revised.count.low, revised.count.high) == ("killed", 46, 46)
    assert revised.cumulative
    assert revised.claimant.name == by_text(found, "40").claimant.name


def test_a_figure_restated_as_reported_is_the_voice_credited_with_figures(
    nlp: Language,
) -> None:
    text = (
        "The casualty figures provided by the provincial health office have been questioned "
        "by the army. Analysts at the Meridian Institute say the reported numbers of 212 dead "
        "and 318 injured look unusually high.\n"
    )
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    voices = {c.count.low: (c.claimant.name or "").lower() for c in found}
    assert "health office" in voices[212] and "health office" in voices[318], voices


def test_a_figure_whose_sentence_names_no_place_is_where_the_figures_before_are(
    nlp: Language,
) -> None:
    text = (
        "Unrest spreads after Tromso protest\n\n"
        "The toll of the bombing at the station in Narvik has risen to 52, the governor said.\n\n"
        "In total, 98 people were taken to hospital, he said.\n"
    )
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    toll, hospital = by_text(found, "52"), by_text(found, "98")
    assert toll.place is not None and toll.place.name == "Narvik"
    assert hospital.place == toll.place


def test_a_report_reproducing_anothers_text_is_that_voice(nlp: Language) -> None:
    text = (
        "The following are excerpts of an assessment by the Narnian Ministry of Defence of "
        "the attack on the port last week.\n\n"
        '"The strike on the port resulted in at least 64 fatalities."\n'
    )
    (found,) = extract_document(Document(text, published=PUBLISHED), nlp)
    assert found.claimant.name == "Narnian Ministry of Defence"


def test_the_source_in_a_relative_clause_after_the_figure(nlp: Language) -> None:
    text = (
        "Investigators now estimate that 80 people were killed, far fewer than the nearly 300 "
        "deaths that the provincial health office originally described.\n"
    )
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    assert "health office" in (by_text(found, "nearly 300").claimant.name or "").lower()


def test_a_headline_figure_several_sources_give_is_the_leads(nlp: Language) -> None:
    text = (
        "Gunmen kill 12 villagers in Narvik raid\n\n"
        "Gunmen killed 12 villagers in a raid near Narvik, the regional police said.\n\n"
        "Later, in a separate statement, the Narnian Red Cross said 12 people were killed.\n"
    )
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    headline = min(found, key=lambda c: c.evidence.start)
    assert "police" in (headline.claimant.name or "").lower()


def test_a_document_named_by_its_author_is_the_authors_voice(nlp: Language) -> None:
    text = (
        "Investigation suggests 70 died in the Narvik shelter strike\n\n"
        "Close to 70 people died in the strike on the Narvik shelter, evidence from a Nordic "
        "Press Agency investigation suggests.\n"
    )
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    assert {c.claimant.name for c in found} == {"Nordic Press Agency"}


def test_the_same_estimate_is_the_figure_before_in_a_new_voice(nlp: Language) -> None:
    text = (
        "The city council said about 300 people died in the theatre.\n\n"
        "Anna Berg, an adviser to the mayor, later gave the same estimate in a post online.\n"
    )
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    said = {(c.claimant.name, c.count.low, c.count.high, c.outcome) for c in found}
    assert ("Anna Berg", 300, 300, "killed") in said and len(found) == 2


def test_a_dateline_is_where_the_newsroom_is_not_the_news(nlp: Language) -> None:
    text = (
        "TROMSO, Norway: Local officials said on Friday that 40 people were killed in the "
        "bombing of a school in the city of Narvik.\n"
    )
    (found,) = extract_document(Document(text, published=PUBLISHED), nlp)
    assert found.place is not None and found.place.name == "Narvik"
    assert found.claimant.name == "Local officials"


def test_a_spokesperson_speaks_for_the_body(nlp: Language) -> None:
    text = (
        "The Narnian health ministry said 30 people were killed in the strike. "
        "Lena Dahl, spokesperson of the ministry, also reported that 120 people are missing.\n"
    )
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    assert by_text(found, "120").claimant.name == by_text(found, "30").claimant.name
    assert by_text(found, "120").claimant.text == "Lena Dahl"


def test_a_role_described_before_the_name_is_the_person_named_later(nlp: Language) -> None:
    text = (
        "The bodies of more than 90 civilians were found in the district, the regional police "
        "chief said on Friday.\n\n"
        "Erik Lund, the head of the regional police force, said 35 of them had been shot.\n"
    )
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    assert by_text(found, "more than 90").claimant.name == "Erik Lund"


def test_bodies_found_in_a_headline_are_not_a_claimant(nlp: Language) -> None:
    text = "90 civilian bodies found in Narvik district\n\nThe police said 90 civilians died.\n"
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    assert len(found) == 2  # the headline's figure is read, and is the police's, not the bodies'
    assert {c.claimant.name for c in found} == {"police"}


def test_a_figure_a_set_off_clause_marks_as_hearsay_is_not_the_speakers(nlp: Language) -> None:
    text = (
        "The rocket, which reportedly killed dozens of civilians in Narvik, was fired from the "
        "north, the Narnian defence ministry has claimed.\n"
    )
    (found,) = extract_document(Document(text, published=PUBLISHED), nlp)
    assert found.claimant.kind == "media"  # the outlet's, not the ministry's


def test_a_name_whose_appositive_lost_its_comma_is_the_voice(nlp: Language) -> None:
    text = (
        "The Narnian Rights Network (NRN), a network of activists reported 45 people killed "
        "in the raid.\n"
    )
    (found,) = extract_document(Document(text, published=PUBLISHED), nlp)
    assert found.claimant.name == "Narnian Rights Network"


def test_a_sentence_cut_by_a_stray_full_stop_lends_its_voice_back(nlp: Language) -> None:
    text = (
        "A missile struck the station, killing at least 41 in an attack on a crowd. by families "
        "trying to leave the regionNarnian authorities said.\n"
    )
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    assert {c.claimant.name for c in found} == {"Narnian authorities"}


def test_a_figure_inside_one_voices_account_is_that_voice(nlp: Language) -> None:
    text = (
        "According to the police chief Erik Lund, 420 bodies have been found in the town.\n\n"
        "In just one day, officers took the bodies of 48 people to the morgues.\n\n"
        "Speaking about identification, Lund noted that most of the dead had been named.\n"
    )
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    assert by_text(found, "48").claimant.name == "Erik Lund"


def test_a_toll_given_in_a_participle_is_the_subjects(nlp: Language) -> None:
    text = (
        "Erik Lund, head of the Narnian Rights Observatory while giving a lower death toll of "
        "55, agreed that this was a massacre, according to Nordic Radio.\n"
    )
    (found,) = extract_document(Document(text, published=PUBLISHED), nlp)
    assert "Observatory" in (found.claimant.name or "")


def test_a_paragraphs_wire_dateline_is_not_the_news_place(nlp: Language) -> None:
    text = (
        "Missile kills 40 at station\n\n"
        "Bergen, Norway (AP) — A missile struck Narvik's railway station on Friday, "
        "killing at least 40 people, the police said.\n"
    )
    (found,) = extract_document(Document(text, published=PUBLISHED), nlp)[-1:]
    assert found.place is not None and found.place.name == "Narvik"


def test_a_figure_its_own_sentence_keeps_from_its_voice_is_not_the_accounts(
    nlp: Language,
) -> None:
    text = (
        "According to the police chief Erik Lund, 420 bodies have been found in the town.\n\n"
        "The rocket, which reportedly killed dozens of villagers, came from the north, the army "
        "said.\n\n"
        "Lund noted that most of the dead had been named.\n"
    )
    found = extract_document(Document(text, published=PUBLISHED), nlp)
    assert by_text(found, "dozens").claimant.kind == "media"
