"""The country store on a real database: seeding, admin edits with versions, re-assessment flags,
expiry checks, export and import (whole or nothing), permissions."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import delete, func, select

from tests import factories
from tests.unit.teamwork_support import approved_transfer
from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import editing, store
from transfer_tool.countries import flags as country_flags
from transfer_tool.countries.diff import FieldChange
from transfer_tool.countries.impact import ChangeKind
from transfer_tool.countries.model import Destination
from transfer_tool.countries.shipped import load_shipped_dataset
from transfer_tool.domain import AdequacyStatus
from transfer_tool.errors import ConflictError, ImportRefused, NotFound, PermissionDenied, ValidationError
from transfer_tool.paths import data_dir
from transfer_tool.register import transfers
from transfer_tool.storage import admin_writes
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.countries import DestinationRecord, DestinationVersion, ReassessmentFlag

ALL_DESTINATIONS = 251  # 249 ISO 3166-1 countries + Kosovo (XK) + the European Patent Organisation (EPO)


def _count(db: Database, model: type[Any]) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _with_entry(dest: Destination, regime: str, **changes: Any) -> Destination:
    return replace(dest, regimes={**dest.regimes, regime: replace(dest.regimes[regime], **changes)})


def _schrems_ii(db: Database, admin: Actor) -> store.UpdateResult:
    us = store.get_destination(db, "US")
    annulled = _with_entry(us, "EU", status=AdequacyStatus.NOT_ADEQUATE, condition="")
    return store.update_destination(
        db, admin, annulled, reason="CJEU annulled the adequacy decision", expected_version=us.version
    )


def _transfer(db: Database, actor: Actor, exporter_country: str, destination: str) -> int:
    exp = factories.entity(db, actor, f"Exporter in {exporter_country}", exporter_country)
    imp = factories.entity(db, actor, f"Importer in {destination}", destination)
    return transfers.create_transfer(db, actor, factories.transfer_input(exp.id, imp.id, destination)).id


def _export(db: Database) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(store.export_document(db))
    return doc


def _entry(doc: dict[str, Any], code: str) -> dict[str, Any]:
    found: dict[str, Any] = next(d for d in doc["destinations"] if d["code"] == code)
    return found


def _raw(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


# ---- seeding -------------------------------------------------------------------------------------


def test_seeding_loads_every_shipped_destination_once(db: Database) -> None:
    with db.unit_of_work() as s:
        s.execute(delete(DestinationVersion))
        s.execute(delete(DestinationRecord))
        assert store.seed(s) == ALL_DESTINATIONS
    assert _count(db, DestinationRecord) == ALL_DESTINATIONS
    assert _count(db, DestinationVersion) == ALL_DESTINATIONS
    with db.unit_of_work() as s:
        assert store.seed(s) == 0
    assert _count(db, DestinationRecord) == ALL_DESTINATIONS
    assert _count(db, DestinationVersion) == ALL_DESTINATIONS

    live = store.dataset(db)
    shipped = load_shipped_dataset()
    assert live.dataset_version == shipped.dataset_version
    assert live.destinations == shipped.destinations
    assert store.get_destination(db, "us").regimes["EU"].status == AdequacyStatus.PARTIAL


def test_admin_edits_survive_reseeding(db: Database, admin: Actor) -> None:
    _schrems_ii(db, admin)
    with db.unit_of_work() as s:
        assert store.seed(s) == 0
    us = store.get_destination(db, "US")
    assert us.version == 2
    assert us.regimes["EU"].status == AdequacyStatus.NOT_ADEQUATE


def test_unknown_destination_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound, match="QQ"):
        store.get_destination(db, "QQ")
    assert [h.code for h in store.search("韓国")][:1] == ["KR"]


# ---- editing -------------------------------------------------------------------------------------


def test_an_edit_makes_a_new_version_with_who_when_and_why(db: Database, admin: Actor) -> None:
    before = dt.datetime.now(dt.UTC)
    us = store.get_destination(db, "US")
    edited = _with_entry(us, "EU", notes="CJEU appeal C-703/25 P decided")
    result = store.update_destination(db, admin, edited, reason="Appeal decided", expected_version=1)

    assert result.changes == [
        FieldChange("regimes.EU.notes", us.regimes["EU"].notes, "CJEU appeal C-703/25 P decided")
    ]
    assert result.status_changes == []  # a note is not a reason to re-assess
    assert result.flagged == 0
    assert result.destination.version == 2
    assert store.get_destination(db, "US").regimes["EU"].notes == "CJEU appeal C-703/25 P decided"

    versions = store.history(db, "US")
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].changed_by == "system"
    latest = versions[1]
    assert (latest.changed_by, latest.reason) == ("admin", "Appeal decided")
    assert before <= latest.changed_at <= dt.datetime.now(dt.UTC)
    assert store.diff_versions(db, "US", 1, 2) == result.changes
    assert store.version(db, "US", 1).regimes["EU"].notes == us.regimes["EU"].notes


def test_an_unchanged_save_makes_no_version(db: Database, admin: Actor) -> None:
    us = store.get_destination(db, "US")
    result = store.update_destination(db, admin, us, reason="looked at it", expected_version=1)
    assert (result.changes, result.flagged) == ([], 0)
    assert len(store.history(db, "US")) == 1


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (
            lambda d: replace(d, regimes={**d.regimes, "XX": replace(d.regimes["EU"], regime="XX")}),
            "regimes.XX",
            "unknown regime",
        ),
        (
            lambda d: _with_entry(d, "EU", adopted=dt.date(2023, 7, 10), expires=dt.date(2020, 1, 1)),
            "regimes.EU.expires",
            "before adoption",
        ),
        (
            lambda d: _with_entry(d, "EU", source_url="www.example.com/decision"),
            "regimes.EU.source_url",
            "http(s) URL",
        ),
        (lambda d: _with_entry(d, "EU", condition=""), "regimes.EU.condition", "partial status needs"),
    ],
    ids=["unknown-regime", "dates-out-of-order", "bad-url", "partial-without-condition"],
)
def test_an_invalid_edit_is_refused_naming_the_field(
    db: Database, admin: Actor, change: Callable[[Destination], Destination], field: str, words: str
) -> None:
    us = store.get_destination(db, "US")
    with pytest.raises(ValidationError) as err:
        store.update_destination(db, admin, change(us), reason="typo", expected_version=1)
    assert any(p.location.endswith(field) and words in p.message for p in err.value.problems), (
        err.value.details()
    )
    assert store.get_destination(db, "US") == us
    assert len(store.history(db, "US")) == 1


def test_an_edit_without_a_reason_is_refused(db: Database, admin: Actor) -> None:
    us = store.get_destination(db, "US")
    with pytest.raises(ValidationError) as err:
        store.update_destination(db, admin, _with_entry(us, "EU", notes="x"), reason="  ", expected_version=1)
    assert err.value.problems[0].location == "reason"
    assert store.get_destination(db, "US") == us


def test_a_stale_edit_is_refused_and_overwrites_nothing(db: Database, admin: Actor) -> None:
    opened = store.get_destination(db, "US")
    _schrems_ii(db, admin)  # someone else saved first
    mine = _with_entry(opened, "EU", notes="my note")
    with pytest.raises(ConflictError, match="version 2") as err:
        store.update_destination(db, admin, mine, reason="note", expected_version=opened.version)
    assert isinstance(err.value.theirs, Destination)
    assert err.value.theirs.regimes["EU"].status == AdequacyStatus.NOT_ADEQUATE
    now = store.get_destination(db, "US")
    assert now.version == 2
    assert now.regimes["EU"].notes == opened.regimes["EU"].notes


def test_a_legal_user_cannot_change_country_data(db: Database, legal: Actor) -> None:
    us = store.get_destination(db, "US")
    with pytest.raises(PermissionDenied):
        store.update_destination(db, legal, _with_entry(us, "EU", notes="x"), reason="x", expected_version=1)
    doc = _export(db)
    _entry(doc, "US")["regimes"]["EU"]["notes"] = "x"
    with pytest.raises(PermissionDenied):
        store.import_document(db, legal, _raw(doc))
    assert store.get_destination(db, "US") == us
    assert len(store.history(db, "US")) == 1


# ---- impact ----------------------------------------------------------------------------------------


def test_schrems_ii_flags_every_eu_transfer_to_the_us_and_no_other(db: Database, admin: Actor) -> None:
    de_us = _transfer(db, admin, "DE", "US")
    fr_us = _transfer(db, admin, "FR", "US")
    jp_us = _transfer(db, admin, "JP", "US")
    de_in = _transfer(db, admin, "DE", "IN")
    assert store.transfers_affected(db, "US", "EU") == 2

    result = _schrems_ii(db, admin)

    assert result.flagged == 2
    assert [(c.regime, c.kind) for c in result.status_changes] == [("EU", ChangeKind.WITHDRAWN)]
    flags = store.open_flags(db)
    assert {f.transfer_id for f in flags} == {de_us, fr_us}
    for f in flags:
        assert (f.destination, f.regime, f.kind) == ("US", "EU", "withdrawn")
        assert (f.version_before, f.version_after) == (1, 2)
        assert (
            "United States — EU GDPR: status changed from Partial to Not adequate (withdrawn or annulled)"
            in f.reason
        )
        assert "CJEU annulled the adequacy decision" in f.reason
    assert [f.transfer_id for f in store.open_flags(db, de_us)] == [de_us]
    assert store.open_flags(db, jp_us) == []
    flagged = {t: transfers.get_transfer(db, t).reassessment_needed for t in (de_us, fr_us, jp_us, de_in)}
    assert flagged == {de_us: True, fr_us: True, jp_us: False, de_in: False}
    assert "to Not adequate" in transfers.get_transfer(db, de_us).reassessment_reason


def test_reverting_keeps_the_history_of_both_changes(db: Database, admin: Actor) -> None:
    original = store.get_destination(db, "US")
    de_us = _transfer(db, admin, "DE", "US")
    _schrems_ii(db, admin)
    annulled = store.get_destination(db, "US")
    back = replace(annulled, regimes=original.regimes)
    result = store.update_destination(
        db, admin, back, reason="Decision restored on appeal", expected_version=2
    )

    assert [(c.regime, c.kind) for c in result.status_changes] == [("EU", ChangeKind.GRANTED)]
    versions = store.history(db, "US")
    assert [(v.version, v.reason) for v in versions] == [
        (1, f"shipped country data {load_shipped_dataset().dataset_version}"),
        (2, "CJEU annulled the adequacy decision"),
        (3, "Decision restored on appeal"),
    ]
    assert store.version(db, "US", 2).regimes["EU"].status == AdequacyStatus.NOT_ADEQUATE
    assert store.version(db, "US", 3).regimes == original.regimes
    assert store.diff_versions(db, "US", 1, 3) == []
    assert {(f.version_before, f.version_after) for f in store.open_flags(db, de_us)} == {(1, 2), (2, 3)}


def test_expired_decisions_flag_their_transfers_once(db: Database, admin: Actor) -> None:
    gb = store.get_destination(db, "GB")
    expires = gb.regimes["EU"].expires
    assert expires is not None  # the shipped UK adequacy decision carries its expiry date
    de_gb = _transfer(db, admin, "DE", "GB")
    _transfer(db, admin, "JP", "GB")

    assert store.check_expiries(db, admin, expires) == 0  # still valid on the day itself
    day_after = expires + dt.timedelta(days=1)
    assert store.check_expiries(db, admin, day_after) == 1
    assert store.check_expiries(db, admin, day_after + dt.timedelta(days=30)) == 0
    flags = store.open_flags(db)
    assert [(f.transfer_id, f.destination, f.regime, f.kind) for f in flags] == [
        (de_gb, "GB", "EU", "expired")
    ]
    assert expires.isoformat() in flags[0].reason
    assert _count(db, ReassessmentFlag) == 1


# ---- export and import ---------------------------------------------------------------------------


def test_export_then_import_changes_nothing(db: Database, admin: Actor) -> None:
    raw = store.export_document(db)
    preview = store.import_document(db, admin, raw)
    assert preview.changes == {}
    assert preview.flagged == 0
    assert store.export_document(db) == raw
    assert _count(db, DestinationVersion) == ALL_DESTINATIONS


def test_an_edited_export_previews_then_applies(db: Database, admin: Actor) -> None:
    de_us = _transfer(db, admin, "DE", "US")
    before = store.export_document(db)
    doc = json.loads(before)
    us = _entry(doc, "US")
    us["regimes"]["EU"].update(status="not_adequate", condition="")
    _entry(doc, "KR")["regimes"]["JP"]["notes"] = "PPC consultation ongoing"

    preview = store.import_document(db, admin, _raw(doc), dry_run=True, reason="Schrems II")
    assert not preview.applied
    assert preview.changed_destinations == ["KR", "US"]
    assert FieldChange("regimes.EU.status", "partial", "not_adequate") in preview.changes["US"]
    assert [c.kind for c in preview.status_changes["US"]] == [ChangeKind.WITHDRAWN]
    assert store.export_document(db) == before  # the dry run changed nothing
    assert store.open_flags(db) == []

    applied = store.import_document(db, admin, _raw(doc), reason="Schrems II")
    assert applied.applied
    assert applied.changes == preview.changes
    assert applied.flagged == 1
    assert store.get_destination(db, "US").regimes["EU"].status == AdequacyStatus.NOT_ADEQUATE
    assert store.get_destination(db, "KR").regimes["JP"].notes == "PPC consultation ongoing"
    assert [v.reason for v in store.history(db, "US")][-1] == "Schrems II"
    assert [f.transfer_id for f in store.open_flags(db)] == [de_us]


def test_an_import_that_fails_half_way_leaves_nothing_behind(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store.export_document(db)
    doc = json.loads(before)
    for code in ("FR", "US"):
        _entry(doc, code)["regimes"]["EU"]["notes"] = "changed"
    real_apply = editing.apply_edit
    calls: list[str] = []

    def apply_then_fail(*args: Any, **kwargs: Any) -> store.UpdateResult:
        calls.append("apply")
        if len(calls) == 2:  # the first destination is already written in the transaction
            raise RuntimeError("disk full")
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(editing, "apply_edit", apply_then_fail)
    with pytest.raises(RuntimeError):
        store.import_document(db, admin, _raw(doc))
    assert len(calls) == 2
    assert store.export_document(db) == before


def _set(code: str, path: tuple[str, ...], value: Any) -> Callable[[dict[str, Any]], bytes]:
    def change(doc: dict[str, Any]) -> bytes:
        target = _entry(doc, code)
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return _raw(doc)

    return change


def _twice(doc: dict[str, Any]) -> bytes:
    doc["destinations"].append(dict(_entry(doc, "JP")))
    return _raw(doc)


def _one_bad_among_good(doc: dict[str, Any]) -> bytes:
    _entry(doc, "KR")["regimes"]["JP"]["notes"] = "a valid change"
    _entry(doc, "US")["regimes"]["EU"].update(status="not_adequate", condition="")
    _entry(doc, "FR")["access_laws"] = [
        {"key": "x", "name": "Law", "problematic": False, "reason": "r", "sources": ["ftp://example.org"]}
    ]
    return _raw(doc)


@pytest.mark.parametrize(
    ("spoil", "location", "words"),
    [
        (_set("US", ("code",), "QQ"), "destinations[QQ].code", "unknown destination code"),
        (
            _set("US", ("regimes", "EU", "adopted"), "10/07/2023"),
            "destinations[US].regimes.EU.adopted",
            "YYYY-MM-DD",
        ),
        (_twice, "destinations[JP].code", "more than once"),
        (
            _set("US", ("regimes", "XX"), {"status": "adequate"}),
            "destinations[US].regimes.XX",
            "unknown regime",
        ),
        (_set("US", ("regimes", "EU", "verified"), "yes"), "destinations[US].regimes.EU.verified", "boolean"),
        (
            _set("US", ("regimes", "EU", "status"), "sort of"),
            "destinations[US].regimes.EU.status",
            "expected one of",
        ),
        (lambda doc: b"destinations: US, JP", "line 1, column 1", "not valid JSON"),
        (_one_bad_among_good, "destinations[FR].access_laws[x].sources", "http(s) URL"),
    ],
    ids=[
        "unknown-code",
        "wrong-date-form",
        "destination-twice",
        "unknown-regime",
        "wrong-type",
        "unknown-status",
        "not-json",
        "one-bad-among-good",
    ],
)
@pytest.mark.parametrize("dry_run", [False, True], ids=["apply", "dry-run"])
def test_a_malformed_import_is_refused_whole_naming_entry_and_field(
    db: Database,
    admin: Actor,
    spoil: Callable[[dict[str, Any]], bytes],
    location: str,
    words: str,
    dry_run: bool,
) -> None:
    before = store.export_document(db)
    with pytest.raises(ImportRefused) as err:
        store.import_document(db, admin, spoil(json.loads(before)), dry_run=dry_run)
    assert any(p.location == location and words in p.message for p in err.value.problems), err.value.details()
    assert "nothing was imported" in err.value.message
    assert store.export_document(db) == before
    assert _count(db, DestinationVersion) == ALL_DESTINATIONS


def test_two_admins_saving_at_the_same_moment_get_a_conflict_not_a_crash(db: Database, admin: Actor) -> None:
    opened = store.get_destination(db, "US")
    outcome: list[BaseException | store.UpdateResult] = []

    def second_admin() -> None:
        try:
            mine = _with_entry(opened, "EU", notes="second admin's note")
            outcome.append(store.update_destination(db, admin, mine, reason="note", expected_version=1))
        except BaseException as exc:  # collected for the assertion in the main thread
            outcome.append(exc)

    # The first admin's save is in flight (its transaction holds the row's lock, as the tool takes it) when
    # the second one saves.
    with db.unit_of_work() as s:
        admin_writes.lock_for_change(s, "destination", ["US"])
        rec = s.get(DestinationRecord, "US")
        assert rec is not None
        first = _with_entry(opened, "EU", notes="first admin's note")
        store.apply_edit(s, admin, rec, opened, first, "first", "")
        worker = threading.Thread(target=second_admin)
        worker.start()
        worker.join(timeout=1.0)  # blocks on the row (PostgreSQL) or on the write lock (SQLite)
        assert worker.is_alive()
    worker.join(timeout=15)
    assert len(outcome) == 1
    assert isinstance(outcome[0], ConflictError), repr(outcome[0])
    now = store.get_destination(db, "US")
    assert (now.version, now.regimes["EU"].notes) == (2, "first admin's note")


def test_two_clients_checking_expiries_at_once_flag_each_transfer_once(db: Database, admin: Actor) -> None:
    expires = store.get_destination(db, "GB").regimes["EU"].expires
    assert expires is not None
    _transfer(db, admin, "DE", "GB")
    day_after = expires + dt.timedelta(days=1)
    second: list[int] = []
    with db.unit_of_work() as s:
        assert country_flags._check_expiries_in(s, admin, day_after) == 1
        worker = threading.Thread(target=lambda: second.append(store.check_expiries(db, admin, day_after)))
        worker.start()
        worker.join(timeout=1.0)  # waits for the first check to finish
        assert worker.is_alive()
    worker.join(timeout=15)
    assert second == [0]
    assert _count(db, ReassessmentFlag) == 1


def test_an_oversized_import_is_refused_before_it_is_read(db: Database, admin: Actor) -> None:
    before = store.export_document(db)
    padded = before + b" " * (store.MAX_IMPORT_BYTES - len(before) + 1)  # valid JSON, just too big
    with pytest.raises(ImportRefused, match="the limit is 10 MB") as err:
        store.import_document(db, admin, padded)
    assert "nothing was imported" in err.value.message
    assert store.import_document(db, admin, padded[: store.MAX_IMPORT_BYTES]).changes == {}


def test_the_exporter_mapping_of_a_regime_is_editable_and_audited(
    db: Database, admin: Actor, legal: Actor
) -> None:
    from transfer_tool.errors import PermissionDenied, ValidationError
    from transfer_tool.records import audit

    assert "KR" not in store.regimes(db)["JP"].exporter_countries
    with pytest.raises(PermissionDenied):
        store.update_regime(db, legal, "JP", exporter_countries=["JP", "KR"], reason="Korean branch")
    with pytest.raises(ValidationError) as err:
        store.update_regime(db, admin, "JP", exporter_countries=["JP", "QQ"], reason="")
    assert {p.location for p in err.value.problems} == {"exporter_countries", "reason"}
    regime = store.update_regime(db, admin, "JP", exporter_countries=["jp", "KR"], reason="Korean branch")
    assert regime.exporter_countries == frozenset({"JP", "KR"})
    assert store.regimes(db)["JP"].exporter_countries == frozenset({"JP", "KR"})
    assert audit.verify(db).ok


def test_an_installed_database_takes_the_shipped_update_and_flags_what_it_changes(
    db: Database, admin: Actor
) -> None:
    """Country data 2026-12-06.2 (issue #16): an installed database keeps its own copy, so the admin imports the
    shipped file (Administration > Country data > Import, or `transfer-tool countries import`). The renewal of
    the EU's UK decision ((EU) 2021/1772 amended by (EU) 2025/2574) flags the EU exporters' transfers to GB."""
    shipped = (data_dir() / "countries.json").read_bytes()
    old = json.loads(shipped)
    old["dataset_version"] = "2026-12-06.1"  # the previous release's GB entry and TW without a profile
    _entry(old, "GB")["regimes"]["EU"].update(
        instrument="(EU) 2021/1772 (GDPR) and (EU) 2021/1773 (LED); renewed C(2025) 8771 / C(2025) 8782",
    )
    del _entry(old, "TW")["access_laws"]
    store.import_document(db, admin, _raw(old), reason="the installed release")
    assert store.dataset_version(db) == "2026-12-06.1" and not store.get_destination(db, "TW").access_laws
    de_gb = _transfer(db, admin, "DE", "GB")
    jp_gb = _transfer(db, admin, "JP", "GB")

    applied = store.import_document(db, admin, shipped)

    assert store.dataset_version(db) == "2026-12-07.5"
    assert applied.changed_destinations == ["GB", "TW"]
    assert [(c.regime, c.kind) for c in applied.status_changes["GB"]] == [("EU", ChangeKind.INSTRUMENT)]
    assert [(f.transfer_id, f.regime) for f in store.open_flags(db)] == [(de_gb, "EU")]
    assert store.open_flags(db, jp_gb) == []
    assert {law.key for law in store.get_destination(db, "TW").access_laws} == {"cssa_court", "cssa_art7"}
    assert store.history(db, "GB")[-1].reason == "import of country data 2026-12-07.5"


def test_laws_read_on_their_official_text_reach_an_installed_database_and_flag_what_relied_on_them(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """Country data 2026-12-06.3 (issue #16, 3): fifteen US, GB, IN, SG, HK, KR and CN laws re-read on their
    official text (new reasons, sources and honesty marks; the problematic/not judgement unchanged). Importing it
    updates those destinations' laws, and a re-profiled law flags the transfer whose assessment answered it (#18)."""
    src = approved_transfer(db, admin, legal, manager, eu=False)  # JP -> US, answers the CLOUD Act
    shipped = (data_dir() / "countries.json").read_bytes()
    old = json.loads(shipped)
    old["dataset_version"] = "2026-12-06.2"
    for code in ("US", "GB", "IN", "SG", "HK", "KR", "CN"):
        for law in _entry(old, code)["access_laws"]:
            law["reason"] = law["reason"].split(" [unverified")[0] + " [unverified: as installed]"
    store.import_document(db, admin, _raw(old), reason="the installed release")
    before = {f.reason for f in store.open_flags(db, src.transfer.id)}

    applied = store.import_document(db, admin, shipped)

    assert store.dataset_version(db) == "2026-12-07.5"
    assert applied.changed_destinations == ["CN", "GB", "HK", "IN", "KR", "SG", "US"]
    reasons = " ".join(f.reason for f in store.open_flags(db, src.transfer.id) if f.reason not in before)
    assert "CLOUD Act (18 U.S.C. 2713): its profile changed" in reasons, reasons
    nsl = next(law for law in store.get_destination(db, "US").access_laws if law.key == "nsl")
    assert "read in a copy of its text" in nsl.reason and nsl.problematic
    assert nsl.sources[0].startswith("https://uscode.house.gov/")


# The laws re-read for country data 2026-12-06.4 (issue #16, 3), by destination.
READ_IN_2026_12_06_4 = {
    "AE": {"pdpl_gov"},
    "AU": {"tia1979", "taa2018", "sla2021"},
    "BR": {"interception9296", "marcocivil", "abin"},
    "ID": {"pdp27_2022"},
    "IN": {"telecom2023", "dpdp17"},
    "JP": {"wiretap", "ccp197", "acd2025"},
    "KR": {"tba83"},
    "PH": {"ra10175"},
    "RU": {"yarovaya"},
    "SA": {"lcp56"},
    "SG": {"isa"},
    "TH": {"cca2550", "pdpa2562_s4"},
    "TR": {"cmk135"},
    "TW": {"cssa_art7"},
    "US": {"eo12333"},
    "ZA": {"popia6"},
}


def test_laws_read_for_2026_12_06_4_reach_an_installed_database_and_flag_what_relied_on_them(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """Country data 2026-12-06.4: laws written from general knowledge in 2026-12-06.3 were re-read on their text
    (new reasons and sources, the problematic/not judgement unchanged). An installed 2026-12-06.3 takes them on
    import, and the transfer whose assessment answered EO 12333 is flagged (#18)."""
    src = approved_transfer(db, admin, legal, manager, eu=False)  # JP -> US, answers every US law
    shipped = (data_dir() / "countries.json").read_bytes()
    old = json.loads(shipped)
    old["dataset_version"] = "2026-12-06.3"
    for code, keys in READ_IN_2026_12_06_4.items():
        for law in _entry(old, code)["access_laws"]:
            if law["key"] in keys:
                stem = law["reason"].split(" [unverified")[0]
                law["reason"] = stem + " [unverified: written from general knowledge]"
    store.import_document(db, admin, _raw(old), reason="the installed release")
    before = {f.reason for f in store.open_flags(db, src.transfer.id)}

    applied = store.import_document(db, admin, shipped)

    assert store.dataset_version(db) == "2026-12-07.5"
    assert applied.changed_destinations == sorted(READ_IN_2026_12_06_4)
    reasons = " ".join(f.reason for f in store.open_flags(db, src.transfer.id) if f.reason not in before)
    assert "Executive Order 12333: its profile changed" in reasons, reasons
    eo = next(law for law in store.get_destination(db, "US").access_laws if law.key == "eo12333")
    assert "read in a copy of its text" in eo.reason and eo.problematic
    assert eo.sources[0].startswith("https://www.archives.gov/")
