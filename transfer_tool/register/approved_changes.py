"""A transfer changed after its assessment was approved: flagged for re-assessment.

The approved version assessed the transfer as it then was (its record holds the facts it read). A later
change to what an assessment reads (the parties, the destination, the data, how it is handled) leaves the
register, the privacy notice and the calendar stating a transfer the approval never covered, so the
change flags the transfer, as a country-data change does, until a new version is approved. The app edits
a transfer from a draft's wizard pages (the draft in progress answers the change: nothing is flagged);
this catches every other way in: the service, a script, a direct edit on a team database through it.
The approved version also listed the transfer's onward transfers (the recipient, the country, the
purpose): adding one, changing what it lists or removing one flags the parent in the same way.

A version awaiting review assessed the transfer as it was submitted and is frozen: it cannot answer the
change, and its approval would clear a flag raised meanwhile. Such a change is refused (the wizard shows a
submitted version read-only for the same reason): the reviewer returns it, and the new version takes it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import AssessmentStatus
from transfer_tool.errors import Problem, ValidationError
from transfer_tool.i18n.engine_text import engine_list, engine_text, error_text, to_json
from transfer_tool.records import audit
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Transfer
from transfer_tool.storage.models.countries import ReassessmentFlag

TRANSFER_FLAG_KIND = "transfer"


class _Latest(NamedTuple):
    status: AssessmentStatus
    version_no: int


# a flag about the transfer's own details, not about the country data

# What an assessment reads of the transfer, named as a person reads it (engine.po has the Japanese). The
# title and the notes are the register's own: changing them leaves the approval as true as it was.
ASSESSED_FIELDS: Mapping[str, str] = {
    "exporter_id": "the exporter",
    "importer_id": "the importer",
    "destination": "the destination",
    "exporter_role": "the exporter's role",
    "importer_role": "the importer's role",
    "recipient_type": "the type of recipient",
    "data_categories": "the categories of personal data",
    "special_categories": "special-category data",
    "sensitive_details": "the special-category details",
    "data_subjects": "the data subjects",
    "purposes": "the purposes",
    "legal_bases": "the legal bases",
    "acquisition_routes": "how the data was obtained",
    "frequency": "the frequency",
    "volume": "the number of data subjects",
    "format_in_transit": "the format in transit",
    "format_at_rest": "the format at rest",
    "key_holder": "who holds the keys",
    "storage_countries": "the storage countries",
    "remote_access_countries": "the countries of remote access",
    "retention": "the retention period",
    "retention_code": "the retention period",
    "nature_of_processing": "the nature of the processing",
}


# What a parent's assessment reads of each of its onward transfers (transfer_facts: the recipient, the
# country, the purpose): adding, changing or removing one changes the parent's transfer as approved.
ONWARD_FIELDS = ("importer_id", "destination", "title", "purposes")
ONWARD_LABEL = "the onward transfers"


# What an assessment reads of its parties (transfer_facts): the exporter's country (which regimes apply),
# the importer's country, whether it is one of the group's companies and its certifications (the EU-U.S.
# Data Privacy Framework, APEC CBPR, BCRs: the routes that rest on them). Their names and addresses are the
# register's own, as a transfer's title is.
EXPORTER_FIELDS: Mapping[str, str] = {"country": "the exporter's country"}
IMPORTER_FIELDS: Mapping[str, str] = {
    "country": "the importer's country",
    "is_group_company": "whether the importer is a group company",
    "certifications": "the importer's certifications",
}


def changed_labels(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """The assessed details that differ, each named once, in the order a person fills them in."""
    labels = [label for name, label in ASSESSED_FIELDS.items() if before.get(name) != after.get(name)]
    return list(dict.fromkeys(labels))


def flag_if_approved(
    session: Session, actor: Actor, t: Transfer, before: Mapping[str, Any], after: Mapping[str, Any]
) -> bool:
    """Flag `t` when its latest version is approved and an assessed detail changed; True if flagged.
    Refused (ValidationError) while its latest version awaits review (see the module's description)."""
    return _flag(session, actor, t, changed_labels(before, after))


def onward_changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Whether an onward transfer's change reaches what its parent's assessment lists about it."""
    return any(before.get(name) != after.get(name) for name in ONWARD_FIELDS)


def flag_parent_if_approved(session: Session, actor: Actor, parent_id: int | None) -> bool:
    """An onward transfer was added, changed or removed: its parent's approved assessment listed the
    parent's onward transfers, so the parent is flagged (or the change refused while the parent's version
    awaits review), as a change to the parent's own details would be. True if flagged."""
    parent = session.get(Transfer, parent_id) if parent_id is not None else None
    return parent is not None and _flag(session, actor, parent, [ONWARD_LABEL])


