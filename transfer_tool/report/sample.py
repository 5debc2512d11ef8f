"""A realistic demo TIA (Net Japan group, customer support outsourced to a US subcontractor).

Used by the tests, the benchmark and the `demo` command. Built from the seed privacy policy: data
categories, purposes and recipient types carry their policy section numbers.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from transfer_tool.countries.model import RegimeEntry
from transfer_tool.domain import (
    AdequacyStatus,
    AssessmentStatus,
    Conclusion,
    DataFormat,
    Frequency,
    KeyHolder,
    PartyRole,
)
from transfer_tool.report.data import (
    ActionItem,
    AppiConsentInfo,
    ConclusionInfo,
    Evidence,
    LawAndPractice,
    LawFinding,
    Localized,
    Measure,
    OnwardTransfer,
    Party,
    PolicyItem,
    QuantifiedRisk,
    RegimeTool,
    ReportData,
    ReviewCommentLine,
    ReviewEvent,
    RiskFactor,
    RiskLaw,
    SensitivityRow,
    SignOff,
    TransferDescription,
)

_US = Localized("United States of America", "アメリカ合衆国")
_JAPAN = Localized("Japan", "日本")
_PERIOD_YEARS = 5


def _risk_law(law: str, factors: tuple[RiskFactor, ...]) -> RiskLaw:
    per_year = 1.0
    for factor in factors:
        per_year *= factor.probability
    return RiskLaw(law, factors, per_year, 1 - (1 - per_year) ** _PERIOD_YEARS)


def _sample_risk() -> QuantifiedRisk:
    fisa = _risk_law(
        "FISA Section 702",
        (
            RiskFactor(
                Localized("The importer is in scope of the law", "輸入者が当該法令の適用対象である"),
                0.5,
                "Pacific Contact Services hosts the ticket system on its own servers and may qualify as "
                "a remote computing service provider.",
            ),
            RiskFactor(
                Localized("Authorities want this kind of data", "当局がこの種のデータを求める"),
                0.05,
                "Customer contact and payment data of Japanese consumers is of low intelligence value.",
            ),
            RiskFactor(
                Localized("They approach this importer", "当局がこの輸入者に接触する"),
                0.1,
                "The data is available from larger providers; no request in ten years of operation.",
            ),
            RiskFactor(
                Localized("The importer cannot resist", "輸入者が抵抗できない"),
                0.5,
                "The importer commits to challenge requests (SCC Clause 15.2) but success is uncertain.",
            ),
            RiskFactor(
                Localized("Safeguards do not prevent access", "保護措置がアクセスを防げない"),
                0.4,
                "Card numbers are tokenised; contact data is needed in clear for support work.",
            ),
        ),
    )
    eo = _risk_law(
        "Executive Order 12333",
        (
            RiskFactor(Localized("Data passes through in transit", "通信経路上でデータが通過する"), 1.0),
            RiskFactor(
                Localized("Authorities want this kind of data", "当局がこの種のデータを求める"),
                0.02,
                "Bulk collection does not target consumer support traffic.",
            ),
            RiskFactor(
                Localized("Encryption in transit fails", "通信の暗号化が破られる"),
                0.005,
                "TLS 1.3 with forward secrecy end to end; keys never leave the endpoints.",
            ),
        ),
    )
    keep = (1 - fisa.per_year) * (1 - eo.per_year)
    total = 1 - keep**_PERIOD_YEARS
    return QuantifiedRisk(
        period_years=_PERIOD_YEARS,
        laws=(fisa, eo),
        total_over_period=total,
        threshold=0.05,
        once_every_years=1 / (1 - keep),
        sensitivity=(
            SensitivityRow(
                Localized("All factors doubled", "全要素を2倍にした場合"), 1 - (1 - 32 * fisa.per_year) ** 5
            ),
            SensitivityRow(
                Localized("Importer cannot resist at all (1.0)", "輸入者が全く抵抗できない場合 (1.0)"),
                1 - (1 - 2 * fisa.per_year) ** 5,
            ),
        ),
        method=Localized(
            "Rosenthal method (reconstruction): P = 1 − Π(1 − pᵢ)^N over the assessment period.",
            "Rosenthal手法（再構成）：P = 1 − Π(1 − pᵢ)^N（評価期間N年）",
        ),
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def sample_report_data(status: AssessmentStatus = AssessmentStatus.DRAFT) -> ReportData:
    """The demo assessment; `status` APPROVED also fills in the approval event and the sign-off date."""
    approved = status is AssessmentStatus.APPROVED
    history = [
        ReviewEvent("佐藤 花子 (Hanako Sato)", dt.datetime(2026, 11, 2, 10, 15), "created"),
        ReviewEvent("佐藤 花子 (Hanako Sato)", dt.datetime(2026, 11, 9, 17, 40), "submitted"),
        ReviewEvent(
            "山田 太郎 (Taro Yamada)",
            dt.datetime(2026, 11, 12, 9, 5),
            "returned",
            "Please add the onward transfer to the Manila support centre and attach the signed DPA.\n"
            "マニラのサポートセンターへの再移転を追記してください。",
        ),
        ReviewEvent("佐藤 花子 (Hanako Sato)", dt.datetime(2026, 11, 20, 14, 30), "submitted", "Both added."),
    ]
    if approved:
        history.append(ReviewEvent("山田 太郎 (Taro Yamada)", dt.datetime(2026, 11, 26, 11, 0), "approved"))
    return ReportData(
        reference="TIA-2026-0042",
        version=3,
        status=status,
        title="Customer support and payment handling by Pacific Contact Services (US)",
        created=dt.date(2026, 11, 2),
        updated=dt.date(2026, 11, 20),
        organisation="Net Japan Co., Ltd.",
        assessor="佐藤 花子 (Hanako Sato)",
        exporter=Party(
            name="Net Japan Co., Ltd.（株式会社ネットジャパン）",
            country=_JAPAN,
            role=PartyRole.CONTROLLER,
            address="1-2-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan",
            registration_no="0100-01-123456",
            contact_name="山田 太郎 (Taro Yamada)",
            contact_position="Data Protection Officer, General Affairs Department",
            contact_details="privacy@netjapan.example / +81 3 1234 5678",
            activities="Sale of products and services to customers in Japan and abroad; customer support.",
            signatory="山田 太郎 (Taro Yamada)",
        ),
        importer=Party(
            name="Pacific Contact Services Inc.",
            country=_US,
            role=PartyRole.PROCESSOR,
            address="500 Market Street, Suite 1200, San Francisco, CA 94105, USA",
            registration_no="Delaware 7712345",
            contact_name="Jennifer Morales",
            contact_position="Privacy Officer",
            contact_details="privacy@pacificcontact.example / +1 415 555 0100",
            activities="Operates the customer support desk and handles card payments on behalf of the exporter.",
            recipient_type=Localized(
                "Subcontractors and professional advisors (§9-2)", "委託先及び専門家（第9条第2項）"
            ),
            signatory="Jennifer Morales",
        ),
        destination=_US,
        destination_code="US",
        transfer=TransferDescription(
            data_subjects=(
                Localized("Customers", "顧客"),
                Localized("Website users", "ウェブサイト利用者"),
            ),
            data_categories=(
                PolicyItem(Localized("Contact information", "連絡先情報"), "§4-1"),
                PolicyItem(Localized("Financial information", "金融情報"), "§4-4"),
                PolicyItem(
                    Localized("Service usage details and inquiry details", "サービス利用内容及び問合せ内容"),
                    "§4-5",
                ),
                PolicyItem(
                    Localized("Audio information (support calls)", "音声情報（サポート通話）"), "§4-7"
                ),
            ),
            purposes=(
                PolicyItem(
                    Localized(
                        "Responding to requests, inquiries and applications",
                        "資料請求、問合せ及び申込みへの対応",
                    ),
                    "§7-1",
                ),
                PolicyItem(
                    Localized("Managing contracts and obligations", "契約の管理及び義務の履行"), "§7-2"
                ),
            ),
            legal_basis=(PolicyItem(Localized("Performance of a contract", "契約の履行"), "§6-2"),),
            frequency=Frequency.CONTINUOUS,
            volume="About 40,000 customers; 3,000 tickets a month",
            nature="Storage, consultation and updating of support tickets; card payment authorisation.",
            sensitive_data="None. Support staff are instructed not to record health or other sensitive data.",
            sensitive_restrictions="Free-text fields are scanned weekly; findings are deleted and reported.",
            retention=Localized(
                "Contract term plus 12 months (policy §12)", "契約期間終了後12か月（ポリシー第12条）"
            ),
            storage_location="AWS us-west-2 (Oregon), operated by the importer",
            remote_access="Support staff in Manila, Philippines (follow-the-sun), via VDI only",
            format_in_transit=DataFormat.ENCRYPTED,
            format_at_rest=DataFormat.ENCRYPTED,
            key_holder=KeyHolder.IMPORTER,
            onward_transfers=(
                OnwardTransfer(
                    "PCS Manila Support Center Inc.",
                    Localized("Philippines", "フィリピン"),
                    Localized(
                        "Second-line support outside US office hours", "米国の営業時間外の二次サポート"
                    ),
                    Localized(
                        "Assessed separately as TR-000001-01 (New)", "TR-000001-01として個別に評価（新規）"
                    ),
                ),
            ),
        ),
        regimes=("JP", "EU"),
        destination_status=(
            RegimeEntry(
                regime="EU",
                status=AdequacyStatus.PARTIAL,
                condition="EU-US Data Privacy Framework certified organisations only",
                instrument="(EU) 2023/1795",
                adopted=dt.date(2023, 7, 10),
                source_url="https://eur-lex.europa.eu/eli/dec_impl/2023/1795/oj",
                verified=True,
                last_verified=dt.date(2026, 10, 1),
            ),
            RegimeEntry(
                regime="JP",
                status=AdequacyStatus.NOT_ADEQUATE,
                instrument="PPC Enforcement Rules Art. 15 (recognised countries: EEA, UK)",
                source_url="https://www.ppc.go.jp/personalinfo/legal/kaiseihogohou/",
                verified=False,
            ),
        ),
        country_data_version=7,
        country_data_verified=dt.date(2026, 10, 1),
        tools=(
            RegimeTool(
                "JP",
                Localized(
                    "APPI Art. 28: equivalent measures (相当措置) by a data processing agreement",
                    "個人情報保護法第28条：委託契約による相当措置",
                ),
                "The importer is bound by a data processing agreement that requires handling in line "
                "with APPI Chapter IV Section 2; the exporter checks implementation once a year.",
            ),
            RegimeTool(
                "EU",
                Localized(
                    "EU SCC 2021/914, Module 2 (controller → processor)",
                    "EU SCC 2021/914 モジュール2（管理者→処理者）",
                ),
                "Support for customers of the European online shop; the importer is not DPF-certified.",
                (
                    "The importer is not certified under the Data Privacy Framework: the adequacy route is not available.",
                ),
            ),
        ),
        law_and_practice=LawAndPractice(
            laws=(
                LawFinding(
                    "FISA Section 702",
                    problematic=True,
                    applies=True,
                    reasoning="The importer may be an electronic communication service provider (50 U.S.C. "
                    "§1881(b)(4)); guarantees B and D are not fully met.",
                    sources=("https://www.congress.gov/bill/118th-congress/house-bill/7888",),
                ),
                LawFinding(
                    "Executive Order 12333",
                    problematic=True,
                    applies=True,
                    reasoning="Applies to data in transit on undersea cables; mitigated by end-to-end TLS.",
                ),
                LawFinding(
                    "CLOUD Act",
                    problematic=False,
                    applies=True,
                    reasoning="Requires a court warrant with judicial review; meets the essential guarantees.",
                ),
            ),
            practical_experience="The importer reports no government request in 2016–2026 (transparency "
            "report, questionnaire of 3 October 2026).",
            experience_sources=("Importer questionnaire, 3 October 2026",),
            step_conclusion=Localized(
                "Problematic legislation applies; supplementary measures are needed.",
                "問題のある法令が適用されるため、補完的措置が必要です。",
            ),
        ),
        measures=(
            Measure(
                Localized("Tokenisation of card numbers", "カード番号のトークン化"),
                "technical",
                "in_place",
                "Card numbers are replaced by tokens before transfer; the vault stays in Japan.",
                "IT Security",
                use_case=Localized("Use case 2: pseudonymised data", "ユースケース2：仮名化データ"),
            ),
            Measure(
                Localized("Encryption in transit (TLS 1.3)", "通信の暗号化（TLS 1.3）"),
                "technical",
                "in_place",
                "All connections use TLS 1.3 with forward secrecy.",
                "IT Security",
            ),
            Measure(
                Localized("Challenge of government requests", "ガバメントアクセス要求への異議申立て"),
                "contractual",
                "in_place",
                "SCC Clause 15 plus a commitment to notify the exporter and publish aggregate figures.",
                "Legal",
            ),
            Measure(
                Localized("Access logging and quarterly review", "アクセスログの記録と四半期レビュー"),
                "organisational",
                "planned",
                "Access logs of the support desk reviewed every quarter by the exporter.",
                "佐藤 花子",
                dt.date(2027, 1, 31),
            ),
        ),
        action_plan=(
            ActionItem(
                "Set up quarterly access-log review with the importer",
                "in_progress",
                "佐藤 花子",
                dt.date(2027, 1, 31),
            ),
            ActionItem(
                "Annual check of the equivalent measures (APPI Art. 28(3))",
                "open",
                "Legal",
                dt.date(2027, 11, 30),
            ),
        ),
        risk=_sample_risk(),
        conclusion=ConclusionInfo(
            recommended=Conclusion.PROCEED_WITH_MEASURES,
            chosen=Conclusion.PROCEED_WITH_MEASURES,
            reason="With tokenisation and the contractual measures, the residual risk is well below the "
            "threshold; the transfer may proceed once access-log review is in place.",
            procedural_steps="Sign SCC Module 2 and the DPA; inform customers via the privacy policy §10.",
            reevaluation_date=dt.date(2027, 11, 26),
        ),
        appi_consent=AppiConsentInfo(
            country_name=_US,
            protection_system="There is no comprehensive federal privacy law. The FTC Act §5 applies; "
            "California (CCPA/CPRA) and other states have privacy laws. The US participates in the "
            "Global CBPR Forum.",
            recipient_measures="The recipient has a data processing agreement with us that requires "
            "handling in line with the APPI, tokenisation of card numbers and encryption.",
        ),
        review_history=tuple(history),
        review_comments=(
            ReviewCommentLine(
                1,
                "Please add the onward transfer to the Manila support centre and attach the signed DPA.\n"
                "マニラのサポートセンターへの再移転を追記してください。",
                "山田 太郎 (Taro Yamada)",
                dt.datetime(2026, 11, 12, 9, 5),
                "佐藤 花子 (Hanako Sato)",
                dt.datetime(2026, 11, 20, 14, 30),
            ),
        ),
        sign_off=SignOff(
            approver_name="山田 太郎 (Taro Yamada)",
            approver_role=Localized("Data Protection Officer", "個人情報保護管理者"),
            at=dt.datetime(2026, 11, 26, 0, 40, tzinfo=dt.UTC) if approved else None,
        ),
        evidence=(
            Evidence("Signed data processing agreement", "DPA_PacificContact_2026.pdf", _digest("dpa")),
            Evidence("SCC Module 2, signed", "SCC_M2_PCS.pdf", _digest("scc")),
            Evidence("Importer questionnaire", "PCS_questionnaire_2026-10-03.xlsx", _digest("questionnaire")),
        ),
        keywords=("TIA", "APPI", "GDPR", "SCC", "United States"),
    )
