"""A realistic sample: the Net Japan group outsources customer support to a US subcontractor.

`build_demo(directory)` makes a fresh SQLite database in `directory` and runs the real services through
a whole assessment (start, fill every step, submit, return with a comment, resubmit, approve with the
four attestations), signs the report with a self-signed identity the tool makes for the manager, trusts
that certificate, and writes the signed TIA in English and Japanese. Everything comes from the seed
privacy policy: customer contact and payment data (§4-1, §4-4), support and contract purposes (§7-1,
§7-2), a subcontractor (§9-2), with an onward transfer to a helpdesk in the Philippines.

The pieces (`create_demo_parties`, `demo_record`, ...) are reused by tests and the batch benchmark.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from transfer_tool import clock, signing
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import approval, service
from transfer_tool.assessment.record import (
    AcceptanceItems,
    AssessmentRecord,
    ChosenMeasure,
    ConclusionRecord,
    ConditionConfirmation,
    Evidence,
    LawAssessment,
    LawPracticeStep,
    LawRisk,
    MeasureStatus,
    RiskFactor,
    RiskInputs,
    StepConclusion,
    ToolChoice,
)
from transfer_tool.assessment.risk import default_factor_set
from transfer_tool.countries.model import Destination
from transfer_tool.domain import DataFormat, Frequency, KeyHolder, PartyRole, Role
from transfer_tool.errors import ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.register import entities, transfers
from transfer_tool.runtime.bootstrap import open_database
from transfer_tool.runtime.config import Config
from transfer_tool.signing import trust
from transfer_tool.storage.database import Database

__all__ = [
    "DEMO_PASSPHRASE",
    "DEMO_PASSWORD",
    "DemoParties",
    "DemoResult",
    "DemoUser",
    "build_demo",
    "create_demo_parties",
    "create_demo_transfer",
    "demo_record",
    "fill_and_submit",
]

DEMO_PASSWORD = "demo-password-2026"  # every demo account's password (a sample, never production)
DEMO_PASSPHRASE = "demo-signing-passphrase"  # the demo manager's signing identity
DATABASE_FILE = "demo.sqlite3"
PDF_EN = "demo-tia-en.pdf"
PDF_JA = "demo-tia-ja.pdf"
CERTIFICATE_FILE = "demo-signer-certificate.pem"
SIGN_REASONS = {"en": "Approval of the transfer impact assessment", "ja": "移転影響評価書の承認"}
SIGN_LOCATION = "Tokyo"
APPROVAL_COMMENT = "Approved with the planned measures; re-evaluate in a year."


@dataclass(frozen=True)
class DemoUser:
    username: str
    display_name: str
    role: Role
    password: str


@dataclass(frozen=True)
class DemoResult:
    directory: Path
    database_url: str
    database_path: Path
    pdf_en: Path
    pdf_ja: Path
    certificate: Path  # the manager's certificate (PEM), also in the trusted list
    identity: Path  # the manager's signing identity (.p12), opened with `passphrase`
    passphrase: str
    users: tuple[DemoUser, ...]
    transfer_reference: str
    assessment_id: int
    onward_reference: str


@dataclass(frozen=True)
class DemoParties:
    exporter: entities.EntityView  # Net Japan Co., Ltd. (JP)
    eu_subsidiary: entities.EntityView  # Net Japan Europe GmbH (DE)
    importer: entities.EntityView  # Pacific Contact Services Inc. (US)
    sub_processor: entities.EntityView  # PCS Manila Support Center Inc. (PH)


ASSESSOR = DemoUser("hanako.sato", "佐藤 花子 (Hanako Sato)", Role.LEGAL, DEMO_PASSWORD)
MANAGER = DemoUser("taro.yamada", "山田 太郎 (Taro Yamada)", Role.MANAGER, DEMO_PASSWORD)
ADMIN = DemoUser("admin", "Demo Administrator", Role.ADMIN, DEMO_PASSWORD)
MANAGER_EMAIL = "taro.yamada@netjapan.example"


def create_demo_parties(db: Database, actor: Actor) -> DemoParties:
    def make(data: entities.EntityInput) -> entities.EntityView:
        return entities.create_entity(db, actor, data)

    return DemoParties(
        exporter=make(
            entities.EntityInput(
                name="Net Japan Co., Ltd.（株式会社ネットジャパン）",
                country="JP",
                address="1-2-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan",
                contact_name="山田 太郎 (Taro Yamada)",
                contact_position="Data Protection Officer, General Affairs Department",
                contact_email="privacy@netjapan.example",
                is_group_company=True,
                registration_no="0100-01-123456",
                activities="Sale of products and services to customers in Japan and abroad; customer support.",
            )
        ),
        eu_subsidiary=make(
            entities.EntityInput(
                name="Net Japan Europe GmbH",
                country="DE",
                address="Königsallee 1, 40212 Düsseldorf, Germany",
                contact_name="Lena Fischer",
                contact_position="Data Protection Coordinator",
                contact_email="privacy@netjapan-europe.example",
                is_group_company=True,
                registration_no="HRB 98765 (Düsseldorf)",
                activities="Sales and customer service for the group's European customers.",
            )
        ),
        importer=make(
            entities.EntityInput(
                name="Pacific Contact Services Inc.",
                country="US",
                address="500 Market Street, Suite 1200, San Francisco, CA 94105, USA",
                contact_name="Jennifer Morales",
                contact_position="Privacy Officer",
                contact_email="privacy@pacificcontact.example",
                registration_no="Delaware 7712345",
                activities="Operates the customer support desk and handles card payments for its clients.",
                certifications=("APEC CBPR",),
            )
        ),
        sub_processor=make(
            entities.EntityInput(
                name="PCS Manila Support Center Inc.",
                country="PH",
                address="6750 Ayala Avenue, Makati City, Metro Manila 1226, Philippines",
                contact_name="Maria Santos",
                contact_position="Site Security Manager",
                contact_email="security@pcs-manila.example",
                registration_no="SEC CS201912345",
                activities="Second-line customer support outside US office hours.",
            )
        ),
    )


def create_demo_transfer(
    db: Database, actor: Actor, parties: DemoParties, title: str = ""
) -> tuple[transfers.TransferView, transfers.TransferView]:
    """The JP → US support transfer and its onward transfer to Manila (created first, so the assessment
    picks it up). Returns (transfer, onward transfer)."""
    main = transfers.create_transfer(
        db,
        actor,
        transfers.TransferInput(
            exporter_id=parties.exporter.id,
            importer_id=parties.importer.id,
            destination="US",
            exporter_role=PartyRole.CONTROLLER,
            importer_role=PartyRole.PROCESSOR,
            title=title or "Customer support and payment handling by Pacific Contact Services (US)",
            recipient_type="subcontractor",
            data_categories=("contact", "financial", "service_usage"),
            data_subjects=("customers", "website_users"),
            purposes=("respond_requests", "manage_contracts"),
            legal_bases=("contract",),
            acquisition_routes=("from_person",),
            frequency=Frequency.CONTINUOUS,
            volume=40_000,
            format_in_transit=DataFormat.ENCRYPTED,
            format_at_rest=DataFormat.ENCRYPTED,
            key_holder=KeyHolder.IMPORTER,
            storage_countries=("US",),
            remote_access_countries=("PH",),
            retention="Contract term plus 12 months, then deleted (policy §12)",
            retention_code="business_necessity",
            nature_of_processing="Storage, consultation and updating of support tickets; card payment "
            "authorisation through a tokenising payment gateway.",
            notes="About 3,000 tickets a month. Card numbers are tokenised before they reach the desk.",
        ),
    )
    onward = transfers.add_onward_transfer(
        db,
        actor,
        main.id,
        transfers.TransferInput(
            exporter_id=parties.importer.id,
            importer_id=parties.sub_processor.id,
            destination="PH",
            exporter_role=PartyRole.PROCESSOR,
            importer_role=PartyRole.PROCESSOR,
            title="Second-line support outside US office hours (Manila helpdesk)",
            recipient_type="subcontractor",
            data_categories=("contact", "service_usage"),
            data_subjects=("customers",),
            purposes=("respond_requests",),
            legal_bases=("contract",),
            frequency=Frequency.CONTINUOUS,
            volume=40_000,
            format_in_transit=DataFormat.ENCRYPTED,
            format_at_rest=DataFormat.ENCRYPTED,
            key_holder=KeyHolder.IMPORTER,
            storage_countries=("US",),
            remote_access_countries=("PH",),
            retention="No local copies; access through VDI only",
        ),
    )
    return transfers.get_transfer(db, main.id), onward


# What the assessor found for each US law (keys of the shipped country data).
_LAW_FINDINGS: dict[str, tuple[bool, str]] = {
    "fisa702": (
        True,
        "Pacific Contact Services hosts the ticket system on its own servers and may qualify as a "
        "remote computing service provider (50 U.S.C. 1881(b)(4)).",
    ),
    "eo12333": (
        True,
        "Support traffic crosses the Pacific cables; collection outside the US under EO 12333 cannot be "
        "ruled out, although the traffic is encrypted end to end (TLS 1.3).",
    ),
    "nsl": (
        False,
        "NSLs reach wire and electronic communications transaction records; the importer is not a "
        "telecommunications provider and holds no such records of the exporter's customers.",
    ),
    "eo14086": (
        True,
        "Applies as a safeguard: SIGINT must be necessary and proportionate; EU and Japanese data "
        "subjects may use the redress mechanism where designated.",
    ),
    "cloud_act": (
        True,
        "Applies to the importer as a US provider; the data is stored in the US anyway, so it adds no "
        "access beyond ordinary US criminal procedure with court oversight.",
    ),
}
_FACTOR_VALUES: dict[str, tuple[tuple[float, str], ...]] = {
    "fisa702": (
        (
            0.5,
            "The importer may qualify as a remote computing service provider; counsel could not exclude it.",
        ),
        (0.05, "Contact and payment data of Japanese consumers is of low intelligence value."),
        (0.1, "Larger providers hold the same data; no request in ten years of operation."),
        (0.5, "The importer commits to challenge requests, but success is uncertain."),
        (0.4, "Card numbers are tokenised; contact data is needed in clear for support work."),
    ),
    "eo12333": (
        (1.0, "The traffic crosses cables outside the US."),
        (0.02, "Bulk collection does not target consumer support traffic."),
        (0.1, "Collection happens on the cables, not at the importer."),
        (1.0, "The importer is not asked and cannot resist."),
        (0.005, "TLS 1.3 with forward secrecy end to end; keys never leave the endpoints."),
    ),
}


def demo_record(record: AssessmentRecord, destination: Destination, today: dt.date) -> AssessmentRecord:
    """Steps 2-7 answered as the assessor would for the JP → US support transfer (`record` as started)."""
    problematic = {law.key for law in destination.access_laws if law.problematic}
    names = {law.key: law.name for law in destination.access_laws}
    laws = tuple(
        LawAssessment(
            a.law_key,
            *_LAW_FINDINGS.get(
                a.law_key, (False, "Not relevant to a support desk holding customer tickets.")
            ),
        )
        for a in record.law_practice.laws
    )
    applying = [a.law_key for a in laws if a.applies and a.law_key in problematic]
    factor_defs = default_factor_set()
    risk_laws = tuple(
        LawRisk(
            key,
            names.get(key, key),
            tuple(
                RiskFactor(f.key, f.label, p, why)
                for f, (p, why) in zip(
                    factor_defs, _FACTOR_VALUES.get(key, _FACTOR_VALUES["fisa702"]), strict=True
                )
            ),
        )
        for key in applying
    )
    return dataclasses.replace(
        record,
        confirmed_conditions=(
            ConditionConfirmation(
                "JP", "The importer is bound by a data processing agreement to APPI-level handling."
            ),
        ),
        tools=tuple(
            ToolChoice(
                regime,
                "jp_equivalent_measures" if regime == "JP" else "eu_scc_m2",
                "A data processing agreement binds Pacific Contact Services to handle the data to APPI "
                "standards (PPC Rules Art. 16); the importer is APEC CBPR certified and reports yearly."
                if regime == "JP"
                else "Controller to processor; the importer is not DPF-certified.",
            )
            for regime in record.regimes.codes()
        ),
        law_practice=LawPracticeStep(
            laws=laws,
            practical_experience="The importer reports no government request for customer data in ten "
            "years of operation (transparency report 2016–2026).",
            practical_sources=(
                "Pacific Contact Services transparency report 2026",
                "Importer questionnaire answered on 2026-10-15",
            ),
            conclusion=StepConclusion.MEASURES_NEEDED,
            conclusion_reasoning="FISA 702 may reach the importer as a remote computing service provider; "
            "supplementary measures are needed.",
        ),
        measures=(
            ChosenMeasure("tech_transport_e2e_encryption", MeasureStatus.IN_PLACE, "IT Security"),
            ChosenMeasure("contract_transparency", MeasureStatus.IN_PLACE, "Legal"),
            ChosenMeasure("contract_challenge_requests", MeasureStatus.IN_PLACE, "Legal"),
            ChosenMeasure(
                "org_request_records",
                MeasureStatus.PLANNED,
                "Importer's privacy officer",
                today + dt.timedelta(days=90),
                "Quarterly report of requests received (or none) to the exporter's DPO.",
            ),
            ChosenMeasure(
                "org_data_minimisation",
                MeasureStatus.PLANNED,
                "Customer Support Department",
                today + dt.timedelta(days=60),
                "Mask card data in tickets; delete call recordings after 90 days.",
            ),
        ),
        procedural_notes="The data processing agreement is unmodified from the group template; no "
        "authorisation by a supervisory authority is needed.",
        risk=RiskInputs(
            enabled=True,
            period_years=5,
            threshold=record.risk.threshold if record.risk.threshold is not None else 0.05,
            laws=risk_laws,
        ),
        conclusion=ConclusionRecord(chosen=None),
        acceptance=AcceptanceItems(
            anonymisation="Support agents must know who the customer is and card payments need the card "
            "data: anonymised data would defeat the purpose. Minimised instead: card numbers are tokenised, "
            "call recordings are deleted after 90 days and only open tickets are replicated.",
            performed_by="Legal (Hanako Sato, assessor) with the DPO (Taro Yamada, reviewer); the importer's "
            "privacy officer answered the questionnaire on its law and practice.",
            framework="No comprehensive federal privacy law: the FTC enforces against unfair or deceptive "
            "practices (FTC Act s. 5); the California CCPA/CPRA, enforced by the California Privacy "
            "Protection Agency, applies to the importer.",
            redress="Claims under the data processing agreement before the Tokyo District Court; complaints "
            "to the FTC and the California Privacy Protection Agency. The signals-intelligence redress of "
            "EO 14086 is open only to designated qualifying states; Japan is not among them.",
            tool_enforceable=True,
            tool_enforceability="The agreement is governed by Japanese law with Tokyo courts; a Japanese "
            "money judgment can be recognised in California (Code of Civil Procedure ss. 1713-1725), where "
            "the importer has its seat.",
            supervisory_authority="Personal Information Protection Commission (PPC), Japan: the exporter's "
            "authority under the APPI.",
            importer_signatory="Jennifer Morales, Privacy Officer, Pacific Contact Services Inc.",
            importer_signed_on=today,
        ),
        evidence=(
            Evidence(
                "Importer questionnaire",
                "Answered by Jennifer Morales (Privacy Officer) on 2026-10-15: no government request "
                "received; ISO/IEC 27001 certified; data centre in us-west-2.",
            ),
        ),
    )


def fill_and_submit(
    db: Database, assessor: Actor, transfer_id: int, today: dt.date
) -> service.AssessmentView:
    """Start the assessment, answer every step with the recommended conclusion, and submit it."""
    a = service.start_assessment(db, assessor, transfer_id)
    ev = service.evaluate_assessment(db, a.id, today)
    record = demo_record(a.record, ev.destination, today)
    a = service.save_draft(db, assessor, a.id, record, a.row_version, page="risk")
    ev = service.evaluate_assessment(db, a.id, today)
    chosen = ev.recommendation
    if chosen is None:
        raise ValidationError("The demo assessment has no recommended conclusion; the rules changed?")
    record = dataclasses.replace(a.record, conclusion=ConclusionRecord(chosen=chosen))
    a = service.save_draft(db, assessor, a.id, record, a.row_version, page="conclusion")
    return service.submit(db, assessor, a.id, today)


def _users(db: Database) -> tuple[Actor, Actor, Actor]:
    admin = users.create_first_admin(db, ADMIN.username, ADMIN.display_name, ADMIN.password).actor()
    assessor = users.create_user(
        db, admin, ASSESSOR.username, ASSESSOR.display_name, ASSESSOR.password, ASSESSOR.role
    ).actor()
    manager = users.create_user(
        db, admin, MANAGER.username, MANAGER.display_name, MANAGER.password, MANAGER.role, MANAGER_EMAIL
    ).actor()
    return admin, assessor, manager


def build_demo(directory: Path, today: dt.date | None = None) -> DemoResult:
    """Build the sample in `directory` (created if needed; refused if it already holds a demo)."""
    directory = Path(directory)
    made = not directory.exists()
    directory.mkdir(parents=True, exist_ok=True)
    db_path = directory / DATABASE_FILE
    existing = [p.name for p in (db_path, directory / PDF_EN, directory / PDF_JA) if p.exists()]
    if existing:
        raise ValidationError(
            error_text(
                "{0} already holds a demo ({1}); choose an empty folder.", directory, ", ".join(existing)
            )
        )
    today = today or clock.today()
    url = f"sqlite:///{db_path}"
    before = set(directory.iterdir())
    db: Database | None = None
    try:
        db = open_database(Config(url))  # inside: a Ctrl-C while the new database is set up left it behind
        return _build(db, directory, url, today)
    except BaseException:
        # Leave the folder as it was, so the user can simply run the demo again.
        if db is not None:
            db.dispose()
        for leftover in set(directory.iterdir()) - before:
            if leftover.is_file():
                leftover.unlink()
        if made and not any(directory.iterdir()):
            directory.rmdir()
        raise
    finally:
        if db is not None:
            db.dispose()


def _build(db: Database, directory: Path, url: str, today: dt.date) -> DemoResult:
    db_path = directory / DATABASE_FILE
    admin, assessor, manager = _users(db)
    service.set_org_settings(
        db,
        admin,
        service.OrgSettings(
            risk_threshold=0.05, organisation_name="Net Japan Co., Ltd.", importer_sign_off=True
        ),
    )
    identity = signing.create_self_signed_identity(
        MANAGER.display_name, MANAGER_EMAIL, DEMO_PASSPHRASE, directory
    )
    pem = signing.export_certificate_pem(identity, DEMO_PASSPHRASE)
    certificate = directory / CERTIFICATE_FILE
    certificate.write_bytes(pem)
    trust.add_trusted(
        db, admin, pem, f"{MANAGER.display_name}, Data Protection Officer (demo)", owner=manager.user_id
    )

    parties = create_demo_parties(db, assessor)
    main, onward = create_demo_transfer(db, assessor, parties)

    a = fill_and_submit(db, assessor, main.id, today)
    # The EU subsidiary sends its European customers' tickets to the same desk; its assessment is
    # only started, so the register shows a draft beside the approved transfer.
    eu = transfers.create_transfer(
        db,
        assessor,
        transfers.with_changes(
            main,
            exporter_id=parties.eu_subsidiary.id,
            title="European customer support by Pacific Contact Services (US)",
            volume=8_000,
            remote_access_countries=(),
        ),
    )
    service.start_assessment(db, assessor, eu.id)
    a = service.return_with_comments(
        db,
        manager,
        a.id,
        [("facts", "Please attach the signed data processing agreement as evidence.")],
    )
    service.add_evidence(
        db,
        assessor,
        a.id,
        "dpa-pacific-contact-services.txt",
        b"Data processing agreement between Net Japan Co., Ltd. and Pacific Contact Services Inc.\n"
        b"Signed 2026-09-30. Clauses: APPI-level handling, sub-processing only with consent, audit "
        b"rights, notification of government requests.\n",
        "Signed data processing agreement (equivalent measures)",
    )
    a = service.submit(db, assessor, a.id, today)

    done = approval.approve_and_sign(
        db,
        manager,
        approval.ApprovalRequest(
            a.id,
            identity,
            DEMO_PASSPHRASE,
            "en",
            frozenset(service.REQUIRED_ATTESTATIONS),
            today,
            comment=APPROVAL_COMMENT,
        ),
    )
    a = done.view
    # The Japanese copy is signed too (a courtesy copy; the English one is the approval itself): the
    # approved version as stored, stamped at the approval's moment. Rendered for approval beforehand and
    # stamped with the clock read again, its stamp said another minute, or day, than its own history.
    from transfer_tool.report.renderer import render_report  # ReportLab: only when a report is rendered

    signed: dict[str, bytes] = {
        "en": done.signed_pdf,
        "ja": signing.sign_pdf(
            render_report(service.build_report_data(db, a.id, today), "ja"),
            identity,
            DEMO_PASSPHRASE,
            reason=SIGN_REASONS["ja"],
            location=SIGN_LOCATION,
            signer_display_name=MANAGER.display_name,
            lang="ja",
            stamped_at=a.approved_at,
        ),
    }
    pdf_en, pdf_ja = directory / PDF_EN, directory / PDF_JA
    pdf_en.write_bytes(signed["en"])
    pdf_ja.write_bytes(signed["ja"])
    return DemoResult(
        directory=directory,
        database_url=url,
        database_path=db_path,
        pdf_en=pdf_en,
        pdf_ja=pdf_ja,
        certificate=certificate,
        identity=identity,
        passphrase=DEMO_PASSPHRASE,
        users=(ADMIN, ASSESSOR, MANAGER),
        transfer_reference=main.reference,
        assessment_id=a.id,
        onward_reference=onward.reference,
    )
