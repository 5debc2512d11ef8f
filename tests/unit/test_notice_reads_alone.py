"""The privacy notice and the APPI Art. 28(3) answer are read by a data subject who has only that text: the
country data's APPI items they quote name the foreign systems themselves and never send the reader to a
part of the tool ("see the government-access profile"), in either language. Country data 2026-12-07.5 dropped
that pointer from ten destinations; an installed 2026-12-07.4 takes the new wording on import, which flags
no transfer (no status, condition or law changed)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.unit.notice_support import TODAY, build_register
from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import store
from transfer_tool.i18n import catalogue
from transfer_tool.notice import service
from transfer_tool.notice.document import to_markdown
from transfer_tool.paths import data_file
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database

POINTERS = ("government-access profile", "ガバメントアクセスの項")
# The ten APPI texts as 2026-12-07.4 shipped them (each ended in this pointer).
POINTED_2026_12_07_4 = ("AE", "AU", "BR", "CN", "GB", "RU", "SG", "TR", "US", "ZA")


def _shipped() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(data_file("countries.json").read_text(encoding="utf-8"))
    return loaded


def test_no_shipped_appi_item_points_the_reader_into_the_tool() -> None:
    texts = [
        v
        for dest in _shipped()["destinations"]
        for v in (dest.get("appi") or {}).values()
        if isinstance(v, str) and v
    ]
    japanese = [catalogue.gettext("countries", t, "ja") for t in texts]
    assert [t for t in texts + japanese if any(p in t for p in POINTERS)] == []
    us = next(d for d in _shipped()["destinations"] if d["code"] == "US")["appi"]
    assert "FISA 702" in us["government_cooperation_duties"]  # the systems are still named


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_notice_and_the_answer_name_the_foreign_systems_without_pointing_elsewhere(
    db: Database, admin: Actor, legal: Actor, manager: Actor, lang: str
) -> None:
    register = build_register(db, admin, legal, manager)
    notice = to_markdown(service.preview(db, "JP", lang, today=TODAY).document)
    answer = to_markdown(service.answer(db, register.refs["jp_us"], lang))
    for text in (notice, answer):
        assert not [p for p in POINTERS if p in text]
        assert "FISA" in text and ("National Security Letters" in text or "国家安全保障書簡" in text)


def test_an_installed_2026_12_07_4_takes_the_new_wording_and_flags_nothing(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    old = _shipped()
    old["dataset_version"] = "2026-12-07.4"
    for dest in old["destinations"]:
        if dest["code"] in POINTED_2026_12_07_4:
            duty = dest["appi"]["government_cooperation_duties"]
            dest["appi"]["government_cooperation_duties"] = (
                duty[:-1] + " (see the government-access profile)."
            )
    store.import_document(db, admin, json.dumps(old, ensure_ascii=False).encode("utf-8"), reason="installed")
    register = build_register(db, admin, legal, manager)
    before = store.open_flags(db)
    assert "government-access profile" in to_markdown(service.answer(db, register.refs["jp_us"], "en"))

    applied = store.import_document(db, admin, data_file("countries.json").read_bytes())

    assert store.dataset_version(db) == "2026-12-07.5"
    assert applied.changed_destinations == sorted(POINTED_2026_12_07_4)
    assert store.open_flags(db) == before
    assert transfers.get_transfer(db, register.ids["jp_us"]).status.value == "approved"
    assert "government-access profile" not in to_markdown(service.answer(db, register.refs["jp_us"], "en"))
