"""The notice's transfer section per regime and language, built from the approved register (pure).

`build_entries` turns register rows into one `NoticeEntry` per approved transfer under the regime (and
`PlannedEntry` rows for transfers not yet approved); `compose_notice` writes them as a `Document` in
English or Japanese, grouped the way the privacy policy is (by recipient category of policy §9, or by
purpose of §7); `diff_entries` compares two generations; `compose_answer` is the APPI Rule 18(3) answer.

Legal reading (docs/legal-notes.md, "#24"): GDPR Art. 13(1)(f)/14(1)(f) (UK GDPR the same) ask for the
fact of the transfer, the existence or absence of an adequacy decision, the safeguard relied on and how
to obtain a copy; APPI Art. 28(2) with PPC Rules Art. 17(2) ask for the country's name, information on
its system for the protection of personal information, and the measures the recipient takes; Art. 28(3)
with Rule 18(3) lists seven items to give on request for the equivalent-measures route.

Sentences come from the terminology (terms.po) ("notice.*", "answer.*" and the PPC terms "appi.*", "term.*");
country prose is translated through transfer_tool.i18n.stored_text. No free text typed by an assessor is
written into the notice, and every entity that may not be named is also scrubbed from the output.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from transfer_tool.assessment.safeguards import appi_consent_information
from transfer_tool.assessment.tool_catalog import FrequencyLimit, ToolCatalog, ToolDef, ToolKind
from transfer_tool.catalog import CatalogItem
from transfer_tool.countries.model import Destination, RegimeEntry
from transfer_tool.countries.shipped import CountryDataset, default_entry
from transfer_tool.domain import AdequacyStatus, CatalogKind, NoticeName
from transfer_tool.i18n.dates import long_date
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.i18n.regime_names import regime_name
from transfer_tool.i18n.stored_text import translate
from transfer_tool.i18n.terminology import Terminology
from transfer_tool.notice.document import Block, Bullets, Document, Heading, Item, Note, Paragraph
from transfer_tool.notice.model import (
    AppiItems,
    NoticeEntry,
    PlannedEntry,
    RegisterItem,
)
from transfer_tool.report.data import Localized

GROUP_BY = ("recipient_type", "purpose")
# What in an entry rests on country data marked unverified (NoticeEntry.unverified holds these tags).
UNVERIFIED_STATUS = "status"
UNVERIFIED_APPI = "appi"
_MISSING_MEASURES = "the measures the recipient takes"


def format_date(value: dt.date | None, lang: str) -> str:
    """As the report writes dates (transfer_tool.report.terms, not imported: it would load ReportLab)."""
    return long_date(value, lang) if value is not None else ""


_CBPR = ("APEC CBPR", "Global CBPR")
# The country data keeps the OECD principles as keys ("security_safeguards"); the Japanese catalogue
# translates them, English readers get the principles' names.
_OECD_KEYS = re.compile(
    r"\b(collection_limitation|data_quality|purpose_specification|use_limitation|security_safeguards|"
    r"openness|individual_participation|accountability)\b"
)


@dataclass(frozen=True)
class NoticeSources:
    """Everything besides the register the notice is written from."""

    regime: str
    dataset: CountryDataset
    tools: ToolCatalog
    catalog: Mapping[CatalogKind, Mapping[str, CatalogItem]]
    measure_names: Mapping[str, tuple[str, str]]  # measure code -> (English, Japanese)
    terms: Terminology
    contact: Mapping[str, str] = field(default_factory=dict)  # lang -> how to ask (the org's words)
    confidential_names: tuple[str, ...] = ()  # entities that may not be named (scrubbed from the output)
    # References of transfers flagged for re-assessment (changed since their approval, or their country's
    # data): the notice states their approved version, which does not cover the change.
    flagged: frozenset[str] = frozenset()


# ---- entries ------------------------------------------------------------------------------------------


def regime_entry(dest: Destination, src: NoticeSources) -> RegimeEntry:
    entry = dest.status_under(src.regime)
    if entry is not None:
        return entry
    regime = src.dataset.regimes.get(src.regime)
    if regime is None:
        return RegimeEntry(src.regime, AdequacyStatus.NOT_ADEQUATE)
    return default_entry(regime, dest.code)


def _recipient(item: RegisterItem) -> tuple[str, str]:
    mode = item.recipient.notice_name
    return mode.value, (item.recipient.name if mode is NoticeName.NAME else "")


def build_entries(
    items: Iterable[RegisterItem], src: NoticeSources
) -> tuple[tuple[NoticeEntry, ...], tuple[PlannedEntry, ...]]:
    """Approved transfers under the regime with the route relied on, and the planned ones apart."""
    entries: list[NoticeEntry] = []
    planned: list[PlannedEntry] = []
    for item in items:
        if src.regime not in item.regimes:
            continue
        mode, name = _recipient(item)
        if not item.approved:
            planned.append(
                PlannedEntry(
                    item.reference,
                    item.destination,
                    mode,
                    name,
                    item.recipient_type,
                    item.recipient.is_group_company,
                    item.purposes,
                )
            )
            continue
        tool_code = item.tools.get(src.regime)
        if not tool_code:
            continue  # no transfer under this regime (e.g. the destination is inside its area)
        dest = src.dataset.destinations.get(item.destination)
        if dest is None:
            continue
        status = regime_entry(dest, src)
        tool = src.tools.get(tool_code)
        unverified: list[str] = []
        if not status.verified:
            unverified.append(UNVERIFIED_STATUS)
        appi = _appi_items(item, dest, tool) if src.regime == "JP" else None
        if appi is not None and dest.appi is not None and not dest.appi.verified and appi.system:
            unverified.append(UNVERIFIED_APPI)
        entries.append(
            NoticeEntry(
                reference=item.reference,
                destination=item.destination,
                tool=tool_code,
                status=status.status.value,
                instrument=status.instrument,
                condition=status.condition,
                recipient_mode=mode,
                recipient_name=name,
                recipient_type=item.recipient_type,
                group_company=item.recipient.is_group_company,
                purposes=item.purposes,
                data_categories=item.data_categories,
                remote_access=tuple(c for c in item.remote_access if c != item.destination),
                onward=item.onward,
                appi=appi,
                unverified=tuple(unverified),
                version_no=item.version_no,
                destination_version=item.destination_version,
            )
        )
    entries.sort(key=lambda e: (e.destination, e.reference))
    planned.sort(key=lambda p: (p.destination, p.reference))
    return tuple(entries), tuple(planned)


def _appi_items(item: RegisterItem, dest: Destination, tool: ToolDef | None) -> AppiItems:
    kind = tool.kind if tool else None
    if kind not in (ToolKind.CONSENT, ToolKind.EQUIVALENT_MEASURES):
        return AppiItems()
    info = appi_consent_information(dest)
    system = tuple(x for x in (info.protection_system, *info.indicators, *info.affecting_systems) if x)
    missing = [m for m in info.missing if "unverified" not in m]
    certs = tuple(c for c in item.recipient.certifications if c.startswith(_CBPR))
    method = ""
    if kind is ToolKind.EQUIVALENT_MEASURES:
        method = "international_framework" if certs else "appropriate_method"
    if not item.measures_in_place and not certs and kind is ToolKind.CONSENT:
        missing.append(_MISSING_MEASURES)
    return AppiItems(system, method, certs, item.measures_in_place, tuple(missing))


def check_lines(
    entries: Iterable[NoticeEntry], src: NoticeSources, lang: str
) -> tuple[list[str], list[str], list[str]]:
    """What to check before publishing, in `lang`: unverified country data, missing items, then approved
    transfers flagged for re-assessment since."""
    w = _Writer(src, lang)
    regime = w.regime_name()
    unverified: set[str] = set()
    missing: set[str] = set()
    reassess: list[str] = []
    for e in entries:
        country = w.country(e.destination)
        if e.reference in src.flagged and e.version_no is not None:
            reassess.append(w.t("notice.reassessing", reference=e.reference, country=country))
        for tag in e.unverified:
            key = "notice.unverified.status" if tag == UNVERIFIED_STATUS else "notice.unverified.appi"
            unverified.add(w.t(key, country=country, regime=regime))
        for m in e.appi.missing if e.appi else ():
            text = w.t("notice.missing.measures") if m == _MISSING_MEASURES else w.prose(m)
            missing.add(w.t("notice.missing", reference=e.reference, country=country, item=text))
    return sorted(unverified), sorted(missing), reassess


def register_version(
    entries: Sequence[NoticeEntry], planned: Sequence[PlannedEntry] = (), flagged: Sequence[str] = ()
) -> str:
    """A short digest of what the notice says (the same entries give the same version), and of the
    transfers flagged for re-assessment when there are any (without, earlier generations keep theirs)."""
    doc: dict[str, object] = {
        "entries": [e.to_dict() for e in entries],
        "planned": [p.reference for p in planned],
    }
    if flagged:
        doc["flagged"] = list(flagged)
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ---- writing ------------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, src: NoticeSources, lang: str) -> None:
        self.src, self.lang = src, lang
        self.t: Callable[..., str] = lambda key, **kw: src.terms.get(key, lang, **kw)

    def country(self, code: str) -> str:
        dest = self.src.dataset.destinations.get(code)
        if dest is not None:
            return dest.name_ja if self.lang == "ja" and dest.name_ja else dest.name_en
        return self.src.dataset.names.name(code, self.lang) if self.src.dataset.names.is_known(code) else code

    def countries(self, codes: Iterable[str]) -> str:
        return self.sep().join(self.country(c) for c in codes)

    def sep(self) -> str:
        return "、" if self.lang == "ja" else ", "

    def label(self, kind: CatalogKind, code: str) -> str:
        item = self.src.catalog.get(kind, {}).get(code)
        return item.label(self.lang) if item else self.t("notice.unknown_code")

    def prose(self, text: str) -> str:
        if not text:
            return ""
        if self.lang == "en":
            return _OECD_KEYS.sub(lambda m: m.group(1).replace("_", " "), text)
        return translate(text, self.lang)

    def tool_name(self, code: str) -> str:
        tool = self.src.tools.get(code)
        if tool is None:
            return self.t("notice.unknown_code")
        return tool.name_ja if self.lang == "ja" else tool.name_en

    def recipient(self, mode: str, name: str, rtype: str, group: bool) -> str:
        if mode == NoticeName.NAME.value and name:
            return name
        if mode == NoticeName.OMITTED.value:
            return ""
        if rtype:
            return self.label(CatalogKind.RECIPIENT_TYPE, rtype)
        return self.t("notice.recipient.group" if group else "notice.recipient.other")

    def regime_name(self) -> str:
        reg = self.src.dataset.regimes.get(self.src.regime)
        named = {reg.code: Localized(reg.name_en, reg.name_ja)} if reg else {}
        return regime_name(self.src.terms, self.src.regime, self.lang, named)

    def unverified(self) -> str:
        return self.t("notice.unverified_mark")

    def contact(self) -> str:
        text = self.src.contact.get(self.lang) or self.src.contact.get("en") or ""
        return text or self.t("notice.contact.default")


def _regime_key(terms: Terminology, key: str, regime: str) -> str:
    """The regime's own wording where it has one: UK GDPR Art. 13(1)(f) speaks of "regulations under
    Article 45A" since the Data (Use and Access) Act 2025, not of adequacy decisions."""
    return f"{key}.{regime}" if terms.has(f"{key}.{regime}") else key


