"""The organisation settings (risk threshold, re-evaluation period, single-user mode, time-stamping
service, organisation name, importer sign-off): read, checked, and set by an administrator."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.assessment import workflow
from transfer_tool.errors import ConflictError, Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.register.conflicts import changed_since
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import OrgSetting


@dataclass(frozen=True)
class OrgSettings:
    """Organisation-wide settings, each stored as one OrgSetting row under its field name."""

    risk_threshold: float | None = None  # acceptable probability of prohibited access over the period
    reevaluation_months: int = workflow.DEFAULT_REEVALUATION_MONTHS
    single_user_mode: bool = False  # one person may assess and approve (the report says so)
    timestamp_url: str = ""  # RFC 3161 time-stamping service for signatures ("" = none)
    organisation_name: str = ""  # shown in the report header ("" = the exporter's name)
    # The organisation wants the importer to co-adopt each TIA: the sign-off page names its signatory.
    importer_sign_off: bool = False


_SETTING_FIELDS = tuple(f.name for f in dataclasses.fields(OrgSettings))


def _read_settings(session: Session) -> OrgSettings:
    rows = {
        r.key: r.value
        for r in session.execute(select(OrgSetting).where(OrgSetting.key.in_(_SETTING_FIELDS))).scalars()
    }
    return _settings_from(rows)


def _settings_from(rows: dict[str, Any]) -> OrgSettings:
    d = OrgSettings()
    # Values come from the database: a damaged one falls back to its default instead of breaking every call.
    threshold = rows.get("risk_threshold")
    months = rows.get("reevaluation_months")
    single = rows.get("single_user_mode")
    importer = rows.get("importer_sign_off")
    return OrgSettings(
        risk_threshold=float(threshold)
        if isinstance(threshold, int | float) and not isinstance(threshold, bool) and 0 < threshold < 1
        else d.risk_threshold,
        reevaluation_months=months
        if isinstance(months, int) and not isinstance(months, bool) and 1 <= months <= 60
        else d.reevaluation_months,
        single_user_mode=single if isinstance(single, bool) else d.single_user_mode,
        timestamp_url=str(rows.get("timestamp_url") or d.timestamp_url),
        organisation_name=str(rows.get("organisation_name") or d.organisation_name),
        importer_sign_off=importer if isinstance(importer, bool) else d.importer_sign_off,
    )


def get_org_settings(db: Database) -> OrgSettings:
    with db.read() as s:
        return _read_settings(s)


def validate_org_settings(settings: OrgSettings) -> list[Problem]:
    p: list[Problem] = []
    t = settings.risk_threshold
    if t is not None and not 0.0 < t < 1.0:
        p.append(Problem("risk_threshold", "give a probability between 0 and 1 (e.g. 0.05 for 5 %)"))
    if not 1 <= settings.reevaluation_months <= 60:
        p.append(Problem("reevaluation_months", "choose between 1 and 60 months"))
    url = settings.timestamp_url.strip()
    if url and not url.startswith(("http://", "https://")):
        p.append(
            Problem("timestamp_url", "enter the time-stamping service's http(s) address, or leave it empty")
        )
    if len(settings.organisation_name) > 300:
        p.append(Problem("organisation_name", "keep the name under 300 characters"))
    return p


def set_org_settings(
    db: Database, actor: Actor, settings: OrgSettings, *, read: OrgSettings | None = None
) -> OrgSettings:
    """Store `settings`. `read`: the settings as the caller's screen read them; then only the settings it
    changed are written, and someone else's change made since stays (two administrators on the settings
    page: the second save put back every value the first had changed, single-user mode included).
    `ConflictError` (nothing saved) when both changed the same setting to different values. Without `read`
    every setting is written as given (the demo, a script stating all of them)."""
    require(actor, Action.ORG_SETTINGS)
    settings = dataclasses.replace(
        settings,
        timestamp_url=settings.timestamp_url.strip(),
        organisation_name=settings.organisation_name.strip(),
    )
    problems = validate_org_settings(settings)
    if problems:
        raise ValidationError("The organisation settings cannot be saved.", problems)
    try:
        return _store(db, actor, settings, read)
    except (StaleDataError, IntegrityError) as exc:  # another save between this one's read and write
        raise ConflictError(
            error_text(
                "Someone else changed {0} at the same moment; nothing was saved. Reload and try again.",
                "the organisation settings",
            ),
            mine=settings,
        ) from exc


def _store(db: Database, actor: Actor, settings: OrgSettings, read: OrgSettings | None) -> OrgSettings:
    with db.unit_of_work() as s:
        stored = _read_settings(s)
        if read is not None:
            settings = _merged(stored, read, settings)
        before = dataclasses.asdict(stored)
        after = dataclasses.asdict(settings)
        for key in _SETTING_FIELDS:
            row = s.get(OrgSetting, key)
            if row is None:
                s.add(OrgSetting(key=key, value=after[key]))
            elif row.value != after[key]:
                row.value = after[key]
        s.flush()
        audit.record(s, actor, "update", "org_setting", "*", before, after)
        return _read_settings(s)


def _merged(stored: OrgSettings, read: OrgSettings, mine: OrgSettings) -> OrgSettings:
    """`mine` (changed from `read`) over `stored`: the settings the screen left as it read them take the
    stored value; a setting both changed, to different values, is a conflict."""
    values, clashes = changed_since(*(dataclasses.asdict(x) for x in (stored, read, mine)))
    if clashes:
        raise ConflictError(
            error_text(
                "Someone else changed the same organisation settings after you opened them; nothing was "
                "saved. Save again to store yours over theirs, or open the settings again to see theirs."
            ),
            mine=mine,
            theirs=stored,
        )
    return OrgSettings(**values)
