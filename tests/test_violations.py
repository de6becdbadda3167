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
from warmonitor.extract.violations.armed_groups import canonical, group_of
from warmonitor.extract.violations.labels import identity_label
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


def test_a_crowd_size_tells_a_demonstration_and_returned_fire_a_battle() -> None:
    burned = "On 3 May 2022, residents burned a lorry on the main road. [size=no report]"
    assert classify(burned).main == "mob_violence"
    marched = (
        "On 3 May 2022, traders marched to the town hall to denounce new taxes and set fire "
        "to a council car. [size=around 50]"
    )
    assert classify(marched).main in ("riot", "protest")
    assert kind(classify(marched).main or "other").acled_event in ("Riots", "Protests")
    assert classify("Militants burned a lorry on the main road.").main != "mob_violence"
    shelled = (
        "On 3 May 2022, rebels fired mortars at an army base near the river. "
        "The soldiers returned fire. Two soldiers were killed."
    )
    assert classify(shelled).main == "clash"
    assert classify("Rebels fired mortars at a village near the river.").main == "shelling"


def test_houses_burned_are_no_weapon_but_people_burned_are() -> None:
    torched = describe("Gunmen killed six villagers and torched twenty houses.")
    assert torched.weapon == "Firearms"
    alive = describe("Attackers burned four men alive in their homes.")
    assert alive.weapon == "Primitive Weapons"


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
    assert p.perpetrator.name == "Fulani" and p.perpetrator.kind == "non_state"
    assert p.perpetrator.text == "Fulani herdsmen"
    q = describe("Soldiers opened fire on the crowd, a witness told reporters.")
    assert q.perpetrator is not None and q.perpetrator.kind == "state"
    assert q.perpetrator.name == "Soldiers"
    target = describe("Air strikes on ISIS positions killed dozens of fighters.")
    assert target.perpetrator is None or target.perpetrator.name != "ISIS"
    unknown = describe("Unidentified gunmen killed three traders on the road.")
    assert unknown.perpetrator is not None and unknown.perpetrator.kind == "unknown"
    assert unknown.perpetrator.name is None


def test_the_doer_is_read_through_what_stands_between_it_and_its_act() -> None:
    cases = {
        # a time between the doer and its act
        "Heavily armed cattle rustlers last night killed eleven herders near the river.":
            "cattle rustlers",
        # a group, a number or a force of them after "by"
        "Six traders died in an attack by a group of bandits on the market road.": "bandits",
        "Nine people were killed in a raid by seven militiamen on the camp.": "militiamen",
        # reported, not seen
        "Armed robbers are reported to have killed four drivers on the highway.": "robbers",
        # a named group after a clause that killed someone else ("killed when …")
        "Four guards were killed when the Taliban attacked the district office.": "Taliban",
    }  # fmt: skip
    for text, want in cases.items():
        p = describe(text).perpetrator
        assert p is not None and p.name == want, (text, p)


def test_fighting_between_two_sides_names_both() -> None:
    p = describe("Eight herders died in clashes between the Alpha and Beta clans on Monday.")
    assert p.perpetrator is not None
    assert p.perpetrator.name == "Alpha and Beta clans" and p.perpetrator.kind == "non_state"
    q = describe("Fighting pitting two villages against a militia left five dead.")
    assert q.perpetrator is not None and q.perpetrator.name == "two villages and militia"
    assert dataset_labels(q)["perpetrator_role"] == "Non-State, Internal, No State Sanction"
    time = describe("Three people were shot between 2 and 4 am in the old town.")
    assert time.perpetrator is None


def test_unknown_doers_and_who_they_are() -> None:
    named = describe("Islamist gunmen on motorbikes shot dead six worshippers.").perpetrator
    assert named is not None and named.name == "Islamist gunmen" and named.kind == "non_state"
    blank = describe("Unknown gunmen shot dead six worshippers.").perpetrator
    assert blank is not None and blank.name is None and blank.kind == "unknown"


def test_role_of_a_crowd_and_of_a_coalition_from_the_air() -> None:
    mob = dataset_labels(describe("Two men accused of theft were lynched in the market."))
    assert mob["perpetrator"] is None
    assert mob["perpetrator_role"] == "Non-State, Internal, No State Sanction"
    air = describe("Saudi-led coalition air strikes killed ten people in Saada.", country="YE")
    labels = dataset_labels(air)
    assert labels["perpetrator"] == "Saudi air force"
    assert labels["perpetrator_role"] == "State Perpetrator"


