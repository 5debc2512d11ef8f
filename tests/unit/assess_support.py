"""Running `transfer-tool assess` in-process for scenario tests: a transfer as a dict in, the result out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from transfer_tool.cli import main

TODAY = "2026-12-01"


def assess(tmp_path: Path, *transfers: dict[str, Any], lang: str = "en") -> list[dict[str, Any]]:
    """Run the command over the transfers (a batch when more than one); the results, in order."""
    src = tmp_path / "in.json"
    out = tmp_path / "out.json"
    doc: Any = transfers[0] if len(transfers) == 1 else {"transfers": list(transfers)}
    src.write_text(json.dumps(doc), encoding="utf-8")
    code = main(["assess", str(src), "-o", str(out), "--today", TODAY, "--lang", lang])
    assert code == 0, f"assess exited {code}"
    results: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))["results"]
    return results


def one(tmp_path: Path, transfer: dict[str, Any]) -> dict[str, Any]:
    return assess(tmp_path, transfer)[0]


def regime(result: dict[str, Any], code: str) -> dict[str, Any]:
    return next(r for r in result["regimes"] if r["regime"] == code)


def codes(items: list[dict[str, Any]]) -> list[str]:
    return [i["code"] for i in items]


def warning_codes(result: dict[str, Any], *, blocking: bool | None = None) -> list[str]:
    return [w["code"] for w in result["warnings"] if blocking is None or w["blocks_submission"] is blocking]


def facts(exporter: str, importer: str, **more: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "exporter_country": exporter,
        "importer_country": importer,
        "data_subjects_count": 500,
        "data_categories": ["customer_contact"],
    }
    base.update(more)
    return base
