"""The document's places: joint disambiguation, the document's country, the main place.

Every sentence here is the project's own; the places are real, the events are not.
"""

from __future__ import annotations

import math
import time

import pytest

from warmonitor.extract.claims import _specific
from warmonitor.extract.places import PlaceIndex, names_in
from warmonitor.gazetteer import Gazetteer
from warmonitor.gazetteer.cues import locative
from warmonitor.gazetteer.resolve import resolve
from warmonitor.model import Place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def index(
    gaz: Gazetteer, text: str, entities: list[tuple[int, int, str]] | None = None
) -> PlaceIndex:
    return PlaceIndex.build(text, entities or (), gaz)


def main(gaz: Gazetteer, text: str) -> Place:
    place = index(gaz, text).main
    assert place is not None, text
    return place


def km(place: Place, lat: float, lon: float) -> float:
    assert place.lat is not None and place.lon is not None
    p1, p2 = math.radians(place.lat), math.radians(lat)
    dp, dl = p2 - p1, math.radians(lon - place.lon)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


# -- containment ------------------------------------------------------------------------------


def test_containment_beats_a_foreign_country_named_in_passing(gaz: Gazetteer) -> None:
    text = "On 3 May, about 200 people rallied in Granada (Andalucia) against the war in Ukraine."
    places = index(gaz, text)
    assert places.country == "ES"
    place = places.main
    assert place is not None and (place.name, place.country, place.precision) == (
        "Granada",
        "ES",
        "city",
    )


def test_parenthesised_areas_pick_the_namesake_they_hold(gaz: Gazetteer) -> None:
    place = main(gaz, "On 4 May, traders closed their shops in Goma (Goma, Nord-Kivu).")
    assert (place.country, place.precision) == ("CD", "city")
    lexington = main(gaz, "On 9 May, students marched through Lexington (Kentucky).")
    assert (lexington.country, lexington.admin1) == ("US", "Kentucky")


def test_country_named_beside_a_place(gaz: Gazetteer) -> None:
    assert main(gaz, "Clashes in Tripoli, Lebanon, left three dead.").country == "LB"
    assert main(gaz, "Clashes in Tripoli left three dead.").country == "LY"  # the capital


# -- the document's country -------------------------------------------------------------------


def test_demonyms_tell_the_country(gaz: Gazetteer) -> None:
    places = index(gaz, "Iraqi officials said a car bomb killed 12 people on Sunday.")
    assert places.country == "IQ"
    assert places.main is not None and places.main.precision == "country"
    # a demonym votes but is no place of the sentence
    assert places.in_span(0, 40) is None


def test_a_demonym_places_the_town_it_describes(gaz: Gazetteer) -> None:
    text = "Gunmen from across the border attacked the Kenyan town of Garissa, killing six."
    place = main(gaz, text)
    assert (place.name, place.country) == ("Garissa", "KE")


def test_possessive_country_and_the_city_it_names(gaz: Gazetteer) -> None:
    place = main(gaz, "Gunmen shot dead five people in Nigeria's main northern city of Kano.")
    assert (place.name, place.country, place.precision) == ("Kano", "NG", "city")


def test_a_country_named_in_passing_loses_to_the_place_of_the_event(gaz: Gazetteer) -> None:
    text = "Protesters in Lyon condemned the Russian invasion of Ukraine on Friday."
    places = index(gaz, text)
    assert places.country == "FR"
    assert places.main is not None and places.main.name == "Lyon"


def test_a_country_qualifying_a_noun_is_no_place(gaz: Gazetteer) -> None:
    text = "A US envoy visited a camp near Homs on Friday, where shelling killed two people."
    assert main(gaz, text).country == "SY"


# -- what a name is called -----------------------------------------------------------------------


def test_x_province_is_the_area(gaz: Gazetteer) -> None:
    place = main(gaz, "A roadside bomb killed three soldiers in Idlib province.")
    assert (place.country, place.precision) == ("SY", "admin1")
    state = main(gaz, "Gunmen killed nine farmers in Plateau State on Sunday.")
    assert (state.country, state.precision) == ("NG", "admin1")


