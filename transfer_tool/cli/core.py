"""Commands: init, transfers (list/show/import/export, import-csv/export-csv), due, audit verify, users.

The parsers need only the enums; each handler imports the services it uses, so `--help` loads no database
layer and a command loads only its own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from transfer_tool.cli import teamwork  # its parsers load no service; its handlers load what they use
from transfer_tool.cli.context import ENV_PASSWORD, CliContext
from transfer_tool.domain import Role, TransferStatus
from transfer_tool.errors import StorageError, ToolError
from transfer_tool.i18n.engine_text import error_text

if TYPE_CHECKING:
    from transfer_tool.accounts.permissions import Actor

Sub = "argparse._SubParsersAction[argparse.ArgumentParser]"


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="create or upgrade the database; create the first admin")
    p.add_argument("--admin", metavar="USERNAME", help="create the first admin account with this user name")
    p.add_argument("--name", metavar="DISPLAY_NAME", help="the admin's full name (default: the user name)")
    p.set_defaults(handler=cmd_init)

    t = sub.add_parser("transfers", help="the transfer register")
    ts = t.add_subparsers(dest="action", metavar="ACTION", required=True)
    lp = ts.add_parser("list", help="list transfers (filters combine)")
    lp.add_argument("--country", help="destination country code, e.g. US")
    lp.add_argument("--status", choices=[s.value for s in TransferStatus])
    lp.add_argument("--search", default="", help="free text: reference, title, exporter, importer")
    lp.add_argument("--reassessment", action="store_true", help="only transfers flagged for re-assessment")
    lp.add_argument("--limit", type=int, default=0)
    who = lp.add_mutually_exclusive_group()
    who.add_argument("--mine", action="store_true", help="only transfers you (--user) are responsible for")
    who.add_argument("--unassigned", action="store_true", help="only transfers nobody is responsible for")
    who.add_argument("--owner", metavar="USER", help="only transfers this user is responsible for")
    lp.set_defaults(handler=cmd_list)
    sp = ts.add_parser("show", help="show one transfer")
    sp.add_argument("ref", help="reference (TR-000001) or id")
    sp.set_defaults(handler=cmd_show)
    im = ts.add_parser(
        "import",
        help="import transfers from an Excel workbook (.xlsx) or a CSV file (all rows or none)",
        description="Every row is checked first; any problem is listed by sheet (or line), row and column "
        "and nothing is imported. Formulas are never run; macro-enabled (.xlsm), password-protected and "
        "old .xls workbooks, hidden sheets, merged cells and files over 20 MB are refused.",
    )
    im.add_argument("file", type=Path, help="FILE.xlsx or FILE.csv")
    im.add_argument("--check", action="store_true", help="only check the file and list its problems")
    im.set_defaults(handler=cmd_import)
    ip = ts.add_parser("import-csv", help="import transfers from CSV (the same as `import FILE.csv`)")
    ip.add_argument("file", type=Path)
    ip.set_defaults(handler=cmd_import, check=False)
    ex = ts.add_parser("export", help="export the register as an Excel workbook or CSV")
    ex.add_argument("file", type=Path, help="output file (CSV: - for standard output)")
    ex.add_argument(
        "--format", choices=["xlsx", "csv"], help="default: from the file name's ending, else xlsx"
    )
    ex.add_argument(
        "--lang",
        choices=["en", "ja"],
        default="en",
        help="language of the workbook's reading sheet (the sheet to import keeps its codes)",
    )
    ex.set_defaults(handler=cmd_export)
    ep = ts.add_parser("export-csv", help="export the register as CSV (the same as `export --format csv`)")
    ep.add_argument("file", type=Path, help="output file, or - for standard output")
    ep.set_defaults(handler=cmd_export, format="csv")
    teamwork.register_transfer_actions(ts)

    d = sub.add_parser(
        "due",
        help="list re-evaluations, APPI yearly checks and measures falling due; --ics writes a calendar file",
    )
    d.add_argument(
        "--ics", type=Path, metavar="FILE", help="write every due date as an iCalendar (.ics) file"
    )
    d.add_argument("--lang", choices=["en", "ja"], default="en", help="language of the calendar events")
    d.set_defaults(handler=cmd_due)

    a = sub.add_parser("audit", help="the audit log")
    as_ = a.add_subparsers(dest="action", metavar="ACTION", required=True)
    vp = as_.add_parser("verify", help="check the hash chain; names the first broken event")
    vp.set_defaults(handler=cmd_audit_verify)

    u = sub.add_parser("users", help="user accounts (admin)")
    us = u.add_subparsers(dest="action", metavar="ACTION", required=True)
    up = us.add_parser("add", help="add a user (password from TRANSFER_TOOL_NEW_PASSWORD or a prompt)")
    up.add_argument("username")
    up.add_argument("--name", required=True)
    up.add_argument("--role", choices=[r.value for r in Role], required=True)
    up.set_defaults(handler=cmd_user_add)
    ul = us.add_parser("list", help="list users")
    ul.set_defaults(handler=cmd_user_list)
    ur = us.add_parser(
        "remove", help="deactivate a user for good (on PostgreSQL their database sign-in is dropped)"
    )
    ur.add_argument("username")
    ur.set_defaults(handler=cmd_user_remove)
    sr = us.add_parser("set-role", help="give a user another role")
    sr.add_argument("username")
    sr.add_argument("role", choices=[r.value for r in Role])
    sr.set_defaults(handler=cmd_user_set_role)


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.accounts import users
    from transfer_tool.runtime.bootstrap import open_database

    if ctx.config.sqlite_path is None and _dba_lacks_privileges(ctx.config.database_url):
        return 1
    db = open_database(ctx.config)
    try:
        where = ctx.config.sqlite_path or ctx.config.database_url.split("@")[-1]
        print(f"database ready: {where}")
        if args.admin:
            pw = ctx.new_password(args.admin, ENV_PASSWORD)  # as the README says: the same variable
            u = users.create_first_admin(db, args.admin, args.name or args.admin, pw)
            print(f"admin account created: {u.username}")
        elif not users.has_users(db):
            print(
                "no accounts yet: run `transfer-tool init --admin NAME` or start the app to create the admin"
            )
    finally:
        db.dispose()
    return 0


def _dba_lacks_privileges(url: str) -> bool:
    """On PostgreSQL, print what the DBA must grant this sign-in before `init` can set up the team
    database (roles, schema); True when something is missing."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError

    from transfer_tool.runtime.bootstrap import password_refused
    from transfer_tool.storage import team_roles, team_security

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            names = team_roles.role_names(str(engine.url.database or ""))
            missing = team_security.missing_privileges(conn, names)
    except OperationalError as exc:
        if password_refused(exc):
            # open_database would take this for a team client that connects at each person's sign-in,
            # set nothing up, and `init` said "database ready"
            raise StorageError(
                error_text(
                    "init connects as the database's installer, and the server asks for its password "
                    "({0}): give it in PGPASSWORD, in ~/.pgpass or in the URL.",
                    str(exc.orig).strip().splitlines()[0],
                )
            ) from None
        return False  # cannot connect: open_database says why
    finally:
        engine.dispose()
    if missing:
        print(
            "This database sign-in cannot set up the team database yet. Ask the database administrator "
            "to run:\n  " + "\n  ".join(missing),
            file=sys.stderr,
        )
    return bool(missing)


