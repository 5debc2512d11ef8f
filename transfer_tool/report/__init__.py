"""The TIA report: the `ReportData` value, demo content and the PDF renderer.

The renderer (ReportLab) loads on first use of its names, so modules that need only the terminology or
the data classes (verification, the report builder) do not pay for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transfer_tool.report.data import ReportData
    from transfer_tool.report.renderer import (
        RenderedReport,
        TiaReportRenderer,
        render_report,
        render_report_with_layout,
    )

_WHERE = {
    "ReportData": "data",
    "RenderedReport": "renderer",
    "TiaReportRenderer": "renderer",
    "render_report": "renderer",
    "render_report_with_layout": "renderer",
}

__all__ = ["RenderedReport", "ReportData", "TiaReportRenderer", "render_report", "render_report_with_layout"]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"{__name__}.{name}", name=name)
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next look-up is a plain attribute
    return value
