"""The headline of a document: the main incident's figures (rules in docs/HEADLINE.md)."""

from __future__ import annotations

from datetime import date

import spacy

import warmonitor.extract.component  # noqa: F401
from warmonitor.extract.headline import headline

nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
nlp.add_pipe("warmonitor_casualties", config={"geocode": False})


def head(text: str):  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(text)
    doc._.published = date(2024, 3, 5)
    context = nlp(doc)._.casualty_context
    return headline(context.claims, published=date(2024, 3, 5), lead=context.lead, text=text)


def test_lead_figure_wins_over_later_background() -> None:
    h = head("A car bomb killed 9 people on Monday. The war has killed 300,000 people since 2011.")
    assert h.killed == 9 and h.date == date(2024, 3, 4)


def test_coordinated_parts_without_a_total_are_added() -> None:
    h = head("Three soldiers and two civilians were killed in the ambush.")
    assert (h.killed, h.civilians_killed, h.combatants_killed) == (5, 2, 3)


def test_parts_under_a_total_are_not_added() -> None:
    h = head("At least 22 people were killed, including six civilians. The rest were fighters.")
    assert (h.killed, h.civilians_killed) == (22, 6)


def test_a_rising_toll_supersedes_the_lead() -> None:
    h = head("Five people were killed in the blast. The death toll later rose to 11.")
    assert h.killed == 11


def test_more_than_counts_as_the_stated_number_and_injured_too() -> None:
    h = head("More than 20 people were killed and 40 wounded in the strikes.")
    assert (h.killed, h.injured) == (20, 40)


def test_unspecified_toll_counts_as_civilian_when_no_combatant_is_named() -> None:
    h = head("An explosion inside a bus killed six people.")
    assert (h.killed, h.civilians_killed, h.combatants_killed) == (6, 6, None)


def test_children_among_an_unspecified_toll_are_not_the_civilian_toll() -> None:
    h = head("At least 48 people were killed in the air strikes, including ten children.")
    assert (h.killed, h.civilians_killed) == (48, 48)


def test_no_figure_no_headline() -> None:
    h = head("The market reopened after the holiday.")
    assert (h.killed, h.injured, h.date) == (None, None, date(2024, 3, 5))


def test_a_precise_figure_beats_a_vague_lead() -> None:
    h = head(
        "Dozens of civilians were killed in air strikes. The strikes killed at least 12 people."
    )
    assert h.killed == 12
    h = head("Four soldiers were killed amid reports that dozens of fighters were killed.")
    assert h.killed == 4


def test_a_coders_summary_figure_is_the_total() -> None:
    h = head("Two people were killed in one village and four in another. Fatalities coded as 7.")
    assert h.killed == 7


def test_a_protest_report_does_not_count_the_killing_it_protests() -> None:
    text = (
        "On 3 March 2024, residents protested outside the police station in the town. "
        "They demanded an investigation into the death of a man who was shot by police."
    )
    assert head(text).killed is None
    fired = "Police opened fire on workers protesting outside a factory, killing five people."
    assert head(fired).killed == 5


def test_a_figure_split_across_events_counts_this_events_share() -> None:
    assert head("Ten people were killed. 10 fatalities split across five events.").killed == 2


def test_vigils_and_gatherings_do_not_count_the_death_they_mourn() -> None:
    texts = [
        "About 50 people gathered outside the city hall in Springfield (Ohio) to demand justice "
        "for a teenager who was shot dead by a guard last month.",
        "Neighbours held peaceful protests in front of the court. They demanded an inquiry into "
        "the deaths of a mother and her son in the town.",
        "Friends of a driver who was beaten to death by soldiers carried out a protest in the "
        "market. Witnesses say he was killed at a checkpoint.",
    ]
    for text in texts:
        assert head(text).killed is None, text


def test_a_crowd_size_marks_a_demonstration_note() -> None:
    cause = "Residents blocked the main road after a youth was killed by a truck. [size=dozens]"
    assert head(cause).killed is None
    mob = "A mob killed a suspected thief in the market. [size=no report]"
    assert head(mob).killed == 1


def test_a_toll_coded_to_another_event_counts_nothing_here() -> None:
    text = (
        "Rebels shelled army positions near Kamyanka. As a result, two soldiers were killed at "
        "unspecified locations (fatalities coded to Nova Dolyna event)."
    )
    assert head(text).killed == 0


def test_a_later_sentence_adds_the_other_sides_dead() -> None:
    text = (
        "On 2 March 2024, militants attacked a village guard post. Six guards and one civilian "
        "were killed. Nine militants were killed when the army intervened."
    )
    assert head(text).killed == 16


def test_a_later_sentence_adds_with_an_additive_cue() -> None:
    text = "Three people were killed in the strike. Another woman and her child died later."
    assert head(text).killed == 5


