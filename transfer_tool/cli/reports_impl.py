"""Commands: report (one, or all in parallel), sign, verify, demo, trust add/list/remove.

`report --all` renders every transfer's latest assessment version across the machine's cores: a pool
of worker processes (spawned, so it behaves the same on Windows, macOS and Linux), each opening its own
database connection and rendering a chunk of assessments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from transfer_tool import clock, signing  # signing's names load pyHanko on first use only
from transfer_tool.accounts.permissions import Action, allowed, require
from transfer_tool.assessment import service
from transfer_tool.assessment.evidence import SignedReportRef, find_by_pdf_hash
from transfer_tool.cli.context import CliContext, ask_secret
from transfer_tool.cli.report_options import ENV_SIGNING_PASSPHRASE, LANGS
from transfer_tool.cli.verify_impl import quiet_validator
from transfer_tool.domain import AssessmentStatus
from transfer_tool.errors import AuthenticationFailed, PermissionDenied, ToolError
from transfer_tool.register import transfers
from transfer_tool.runtime.files import make_folder, write_file
from transfer_tool.runtime.worker_lifetime import (
    deaf_to_ctrl_c,
    die_with_parent,
    started_children,
    stop_workers,
)
from transfer_tool.signing.limits import read_pdf_file
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Transfer

if TYPE_CHECKING:  # trust (verification) and the process pool load only in the commands using them
    from concurrent.futures import Future


# ---- files ------------------------------------------------------------------------------------------------


def _read_pdf(path: Path) -> bytes:
    """A regular file within the documented size limit (`signing.limits`), never read past it."""
    return read_pdf_file(path)


def report_filename(reference: str, version_no: int, lang: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", reference).strip("._") or "transfer"
    return f"{safe}-v{version_no}-{lang}.pdf"


# ---- report -----------------------------------------------------------------------------------------------


def _resolve(db: Database, ident: str) -> service.AssessmentView:
    ident = ident.strip()
    transfer_id = transfers.find_by_reference(db, ident)
    if transfer_id is not None:
        latest = service.latest_for_transfer(db, transfer_id)
        if latest is None:
            raise ToolError(f"{ident} has no assessment yet; start one in the app first.")
        return latest
    if ident.isdigit():
        return service.get_assessment(db, int(ident))
    raise ToolError(
        f"No transfer with reference '{ident}'. Try `transfer-tool transfers list --search {ident}`."
    )


def cmd_report(args: argparse.Namespace, ctx: CliContext) -> int:
    today = args.on or clock.today()
    if args.all:
        if args.format == "docx":
            raise ToolError("--format docx writes one Word draft; give an ID instead of --all.")
        if args.ref:
            raise ToolError("Give either an ID or --all, not both.")
        if args.signed:
            raise ToolError("--signed writes one approved copy; use it with an ID, not with --all.")
        return _report_all(args, ctx, today)
    if not args.ref:
        raise ToolError("Say which report: `transfer-tool report TR-000001 -o tia.pdf`, or --all -o DIR.")
    if args.lang == "both":
        raise ToolError("One file holds one language: use --lang en or --lang ja (both: with --all).")
    a = _resolve(ctx.db, args.ref)
    if args.format == "docx":
        return _report_docx(args, ctx, a, today)
    if args.signed:
        pdf = service.signed_report(ctx.db, a.id)
        if pdf is None:
            raise ToolError(
                f"{a.reference} version {a.version_no} has no signed copy (status: {a.status.value}). "
                "Leave out --signed to render its current state."
            )
        what = "the signed copy kept at approval"
        read = None
    else:
        from transfer_tool.report.renderer import render_report

        data = service.build_report_data(ctx.db, a.id, today)
        pdf = render_report(data, args.lang)
        what = f"{a.status.value}, {args.lang}"
        read = service.read_report(data, today) if a.status is AssessmentStatus.SUBMITTED else None
    out: Path = args.output or Path(report_filename(a.reference, a.version_no, args.lang))
    write_file(out, pdf)
    print(f"written: {out} ({a.reference} version {a.version_no}, {what})")
    if read is not None:  # a version awaiting review: its reviewer may approve exactly what they read
        print(
            f"to approve exactly what it shows: transfer-tool approve {a.reference} --as-read {read.token()} ..."
        )
    return 0


def _report_docx(args: argparse.Namespace, ctx: CliContext, a: service.AssessmentView, today: dt.date) -> int:
    if args.signed:
        raise ToolError("The signed copy is a PDF; leave out --signed to write the Word draft.")
    from transfer_tool.report.docx_export import render_docx  # python-docx only for this command

    docx = render_docx(service.build_report_data(ctx.db, a.id, today), args.lang)
    out: Path = args.output or Path(report_filename(a.reference, a.version_no, args.lang)).with_suffix(
        ".docx"
    )
    write_file(out, docx)
    print(
        f"written: {out} ({a.reference} version {a.version_no}, Word draft, {args.lang}; the signed PDF is the record)"
    )
    return 0


@dataclass(frozen=True)
class BatchItem:
    assessment_id: int
    reference: str
    version_no: int


@dataclass(frozen=True)
class BatchOutcome:
    assessment_id: int
    reference: str
    files: tuple[str, ...]
    error: str = ""


@dataclass(frozen=True)
class BatchResult:
    outcomes: tuple[BatchOutcome, ...]
    seconds: float
    jobs: int

    @property
    def files(self) -> list[str]:
        return [f for o in self.outcomes for f in o.files]

    @property
    def failed(self) -> list[BatchOutcome]:
        return [o for o in self.outcomes if o.error]


def latest_assessments(db: Database) -> list[BatchItem]:
    """Each transfer's latest assessment version, in reference order."""
    with db.read() as s:
        latest = (
            select(Assessment.transfer_id, func.max(Assessment.version_no).label("v"))
            .group_by(Assessment.transfer_id)
            .subquery()
        )
        rows = s.execute(
            select(Assessment.id, Transfer.reference, Assessment.version_no)
            .join(
                latest,
                (latest.c.transfer_id == Assessment.transfer_id) & (latest.c.v == Assessment.version_no),
            )
            .join(Transfer, Transfer.id == Assessment.transfer_id)
            .order_by(Transfer.reference)
        ).all()
    return [BatchItem(i, ref, v) for i, ref, v in rows]


