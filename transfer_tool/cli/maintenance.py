"""Commands: backup, restore, check (the database's health)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from transfer_tool.cli.context import CliContext
from transfer_tool.errors import ToolError
from transfer_tool.runtime.config import DEFAULT_BACKUP_KEEP

if TYPE_CHECKING:  # the handlers import the database layer when they run
    from transfer_tool.records.backup import CheckResult
    from transfer_tool.storage.database import Database


def register(sub: Any) -> None:
    b = sub.add_parser("backup", help="copy the SQLite database into the backups folder now")
    b.add_argument(
        "--keep",
        type=int,
        default=DEFAULT_BACKUP_KEEP,
        metavar="N",
        help=f"keep the newest N routine backups (default {DEFAULT_BACKUP_KEEP}); copies taken before an "
        "upgrade or a restore are never removed",
    )
    b.add_argument("--list", action="store_true", help="only list the backups, newest first")
    b.set_defaults(handler=cmd_backup)

    r = sub.add_parser(
        "restore",
        help="replace the SQLite database with a backup (the current one is copied first; asks nothing)",
    )
    r.add_argument("file", type=Path, help="a backup file, e.g. from `transfer-tool backup --list`")
    r.add_argument(
        "--accept-broken-audit",
        action="store_true",
        help="restore a backup whose audit log does not verify (the restore event records the break)",
    )
    r.set_defaults(handler=cmd_restore)

    c = sub.add_parser(
        "check", help="check the database: SQLite integrity and foreign keys, and the audit chain"
    )
    c.add_argument(
        "--expect-head",
        metavar="N:HASH",
        help="the head printed by an earlier check: fail unless event N still has that hash "
        "(detects a rewritten audit log)",
    )
    c.set_defaults(handler=cmd_check)


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.records import backup

    # The database is copied as it is on disk: no sign-in, no migration (whoever can run this can
    # read the file anyway).
    if args.list:
        found = backup.list_backups(ctx.config)
        for b in found:
            print(f"{b.created_at:%Y-%m-%d %H:%M:%S} UTC  {b.label:<24}{_size(b.size):>10}  {b.path}")
        print(f"{len(found)} backup(s) in {backup.backup_dir()}")
        return 0
    path = backup.backup_now(ctx.config, args.keep)
    print(f"backup written: {path} ({_size(path.stat().st_size)}, readable by your account only)")
    print(f"routine backups kept: the newest {args.keep}")
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.records import backup

    target = ctx.config.sqlite_path
    before = backup.restore(ctx.config, args.file, accept_broken_audit=args.accept_broken_audit)
    print(f"restored {target} from {args.file}")
    if before is not None:
        print(f"the database as it was before the restore is at {before}")
        print(f"to undo: transfer-tool restore {before}")
    else:
        print("there was no database before, so there is nothing to undo")
    print("if the app is open, close and start it again so it reads the restored database")
    return 0


def _anchor(expected: str) -> tuple[int, str]:
    seq, _, digest = expected.partition(":")
    if not seq.isdigit() or len(digest) != 64:
        raise ToolError(f"--expect-head wants N:HASH as printed by `transfer-tool check` (got {expected!r}).")
    return int(seq), digest.lower()


def _anchor_result(db: Database, expected: str) -> CheckResult:
    """Whether the chain still holds the event recorded earlier. The chain itself was verified first,
    so a matching hash at N vouches for every event up to N."""
    from sqlalchemy import select

    from transfer_tool.records import backup
    from transfer_tool.storage.models.core import AuditEvent

    seq, digest = _anchor(expected)
    with db.read() as s:
        found = s.execute(select(AuditEvent.hash).where(AuditEvent.seq == seq)).scalar_one_or_none()
    if found == digest:
        return backup.CheckResult("audit anchor", True, f"event {seq} still has the recorded hash")
    what = "is missing" if found is None else "has a different hash"
    return backup.CheckResult(
        "audit anchor",
        False,
        f"event {seq} {what}: the audit log was rewritten or cut back since the head was recorded",
    )


def cmd_check(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.records import audit, backup

    results = backup.check_database(ctx.config)
    failed = [r for r in results if not r.ok]
    for r in results:
        print(f"{'ok' if r.ok else 'FAILED':<8}{r.name}: {r.detail}")
    if failed:
        print("SKIPPED audit chain: the database is damaged; restore a backup (transfer-tool backup --list)")
    else:
        report = audit.verify(ctx.db)
        if report.ok and not report.head:
            print(f"{'ok':<8}audit chain: the log is empty, so there is no head to record yet")
        if report.ok and report.head:
            # The head printed is the verified chain's last event, never the stored head row as such.
            print(f"{'ok':<8}audit chain: {report.checked} events verified; head {report.head}")
            print(
                "        (keep the head outside the tool; `check --expect-head N:HASH` later shows a rewrite)"
            )
        if report.ok:
            from transfer_tool.records.audit_drift import drift

            differing = drift(ctx.db)
            for d in differing[:50]:
                print(f"{'FAILED':<8}audited data: {d}")
            if len(differing) > 50:
                print(f"        ... and {len(differing) - 50} more")
            if differing:
                failed.append(
                    backup.CheckResult(
                        "audited data", False, f"{len(differing)} row(s) differ from the audit log"
                    )
                )
            else:
                print(f"{'ok':<8}audited data: every audited row matches its last audit event")
            if args.expect_head:
                anchor = _anchor_result(ctx.db, args.expect_head)
                print(f"{'ok' if anchor.ok else 'FAILED':<8}{anchor.name}: {anchor.detail}")
                if not anchor.ok:
                    failed.append(anchor)
        else:
            print(f"{'FAILED':<8}audit chain: {report.summary()}")
            failed.append(backup.CheckResult("audit chain", False, report.summary()))
    if failed:
        print(f"check FAILED: {', '.join(r.name for r in failed)}", file=sys.stderr)
        return 1
    print("check passed")
    return 0
