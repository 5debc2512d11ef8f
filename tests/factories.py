"""Small builders for test data (real services, real database)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import PartyRole
from transfer_tool.register import entities, transfers
from transfer_tool.storage.database import Database


def entity(
    db: Database, actor: Actor, name: str = "Net Japan Co., Ltd.", country: str = "JP", **kw: Any
) -> entities.EntityView:
    return entities.create_entity(db, actor, entities.EntityInput(name=name, country=country, **kw))


def transfer_input(
    exporter_id: int, importer_id: int, destination: str = "US", **kw: Any
) -> transfers.TransferInput:
    base = transfers.TransferInput(
        exporter_id=exporter_id,
        importer_id=importer_id,
        destination=destination,
        exporter_role=PartyRole.CONTROLLER,
        importer_role=PartyRole.PROCESSOR,
        title="Customer support platform",
        recipient_type="subcontractor",
        data_categories=("contact", "financial"),
        data_subjects=("customers",),
        purposes=("respond_requests",),
        legal_bases=("contract",),
        retention="Contract term plus 1 year",
    )
    return replace(base, **kw)


def transfer(db: Database, actor: Actor, destination: str = "US", **kw: Any) -> transfers.TransferView:
    exp = entity(db, actor, "Net Japan Co., Ltd.", "JP", is_group_company=True)
    imp = entity(db, actor, f"Importer in {destination}", destination)
    return transfers.create_transfer(db, actor, transfer_input(exp.id, imp.id, destination, **kw))