def compose_notice(
    entries: Sequence[NoticeEntry],
    planned: Sequence[PlannedEntry],
    src: NoticeSources,
    lang: str,
    *,
    group_by: str = "recipient_type",
    mark_unverified: bool = True,
    footer: str = "",
) -> Document:
    """The notice's transfer section as a document in `lang`."""
    w = _Writer(src, lang)
    regime_name = w.regime_name()
    blocks: list[Block] = []
    checks = [x for lines in check_lines(entries, src, lang) for x in lines]
    if mark_unverified and checks:
        lines = [w.t("notice.unverified.note"), *(f"・{x}" for x in checks)]
        blocks.append(Note("\n".join(lines)))
    blocks.append(Paragraph(w.t(_regime_key(src.terms, "notice.intro", src.regime), regime=regime_name)))
    if not entries:
        blocks.append(Paragraph(w.t("notice.none", regime=regime_name)))
    for heading, group in _groups(entries, w, group_by):
        blocks.append(Heading(2, heading))
        blocks.append(Bullets(tuple(_entry_item(e, w, mark_unverified) for e in group)))
    if src.regime == "JP" and any(_kind(e, src) is ToolKind.EQUIVALENT_MEASURES for e in entries):
        blocks.append(Heading(2, w.t("notice.on_request.heading")))
        blocks.append(Paragraph(w.t("notice.on_request.text", contact=w.contact())))
    elif src.regime != "JP" and any(_offers_copy(src.tools.get(e.tool)) for e in entries):
        blocks.append(Heading(2, w.t("notice.contact.heading")))
        blocks.append(Paragraph(w.t("notice.contact.text", contact=w.contact())))
    if planned:
        blocks.append(Heading(2, w.t("notice.planned.heading")))
        blocks.append(Note(w.t("notice.planned.note"), warning=False))
        blocks.append(Bullets(tuple(_planned_item(p, w) for p in planned)))
    if footer:
        blocks.append(Note(footer, warning=False))
    title = w.t(_regime_key(src.terms, "notice.title", src.regime), regime=regime_name)
    return _scrub(Document(title, tuple(blocks), lang), src, w)


