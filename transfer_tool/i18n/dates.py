"""Dates as a reader of each language writes them: ISO 8601 in English (the report's and the notice's
convention), the language's long form from Babel's CLDR data otherwise (Japanese: 2026年12月1日)."""

from __future__ import annotations

import datetime as dt


def long_date(value: dt.date, lang: str) -> str:
    if lang == "en":
        return value.isoformat()
    from babel.dates import format_date  # 18 ms of import, only when a date is written in another language

    return format_date(value, "long", locale=lang)
