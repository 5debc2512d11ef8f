"""Commands: countries list/show/search/export/import/history/impact (the country data admins maintain)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from transfer_tool import clock
from transfer_tool.cli.context import CliContext
from transfer_tool.domain import AdequacyStatus
from transfer_tool.errors import ToolError

if TYPE_CHECKING:  # the handlers import the store (and with it the database layer) when they run
    from transfer_tool.countries.diff import FieldChange
    from transfer_tool.countries.model import AppiInfo, Destination, Regime, RegimeEntry

UNVERIFIED = "UNVERIFIED"

# A gloss after the status value, so "not_adequate" reads as "not recognised" under every regime
# (the APPI speaks of countries the PPC recognises, the GDPR of adequacy decisions).
_STATUS_GLOSS = {
    AdequacyStatus.INSIDE: "within the regime's own area",
    AdequacyStatus.ADEQUATE: "recognised as adequate",
    AdequacyStatus.PARTIAL: "recognised for some recipients only",
    AdequacyStatus.NOT_ADEQUATE: "not recognised",
}


def register(sub: Any) -> None:
    c = sub.add_parser("countries", help="country data: status per regime, government access, APPI items")
    cs = c.add_subparsers(dest="action", metavar="ACTION", required=True)

    lp = cs.add_parser("list", help="every destination with its status under each regime")
    lp.set_defaults(handler=cmd_list)

    rp = cs.add_parser(
        "regimes", help="the regimes and the exporter countries each governs (admins may edit)"
    )
    rp.add_argument("code", nargs="?", help="a regime to change, e.g. JP")
    rp.add_argument("--exporters", metavar="CODES", help="comma-separated exporter countries it governs")
    rp.add_argument("--reason", default="", help="why the mapping changes (required with --exporters)")
    rp.set_defaults(handler=cmd_regimes)

    sp = cs.add_parser("show", help="one destination in full")
    sp.add_argument("code", help="country code, e.g. US")
    sp.set_defaults(handler=cmd_show)

    fp = cs.add_parser("search", help="find destinations by English or Japanese name, code or alias")
    fp.add_argument("text")
    fp.set_defaults(handler=cmd_search)

    ep = cs.add_parser("export", help="write the country data as JSON (the import format)")
    ep.add_argument("file", type=Path, help="output file, or - for standard output")
    ep.set_defaults(handler=cmd_export)

    ip = cs.add_parser("import", help="import country data (admin; all changes or none)")
    ip.add_argument("file", type=Path)
    ip.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    ip.add_argument("--reason", default="", help="why the data changes (kept in each destination's history)")
    ip.set_defaults(handler=cmd_import)

    hp = cs.add_parser("history", help="the versions of one destination's data")
    hp.add_argument("code")
    hp.add_argument(
        "--diff", nargs=2, type=int, metavar=("A", "B"), help="show what changed from version A to B"
    )
    hp.set_defaults(handler=cmd_history)

    mp = cs.add_parser("impact", help="transfers flagged for re-assessment because country data changed")
    mp.add_argument(
        "--check-expiries",
        action="store_true",
        help="first flag the transfers to, storing in or accessed from a country whose decision has expired (admin)",
    )
    mp.add_argument("--on", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="date of the expiry check")
    mp.set_defaults(handler=cmd_impact)


def _status_text(entry: RegimeEntry) -> str:
    return f"{entry.status.value} ({_STATUS_GLOSS[entry.status]})"


def _or_dash(value: object) -> str:
    return str(value) if value not in (None, "") else "-"


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.countries import store

    destinations = store.list_destinations(ctx.db)
    regime_codes = sorted(store.regimes(ctx.db))
    out = sys.stdout
    out.write(f"{'CODE':<6}{'NAME':<42}" + "".join(f"{r:<14}" for r in regime_codes) + "VERSION\n")
    for d in destinations:
        statuses = "".join(f"{d.regimes[r].status.value:<14}" for r in regime_codes if r in d.regimes)
        out.write(f"{d.code:<6}{d.name_en[:41]:<42}{statuses}v{d.version}\n")
    out.write(f"{len(destinations)} destination(s), country data {store.dataset_version(ctx.db)}\n")
    return 0


def _entry_lines(entry: RegimeEntry, regime: Regime | None) -> list[str]:
    title = f"{regime.name_en}" if regime else entry.regime
    lines = [f"  {entry.regime:<4}{_status_text(entry)}  [{title}]"]
    if entry.condition:
        lines.append(f"      condition:  {entry.condition}")
    if entry.instrument:
        lines.append(f"      instrument: {entry.instrument}")
    if entry.adopted or entry.expires:
        lines.append(f"      adopted: {_or_dash(entry.adopted)}   expires/review: {_or_dash(entry.expires)}")
    if entry.in_force and entry.in_force != entry.adopted:
        lines.append(f"      in force:   {entry.in_force}")
    lines.append(f"      source:     {_or_dash(entry.source_url)}")
    if entry.notes:
        lines.append(f"      notes:      {entry.notes}")
    if entry.checked:
        lines.append(f"      verified:   {_or_dash(entry.last_verified)}")
    else:
        lines.append(f"      {UNVERIFIED}: check this entry against its source before relying on it")
    return lines


def _appi_lines(info: AppiInfo) -> list[str]:
    from transfer_tool.countries import oecd

    mark = f"  [{UNVERIFIED}: check against the PPC's information before giving it to data subjects]"
    lines = ["APPI information (Art. 28(2), PPC Rule 17)" + ("" if info.verified else mark)]
    system = {True: "yes", False: "no", None: "unknown"}[info.has_protection_system]
    lines.append(
        f"  protection system:       {system}" + (f" - {info.system_summary}" if info.system_summary else "")
    )
    covered = info.oecd_principles_covered
    lines.append(f"  OECD principles covered: {len(covered)}/8 ({oecd.english_names(covered) or 'none'})")
    lines.append(f"  gaps:                    {_or_dash(info.oecd_gaps)}")
    lines.append(f"  CBPR:                    {_or_dash(info.cbpr)}")
    lines.append(f"  localisation duties:     {_or_dash(info.localisation_duties)}")
    lines.append(f"  government cooperation:  {_or_dash(info.government_cooperation_duties)}")
    for src in info.sources:
        lines.append(f"  source:                  {src}")
    return lines


def _show_lines(d: Destination, regimes: dict[str, Regime]) -> list[str]:
    lines = [
        f"{d.code}  {d.name_en}",
        f"    {d.name_ja}",
        f"    {d.kind}, country data version {d.version}",
        "",
    ]
    lines.append("Status by regime")
    for code, entry in sorted(d.regimes.items()):
        lines.extend(_entry_lines(entry, regimes.get(code)))
    lines.append("")
    lines.append("Government access laws")
    if not d.access_laws:
        lines.append("  none recorded")
    for law in d.access_laws:
        verdict = "PROBLEMATIC" if law.problematic else "not problematic"
        lines.append(f"  {law.name}: {verdict}")
        if law.scope:
            lines.append(f"      reaches:  {law.scope}")
        lines.append(f"      why:      {law.reason}")
        for src in law.sources:
            lines.append(f"      source:   {src}")
    lines.append("")
    if d.appi is None:
        lines.append("APPI information: none recorded")
    else:
        lines.extend(_appi_lines(d.appi))
    return lines


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.countries import store

    d = store.get_destination(ctx.db, args.code)
    print("\n".join(_show_lines(d, store.regimes(ctx.db))))
    return 0


def cmd_search(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.countries import store

    hits = store.search(args.text)
    if not hits:
        raise ToolError(
            f"No destination matches '{args.text}'. Try an English or Japanese name or an ISO code."
        )
    for h in hits:
        matched = "" if h.matched in (h.code, h.name_en, h.name_ja) else f"  (matched '{h.matched}')"
        print(f"{h.code:<5}{h.name_en}  {h.name_ja}{matched}")
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.countries import store

    raw = store.export_document(ctx.db)
    if str(args.file) == "-":
        sys.stdout.write(raw.decode("utf-8") + "\n")
        return 0
    try:
        args.file.write_bytes(raw)
    except OSError as exc:
        raise ToolError(f"Cannot write {args.file}: {exc.strerror}.") from exc
    print(f"exported {len(store.list_destinations(ctx.db))} destinations to {args.file}")
    return 0


def _change_line(c: FieldChange) -> str:
    return f"    {c.path}: {c.before!r} -> {c.after!r}"


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.countries import store

    try:
        raw = args.file.read_bytes()
    except OSError as exc:
        raise ToolError(f"Cannot read {args.file}: {exc.strerror}.") from exc
    actor = ctx.actor()
    preview = store.import_document(ctx.db, actor, raw, dry_run=args.dry_run, reason=args.reason)
    for code in preview.changed_destinations:
        changes = preview.changes[code]
        print(f"{code}: {len(changes)} change(s)")
        print("\n".join(_change_line(c) for c in changes))
        for sc in preview.status_changes.get(code, []):
            print(f"    re-assessment needed: {sc.reason}")
    n = len(preview.changed_destinations)
    if n == 0:
        print(f"no changes: {args.file} matches the country data in the database")
    elif args.dry_run:
        print(f"dry run: {n} destination(s) would change; nothing was written")
    else:
        print(
            f"imported: {n} destination(s) changed, {preview.flagged} transfer(s) flagged for re-assessment "
            f"(country data {preview.dataset_version})"
        )
    return 0


def cmd_regimes(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.countries import store

    if args.exporters is not None:
        if not args.code:
            print(
                "error: name the regime to change, e.g. `countries regimes JP --exporters JP`",
                file=sys.stderr,
            )
            return 2
        store.update_regime(
            ctx.db, ctx.actor(), args.code, exporter_countries=args.exporters.split(","), reason=args.reason
        )
    for code, regime in sorted(store.regimes(ctx.db).items()):
        if args.code and code != args.code.upper():
            continue
        print(f"{code:<4}{regime.name_en} / {regime.name_ja}")
        print(f"    governs exporters in: {', '.join(sorted(regime.exporter_countries)) or '-'}")
        print(f"    own area: {', '.join(sorted(regime.home_area)) or '-'}")
    return 0


def cmd_history(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.countries import store

    code = args.code.upper()
    if args.diff:
        a, b = args.diff
        changes = store.diff_versions(ctx.db, code, a, b)
        print(f"{code}: version {a} -> {b}: {len(changes)} change(s)")
        print("\n".join(_change_line(c) for c in changes))
        return 0
    for v in store.history(ctx.db, code):
        when = v.changed_at.strftime("%Y-%m-%d %H:%M UTC")
        print(f"v{v.version:<4}{when}  {v.changed_by:<16}{v.reason}")
    return 0


def cmd_impact(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.countries import store

    if args.check_expiries:
        actor = ctx.actor()
        today = args.on or clock.today()
        n = store.check_expiries(ctx.db, actor, today)
        print(f"expiry check on {today.isoformat()}: {n} transfer(s) newly flagged")
    flags = store.open_flags(ctx.db)
    if not flags:
        print("no transfers await re-assessment because of country data")
        return 0
    for f in flags:
        print(f"{f.reference:<14}{f.destination:<5}{f.regime:<5}{f.kind:<11}{f.reason}")
    print(f"{len(flags)} open re-assessment flag(s)")
    return 0
