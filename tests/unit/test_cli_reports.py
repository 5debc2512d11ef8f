"""report / sign / verify / demo / trust on the command line, in-process, against a copy of the demo."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from transfer_tool import signing
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.cli import main
from transfer_tool.cli.report_options import ENV_SIGNING_PASSPHRASE
from transfer_tool.demo import (
    DEMO_PASSPHRASE,
    DEMO_PASSWORD,
    DemoParties,
    build_demo,
    create_demo_transfer,
)
from transfer_tool.register import entities, register_search
from transfer_tool.report import render_report
from transfer_tool.report.sample import sample_report_data
from transfer_tool.report.terms import Terminology
from transfer_tool.signing import trust
from transfer_tool.signing.testing import OfflinePki, make_test_pki
from transfer_tool.storage.database import Database

SECTIONS = ("description", "parties", "regimes", "tools", "law_practice", "measures", "risk", "sign_off")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("demo-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TRANSFER_TOOL_DATA_DIR", str(home))
        yield build_demo(tmp_path_factory.mktemp("demo") / "out").directory


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> OfflinePki:
    return make_test_pki(tmp_path_factory.mktemp("pki"))


class Cli:
    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.url = f"sqlite:///{folder / 'demo.sqlite3'}"
        self.capsys = capsys
        self.identity = next(folder.glob("*.p12"))

    def __call__(self, *args: str, user: str | None = None) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--database", self.url, *(["--user", user] if user else []), *args])
        out, err = self.capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    def db(self) -> Database:
        return Database(self.url)

    def add_assessments(self, username: str, n: int) -> list[service.AssessmentView]:
        """`n` more demo transfers, each with a draft assessment started by `username`."""
        actor = self.actor(username)
        db = self.db()
        try:

            def one(name: str) -> entities.EntityView:
                return entities.list_entities(db, name)[0]

            parties = DemoParties(
                one("Net Japan Co"), one("Net Japan Europe"), one("Pacific Contact"), one("PCS Manila")
            )
            out = []
            for i in range(n):
                t, _ = create_demo_transfer(db, actor, parties, title=f"Support line {i} ({username})")
                out.append(service.start_assessment(db, actor, t.id))
            return out
        finally:
            db.dispose()

    def actor(self, username: str) -> Actor:
        db = self.db()
        try:
            return users.authenticate(db, username, DEMO_PASSWORD).actor()
        finally:
            db.dispose()


@pytest.fixture
def cli(
    demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv(ENV_SIGNING_PASSPHRASE, DEMO_PASSPHRASE)
    monkeypatch.delenv("TRANSFER_TOOL_USER", raising=False)
    return Cli(folder, capsys)


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True)
    return re.sub(r"\s+", "", out.stdout)


# ---- verify -------------------------------------------------------------------------------------------


def test_verify_names_signer_version_and_the_stored_copy(cli: Cli) -> None:
    code, out, err = cli("verify", str(cli.folder / "demo-tia-en.pdf"))
    assert code == 0, err
    for line in (
        "signed:           yes",
        "signer:           山田 太郎 (Taro Yamada)",
        "intact:           yes",
        "whole file:       yes",
        "trusted:          yes",
        "assessment:       TR-000001 version 2\n",  # no database number: nothing the user could use it for
        "matches database: yes, byte for byte the signed copy stored at approval",
    ):
        assert line in out
    assert re.search(r"signing time: +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", out)
    code, out, _ = cli("verify", str(cli.folder / "demo-tia-ja.pdf"))
    assert code == 0
    assert "the database keeps the English signed copy of this version" in out


def test_a_version_a_later_approval_replaced_is_not_said_to_be_in_force(cli: Cli) -> None:
    """The walk (session 12): v2's signed PDF verified VALID after v3 was approved, with nothing more."""
    code, out, _ = cli("verify", str(cli.folder / "demo-tia-en.pdf"))
    assert code == 0 and "in force:" not in out
    db = cli.db()
    try:
        legal, manager = cli.actor("hanako.sato"), cli.actor("taro.yamada")
        v2 = service.latest_for_transfer(db, 1)
        assert v2 is not None
        draft = service.new_version(db, legal, v2.id)
        submitted = service.submit(db, legal, draft.id, dt.date.today())
        from transfer_tool.assessment import approval

        v3 = approval.approve_and_sign(
            db,
            manager,
            approval.ApprovalRequest(
                submitted.id,
                cli.identity,
                DEMO_PASSPHRASE,
                "en",
                frozenset(service.REQUIRED_ATTESTATIONS),
                dt.date.today(),
            ),
        ).view
    finally:
        db.dispose()
    assert v3.approved_at is not None
    code, out, err = cli("verify", str(cli.folder / "demo-tia-en.pdf"))
    # The signature is still sound, but the file is not the assessment in force: a script that reads the exit
    # status alone must not take it for the current one (it exited 0, session 13's known gap).
    assert code == 3, err
    assert "verdict:          VALID" in out and err == ""
    assert (
        f"in force:         NO: TR-000001 version 3, approved {v3.approved_at:%Y-%m-%d} replaces this version; "
        "ask for its signed PDF"
    ) in out


