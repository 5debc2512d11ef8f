"""`transfer-tool assess`: the engine headless; JSON in, JSON out, stable codes; bad input names the field."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from tests.unit.assess_support import assess, codes, facts, one, regime
from transfer_tool.assessment.record import (
    AcceptanceItems,
    AppiConsentFacts,
    LawPracticeStep,
    ToolChoice,
    TransferFacts,
)
from transfer_tool.cli import main
from transfer_tool.paths import data_file


def test_one_transfer_gives_every_part_of_the_evaluation(tmp_path: Path) -> None:
    result = one(tmp_path, {"id": "crm", "facts": facts("FR", "US", importer_role="processor")})
    assert result["id"] == "crm" and result["destination"] == "US"
    assert set(result) >= {
        "is_transfer",
        "full_assessment_needed",
        "regimes",
        "proposed_tools",
        "warnings",
        "use_cases",
        "missing",
        "recommendation",
    }
    eu = regime(result, "EU")
    assert eu["route"] == "partial_unconfirmed" and eu["full_assessment_needed"]
    assert "condition_not_certified" in codes(eu["reasons"])
    assert [p["tool"] for p in result["proposed_tools"] if p["preferred"]] == ["eu_scc_m2"]
    assert result["use_cases"] == [6]
    assert result["recommendation"]["conclusion"] is None  # step 3 open
    assert {
        "step": 2,
        "field": "tools.EU",
        "message": "no transfer tool chosen for EU General Data Protection Regulation (GDPR)",
    } in result["missing"]


def test_a_batch_keeps_the_order_and_the_labels(tmp_path: Path) -> None:
    results = assess(
        tmp_path,
        {"id": "a", "facts": facts("DE", "FR")},
        {"id": "b", "facts": facts("DE", "JP", importer_role="controller")},
    )
    assert [r["id"] for r in results] == ["a", "b"]
    assert results[0]["is_transfer"] is False
    assert codes(results[0]["recommendation"]["reasons"]) == ["not_a_transfer"]


def test_japanese_text_beside_the_same_codes(tmp_path: Path) -> None:
    t = {"facts": facts("FR", "US")}
    en = one(tmp_path, t)
    ja = assess(tmp_path, t, lang="ja")[0]
    assert codes(regime(en, "EU")["reasons"]) == codes(regime(ja, "EU")["reasons"])
    assert regime(ja, "EU")["reasons"][0]["text"] != regime(en, "EU")["reasons"][0]["text"]


@pytest.mark.parametrize(
    ("doc", "named"),
    [
        (
            {"facts": {"exporter_country": "FR", "importer_country": "US", "frequency": "weekly"}},
            "facts.frequency",
        ),
        ({"facts": {"exporter_country": "FR"}}, "'importer_country' is a required property"),
        ({"facts": facts("FR", "US"), "colour": "red"}, "'colour' was unexpected"),
        ({"transfers": [{"facts": facts("FR", "US")}, {"facts": facts("FR", "XX")}]}, "transfers[1].facts"),
        ({"facts": facts("FR", "US"), "measures": [{"code": "x", "due": "soon"}]}, "measures[0].due"),
        ({"facts": facts("FR", "US"), "tools": [{"regime": "EU"}]}, "tools[0]"),
    ],
)
def test_bad_input_names_the_field_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: object, named: str
) -> None:
    src, out = tmp_path / "in.json", tmp_path / "out.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["assess", str(src), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert named in captured.err and captured.out == ""
    assert not out.exists() and list(tmp_path.iterdir()) == [src]


def test_not_json_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.json"
    src.write_text('{"facts": ', encoding="utf-8")
    assert main(["assess", str(src)]) == 2
    assert "line 1" in capsys.readouterr().err


def test_the_schema_names_every_field_of_the_record_it_reads() -> None:
    """The schema in data/schemas/ and the record's dataclasses stay in step (no field silently unknown)."""
    schema = json.loads(data_file("schemas/assess-input.schema.json").read_text(encoding="utf-8"))
    transfer = schema["$defs"]["transfer"]["properties"]
    assert set(transfer["facts"]["properties"]) == {f.name for f in dataclasses.fields(TransferFacts)}
    assert set(transfer["tools"]["items"]["properties"]) == {f.name for f in dataclasses.fields(ToolChoice)}
    assert set(transfer["law_practice"]["properties"]) == {
        f.name for f in dataclasses.fields(LawPracticeStep)
    }
    assert set(transfer["appi_consent"]["properties"]) == {
        f.name for f in dataclasses.fields(AppiConsentFacts)
    }
    assert set(transfer["acceptance"]["properties"]) == {f.name for f in dataclasses.fields(AcceptanceItems)}


def test_as_a_process_reading_standard_input(tmp_path: Path) -> None:
    """What a script pre-checking an inventory does: pipe JSON in, read JSON out, look at the exit status."""
    import subprocess
    import sys

    ok = subprocess.run(
        [sys.executable, "-m", "transfer_tool", "assess", "-", "--today", "2026-12-01"],
        input=json.dumps({"facts": facts("DE", "JP", importer_role="controller")}),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    result = json.loads(ok.stdout)["results"][0]
    assert regime(result, "EU")["scope_limits"][0]["limit"] == "appi_pihbo"
    bad = subprocess.run(
        [sys.executable, "-m", "transfer_tool", "assess", "-"],
        input='{"facts": {"exporter_country": "DE"}}',
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2 and bad.stdout == "" and "importer_country" in bad.stderr