def test_a_country_named_like_its_state_is_the_country(gaz: Gazetteer) -> None:
    place = main(gaz, "Five people were killed in southern Mexico on Thursday.")
    assert (place.country, place.precision) == ("MX", "country")


# -- well-known places against small namesakes -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Shelling killed four people in Goma on Monday.", "CD"),
        ("Hundreds marched in Dhaka to demand higher wages.", "BD"),
        ("A car bomb exploded in Kabul near the Yakatut Area market.", "AF"),
        ("A car bomb exploded in Madrid.", "ES"),
    ],
)
def test_a_big_city_beats_its_small_namesakes_abroad(
    gaz: Gazetteer, text: str, country: str
) -> None:
    place = main(gaz, text)
    assert (place.country, place.precision) == (country, "city")


# -- falling back to the area ------------------------------------------------------------------


def test_an_unknown_village_falls_back_to_its_areas(gaz: Gazetteer) -> None:
    place = main(gaz, "Militants attacked Qwertovka village (Djugu, Ituri), killing four.")
    assert (place.country, place.precision) == ("CD", "district")


def test_a_namesake_outside_the_area_named_after_it_gives_way_to_the_area(
    gaz: Gazetteer,
) -> None:
    # "Bila Tserkva" is a city of the Kyiv region, not of Luhansk: the text's area wins
    place = main(gaz, "Artillery hit Bila Tserkva, Luhansk, on Friday.")
    assert place.country == "UA" and place.name == "Luhansk"


def test_a_reference_point_is_not_the_place(gaz: Gazetteer) -> None:
    place = main(gaz, "A bomb killed six people in Kut, south of Basra, on Monday.")
    assert place.name == "Al Kūt" and place.country == "IQ"


# -- sentences and the main place --------------------------------------------------------------


def test_in_span_prefers_the_documents_country(gaz: Gazetteer) -> None:
    text = "Rockets fired from Syria hit the Lebanese town of Hermel, killing two. More followed."
    places = index(gaz, text)
    assert places.country == "LB"
    place = places.in_span(0, text.index(".") + 1)
    assert place is not None and (place.text, place.country) == ("Hermel", "LB")
    assert places.in_span(text.index("More"), len(text)) is None


def test_main_place_is_the_most_specific_of_the_first_sentence(gaz: Gazetteer) -> None:
    text = "Fighting in Borno state killed 12 people near Damasak. Later, Maiduguri was calm."
    place = main(gaz, text)
    assert (place.name, place.country, place.precision) == ("Damasak", "NG", "city")


def test_weak_names_do_not_take_the_place(gaz: Gazetteer) -> None:
    text = "Workers blocked the Main Road near the Central Bank in Mosul on Sunday."
    place = main(gaz, text)
    assert place.country == "IQ" and km(place, 36.34, 43.13) < 25


def test_a_person_tagged_by_the_model_is_still_a_place_if_nothing_else_is(
    gaz: Gazetteer,
) -> None:
    text = "Police dispersed a rally in Bosaso on Monday."
    start = text.index("Bosaso")
    places = index(gaz, text, [(start, start + 6, "PERSON")])
    assert places.main is not None and places.main.country == "SO"


def _score(places: PlaceIndex, name: str) -> float:
    return next(m.score for m in places.mentions if m.place.name == name)


def test_the_model_label_counts_against_a_small_place_not_a_well_known_one(
    gaz: Gazetteer,
) -> None:
    text = "Gunmen attacked Bama, and the wounded were taken to Maiduguri."
    bama, maiduguri = text.index("Bama"), text.index("Maiduguri")
    plain = index(gaz, text)
    small = index(gaz, text, [(bama, bama + 4, "PERSON")])
    assert _score(small, "Bama") < _score(plain, "Bama")
    known = index(gaz, text, [(maiduguri, maiduguri + 9, "ORG")])
    assert [m.score for m in known.mentions] == [m.score for m in plain.mentions]


def test_no_place(gaz: Gazetteer) -> None:
    places = index(gaz, "A suicide bomber killed seven people at a market.")
    assert places.main is None and places.country is None