def test_a_flipped_byte_is_reported_as_modified(cli: Cli) -> None:
    signed = (cli.folder / "demo-tia-en.pdf").read_bytes()
    i = signed.index(b"stream", 2000) + 60  # inside a content stream, within the signed range
    bad = cli.folder / "flipped.pdf"
    bad.write_bytes(signed[:i] + bytes([signed[i] ^ 0x01]) + signed[i + 1 :])
    code, out, err = cli("verify", str(bad))
    assert code == 1 and out == ""
    assert "intact:           NO" in err
    assert "trusted:          not checked (the signature does not match the document)" in err
    assert (
        "trusted source" not in err
    )  # the demo signer is trusted; a broken signature's signer is not judged
    assert "modified after signing" in err
    assert "matches database: NO: the file differs" in err


def test_an_appended_incremental_update_is_not_the_whole_file(cli: Cli) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO((cli.folder / "demo-tia-en.pdf").read_bytes()))
    stamp = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 700 Td (VOID) Tj ET"))
    writer.add_stream_to_page(0, stamp)  # type: ignore[no-untyped-call]  # pyHanko leaves it unannotated
    out_buf = io.BytesIO()
    writer.write(out_buf)  # type: ignore[no-untyped-call]  # pyHanko leaves it unannotated
    changed = cli.folder / "appended.pdf"
    changed.write_bytes(out_buf.getvalue())
    code, _, err = cli("verify", str(changed))
    assert code == 1
    assert "intact:           yes" in err  # the signed bytes are untouched ...
    assert "whole file:       NO (modified after signing: content was appended)" in err  # ... but not all
    assert "INVALID: content was added to the document after signing." in err


def test_an_untrusted_signer_is_reported_and_a_certificate_can_be_trusted_for_one_check(
    cli: Cli, pki: OfflinePki
) -> None:
    pdf = render_report(sample_report_data(), "en")
    for identity, name in ((pki.untrusted_p12, "mallory.pdf"), (pki.signer_p12, "ca-signed.pdf")):
        signed = signing.sign_pdf(
            pdf, identity, pki.passphrase, reason="r", location="", signer_display_name="x"
        )
        (cli.folder / name).write_bytes(signed)
    code, _, err = cli("verify", str(cli.folder / "mallory.pdf"))
    assert code == 1
    assert "trusted:          NO" in err and "UNTRUSTED" in err and "Mallory Untrusted" in err
    assert "TIA-2026-0042 version 3: not in this database" in err

    ca = cli.folder / "ca.pem"
    ca.write_bytes(pki.ca_pem)
    assert cli("verify", str(cli.folder / "ca-signed.pdf"))[0] == 1
    code, out, _ = cli("verify", str(cli.folder / "ca-signed.pdf"), "--cert", str(ca))
    assert code == 0 and "trusted:          yes" in out
    code, _, err = cli("verify", str(cli.folder / "ca-signed.pdf"), "--cert", str(cli.identity))
    assert code == 2 and "private key" in err


