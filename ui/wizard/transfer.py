"""Step 1, the transfer itself (three pages): parties and destination; the data; how it is handled.

These pages edit the transfer in the register (`transfers.update_transfer`, or `create_transfer` for a new
one) as well as the assessment's facts, which the core derives from it. Onward transfers are transfers
with a parent (`add_onward_transfer`), added and removed here directly.

One module per page: `transfer_parties`, `transfer_data`, `transfer_handling` (with the onward
transfers' dialog); `combos` holds the combo boxes they share.
"""

from __future__ import annotations

from ui.wizard.transfer_data import DataPage
from ui.wizard.transfer_handling import HandlingPage, OnwardDialog
from ui.wizard.transfer_parties import PartiesPage

__all__ = ["DataPage", "HandlingPage", "OnwardDialog", "PartiesPage"]
