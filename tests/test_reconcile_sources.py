"""Claimants as one voice across reports (reconcile.sources.Claimants), on invented claims."""

from __future__ import annotations

from reconcile_factory import ARIHA, claim
from warmonitor.model import Claimant
from warmonitor.reconcile.sources import UNATTRIBUTED, Claimants


def labels(*claims_: object) -> list[str]:
    found = Claimants(claims_)  # type: ignore[arg-type]
    return [found.label(found.key(c)) for c in claims_]  # type: ignore[arg-type]


def test_an_actor_is_one_voice_whatever_the_words() -> None:
    a = claim(10, claimant="SOHR")
    b = claim(12, claimant="the Britain-based Syrian Observatory")
    assert labels(a, b) == ["Syrian Observatory for Human Rights"] * 2


def test_plain_descriptions_of_one_voice_are_one_name() -> None:
    a = claim(10, claimant="activists", kind="monitor")
    b = claim(12, claimant="Syrian activists", kind="monitor")
    c = claim(12, claimant="opposition activists", kind="monitor")
    d = claim(9, claimant="Idlib city officials", kind="government")
    shown = labels(a, b, c, d)
    assert len(set(shown[:3])) == 1
    assert shown[3] != shown[0]


def test_an_outlets_own_figure_is_unattributed_but_a_bodys_own_statement_is_its_claim() -> None:
    paper = claim(10).with_(claimant=Claimant("The Levant Herald", "", "media"))
    charity = claim(12).with_(claimant=Claimant("Médecins Sans Frontières", "", "media"))
    assert labels(paper, charity) == [UNATTRIBUTED, "Médecins Sans Frontières"]


def test_a_surname_is_the_person_named_in_full() -> None:
    a = claim(10, claimant="Hadi Marouf", kind="government")
    b = claim(12, claimant="Marouf", kind="government")
    assert labels(a, b) == ["Hadi Marouf", "Hadi Marouf"]


def unified(*incidents: list[object]) -> list[list[str]]:
    flat = [c for group in incidents for c in group]
    found = Claimants(flat)  # type: ignore[arg-type]
    found.unify(incidents)  # type: ignore[arg-type]
    return [[found.label(found.key(c)) for c in group] for group in incidents]  # type: ignore[arg-type]


def test_a_role_is_the_person_the_incident_names_in_that_role() -> None:
    named = claim(30, claimant="Hadi Marouf", kind="government").with_(
        claimant=Claimant("Hadi Marouf", "the province's governor Hadi Marouf", "government")
    )
    role = claim(32, claimant="local governor", kind="government")
    elsewhere = claim(8, claimant="local governor", kind="government")
    assert unified([named, role], [elsewhere]) == [["Hadi Marouf"] * 2, ["local governor"]]


def test_a_group_is_never_taken_for_one_person() -> None:
    named = claim(30, claimant="Hadi Marouf", kind="government").with_(
        claimant=Claimant("Hadi Marouf", "Hadi Marouf, who speaks for the officials", "government")
    )
    group = claim(32, claimant="officials", kind="government")
    assert unified([named, group]) == [["Hadi Marouf", "officials"]]


def test_one_name_spelt_two_ways_is_one_person() -> None:
    a = claim(30, claimant="Andriy Hrytsenko", kind="government")
    b = claim(32, claimant="Andrii Hritsenko", kind="government")
    (shown,) = unified([a, b])
    assert len(set(shown)) == 1


def test_an_office_named_alone_is_the_institution_the_incident_names() -> None:
    named = claim(30, claimant="the health ministry in Gaza", kind="medical")
    office = claim(32, claimant="ministry", kind="government")
    elsewhere = claim(8, claimant="ministry", kind="government")
    assert unified([named, office], [elsewhere]) == [
        ["Gaza Health Ministry"] * 2,
        ["ministry"],
    ]


def test_descriptions_of_different_levels_are_different_voices() -> None:
    national = claim(30, claimant="Syrian authorities", kind="government")
    local = claim(32, claimant="local authorities", kind="government")
    (shown,) = unified([national, local])
    assert shown[0] != shown[1]


def test_a_un_body_the_registry_does_not_list_speaks_for_the_un() -> None:
    mission = claim(30, claimant="the UN observer mission in Idlib", kind="international")
    report = claim(31, claimant="a U.N. report", kind="international")
    assert labels(mission, report) == ["United Nations", "United Nations"]
    assert labels(claim(5, claimant="Unity Brigade commanders", kind="armed_group")) == [
        "Unity Brigade commanders"
    ]


def test_a_name_a_report_teaches_is_the_source_it_teaches_it_of() -> None:
    named = claim(30, doc="a", claimant="Euphrates Rights Observatory", kind="monitor")
    described = claim(34, doc="b", claimant="Raqqa-based monitoring group", kind="monitor")
    director = claim(35, doc="b", claimant="Hadi Marouf", kind="unnamed")
    taught = {"a": [("Euphrates Rights Observatory", "Raqqa-based monitoring group")],
              "b": [("the Euphrates Rights Observatory", "Hadi Marouf")]}  # fmt: skip
    found = Claimants([named, described, director])
    found.unify([[named, described, director]], lambda d: taught.get(d, ()))
    shown = {found.label(found.key(c)) for c in (named, described, director)}
    assert shown == {"Euphrates Rights Observatory"}


