"""What changed in the notice since the one last published: the entries compared, and said in one line."""

from __future__ import annotations

from collections.abc import Sequence

from transfer_tool.i18n.terminology import Terminology
from transfer_tool.notice.model import NoticeDiff, NoticeEntry


def diff_entries(old: Sequence[NoticeEntry], new: Sequence[NoticeEntry]) -> NoticeDiff:
    before = {e.reference: e for e in old}
    after = {e.reference: e for e in new}
    old_dest = {e.destination for e in old}
    new_dest = {e.destination for e in new}
    common = sorted(set(before) & set(after))

    def info(e: NoticeEntry) -> tuple[object, ...]:
        return (e.status, e.instrument, e.condition, e.appi.system if e.appi else ())

    return NoticeDiff(
        destinations_added=tuple(sorted(new_dest - old_dest)),
        destinations_removed=tuple(sorted(old_dest - new_dest)),
        transfers_added=tuple(sorted(set(after) - set(before))),
        transfers_removed=tuple(sorted(set(before) - set(after))),
        routes_changed=tuple(r for r in common if before[r].tool != after[r].tool),
        countries_changed=tuple(r for r in common if before[r].destination != after[r].destination),
        country_info_changed=tuple(
            r
            for r in common
            if before[r].destination == after[r].destination and info(before[r]) != info(after[r])
        ),
        recipients_changed=tuple(
            r
            for r in common
            if (before[r].recipient_mode, before[r].recipient_name, before[r].recipient_type)
            != (after[r].recipient_mode, after[r].recipient_name, after[r].recipient_type)
        ),
    )


_DIFF_PARTS = (
    ("destinations_added", "notice.diff.destinations_added"),
    ("destinations_removed", "notice.diff.destinations_removed"),
    ("transfers_added", "notice.diff.transfers_added"),
    ("transfers_removed", "notice.diff.transfers_removed"),
    ("routes_changed", "notice.diff.routes_changed"),
    ("countries_changed", "notice.diff.countries_changed"),
    ("country_info_changed", "notice.diff.country_info_changed"),
    ("recipients_changed", "notice.diff.recipients_changed"),
)


def describe_diff(diff: NoticeDiff | None, terms: Terminology, lang: str, published: str = "") -> str:
    """One line: "Since the last published notice (date): +2 destinations, 1 route changed"."""
    if diff is None:
        return terms.get("notice.diff.first", lang)
    if diff.empty:
        return terms.get("notice.diff.none", lang, date=published)
    sep = "、" if lang == "ja" else ", "
    parts = []
    for name, key in _DIFF_PARTS:
        n = len(getattr(diff, name))
        if n:
            parts.append(terms.get(f"{key}.one" if n == 1 and terms.has(f"{key}.one") else key, lang, n=n))
    return terms.get("notice.diff.summary", lang, date=published, changes=sep.join(parts))