_find = teamwork.find_reference


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.register import register_search

    if args.country:  # a mistyped code (or a name: --country Japan) would list nothing, silently
        from transfer_tool.countries import store

        store.get_destination(ctx.db, args.country)
    q = register_search.TransferQuery(
        text=args.search,
        country=(args.country or "").upper(),
        status=TransferStatus(args.status) if args.status else None,
        reassessment_needed=True if args.reassessment else None,
        **teamwork.owner_filter(ctx, args),
    )
    rows = register_search.search(ctx.db, q, limit=args.limit or None)
    out = sys.stdout
    out.write(f"{'REFERENCE':<14}{'DEST':<6}{'STATUS':<11}{'EXPORTER':<28}{'IMPORTER':<28}TITLE\n")
    for r in rows:
        flag = " [re-assess]" if r.reassessment_needed else ""
        out.write(
            f"{r.reference:<14}{r.destination:<6}{r.status.value:<11}{r.exporter[:27]:<28}"
            f"{r.importer[:27]:<28}{r.title}{flag}\n"
        )
    out.write(f"{len(rows)} transfer(s)\n")
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.register import transfers

    t = transfers.get_transfer(ctx.db, _find(ctx, args.ref))
    lines = [
        f"{t.reference}  {t.title}",
        f"  status:        {t.status.value}"
        + (f" (re-assessment needed: {t.reassessment_reason})" if t.reassessment_needed else ""),
        f"  exporter:      {t.exporter_name} ({t.exporter_country}), {t.exporter_role.value}",
        f"  importer:      {t.importer_name} ({t.importer_country}), {t.importer_role.value}",
        f"  destination:   {t.destination}",
        f"  data:          {', '.join(t.data_categories)}"
        + (" + special categories" if t.special_categories else ""),
        f"  subjects:      {', '.join(t.data_subjects)}",
        f"  purposes:      {', '.join(t.purposes)}",
        f"  legal basis:   {', '.join(t.legal_bases)}",
        f"  frequency:     {t.frequency.value}" + (f", {t.volume} data subjects" if t.volume else ""),
        f"  format:        in transit {t.format_in_transit.value}, at rest {t.format_at_rest.value}, keys: {t.key_holder.value}",
        f"  storage:       {', '.join(t.storage_countries) or '-'}; remote access from {', '.join(t.remote_access_countries) or '-'}",
        f"  retention:     {t.retention or t.retention_code}",
        f"  next review:   {t.next_review or '-'}",
        f"  responsible:   {t.owner_name or 'nobody'}",
    ]
    if t.assumed:  # blank in the imported file: the default above stands in for an answer nobody gave
        lines.append(
            f"  not given:     {', '.join(t.assumed)} (assumed at import; to confirm in the assessment)"
        )
    for o in t.onward:
        lines.append(f"  onward:        {o.reference} → {o.importer_name} ({o.destination})")
    print("\n".join(lines))
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.errors import ImportRefused
    from transfer_tool.register import register_import
    from transfer_tool.register.register_columns import MAX_BYTES
    from transfer_tool.runtime.files import read_limited

    raw = read_limited(args.file, MAX_BYTES)
    if args.check:
        found = register_import.preview(raw, args.file.name, db=ctx.db)
        if not found.ok:
            raise ImportRefused(
                found.message or f"The file has {len(found.problems)} problem(s); nothing was imported.",
                found.problems,
            )
        print(f"{args.file}: {found.total} transfer(s), no problems; nothing was imported (--check)")
        return 0
    result = register_import.import_file(ctx.db, ctx.actor(), raw, args.file.name)
    print(f"imported {result.created} transfer(s) from {args.file}")
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.accounts.permissions import Actor
    from transfer_tool.register import transfer_csv
    from transfer_tool.runtime.files import write_file

    fmt = args.format or ("csv" if args.file.suffix.lower() == ".csv" else "xlsx")
    actor = Actor.system() if not args.user else ctx.actor()
    if fmt == "csv":
        text = transfer_csv.export_csv(ctx.db, actor)
        if str(args.file) == "-":
            sys.stdout.write(text)
            return 0
        write_file(args.file, text.encode("utf-8-sig"))  # as the app writes it: Excel then reads UTF-8
    else:
        if str(args.file) == "-":
            raise ToolError(
                "A workbook cannot go to standard output; give a file name such as register.xlsx."
            )
        from transfer_tool.register import transfer_xlsx  # openpyxl only for this command

        lang = getattr(args, "lang", "en")
        write_file(args.file, transfer_xlsx.export_xlsx(ctx.db, actor, lang=lang))
    print(f"exported to {args.file}")
    return 0


