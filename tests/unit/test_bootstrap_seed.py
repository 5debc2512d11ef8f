"""Start-up seeds shipped data once: later starts skip it after one read of a marker (no country store,
no shipped JSON), and an upgrade that ships new catalogue entries still adds them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import delete, func, select

from transfer_tool.catalog import shipped_catalogs
from transfer_tool.runtime.bootstrap import SEED_MARKER, open_database
from transfer_tool.runtime.config import Config
from transfer_tool.storage.models.core import CatalogEntry, OrgSetting
from transfer_tool.storage.models.countries import DestinationRecord


def _counts(url: str) -> tuple[int, int]:
    db = open_database(Config(url))
    try:
        with db.read() as s:
            catalog = int(s.scalar(select(func.count()).select_from(CatalogEntry)) or 0)
            countries = int(s.scalar(select(func.count()).select_from(DestinationRecord)) or 0)
            return catalog, countries
    finally:
        db.dispose()


def test_first_start_seeds_and_an_upgrade_with_new_catalogue_entries_adds_them(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tt.sqlite3'}"
    shipped = sum(len(items) for items in shipped_catalogs().values())
    assert _counts(url) == (shipped, 251)

    # An older version seeded without one entry the new version ships: its marker differs.
    db = open_database(Config(url))
    with db.unit_of_work() as s:
        s.execute(delete(CatalogEntry).where(CatalogEntry.id == s.scalar(select(func.max(CatalogEntry.id)))))
        s.get_one(OrgSetting, SEED_MARKER).value = "older-version"
    db.dispose()
    assert _counts(url) == (shipped, 251)


def test_a_later_start_does_not_load_the_country_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tt.sqlite3'}"
    open_database(Config(url)).dispose()
    code = (
        "import sys; from transfer_tool.runtime.bootstrap import open_database; from transfer_tool.runtime.config import Config;"
        f"open_database(Config({url!r})).dispose();"
        "print('transfer_tool.countries.store' in sys.modules, 'jsonschema' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
