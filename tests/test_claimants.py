"""Attribution in a sentence and claimant coreference across a document."""

from __future__ import annotations

from warmonitor.extract.claimants import ClaimantRegistry, claimant_kind, find_attributions


def subjects(sentence: str) -> list[str]:
    return [a.text for a in find_attributions(sentence)]


def test_attribution_forms() -> None:
    assert subjects("Five people were killed, police said.") == ["police"]
    assert subjects("Syrian security sources said at least 200 were killed.") == [
        "Syrian security sources"
    ]
    assert subjects("Twelve died, according to the health ministry.") == ["the health ministry"]
    assert subjects('"It was a massacre," said Rami Abdulrahman, head of the monitor.') == [
        "Rami Abdulrahman"
    ]
    assert subjects("Witnesses and a hospital source who received the bodies said so.") == [
        "Witnesses and a hospital source"
    ]


def test_told_names_the_recipient() -> None:
    (att,) = find_attributions("Clashes continued, a security source told Reuters on Sunday.")
    assert (att.text, att.recipient) == ("a security source", "Reuters")


def test_passive_reported_is_not_an_attribution() -> None:
    assert subjects("Three people were reported killed in the raid.") == []
    assert subjects("The reported scale of the violence is large.") == []


def test_descriptor_resolves_to_the_name_introduced_with_it() -> None:
    registry = ClaimantRegistry()
    (att,) = find_attributions(
        "The Syrian Observatory for Human Rights, a UK-based war monitor, said on Saturday "
        "the fighting was the worst in years."
    )
    first = registry.resolve(att.text, att.descriptor)
    later = registry.resolve("the war monitor")
    assert first.name == later.name == "Syrian Observatory for Human Rights"
    assert later.text == "the war monitor" and later.kind == "monitor"


def test_acronym_and_short_name_resolve() -> None:
    registry = ClaimantRegistry()
    registry.resolve("the Syrian Network for Human Rights (SNHR)")
    assert registry.resolve("SNHR").name == "Syrian Network for Human Rights"
    assert registry.resolve("the Network").name == "Syrian Network for Human Rights"


def test_two_monitors_stay_apart() -> None:
    registry = ClaimantRegistry()
    a = registry.resolve("the Syrian Observatory for Human Rights")
    b = registry.resolve("Airwars")
    assert a.name != b.name
    assert registry.resolve("the Observatory").name == a.name


def test_unnamed_sources_keep_their_words() -> None:
    claimant = ClaimantRegistry().resolve("a hospital source")
    assert (claimant.name, claimant.kind) == ("hospital source", "medical")


def test_kinds() -> None:
    assert claimant_kind("the health ministry") == "medical"
    assert claimant_kind("an army spokesman") == "military"
    assert claimant_kind("the interior ministry") == "government"
    assert claimant_kind("UNICEF") == "international"
    assert claimant_kind("witnesses") == "witness"
    assert claimant_kind("the Taliban") == "armed_group"


def test_appositive_after_a_lowercase_article() -> None:
    (att,) = find_attributions(
        "Twelve people were killed on Friday, the Levant Casualty Monitor, a UK-based war "
        "monitor, said."
    )
    assert (att.text, att.descriptor) == ("the Levant Casualty Monitor", "a UK-based war monitor")


def test_more_reporting_frames() -> None:
    assert subjects("The Levant Monitor on Saturday gave a breakdown of 40 people killed.") == [
        "The Levant Monitor"
    ]
    assert subjects("Eastland health office says that at least 50 people have been killed.") == [
        "Eastland health office"
    ]
    assert subjects("An inquiry team concluded on Friday that 12 people were killed.") == [
        "An inquiry team"
    ]
    assert subjects("Norton city hall wrote on Telegram that 30 died.") == ["Norton city hall"]
    assert subjects("Nine killed, 20 wounded in the city after shelling – Petrenko") == ["Petrenko"]


def test_appositives_asides_and_datelines() -> None:
    assert (
        subjects(
            "Local officials, citing witness accounts, said they estimate that 30 people died."
        )[-1]
        == "Local officials"
    )
    (att,) = find_attributions(
        "Ivan Petrov, spokesperson of the agency, also reported that 130 people are missing."
    )
    assert (att.text, att.descriptor) == ("Ivan Petrov", "spokesperson of the agency")
    assert subjects(
        "Over 60 adults were killed, the head of the team — which arrived late — said."
    ) == ["the head of the team"]
    assert subjects("date 2021-01-02 Eastland health office says 50 people died.") == [
        "Eastland health office"
    ]


