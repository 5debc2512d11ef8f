"""The privacy notice's transfer section (issue #24), built from the approved register.

Sources the rules follow (docs/legal-notes.md, "#24"): GDPR Art. 13(1)(f) and 14(1)(f) (UK GDPR the same):
the fact of the transfer, the existence or absence of an adequacy decision, the safeguard relied on and
how to obtain a copy; APPI Art. 28(2) with PPC Enforcement Rules Art. 17(2): the foreign country's name,
information on its system for the protection of personal information, the measures the third party
takes; APPI Art. 28(3) with Rule 18(3): seven items on request for the equivalent-measures route.
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path
from typing import Any

import pytest

from tests.db_snapshots import built_once
from tests.unit.notice_support import CONFIDENTIAL, TODAY, Register, approve_transfer, build_register
from tests.visible_codes import codes_in
from transfer_tool.accounts.permissions import Actor
from transfer_tool.cli import main
from transfer_tool.countries import store as country_store
from transfer_tool.domain import NoticeName
from transfer_tool.errors import PermissionDenied, ValidationError
from transfer_tool.i18n.terminology import Terminology
from transfer_tool.notice import service
from transfer_tool.notice.builder import scrub
from transfer_tool.notice.diff import diff_entries
from transfer_tool.notice.document import (
    Bullets,
    Document,
    Heading,
    Item,
    Note,
    Paragraph,
    to_html,
    to_markdown,
)
from transfer_tool.notice.docx_writer import to_docx
from transfer_tool.notice.model import NoticeEntry
from transfer_tool.register import entities
from transfer_tool.storage.database import Database

EXPECTED = {  # regime -> {register key: tool}, every approved transfer under its regime with its route
    "EU": {"eu_us": "eu_scc_m2", "eu_jp": "eu_adequacy"},
    "UK": {"uk_in": "uk_idta"},
    "CH": {"ch_gb": "ch_adequacy"},
    "JP": {"jp_us": "jp_equivalent_measures", "jp_sg": "jp_consent", "jp_de": "jp_recognised_country"},
    "BR": {"br_de": "br_adequacy"},
}
PLANNED = {"EU": {"eu_in"}, "JP": {"jp_in"}}


@pytest.fixture
def register(db: Database, admin: Actor, legal: Actor, manager: Actor) -> Register:
    return built_once(db, "notice_register", lambda: build_register(db, admin, legal, manager))


def reopen_gb_under_the_fadp(db: Database, admin: Actor) -> None:
    """An admin un-ticks GB's Swiss entry (checked on DPO Annex 1 in the shipped data) pending a re-read, as
    after an amendment of the annex: the entry is then unverified, which the notice must show."""
    gb = country_store.get_destination(db, "GB")
    reopened = dataclasses.replace(gb.regimes["CH"], verified=False, last_verified=None)
    country_store.update_destination(
        db,
        admin,
        dataclasses.replace(gb, regimes={**gb.regimes, "CH": reopened}),
        reason="DPO Annex 1 amended: re-read pending",
        expected_version=gb.version,
    )


def docx_text(data: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def all_outputs(db: Database, regime: str) -> dict[str, str]:
    out = {}
    for lang in ("en", "ja"):
        doc = service.preview(db, regime, lang, today=TODAY).document
        out[f"{lang}.md"] = to_markdown(doc)
        out[f"{lang}.html"] = to_html(doc)
        out[f"{lang}.docx"] = docx_text(to_docx(doc))
    return out


def test_every_approved_transfer_appears_under_its_regime_with_its_route_and_drafts_apart(
    db: Database, register: Register
) -> None:
    tools = Terminology.load()
    for regime, expected in EXPECTED.items():
        p = service.preview(db, regime, "en", today=TODAY)
        got = {e.reference: e.tool for e in p.entries}
        assert got == {register.refs[k]: tool for k, tool in expected.items()}, regime
        assert {x.reference for x in p.planned} == {register.refs[k] for k in PLANNED.get(regime, ())}
        text = to_markdown(p.document)
        for e in p.entries:  # the route is named in words, never by its code
            assert e.tool not in text
        planned_at = text.find(tools.get("notice.planned.heading", "en"))
        assert (planned_at > 0) == bool(PLANNED.get(regime)), regime
        if p.planned:  # a planned transfer (to India) is listed apart, after every approved one
            assert text.index("India") > planned_at
    eu = to_markdown(service.preview(db, "EU", "en", today=TODAY).document)
    assert "EU SCCs 2021/914, Module 2 (controller to processor)" in eu
    # The adequacy decision with its reference; Japan's covers APPI business operators only (issue 16).
    assert "Partially adequate: (EU) 2019/419" in eu and "(covers only: " in eu
    assert "How to obtain a copy of the safeguards" in eu  # Art. 13(1)(f): the means to obtain a copy
    uk = to_markdown(service.preview(db, "UK", "en", today=TODAY).document)
    # UK GDPR Art. 13(1)(f) as amended by the Data (Use and Access) Act 2025, Sch. 9 para 2: "regulations
    # under Article 45A", no longer adequacy decisions.
    assert "No UK regulations approve transfers to India." in uk and "IDTA" in uk
    assert "Transfers approved by UK regulations" in uk and "adequacy decision" not in uk.lower()
    jp = to_markdown(service.preview(db, "JP", "en", today=TODAY).document)
    assert "Informed consent to provision to a third party in a foreign country" in jp
    assert "No comprehensive federal privacy law" in jp  # the country's system from the country data
    assert "APEC CBPR" in jp and "Transport and end-to-end encryption" in jp  # the recipient's measures


def test_no_confidential_name_and_no_internal_code_reaches_any_output(
    db: Database, register: Register
) -> None:
    for regime in EXPECTED:
        version = service.preview(db, regime, "en", today=TODAY).register_version
        for name, text in all_outputs(db, regime).items():
            for secret in CONFIDENTIAL:
                assert secret not in text, (regime, name, secret)
            assert "notice." not in text and "subcontractor" not in text, (regime, name)
            # The register version is the stored generation's, not the reader's (a digest means nothing).
            assert version not in text and re.search(r"\b[0-9a-f]{12,}\b", text) is None, (regime, name)
            if name.endswith(".docx"):  # Markdown escapes underscores, HTML has its own markup
                mark = Terminology.load().get("notice.unverified_mark", name[:2])  # words, not a tag
                assert codes_in(text.replace(mark, "")) == [], (regime, name)
    jp = service.preview(db, "JP", "en", today=TODAY)
    assert "Net Japan Europe GmbH" in to_markdown(jp.document)  # may be named: it is
    # The US recipient appears by its category, the Singapore one not at all (only its country).
    us = next(e for e in jp.entries if e.destination == "US")
    sg = next(e for e in jp.entries if e.destination == "SG")
    assert (us.recipient_mode, us.recipient_name) == ("category", "")
    assert (sg.recipient_mode, sg.recipient_name) == ("omitted", "")


def test_the_japanese_notice_uses_the_commissions_terms(db: Database, register: Register) -> None:
    terms = Terminology.load()
    ja = to_markdown(service.preview(db, "JP", "ja", today=TODAY).document)
    for key in (
        "appi.country",
        "appi.system",
        "appi.measures",
        "term.provision_to_third_party_in_foreign_country",
        "term.equivalent_measures",
        "term.consent_of_principal",
        "term.principal",
    ):
        assert terms.get(key, "ja") in ja, key
    assert "個人情報保護委員会" in ja and "米国" in ja and "シンガポール" in ja
    assert "Subcontractor" not in ja and "United States" not in ja  # labels and names in Japanese


def test_unverified_country_data_is_marked_and_never_published_silently(
    db: Database, register: Register, admin: Actor, legal: Actor
) -> None:
    reopen_gb_under_the_fadp(db, admin)
    ch = service.preview(db, "CH", "en", today=TODAY)
    assert ch.unverified == ("United Kingdom: status under Swiss FADP",)
    assert "[unverified]" in ch.document.plain_text()
    _, generated = service.generate(db, legal, "CH", "en", today=TODAY)
    assert "\\[unverified\\]" in generated.text  # Markdown: the brackets escaped
    with pytest.raises(PermissionDenied):
        service.publish(db, legal, generated.id, accept_unverified=True, today=TODAY)
    with pytest.raises(ValidationError, match="unverified") as refused:
        service.publish(db, admin, generated.id, today=TODAY)
    assert [p.message for p in refused.value.problems] == list(ch.unverified)
    assert service.last_published(db, "CH") is None
    published = service.publish(db, admin, generated.id, accept_unverified=True, today=TODAY)
    assert published.published and published.published_by == admin.username
    assert service.last_published(db, "CH") == published
    # The published text carries no draft marks; the accepted items stay recorded with it.
    assert "unverified" not in published.text and "Draft" not in published.text
    assert published.unverified == ch.unverified
    assert "unverified" in service.preview(db, "CH", "en", today=TODAY).document.plain_text()


def test_stored_generation_keeps_its_register_version_and_the_next_one_shows_the_diff(
    db: Database, register: Register, admin: Actor, legal: Actor, manager: Actor
) -> None:
    first = service.preview(db, "JP", "en", today=TODAY)
    assert first.diff is None and first.diff_text == "Nothing has been published for this regime yet."
    _, gen = service.generate(db, legal, "JP", "en", today=TODAY)
    assert gen.register_version == first.register_version
    assert {ref for ref, _ in gen.sources} == {register.refs[k] for k in EXPECTED["JP"]}
    assert all(v == 1 for _, v in gen.sources)  # the approved versions it came from
    service.publish(db, admin, gen.id, accept_unverified=True, today=TODAY)
    same = service.preview(db, "JP", "en", today=TODAY)
    assert same.diff is not None and same.diff.empty
    assert same.diff_text.startswith("No change since the last published notice")

    # The planned transfer to India is approved: a new destination and a new transfer.
    approve_transfer(db, legal, manager, register.ids["jp_in"], {"JP": "jp_consent"})
    # The country data changes: the US's APPI system summary is revised.
    us = country_store.get_destination(db, "US")
    assert us.appi is not None
    revised = dataclasses.replace(us, appi=dataclasses.replace(us.appi, system_summary="Revised summary."))
    country_store.update_destination(
        db, admin, revised, reason="PPC report 2026", expected_version=us.version
    )
    after = service.preview(db, "JP", "en", today=TODAY)
    assert after.diff is not None
    assert after.diff.destinations_added == ("IN",) and after.diff.transfers_added == (
        register.refs["jp_in"],
    )
    assert after.diff.country_info_changed == (register.refs["jp_us"],)
    assert "+1 destination" in after.diff_text and "1 country information change" in after.diff_text
    ja = service.preview(db, "JP", "ja", today=TODAY)
    assert "移転先の国・地域 +1" in ja.diff_text
    # Publishing the old generation now would publish a notice that is no longer true.
    _, stale = service.generate(db, legal, "JP", "en", today=TODAY)
    approve_transfer(db, legal, manager, register.ids["eu_in"], {"EU": "eu_scc_m2"})
    service.publish(db, admin, stale.id, accept_unverified=True, today=TODAY)  # JP unchanged: fine
    _, eu = service.generate(db, legal, "EU", "en", today=TODAY)
    service.set_notice_name(db, admin, register.entity_ids["Bangalore Dev Pvt Ltd"], NoticeName.CATEGORY)
    with pytest.raises(ValidationError, match="changed since this notice was generated"):
        service.publish(db, admin, eu.id, accept_unverified=True, today=TODAY)


def test_a_country_change_of_a_transfer_shows_in_the_diff() -> None:
    old = (
        NoticeEntry("TR-1", "US", "eu_scc_m2", "partial"),
        NoticeEntry("TR-2", "JP", "eu_adequacy", "adequate"),
    )
    new = (
        NoticeEntry("TR-1", "IN", "eu_scc_m2", "not_adequate"),
        NoticeEntry("TR-2", "JP", "eu_scc_m1", "adequate"),
    )
    d = diff_entries(old, new)
    assert d.countries_changed == ("TR-1",) and d.routes_changed == ("TR-2",)
    assert (d.destinations_added, d.destinations_removed) == (("IN",), ("US",))
    assert not d.transfers_added and not d.transfers_removed


def test_the_appi_on_request_answer_gives_the_seven_items(db: Database, register: Register) -> None:
    terms = Terminology.load()
    doc = service.answer(db, register.refs["jp_us"], "ja")
    text = to_markdown(doc)
    for i in range(1, 8):
        assert terms.get(f"answer.{i}", "ja") in text
    assert "米国" in text and "APEC CBPR" in text and "Cloud Desk" not in text
    assert "2027年12月1日" in text  # the yearly check's due date from the approved assessment
    en = to_markdown(service.answer(db, register.refs["jp_us"], "en"))
    assert "None found in our latest assessment." in en  # no problematic law applies in this register
    with pytest.raises(ValidationError, match="equivalent measures"):
        service.answer(db, register.refs["jp_sg"], "en")  # consent: Art. 28(3) does not apply


def test_the_notice_name_setting_is_checked(db: Database, admin: Actor, legal: Actor) -> None:
    e = entities.create_entity(db, admin, entities.EntityInput(name="X Ltd", country="US"))
    assert e.notice_name is NoticeName.CATEGORY
    with pytest.raises(ValidationError) as bad:
        service.set_notice_name(db, admin, e.id, "nickname")
    assert "choose one of: name, category, omitted" in bad.value.details()
    assert service.set_notice_name(db, admin, e.id, "omitted").notice_name is NoticeName.OMITTED
    # Only an administrator decides whether the notice may name an entity, also through the entity itself.
    with pytest.raises(PermissionDenied, match="organisation settings"):
        entities.create_entity(
            db, legal, entities.EntityInput(name="Y Ltd", country="US", notice_name=NoticeName.NAME)
        )
    current = entities.get_entity(db, e.id)
    data = entities.EntityInput(**{n: getattr(current, n) for n in entities.EntityInput.__dataclass_fields__})
    with pytest.raises(PermissionDenied):
        entities.update_entity(
            db, legal, e.id, dataclasses.replace(data, notice_name=NoticeName.NAME), current.row_version
        )
    edited = entities.update_entity(
        db, legal, e.id, dataclasses.replace(data, activities="Hosting"), current.row_version
    )
    assert (edited.activities, edited.notice_name) == ("Hosting", NoticeName.OMITTED)


def test_cli_writes_markdown_html_and_word(
    db_url: str, db: Database, register: Register, tmp_path: Path
) -> None:
    for suffix in ("md", "html", "docx"):
        out = tmp_path / f"notice-jp-ja.{suffix}"
        code = main(["--database", db_url, "notice", "--regime", "JP", "--lang", "ja", "-o", str(out)])
        assert code == 0 and out.stat().st_size > 0
    assert "外国にある第三者への個人データの提供" in (tmp_path / "notice-jp-ja.md").read_text(
        encoding="utf-8"
    )
    assert "<h1>" in (tmp_path / "notice-jp-ja.html").read_text(encoding="utf-8")
    assert "当該外国における個人情報の保護に関する制度" in docx_text(
        (tmp_path / "notice-jp-ja.docx").read_bytes()
    )
    answer = tmp_path / "answer.md"
    args = [
        "--database",
        db_url,
        "notice",
        "--regime",
        "JP",
        "--answer",
        register.refs["jp_us"],
        "-o",
        str(answer),
    ]
    assert main(args) == 0 and "Name of the foreign country" in answer.read_text(encoding="utf-8")
    assert main(["--database", db_url, "notice", "--regime", "XX", "-o", str(tmp_path / "x.md")]) == 2
    assert not (tmp_path / "x.md").exists()  # nothing written on bad input


def test_text_is_never_read_as_markup() -> None:
    doc = Document(
        "<b>Title</b> *x*",
        (
            Paragraph("1. not a list <script>alert(1)</script>"),
            Note("# not a heading"),
            Bullets((Item("a_b", "[x](y)"),)),
        ),
    )
    md = to_markdown(doc)
    assert "\\<script\\>" in md and "\\*x\\*" in md and "\\1. not" not in md.split("\n")[0]
    assert "\\[x\\](y)" in md and "> **!** \\# not a heading" in md
    html = to_html(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;Title" in html


def test_a_name_that_may_not_be_shown_is_replaced_wherever_it_occurs() -> None:
    doc = Document(
        "Transfers to Cloud Desk Inc.",
        (
            Paragraph("Hosted by Cloud Desk Inc. and Cloud Desk"),
            Bullets((Item("Cloud Desk", "x", (Item("", "Cloud Desk Inc."),)),)),
        ),
    )
    text = scrub(doc, ["Cloud Desk", "Cloud Desk Inc.", " "], "A recipient").plain_text()
    assert "Cloud Desk" not in text
    assert text.count("A recipient") == 5  # the longer name first: no "A recipient Inc."


def test_cli_publishes_only_with_the_acceptance_and_writes_the_published_text(
    db_url: str,
    db: Database,
    register: Register,
    admin: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.conftest import PASSWORD

    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    out = tmp_path / "ch.md"
    base = ["--database", db_url, "--user", "admin", "notice", "--regime", "CH", "--on", TODAY.isoformat()]
    reopen_gb_under_the_fadp(db, admin)
    assert main([*base, "--publish", "-o", str(out)]) == 2  # GB's status under the FADP is now unverified
    assert not out.exists() and service.last_published(db, "CH") is None
    assert main([*base, "--publish", "--accept-unverified", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "United Kingdom" in text and "unverified" not in text
    published = service.last_published(db, "CH")
    assert published is not None and published.text == text


def test_a_new_approved_version_with_another_country_shows_in_the_diff(
    db: Database, register: Register, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """The group moves the JP → Germany transfer to France: once the new version is approved, the diff
    against the published notice says a country changed (Germany out, France in)."""
    from tests import approval_support
    from transfer_tool.assessment import service as assessments
    from transfer_tool.register import transfers

    _, gen = service.generate(db, legal, "JP", "en", today=TODAY)
    service.publish(db, admin, gen.id, accept_unverified=True, today=TODAY)
    ref = register.refs["jp_de"]
    approved = assessments.latest_for_transfer(db, register.ids["jp_de"])
    assert approved is not None
    t = transfers.get_transfer(db, register.ids["jp_de"])
    transfers.update_transfer(db, legal, t.id, transfers.with_changes(t, destination="FR"), t.row_version)
    draft = assessments.new_version(db, legal, approved.id)
    moved = dataclasses.replace(
        draft.record, facts=dataclasses.replace(draft.record.facts, destination="FR", importer_country="FR")
    )
    draft = assessments.save_draft(db, legal, draft.id, moved, draft.row_version)
    pending = service.preview(db, "JP", "en", today=TODAY).diff
    assert pending is not None and pending.empty  # a draft changes nothing until it is approved
    submitted = assessments.submit(db, legal, draft.id, TODAY)
    approval_support.approve(db, manager, submitted.id, TODAY)
    after = service.preview(db, "JP", "en", today=TODAY)
    assert after.diff is not None and after.diff.countries_changed == (ref,)
    assert (after.diff.destinations_added, after.diff.destinations_removed) == (("FR",), ("DE",))
    assert "1 country changed" in after.diff_text and "+1 destination" in after.diff_text
    assert next(e for e in after.entries if e.reference == ref).version_no == 2


def test_grouped_by_purpose_each_destination_appears_under_each_of_its_purposes(
    db: Database, register: Register
) -> None:
    doc = service.preview(db, "JP", "en", group_by="purpose", today=TODAY).document
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert headings[:2] == [
        "Respond to requests, inquiries and applications; business negotiations (Privacy Policy §7-1)",
        "Manage contracts, rights and obligations (Privacy Policy §7-2)",
    ]
    by_heading = {}
    current = ""
    for b in doc.blocks:
        if isinstance(b, Heading):
            current = b.text
        elif isinstance(b, Bullets) and current in headings[:2]:
            by_heading[current] = [i.lead for i in b.items]
    assert by_heading[headings[0]] == ["United States"]  # jp_us: respond_requests
    assert by_heading[headings[1]] == ["Germany", "Singapore"]  # jp_de, jp_sg: manage_contracts
    with pytest.raises(ValidationError):
        service.preview(db, "JP", "en", group_by="colour")


def _stated_date(text: str) -> str:
    found = re.search(r"as of (.+?)\.", text)
    assert found, text
    return found.group(1)


def test_publishing_states_one_date_in_the_text_and_in_the_next_diff(
    db: Database, register: Register, admin: Actor, legal: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The published text says "as of <date>" and the next notice's diff "since the last published notice
    (<date>)" from `published_at`: the clock read twice (the date for the text, the time for the row) put
    two days in them at midnight. Here the clock moves a minute at every reading from 23:59:30."""
    import datetime as dt
    import itertools

    from transfer_tool.notice.builder import format_date

    minutes = itertools.count()
    start = dt.datetime(2031, 3, 31, 23, 59, 30, tzinfo=dt.UTC)
    monkeypatch.setattr(service, "utcnow", lambda: start + dt.timedelta(minutes=next(minutes)))
    _, gen = service.generate(db, legal, "JP", "en", today=TODAY)
    published = service.publish(db, admin, gen.id, accept_unverified=True)
    assert published.published_at is not None
    stated = _stated_date(published.text)
    assert stated == format_date(published.published_at.date(), "en") == format_date(start.date(), "en")
    after = service.preview(db, "JP", "en", today=TODAY)
    assert after.diff_text == f"No change since the last published notice ({stated})."


