"""Issue #20: the field-by-field merge of a conflict is a core rule, tested here without Qt."""

from __future__ import annotations

import dataclasses
import datetime as dt

from transfer_tool.countries.merge import destination_parts, merge_destination
from transfer_tool.countries.model import AccessLaw, AppiInfo, Destination, RegimeEntry
from transfer_tool.domain import AdequacyStatus
from transfer_tool.register.conflicts import KEEP_MINE, KEEP_THEIRS, changed_since, merge_fields


def test_merge_keeps_mine_except_the_fields_chosen_as_theirs() -> None:
    mine = {"purpose": "support desk", "retention": "1 year", "volume": "small"}
    theirs = {"purpose": "payroll", "retention": "2 years", "volume": "large"}
    merged = merge_fields(mine, theirs, {"retention": KEEP_THEIRS, "volume": KEEP_MINE})
    assert merged == {"purpose": "support desk", "retention": "2 years", "volume": "small"}
    assert mine["retention"] == "1 year"  # the inputs are not changed


def test_taking_theirs_for_a_field_they_do_not_have_removes_it() -> None:
    merged = merge_fields({"a": 1, "b": 2}, {"a": 3}, {"b": KEEP_THEIRS})
    assert merged == {"a": 1}


def test_taking_theirs_for_a_field_only_they_have_adds_it() -> None:
    assert merge_fields({"a": 1}, {"a": 3, "c": 4}, {"c": KEEP_THEIRS}) == {"a": 1, "c": 4}


def test_no_choices_is_mine_unchanged() -> None:
    assert merge_fields({"a": 1}, {"a": 2, "b": 3}, {}) == {"a": 1}


def _us(notes: str, *, version: int = 1) -> Destination:
    return Destination(
        code="US",
        name_en="United States",
        name_ja="アメリカ合衆国",
        regimes={
            "EU": RegimeEntry(
                "EU", AdequacyStatus.PARTIAL, condition="DPF", adopted=dt.date(2023, 7, 10), notes=notes
            ),
        },
        access_laws=(AccessLaw("fisa702", "FISA Section 702", True, notes),),
        appi=AppiInfo(has_protection_system=False, system_summary=notes),
        version=version,
    )


def test_destination_parts_name_every_regime_separately() -> None:
    dest = _us("x")
    dest = dataclasses.replace(
        dest, regimes={**dest.regimes, "UK": RegimeEntry("UK", AdequacyStatus.ADEQUATE)}
    )
    assert set(destination_parts(dest)) == {
        "name_en",
        "name_ja",
        "kind",
        "regimes.EU",
        "regimes.UK",
        "access_laws",
        "appi",
    }


def test_merge_destination_takes_the_parts_chosen_as_theirs() -> None:
    mine, theirs = _us("mine"), _us("theirs", version=2)
    theirs = dataclasses.replace(theirs, name_en="USA")
    merged = merge_destination(mine, theirs, {"regimes.EU": KEEP_THEIRS, "name_en": KEEP_THEIRS})
    assert merged.name_en == "USA"
    assert merged.regimes["EU"].notes == "theirs"
    assert merged.access_laws[0].reason == "mine"
    assert merged.appi is not None and merged.appi.system_summary == "mine"
    assert merged.version == 1  # the version is mine: rebasing on theirs is the editor's step


def test_merge_destination_adds_a_regime_only_they_have_and_drops_one_they_removed() -> None:
    mine = _us("mine")
    uk = RegimeEntry("UK", AdequacyStatus.ADEQUATE, notes="theirs: UK")
    theirs = dataclasses.replace(_us("theirs"), regimes={"UK": uk})
    merged = merge_destination(mine, theirs, {"regimes.UK": KEEP_THEIRS, "regimes.EU": KEEP_THEIRS})
    assert merged.regimes == {"UK": uk}
    kept = merge_destination(mine, theirs, {"regimes.UK": KEEP_MINE})
    assert kept.regimes == mine.regimes


def test_a_save_from_what_a_screen_read_takes_only_what_it_changed() -> None:
    read = {"name": "Net Japan", "single_user": False, "months": 12}
    stored = {"name": "Net Japan", "single_user": False, "months": 6}  # someone else shortened the period
    # The screen renamed: their period stays, no conflict.
    assert changed_since(stored, read, {**read, "name": "Net Japan KK"}) == (
        {"name": "Net Japan KK", "single_user": False, "months": 6},
        [],
    )
    # The screen changed the period too, to another value: a conflict on that field only.
    assert changed_since(stored, read, {**read, "months": 24})[1] == ["months"]
    # Both changed it to the same value: no conflict.
    assert changed_since(stored, read, {**read, "months": 6}) == (stored, [])
