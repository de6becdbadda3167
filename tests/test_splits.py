"""Coders' notes that share a toll among several coded events."""

from __future__ import annotations

import pytest

from warmonitor.extract.headline import Split, find_split


@pytest.mark.parametrize(
    ("text", "total", "share"),
    [
        ("Both sides lost men. 40 fatalities split between 6 events.", None, 7),
        ("Unclear fatalities coded as 12 and split between 2 locations.", None, 6),
        ("At least 28 fighters were killed. Fatalities are split across two events.", 28, 14),
        ("Unclear fatalities coded as 10 and split over 2 days and 2 locations.", None, 3),
        ("Three civilians died [3 fatalities split among 2 events].", None, 2),
        ("40 fatalities split between 6 events (3 locations across 2 days).", None, 7),
        ("27 fatalities split across 4 events coded as 6.", None, 6),
        ("One man died. Fatalities split across 4 events coded as 0.", 1, 0),
        ("Fatalities coded to 10, and split between both locations 5 each.", None, 5),
        ("2 fatalities spread across five events.", None, 0),
    ],
)
def test_this_events_share(text: str, total: int | None, share: int) -> None:
    split = find_split(text)
    assert split is not None
    assert split.share(total) == share


def test_an_allocation_by_place_is_read_for_the_lead_place() -> None:
    text = (
        "Shelling hit four villages. Unknown fatalities coded as 6 and split across the four "
        "locations as follows: 2 Tal Hamra, 2 Ain Issa, 1 Abu Rasin, and 1 Qasr Nur."
    )
    split = find_split(text)
    assert split is not None
    assert split.allocation[0] == ("Tal Hamra", 2)
    assert split.share(None, "Artillery shelled Abu Rasin village at dawn.") == 1
    assert split.share(None, "Artillery shelled the area.") == 2  # 6 over four, rounded up


@pytest.mark.parametrize(
    "text",
    [
        "The rebels split into two groups and attacked the village.",
        "The family was split between two countries.",
        "The convoy was split between two towns but nobody was hurt.",
    ],
)
def test_other_splits_are_not_notes(text: str) -> None:
    assert find_split(text) is None


def test_a_note_without_a_count_of_events_shares_nothing() -> None:
    assert Split(total=9, parts=None).share(None) == 9


def test_a_toll_coded_to_another_event_is_not_this_ones() -> None:
    text = (
        "Rebels shelled positions near Kamyanka. Two soldiers were killed at unspecified "
        "locations (fatalities coded to Nova Dolyna event)."
    )
    split = find_split(text)
    assert split is not None and split.elsewhere == "Nova Dolyna"
    assert split.share(2, "Rebels shelled positions near Kamyanka.") == 0
    assert split.share(2, "Rebels shelled positions near Nova Dolyna.") == 2
