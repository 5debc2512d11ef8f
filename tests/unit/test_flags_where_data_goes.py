"""A country-data change flags every transfer whose route it decides, not only those whose destination it is.

The pre-check judges a transfer under the EU GDPR, the UK GDPR, the FADP and the LGPD by every country the
data goes to: the destination, the importer's country, and each country where the data is stored or from
which it is accessed remotely, since storage or remote access there is a transfer to it (EDPB Guidelines
05/2021 on the interplay between Art. 3 and Chapter V, §§ 12-17; EDPB Recommendations 01/2020 § 13;
`precheck._where_data_goes`, docs/legal-notes.md "Session 15"). Under the APPI the recipient's country
decides (PPC Q&A 12-3, 12-4). A change of such a country's status flagged only the transfers whose
destination it was: a US transfer with its data stored in India stayed unflagged when India's status
changed, and the register went on stating an approval that had judged the old status.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import store
from transfer_tool.domain import AdequacyStatus
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database


def _transfer(db: Database, actor: Actor, exporter: str, importer: str, destination: str, **kw: Any) -> int:
    exp = factories.entity(db, actor, f"Exporter in {exporter}", exporter)
    imp = factories.entity(db, actor, f"Importer in {importer}", importer)
    return transfers.create_transfer(
        db, actor, factories.transfer_input(exp.id, imp.id, destination, **kw)
    ).id


def _make_adequate(db: Database, admin: Actor, code: str, regime: str) -> store.UpdateResult:
    dest = store.get_destination(db, code)
    entry = replace(dest.regimes[regime], status=AdequacyStatus.ADEQUATE, condition="")
    changed = replace(dest, regimes={**dest.regimes, regime: entry})
    return store.update_destination(
        db, admin, changed, reason="Adequacy decision adopted", expected_version=dest.version
    )


def _flagged(db: Database, ids: dict[str, int]) -> set[str]:
    return {name for name, t in ids.items() if transfers.get_transfer(db, t).reassessment_needed}


def test_an_eu_status_change_flags_transfers_storing_in_or_accessed_from_that_country(
    db: Database, admin: Actor
) -> None:
    assert store.get_destination(db, "IN").regimes["EU"].status is not AdequacyStatus.ADEQUATE
    ids = {
        "to India": _transfer(db, admin, "DE", "IN", "IN"),
        "stored in India": _transfer(db, admin, "DE", "US", "US", storage_countries=("SG", "IN")),
        "accessed from India": _transfer(db, admin, "FR", "US", "US", remote_access_countries=("IN",)),
        "importer in India": _transfer(db, admin, "DE", "IN", "US"),
        "stored in Indonesia": _transfer(db, admin, "DE", "US", "US", storage_countries=("ID",)),
        "Japanese exporter stores in India": _transfer(
            db, admin, "JP", "US", "US", storage_countries=("IN",)
        ),
    }
    assert store.transfers_affected(db, "IN", "EU") == 4  # the editor's warning counts the same transfers

    result = _make_adequate(db, admin, "IN", "EU")

    assert result.flagged == 4
    assert _flagged(db, ids) == {"to India", "stored in India", "accessed from India", "importer in India"}
    for flag in store.open_flags(db, ids["stored in India"]):
        assert (flag.destination, flag.regime) == ("IN", "EU")
        assert flag.reason.startswith("India — EU GDPR: status changed")


def test_an_appi_status_change_flags_by_the_recipients_country_not_by_storage(
    db: Database, admin: Actor
) -> None:
    ids = {
        "to India": _transfer(db, admin, "JP", "IN", "IN"),
        "recipient in India": _transfer(db, admin, "JP", "IN", "US"),
        # Storage on a server abroad that its operator does not handle is no provision to a third party in
        # a foreign country (PPC Q&A 12-3): the APPI's route does not turn on the storage country.
        "stored in India": _transfer(db, admin, "JP", "US", "US", storage_countries=("IN",)),
        "accessed from India": _transfer(db, admin, "JP", "US", "US", remote_access_countries=("IN",)),
    }
    assert store.transfers_affected(db, "IN", "JP") == 2

    result = _make_adequate(db, admin, "IN", "JP")

    assert result.flagged == 2
    assert _flagged(db, ids) == {"to India", "recipient in India"}