def test_fighting_between_two_sides_is_pitfs_clash_unless_civilians_died(nlp: Language) -> None:
    fight = "Nine men died in clashes between the Alpha and Beta clans over grazing land."
    assert dataset_labels(describe(fight))["violence"] == "Clash"
    shot = "Gunmen shot dead nine villagers in the market on Sunday."
    assert dataset_labels(describe(shot))["violence"] == "Attack/Massacre"
    text = "Nine civilians were killed in fighting between the Alpha and Beta clans on Monday."
    [(_, claims)] = list(extract_documents([Document(text=text)], nlp))
    assert dataset_labels(describe(text), claims)["violence"] == "Attack/Massacre"


def test_a_named_group_resolves_to_the_registry_and_abroad_is_transnational() -> None:
    p = describe("Al-Shabaab militants stormed a hotel in the town.", country="UG")
    assert p.perpetrator is not None
    assert p.perpetrator.actor == "al-shabaab" and p.perpetrator.kind == "transnational"
    for country in ("SO", "KE"):  # where it fights as a domestic group
        home = describe("Al-Shabaab militants stormed a hotel in the town.", country=country)
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


def test_victims_are_read_by_their_place_in_the_sentence() -> None:
    site = describe("A suicide bombing in a Sunni mosque killed 14 worshippers on Friday.")
    assert site.victim_identity is not None and site.victim_identity.community == "Sunni"
    target = describe("A bomb targeting a local police chief killed nine people.")
    assert target.victim_identity is not None
    assert target.victim_identity.occupation == "local police chief"
    assert dataset_labels(target)["victim_identity"] == "police chief"
    passive = describe("A prominent tribal elder has been killed by unknown gunmen.")
    assert passive.victim_identity is not None
    assert dataset_labels(passive)["victim_identity"] == "tribal elder"
    sides = describe("Clashes between Alpha and Beta communities killed nine people.")
    assert sides.victim_identity is None
    source = describe("Iraqi officials: a car bomb hit a checkpoint, killing 12 people.")
    assert source.victim_identity is None


def test_past_the_lead_only_a_community_names_the_victims() -> None:
    lead = "Gunmen killed six people in the crowded cattle market of the town on Monday."
    text = lead + " The governor met teachers and traders later to discuss the killings."
    sentences = [(0, len(lead)), (len(lead) + 1, len(text))]
    assert describe(text, sentences).victim_identity is None
    text = lead + " The victims were all Christian traders."
    p = describe(text, [(0, len(lead)), (len(lead) + 1, len(text))])
    assert p.victim_identity is not None and p.victim_identity.community == "Christian"


def test_the_identity_label_names_the_category_once() -> None:
    many = dataset_labels(describe("Gunmen shot dead three Shiites at a bus stop."))
    assert many["victim_identity"] == "Shiite"
    elders = dataset_labels(describe("Two tribal elders were shot dead in the market."))
    assert elders["victim_identity"] == "tribal elder"


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


def test_a_gathering_is_told_by_what_it_voices() -> None:
    assert classify("Nurses lined the avenue outside the hospital demanding back pay.").main == (
        "protest"
    )
    noted = "On 3 May, retired miners held a press conference with banners at the city hall."
    assert classify(noted).main == "protest"
    assert classify("On 3 May, farmers met near the depot. [size=around 50]").main == "protest"
    blocked = "Drivers blocked the highway with burning tyres and logs in a demonstration."
    assert classify(blocked).main == "riot"
    stopped = "Police intervened to disperse a gathering of traders protesting a new levy."
    assert classify(stopped).main == "protest_intervention"
    attacked = "Shop owners protested the curfew; a rival group attacked the protesters."
    assert classify(attacked).main == "protest_intervention"


def test_an_attack_on_armed_men_is_a_clash_and_unarmed_violence_is_a_mob() -> None:
    soldiers = "Unidentified gunmen shot and killed two soldiers at a checkpoint near the river."
    assert classify(soldiers).main == "clash"
    former = "Gunmen shot dead a former police officer outside his home."
    assert classify(former).main == "armed_attack"
    both = "Government troops and rebels exchanged artillery shelling near the airport."
    assert classify(both).main == "clash"
    beaten = "Motorists cornered and beat up two men suspected of theft at the junction."
    assert classify(beaten).main == "mob_violence"
    rioters = "Rioters clashed with police at the stadium; several were hurt."
    assert classify(rioters).main == "mob_violence"


