"""Country data 2026-12-07.1 (issue #16, 3): ten more government-access laws of AE, MX, RU, SA, TH, TR, VN and ZA were
read in a copy of their text (new reasons and sources, the problematic/not judgement unchanged; docs/legal-notes.md,
#16 "(session 8)"); 2026-12-07.2 reads two more, MY's CMA s.252 and RU's SORM article ("(session 8, second pass)");
2026-12-07.3 adds HK's Safeguarding National Security Ordinance, re-reads TW's CSSA Art. 5 and 15 in the 2024 text,
notes the CSL's 2025 amendment and ticks the Swiss entries of the outermost regions and Åland ("(session 8, gaps)");
2026-12-07.4 writes Korea's EU and UK conditions as (EU) 2022/254 Art. 1 and SI 2022/1213 reg. 2 word them ("(session 8,
Korea and APPI Art. 27)"). An installed earlier release takes them on import, and a transfer whose assessment answered one of them is flagged
for re-assessment (the #18 rule)."""

from __future__ import annotations

import json
from typing import Any

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.countries import store
from transfer_tool.paths import data_dir
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database

READ_IN_2026_12_07_1 = {
    "AE": {"cybercrime34"},
    "MX": {"telecom_collab", "intel2025"},
    "RU": {"localisation242"},
    "SA": {"terror2017"},
    "TH": {"cyber2562"},
    "TR": {"mit2937", "law5651"},
    "VN": {"pdp_state"},
    "ZA": {"rica"},
}


def _entry(doc: dict[str, Any], code: str) -> dict[str, Any]:
    found: dict[str, Any] = next(d for d in doc["destinations"] if d["code"] == code)
    return found


def _install_before_reading(db: Database, admin: Actor, version: str, read: dict[str, set[str]]) -> bytes:
    """Install the shipped file as release `version` had it: the laws in `read` still marked unread.
    Returns the shipped file, for the test to import over it."""
    shipped = (data_dir() / "countries.json").read_bytes()
    old = json.loads(shipped)
    old["dataset_version"] = version
    for code, keys in read.items():
        for law in _entry(old, code)["access_laws"]:
            if law["key"] in keys:
                stem = law["reason"].split(" [unverified")[0]
                law["reason"] = stem + " [unverified: written from general knowledge]"
    store.import_document(db, admin, json.dumps(old, ensure_ascii=False).encode("utf-8"), reason="installed")
    return shipped


def _assessed_from_japan(db: Database, admin: Actor, legal: Actor, laws: dict[str, str]) -> dict[str, int]:
    """A transfer from Japan to each destination, its assessment started: each answers the law named."""
    exporter = factories.entity(db, admin, "Exporter in JP", "JP")
    assessed = {}
    for code, key in laws.items():
        importer = factories.entity(db, admin, f"Importer in {code}", code)
        transfer_id = transfers.create_transfer(
            db, admin, factories.transfer_input(exporter.id, importer.id, code)
        ).id
        draft = service.start_assessment(db, legal, transfer_id)
        assert key in {a.law_key for a in draft.record.law_practice.laws}, code
        assessed[code] = transfer_id
    return assessed


def test_laws_read_for_2026_12_07_1_reach_an_installed_database_and_flag_what_relied_on_them(
    db: Database, admin: Actor, legal: Actor
) -> None:
    shipped = _install_before_reading(db, admin, "2026-12-06.4", READ_IN_2026_12_07_1)
    exporter = factories.entity(db, admin, "Exporter in JP", "JP")
    importer = factories.entity(db, admin, "Importer in MX", "MX")
    to_mx = transfers.create_transfer(db, admin, factories.transfer_input(exporter.id, importer.id, "MX")).id
    draft = service.start_assessment(db, legal, to_mx)
    assert "telecom_collab" in {a.law_key for a in draft.record.law_practice.laws}

    applied = store.import_document(db, admin, shipped)

    assert store.dataset_version(db) == "2026-12-07.5"
    assert applied.changed_destinations == sorted(READ_IN_2026_12_07_1)
    reasons = " ".join(f.reason for f in store.open_flags(db, to_mx))
    assert "duties of collaboration with security and justice" in reasons and "its profile changed" in reasons
    laws = {law.key: law for law in store.get_destination(db, "MX").access_laws}
    collab = laws["telecom_collab"]
    assert "read in a copy of its text" in collab.reason and collab.problematic
    assert collab.sources[0] == "https://www.diputados.gob.mx/LeyesBiblio/pdf/LMTR.pdf"
    assert laws["intel2025"].name.startswith("Law of the National System")


