"""`transfers assign` (hand-over) and `transfers copy` (new from existing): a team working the register."""

from __future__ import annotations

import argparse
from typing import Any

from transfer_tool import transfers, users
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


def find_reference(ctx: CliContext, ref: str) -> int:
    ids = transfers.search_ids(ctx.db, transfers.TransferQuery(text=ref))
    for row in transfers.fetch_rows(ctx.db, ids):
        if row.reference == ref:
            return row.id
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
        return {"owner_id": users.find_person(ctx.db, args.owner).id}
    return {}


def cmd_assign(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = ctx.actor()
    owner = None if args.to == UNASSIGNED else users.find_person(ctx.db, args.to)
    ids = [find_reference(ctx, r) for r in args.refs]
    done = transfers.assign_transfers(ctx.db, actor, ids, owner.id if owner else None)
    who = owner.name if owner else "nobody"
    print(f"{len(done)} transfer(s) now with {who}: {', '.join(v.reference for v in done)}")
    return 0