def test_place_step_is_fast(gaz: Gazetteer) -> None:
    text = (
        "Gunmen killed five people in the Nigerian city of Kano on Tuesday, police said, "
        "a day after a bomb exploded in Maiduguri, the capital of Borno State, killing 12 "
        "people and wounding 20 at a market near the main mosque."
    )
    PlaceIndex.build(text, (), gaz)
    start = time.perf_counter()
    for _ in range(100):
        PlaceIndex.build(text, (), gaz)
    assert (time.perf_counter() - start) / 100 < 0.005  # about 0.5 ms here


# -- names beside names, capitals, the lead -------------------------------------------------


def test_a_place_in_another_country_s_area_is_denied(gaz: Gazetteer) -> None:
    # "Toulouse" has no namesake in Plateau State: a village missing from the gazetteer
    places = index(gaz, "Gunmen raided Toulouse Development Area of Plateau State on Sunday.")
    assert places.country == "NG"
    place = places.main
    assert place is not None and (place.name, place.precision) == ("Plateau", "admin1")


def test_a_quarter_of_a_city_abroad_takes_the_city(gaz: Gazetteer) -> None:
    places = index(gaz, "A bomb went off at Cairo Square in northern Kabul, killing four.")
    assert places.country == "AF"
    assert places.main is not None and places.main.name == "Kabul"


def test_a_name_before_a_facility_votes_weakly(gaz: Gazetteer) -> None:
    places = index(gaz, "Gunmen shot dead six traders near the Niger Bridge in Onitsha.")
    assert places.country == "NG"
    assert places.main is not None and places.main.name == "Onitsha"


def test_a_capital_standing_for_its_government_is_not_the_place(gaz: Gazetteer) -> None:
    place = main(gaz, "A militia backed by Kabul killed 12 people in Helmand province.")
    assert (place.name, place.precision) == ("Helmand", "admin1")


def test_the_demonym_s_capital_is_its_capital(gaz: Gazetteer) -> None:
    text = "Twelve Egyptians were killed by a rocket in the Libyan capital, Egypt's media said."
    places = index(gaz, text)
    assert places.country == "LY"
    place = places.main
    assert place is not None and (place.name, place.country) == ("Tripoli", "LY")
    # "the capital of Iraq's northern region" is not Baghdad
    places = index(gaz, "Six died in the capital of Iraq's northern region on Sunday.")
    assert all(m.place.name != "Baghdad" for m in places.mentions)


def test_a_sentence_with_only_a_reference_point_takes_the_main_place(gaz: Gazetteer) -> None:
    text = (
        "Twenty people died in an attack on a police post in a town north of the capital, "
        "Kabul. The attack on the post in Ghazni lasted hours."
    )
    places = index(gaz, text)
    first = text.index(".") + 1
    assert places.in_span(0, first) is None
    assert places.main is not None and places.main.name == "Ghazni"


def test_a_name_written_twice_is_of_one_country(gaz: Gazetteer) -> None:
    places = index(gaz, "Protesters gathered in Trujillo state (coded to Trujillo, Trujillo).")
    assert {m.entry.country for m in places.mentions} == {"VE"}


def test_a_region_of_several_areas_is_in_their_country(gaz: Gazetteer) -> None:
    places = index(gaz, "Fighting in Darfur killed 30 people, the United Nations said.")
    assert places.country == "SD"
    assert places.main is not None and places.main.precision == "admin1"


def test_given_sentences_decide_the_lead(gaz: Gazetteer) -> None:
    text = "Shelling hit Homs; later that day 5 died in Hama."
    split = PlaceIndex.build(text, (), gaz)
    whole = PlaceIndex.build(text, (), gaz, sentences=[(0, len(text))])
    assert [m.sentence for m in split.mentions] == [0, 1]
    assert [m.sentence for m in whole.mentions] == [0, 0]
    assert split.main is not None and split.main.text == "Homs"
    assert whole.main is not None and whole.main.text == "Hama"  # "in Hama", in the lead