def render_chunk(
    database_url: str, items: Sequence[BatchItem], out_dir: str, langs: Sequence[str], today: dt.date
) -> list[BatchOutcome]:
    """Render `items` into `out_dir` with a database connection of this process's own (a worker's task)."""
    from transfer_tool.report.renderer import TiaReportRenderer, render_report

    db = Database(database_url)
    renderer = TiaReportRenderer()  # one per worker: fonts, styles and the word widths it keeps
    outcomes = []
    try:
        for item in items:
            try:
                # The country data held for the whole batch: each report checks it with one statement.
                data = service.build_report_data(db, item.assessment_id, today, hold_country_data=True)
                files = []
                for lang in langs:
                    path = Path(out_dir) / report_filename(item.reference, item.version_no, lang)
                    write_file(path, render_report(data, lang, renderer))
                    files.append(str(path))
                outcomes.append(BatchOutcome(item.assessment_id, item.reference, tuple(files)))
            except ToolError as exc:  # one broken assessment must not stop the other 499
                outcomes.append(BatchOutcome(item.assessment_id, item.reference, (), str(exc)))
    finally:
        db.dispose()
    return outcomes


def render_batch(
    database_url: str,
    items: Sequence[BatchItem],
    out_dir: Path,
    *,
    langs: Sequence[str] = ("en",),
    today: dt.date,
    jobs: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Render every item's report into `out_dir`, in `jobs` processes (0 = one per core, 1 = in this
    process). `progress(done, total)` is called in this process as chunks finish."""
    make_folder(out_dir)
    jobs = jobs or os.cpu_count() or 1
    total = len(items)
    start = time.perf_counter()
    if jobs == 1 or total <= 1:
        outcomes: list[BatchOutcome] = []
        for item in items:
            outcomes += render_chunk(database_url, [item], str(out_dir), langs, today)
            if progress:
                progress(len(outcomes), total)
        return BatchResult(tuple(outcomes), time.perf_counter() - start, 1)
    # Small chunks keep the cores busy to the end; each chunk opens one connection.
    size = max(1, min(16, math.ceil(total / (jobs * 4))))
    chunks = [items[i : i + size] for i in range(0, total, size)]
    outcomes = []
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("spawn")
    before = started_children()
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(chunks)),
        mp_context=ctx,
        initializer=die_with_parent,  # a killed command leaves no worker behind
        initargs=(os.getpid(),),
    ) as pool:
        with deaf_to_ctrl_c():  # the pool starts its workers as work is submitted
            pending: set[Future[list[BatchOutcome]]] = {
                pool.submit(render_chunk, database_url, list(chunk), str(out_dir), tuple(langs), today)
                for chunk in chunks
            }
        workers = started_children() - before
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    try:
                        outcomes += fut.result()
                    except BrokenProcessPool as exc:
                        raise ToolError(
                            f"A report worker process ended unexpectedly (killed, or out of memory) after "
                            f"{len(outcomes)} of {total} report(s); the other workers were stopped. The "
                            f"reports written so far are in {out_dir}. Run the command again."
                        ) from exc
                if progress:
                    progress(len(outcomes), total)
        except KeyboardInterrupt:
            # The workers ignore Ctrl-C: stopped here; the reports written so far stay, whole. Nothing is
            # cancelled first: on Python 3.11 the pool then fails its cancelled work as it sees the
            # workers gone (InvalidStateError, a traceback from its own thread).
            stop_workers(workers)
            raise
        except BaseException:
            for fut in pending:
                fut.cancel()
            raise
    order = {item.assessment_id: i for i, item in enumerate(items)}
    outcomes.sort(key=lambda o: order.get(o.assessment_id, 0))
    return BatchResult(tuple(outcomes), time.perf_counter() - start, jobs)


class _Progress:
    """One line on stderr, rewritten in a terminal; a line every tenth otherwise (logs, CI)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.start = time.perf_counter()
        self.tty = sys.stderr.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        rate = done / max(time.perf_counter() - self.start, 1e-9)
        line = f"rendered {done}/{total} ({rate:.1f}/s, {self.jobs} process(es))"
        if self.tty:
            end = "\n" if done == total else ""
            print(f"\r{line}", end=end, file=sys.stderr, flush=True)
            return
        tenth = done * 10 // max(total, 1)
        if tenth != self.last_tenth or done == total:
            self.last_tenth = tenth
            print(line, file=sys.stderr, flush=True)


