"""The country and places of Arabic reports: the report's own country before its words.

Every text here is written for these tests (invented events, real places)."""

from __future__ import annotations

from warmonitor.extract.arabic import extract_arabic
from warmonitor.extract.arabic.claims import Extraction
from warmonitor.extract.arabic.countries import country_hints
from warmonitor.gazetteer.arabic import fold


def extract(text: str) -> Extraction:
    return extract_arabic(text, document_id="d1", published=None, publisher="Outlet", extractor="t")


def test_a_post_naming_no_known_place_takes_the_country_of_the_forces_it_names() -> None:
    text = "#قرية_الزعفرانة_الصغرى\nمقتل طفلين بقصف مدفعي لقوات النظام على منازل المدنيين."
    out = extract(text)
    assert out.main_place is not None and out.main_place.country == "SY"
    assert out.event is not None and out.event.country == "SY"


def test_outlets_and_one_word_names_tell_no_country() -> None:
    # an outlet's home is not where its story happens; "المسيرة" is also a drone
    assert not country_hints(fold("نقلت قناة الجزيرة أن طائرة المسيرة حلقت فوق المنطقة."))
    votes = dict(country_hints(fold("وقالت قوات سوريا الديمقراطية إن عناصرها صدوا الهجوم.")))
    assert votes == {"SY": 1}


def test_common_words_that_are_foreign_place_names_are_no_places() -> None:
    text = (
        "كشفت مصادر محلية وأن الخبر صحيح: أصيب ثلاثة مدنيين بقصف جوي على مدينة سراقب، "
        "وأكدت السلطات أن الدفاع الجوي تصدى للصواريخ."
    )
    out = extract(text)
    assert out.event is not None and out.event.country == "SY"
    assert {p.country for p in out.event.places} == {"SY"}
    (claim,) = out.claims
    assert claim.place is not None and claim.place.text == "سراقب"


def test_a_page_menu_of_capitals_does_not_outvote_the_report() -> None:
    menu = "\n".join(["بيروت", "القاهرة", "باريس", "الرياض", "أنقرة", "طهران", "الدوحة"] * 3)
    story = (
        "مقتل أربعة مدنيين بينهم طفل بغارة جوية على بلدة في ريف إدلب الجنوبي.\n"
        "وقال الدفاع المدني إن فرقه انتشلت الجثث من تحت الأنقاض."
    )
    out = extract(menu + "\n" + story)
    assert out.event is not None and out.event.country == "SY"
    assert out.main_place is not None and out.main_place.country == "SY"


def test_a_name_written_as_one_word_in_a_hashtag_is_found() -> None:
    out = extract("#جسرالشغور\nإصابة ثلاثة مدنيين بقصف مدفعي على المدينة قبل قليل.")
    assert out.main_place is not None and out.main_place.name.startswith("Jisr")


def test_a_common_word_named_a_place_by_its_designator_is_the_place() -> None:
    (claim,) = extract("مقتل مدنيين اثنين بقصف صاروخي على مدينة الباب شرقي حلب.").claims
    assert claim.place is not None and claim.place.text == "الباب"
    assert claim.place.country == "SY"


def test_words_broken_by_tatweel_and_a_dot_are_read_whole() -> None:
    text = "مقـ.ـتل 3 مدنيين بقصـ .ـف جوي على بلدة في ريف حماة."
    (claim,) = extract(text).claims
    assert claim.outcome == "killed" and claim.count.low == 3
    start, end = claim.evidence.figure or (0, 0)
    assert text[start:end] == "3"
    assert claim.evidence.trigger is not None
    assert text[slice(*claim.evidence.trigger)] == "مقـ.ـتل"
