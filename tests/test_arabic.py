"""Arabic reports read natively: counts, outcomes, groups, qualifiers, dates, places, voices.

Every sentence here is written for these tests (invented events, real places)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warmonitor.cli import app
from warmonitor.cli.rtl import evidence_text
from warmonitor.extract.arabic import arabic_headline, extract_arabic, language_of
from warmonitor.extract.arabic.dates import find_dates
from warmonitor.extract.arabic.figures import find_figures
from warmonitor.extract.arabic.numbers import NUMBER, parse_number
from warmonitor.gazetteer.arabic import fold
from warmonitor.model import Claim


def figures(sentence: str) -> list[tuple[str, int, int | None, str]]:
    return [(f.outcome, f.count.low, f.count.high, f.group) for f in find_figures(fold(sentence))]


def claims(text: str, published: date | None = None, publisher: str = "Outlet") -> list[Claim]:
    out = extract_arabic(
        text, document_id="d1", published=published, publisher=publisher, extractor="test"
    )
    return out.claims


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("٢٣", 23),
        ("1,250", 1250),
        ("ثلاثة", 3),
        ("ثلاث", 3),
        ("اثنين", 2),
        ("أحد عشر", 11),
        ("خمسة وعشرين", 25),
        ("ثلاثمئة", 300),
        ("مئتي", 200),
        ("أربعة آلاف", 4000),
    ],
)
def test_numbers_in_digits_and_words(words: str, value: int) -> None:
    m = NUMBER.search(fold(words))
    assert m is not None and parse_number(m.group()) == value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قتل ثلاثة مدنيين في قصف على البلدة", [("killed", 3, 3, "civilians")]),
        ("استشهد طفل برصاص قناص", [("killed", 1, 1, "children")]),
        ("مقتل طفلين وامرأة في غارة", [("killed", 2, 2, "children"), ("killed", 1, 1, "women")]),
        ("لقي ٧ أشخاص حتفهم في الانفجار", [("killed", 7, 7, "people")]),
        ("أصيب خمسة عشر مدنياً بجروح", [("injured", 15, 15, "civilians")]),
        ("جرح عنصران من قوات النظام", [("injured", 2, 2, "security_forces")]),
        ("مقتل 4 مقاتلين من تنظيم داعش", [("killed", 4, 4, "armed_group")]),
        ("وسقط 3 قتلى و9 جرحى", [("killed", 3, 3, "people"), ("injured", 9, 9, "people")]),
        ("اعتقال 12 شاباً من القرية", [("detained", 12, 12, "men")]),
        ("اختطاف سيدتين على الطريق", [("kidnapped", 2, 2, "women")]),
        ("نزوح مئات المدنيين من المخيم", [("displaced", 200, 999, "civilians")]),
        ("مقتل ما لا يقل عن 20 مدنياً", [("killed", 20, None, "civilians")]),
        ("مقتل أكثر من 30 شخصاً", [("killed", 31, None, "people")]),
        ("إصابة نحو 40 شخصاً", [("injured", 40, 40, "people")]),
        ("مقتل عشرات المدنيين", [("killed", 20, 99, "civilians")]),
        ("فقدان ثلاثة صيادين في البحر", [("missing", 3, 3, "people")]),
        ("ارتفعت حصيلة القتلى إلى ١٢ شخصاً", [("killed", 12, 12, "people")]),
        (
            "شهيدة وعدد من الجرحى في القصف",
            [("killed", 1, 1, "people"), ("injured", 3, 9, "people")],
        ),
        ("قصفت الطائرات القرية بأكثر من عشرة صواريخ في 7 آب", []),
    ],
)
def test_outcomes_counts_and_groups(
    sentence: str, expected: list[tuple[str, int, int | None, str]]
) -> None:
    assert figures(sentence) == expected


def test_parts_are_tied_to_their_total() -> None:
    found = find_figures(fold("مقتل سبعة مدنيين بينهم ثلاثة أطفال وامرأتان في قصف"))
    total, children, women = found
    assert (total.count.low, children.count.low, women.count.low) == (7, 3, 2)
    assert total.part_of is None and children.part_of == 0 and women.part_of == 0


def test_killed_and_injured_together_is_no_killed_figure() -> None:
    # "killed and wounded 10": neither figure alone
    assert figures("مقتل وإصابة 10 مدنيين") == [("injured", 10, 10, "civilians")]


def test_dates_in_both_month_series_and_weekdays() -> None:
    published = date(2023, 3, 9)  # a Thursday
    days = [d.day for d in find_dates(fold("قصف في 5 آذار 2023 ثم في 6 مارس"), published)]
    assert days == [date(2023, 3, 5), date(2023, 3, 6)]
    (tuesday,) = find_dates(fold("مساء الثلاثاء"), published)
    assert tuesday.day == date(2023, 3, 7)
    (yesterday,) = find_dates(fold("أمس"), published)
    assert yesterday.day == date(2023, 3, 8)
    (october,) = find_dates(fold("15 تشرين الأول/أكتوبر 2022"), published)
    assert october.day == date(2022, 10, 15)


def test_claim_contract_offsets_point_into_the_original_text() -> None:
    text = "إدلب\nقُتِلَ ٣ مدنيين بينهم طفلٌ في قصفٍ مدفعي على مدينة سراقب بريف إدلب الشرقي."
    (total, part) = claims(text)
    assert total.outcome == "killed" and total.count.low == 3
    start, end = total.evidence.figure or (0, 0)
    assert text[start:end] == "٣"
    assert total.count.text == "٣"
    assert part.part_of == total.id and part.victims.group == "children"
    assert total.place is not None and total.place.country == "SY"
    assert total.place.precision == "city" and total.place.text == "سراقب"


def test_village_missing_from_the_gazetteer_falls_back_to_its_governorate() -> None:
    text = "مقتل مدنيين اثنين في قصف على قرية تل المخترعة بريف حماة الشمالي."
    (claim,) = claims(text)
    assert claim.count.low == 2
    assert claim.place is not None
    assert claim.place.precision == "admin1" and claim.place.name == "Hama"


def test_place_names_fold_hamza_taa_marbuta_and_the_article() -> None:
    spellings = ["مقتل شخص في مدينة الرقة", "مقتل شخص في مدينة الرقه", "مقتل شخص في مدينة رقة"]
    places = [claims(t)[0].place for t in spellings]
    assert all(p is not None and p.name == places[0].name for p in places)  # type: ignore[union-attr]


def test_claimant_is_the_registry_actor_and_hedges_are_read() -> None:
    text = (
        "قتل خمسة مدنيين في غارة على بلدة سرمدا، بحسب المرصد السوري لحقوق الإنسان، "
        "ولم يتسن التحقق من الحصيلة بشكل مستقل."
    )
    (claim,) = claims(text)
    assert claim.claimant.name == "Syrian Observatory for Human Rights"
    assert claim.claimant.kind == "monitor"
    assert "unverified" in claim.hedges and "attributed" in claim.hedges


def test_unattributed_figure_is_the_outlets_own() -> None:
    (claim,) = claims("مقتل شاب برصاص مجهولين في مدينة درعا", publisher="Local page")
    assert claim.claimant.name == "Local page" and claim.claimant.kind == "media"


def test_headline_reads_civilians_injured_and_military() -> None:
    text = (
        "مقتل أربعة مدنيين وعنصرين من قوات النظام بقصف على مدينة جسر الشغور\n"
        "وأصيب ستة آخرون بجروح.\n"
        "ووثق المرصد مقتل 230 مدنياً منذ بداية العام."
    )
    out = extract_arabic(text, document_id="d", published=None, publisher=None, extractor="t")
    head = arabic_headline(
        out.claims, published=None, fallback_place=out.main_place, fallback_period=None
    )
    assert head["civilians_killed"] == 4
    assert head["military_killed"] == 2
    assert head["civilians_injured"] == 6
    assert head["country"] == "SY"


def test_language_by_script() -> None:
    assert language_of("قتل ثلاثة مدنيين في قصف. Copy link to Tweet. Back to top") == "ar"
    assert language_of("Three civilians were killed in Idlib (إدلب), the monitor said.") == "en"
    assert language_of("سه غیرنظامی در حمله کشته شدند و چند نفر زخمی شدند") == "fa"


def test_cli_shows_arabic_evidence_right_to_left_and_csv_keeps_a_latin_spelling(
    tmp_path: Path,
) -> None:
    report = tmp_path / "report.txt"
    report.write_text("قتل ثلاثة مدنيين في قصف على مدينة سراقب، بحسب مصادر محلية.\n", "utf-8")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(report), "--db", db]).exit_code == 0
    shown = runner.invoke(app, ["claims", "--evidence", "--db", db])
    assert shown.exit_code == 0
    assert "\u2067" in shown.output and "مدنيين" in shown.output  # isolated right to left
    rows = list(
        csv.DictReader(io.StringIO(runner.invoke(app, ["claims", "-f", "csv", "--db", db]).output))
    )
    (row,) = rows
    assert row["victims_text"] == "مدنيين" and row["victims_text_latin"].isascii()
    assert row["place_text"] == "سراقب" and row["place_text_latin"].lower().startswith("sr")
    assert row["claimant"] == "مصادر محلية" and row["claimant_latin"].isascii()


def test_evidence_highlights_the_figure_and_the_trigger() -> None:
    (claim,) = claims("قتل ثلاثة مدنيين في قصف على مدينة سراقب")
    text = evidence_text(claim)
    styled = {text.plain[s.start : s.end]: str(s.style) for s in text.spans}
    assert styled["ثلاثة"] == "bold reverse" and styled["قتل"] == "bold underline"
    assert text.plain.startswith("\u2067") and text.justify == "right"
