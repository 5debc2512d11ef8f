"""The TIA report: the `ReportData` value, demo content and the PDF renderer."""

from transfer_tool.report.data import ReportData
from transfer_tool.report.renderer import (
    RenderedReport,
    TiaReportRenderer,
    render_report,
    render_report_with_layout,
)

__all__ = ["RenderedReport", "ReportData", "TiaReportRenderer", "render_report", "render_report_with_layout"]
