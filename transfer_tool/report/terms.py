"""The shared terminology list (data/terminology.json): key -> {en, ja}, and date formats per language."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from transfer_tool.paths import data_file

LANGUAGES = ("en", "ja")


@dataclass(frozen=True)
class Terminology:
    entries: dict[str, dict[str, str]]

    @classmethod
    def load(cls, path: Path | None = None) -> Terminology:
        raw = json.loads((path or data_file("terminology.json")).read_text(encoding="utf-8"))
        return cls({key: dict(value) for key, value in raw.items()})

    def get(self, key: str, lang: str, **fields: object) -> str:
        """The term in `lang`, English if that is missing; an unknown key comes back as itself so a gap shows."""
        entry = self.entries.get(key)
        if entry is None:
            return key
        text = entry.get(lang) or entry.get("en") or key
        return text.format(**fields) if fields else text

    def has(self, key: str) -> bool:
        return key in self.entries


def format_date(value: dt.date | None, lang: str) -> str:
    if value is None:
        return ""
    if lang == "ja":
        return f"{value.year}年{value.month}月{value.day}日"
    return value.isoformat()


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
