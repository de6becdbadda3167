"""Exports of reconciled incidents from a real SQLite store: CSV, JSON, GeoJSON, UCDP GED-like,
ACLED-like and Parquet."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from reconcile_factory import KHARKIV, LATAKIA, claim
from warmonitor.errors import ConfigurationError
from warmonitor.export import (
    ACLED_COLUMNS,
    EXPORT_FORMATS,
    TALLY_COLUMNS,
    UCDP_COLUMNS,
    export_incidents,
    tally_rows,
)
from warmonitor.model import Document, Perpetrator, Place, Violation
from warmonitor.reconcile import reconcile
from warmonitor.store import Store
from warmonitor.violation_filters import ViolationFilter

COAST = Document(
    "More than 1,000 people have been killed in two days of clashes on the coast.",
    title="Hundreds killed on Syria's coast",
    published=date(2025, 3, 9),
    publisher="Reuters",
    url="https://example.org/coast",
)
KHARKIV_REPORT = Document(
    "Shelling killed 40 people in Kharkiv on Friday.", published=date(2024, 5, 11)
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'export.db'}") as opened:
        sohr = "Syrian Observatory for Human Rights"
        on: dict[str, Any] = {
            "doc": COAST.id,
            "place": LATAKIA,
            "day": date(2025, 3, 8),
            "claimant": sohr,
        }
        total = claim(
            (1001, None), text="More than 1,000", stated=1000, hedges=("unverified",), **on
        )
        coast = [
            total,
            claim(745, group="civilians", part_of=total.id, **on),
            claim(125, group="security_forces", part_of=total.id, **on),
            claim(148, group="armed_group", part_of=total.id, **on),
            claim(
                (200, None),
                group="security_forces",
                doc=COAST.id,
                place=LATAKIA,
                day=date(2025, 3, 6),
                claimant="Syrian security sources",
                kind="military",
            ),
        ]
        opened.save(COAST, coast)
        opened.save(
            KHARKIV_REPORT,
            [
                claim(
                    40,
                    doc=KHARKIV_REPORT.id,
                    place=KHARKIV,
                    day=date(2024, 5, 10),
                    claimant="regional governor",
                    kind="government",
                ).with_(
                    violations=(Violation("shelling", "Shelling"),),
                    perpetrator=Perpetrator("Russian forces", "Russian forces", "transnational"),
                )
            ],
        )
        yield opened


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_has_one_row_per_tally_with_its_claims(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "out" / "incidents.csv"
    assert export_incidents(store, "csv", path) == 7  # 5 tallies, 2 incident totals
    rows = read_csv(path)
    assert list(rows[0]) == TALLY_COLUMNS
    security = next(r for r in rows if r["victims_group"] == "security_forces")
    assert (security["low"], security["best"], security["high"], security["high_open"]) == (
        "125",
        "125",
        "200",
        "True",
    )
    assert "Syrian security sources say at least 200" in security["flags"]
    assert len(security["claims"].split("; ")) == 2
    # each row cites its incident's documents by address (a title where there is none)
    assert {r["source_urls"] for r in rows if r["country"] == "SY"} == {"https://example.org/coast"}
    assert {r["named_victims"] for r in rows if r["row_kind"] != "total"} == {""}


def test_csv_marks_totals_and_parts_so_that_a_sum_never_double_counts(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "incidents.csv"
    export_incidents(store, "csv", path)
    rows = read_csv(path)
    kinds = [(r["victims_group"], r["row_kind"], r["part_of"]) for r in rows]
    assert kinds == [
        ("all", "total", ""),  # Kharkiv: the incident's total first, then its tallies
        ("people", "whole", ""),
        ("all", "total", ""),  # the coast
        ("people", "whole", ""),
        ("civilians", "part", "all"),
        ("security_forces", "part", "all"),
        ("armed_group", "part", "all"),
    ]
    totals = [r for r in rows if r["row_kind"] == "total"]
    assert [(r["best"], r["total_basis"]) for r in totals] == [("40", "people"), ("1018", "groups")]
    assert sum(int(r["best"]) for r in totals) == 1058  # the killed of both, each counted once
    assert "civilians: 745" in totals[1]["sources"]


def test_nested_groups_name_the_group_they_are_part_of(tmp_path: Path) -> None:
    report = Document(
        "Twelve killed in Kharkiv, five of them children.", published=date(2024, 6, 2)
    )
    on: dict[str, Any] = {"doc": report.id, "place": KHARKIV, "day": date(2024, 6, 1)}
    civilians = claim(12, group="civilians", claimant="police", kind="government", **on)
    children = claim(5, group="children", claimant="police", part_of=civilians.id, **on)
    with Store.open(f"sqlite:///{tmp_path / 'nested.db'}") as nested:
        nested.save(report, [civilians, children])
        export_incidents(nested, "csv", tmp_path / "nested.csv")
    rows = read_csv(tmp_path / "nested.csv")
    kinds = [(r["victims_group"], r["row_kind"], r["part_of"], r["best"]) for r in rows]
    assert kinds == [
        ("all", "total", "", "12"),
        ("civilians", "part", "all", "12"),
        ("children", "part", "civilians", "5"),  # inside the civilians, not beside them
    ]


def test_json_holds_the_incidents_and_the_claims_behind_them(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "incidents.json"
    assert export_incidents(store, "json", path, policy="median") == 2
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["policy"] == "median"
    ids = {c for incident in data["incidents"] for c in incident["claims"]}
    assert set(data["claims"]) == ids and len(ids) == 6
    assert all(incident["policy"] == "median" for incident in data["incidents"])


def test_geojson_is_a_feature_collection_in_lon_lat_order(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "incidents.geojson"
    assert export_incidents(store, "geojson", path) == 2
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    coast = next(f for f in data["features"] if f["properties"]["place"] == "Latakia")
    assert coast["type"] == "Feature"
    assert coast["geometry"] == {"type": "Point", "coordinates": [35.7833, 35.5167]}  # lon, lat
    properties = coast["properties"]
    assert all(not isinstance(v, dict | list) for v in properties.values())  # flat
    assert properties["killed_best"] == 1018 and properties["killed_high_open"] is True
    assert properties["killed_security_forces_best"] == 125
    assert properties["flags"] == 1 and properties["hedged"] is True


def test_ucdp_columns(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    assert export_incidents(store, "ucdp", path) == 2
    rows = read_csv(path)
    assert list(rows[0]) == UCDP_COLUMNS
    coast = next(r for r in rows if r["where_coordinates"] == "Latakia")
    assert (coast["deaths_a"], coast["deaths_b"], coast["deaths_civilians"]) == (
        "125",
        "148",
        "745",
    )
    assert (coast["low"], coast["best"], coast["high"]) == ("1018", "1018", "1093")
    assert coast["deaths_unknown"] == "0" and coast["warmonitor_high_open"] == "True"
    assert (coast["where_prec"], coast["date_prec"]) == ("1", "2")
    assert (coast["date_start"], coast["date_end"]) == ("2025-03-06", "2025-03-08")
    assert coast["source_article"] == "https://example.org/coast"
    assert coast["source_headline"] == "Hundreds killed on Syria's coast"
    assert coast["source_date"] == "2025-03-09" and coast["source_office"] == "Reuters"
    assert "Syrian security sources" in coast["source_original"]
    assert coast["geom_wkt"] == "POINT (35.7833 35.5167)"


def test_acled_columns(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    export_incidents(store, "acled", path)
    rows = read_csv(path)
    assert list(rows[0]) == ACLED_COLUMNS
    coast = next(r for r in rows if r["location"] == "Latakia")
    assert (coast["event_date"], coast["time_precision"]) == ("2025-03-06", "2")
    assert coast["fatalities"] == "1018"  # one conservative number
    assert (coast["admin1"], coast["country"], coast["geo_precision"]) == ("Latakia", "SY", "1")
    assert coast["actor2"] == "Civilians (SY)"
    assert coast["civilian_targeting"] == "Civilian targeting"
    assert "Syrian security sources say at least 200" in coast["notes"]
    assert coast["tags"] == "unverified"


def test_acled_and_ucdp_rows_carry_the_violation_and_its_perpetrator(
    store: Store, tmp_path: Path
) -> None:
    acled, ucdp = tmp_path / "acled.csv", tmp_path / "ged.csv"
    export_incidents(store, "acled", acled)
    export_incidents(store, "ucdp", ucdp)
    shelled = next(r for r in read_csv(acled) if r["location"] == "Kharkiv")
    assert (shelled["event_type"], shelled["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    assert (shelled["disorder_type"], shelled["actor1"]) == ("Political violence", "Russian forces")
    coast = next(r for r in read_csv(acled) if r["location"] == "Latakia")
    assert coast["event_type"] == "" and coast["actor1"] == ""  # no violation read: left blank
    ged = next(r for r in read_csv(ucdp) if r["where_coordinates"] == "Kharkiv")
    assert (ged["type_of_violence"], ged["side_a"], ged["side_b"]) == (
        "3",
        "Russian forces",
        "Civilians",
    )
    assert ged["warmonitor_violations"] == "shelling"


def test_exports_keep_the_incidents_of_a_violation_type(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "shelling.csv"
    assert export_incidents(store, "acled", path, wanted=ViolationFilter("shelling")) == 1
    assert [r["location"] for r in read_csv(path)] == ["Kharkiv"]
    none = ViolationFilter(perpetrator_kind="state")
    assert export_incidents(store, "acled", tmp_path / "state.csv", wanted=none) == 0


def test_parquet(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "incidents.parquet"
    assert export_incidents(store, "parquet", path) == 7
    table = pq.read_table(path)
    assert table.column_names == TALLY_COLUMNS and table.num_rows == 7
    assert table.column("row_kind").to_pylist() == [
        *("total", "whole"),
        *("total", "whole", "part", "part", "part"),
    ]


def test_parquet_without_pyarrow_says_how_to_get_it(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ConfigurationError, match="pip install pyarrow"):
        export_incidents(store, "parquet", tmp_path / "x.parquet")
    assert not (tmp_path / "x.parquet").exists()


def test_unknown_format(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match=", ".join(EXPORT_FORMATS)):
        export_incidents(store, "xlsx", tmp_path / "x.xlsx")


def test_an_empty_store_exports_empty_files(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'empty.db'}") as empty:
        assert export_incidents(empty, "geojson", tmp_path / "e.geojson") == 0
        assert export_incidents(empty, "ucdp", tmp_path / "e.csv") == 0
    data = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert data == {"type": "FeatureCollection", "features": []}
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").startswith("id,year,")


def test_arabic_words_keep_their_script_with_a_latin_spelling_beside_them() -> None:
    aleppo = Place("حلب", "SY", 36.2, 37.16, None, "Aleppo", "city", "حلب")
    found = claim(12, doc="doc-ar", place=aleppo, claimant="شبكة أخبار محلية", kind="media")
    (incident,) = reconcile([found], {"doc-ar": date(2024, 3, 5)})
    (row,) = [r for r in tally_rows([incident]) if r["row_kind"] == "whole"]
    assert "حلب" in row["place"] and row["place_latin"].isascii() and row["place_latin"]
    assert "شبكة" in row["sources"] and row["sources_latin"].isascii()
    assert row["label_latin"].isascii()