def test_relative_clause_names_its_own_voice() -> None:
    assert subjects("The army denied it, but local officials said 9 people had died.") == [
        "local officials"
    ]
    assert subjects("They struck the depot, which local authorities said had killed 9 people.") == [
        "local authorities"
    ]


def test_passive_agent_is_the_voice() -> None:
    assert subjects("It was far below the 300 deaths first reported by the city council.") == [
        "the city council"
    ]


def test_titled_person_and_pronouns() -> None:
    registry = ClaimantRegistry()
    first = registry.resolve("the region's governor Ivan Petrenko")
    assert first.name == "Ivan Petrenko"
    assert registry.resolve("he").name == "Ivan Petrenko"
    assert registry.resolve("Petrenko").name == "Ivan Petrenko"
    assert registry.resolve("the governor").name == "Ivan Petrenko"


def test_described_voice_is_what_it_refers_to() -> None:
    registry = ClaimantRegistry()
    registry.resolve("the country's main opposition bloc")
    assert registry.resolve("it").name == "country's main opposition bloc"


def test_a_collective_description_is_not_resolved_to_a_government_by_country() -> None:
    from warmonitor.extract.actors import as_actor
    from warmonitor.model import Claimant

    outlet = Claimant("Levant Wire", "", "media")
    authorities = as_actor(
        Claimant("authorities", "the authorities", "government"), outlet, country="SY"
    )
    assert authorities.name == "authorities"
    ministry = as_actor(
        Claimant("health ministry", "the health ministry", "medical"), outlet, country="PS"
    )
    assert ministry.name == "Gaza Health Ministry"


def test_a_subject_with_an_aside_before_its_verb() -> None:
    assert subjects(
        "A farmer giving his name as Omar Haddad reached via Skype said 9 people died."
    ) == ["A farmer giving his name as Omar Haddad"]
    assert subjects("The rescue service as of 08:00 reported 14 victims of the blast.") == [
        "The rescue service"
    ]
    assert subjects(
        "On Sunday morning, aid workers went to the village and counted 40 bodies."
    ) == ["aid workers"]


def test_a_name_given_in_an_aside_is_the_voice() -> None:
    registry = ClaimantRegistry()
    voice = registry.resolve("A farmer giving his name as Omar Haddad")
    assert voice.name == "Omar Haddad"
    assert registry.resolve("Haddad").name == "Omar Haddad"


def test_a_transitive_verb_has_no_subject_after_it() -> None:
    (att,) = find_attributions(
        "A confidential army report, seen by the paper, estimated the toll at 40 to 60."
    )
    assert att.text == "A confidential army report"


def test_a_piece_of_a_sentence_is_no_voice_to_refer_back_to() -> None:
    registry = ClaimantRegistry()
    registry.resolve("monitors walked to the market and")
    assert registry.resolve("the monitoring mission").name != "monitors walked to the market and"


def test_data_and_pictures_are_no_voice() -> None:
    assert subjects("According to preliminary data, 14 people were killed.") == []
    assert subjects("Videos posted online showed the bodies of 20 men.") == []
    assert subjects("According to data from the health ministry, 14 died.") != []


def test_a_place_in_a_title_is_not_part_of_the_name() -> None:
    registry = ClaimantRegistry()
    assert registry.resolve("Mayor of Lodz Anna Kowal").name == "Anna Kowal"


def test_a_report_named_by_its_author_is_a_voice() -> None:
    from warmonitor.extract.actors import as_actor
    from warmonitor.model import Claimant

    outlet = Claimant("Daily Wire", "", "media")
    voice = as_actor(Claimant("Z.Q. report", "A Z.Q. report", "unnamed"), outlet)
    assert voice is not outlet and voice.name == "Z.Q. report"


def test_a_name_after_its_description_is_the_voice() -> None:
    (att,) = find_attributions(
        "A London-based monitoring group, the Narnian Observatory for Peace, said 12 died."
    )
    assert att.text == "the Narnian Observatory for Peace"
    assert att.descriptor == "A London-based monitoring group"


def test_a_wire_dateline_is_not_part_of_the_subject() -> None:
    sentence = "Shelling hits the valley town (Wire) -- Local activists said 20 people were killed."
    (found,) = find_attributions(sentence)
    assert found.text == "Local activists"