def cmd_due(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.accounts.permissions import Actor
    from transfer_tool.assessment import due_calendar
    from transfer_tool.runtime.files import write_file

    actor = Actor.system() if not args.user else ctx.actor()
    items = due_calendar.due_items(ctx.db, actor, cancelled=bool(args.ics))
    if args.ics:
        write_file(args.ics, due_calendar.ics_bytes(items, args.lang))
        gone = sum(i.cancelled for i in items)
        cancelled = f", {gone} no longer due (marked cancelled)" if gone else ""
        print(f"written: {args.ics} ({len(items) - gone} event(s){cancelled})")
        return 0
    for i in items:
        what = {"reevaluation": "re-evaluation", "appi_yearly_check": "APPI yearly check"}.get(
            i.kind, f"measure: {i.measure_en}"
        )
        print(f"{i.due.isoformat()}  {i.transfer_reference:<14}{what}  ({i.transfer_title})")
    print(f"{len(items)} due date(s)")
    return 0


def cmd_audit_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.records import audit

    report = audit.verify(ctx.db)
    print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
    if report.head:  # as `check` prints it: kept outside the tool, it shows a later rewrite of the log
        print(f"Head: {report.head}")
        print("(keep it outside the tool; `transfer-tool check --expect-head N:HASH` later shows a rewrite)")
    return 0 if report.ok else 1


def cmd_user_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.accounts import users
    from transfer_tool.accounts.permissions import Action, require

    actor = ctx.actor()
    require(actor, Action.MANAGE_USERS)  # before asking for a password the service would then refuse
    pw = ctx.new_password(args.username, "TRANSFER_TOOL_NEW_PASSWORD")
    u = users.create_user(ctx.db, actor, args.username, args.name, pw, Role(args.role))
    print(f"user added: {u.username} ({u.role.value})")
    return 0


def _account_id(ctx: CliContext, actor: Actor, username: str) -> int:
    from transfer_tool.accounts import users
    from transfer_tool.errors import NotFound

    for u in users.list_users(ctx.db, actor):
        if u.username == username:
            return u.id
    raise NotFound(f"No user '{username}'. `transfer-tool users list` shows them.")


def cmd_user_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.accounts import users

    actor = ctx.actor()
    u = users.remove_user(ctx.db, actor, _account_id(ctx, actor, args.username))
    print(f"user removed: {u.username} (the account stays in the audit log, deactivated)")
    return 0


def cmd_user_set_role(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.accounts import users

    actor = ctx.actor()
    u = users.update_user(ctx.db, actor, _account_id(ctx, actor, args.username), role=Role(args.role))
    print(f"role changed: {u.username} is now {u.role.value}")
    return 0


def cmd_user_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.accounts import users

    for u in users.list_users(ctx.db, ctx.actor()):
        print(f"{u.username:<20}{u.role.value:<10}{'active' if u.active else 'inactive':<10}{u.display_name}")
    return 0
