"""`transfers assign` (hand-over) and `transfers copy` (new from existing): a team working the register."""

from __future__ import annotations

import argparse
from typing import Any

from transfer_tool.cli.context import CliContext
from transfer_tool.errors import ToolError

UNASSIGNED = "nobody"


def register_transfer_actions(ts: Any) -> None:
    """Add the team commands to `transfer-tool transfers`."""
    ap = ts.add_parser(
        "assign",
        help="hand transfers over to another responsible person (admin or manager; all or none)",
    )
    ap.add_argument("refs", nargs="+", metavar="REF", help="references (TR-000001) or ids")
    ap.add_argument(
        "--to",
        required=True,
        metavar="USER",
        help=f"the new responsible person's user name ({UNASSIGNED}: none)",
    )
    ap.set_defaults(handler=cmd_assign)
    cp = ts.add_parser(
        "copy",
        help="a new transfer from an existing one, with a draft assessment to confirm",
        description="Copies the register data, the onward transfers and the assessor's answers (tools, "
        "law and practice, measures, evidence links) of the approved (else latest) version into a new "
        "draft. Every copied answer is marked 'copied from REF version n' until confirmed in the wizard; "
        "a tool of a regime the new exporter is not under is left behind.",
    )
    cp.add_argument("ref", metavar="REF", help="the transfer to copy: reference (TR-000001) or id")
    cp.add_argument("--exporter", type=int, metavar="ID", help="another exporter (entity id)")
    cp.add_argument("--importer", type=int, metavar="ID", help="another importer (entity id)")
    cp.set_defaults(handler=cmd_copy)
    rp = ts.add_parser(
        "reassess",
        help="start new versions for transfers flagged for re-assessment (each all or nothing)",
        description="Each transfer gets a new draft version pre-filled from its approved version; what the "
        "country-data change touched is reset (a changed status: the tool) or marked to confirm. "
        "Ctrl+C stops after the transfer in hand: those started are complete, the rest untouched.",
    )
    which = rp.add_mutually_exclusive_group(required=True)
    which.add_argument("--flagged", action="store_true", help="every transfer flagged for re-assessment")
    which.add_argument("refs", nargs="*", metavar="REF", default=[], help="these transfers")
    rp.set_defaults(handler=cmd_reassess)


def find_reference(ctx: CliContext, ref: str) -> int:
    from transfer_tool.register import transfers  # the database layer only when a handler runs

    transfer_id = transfers.find_by_reference(ctx.db, ref)
    if transfer_id is not None:
        return transfer_id
    if ref.isdigit():
        return int(ref)
    raise ToolError(f"No transfer with reference '{ref}'. Try `transfer-tool transfers list --search {ref}`.")


def owner_filter(ctx: CliContext, args: argparse.Namespace) -> dict[str, Any]:
    """The `list` command's --mine / --unassigned / --owner as TransferQuery fields."""
    if args.unassigned:
        return {"unassigned": True}
    if args.mine:
        return {"owner_id": ctx.actor().user_id}
    if args.owner:
        from transfer_tool.accounts import users  # accounts only when a person is named

        return {"owner_id": users.find_person(ctx.db, args.owner).id}
    return {}


def cmd_assign(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.accounts import users
    from transfer_tool.register import transfers  # the database layer only when a handler runs

    actor = ctx.actor()
    owner = None if args.to == UNASSIGNED else users.find_person(ctx.db, args.to)
    ids = [find_reference(ctx, r) for r in args.refs]
    done = transfers.assign_transfers(ctx.db, actor, ids, owner.id if owner else None)
    who = owner.name if owner else "nobody"
    print(f"{len(done)} transfer(s) now with {who}: {', '.join(v.reference for v in done)}")
    return 0


def cmd_copy(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.assessment import copying
    from transfer_tool.assessment.derivation import copied_items
    from transfer_tool.assessment.service import get_assessment
    from transfer_tool.countries import store as country_store

    actor = ctx.actor()
    out = copying.copy_transfer(
        ctx.db, actor, find_reference(ctx, args.ref), exporter_id=args.exporter, importer_id=args.importer
    )
    names = {r.code: r.name_en for r in country_store.dataset(ctx.db).regimes.values()}
    t = out.transfer
    print(
        f"created {t.reference} ({t.exporter_name} → {t.importer_name}, {t.destination}) with a draft assessment"
    )
    for o in t.onward:
        print(f"  onward: {o.reference} → {o.importer_name} ({o.destination})")
    if out.derived_from is None:
        print(f"{args.ref} had no assessment to copy: the draft starts empty")
        return 0
    record = get_assessment(ctx.db, out.assessment_id).record
    for item in copied_items(record, names):
        print(f"  to confirm (step {item.step}): {item.message}")
    for code in out.left_behind:
        print(
            f"  not copied: the transfer tool for {names.get(code, code)} (the new exporter is not under it)"
        )
    if out.evidence_linked:
        print(f"  {out.evidence_linked} evidence file(s) linked")
    return 0


def cmd_reassess(args: argparse.Namespace, ctx: CliContext) -> int:
    from transfer_tool.assessment import reassessment

    actor = ctx.actor()
    if args.flagged:
        ids = reassessment.flagged_transfer_ids(ctx.db)
    else:
        ids = [find_reference(ctx, r) for r in args.refs]
    started = 0
    for tid in ids:
        try:
            out = reassessment.start_reassessment(ctx.db, actor, tid)
        except KeyboardInterrupt:
            print(f"stopped: {started} new version(s) started, {len(ids) - started} transfer(s) untouched")
            return 130
        if out.result == reassessment.STARTED:
            started += 1
            print(f"{out.reference}: new version started")
        else:
            print(f"{out.reference or tid}: skipped, {out.result}")
    print(f"{started} new version(s) started of {len(ids)} transfer(s)")
    return 0
