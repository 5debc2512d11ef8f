"""What the report commands' parsers (`cli/reports.py`) and handlers (`cli/reports_impl.py`) share, in a
module of its own so neither imports the other."""

from __future__ import annotations

ENV_SIGNING_PASSPHRASE = "TRANSFER_TOOL_SIGNING_PASSPHRASE"
LANGS = ("en", "ja")