def _offers_copy(tool: ToolDef | None) -> bool:
    """GDPR Art. 13(1)(f)/14(1)(f): the means to obtain a copy for transfers under Art. 46 or 47 (the
    safeguards) or the second subparagraph of Art. 49(1) (compelling legitimate interests, the only
    derogation the catalogue marks not repetitive), whose suitable safeguards the exporter documents."""
    if tool is None:
        return False
    return tool.kind is ToolKind.SAFEGUARD or tool.frequency_limit is FrequencyLimit.NOT_REPETITIVE


def _kind(entry: NoticeEntry, src: NoticeSources) -> ToolKind | None:
    tool = src.tools.get(entry.tool)
    return tool.kind if tool else None


def _groups(entries: Sequence[NoticeEntry], w: _Writer, group_by: str) -> list[tuple[str, list[NoticeEntry]]]:
    if group_by not in GROUP_BY:
        raise ValueError(error_text("group_by must be one of {0}", GROUP_BY))
    kind = CatalogKind.RECIPIENT_TYPE if group_by == "recipient_type" else CatalogKind.PURPOSE
    order = {code: i for i, code in enumerate(w.src.catalog.get(kind, {}))}
    groups: dict[str, list[NoticeEntry]] = {}
    for e in entries:
        keys = [e.recipient_type] if group_by == "recipient_type" else list(e.purposes)
        for key in keys or [""]:
            groups.setdefault(key, []).append(e)
    out = []
    for key in sorted(groups, key=lambda k: (k == "", order.get(k, len(order)), k)):
        item = w.src.catalog.get(kind, {}).get(key)
        if item is None:
            heading = w.t("notice.group.other")
        else:
            section = w.t("notice.policy_section", section=item.section) if item.section else ""
            heading = f"{item.label(w.lang)} {section}".strip()
        out.append((heading, groups[key]))
    return out


