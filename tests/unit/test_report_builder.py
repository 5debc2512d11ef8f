"""From a stored assessment to ReportData: the pure mapping on hand-built data, and the whole path from the
database to a rendered PDF whose text holds what the assessor typed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import re
from typing import Any

import pytest
from pypdf import PdfReader

from tests.unit.test_assessment_fixtures import NOW, complete_fr_us_record, context, us
from tests.unit.test_assessment_service import TODAY, _approve, _filled, _fr_to_us
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.context import evaluate
from transfer_tool.assessment.evidence import EvidenceView
from transfer_tool.assessment.record import (
    AssessmentRecord,
    ConclusionRecord,
    Evidence,
    LawRisk,
    RegimeSelection,
    ReviewAction,
    ReviewEvent,
    RiskFactor,
    RiskInputs,
    ToolChoice,
    TransferFacts,
)
from transfer_tool.assessment.report_builder import ReportMeta, ReportSources, report_data_from
from transfer_tool.assessment.risk import compute_risk
from transfer_tool.catalog import shipped_catalogs
from transfer_tool.countries import store as country_store
from transfer_tool.countries.model import RegimeEntry
from transfer_tool.countries.names import load_country_names
from transfer_tool.domain import (
    AdequacyStatus,
    AssessmentStatus,
    Conclusion,
    PartyRole,
    UserId,
)
from transfer_tool.register import transfers
from transfer_tool.register.entities import EntityView
from transfer_tool.report.data import Localized, ReportData, Text, localize
from transfer_tool.report.renderer import render_report
from transfer_tool.report.terms import format_datetime
from transfer_tool.storage.database import Database

EXPORTER = EntityView(
    name="Maison Client SAS",
    country="FR",
    address="1 rue de la Paix, Paris",
    contact_name="Claire Martin",
    contact_email="dpo@maison.example",
    id=1,
)
IMPORTER = EntityView(name="Cloud Desk Inc.", country="US", id=2)


def _transfer_view() -> transfers.TransferView:
    return transfers.TransferView(
        exporter_id=1,
        importer_id=2,
        destination="US",
        recipient_type="subcontractor",
        data_categories=("contact", "financial"),
        data_subjects=("customers",),
        purposes=("respond_requests",),
        legal_bases=("contract",),
        retention="Contract term plus 1 year",
        retention_code="business_necessity",
        nature_of_processing="Ticket handling",
        id=7,
        reference="TR-000007",
        title="Support desk",
    )


def _sources(
    record: AssessmentRecord, status: AssessmentStatus = AssessmentStatus.DRAFT, **kw: Any
) -> ReportSources:
    ctx = context(us())
    items = {k: {i.code: i for i in v} for k, v in shipped_catalogs().items()}
    meta = ReportMeta(
        reference="TR-000007",
        version=1,
        status=status,
        title="Support desk",
        created_at=NOW,
        updated_at=NOW,
        organisation="",
        assessor="Lena Legal",
        user_names={5: "Lena Legal", 6: "Max Manager"},
        dataset_version="2026-11-26.1",
    )
    base = ReportSources(
        record=record,
        meta=meta,
        transfer=_transfer_view(),
        exporter=EXPORTER,
        importer=IMPORTER,
        catalog=items,
        destination=ctx.destination,
        regimes={r.code: r for r in ctx.regimes},
        names=load_country_names(),
        evaluation=evaluate(record, ctx, TODAY),
        tools=ctx.tools,
        measures=ctx.measures,
    )
    return dataclasses.replace(base, **kw)


def _fr_us_record(**changes: Any) -> AssessmentRecord:
    r = complete_fr_us_record()
    r = dataclasses.replace(r, facts=dataclasses.replace(r.facts, data_categories=("contact", "financial")))
    return dataclasses.replace(r, **changes)


def _both(text: Text) -> tuple[str, str]:
    """A report text as the English and the Japanese report print it."""
    return localize(text, "en"), localize(text, "ja")


def test_parties_and_description_carry_catalogue_labels_with_policy_sections() -> None:
    data = report_data_from(_sources(_fr_us_record()))
    assert data.organisation == "Maison Client SAS"  # no organisation name set: the exporter's
    assert data.exporter.country == Localized("France", "フランス")
    assert data.exporter.role is PartyRole.CONTROLLER and data.importer.role is PartyRole.PROCESSOR
    assert data.exporter.contact_details == "dpo@maison.example"
    assert isinstance(data.importer.recipient_type, Localized) and "§9-2" in data.importer.recipient_type.en
    cats = data.transfer.data_categories
    assert [(c.label.en.split(" (")[0], c.section) for c in cats if isinstance(c.label, Localized)] == [
        ("Contact information", "§4-1"),
        ("Financial information", "§4-4"),
    ]
    assert all(isinstance(c.label, Localized) and c.label.ja for c in cats)
    assert data.transfer.purposes[0].section == "§7-1"
    assert data.transfer.legal_basis[0].section == "§6-2"
    assert (
        isinstance(data.transfer.retention, Localized)
        and "Contract term plus 1 year" in data.transfer.retention.en
    )
    assert _both(data.transfer.volume) == ("12,000 data subjects", "12,000人")
    assert localize(data.transfer.storage_location, "en") == "United States (US)"
    assert localize(data.transfer.storage_location, "ja") == "米国 (US)"


def test_regimes_tools_laws_measures_and_conclusion() -> None:
    data = report_data_from(_sources(_fr_us_record()))
    assert data.regimes == ("EU",)
    assert [(e.regime, e.status) for e in data.destination_status] == [("EU", AdequacyStatus.PARTIAL)]
    assert data.country_data_version == 7
    assert "country data 2026-11-26.1" in [localize(k, "en") for k in data.keywords]
    tool = data.tools[0]
    assert isinstance(tool.tool, Localized) and "2" in tool.tool.en and tool.tool.ja
    assert localize(tool.justification, "en").startswith("controller to processor") and tool.warnings == ()
    fisa = next(f for f in data.law_and_practice.laws if localize(f.name, "en") == "FISA Section 702")
    assert fisa.problematic and fisa.applies and "electronic communication" in fisa.reasoning
    cloud = next(f for f in data.law_and_practice.laws if localize(f.name, "en") == "CLOUD Act")
    assert not cloud.problematic and not cloud.applies
    step = data.law_and_practice.step_conclusion
    assert "FISA 702 reaches the importer" in localize(step, "ja")
    assert [m.status for m in data.measures] == ["in_place", "in_place"]
    assert data.measures[0].kind == "contractual"
    assert "Use case 6" in localize(data.measures[0].use_case, "en")
    assert data.action_plan == ()  # nothing planned
    assert (data.conclusion.recommended, data.conclusion.chosen) == (
        Conclusion.DO_NOT_TRANSFER,
        Conclusion.DO_NOT_TRANSFER,
    )
    assert data.appi_consent is None and data.risk is None


def test_a_misfitting_tool_shows_its_warning_and_a_missing_tool_is_reported() -> None:
    record = _fr_us_record(tools=(ToolChoice("EU", "eu_adequacy", "DPF"),))
    data = report_data_from(_sources(record))
    warnings = data.tools[0].warnings
    assert any("not recorded as certified" in localize(w, "en") for w in warnings)
    # The engine's warning reads in Japanese in the Japanese report.
    assert any("認証" in localize(w, "ja") for w in warnings), [localize(w, "ja") for w in warnings]
    data = report_data_from(_sources(_fr_us_record(tools=())))
    assert data.tools[0].tool == "—"
    assert [localize(w, "en") for w in data.tools[0].warnings] == ["No transfer tool has been chosen yet."]
    assert [localize(w, "ja") for w in data.tools[0].warnings] == ["移転ツールはまだ選択されていない。"]


def test_quantified_risk_matches_the_engine() -> None:
    factors = tuple(
        RiskFactor(k, k, p, f"why {k}") for k, p in (("in_scope", 0.5), ("authorities_want", 0.02))
    )
    inputs = RiskInputs(
        enabled=True, period_years=5, threshold=0.05, laws=(LawRisk("fisa702", "FISA 702", factors),)
    )
    data = report_data_from(_sources(_fr_us_record(risk=inputs)))
    expected = compute_risk(inputs)
    assert data.risk is not None
    assert data.risk.total_over_period == pytest.approx(expected.period_probability)
    assert data.risk.threshold == 0.05 and data.risk.period_years == 5
    law = data.risk.laws[0]
    assert law.per_year == pytest.approx(0.01) and law.over_period == pytest.approx(1 - 0.99**5)
    assert [f.justification for f in law.factors] == ["why in_scope", "why authorities_want"]
    assert len(data.risk.sensitivity) == 4  # each factor doubled and halved


def test_appi_consent_route_gives_the_information_for_the_data_subject() -> None:
    record = AssessmentRecord(
        facts=TransferFacts("JP", "US", "US", data_subjects_count=300, data_categories=("contact",)),
        regimes=RegimeSelection(applied=("JP",)),
        tools=(ToolChoice("JP", "jp_consent", "The recipient keeps the data under its APPI-level DPA."),),
        conclusion=ConclusionRecord(Conclusion.PROCEED, Conclusion.PROCEED),
    )
    data = report_data_from(_sources(record))
    assert data.appi_consent is not None
    assert _both(data.appi_consent.country_name) == ("United States", "米国")
    system = data.appi_consent.protection_system
    assert "California CCPA" in localize(system, "en")
    assert "APEC CBPR" in localize(system, "en") and "APEC CBPR" in localize(system, "ja")
    # The engine's indicator line is Japanese in the Japanese report.
    assert "越境プライバシー" in localize(system, "ja"), localize(system, "ja")
    assert localize(data.appi_consent.recipient_measures, "en").startswith("The recipient keeps the data")


def test_review_history_names_people_and_a_draft_without_conclusion_says_so() -> None:
    at = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
    history = (
        ReviewEvent(ReviewAction.SUBMITTED, UserId(5), at),
        ReviewEvent(ReviewAction.RETURNED, UserId(6), at, "[law_practice] more on NSL"),
        ReviewEvent(ReviewAction.RESUBMITTED, UserId(5), at),
    )
    record = _fr_us_record(history=history, conclusion=ConclusionRecord())
    data = report_data_from(_sources(record))
    assert [(e.who, e.action) for e in data.review_history] == [
        ("Lena Legal", "created"),
        ("Lena Legal", "submitted"),
        ("Max Manager", "returned"),
        ("Lena Legal", "submitted"),
    ]
    # The section tag reads as the section's name in each language, never as "[law_practice]".
    assert _both(data.review_history[2].comment) == (
        "Law and practice (step 3): more on NSL",
        "移転先の法令及び実務（ステップ3）：more on NSL",
    )
    assert localize(data.conclusion.reason, "en") == "No conclusion has been reached yet (draft)."
    assert localize(data.conclusion.reason, "ja") == "結論はまだ出ていない（ドラフト）。"


def test_evidence_lists_files_and_typed_evidence() -> None:
    digest = hashlib.sha256(b"scc").hexdigest()
    files = (EvidenceView(1, 1, "Signed SCC", "scc.pdf", digest, 3, "lena", NOW),)
    record = _fr_us_record(evidence=(Evidence("Call with importer", "No requests received since 2020"),))
    data = report_data_from(_sources(record, evidence_files=files))
    assert [(e.label, e.filename, e.sha256) for e in data.evidence] == [
        ("Signed SCC", "scc.pdf", digest),
        ("Call with importer: No requests received since 2020", "", ""),
    ]


# ---- from the database to the PDF ------------------------------------------------------------------------


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_stored_assessment_renders_in_both_languages_with_the_typed_answers(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    t = _fr_to_us(db, legal)
    a = service.start_assessment(db, legal, t.id)
    a = service.save_draft(
        db, legal, a.id, _filled(a.record, conclusion=Conclusion.PROCEED_WITH_MEASURES), a.row_version
    )
    evidence = service.add_evidence(
        db, legal, a.id, "questionnaire.pdf", b"answers", "Importer questionnaire"
    )
    draft = service.build_report_data(db, a.id, TODAY)
    assert draft.status is AssessmentStatus.DRAFT and draft.sign_off.approver_name == ""

    a = service.submit(db, legal, a.id, TODAY)
    a = service.return_with_comments(
        db, manager, a.id, [("risk", "Justify the 10 % for 'authorities want'.")]
    )
    a = service.submit(db, legal, a.id, TODAY)
    a = _approve(db, manager, a.id)
    pdf = service.signed_report(db, a.id)
    assert pdf is not None

    # A later country-data change does not alter the approved report: it shows what it relied on.
    us_now = country_store.get_destination(db, "US")
    changed = dataclasses.replace(
        us_now, regimes={**us_now.regimes, "EU": RegimeEntry("EU", AdequacyStatus.NOT_ADEQUATE)}
    )
    country_store.update_destination(
        db, admin, changed, reason="test change", expected_version=us_now.version
    )
    data: ReportData = service.build_report_data(db, a.id, TODAY)
    assert data.status is AssessmentStatus.APPROVED
    assert data.country_data_version == us_now.version
    assert [e.status for e in data.destination_status] == [AdequacyStatus.PARTIAL]
    assert data.sign_off.approver_name == "Max Manager 山田" and data.sign_off.at == a.approved_at
    # The sign-off states the approval's moment in UTC and says so (a bare UTC date, read as local, put an
    # approval made at 08:30 in Tokyo on the day before), in the signed copy as in a later rendering.
    assert a.approved_at is not None and a.approved_at.date() == TODAY
    stated = format_datetime(a.approved_at, "en")
    assert stated.endswith("\u00a0UTC") and re.search(r"\d\d:\d\d\u00a0UTC$", stated)
    signed_text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(signed_text.replace("\u00a0", " ").split())
    assert "Date and time " + " ".join(stated.replace("\u00a0", " ").split()) in flat, flat[-600:]
    assert [e.action for e in data.review_history] == [
        "created",
        "submitted",
        "returned",
        "submitted",
        "approved",
    ]
    assert data.reference == t.reference and data.conclusion.reevaluation_date == dt.date(2027, 11, 26)

    typed = (
        "Controller to processor; the importer is not DPF-certified.",
        "Cloud Desk is a remote computing service provider",
        "FISA 702 reaches the importer as a cloud provider.",
        "Justify the 10 % for 'authorities want'.",
        "justified safeguards_fail",
        "Ops team",
        "questionnaire.pdf",
        evidence.sha256,
        "Max Manager 山田",
        t.reference,
    )
    for lang in ("en", "ja"):
        text = _text(render_report(data, lang))
        missing = [x for x in typed if _squash(x) not in text]
        assert missing == [], lang
    assert _squash("Cloud Desk Inc.") in _text(pdf)  # the PDF handed over for signing


def test_the_japanese_pdfs_properties_are_in_japanese() -> None:
    """File > Properties of the Japanese TIA read "TIA, EU GDPR, United States, country data …" in English
    (the report's own words; the reference stays first, as the checker reads it)."""
    import io

    from pypdf import PdfReader

    from transfer_tool.report.renderer import render_report

    data = report_data_from(_sources(_fr_us_record()))
    meta = PdfReader(io.BytesIO(render_report(data, "ja"))).metadata
    assert meta is not None
    keywords = str(meta.get("/Keywords"))
    assert keywords.startswith(f"{data.reference}, 移転影響評価, ")
    assert "国別データ 2026-11-26.1" in keywords and "米国" in keywords
    assert "TIA" not in keywords and "country data" not in keywords and "United States" not in keywords
    metadata = PdfReader(io.BytesIO(render_report(data, "en"))).metadata
    assert metadata is not None
    english = str(metadata.get("/Keywords"))
    assert "TIA" in english and "country data 2026-11-26.1" in english and "United States" in english