def test_garbage_gets_a_clear_message_and_a_non_zero_exit(cli: Cli) -> None:
    cases = {
        "notes.txt": (b"just some notes", "Not a PDF file."),
        "empty.pdf": (b"", "Not a PDF file."),
        "broken.pdf": (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF\n" + b"\xff" * 500, "verdict:"),
        "truncated.pdf": ((cli.folder / "demo-tia-en.pdf").read_bytes()[:3000], "verdict:"),
    }
    for name, (content, message) in cases.items():
        path = cli.folder / name
        path.write_bytes(content)
        code, _, err = cli("verify", str(path))
        assert code == 1, name
        assert "signed:           NO" in err and message in err, name
    code, _, err = cli("verify", str(cli.folder / "missing.pdf"))
    assert code == 2 and "cannot be read" in err
    code, _, err = cli("verify", str(cli.folder))
    assert code == 2 and "is a folder" in err


# ---- report -------------------------------------------------------------------------------------------


def test_report_writes_the_japanese_report_and_the_signed_copy(cli: Cli) -> None:
    out_file = cli.folder / "tia-ja.pdf"
    code, out, err = cli("report", "TR-000001", "--lang", "ja", "-o", str(out_file))
    assert code == 0, err
    assert out == f"written: {out_file} (TR-000001 version 2, approved, ja)\n"
    text = _text(out_file)
    terms = Terminology.load()
    assert [k for k in SECTIONS if re.sub(r"\s+", "", terms.get(f"section.{k}", "ja")) not in text] == []
    assert "PacificContactServicesInc." in text

    signed = cli.folder / "signed.pdf"
    assert cli("report", "TR-000001", "--signed", "-o", str(signed))[0] == 0
    assert signed.read_bytes() == (cli.folder / "demo-tia-en.pdf").read_bytes()

    code, _, err = cli("report", "2", "--signed", "-o", str(signed))  # the EU transfer's draft
    assert code == 2 and "has no signed copy (status: draft)" in err
    code, _, err = cli("report", "TR-999999", "-o", str(signed))
    assert code == 2 and "No transfer with reference 'TR-999999'" in err
    code, _, err = cli("report", "-o", str(signed))
    assert code == 2 and "Say which report" in err
    code, _, err = cli("report", "TR-000001", "-o", str(cli.folder / "no" / "such" / "folder.pdf"))
    assert code == 2 and "does not exist" in err


def test_report_writes_a_word_draft(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    monkeypatch.chdir(cli.folder)
    out_file = cli.folder / "tia.docx"
    code, out, err = cli("report", "TR-000001", "--format", "docx", "-o", str(out_file))
    assert code == 0, err
    assert out == f"written: {out_file} (TR-000001 version 2, Word draft, en; the signed PDF is the record)\n"
    document = docx.Document(str(out_file))
    assert document.sections[0].header.paragraphs[0].text == "Draft — the signed PDF is the record"
    assert any(p.style is not None and p.style.name == "Heading 1" for p in document.paragraphs)
    code, out, _ = cli("report", "TR-000001", "--format", "docx", "--lang", "ja")
    assert code == 0 and "TR-000001-v2-ja.docx" in out
    assert (cli.folder / "TR-000001-v2-ja.docx").is_file()
    code, _, err = cli("report", "TR-000001", "--format", "docx", "--signed")
    assert code == 2 and "The signed copy is a PDF" in err
    code, _, err = cli("report", "--all", "--format", "docx", "-o", str(cli.folder))
    assert code == 2 and "one Word draft" in err


def test_report_all_renders_every_latest_version_in_parallel(cli: Cli) -> None:
    cli.add_assessments("hanako.sato", 3)
    db = cli.db()
    try:
        items = sorted(
            (a.reference, a.version_no)
            for r in register_search.search(db)
            if (a := service.latest_for_transfer(db, r.id)) is not None
        )
    finally:
        db.dispose()
    assert len(items) == 5

    target = cli.folder / "all"
    code, out, err = cli("report", "--all", "--lang", "both", "--jobs", "2", "-o", str(target))
    assert code == 0, err
    assert "rendered 5/5" in err
    assert out.startswith(f"written: 10 report(s) for 5 assessment(s) into {target}")
    expected = sorted(f"{ref}-v{v}-{lang}.pdf" for ref, v in items for lang in ("en", "ja"))
    assert sorted(p.name for p in target.iterdir()) == expected
    for ref, v in items:
        claimed = trust.reference_from_metadata((target / f"{ref}-v{v}-ja.pdf").read_bytes())
        assert claimed == trust.ClaimedReport(ref, v, "ja")

    single = cli.folder / "single"
    code, out, _ = cli("report", "--all", "--jobs", "1", "-o", str(single))
    assert code == 0 and len(list(single.glob("*-en.pdf"))) == 5


# ---- sign ---------------------------------------------------------------------------------------------


def test_sign_knows_a_stored_rendering_by_its_digest_and_keeps_roles(cli: Cli) -> None:
    """The approved demo report's rendering (the bytes the signature was added to) is known by its
    SHA-256; a report the database never stored is no report of this database, whatever its title."""
    from transfer_tool.storage.models.assessment import SignedReport

    db = cli.db()
    try:
        with db.read() as s:
            row = s.query(SignedReport).one()
            size = row.rendering_size
    finally:
        db.dispose()
    signed_copy = (cli.folder / "demo-tia-en.pdf").read_bytes()
    rendering = cli.folder / "rendering.pdf"
    rendering.write_bytes(signed_copy[:size])
    signed = cli.folder / "rendering-signed.pdf"
    sign = ("sign", str(rendering), "--identity", str(cli.identity), "-o", str(signed))

    code, _, err = cli(*sign)
    assert code == 2 and "--user" in err and not signed.exists()
    code, _, err = cli(*sign, user="hanako.sato")  # legal staff do not approve
    assert code == 2 and "may not approve" in err and not signed.exists()
    code, out, err = cli(*sign, "--location", "Osaka", user="taro.yamada")
    assert code == 0, err
    assert f"signed by 山田 太郎 (Taro Yamada): {signed}" in out  # the name from the certificate
    assert "this is the report of TR-000001 version 2" in out and "does not approve it" in out
    # Soundly signed, yet not the copy kept at approval: a script reading only the exit status took it for
    # the approved record (exit 0).
    code, out, err = cli("verify", str(signed))
    assert code == 3 and err == "", err
    assert "verdict:          VALID" in out and "NO: the file differs from the signed copy stored" in out

    draft = cli.add_assessments("hanako.sato", 1)[0]
    unsigned = cli.folder / "draft.pdf"
    assert cli("report", str(draft.id), "-o", str(unsigned))[0] == 0
    code, out, _ = cli(
        "sign", str(unsigned), "--identity", str(cli.identity), "-o", str(cli.folder / "d.pdf")
    )
    assert code == 0 and "approves nothing here" in out
    # A draft signed with the approver's key is no approval: verify said VALID and exited 0.
    code, out, err = cli("verify", str(cli.folder / "d.pdf"))
    assert code == 3 and err == "", err
    assert "NO: this version has no signed copy in the database (not approved here)" in out


def test_sign_signs_any_other_pdf_and_refuses_a_wrong_passphrase(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = cli.folder / "letter.pdf"
    plain.write_bytes(render_report(sample_report_data(), "ja"))  # a reference this database lacks
    signed = cli.folder / "letter-signed.pdf"
    code, out, err = cli(
        "sign", str(plain), "--identity", str(cli.identity), "-o", str(signed), "--name", "T. Yamada"
    )
    assert code == 0, err
    assert out.startswith(f"signed by T. Yamada: {signed}\n")
    assert "approves nothing here" in out
    r = signing.verify_pdf(signed.read_bytes(), [(cli.folder / "demo-signer-certificate.pem").read_bytes()])
    assert r.ok and r.signer_name == "山田 太郎 (Taro Yamada)"

    monkeypatch.setenv(ENV_SIGNING_PASSPHRASE, "not the passphrase")
    code, _, err = cli("sign", str(plain), "--identity", str(cli.identity), "-o", str(cli.folder / "x.pdf"))
    assert code == 2 and "passphrase" in err and not (cli.folder / "x.pdf").exists()
    code, _, err = cli("sign", str(cli.identity), "--identity", str(cli.identity), "-o", str(signed))
    assert code == 2 and "not a PDF" in err


# ---- trust and demo -----------------------------------------------------------------------------------


def test_trust_add_list_remove(cli: Cli, pki: OfflinePki) -> None:
    ca = cli.folder / "ca.pem"
    ca.write_bytes(pki.ca_pem)
    code, out, err = cli("trust", "add", str(ca), "--label", "Test Root CA", user="admin")
    assert code == 0, err
    assert out.startswith("trusted no. 2: Test Root CA — Test Root CA · Test PKI")
    code, out, _ = cli("trust", "list")
    assert code == 0 and out.splitlines()[-1] == "2 certificate(s)" and "Test Root CA" in out
    code, _, err = cli("trust", "add", str(ca), "--label", "again", user="admin")
    assert code == 2 and "already trusted as 'Test Root CA'" in err
    code, _, err = cli("trust", "add", str(ca), "--label", "mine", user="hanako.sato")
    assert code == 2 and "may not manage trusted certificates" in err
    code, _, err = cli("trust", "add", str(cli.identity), "--label", "x", user="admin")
    assert code == 2 and "not an X.509 certificate" in err and ".p12" in err

    assert cli("trust", "remove", "1", user="admin")[0] == 0  # the demo manager's certificate
    code, _, err = cli("verify", str(cli.folder / "demo-tia-en.pdf"))
    assert code == 1 and "trusted:          NO" in err
    code, out, _ = cli("trust", "list", "--all")
    assert "removed" in out and out.splitlines()[-1] == "2 certificate(s)"
    code, _, err = cli("trust", "remove", "1", user="admin")
    assert code == 2 and "not in the list" in err


def test_demo_command_builds_a_sample_that_verifies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sample"
    assert main(["demo", "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"signed TIA:   {target / 'demo-tia-en.pdf'}" in out
    assert "passphrase: demo-signing-passphrase" in out
    url = f"sqlite:///{target / 'demo.sqlite3'}"
    assert main(["--database", url, "verify", str(target / "demo-tia-ja.pdf")]) == 0
    assert main(["demo", "-o", str(target)]) == 2
    assert "already holds a demo" in capsys.readouterr().err
