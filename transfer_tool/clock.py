"""Which date "today" is: the UTC date.

Timestamps are UTC (docs/architecture.md) and the services make the moment of a submission, an approval
or a published notice from the caller's date at the current UTC time of day (`versions._at`). A local
date (the machine's time zone) is a day ahead or behind UTC for part of every day outside UTC, and the
moment made from it was as far off: in Tokyo at 08:30 an approval stated 23:30 UTC of the same date,
fifteen hours ahead, after the return that really followed it. The due dates counted from that moment,
the notice's date and its "published on" all follow the same date.
"""

from __future__ import annotations

import datetime as dt


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)  # a name the tests replace with a clock they move


def today() -> dt.date:
    return _now().date()