def _entry_item(e: NoticeEntry, w: _Writer, mark: bool) -> Item:
    t = w.t
    children: list[Item] = []
    who = w.recipient(e.recipient_mode, e.recipient_name, e.recipient_type, e.group_company)
    if who:
        children.append(Item(t("notice.recipient"), who))
    if e.purposes:
        children.append(_list_item(t("notice.purposes"), w, CatalogKind.PURPOSE, e.purposes))
    if e.data_categories:
        children.append(_list_item(t("notice.data"), w, CatalogKind.DATA_CATEGORY, e.data_categories))
    flag = f" {w.unverified()}" if mark and UNVERIFIED_STATUS in e.unverified else ""
    tool = w.src.tools.get(e.tool)
    kind = tool.kind if tool else None
    if w.src.regime == "JP":
        children.extend(_appi_children(e, w, kind, flag, mark))
    else:
        lead = t(_regime_key(w.src.terms, "notice.adequacy", w.src.regime))
        children.append(Item(lead, _status_text(e, w) + flag))
        children.append(Item(t("notice.safeguard"), w.tool_name(e.tool)))
        if _offers_copy(tool):
            children.append(Item(t("notice.copy"), t("notice.copy.how")))
    if e.remote_access:
        children.append(Item(t("notice.access_from"), w.countries(e.remote_access)))
    if e.onward:
        children.append(Item(t("notice.onward"), w.countries(e.onward)))
    return Item(w.country(e.destination), "", tuple(children))


