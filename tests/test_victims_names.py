"""Names of victims: Arabic normalisation and comparison across scripts (invented names only)."""

from __future__ import annotations

import pytest

from warmonitor.victims import name_tokens, normalize_arabic, normalize_latin, skeleton_tokens


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("أزمرتان", "ازمرتان"),  # alef with hamza above
        ("إزمرتان", "ازمرتان"),  # alef with hamza below
        ("آزمرتان", "ازمرتان"),  # alef with madda
        ("قبلوسة", "قبلوسه"),  # taa marbuta
        ("دنفرى", "دنفري"),  # alif maqsura
        ("زَمْرَتَان", "زمرتان"),  # diacritics
        ("زمـــرتان", "زمرتان"),  # tatweel
        ("ؤبلان", "وبلان"),  # waw with hamza
        ("زمرتان ١٢", "زمرتان"),  # Arabic-Indic digits are no part of a name
    ],
)
def test_arabic_letters_fold_to_one_form(variant: str, plain: str) -> None:
    assert normalize_arabic(variant) == plain


def test_son_of_is_dropped_and_compounds_are_joined() -> None:
    assert name_tokens("زمرتان بن قبلوس") == name_tokens("زمرتان قبلوس")
    assert name_tokens("زمرتان ابن قبلوس") == ["زمرتان", "قبلوس"]
    assert name_tokens("عبد الزمرتان دنفار") == name_tokens("عبدالزمرتان دنفار")
    assert name_tokens("ابو قبلوس") == ["ابوقبلوس"]
    assert name_tokens("نورو الدين") == ["نوروالدين"]


def test_a_trailing_compound_head_joins_the_part_before_it() -> None:
    # Two parts, the last a compound's head ("… عبد"): it joins the first (found by fuzzing;
    # it raised IndexError).
    assert name_tokens("زمرتان عبد") == ["زمرتانعبد"]
    assert name_tokens("قبلوس زمرتان ابو") == ["قبلوس", "زمرتانابو"]


def test_the_article_is_cut_in_either_script() -> None:
    assert name_tokens("زمرتان الدنفاري") == name_tokens("زمرتان دنفاري")
    assert name_tokens("Zamartan al-Danfari") == name_tokens("Zamartan Danfari")
    assert name_tokens("Zamartan El Danfari") == ["zamartan", "danfari"]
    assert name_tokens("Zamartan bin Qablous") == ["zamartan", "qablous"]


def test_latin_compounds_join_like_arabic_ones() -> None:
    joined = skeleton_tokens("Abdelzamar Danfar")
    assert skeleton_tokens("Abd al-Zamar Danfar") == joined
    assert skeleton_tokens("Abdul Zamar Danfar") == joined
    assert skeleton_tokens("عبد الزمر دنفار") == joined


def test_latin_spelling_is_folded() -> None:
    assert normalize_latin("Zámártàn  Qab'lousi") == "zamartan qablousi"


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Zamartan Qablousi Danfar", "زمرتان قبلوسي دنفار"),
        ("Kholoud Sharaf Tazeen", "خلود شرف تزين"),
        ("Zamartana Qablousi", "زمرتانة قبلوسي"),  # taa marbuta as a final -a
        ("Yousef Dajani", "يوسف دجاني"),
    ],
)
def test_latin_and_arabic_spellings_share_a_skeleton(latin: str, arabic: str) -> None:
    assert skeleton_tokens(latin) == skeleton_tokens(arabic)


def test_different_names_keep_different_skeletons() -> None:
    assert skeleton_tokens("Zamartan Danfar") != skeleton_tokens("Qablous Danfar")
    assert skeleton_tokens("زمرتان دنفار") != skeleton_tokens("زمرتان قبلوس")
