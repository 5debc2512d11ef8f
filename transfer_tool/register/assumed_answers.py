"""The answers a register import assumed: a blank cell of a column with a default (the roles, the
frequency, the forms of the data, the key holder, special categories) takes the default, and the transfer
keeps which answers nobody gave (`TransferInput.assumed`) until someone gives them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from transfer_tool.register.transfers import TransferInput
    from transfer_tool.storage.models.core import Transfer

# The answers a register import may leave blank, taking their column's default (register_columns).
ASSUMABLE = (
    "exporter_role",
    "importer_role",
    "frequency",
    "format_in_transit",
    "format_at_rest",
    "key_holder",
    "special_categories",
)


def still_assumed(stored: TransferInput | Transfer | None, data: TransferInput) -> tuple[str, ...]:
    """The answers still nobody gave once `data` is written over `stored` (None: a new transfer, from a
    register import or a copy of one that still has them): an assumption stays only while its value stays
    as it was (a value changed is a value given), and a stored transfer never takes a new one. The wizard
    applies the same rule to its unsaved input."""
    names = tuple(n for n in ASSUMABLE if n in data.assumed)
    if stored is None:
        return names
    return tuple(n for n in names if n in (stored.assumed or ()) and getattr(stored, n) == getattr(data, n))