# The laws read for country data 2026-12-07.2, by destination.
READ_IN_2026_12_07_2 = {"MY": {"cma252"}, "RU": {"sorm"}}


def test_laws_read_for_2026_12_07_2_reach_an_installed_database_and_flag_what_relied_on_them(
    db: Database, admin: Actor, legal: Actor
) -> None:
    shipped = _install_before_reading(db, admin, "2026-12-07.1", READ_IN_2026_12_07_2)
    assessed = _assessed_from_japan(db, admin, legal, {"MY": "cma252", "RU": "sorm"})

    applied = store.import_document(db, admin, shipped)

    assert store.dataset_version(db) == "2026-12-07.5"
    assert applied.changed_destinations == ["MY", "RU"]
    my_reasons = " ".join(f.reason for f in store.open_flags(db, assessed["MY"]))
    assert "s.252 (interception): its profile changed" in my_reasons, my_reasons
    ru_reasons = " ".join(f.reason for f in store.open_flags(db, assessed["RU"]))
    assert "SORM (Communications Law 126-FZ Art. 64" in ru_reasons, ru_reasons
    assert "its profile changed" in ru_reasons, ru_reasons
    cma = next(law for law in store.get_destination(db, "MY").access_laws if law.key == "cma252")
    assert "read in a copy of its text" in cma.reason and "(s.252(5))" in cma.reason and cma.problematic
    assert cma.sources[0] == "https://lom.agc.gov.my/"
    sorm = next(law for law in store.get_destination(db, "RU").access_laws if law.key == "sorm")
    assert "read in a copy of its text" in sorm.reason and "Order No. 6 of 16 Jan 2008" in sorm.reason
    assert sorm.sources[0] == "http://pravo.gov.ru/proxy/ips/?docbody=&nd=102082548" and sorm.problematic


# Country data 2026-12-07.3: what an installed 2026-12-07.2 said before the gaps were filled.
CSL_2026_12_07_2 = "The CSL was read in its 2016 text; later amendments were not checked."
CSSA_COURT_2026_12_07_2 = (
    "A: listed serious crimes endangering national security, economic or social order (Art. 5); B: only where "
    "evidence is difficult or impossible to obtain otherwise, and surveillance may not exceed what is necessary "
    "(Art. 2, 5); C: interception warrants and, since 2014, communications records need a judge's approval (Art. 5; "
    "Art. 11-1 as recalled); D: notification after the surveillance ends (Art. 15, as recalled). [unverified: the "
    "provision was read in a copy of its text; check it against the official source cited; not reviewed by a lawyer "
    "of the destination]"
)
TERRITORIES = {"AX": "FI", "GF": "FR", "GP": "FR", "MQ": "FR", "RE": "FR", "YT": "FR", "MF": "FR"}


def _as_in_2026_12_07_2(shipped: bytes) -> dict[str, Any]:
    old: dict[str, Any] = json.loads(shipped)
    old["dataset_version"] = "2026-12-07.2"
    hk = _entry(old, "HK")
    hk["access_laws"] = [law for law in hk["access_laws"] if law["key"] != "snso2024"]
    csl = next(law for law in _entry(old, "CN")["access_laws"] if law["key"] == "csl28")
    csl["reason"] = (
        csl["reason"].split(" The CSL was read")[0] + " " + CSL_2026_12_07_2 + " [unverified: as installed]"
    )
    csl["sources"] = ["https://flk.npc.gov.cn/", *csl["sources"][3:]]
    court = next(law for law in _entry(old, "TW")["access_laws"] if law["key"] == "cssa_court")
    court["reason"] = CSSA_COURT_2026_12_07_2
    for code, parent in TERRITORIES.items():
        _entry(old, code)["regimes"]["CH"].update(
            source_url="https://www.fedlex.admin.ch/eli/cc/2022/568/en",
            notes=f"Treated as part of {parent} [from knowledge; verify].",
            verified=False,
            last_verified=None,
        )
    return old


