"""`transfer-tool verify`: its handler, apart from the other report commands so that it starts the
checking process (`signing.checking.Checker`) before it loads the database layer: the child loads pyHanko
on one core while this process opens the database on the other."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from transfer_tool.cli.context import CliContext
from transfer_tool.errors import ToolError
from transfer_tool.signing.limits import read_pdf_file

if TYPE_CHECKING:
    from transfer_tool.signing import trust
    from transfer_tool.signing.result import VerificationResult


EXIT_NOT_IN_FORCE = 3  # intact, whole and trusted, but not the approved version in force of this database

# ---- verify -------------------------------------------------------------------------------------------


def _yes(flag: bool) -> str:
    return "yes" if flag else "NO"


def _signature_lines(r: VerificationResult) -> list[str]:
    if not r.signed:
        return []
    when = r.signing_time.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if r.signing_time else "-"
    source = "from the timestamp" if r.timestamp_present else "as claimed by the signer"
    return [
        f"signer:           {r.signer_name or '-'}",
        f"signing time:     {when} ({source})",
        f"intact:           {_yes(r.intact)}",
        f"whole file:       {_yes(r.covers_whole_file)}"
        + ("" if r.covers_whole_file or not r.intact else " (modified after signing: content was appended)"),
        f"trusted:          {_yes(r.trusted) if r.intact else 'not checked (the signature does not match the document)'}",
        "timestamp:        "
        + (("valid" if r.timestamp_valid else "NOT VALID") if r.timestamp_present else "none"),
    ]


_LANG_NAMES = {"en": "English", "ja": "Japanese"}


def _copy_text(v: trust.DocumentVerification) -> str:
    from transfer_tool.signing import trust

    signer = f", signed by {v.stored_signer}" if v.stored_signer else ""
    stored = _LANG_NAMES.get(v.stored_lang, v.stored_lang)
    if v.match is trust.DatabaseMatch.EXACT:
        return f"yes, byte for byte the signed copy stored at approval ({stored}{signer})"
    if v.match is trust.DatabaseMatch.DIFFERS:
        if v.file_lang and v.stored_lang and v.file_lang != v.stored_lang:
            mine = _LANG_NAMES.get(v.file_lang, v.file_lang)
            return (
                f"no: the database keeps the {stored} signed copy of this version{signer}; "
                f"this file is the {mine} report"
            )
        return f"NO: the file differs from the signed copy stored at approval ({stored}{signer})"
    if v.match is trust.DatabaseMatch.NO_STORED_COPY:
        return "NO: this version has no signed copy in the database (not approved here)"
    return "no (the file names no assessment version of this database)"


def _database_lines(v: trust.DocumentVerification) -> list[str]:
    if v.assessment_id is not None:
        where = f"{v.reference} version {v.version_no}"
    elif v.reference:
        where = f"{v.reference} version {v.version_no}: not in this database"
    else:
        where = "unknown"
    lines = [f"assessment:       {where}", f"matches database: {_copy_text(v)}"]
    if v.later_approved_version is not None:
        when = f", approved {v.later_approved_at.astimezone(dt.UTC):%Y-%m-%d}" if v.later_approved_at else ""
        lines.append(
            f"in force:         NO: {v.reference} version {v.later_approved_version}{when} replaces this "
            f"version; ask for its signed PDF"
        )
    return lines


def quiet_validator(args: argparse.Namespace) -> None:
    """pyHanko logs each failed check with a traceback; the result already says what failed."""
    if not getattr(args, "verbose", False):
        for name in ("pyhanko", "pyhanko_certvalidator"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.signing.checking import Checker

    quiet_validator(args)
    pdf = read_pdf_file(args.file)  # a file it cannot take is refused before any process starts
    # The checking process loads pyHanko on one core while this one loads the database layer. Forked (where
    # safe): this process has one thread and has not opened its database yet.
    with Checker(fork_if_safe=True).start() as checker:
        from transfer_tool.signing import trust

        extra = [read_cert(p) for p in args.cert]
        v = trust.verify_document(ctx.db, pdf, extra, checker=checker)
    r = v.signature
    lines = [f"file:             {args.file}", f"sha256:           {v.sha256}"]
    lines += [f"signed:           {_yes(r.signed)}", *_signature_lines(r), *_database_lines(v)]
    lines.append(f"verdict:          {r.verdict}")
    lines += [f"  - {reason}" for reason in dict.fromkeys(r.reasons) if reason != r.verdict]
    print("\n".join(lines), file=sys.stdout if v.ok else sys.stderr)
    if not v.ok:
        return 1
    # Sound, but not this database's approved record in force (replaced, never approved here, or another
    # file than the approved copy): a script asking "is this the assessment in force?" must not read
    # success (it did, with "NO" on the screen); 3 tells it apart from a broken file.
    return EXIT_NOT_IN_FORCE if v.not_the_record_in_force else 0


def read_cert(path: Path) -> bytes:
    from transfer_tool.signing import trust

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ToolError(f"Cannot read the certificate {path}: {exc.strerror}.") from exc
    trust.parse_certificate(data)  # refuse a wrong file here, not silently during the check
    return data
