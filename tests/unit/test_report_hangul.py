"""Korean prints in the TIA: the shipped sources of the Republic of Korea's laws (https://www.law.go.kr/법령/…)
and a Korean name the assessor typed were missing-glyph boxes (no bundled font had Hangul), in the PDF an
auditor relies on."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests import factories
from tests.unit.test_assessment_service import TODAY
from tests.unit.test_report_says_what_was_said import _pdf_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.register import transfers
from transfer_tool.report.renderer import render_report
from transfer_tool.storage.database import Database

KOREAN_NAME = "주식회사 한빛데이터"


def test_korean_sources_and_names_print_as_korean(db: Database, legal: Actor, tmp_path: Path) -> None:
    exporter = factories.entity(db, legal, "Net Japan Co., Ltd.", "JP")
    importer = factories.entity(db, legal, KOREAN_NAME, "KR")
    data = factories.transfer_input(exporter.id, importer.id, "KR", storage_countries=("KR",), volume=10)
    a = service.start_assessment(db, legal, transfers.create_transfer(db, legal, data).id)
    report = service.build_report_data(db, a.id, TODAY)
    for lang in ("en", "ja"):
        pdf = render_report(report, lang)
        text = re.sub(r"[ \t]+", " ", _pdf_text(pdf))
        assert "https://www.law.go.kr/법령/통신비밀보호법" in text, lang
        assert KOREAN_NAME in text, lang
        path = tmp_path / f"{lang}.pdf"
        path.write_bytes(pdf)
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        hangul = [line for line in fonts.splitlines() if "Nanum" in line]
        assert hangul and hangul[0].split()[-5:-2] == ["yes", "yes", "yes"], fonts  # embedded, subset, map