def test_an_attack_with_mines_is_a_remote_explosive() -> None:
    mined = "Rebels attacked an army convoy with mines on the highway, killing four soldiers."
    assert classify(mined).main == "landmine"
    assert dataset_labels(describe(mined))["sub_event_type"] == "Remote explosive/landmine/IED"


def test_strikes_from_the_air_are_an_air_forces_and_warplanes_name_it() -> None:
    p = describe("Aerial bombardments killed ten villagers near the hills.")
    assert p.perpetrator is not None and p.perpetrator.name == "air force"
    assert p.perpetrator.kind == "state"
    q = describe("Syrian warplanes struck a market, killing 20 people.", country="IQ")
    assert q.perpetrator is not None and q.perpetrator.name == "Syrian air force"
    assert q.perpetrator.kind == "transnational"
    assert dataset_labels(q)["perpetrator_role"] == "Transnational, State"


def test_a_source_is_no_victim_and_the_identity_label_is_its_core_word() -> None:
    said = describe("Two people were killed in the blast, the provincial governor told reporters.")
    assert said.victim_identity is None
    shia = describe("A bomb killed 12 people in a mostly Shi'ite Muslim district of the city.")
    assert dataset_labels(shia)["victim_identity"] == "Shiite"
    mayor = describe("Gunmen killed a prominent Philippine mayor and two aides on Friday.")
    assert dataset_labels(mayor)["victim_identity"] == "mayor"
    camera = describe("A cameraman was shot dead while filming the rally.")
    assert dataset_labels(camera)["victim_identity"] == "journalist"


def test_the_registry_of_armed_actors_names_a_group_one_way() -> None:
    for spelling in ("ISIL", "Daesh", "Islamic State group", "ISIS"):
        assert canonical(spelling) == "Islamic State (ISIS)"
    assert canonical("Huthis") == "Houthi" and canonical("Ansar Allah") == "Houthi"
    assert canonical("al Shabaab") == canonical("Shebab") == "al-Shabab"
    assert canonical("the village guards") == "the village guards"  # no group: as stated
    group = group_of("LRA")
    assert group is not None and "UG" in group.home
    labels = dataset_labels(describe("Daesh fighters stormed the town and shot dead ten men."))
    assert labels["perpetrator"] == "Islamic State (ISIS)"


def test_a_bare_word_for_armed_men_names_no_group_but_keeps_its_kind() -> None:
    labels = dataset_labels(describe("Militants shot dead four farmers on their way home."))
    assert labels["perpetrator"] is None
    assert labels["perpetrator_role"] == "Non-State, Internal, No State Sanction"


def test_the_doer_named_apart_from_the_act() -> None:
    later = describe("Nine traders died on the road. Police said the attackers were bandits.")
    assert later.perpetrator is not None and later.perpetrator.name == "bandits"
    blamed = describe("Twelve farmers were hacked to death. A local chief blamed Alpha rebels.")
    assert blamed.perpetrator is not None and blamed.perpetrator.name == "Alpha rebels"
    members = describe("Two councillors were killed by suspected members of Boko Haram sect.")
    assert members.perpetrator is not None and members.perpetrator.name == "Boko Haram"
    abbreviated = describe("The Ruritanian Air Force (RAF) bombed a market, killing six.")
    assert abbreviated.perpetrator is not None
    assert abbreviated.perpetrator.name == "Ruritanian Air Force"
    single = describe("A policeman shot dead three men at a checkpoint.")
    assert single.perpetrator is not None and single.perpetrator.kind == "state"


def test_victims_by_tribe_nation_and_title() -> None:
    tribe = describe("Gunmen killed seven members of the Alpha tribe near the river.")
    assert identity_label(tribe.victim_identity) == "Alpha"
    nation = describe("Robbers shot dead five Ruritanian traders, police said.")
    assert nation.victim_identity is None  # not a nation the lexicon knows
    abroad = describe("Five Pakistani men were shot dead at a shop by gunmen.")
    assert identity_label(abroad.victim_identity) == "Pakistani"
    title = describe("Gunmen shot dead the deputy director of the water board on Monday.")
    assert identity_label(title.victim_identity) == "deputy director"
    share = describe("A car bomb killed 12 people in a Shiite-majority district of the city.")
    assert identity_label(share.victim_identity) == "Shiite"