def _list_item(lead: str, w: _Writer, kind: CatalogKind, codes: Sequence[str]) -> Item:
    """Catalogue labels hold commas and semicolons themselves: more than one is a list of its own."""
    labels = [w.label(kind, c) for c in codes]
    if len(labels) == 1:
        return Item(lead, labels[0])
    return Item(lead, "", tuple(Item("", x) for x in labels))


def _status_text(e: NoticeEntry, w: _Writer) -> str:
    t = w.t
    status = AdequacyStatus(e.status)
    if status in (AdequacyStatus.ADEQUATE, AdequacyStatus.PARTIAL):
        text = t(
            "notice.status.decision", status=t(f"adequacy.{status.value}"), instrument=w.prose(e.instrument)
        )
        if status is AdequacyStatus.PARTIAL and e.condition:
            text += " " + t("notice.status.condition", condition=w.prose(e.condition))
        return text
    return t(_regime_key(w.src.terms, "notice.status.none", w.src.regime), country=w.country(e.destination))


def _appi_children(e: NoticeEntry, w: _Writer, kind: ToolKind | None, flag: str, mark: bool) -> list[Item]:
    t = w.t
    out = [Item(t("appi.country"), w.country(e.destination))]
    if kind is ToolKind.ADEQUACY:
        out.append(
            Item(
                t("notice.basis"),
                t(
                    "notice.appi.recognised",
                    country=w.country(e.destination),
                    instrument=w.prose(e.instrument),
                )
                + flag,
            )
        )
        return out
    out.append(Item(t("notice.basis"), w.tool_name(e.tool)))
    appi = e.appi or AppiItems()
    if kind in (ToolKind.CONSENT, ToolKind.EQUIVALENT_MEASURES):
        sys_flag = f" {w.unverified()}" if mark and UNVERIFIED_APPI in e.unverified else ""
        system = "\n".join(w.prose(x) for x in appi.system) or t("notice.appi.system_missing")
        out.append(Item(t("appi.system"), system + sys_flag))
        out.append(Item(t("appi.measures"), _measures_text(appi, w)))
    return out


def _measures_text(appi: AppiItems, w: _Writer) -> str:
    t = w.t
    parts: list[str] = []
    if appi.method == "international_framework":
        parts.append(t("notice.appi.method.framework", certifications=w.sep().join(appi.certifications)))
    elif appi.method == "appropriate_method":
        parts.append(t("notice.appi.method.contract"))
    elif appi.certifications:
        parts.append(t("notice.appi.certified", certifications=w.sep().join(appi.certifications)))
    if appi.measures:
        names = w.sep().join(_measure_name(m, w) for m in appi.measures)
        parts.append(t("notice.appi.measures_in_place", measures=names))
    return "\n".join(parts) or t("notice.appi.no_measures")


def _measure_name(code: str, w: _Writer) -> str:
    en, ja = w.src.measure_names.get(code, ("", ""))
    return (ja if w.lang == "ja" and ja else en) or w.t("notice.unknown_code")