def _report_all(args: argparse.Namespace, ctx: CliContext, today: dt.date) -> int:
    if args.output is None:
        raise ToolError("Say where to write the reports: `transfer-tool report --all -o FOLDER`.")
    if args.output.exists() and not args.output.is_dir():
        raise ToolError(f"{args.output} is a file; --all writes into a folder.")
    if args.jobs < 0:
        raise ToolError("--jobs takes a number of processes (1 or more; 0 = one per core).")
    items = latest_assessments(ctx.db)  # also migrates the database before the workers open it
    if not items:
        print("no assessments yet: nothing to render")
        return 0
    langs = LANGS if args.lang == "both" else (args.lang,)
    jobs = args.jobs or os.cpu_count() or 1
    result = render_batch(
        ctx.config.database_url,
        items,
        args.output,
        langs=langs,
        today=today,
        jobs=jobs,
        progress=_Progress(min(jobs, len(items))),
    )
    for o in result.failed:
        print(f"not rendered: {o.reference} (assessment {o.assessment_id}): {o.error}", file=sys.stderr)
    n = len(result.files)
    print(
        f"written: {n} report(s) for {len(items) - len(result.failed)} assessment(s) into {args.output} "
        f"in {result.seconds:.1f} s ({n / max(result.seconds, 1e-9):.1f} PDFs/s)"
    )
    return 1 if result.failed else 0


