"""The register's file columns (CSV and Excel alike): names, which are required, closed value lists, limits,
and the English and Japanese explanation the workbook's second sheet shows."""

from __future__ import annotations

from dataclasses import dataclass

from transfer_tool.domain import DataFormat, Frequency, KeyHolder, PartyRole, TransferStatus


@dataclass(frozen=True)
class Column:
    name: str
    en: str  # what the column holds, in English
    ja: str  # and in Japanese
    required: bool = False
    values: tuple[str, ...] = ()  # a closed list (the workbook offers it as a drop-down)
    terms: str = ""  # the terminology prefix of the closed list's labels, e.g. "role"
    country: bool = False  # one country code (or a list of them when `multiple`)
    multiple: bool = False  # several values separated by ";"
    limit: int = 1000  # characters in the cell
    read_only: bool = False  # exported for reading; an import checks it but does not change it


def _codes(enum: type[PartyRole] | type[Frequency] | type[DataFormat] | type[KeyHolder]) -> tuple[str, ...]:
    return tuple(m.value for m in enum)


# Columns added later come last, so a file read by position (a macro, a lookup) keeps its columns.
COLUMN_LIST: tuple[Column, ...] = (
    Column(
        "reference",
        "The transfer's reference (e.g. TR-000001); empty: the tool numbers it",
        "移転の参照番号（例：TR-000001）。空欄の場合はツールが採番します",
        limit=40,
    ),
    Column("title", "A short title of the transfer", "移転の件名", limit=300),
    Column("exporter", "The exporter's legal name", "データ輸出者の正式名称", required=True, limit=300),
    Column(
        "exporter_country",
        "The exporter's country (ISO code, e.g. JP)",
        "データ輸出者の所在国（ISOコード。例：JP）",
        required=True,
        country=True,
    ),
    Column(
        "exporter_role",
        "The exporter's role (blank: controller, to confirm in the assessment)",
        "データ輸出者の役割（空欄：controller。評価で確認）",
        values=_codes(PartyRole),
        terms="role",
    ),
    Column("importer", "The importer's legal name", "データ輸入者の正式名称", required=True, limit=300),
    Column(
        "importer_country",
        "The importer's country (ISO code, e.g. US)",
        "データ輸入者の所在国（ISOコード。例：US）",
        required=True,
        country=True,
    ),
    Column(
        "importer_role",
        "The importer's role (blank: processor, to confirm in the assessment)",
        "データ輸入者の役割（空欄：processor。評価で確認）",
        values=_codes(PartyRole),
        terms="role",
    ),
    Column(
        "recipient_type", "The recipient type (catalogue code)", "提供先の種類（カタログのコード）", limit=64
    ),
    Column(
        "destination",
        "The destination country (ISO code)",
        "移転先の国・地域（ISOコード）",
        required=True,
        country=True,
    ),
    Column(
        "data_categories",
        "Categories of personal data, separated by ;",
        "個人データの項目（;で区切る）",
        required=True,
        multiple=True,
    ),
    Column("data_subjects", "Data subjects, separated by ;", "本人の区分（;で区切る）", multiple=True),
    Column("purposes", "Purposes, separated by ;", "利用目的（;で区切る）", required=True, multiple=True),
    Column("legal_bases", "Legal bases, separated by ;", "法的根拠（;で区切る）", multiple=True),
    Column(
        "frequency",
        "How often data is sent (blank: continuous, to confirm in the assessment)",
        "移転の頻度（空欄：continuous。評価で確認）",
        values=_codes(Frequency),
        terms="frequency",
    ),
    Column(
        "volume",
        "Number of data subjects (a whole number up to 2,147,483,647)",
        "本人の数（2,147,483,647以下の整数）",
        limit=20,
    ),
    Column(
        "format_in_transit",
        "Form of the data in transit (blank: encrypted, to confirm in the assessment)",
        "移転中のデータの形式（空欄：encrypted。評価で確認）",
        values=_codes(DataFormat),
        terms="format",
    ),
    Column(
        "format_at_rest",
        "Form of the data at rest (blank: clear, to confirm in the assessment)",
        "保存時のデータの形式（空欄：clear。評価で確認）",
        values=_codes(DataFormat),
        terms="format",
    ),
    Column(
        "key_holder",
        "Who holds the keys for encrypted data",
        "暗号鍵の保有者",
        values=_codes(KeyHolder),
        terms="keyholder",
    ),
    Column(
        "storage_countries",
        "Countries where the data is stored (ISO codes, separated by ;)",
        "データの保存国（ISOコード、;で区切る）",
        country=True,
        multiple=True,
    ),
    Column(
        "remote_access_countries",
        "Countries from which the data is accessed remotely (ISO codes, separated by ;)",
        "リモートアクセス元の国（ISOコード、;で区切る）",
        country=True,
        multiple=True,
    ),
    Column("retention", "How long the importer keeps the data", "輸入者の保存期間", required=True),
    Column(
        "status",
        "The assessment status (set by the workflow; not changed by an import)",
        "評価の状況（ワークフローが設定。インポートでは変更されません）",
        values=tuple(s.value for s in TransferStatus),
        terms="status",
        read_only=True,
    ),
    Column(
        "next_review",
        "The next re-evaluation date (set at approval; not changed by an import)",
        "次回再評価日（承認時に設定。インポートでは変更されません）",
        read_only=True,
        limit=40,
    ),
    Column(
        "onward_of",
        "For an onward transfer: the reference of the transfer it continues (above in the file or already "
        "in the register)",
        "再移転の場合：元の移転の参照番号（ファイルの上の行、又は登録済みのもの）",
        limit=40,
    ),
    Column(
        "special_categories",
        "Sensitive or special-category data included: yes or no (blank: no, to confirm in the assessment)",
        "要配慮個人情報・特別な種類のデータを含むか：yes 又は no（空欄：no。評価で確認）",
        values=("no", "yes"),
        terms="doc",
    ),
    Column(
        "sensitive_details",
        "The sensitive data and the restrictions applied to it (required when special_categories is yes)",
        "要配慮個人情報等の内容と適用する制限（special_categories が yes の場合は必須）",
        limit=4000,
    ),
    Column(
        "acquisition_routes",
        "How the data was obtained (catalogue codes), separated by ;",
        "個人データの取得経路（カタログのコード、;で区切る）",
        multiple=True,
    ),
    Column(
        "retention_period",
        "The retention period of the privacy policy (catalogue code)",
        "プライバシーポリシー上の保存期間（カタログのコード）",
        limit=64,
    ),
    Column("nature_of_processing", "The nature of the processing", "取扱いの性質", limit=4000),
    Column("notes", "Notes", "備考", limit=4000),
)

COLUMNS: dict[str, Column] = {c.name: c for c in COLUMN_LIST}
NAMES: list[str] = [c.name for c in COLUMN_LIST]
REQUIRED: list[str] = [c.name for c in COLUMN_LIST if c.required]

MAX_BYTES = 20 * 1024 * 1024  # a file larger than this is refused before it is parsed
MAX_ROWS = 10_000  # transfers in one file; more: split it
FORMULA_TRIGGERS = ("=", "+", "-", "@")
