"""The demo's two signed reports state the approval's moment in their signature stamps, as the stored
approval does: the Japanese copy was signed with the clock read again (pyHanko's "now"), so with the
demo's date given its stamp said another day than the approval it shows, and at a minute's edge another
minute (found in session 12's review)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from transfer_tool.assessment import service
from transfer_tool.demo import build_demo
from transfer_tool.storage.database import Database

DAY = dt.date(2026, 1, 5)  # not the day the test runs: a stamp that reads the clock says another one


def _stamp(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    # The stamp's "Date: …" line (the report's review history states its moments in UTC too, in a table).
    (moment,) = re.findall(r": (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC", text)
    return str(moment)


def test_both_stamps_state_the_stored_approvals_moment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRANSFER_TOOL_DATA_DIR", str(tmp_path / "home"))
    built = build_demo(tmp_path / "out", today=DAY)
    db = Database(built.database_url)
    try:
        approved_at = service.get_assessment(db, built.assessment_id).approved_at
    finally:
        db.dispose()
    assert approved_at is not None and approved_at.date() == DAY
    stated = f"{approved_at.astimezone(dt.UTC):%Y-%m-%d %H:%M}"
    assert (_stamp(built.pdf_en), _stamp(built.pdf_ja)) == (stated, stated)
