"""Commands: report, sign, verify, demo, trust.

Only the parsers live here: the handlers (reportlab, pyHanko, the assessment service) are imported when
a command actually runs, so `transfer-tool` starting the desktop app does not pay for them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from transfer_tool.cli.context import CliContext
from transfer_tool.cli.report_options import ENV_SIGNING_PASSPHRASE, LANGS

Handler = Callable[[argparse.Namespace, CliContext], int]


def _lazy(name: str, module: str = "transfer_tool.cli.reports_impl") -> Handler:
    def run(args: argparse.Namespace, ctx: CliContext) -> int:
        handler: Handler = getattr(importlib.import_module(module), name)
        return handler(args, ctx)

    return run


def register(sub: Any) -> None:
    r = sub.add_parser(
        "report",
        help="write the TIA report of a transfer's latest assessment version (or of all of them)",
        description="ID is a transfer reference (its latest assessment version) or an assessment id "
        "(that version). The report shows the version's current state; --signed writes the signed copy "
        "kept at approval instead.",
    )
    r.add_argument(
        "ref", nargs="?", metavar="ID", help="transfer reference (e.g. TR-000001) or assessment id"
    )
    r.add_argument("--all", action="store_true", help="every transfer's latest assessment version")
    r.add_argument(
        "--lang", choices=[*LANGS, "both"], default="en", help="report language (both: --all only)"
    )
    r.add_argument("-o", "--output", type=Path, help="output file (with --all: output folder)")
    r.add_argument("--signed", action="store_true", help="write the signed copy kept at approval")
    r.add_argument(
        "--format",
        choices=["pdf", "docx"],
        default="pdf",
        help="pdf (the record, signable) or docx (a Word draft for counsel's mark-up; one report, not --all)",
    )
    r.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="worker processes for --all (default: one per core; 1 = render in this process)",
    )
    r.add_argument(
        "--on", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="the report date (default today)"
    )
    r.set_defaults(handler=_lazy("cmd_report"))

    s = sub.add_parser(
        "sign",
        help="sign a PDF with a signing identity (.p12); passphrase from "
        f"{ENV_SIGNING_PASSPHRASE} or a prompt",
    )
    s.add_argument("file", type=Path, help="the PDF to sign")
    s.add_argument("--identity", type=Path, required=True, help="signing identity file (.p12/.pfx)")
    s.add_argument("-o", "--output", type=Path, required=True, help="where to write the signed PDF")
    s.add_argument("--reason", default="Approval of the transfer impact assessment")
    s.add_argument("--location", default="")
    s.add_argument("--name", default="", help="signer name shown in the stamp (default: the certificate's)")
    s.add_argument("--lang", choices=LANGS, help="stamp language (default: the report's language)")
    s.add_argument(
        "--timestamp-url", default=None, help="RFC 3161 time-stamping service (default: organisation setting)"
    )
    s.set_defaults(handler=_lazy("cmd_sign"))

    a = sub.add_parser(
        "approve",
        help="approve a submitted assessment: render its report, sign it with your own registered "
        "identity and store it (the same checks as the Review screen)",
    )
    a.add_argument("ref", help="transfer reference (its latest version) or assessment ID")
    a.add_argument("--identity", type=Path, required=True, help="your signing identity file (.p12/.pfx)")
    a.add_argument("--lang", choices=LANGS, default="en", help="the report's language (default en)")
    a.add_argument(
        "--confirm",
        action="append",
        default=[],
        metavar="KEY",
        help="an attestation you confirm (repeat for each; `all` confirms every one, as listed by --help)",
    )
    a.add_argument("--comment", default="", help="a comment recorded with the approval")
    a.add_argument(
        "--as-read",
        metavar="TOKEN",
        help="the token `report ID -o FILE.pdf` printed when it wrote the report of the submitted version: "
        "approving needs it, and is refused when the report no longer shows what you read (the transfer, a "
        "party, a catalogue entry or a name it shows changed since)",
    )
    a.add_argument(
        "--on", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="approval date (default: today)"
    )
    a.set_defaults(handler=_lazy("cmd_approve"))

    v = sub.add_parser(
        "verify",
        help="check a signed report: signer, time, intact, whole file, trusted, which assessment version, "
        "same as the stored copy (exit 0 only when intact, whole and trusted and, for a version of this "
        "database, its approved copy in force; 3 when sound but replaced by a later approval, never approved "
        "here or not the approved copy; 1 otherwise)",
    )
    v.add_argument("file", type=Path)
    v.add_argument(
        "--cert",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="also trust this certificate for this check (repeatable)",
    )
    v.set_defaults(handler=_lazy("cmd_verify", "transfer_tool.cli.verify_impl"))

    d = sub.add_parser("demo", help="build a sample database and signed TIA (en, ja) in a new folder")
    d.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    d.set_defaults(handler=_lazy("cmd_demo"))

    t = sub.add_parser("trust", help="certificates whose signatures are trusted (admin)")
    ts = t.add_subparsers(dest="action", metavar="ACTION", required=True)
    ta = ts.add_parser("add", help="trust a certificate (PEM or DER) of a signer or of a CA")
    ta.add_argument("file", type=Path)
    ta.add_argument("--label", required=True, help="whose certificate it is")
    ta.add_argument(
        "--owner",
        metavar="USER",
        help="register it as this user's own signing certificate (approvals by USER must be signed with it)",
    )
    ta.set_defaults(handler=_lazy("cmd_trust_add"))
    tl = ts.add_parser("list", help="the trusted certificates")
    tl.add_argument("--all", action="store_true", help="include removed ones")
    tl.set_defaults(handler=_lazy("cmd_trust_list"))
    tr = ts.add_parser("remove", help="stop trusting a certificate (by its number in the list)")
    tr.add_argument("id", type=int)
    tr.set_defaults(handler=_lazy("cmd_trust_remove"))
