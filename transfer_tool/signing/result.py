"""What a signature check found: a plain value, apart from the checker (`signing.verify`, which loads
pyHanko) so that the process that receives it from the checking process does not load pyHanko to read it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class VerificationResult:
    signed: bool
    intact: bool
    covers_whole_file: bool
    trusted: bool
    signer_name: str = ""
    signing_time: dt.datetime | None = None
    timestamp_present: bool = False
    timestamp_valid: bool = False
    verdict: str = ""
    reasons: tuple[str, ...] = ()
    signer_fingerprint: str = ""  # SHA-256 of the signing certificate's DER encoding

    @property
    def ok(self) -> bool:
        timestamp_ok = self.timestamp_valid or not self.timestamp_present
        return self.signed and self.intact and self.covers_whole_file and self.trusted and timestamp_ok
