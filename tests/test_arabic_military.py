"""Combatants among the dead of Arabic reports: parts that tell who they were, figures whose
verb follows an aside, and victims named one by one.

Every text here is written for these tests (invented events, invented names)."""

from __future__ import annotations

from typing import Any

from warmonitor.extract.arabic import arabic_headline, extract_arabic
from warmonitor.extract.arabic.figures import find_figures
from warmonitor.extract.arabic.lists import find_lists
from warmonitor.gazetteer.arabic import fold


def headline(text: str) -> dict[str, Any]:
    out = extract_arabic(text, document_id="d", published=None, publisher="Outlet", extractor="t")
    return arabic_headline(
        out.claims, published=None, fallback_place=out.main_place, fallback_period=None
    )


def figures(sentence: str) -> list[tuple[str, int, str, int | None]]:
    return [(f.outcome, f.count.low, f.group, f.part_of) for f in find_figures(fold(sentence))]


def test_a_civilian_named_among_people_makes_the_rest_combatants() -> None:
    head = headline("أسفرت الغارة عن مقتل ستة أشخاص بينهم مدني، وإصابة ثلاثة آخرين.")
    assert (head["civilians_killed"], head["military_killed"]) == (1, 5)


def test_children_among_people_tell_nothing_of_the_rest() -> None:
    head = headline("أسفرت الغارة عن مقتل ستة أشخاص بينهم طفلان.")
    assert (head["civilians_killed"], head["military_killed"]) == (6, None)


def test_parts_in_brackets_and_after_hum_name_the_combatants() -> None:
    assert figures("قتل ثلاثة أشخاص (طفل ومرتزق من الشرطة)") == [
        ("killed", 3, "people", None),
        ("killed", 1, "children", 0),
        ("killed", 1, "security_forces", 0),
    ]
    head = headline(
        "ارتفعت حصيلة القتلى إلى 40، هم: 30 من عناصر التنظيم و8 من الأسايش وحراس المعسكر و2 مدنيين."
    )
    assert (head["civilians_killed"], head["military_killed"]) == (2, 38)


def test_the_verb_after_an_aside_binds_the_count() -> None:
    sentence = "وقال المرصد إن 6 عسكريين، لم تعرف رتبهم بعد، قتلوا في القصف على الموقع."
    assert figures(sentence) == [("killed", 6, "security_forces", None)]
    # a count of another outcome between them breaks the tie
    assert figures("شوهد 6 عسكريين، وأصيب 2، ثم قتلوا") == [("injured", 2, "people", None)]


def test_soldiers_named_by_rank_are_counted_once_each() -> None:
    post = "\n".join(
        [
            "نعي الأبطال الشهداء:",
            "• النقيب: سامر فادي ناصيف من قرية بعيدة",
            "Reply",
            "3 likes",
            "• النقيب: سامر فادي ناصيف من قرية بعيدة",  # the same post shown twice
            "الملازم أول: رامي جود عيسى من بلدة صغيرة pic.twitter.com/Ab1Cd2",
            "المساعد: وسيم تامر حداد",
        ]
    )
    (found,) = find_lists(fold(post))
    assert (found.outcome, found.count, found.group) == ("killed", 3, "security_forces")
    assert headline(post)["military_killed"] == 3


def test_a_names_list_takes_each_items_own_outcome_and_the_group_after_it() -> None:
    post = "\n".join(
        [
            "أسماء الضحايا في القصف على السوق هم:",
            "1- كريم وليد الحسن",
            "2- نادر وليد الحسن",
            "3- جابر علي صالح",
            "جميعهم عناصر في فصيل محلي.",
        ]
    )
    (found,) = find_lists(fold(post))
    assert (found.outcome, found.count, found.group) == ("killed", 3, "combatants")
    both = "\n".join(
        [
            "شهيدة وإصابات جراء القصف وهم:",
            "1 سلمى أحمد شهيدة",
            "2 رامي أحمد إصابة",
            "3 هدى أحمد إصابة",
        ]
    )
    assert [(f.outcome, f.count) for f in find_lists(fold(both))] == [
        ("killed", 1),
        ("injured", 2),
    ]


def test_a_header_with_its_own_count_or_a_news_line_is_no_names_list() -> None:
    counted = "\n".join(["5 إصابات حصيلة أولية:", "1- فلان الأول", "2- فلان الثاني"])
    news = "\n".join(
        ["مقتل شاب بانفجار عبوة في البلدة.", "- حلب: قصف مدفعي على القرى", "- درعا: هدوء"]
    )
    assert find_lists(fold(counted)) == []
    assert find_lists(fold(news)) == []
