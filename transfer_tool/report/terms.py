"""Date, time and percentage formats of the report; the terminology list lives in transfer_tool.i18n.terminology
(re-exported here for the report's modules)."""

from __future__ import annotations

import datetime as dt

from transfer_tool.i18n.dates import long_date
from transfer_tool.i18n.terminology import LANGUAGES, Terminology

__all__ = ["LANGUAGES", "Terminology", "format_date", "format_datetime", "format_percent"]


def format_date(value: dt.date | None, lang: str) -> str:
    return long_date(value, lang) if value is not None else ""


def format_datetime(value: dt.datetime, lang: str) -> str:
    return f"{format_date(value.date(), lang)} {value:%H:%M}"


def format_percent(value: float) -> str:
    """Probabilities as people read them: 50 %, 2.5 %, 0.25 %, < 0.01 %."""
    pct = value * 100
    if pct == 0:
        return "0 %"
    if pct < 0.01:
        return "< 0.01 %"
    if pct >= 10:
        return f"{pct:.0f} %"
    return f"{pct:.2g} %"