def test_the_gaps_filled_for_2026_12_07_3_reach_an_installed_database_and_flag_what_relied_on_them(
    db: Database, admin: Actor, legal: Actor
) -> None:
    shipped = (data_dir() / "countries.json").read_bytes()
    old = _as_in_2026_12_07_2(shipped)
    store.import_document(db, admin, json.dumps(old, ensure_ascii=False).encode("utf-8"), reason="installed")
    assert not store.get_destination(db, "RE").regimes["CH"].checked
    assessed = _assessed_from_japan(db, admin, legal, {"HK": "nsl2020", "CN": "csl28", "TW": "cssa_court"})

    applied = store.import_document(db, admin, shipped)

    assert store.dataset_version(db) == "2026-12-07.5"
    assert applied.changed_destinations == sorted({"HK", "CN", "TW", *TERRITORIES})
    hk_reasons = " ".join(f.reason for f in store.open_flags(db, assessed["HK"]))
    assert "Safeguarding National Security Ordinance" in hk_reasons, hk_reasons
    assert "added to the government-access laws" in hk_reasons, hk_reasons
    for code in ("CN", "TW"):
        reasons = " ".join(f.reason for f in store.open_flags(db, assessed[code]))
        assert "its profile changed" in reasons, (code, reasons)
    snso = next(law for law in store.get_destination(db, "HK").access_laws if law.key == "snso2024")
    assert snso.problematic and "read in a copy of its text" in snso.reason and "(s.110)" in snso.reason
    assert snso.sources[0] == "https://www.elegislation.gov.hk/hk/A305"
    csl = next(law for law in store.get_destination(db, "CN").access_laws if law.key == "csl28")
    assert csl.sources[0] == "http://www.npc.gov.cn/zgrdw/npc/xinwen/2016-11/07/content_2001605.htm"
    assert "28 Oct 2025" in csl.reason
    court = next(law for law in store.get_destination(db, "TW").access_laws if law.key == "cssa_court")
    assert "(Art. 15(1)-(3), (7), read in the text as amended on 31 July 2024)" in court.reason
    for code in TERRITORIES:
        assert store.get_destination(db, code).regimes["CH"].checked, code


# Country data 2026-12-07.4: Korea's EU and UK entries as an installed 2026-12-07.3 had them.
KR_EU_CONDITION_2026_12_07_3 = (
    "Entities subject to the PIPA, except processing for missionary activities by religious organisations, for the "
    "nomination of candidates by political parties, and personal credit information under the Credit Information Act "
    "by entities supervised by the Financial Services Commission"
)


def test_korea_read_on_its_texts_for_2026_12_07_4_flags_the_eu_and_uk_transfers_to_korea(
    db: Database, admin: Actor
) -> None:
    """(EU) 2022/254 Art. 1(2) excludes a recipient "to the extent all or part of the purposes of processing" is the
    one listed, which the old question did not ask; SI 2022/1213 reg. 2 covers only "a transfer described in
    subsection (2)" (a person subject to the PIPA), so the UK entry is partial, with no EU-style carve-out."""
    shipped = (data_dir() / "countries.json").read_bytes()
    old: dict[str, Any] = json.loads(shipped)
    old["dataset_version"] = "2026-12-07.3"
    kr = _entry(old, "KR")["regimes"]
    kr["EU"]["condition"] = KR_EU_CONDITION_2026_12_07_3
    kr["UK"] = {
        "status": "adequate",
        "instrument": "SI 2022/1213",
        "adopted": "2022-12-19",
        "source_url": "https://legislation.gov.uk/uksi/2022/1213",
        "notes": "Transfers to persons in the Republic of Korea subject to the Personal Information Protection Act.",
        "verified": True,
        "last_verified": "2026-08-05",
    }
    store.import_document(db, admin, json.dumps(old, ensure_ascii=False).encode("utf-8"), reason="installed")
    flows = {}
    for exporter in ("DE", "GB", "JP"):
        exp = factories.entity(db, admin, f"Exporter in {exporter}", exporter)
        imp = factories.entity(db, admin, f"Importer in KR for {exporter}", "KR")
        flows[exporter] = transfers.create_transfer(
            db, admin, factories.transfer_input(exp.id, imp.id, "KR")
        ).id

    applied = store.import_document(db, admin, shipped)

    assert store.dataset_version(db) == "2026-12-07.5"
    assert applied.changed_destinations == ["KR"]
    assert sorted((c.regime, c.kind.value) for c in applied.status_changes["KR"]) == [
        ("EU", "condition"),
        ("UK", "status"),
    ]
    assert [f.regime for f in store.open_flags(db, flows["DE"])] == ["EU"]
    assert [f.regime for f in store.open_flags(db, flows["GB"])] == ["UK"]
    assert store.open_flags(db, flows["JP"]) == []  # the APPI entry did not change
    regimes = store.get_destination(db, "KR").regimes
    assert "to the extent all or part of the purposes of processing" in regimes["EU"].condition
    assert regimes["UK"].status.value == "partial" and regimes["UK"].checked
    assert [s.code for s in regimes["UK"].scope_limits] == ["pipa_person"]