def test_the_date_the_screen_publishes_on_is_the_published_notices_date(
    db: Database, register: Register, admin: Actor, legal: Actor
) -> None:
    """The screen passes its date (the tests a fixed one): the notice states it, and so does the diff of
    the next one, rather than the date of the computer's clock when the row was written."""
    from transfer_tool.notice.builder import format_date

    _, gen = service.generate(db, legal, "JP", "en", today=TODAY)
    published = service.publish(db, admin, gen.id, accept_unverified=True, today=TODAY)
    assert published.published_at is not None and published.published_at.date() == TODAY
    assert _stated_date(published.text) == format_date(TODAY, "en")
    after = service.preview(db, "JP", "en", today=TODAY)
    assert after.diff_text == f"No change since the last published notice ({format_date(TODAY, 'en')})."


def test_the_command_line_publishing_across_midnight_states_when_it_published(
    db_url: str,
    db: Database,
    register: Register,
    admin: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without --on the command took the date when it started and the service the time of day when it
    published: started at 23:59:59 and publishing at 00:00:01, the notice said 00:00:01 of the day that was
    ending. It states the moment it published, and the file it writes is the text published."""
    import datetime as dt

    from tests.conftest import PASSWORD
    from transfer_tool import clock

    now = [dt.datetime(2031, 3, 31, 23, 59, 59, tzinfo=dt.UTC)]
    after_midnight = dt.datetime(2031, 4, 1, 0, 0, 1, tzinfo=dt.UTC)
    monkeypatch.setattr(clock, "_now", lambda: now[0])
    monkeypatch.setattr(service, "utcnow", lambda: now[0])
    publish = service.publish

    def at_midnight(*args: Any, **kwargs: Any) -> service.GenerationView:  # publish's arguments
        now[0] = after_midnight  # generating the notice took past midnight
        return publish(*args, **kwargs)

    monkeypatch.setattr(service, "publish", at_midnight)
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    out = tmp_path / "jp.md"
    base = ["--database", db_url, "--user", "admin", "notice", "--regime", "JP"]
    assert main([*base, "--publish", "--accept-unverified", "-o", str(out)]) == 0
    published = service.last_published(db, "JP")
    assert published is not None and published.published_at == after_midnight
    assert published.text == out.read_text(encoding="utf-8")
