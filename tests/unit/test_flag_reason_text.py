"""A re-assessment flag's reason reads as a person would write it, in English and in Japanese: the
destination and the regime by the names the country list shows, the statuses in the country list's words,
the country data's versions as the rest of the interface writes them ("version 2", 第2版). Stored as before
(the English with its id and values); reasons stored with the earlier wording still read in Japanese."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from tests import factories
from tests.unit.teamwork_support import approved_transfer
from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import store
from transfer_tool.countries.model import Destination
from transfer_tool.domain import AdequacyStatus
from transfer_tool.i18n.engine_text import engine_text, from_json, to_json
from transfer_tool.i18n.stored_text import catalogue
from transfer_tool.i18n.terminology import Terminology
from transfer_tool.register import transfers
from transfer_tool.report.terms import format_date
from transfer_tool.storage.database import Database

GIVEN = "CJEU annulled the DPF decision"


def _transfer(db: Database, actor: Actor, exporter_country: str, destination: str) -> int:
    exp = factories.entity(db, actor, f"Exporter in {exporter_country}", exporter_country)
    imp = factories.entity(db, actor, f"Importer in {destination}", destination)
    return transfers.create_transfer(db, actor, factories.transfer_input(exp.id, imp.id, destination)).id


def _save(db: Database, admin: Actor, dest: Destination, reason: str = GIVEN) -> None:
    store.update_destination(db, admin, dest, reason=reason, expected_version=dest.version)


def _us_eu(
    db: Database, **changes: Any
) -> Destination:  # RegimeEntry fields, as dataclasses.replace takes them
    us = store.get_destination(db, "US")
    return replace(us, regimes={**us.regimes, "EU": replace(us.regimes["EU"], **changes)})


def _reason(db: Database, transfer_id: int) -> str:
    (flag,) = store.open_flags(db, transfer_id)
    assert transfers.get_transfer(db, transfer_id).reassessment_reason == flag.reason
    return flag.reason


def _japanese(reason: str, *left_in_english: str) -> str:
    ja = catalogue("ja")
    assert ja.untranslated(reason) == list(left_in_english), ja.translate(reason)
    return ja.translate(reason)


def test_the_status_words_are_the_country_lists() -> None:
    """The words below are the ones the country list shows (terms.po, its "screen" English)."""
    terms = Terminology.load().entries
    assert terms["adequacy.partial"]["en_ui"] == "Partial"
    assert terms["adequacy.not_adequate"]["en_ui"] == "Not adequate"
    assert terms["regime.EU"]["en"] == "EU GDPR" and terms["regime.JP"]["ja"] == "日本 個人情報保護法"


def test_a_withdrawn_adequacy_reads_with_names_status_words_and_versions(db: Database, admin: Actor) -> None:
    de_us = _transfer(db, admin, "DE", "US")
    _save(db, admin, _us_eu(db, status=AdequacyStatus.NOT_ADEQUATE, condition=""))
    reason = _reason(db, de_us)
    assert reason == (
        "United States — EU GDPR: status changed from Partial to Not adequate (withdrawn or annulled). "
        f"Reason given: “{GIVEN}”. Country data: version 1 → version 2."
    )
    assert _japanese(reason, GIVEN) == (
        "米国 — EU GDPR：状況が「部分的に十分性あり」から「十分性なし」に変更された（撤回又は無効化）。"
        f"記入された理由：「{GIVEN}」。国別データ：第1版 → 第2版。"
    )


def test_a_granted_status_names_the_other_regime(db: Database, admin: Actor) -> None:
    jp_us = _transfer(db, admin, "JP", "US")
    us = store.get_destination(db, "US")
    assert us.regimes["JP"].status == AdequacyStatus.NOT_ADEQUATE
    jp = replace(us.regimes["JP"], status=AdequacyStatus.ADEQUATE)
    _save(db, admin, replace(us, regimes={**us.regimes, "JP": jp}))
    reason = _reason(db, jp_us)
    assert reason == (
        "United States — Japan APPI: status changed from Not adequate to Adequate. "
        f"Reason given: “{GIVEN}”. Country data: version 1 → version 2."
    )
    assert _japanese(reason, GIVEN) == (
        "米国 — 日本 個人情報保護法：状況が「十分性なし」から「十分性あり」に変更された。"
        f"記入された理由：「{GIVEN}」。国別データ：第1版 → 第2版。"
    )


def test_a_changed_condition_quotes_it_and_reads_it_in_japanese_where_the_catalogue_has_it(
    db: Database, admin: Actor
) -> None:
    de_us = _transfer(db, admin, "DE", "US")
    _save(db, admin, _us_eu(db, condition="Only organisations certified under the DPF"))
    reason = _reason(db, de_us)
    assert reason.startswith(
        "United States — EU GDPR: condition changed to “Only organisations certified under the DPF”. "
    ), reason
    shown = _japanese(reason, "Only organisations certified under the DPF", GIVEN)
    assert shown.startswith(
        "米国 — EU GDPR：条件が「Only organisations certified under the DPF」に変更された。"
    ), shown


def test_an_expired_decision_without_the_admins_words_names_the_regime_and_one_version(
    db: Database, admin: Actor
) -> None:
    gb = store.get_destination(db, "GB")
    expires = gb.regimes["EU"].expires
    assert expires is not None
    de_gb = _transfer(db, admin, "DE", "GB")
    assert store.check_expiries(db, admin, expires + dt.timedelta(days=1)) == 1
    reason = _reason(db, de_gb)
    version = gb.version
    assert reason.startswith("United Kingdom — EU GDPR: ") and reason.endswith(
        f"expired on {expires.isoformat()}. Country data: version {version}."
    ), reason
    shown = _japanese(reason, *catalogue("ja").untranslated(reason))
    assert shown.startswith("英国 — EU GDPR：") and shown.endswith(f"国別データ：第{version}版。"), shown
    assert "version" not in shown and " v" not in shown
    # the date as the rest of the Japanese interface and the PDF write it (report.terms.format_date)
    assert f"{expires.year}年{expires.month}月{expires.day}日に期限を迎えた" in shown, shown
    assert format_date(expires, "ja") in shown and expires.isoformat() not in shown, shown


def test_a_changed_expiry_date_reads_in_each_languages_date_style(db: Database, admin: Actor) -> None:
    de_us = _transfer(db, admin, "DE", "US")
    _save(db, admin, _us_eu(db, expires=dt.date(2026, 12, 7)))
    reason = _reason(db, de_us)
    assert reason.startswith("United States — EU GDPR: expiry or review date changed to 2026-12-07. "), reason
    shown = _japanese(reason, GIVEN)
    assert shown.startswith("米国 — EU GDPR：失効・見直し日が2026年12月7日に変更された。"), shown
    assert "2026-12-07" not in shown


def test_a_reason_stored_with_the_earlier_wording_reads_its_date_in_japanese_too() -> None:
    old = engine_text("{0}: expiry/review date now {1}", "EU", dt.date(2027, 1, 5))
    stored = from_json(str(old), to_json(old))
    assert str(stored) == "EU: expiry/review date now 2027-01-05"
    assert catalogue("ja").translate(stored) == "EU：失効・見直し日が2027年1月5日となった"


def test_a_date_a_person_typed_is_quoted_and_stays_as_typed() -> None:
    """Only the engine's own date values are rewritten; text echoed back in quotes is the person's."""
    typed = engine_text("not a real calendar date: {0}", repr("2026-02-30"))
    assert catalogue("ja").translate(typed).endswith("'2026-02-30'")
    echoed = engine_text("expected a date YYYY-MM-DD, got {0}", repr("2026-12-07"))
    assert "'2026-12-07'" in catalogue("ja").translate(echoed)


def test_a_changed_law_names_the_destination(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)  # to the US, answering the CLOUD Act
    us = store.get_destination(db, "US")
    laws = tuple(replace(law, problematic=True) if law.key == "cloud_act" else law for law in us.access_laws)
    _save(db, admin, replace(us, access_laws=laws))
    reason = _reason(db, src.transfer.id)
    cloud = next(law.name for law in laws if law.key == "cloud_act")
    assert reason == (
        f"United States — {cloud}: now judged problematic. "
        f"Reason given: “{GIVEN}”. Country data: version 1 → version 2."
    )
    shown = _japanese(reason, *catalogue("ja").untranslated(reason))
    assert shown.startswith("米国 — ") and shown.endswith(
        f"記入された理由：「{GIVEN}」。国別データ：第1版 → 第2版。"
    )
    assert "：問題があると判断されるようになった。" in shown, shown


@pytest.mark.parametrize(
    "old",
    [
        engine_text(
            "{0} — {1}. Reason given: {2} (country data {3})",
            "US",
            engine_text("{0}: {1} → {2} (withdrawn or annulled)", "EU", "partially adequate", "no adequacy"),
            GIVEN,
            engine_text("v{0} → v{1}", 1, 2),
        ),
        engine_text(
            "{0} — {1} (country data {2})",
            "US",
            engine_text("{0}: {1} → {2}", "JP", "no adequacy", "adequate"),
            engine_text("v{0} → v{1}", 1, 2),
        ),
        engine_text("{0}: condition changed to {1}", "EU", repr("DPF only")),
        engine_text("{0}: instrument now {1}", "EU", repr("(EU) 2023/1795")),
        engine_text("{0}: expiry/review date now {1}", "EU", "no date"),
    ],
)
def test_reasons_stored_with_the_earlier_wording_still_read_in_japanese(old: str) -> None:
    shipped = catalogue("ja")
    stored = from_json(str(old), to_json(old))
    read = shipped.translate(stored)
    assert set(shipped.untranslated(stored)) <= {GIVEN}, read
    assert "adequa" not in read and "changed" not in read and "country data" not in read, read


def test_an_old_reasons_versions_read_as_the_screens_write_them_in_japanese() -> None:
    old = engine_text(
        "{0} — {1} (country data {2})",
        "US",
        engine_text("{0}: {1} → {2}", "JP", "no adequacy", "adequate"),
        engine_text("v{0} → v{1}", 1, 2),
    )
    assert catalogue("ja").translate(old) == "US — JP：十分性なし → 十分性あり（国別データ 第1版 → 第2版）"
