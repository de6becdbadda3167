"""Violations, perpetrators and victims' identity (issue 10), on sentences written for the tests."""

from __future__ import annotations

from spacy.language import Language

from warmonitor.extract.violations import (
    KINDS,
    annotate,
    classify,
    dataset_labels,
    describe,
    kind,
)
from warmonitor.extract.violations.taxonomy import from_acled, from_huridocs, from_pitf
from warmonitor.model import Claim, Document
from warmonitor.pipeline import extract_documents


def test_taxonomy_maps_both_ways() -> None:
    for name, k in KINDS.items():
        assert name in from_acled(k.acled_sub_event)
        assert name in from_pitf(k.pitf_violence)
        assert name in from_huridocs(k.huridocs)
    assert kind("air_strike").acled_event == "Explosions/Remote violence"
    assert kind("no such type").name == "other"


def test_main_type_is_the_most_specific_act_of_the_lead() -> None:
    cases = {
        "Warplanes bombed a market in the town on Monday, killing nine people.": "air_strike",
        "Troops shelled the outskirts of the village with mortars overnight.": "shelling",
        "A suicide bomber blew himself up at a checkpoint, killing four guards.": "suicide_bombing",
        "A roadside bomb exploded near a bus, killing six passengers.": "bombing",
        "Gunmen abducted 12 travellers from a bus on the highway.": "abduction",
        "Police arrested 30 people in a night-time sweep of the district.": "arbitrary_detention",
        "Rebels clashed with the army near the river; casualties are unknown.": "clash",
        "Unknown gunmen shot and killed a shopkeeper in the market.": "armed_attack",
        "A mob lynched a man accused of theft in the village square.": "mob_violence",
        "Looting: On 2 May, fighters looted shops in the old market.": "looting",
    }
    for text, want in cases.items():
        assert classify(text).main == want, text


def test_an_attack_on_soldiers_is_a_clash_and_a_villagers_fight_is_mob_violence() -> None:
    assert classify("Militants opened fire on an army post near the border.").main == "clash"
    assert classify("Villagers from two hamlets clashed over grazing land.").main == "mob_violence"
    assert classify("Gunmen opened fire on a wedding party, killing seven guests.").main == (
        "armed_attack"
    )


def test_a_protest_is_told_by_its_course() -> None:
    calm = "Hundreds of teachers protested outside the ministry to demand higher pay."
    stopped = calm + " Police dispersed the protesters with tear gas and arrested ten."
    violent = "Students protested the fee rise and threw stones at passing cars."
    about = "Residents protested against the arrest of a local activist last week."
    assert classify(calm).main == "protest"
    assert classify(stopped).main == "protest_intervention"
    assert classify(violent).main == "riot"
    assert classify(about).main == "protest"


def test_evidence_is_the_words_of_the_report() -> None:
    text = "An air strike hit a school in the north of the city."
    reading = classify(text)
    cue = reading.cues[0]
    assert cue.type == "air_strike"
    assert text[cue.start : cue.end] == cue.text == "air strike"
    assert reading.weapon == "Heavy Weapons"


def test_perpetrator_is_the_doer_not_the_source_or_the_target() -> None:
    p = describe("Suspected Fulani herdsmen attacked a village overnight, police said.")
    assert p.perpetrator is not None
    assert p.perpetrator.name == "Fulani herdsmen" and p.perpetrator.kind == "non_state"
    q = describe("Soldiers opened fire on the crowd, a witness told reporters.")
    assert q.perpetrator is not None and q.perpetrator.kind == "state"
    assert q.perpetrator.name == "Soldiers"
    target = describe("Air strikes on ISIS positions killed dozens of fighters.")
    assert target.perpetrator is None or target.perpetrator.name != "ISIS"
    unknown = describe("Unidentified gunmen killed three traders on the road.")
    assert unknown.perpetrator is not None and unknown.perpetrator.kind == "unknown"
    assert unknown.perpetrator.name is None


def test_a_named_group_resolves_to_the_registry_and_abroad_is_transnational() -> None:
    p = describe("Al-Shabaab militants stormed a hotel in the town.", country="KE")
    assert p.perpetrator is not None
    assert p.perpetrator.actor == "al-shabaab" and p.perpetrator.kind == "transnational"
    home = describe("Al-Shabaab militants stormed a hotel in the town.", country="SO")
    assert home.perpetrator is not None and home.perpetrator.kind == "non_state"


def test_a_perpetrators_own_statement_is_marked() -> None:
    p = describe("The army said its troops killed 20 terrorists who attacked a base.")
    assert p.perpetrator is not None and p.perpetrator.own_claim


def test_victim_identity_with_its_words() -> None:
    p = describe("Gunmen killed nine Christian farmers in their fields on Sunday.")
    assert p.victim_identity is not None
    assert p.victim_identity.text == "Christian farmers"
    assert p.victim_identity.community == "Christian"
    j = describe("Two journalists were shot dead outside their office.")
    assert j.victim_identity is not None and j.victim_identity.occupation == "journalists"
    none = describe("Eleven people were killed in a blast, officials said.")
    assert none.victim_identity is None


def test_labels_come_from_the_taxonomy() -> None:
    p = describe("Government warplanes bombed a market, killing 12 civilians.")
    labels = dataset_labels(p)
    assert labels["event_type"] == "Explosions/Remote violence"
    assert labels["sub_event_type"] == "Air/drone strike"
    assert labels["weapons"] == "Heavy Weapons"
    unknown = dataset_labels(describe("Twelve people were found dead."))
    assert unknown["perpetrator_role"] == "Unknown/Unclear/Other"
    assert unknown["perpetrator"] is None


def test_claims_carry_violations_and_round_trip(nlp: Language) -> None:
    text = (
        "Boko Haram militants killed 14 Christian villagers in an attack on Kautikari on "
        "Sunday, residents said. Soldiers later shelled the group's camp."
    )
    doc = Document(text=text)
    [(_, claims)] = list(extract_documents([doc], nlp))
    claim = next(c for c in claims if c.outcome == "killed")
    assert claim.violations and claim.violations[0].type == "armed_attack"
    assert claim.perpetrator is not None and claim.perpetrator.name == "Boko Haram"
    assert claim.perpetrator.actor == "boko-haram"
    assert claim.victim_identity is not None
    assert "Christian" in claim.victim_identity.text
    assert Claim.from_dict(claim.to_dict()) == claim
    again = annotate([claim], text, describe(text))
    assert again[0].violations == claim.violations