def test_a_sentence_naming_the_main_place_s_area_takes_the_main_place() -> None:
    town = Place("Bama", "NG", 11.52, 13.69, 1, admin1="Borno", precision="city")
    state = Place("Borno", "NG", 11.85, 13.16, 2, admin1="Borno", precision="admin1")
    other = Place("Kano", "NG", 12.0, 8.52, 3, admin1="Kano", precision="admin1")
    district = Place("Gwoza", "NG", 11.08, 13.69, 4, admin1="Borno", precision="district")
    assert _specific(state, town) == town
    assert _specific(district, town) == town
    assert _specific(other, town) == other
    assert _specific(state, state) == state
    assert _specific(None, town) == town


def test_hyphenated_place_names_are_read_apart(gaz: Gazetteer) -> None:
    found = {m.text: m for m in gaz.scan("Gunmen stopped a bus on the Kano-Zaria highway.")}
    assert found["Kano"].candidates[0].country == "NG"
    assert found["Zaria"].candidates[0].country == "NG"
    whole = [m.text for m in gaz.scan("Troops from Guinea-Bissau and al-Bab.")]
    assert whole == ["Guinea-Bissau", "al-Bab"]


def test_the_ends_of_a_route_are_reference_points(gaz: Gazetteer) -> None:
    idx = index(gaz, "A bomb hit a bus in Ringim on the Kano-Zaria highway, killing four.")
    ends = [m for m in idx.mentions if m.place.name in ("Kano", "Zaria")]
    assert ends and all(m.reference for m in ends)
    assert main(gaz, "A bomb hit a bus in Ringim on the Kano-Zaria highway.").name == "Ringim"


def test_a_first_level_area_spelt_alike_is_found_in_any_text(gaz: Gazetteer) -> None:
    text = "Indian officials condemned a blast in the southwestern province of Baluchistan."
    assert main(gaz, text).name == "Balochistan"


def test_a_region_named_like_a_small_place_abroad(gaz: Gazetteer) -> None:
    idx = index(gaz, "Militants killed two tribal leaders near Rafah in northern Sinai.")
    assert idx.country == "EG"


def test_a_locality_is_an_area_and_denies_a_namesake_abroad(gaz: Gazetteer) -> None:
    text = "Herders clashed with farmers near the village of X in El Salam locality, South Darfur."
    idx = index(gaz, text)
    assert idx.country == "SD"
    assert main(gaz, text).name == "South Darfur"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Al-Shabab militants shot dead three farmers on Sunday.", "SO"),
        ("Gunmen killed two activists of the Muttahida Qaumi Movement.", "PK"),
        ("Two Frontier Corps soldiers died in the blast.", "PK"),
        ("Fighters of the ex-Seleka attacked a village, killing nine.", "CF"),
        ("An air raid on villages in East Jebel Marra killed six.", "SD"),
    ],
)
def test_groups_and_regions_of_one_country_tell_it(gaz: Gazetteer, text: str, country: str) -> None:
    assert index(gaz, text).country == country


def test_a_name_called_a_date_without_digits_is_still_a_place(gaz: Gazetteer) -> None:
    text = "Gunmen raided the south-eastern Niger village of Gogone."
    start = text.index("Niger")
    idx = index(gaz, text, [(start, start + len("Niger"), "DATE")])
    assert idx.country == "NE"
    dated = "Gunmen raided a village on 3 May."
    begin = dated.index("3 May")
    assert index(gaz, dated, [(begin, begin + 5, "DATE")]).country is None


def test_resolve_takes_the_callers_locative_cues(gaz: Gazetteer) -> None:
    text = (
        "Shelling hit Homs and Hama on Monday, a monitor in Idlib said. "
        "Talks in Geneva on Syria stalled; in the village of Kafr Nabl two died."
    )
    mentions = names_in(text, gaz)
    put = [locative(text, m.start) for m in mentions]
    assert any(put) and not all(put)
    assert resolve(text, mentions, where=put) == resolve(text, mentions)
    built = PlaceIndex.build(text, (), gaz)  # the cue read once, passed on
    again = PlaceIndex.build(text, (), gaz, names=mentions)
    assert built.mentions == again.mentions and built.countries == again.countries
    assert built.country == "SY"