# ---- sign ---------------------------------------------------------------------------------------------


def _passphrase() -> str:
    value = os.environ.get(ENV_SIGNING_PASSPHRASE)
    if value:
        return value
    if not sys.stdin.isatty():
        raise AuthenticationFailed(
            f"No passphrase for the signing identity: set {ENV_SIGNING_PASSPHRASE} or run in a terminal."
        )
    return ask_secret("Passphrase of the signing identity: ")


def _identify(db: Database, pdf: bytes) -> SignedReportRef | None:
    """Which assessment version `pdf` is, by its SHA-256 among the tool's stored renderings and signed
    copies; never by what the file's metadata claims (one changed character there must not matter)."""
    digest = hashlib.sha256(pdf).hexdigest()
    return find_by_pdf_hash(db, digest, rendering=True) or find_by_pdf_hash(db, digest)


def cmd_sign(args: argparse.Namespace, ctx: CliContext) -> int:

    quiet_validator(args)
    pdf = _read_pdf(args.file)
    if b"%PDF-" not in pdf[:1024]:
        raise ToolError(f"{args.file} is not a PDF file; nothing was signed.")
    found = _identify(ctx.db, pdf)
    if found is not None:
        # An assessment's report: signing it is a reviewer's act, and four eyes apply.
        actor = ctx.actor()
        require(actor, Action.REVIEW)
        a = service.get_assessment(ctx.db, found.assessment_id)
        solo = service.get_org_settings(ctx.db).single_user_mode
        if not solo and actor.user_id is not None and actor.user_id in service.authors_of(ctx.db, a.id):
            raise PermissionDenied(
                f"You created, edited or submitted {a.reference} version {a.version_no}; four-eyes "
                "principle: another manager must sign its report. Nothing was signed."
            )
    passphrase = _passphrase()
    name = args.name.strip() or signing.open_identity(args.identity, passphrase).subject_name
    timestamp_url = args.timestamp_url
    if timestamp_url is None:
        timestamp_url = service.get_org_settings(ctx.db).timestamp_url or None
    from pyhanko.sign.general import SigningError

    try:
        signed = signing.sign_pdf(
            pdf,
            args.identity,
            passphrase,
            reason=args.reason,
            location=args.location,
            signer_display_name=name,
            timestamp_url=timestamp_url or None,
            lang=args.lang or (found.lang if found is not None else "en"),
        )
    except SigningError as exc:
        raise ToolError(
            f"{args.file} cannot be signed: its signature field is already signed or unusable ({exc}). "
            "Nothing was signed."
        ) from exc
    write_file(args.output, signed)
    print(f"signed by {name}: {args.output}")
    if found is not None:
        print(
            f"this is the report of {found.reference} version {found.version_no}; signing the file does "
            "not approve it: approvals are made with `transfer-tool approve` or in the app"
        )
    else:
        print("this file is not a report this database rendered: the signature approves nothing here")
    return 0


# ---- approve ------------------------------------------------------------------------------------------