def test_a_name_cut_at_its_first_letter_is_the_person() -> None:
    a = claim(30, claimant="Oleksiy Marchenko", kind="government")
    b = claim(32, claimant="leksiy Marchenko", kind="government")
    other = claim(34, claimant="Oleksiy Marchuk", kind="government")
    shown = unified([a, b, other])[0]
    assert shown[0] == shown[1] != shown[2]


def test_two_descriptions_of_one_body_are_one_voice_in_an_incident() -> None:
    short = claim(30, claimant="ferry company", kind="unnamed")
    long = claim(32, claimant="the state ferryboat company", kind="unnamed")
    other = claim(34, claimant="bus company", kind="unnamed")
    elsewhere = claim(8, claimant="ferry company", kind="unnamed")
    assert unified([short, long, other], [elsewhere]) == [
        ["the state ferryboat company", "the state ferryboat company", "bus company"],
        ["ferry company"],
    ]


def test_a_towns_government_is_one_voice_however_reports_name_it() -> None:
    hall = claim(30, claimant="Ariha city hall", kind="government", place=ARIHA)
    local = claim(30, claimant="Local officials", kind="government", place=ARIHA)
    city = claim(32, claimant="City officials", kind="government", place=ARIHA)
    town = claim(32, claimant="Ariha officials", kind="government", place=ARIHA)
    national = claim(40, claimant="Syrian officials", kind="government", place=ARIHA)
    (shown,) = unified([hall, local, city, town, national])
    assert shown[:4] == ["Ariha city hall"] * 4
    assert shown[4] != shown[0]


def test_officials_of_what_one_named_body_is_named_for_are_that_body() -> None:
    ministry = claim(30, claimant="the health ministry in Gaza", kind="medical")
    health = claim(31, claimant="health authorities in the enclave", kind="government")
    gaza = claim(32, claimant="Gaza officials", kind="government")
    other = claim(33, claimant="Palestinian officials", kind="government")
    (shown,) = unified([ministry, health, gaza, other])
    assert shown[:3] == ["Gaza Health Ministry"] * 3
    assert shown[3] != shown[0]


def test_an_office_with_a_place_after_it_is_the_institution_the_incident_names() -> None:
    named = claim(30, claimant="the health ministry in Gaza", kind="medical")
    office = claim(32, claimant="ministry in Hamas-run Gaza", kind="government")
    (shown,) = unified([named, office])
    assert shown == ["Gaza Health Ministry"] * 2


def test_a_distinctive_figure_relayed_under_a_description_is_the_body_that_gave_it() -> None:
    ministry = claim(347, doc="doc-1", claimant="the health ministry in Gaza", kind="medical")
    relayed = claim(347, doc="doc-2", claimant="Palestinian officials", kind="government")
    other = claim(12, doc="doc-2", claimant="Palestinian officials", kind="government")
    (shown,) = unified([ministry, relayed, other])
    assert shown[:2] == ["Gaza Health Ministry"] * 2
    assert shown[2] == "Palestinian officials"  # a figure the ministry never gave stays theirs


def test_a_round_or_shared_figure_tells_no_one_apart() -> None:
    ministry = claim(300, doc="doc-1", claimant="the health ministry in Gaza", kind="medical")
    relayed = claim(300, doc="doc-2", claimant="Palestinian officials", kind="government")
    (shown,) = unified([ministry, relayed])
    assert shown[1] == "Palestinian officials"  # 300 could be anyone's
    monitor = claim(347, doc="doc-1", claimant="SOHR")
    civil = claim(347, doc="doc-3", claimant="White Helmets", kind="medical")
    relayed = claim(347, doc="doc-2", claimant="activists", kind="monitor")
    (shown,) = unified([monitor, civil, relayed])
    assert shown[2] == "Syrian Observatory for Human Rights"  # only the monitor is of its kind


def test_a_named_body_with_the_same_figure_stays_its_own_source() -> None:
    directorate = claim(27, claimant="Idlib health directorate", kind="medical")
    helmets = claim(27, claimant="White Helmets", kind="medical")
    (shown,) = unified([directorate, helmets])
    assert shown == ["Idlib health directorate", "Syrian Civil Defence"]


def test_a_description_in_a_bodys_own_publication_of_its_kind_is_that_body() -> None:
    msf = "Médecins Sans Frontières"
    hospitals = claim(41, claimant="three hospitals it supports", kind="medical", outlet=msf)
    officials = claim(41, claimant="local officials", kind="government", outlet=msf)
    in_paper = claim(41, claimant="city hospitals", kind="medical", outlet="The Levant Herald")
    assert labels(hospitals, officials, in_paper) == [
        "Médecins Sans Frontières",
        "local officials",
        "city hospitals",
    ]
