"""Date, time and percentage formats of the report; the terminology list lives in transfer_tool.i18n.terminology
(re-exported here for the report's modules)."""

from __future__ import annotations

import datetime as dt

from transfer_tool.i18n.dates import long_date
from transfer_tool.i18n.terminology import LANGUAGES, Terminology

__all__ = ["LANGUAGES", "Terminology", "format_date", "format_datetime", "format_percent"]


def format_date(value: dt.date | None, lang: str) -> str:
    return long_date(value, lang) if value is not None else ""


def reevaluation_text(terms: Terminology, date: dt.date | None, months: int | None, lang: str) -> str:
    """The re-evaluation date; before approval, when approval will set it ("12 months after approval", as the
    wizard's conclusion step says: a reviewer reading the draft saw "—")."""
    if date is not None:
        return format_date(date, lang)
    if not months:
        return ""
    return (
        terms.get("doc.reevaluation_after_one", lang)
        if months == 1
        else terms.get("doc.reevaluation_after", lang, months=months)
    )


def format_datetime(value: dt.datetime, lang: str) -> str:
    """A moment as the report prints it: in UTC, as the tool keeps it, and saying so. Printed bare, 23:30
    of an approval made at 08:30 in Tokyo read as half past eleven at night in Tokyo."""
    utc = value.astimezone(dt.UTC) if value.tzinfo is not None else value
    return f"{format_date(utc.date(), lang)} {utc:%H:%M}\u00a0UTC"  # the time and its zone stay together


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
