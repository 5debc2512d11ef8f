"""Which country-data changes require transfers to be re-assessed (pure; the service applies it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from transfer_tool.countries.model import Destination, RegimeEntry
from transfer_tool.domain import AdequacyStatus
from transfer_tool.i18n.engine_text import engine_text
from transfer_tool.i18n.terminology import shipped_terminology

_FAVOURABLE = {AdequacyStatus.INSIDE, AdequacyStatus.ADEQUATE, AdequacyStatus.PARTIAL}


def status_words(status: AdequacyStatus) -> str:
    """A status as the country list writes it ("Partial", "Not adequate"), never its code (issue 18)."""
    return shipped_terminology().screen_english(f"adequacy.{status.value}", status.value)


def regime_name(code: str) -> str:
    """A regime as the country list heads its column ("EU GDPR"); an admin-added regime by its code, as there."""
    return shipped_terminology().screen_english(f"regime.{code}", code)


class ChangeKind(StrEnum):
    WITHDRAWN = "withdrawn"  # adequacy annulled, repealed or expired: now not_adequate
    GRANTED = "granted"  # was not_adequate, now adequate/partial/inside
    STATUS = "status"  # other status change (e.g. adequate -> partial)
    CONDITION = "condition"  # who is covered changed
    INSTRUMENT = "instrument"  # a new or amended decision
    RENEWAL = "renewal"  # expiry / review date moved


@dataclass(frozen=True)
class StatusChange:
    regime: str
    before: AdequacyStatus | None  # None: the regime had no entry
    after: AdequacyStatus | None
    reason: str  # English message for the notification
    kind: ChangeKind


def _status(entry: RegimeEntry | None) -> AdequacyStatus | None:
    return entry.status if entry is not None else None


def _change(regime: str, old: RegimeEntry | None, new: RegimeEntry | None) -> StatusChange | None:
    before, after = _status(old), _status(new)
    effective_before = before or AdequacyStatus.NOT_ADEQUATE
    effective_after = after or AdequacyStatus.NOT_ADEQUATE
    name = regime_name(regime)
    if effective_before != effective_after:
        was, now = status_words(effective_before), status_words(effective_after)
        reason: str
        if effective_after == AdequacyStatus.NOT_ADEQUATE:
            kind, reason = (
                ChangeKind.WITHDRAWN,
                engine_text("{0}: status changed from {1} to {2} (withdrawn or annulled)", name, was, now),
            )
        else:
            granted = effective_before == AdequacyStatus.NOT_ADEQUATE
            kind = ChangeKind.GRANTED if granted else ChangeKind.STATUS
            reason = engine_text("{0}: status changed from {1} to {2}", name, was, now)
        return StatusChange(regime, before, after, reason, kind)
    if old is None or new is None or effective_after == AdequacyStatus.NOT_ADEQUATE:
        return None
    # Typographic quotes, not '...': a quoted field is kept as written, these let a shipped text read in
    # Japanese by its catalogue entry (an admin's own text stays as typed).
    if old.condition.strip() != new.condition.strip():
        return StatusChange(
            regime,
            before,
            after,
            engine_text("{0}: condition changed to “{1}”", name, new.condition.strip()),
            ChangeKind.CONDITION,
        )
    if old.scope_limits != new.scope_limits:  # the questions that decide who the condition covers
        return StatusChange(
            regime,
            before,
            after,
            engine_text("{0}: the scope questions of the condition changed", name),
            ChangeKind.CONDITION,
        )
    if old.instrument.strip() != new.instrument.strip() or old.adopted != new.adopted:
        return StatusChange(
            regime,
            before,
            after,
            engine_text("{0}: decision or instrument now “{1}”", name, new.instrument.strip())
            if new.instrument.strip()
            else engine_text("{0}: decision or instrument removed", name),
            ChangeKind.INSTRUMENT,
        )
    if old.expires != new.expires:
        reason = (
            engine_text("{0}: expiry or review date changed to {1}", name, new.expires)
            if new.expires
            else engine_text("{0}: expiry or review date removed", name)
        )
        return StatusChange(regime, before, after, reason, ChangeKind.RENEWAL)
    return None


def status_changes(before: Destination, after: Destination) -> list[StatusChange]:
    """Per-regime changes that require re-assessment; notes, sources and verification stamps do not."""
    changes = []
    for regime in sorted(before.regimes.keys() | after.regimes.keys()):
        change = _change(regime, before.regimes.get(regime), after.regimes.get(regime))
        if change is not None:
            changes.append(change)
    return changes


def access_profile_changed(before: Destination, after: Destination) -> bool:
    """Whether a government-access law was added, removed or re-judged (step 4 of the TIA is affected)."""
    old = {law.key: law.problematic for law in before.access_laws}
    new = {law.key: law.problematic for law in after.access_laws}
    return old != new


def expired_entries(dest: Destination, today: dt.date) -> list[RegimeEntry]:
    """Favourable entries whose expiry or review date has passed (the data must be re-checked)."""
    return [
        entry
        for _, entry in sorted(dest.regimes.items())
        if entry.expires is not None and entry.expires < today and entry.status in _FAVOURABLE
    ]


@dataclass(frozen=True)
class LawChange:
    """A government-access law added, removed or re-judged: the TIA's law-and-practice step relied on it."""

    key: str
    name: str
    reason: str  # English, for the flag; an EngineText, so screens translate it by its id
    added: bool = False  # a new law: no assessment has answered it yet


def law_changes(before: Destination, after: Destination) -> list[LawChange]:
    """Each law whose assessment (problematic or not) or profile (why, what it reaches) changed, was added or
    was removed; a changed list of sources alone is not a change of the law."""
    old = {law.key: law for law in before.access_laws}
    new = {law.key: law for law in after.access_laws}
    out: list[LawChange] = []
    for key, law in new.items():
        was = old.get(key)
        if was is None:
            out.append(
                LawChange(
                    key, law.name, engine_text("{0}: added to the government-access laws", law.name), True
                )
            )
        elif was.problematic != law.problematic:
            if law.problematic:
                out.append(LawChange(key, law.name, engine_text("{0}: now judged problematic", law.name)))
            else:
                out.append(
                    LawChange(key, law.name, engine_text("{0}: no longer judged problematic", law.name))
                )
        elif (was.reason.strip(), was.scope.strip(), was.name.strip()) != (
            law.reason.strip(),
            law.scope.strip(),
            law.name.strip(),
        ):
            out.append(
                LawChange(
                    key, law.name, engine_text("{0}: its profile changed (what it reaches or why)", law.name)
                )
            )
    for key, law in old.items():
        if key not in new:
            out.append(
                LawChange(
                    key, law.name, engine_text("{0}: removed from the government-access laws", law.name)
                )
            )
    return out