def cmd_approve(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.assessment import approval

    confirmed = {k.strip() for k in args.confirm}
    if "all" in confirmed:
        confirmed = set(service.REQUIRED_ATTESTATIONS)
    unknown = sorted(confirmed - set(service.REQUIRED_ATTESTATIONS))
    if unknown:
        raise ToolError(
            f"Unknown attestation(s): {', '.join(unknown)}. Confirm with --confirm KEY for each of: "
            f"{', '.join(service.REQUIRED_ATTESTATIONS)} (or --confirm all)."
        )
    as_read = None
    if args.as_read is not None:
        as_read = service.ReadReport.from_token(args.as_read)
        if as_read is None:
            raise ToolError(
                f"'{args.as_read}' is not a token `transfer-tool report` printed (like 20261207-3f2a…, 41 "
                "characters). Write the report of the submitted version again and copy the token it prints."
            )
    actor = ctx.actor()
    a = _resolve(ctx.db, args.ref)
    if as_read is None and allowed(actor, Action.REVIEW):
        # As the Review screen approves only once its report is on screen: an approval signs what was read.
        raise ToolError(
            f"Read the report before approving it: `transfer-tool report {a.reference} -o tia.pdf` writes it "
            f"and prints a token; then approve with --as-read TOKEN. Nothing was approved."
        )
    passphrase = _passphrase()
    done = approval.approve_and_sign(
        ctx.db,
        actor,
        approval.ApprovalRequest(
            a.id,
            args.identity,
            passphrase,
            args.lang,
            frozenset(confirmed),
            args.on,  # None: the approval states now, read once
            comment=args.comment,
            as_read=as_read,
        ),
    )
    v = done.view
    print(f"approved: {v.reference} version {v.version_no}, signed by {actor.display_name or actor.username}")
    print(
        f"signed copy stored (SHA-256 {hashlib.sha256(done.signed_pdf).hexdigest()}); write it with "
        f"`transfer-tool report {v.reference} --signed -o FILE`"
    )
    return 0


# ---- demo and trust ---------------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool import demo  # only this command needs it; report workers import this module

    print(f"building the demo in {args.output} (a minute at most) ...", file=sys.stderr)
    r = demo.build_demo(args.output)
    url = r.database_url
    print(
        "\n".join(
            [
                f"database:     {r.database_path}",
                f"signed TIA:   {r.pdf_en}",
                f"              {r.pdf_ja}",
                f"certificate:  {r.certificate} (trusted in the demo database)",
                f"identity:     {r.identity} (passphrase: {r.passphrase})",
                f"transfer:     {r.transfer_reference} (onward: {r.onward_reference})",
                "users:        "
                + ", ".join(f"{u.username} ({u.role.value})" for u in r.users)
                + f"; password: {r.users[0].password}",
                "try:",
                f"  transfer-tool --database {url} verify {r.pdf_ja}",
                f"  transfer-tool --database {url} report {r.transfer_reference} --lang ja -o tia-ja.pdf",
            ]
        )
    )
    return 0


def cmd_trust_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.accounts import users
    from transfer_tool.signing import trust

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise ToolError(f"Cannot read {args.file}: {exc.strerror}.") from exc
    actor = ctx.actor()
    owner = None
    if args.owner:
        found = [u for u in users.list_users(ctx.db, actor) if u.username == args.owner.strip()]
        if not found:
            raise ToolError(f"There is no user '{args.owner}'. See `transfer-tool users list`.")
        owner = found[0].id
    c = trust.add_trusted(ctx.db, actor, data, args.label, owner=owner)
    if owner is not None:
        print(f"registered as the own signing certificate of {args.owner}")
    print(f"trusted no. {c.id}: {c.label} — {c.subject} (valid until {c.not_after:%Y-%m-%d})")
    print(f"SHA-256 fingerprint: {c.fingerprint_display}")
    return 0


def cmd_trust_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.signing import trust

    rows = trust.list_trusted(ctx.db, include_removed=args.all)
    print(f"{'NO':<5}{'VALID UNTIL':<13}{'STATE':<10}{'LABEL':<40}SUBJECT")
    for c in rows:
        state = ("expired" if c.expired() else "active") if c.active else "removed"
        print(f"{c.id:<5}{c.not_after:%Y-%m-%d}   {state:<10}{c.label[:39]:<40}{c.subject}")
    print(f"{len(rows)} certificate(s)")
    return 0


def cmd_trust_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.signing import trust

    c = trust.remove_trusted(ctx.db, ctx.actor(), args.id)
    print(f"no longer trusted: no. {c.id} {c.label}")
    return 0
