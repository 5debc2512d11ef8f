"""What changed in a destination, and which changes require transfers to be re-assessed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from transfer_tool.countries.diff import FieldChange, diff_destinations
from transfer_tool.countries.impact import ChangeKind, access_profile_changed, expired_entries, status_changes
from transfer_tool.countries.model import Destination
from transfer_tool.countries.shipped import CountryDataset, load_shipped_dataset
from transfer_tool.domain import AdequacyStatus


@pytest.fixture(scope="module")
def data() -> CountryDataset:
    return load_shipped_dataset()


def with_entry(dest: Destination, regime: str, **changes: Any) -> Destination:
    regimes = dict(dest.regimes)
    regimes[regime] = replace(regimes[regime], **changes)
    return replace(dest, regimes=regimes, version=dest.version + 1)


def test_dpf_annulled_is_flagged(data: CountryDataset) -> None:
    us = data.destinations["US"]
    after = with_entry(
        us, "EU", status=AdequacyStatus.NOT_ADEQUATE, condition="", notes="Annulled by the CJEU"
    )
    changes = status_changes(us, after)
    assert [(c.regime, c.before, c.after, c.kind) for c in changes] == [
        ("EU", AdequacyStatus.PARTIAL, AdequacyStatus.NOT_ADEQUATE, ChangeKind.WITHDRAWN)
    ]
    paths = {c.path for c in diff_destinations(us, after)}
    assert {"regimes.EU.status", "regimes.EU.condition", "regimes.EU.notes"} <= paths
    assert "version" not in paths


def test_unrelated_change_is_not_flagged(data: CountryDataset) -> None:
    us = data.destinations["US"]
    after = with_entry(us, "EU", notes="Reworded note", last_verified=dt.date(2026, 11, 1))
    assert status_changes(us, after) == []
    assert diff_destinations(us, after) == [
        FieldChange("regimes.EU.last_verified", "2026-08-05", "2026-11-01"),
        FieldChange("regimes.EU.notes", us.regimes["EU"].notes, "Reworded note"),
    ]


def test_condition_instrument_and_renewal_are_flagged(data: CountryDataset) -> None:
    gb = data.destinations["GB"]
    renewed = with_entry(gb, "EU", expires=dt.date(2037, 12, 27))
    assert [c.kind for c in status_changes(gb, renewed)] == [ChangeKind.RENEWAL]
    us = data.destinations["US"]
    narrowed = with_entry(us, "CH", condition="Only certified organisations in the health sector")
    assert [c.kind for c in status_changes(us, narrowed)] == [ChangeKind.CONDITION]
    new_decision = with_entry(us, "UK", instrument="SI 2027/1")
    assert [c.kind for c in status_changes(us, new_decision)] == [ChangeKind.INSTRUMENT]


def test_new_adequacy_is_flagged(data: CountryDataset) -> None:
    india = data.destinations["IN"]
    after = with_entry(india, "EU", status=AdequacyStatus.ADEQUATE, instrument="(EU) 2027/1")
    [change] = status_changes(india, after)
    assert change.kind is ChangeKind.GRANTED and change.after is AdequacyStatus.ADEQUATE


def test_access_profile_change(data: CountryDataset) -> None:
    us = data.destinations["US"]
    laws = tuple(replace(law, problematic=False) if law.key == "fisa702" else law for law in us.access_laws)
    after = replace(us, access_laws=laws)
    assert access_profile_changed(us, after)
    assert not access_profile_changed(us, replace(us, access_laws=tuple(reversed(us.access_laws))))
    assert [c.path for c in diff_destinations(us, after)] == ["access_laws[fisa702].problematic"]


def test_expired_entries(data: CountryDataset) -> None:
    gb = data.destinations["GB"]
    assert expired_entries(gb, dt.date(2031, 12, 27)) == []
    [entry] = expired_entries(gb, dt.date(2032, 1, 1))
    assert entry.regime == "EU"


def test_diff_of_new_destination_lists_its_fields(data: CountryDataset) -> None:
    changes = diff_destinations(None, data.destinations["XK"])
    assert FieldChange("code", None, "XK") in changes