def flag_party_change(
    session: Session, actor: Actor, entity_id: int, before: Mapping[str, Any], after: Mapping[str, Any]
) -> int:
    """A party's details that assessments read changed: every transfer naming it as the exporter or the
    importer whose latest version is approved is flagged (the change is refused while one awaits review).
    How many were flagged."""
    exporter = [label for name, label in EXPORTER_FIELDS.items() if before.get(name) != after.get(name)]
    importer = [label for name, label in IMPORTER_FIELDS.items() if before.get(name) != after.get(name)]
    if not exporter and not importer:
        return 0
    named = session.scalars(
        select(Transfer)
        .where((Transfer.exporter_id == entity_id) | (Transfer.importer_id == entity_id))
        .order_by(Transfer.reference)
    ).all()
    if not named:
        return 0
    ids = [t.id for t in named]  # an entity may name hundreds of transfers: read in one statement each
    latest, still_open = latest_versions(session, ids), _open_reasons(session, ids)
    read = [
        (
            t,
            (exporter if t.exporter_id == entity_id else [])
            + (importer if t.importer_id == entity_id else []),
        )
        for t in named
    ]
    _refuse_in_review(str(before.get("name", "")), read, latest)
    return sum(_flag(session, actor, t, labels, latest, still_open) for t, labels in read)


def _refuse_in_review(
    name: str,
    read: list[tuple[Transfer, list[str]]],
    latest: Mapping[int, tuple[AssessmentStatus, int]],
) -> None:
    """A party's change is refused naming every transfer whose version awaiting review read it (the entity
    is changed again on its own screen once they are returned, not in a new version)."""
    waiting = [
        Problem(
            "",
            error_text(
                "{0} version {1}: {2}",
                t.reference,
                latest[t.id][1],
                engine_list(", ", [engine_text(label) for label in labels]),
            ),
        )
        for t, labels in read
        if labels and t.id in latest and latest[t.id][0] is AssessmentStatus.SUBMITTED
    ]
    if waiting:
        raise ValidationError(
            error_text(
                "{0} cannot change now: the transfers below name it, and their versions awaiting review "
                "assessed them with it as it was when submitted; nothing was saved. Ask the reviewer to "
                "return them with comments, then change {0} again.",
                name,
            ),
            waiting,
        )


def latest_versions(session: Session, transfer_ids: list[int]) -> dict[int, tuple[AssessmentStatus, int]]:
    """Each transfer's latest version (status, number), in one statement for any number of transfers."""
    newest = (
        select(Assessment.transfer_id, func.max(Assessment.version_no).label("version_no"))
        .where(Assessment.transfer_id.in_(transfer_ids))
        .group_by(Assessment.transfer_id)
        .subquery()
    )
    rows = session.execute(
        select(Assessment.transfer_id, Assessment.status, Assessment.version_no).join(
            newest,
            (newest.c.transfer_id == Assessment.transfer_id) & (newest.c.version_no == Assessment.version_no),
        )
    ).all()
    return {tid: (status, no) for tid, status, no in rows}


def refusal(reference: str, version_no: int, labels: list[str]) -> str:
    """Why a change to `labels` of the transfer `reference` is refused while its version awaits review."""
    return error_text(
        "{0} version {1} is awaiting review and assessed the transfer as it was when submitted, so "
        "{2} cannot change now; nothing was saved. Ask the reviewer to return it with comments, "
        "then change the transfer in the new version.",
        reference,
        version_no,
        engine_list(", ", [engine_text(label) for label in labels]),
    )


def _open_reasons(session: Session, transfer_ids: list[int]) -> set[tuple[int, str]]:
    """The reasons of the transfers' open flags about their own details, in one statement."""
    rows = session.execute(
        select(ReassessmentFlag.transfer_id, ReassessmentFlag.reason).where(
            ReassessmentFlag.transfer_id.in_(transfer_ids),
            ReassessmentFlag.kind == TRANSFER_FLAG_KIND,
            ReassessmentFlag.cleared_at.is_(None),
        )
    ).all()
    return {(tid, reason) for tid, reason in rows}


def _flag(
    session: Session,
    actor: Actor,
    t: Transfer,
    labels: list[str],
    versions: Mapping[int, tuple[AssessmentStatus, int]] | None = None,
    open_reasons: Collection[tuple[int, str]] | None = None,
) -> bool:
    if not labels:
        return False
    if versions is None:
        versions = latest_versions(session, [t.id])
    found = versions.get(t.id)
    latest = None if found is None else _Latest(*found)
    named = engine_list(", ", [engine_text(label) for label in labels])
    if latest is not None and latest.status is AssessmentStatus.SUBMITTED:
        raise ValidationError(refusal(t.reference, latest.version_no, labels))
    if latest is None or latest.status is not AssessmentStatus.APPROVED:
        return False  # nothing approved yet, or a version in progress that answers the change
    text = engine_text(
        "Changed after its assessment was approved: {0}. A new version assesses the transfer as it now is.",
        named,
    )
    if open_reasons is None:
        open_reasons = _open_reasons(session, [t.id])
    if (t.id, text) in open_reasons and t.reassessment_needed:
        return False  # flagged for this already (two sub-recipients added): one line says it
    message = to_json(text)
    session.add(
        ReassessmentFlag(
            transfer_id=t.id,
            destination=t.destination,
            regime="",
            kind=TRANSFER_FLAG_KIND,
            reason=text,
            reason_message=message,
        )
    )
    t.reassessment_needed = True
    t.reassessment_reason = text
    t.reassessment_message = message
    audit.record(
        session,
        actor,
        "flag_reassessment",
        "transfer",
        t.id,
        None,
        {"kind": TRANSFER_FLAG_KIND, "reason": text, "transfers": 1},
    )
    return True