def _planned_item(p: PlannedEntry, w: _Writer) -> Item:
    children = []
    who = w.recipient(p.recipient_mode, p.recipient_name, p.recipient_type, p.group_company)
    if who:
        children.append(Item(w.t("notice.recipient"), who))
    if p.purposes:
        children.append(_list_item(w.t("notice.purposes"), w, CatalogKind.PURPOSE, p.purposes))
    children.append(Item(w.t("doc.status"), w.t("notice.planned.status")))
    return Item(w.country(p.destination), "", tuple(children))


def _scrub(doc: Document, src: NoticeSources, w: _Writer) -> Document:
    return scrub(doc, src.confidential_names, w.t("notice.recipient.other"))


def scrub(doc: Document, confidential: Iterable[str], other: str) -> Document:
    """Belt and braces: no entity that may not be named appears, even inside country or catalogue text
    (each occurrence becomes `other`)."""
    names = sorted({n for n in confidential if n.strip()}, key=len, reverse=True)
    if not names:
        return doc
    pattern = re.compile("|".join(re.escape(n) for n in names))  # longest first: a name inside another

    def clean(text: str) -> str:
        return pattern.sub(other, text) if pattern.search(text) else text

    def item(i: Item) -> Item:
        return Item(clean(i.lead), clean(i.text), tuple(item(c) for c in i.children))

    blocks: list[Block] = []
    for b in doc.blocks:
        if isinstance(b, Bullets):
            blocks.append(Bullets(tuple(item(i) for i in b.items)))
        elif isinstance(b, Heading):
            blocks.append(Heading(b.level, clean(b.text)))
        elif isinstance(b, Paragraph):
            blocks.append(Paragraph(clean(b.text)))
        else:
            blocks.append(Note(clean(b.text), b.warning))
    return Document(clean(doc.title), tuple(blocks), doc.lang)


# ---- APPI Rule 18(3) ----------------------------------------------------------------------------------


def compose_answer(item: RegisterItem, src: NoticeSources, lang: str, dest: Destination) -> Document:
    """The seven items of PPC Rules Art. 18(3) for one transfer relying on equivalent measures."""
    w = _Writer(src, lang)
    t = w.t
    appi = _appi_items(item, dest, src.tools.get(item.tools.get("JP", "")))
    info = appi_consent_information(dest)
    blocks: list[Block] = [Paragraph(t("answer.intro", reference=item.reference))]
    if dest.appi is not None and not dest.appi.verified:
        blocks.insert(
            0,
            Note(
                t("notice.unverified.note")
                + "\n・"
                + t("notice.unverified.appi", country=w.country(dest.code), regime=w.regime_name())
            ),
        )

    def section(key: str, text: str) -> None:
        blocks.append(Heading(2, t(key)))
        blocks.append(Paragraph(text))

    section("answer.1", _measures_text(AppiItems(method=appi.method, certifications=appi.certifications), w))
    outline = [t("answer.outline")]
    if appi.measures:
        outline.append(
            t(
                "notice.appi.measures_in_place",
                measures=w.sep().join(_measure_name(m, w) for m in appi.measures),
            )
        )
    section("answer.2", "\n".join(outline))
    due = format_date(item.appi_check_due, lang) or t("doc.none")
    section(
        "answer.3", t("answer.check", approved=format_date(item.approved_at, lang) or t("doc.none"), due=due)
    )
    section("answer.4", w.country(item.destination))
    systems = [w.prose(x) for x in info.affecting_systems]
    section("answer.5", "\n".join(systems) or t("answer.none_known"))
    obstacles = item.measures_needed and bool(item.problematic_laws)
    laws = w.sep().join(w.prose(x) for x in item.problematic_laws)
    section("answer.6", t("answer.obstacles", laws=laws) if obstacles else t("answer.no_obstacles"))
    taken: list[str] = []
    if obstacles:
        taken = [_measure_name(m, w) for m in item.measures_in_place]
        taken += [
            _measure_name(m, w) + " " + t("answer.planned", due=format_date(d, lang) or t("doc.none"))
            for m, d in item.measures_planned
        ]
    section("answer.7", "\n".join(taken) or t("doc.not_applicable"))
    return _scrub(Document(t("answer.title"), tuple(blocks), lang), src, w)