def test_later_figures_of_other_events_or_restatements_add_nothing() -> None:
    texts = [
        "Six soldiers were killed in the ambush. In a separate attack, 12 militants were killed.",
        "Six soldiers were killed in the ambush. The army said 12 militants had been killed "
        "since Monday.",
        "Six soldiers were killed in the ambush. Six soldiers died, the army confirmed.",
        "Six soldiers were killed in the ambush. Four more were wounded.",
    ]
    for text in texts:
        assert head(text).killed == 6, text


def test_an_update_within_the_lead_is_not_added_to_it() -> None:
    assert head("A bomb killed nine [later 10] people outside the ministry.").killed == 10
    text = "Seven men were killed -- total later raised to 10 -- when soldiers raided a building."
    assert head(text).killed == 10


def test_a_clause_of_another_event_in_the_lead_does_not_add() -> None:
    text = (
        "Two car bombs hit the city, killing five and wounding 18, while gunmen killed a "
        "council member south of the city."
    )
    assert head(text).killed == 5


def test_the_killing_that_set_an_event_off_is_background() -> None:
    text = "At least eleven people were killed in riots after the execution of their leader."
    assert head(text).killed == 11


def test_another_sources_estimate_in_brackets_is_not_added() -> None:
    assert head("At least five people (locals report 10) were killed in the clashes.").killed == 5
    assert head("Five civilians [residents say ten] were killed in the strike.").killed == 5


def test_attacks_added_up_add_up_their_wounded_too() -> None:
    text = (
        "Two bombs exploded in a market in the west of the city, killing at least nine people "
        "and wounding at least 15, while another bomb in the south killed at least six people "
        "and wounded at least 21."
    )
    h = head(text)
    assert (h.killed, h.injured) == (15, 36)


def test_a_second_attack_of_the_paragraph_adds() -> None:
    text = (
        "Eighteen people were killed and 34 injured when a bomber struck the station. "
        "A second attack on a bus claimed 16 lives with 26 injured."
    )
    h = head(text)
    assert (h.killed, h.injured) == (34, 60)


def test_cues_after_the_figure_add_a_later_death() -> None:
    assert head("Gunmen killed the mayor. His son was also killed in the attack.").killed == 2
    assert (
        head("Six people were killed by a car bomb. Six more people died in mortar fire.").killed
        == 12
    )
    text = "A suicide bomber killed at least 16 people. Three other bombs cost 20 more lives."
    assert head(text).killed == 36


def test_another_reports_figure_does_not_add() -> None:
    text = (
        "Gunmen killed the village chief on Monday. Other reports claim three of his aides were "
        "also killed."
    )
    assert head(text).killed == 1


def test_an_attack_hours_later_adds_with_its_wounded() -> None:
    text = (
        "Gunmen opened fire on a restaurant, killing four people and wounding seven. An hour "
        "later, a bomb exploded near a cafe in the same town, killing two people and wounding "
        "seven."
    )
    h = head(text)
    assert (h.killed, h.injured) == (6, 14)


def test_raising_the_toll_is_a_rising_toll_but_a_campaigns_total_is_not() -> None:
    text = "At least eight people were killed in street fighting, raising the death toll to 17."
    assert head(text).killed == 17
    text = "Medics collected nine more bodies, bringing to 1,240 the number of deaths since May."
    assert head(text).killed == 9


def test_the_non_combatant_convention_counts_the_civilian_dead() -> None:
    text = "At least 103 civilians and 14 soldiers were killed when gunmen attacked the village."
    doc = nlp(nlp.make_doc(text))
    claims = doc._.casualty_context.claims
    assert headline(claims, text=text).killed == 117
    assert headline(claims, text=text, counting="non-combatant").killed == 103
    people = "Gunmen killed 12 people in the market."
    doc = nlp(nlp.make_doc(people))
    assert headline(doc._.casualty_context.claims, counting="non-combatant").killed == 12


def test_an_arrest_report_does_not_count_the_killing_it_follows_up() -> None:
    text = "The army arrested ten party members after a rival party member was killed on Monday."
    assert head(text).killed is None
    text = "Police arrested three vendors in relation to the assassination of a militia leader."
    assert head(text).killed is None
    assert head("Soldiers killed two men and arrested five others.").killed == 2


def test_gunmen_blocking_a_vehicle_is_no_protest() -> None:
    text = (
        "Gunmen blocked a vehicle carrying officials and sprayed it with bullets. Two officials "
        "were killed along with another person who was in the car; a bystander was wounded."
    )
    h = head(text)
    assert (h.killed, h.injured) == (3, 1)
    assert head("Residents blocked the main road after a boy was killed by a truck.").killed is None


def test_also_killed_before_a_later_figure_adds_it_with_its_wounded() -> None:
    text = (
        "A roadside bomb ripped through a car, killing two local politicians and badly wounding "
        "a town mayor. The explosion also killed one of the group's bodyguards and wounded "
        "another."
    )
    h = head(text)
    assert (h.killed, h.injured) == (3, 2)
