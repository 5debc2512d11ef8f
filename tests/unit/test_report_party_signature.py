"""The data importer's "Signature and date" (SCC Annex I.A) names who co-adopted the assessment for it and
when, as the sign-off says: the party's row stayed a dash (nothing filled it) under a sign-off that read
"Co-adopted by the data importer: Jennifer Morales · 2026-11-20"."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.unit.test_report_builder import _fr_us_record, _sources
from tests.unit.test_report_says_what_was_said import _pdf_text
from transfer_tool.assessment.report_builder import report_data_from
from transfer_tool.domain import AssessmentStatus
from transfer_tool.report.renderer import render_report


def _signature_rows(text: str) -> list[str]:
    return [
        " ".join(line.split()) for line in text.splitlines() if line.strip().startswith("Signature and date")
    ]


def test_the_importers_signature_row_names_its_co_adoption() -> None:
    record = _fr_us_record()
    acceptance = dataclasses.replace(
        record.acceptance, importer_signatory="Jennifer Morales", importer_signed_on=dt.date(2026, 11, 20)
    )
    sources = _sources(dataclasses.replace(record, acceptance=acceptance), AssessmentStatus.APPROVED)
    sources = dataclasses.replace(
        sources, meta=dataclasses.replace(sources.meta, importer_sign_off_wanted=True)
    )
    data = report_data_from(sources)
    assert (data.importer.signatory, data.importer.signature_date) == (
        "Jennifer Morales",
        dt.date(2026, 11, 20),
    )
    en = _pdf_text(render_report(data, "en"))
    assert "Co-adopted by the data importer Jennifer Morales · 2026-11-20" in " ".join(en.split())
    exporter_row, importer_row = _signature_rows(en)
    assert importer_row == "Signature and date Jennifer Morales · 2026-11-20", importer_row
    assert exporter_row == "Signature and date —"  # the exporter's party signs nothing here
    ja = " ".join(_pdf_text(render_report(data, "ja")).split())
    assert "署名及び日付 Jennifer Morales · 2026年11月20日" in ja
    # Nobody co-adopted yet: the row stays a dash, the sign-off says it is pending.
    plain = report_data_from(_sources(record, AssessmentStatus.APPROVED))
    assert (plain.importer.signatory, plain.importer.signature_date) == ("", None)