def test_the_doers_community_is_not_the_victims() -> None:
    p = describe("Fulani herdsmen killed twelve people in a village on Sunday.")
    assert p.perpetrator is not None and p.perpetrator.name == "Fulani"
    assert p.victim_identity is None or "Fulani" not in p.victim_identity.text


def _identity_of(text: str) -> str | None:
    label = dataset_labels(describe(text))["victim_identity"]
    return label if isinstance(label, str) else None


def test_a_community_word_inside_a_place_or_a_name_is_no_victim() -> None:
    # a place named for a people, a party or a force named for a religion: not the victims
    assert _identity_of("A roadside bomb killed nine labourers in Balochistan province.") == (
        "labourer"
    )
    assert _identity_of("Gunmen killed 13 residents of Gamma Local Government Area.") is None
    assert _identity_of("The Beta Muslim League said three people were shot dead.") is None
    assert _identity_of("Kurdish forces killed six civilians near the border.") is None
    assert _identity_of("Gunmen killed two men on the shore of Lake Turkana.") is None
    # a community that shares a named place's name still tells the victims
    assert _identity_of("A car bomb killed nine in the Shiite-dominated Alpha district.") == (
        "Shiite"
    )


def test_the_identity_label_is_the_whole_community_and_keeps_a_negation() -> None:
    assert _identity_of("Bombs hit mainly Shi'ite neighbourhoods of the city, killing 12.") == (
        "Shiite"
    )
    assert _identity_of("Gunmen stopped a bus and shot 20 non-Muslims dead.") == "non-Muslim"
    assert _identity_of("A blast killed seven members of the Delta minority.") == "Delta"
    assert _identity_of("Rioters attacked Han Chinese shopkeepers, killing four.") == "Han Chinese"


def test_members_of_a_party_are_named_by_the_party() -> None:
    text = "Gunmen killed five members of the Alpha Progressive Party (APP) at a rally."
    assert _identity_of(text) == "Alpha Progressive Party"
    text = "A bomb killed three Beta National Congress supporters in the market."
    assert _identity_of(text) == "Beta National Congress"


def test_the_doer_and_the_source_are_not_the_victims() -> None:
    text = "Suspected Omega herdsmen, on Sunday night, invaded the village, killing 14 people."
    assert _identity_of(text) is None
    text = "Two car bombs killed 19 people, according to security and medical officials."
    assert _identity_of(text) is None
    assert _identity_of("Attacks killed 12 people, including the killing of a judge.") == "judge"
    assert _identity_of("Militiamen opened fire on protesters, killing four.") == "protester"


def test_a_group_is_found_in_any_case_and_in_an_attack_named_for_it() -> None:
    from warmonitor.extract.violations.perpetrators import find_perpetrator

    found = find_perpetrator("Fighters said to be Boko haram members stormed the town.")
    assert found is not None and canonical(found.name or "") == "Boko Haram"
    found = find_perpetrator("Nine traders were killed in a Taliban attack on the market.")
    assert found is not None and found.name == "Taliban"
    # an acronym in lower case, or a name's English first word, is no group
    assert find_perpetrator("They want an islamic state, and the gunmen killed ten.") is not None
    assert canonical("an Islamic state") == "an Islamic state"


def test_foreign_gunmen_are_named_and_sides_are_read_past_the_outbreak() -> None:
    from warmonitor.extract.violations.perpetrators import find_perpetrator

    found = find_perpetrator("Kenyan gunmen killed ten farmers in a raid.", country="ET")
    assert found is not None and found.name == "Kenyan gunmen" and found.kind == "transnational"
    home = find_perpetrator("Kenyan gunmen killed ten farmers in a raid.", country="KE")
    assert home is not None and home.name is None
    text = "Clashes broke out on Sunday between Alpha herders and Beta farmers, killing seven."
    sides = find_perpetrator(text)
    assert sides is not None and sides.name == "Alpha herders and Beta farmers"
