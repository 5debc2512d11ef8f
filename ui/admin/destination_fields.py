"""What the destination editor's tabs share: the names of a destination's fields as people read them,
where a problem's location points (`destinations[US].regimes.EU.condition` → "EU GDPR — Condition (who is
covered)"), dates as typed, and a form in a scroll area."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QScrollArea, QWidget

from transfer_tool.errors import Problem
from ui.i18n import regime_short_name

REGIME_FIELDS = (
    "status",
    "condition",
    "instrument",
    "adopted",
    "expires",
    "source_url",
    "notes",
    "verified",
    "last_verified",
)
# A law's key is internal (made when the law is added) and never shown (issue #18).
LAW_FIELDS = ("name", "problematic", "reason", "scope", "sources")
APPI_FIELDS = (
    "has_protection_system",
    "system_summary",
    "oecd_principles_covered",
    "oecd_gaps",
    "cbpr",
    "localisation_duties",
    "government_cooperation_duties",
    "sources",
    "verified",
)
CBPR_CHOICES = ("", "APEC CBPR", "Global CBPR member", "Global CBPR associate")


def field_label(name: str) -> str:
    labels = {
        "status": QCoreApplication.translate("DestinationEditor", "Status"),
        "condition": QCoreApplication.translate("DestinationEditor", "Condition (who is covered)"),
        "instrument": QCoreApplication.translate("DestinationEditor", "Decision or instrument"),
        "adopted": QCoreApplication.translate("DestinationEditor", "Adopted on"),
        "expires": QCoreApplication.translate("DestinationEditor", "Expires or review due on"),
        "source_url": QCoreApplication.translate("DestinationEditor", "Source (URL)"),
        "notes": QCoreApplication.translate("DestinationEditor", "Notes"),
        "verified": QCoreApplication.translate("DestinationEditor", "Verified"),
        "last_verified": QCoreApplication.translate("DestinationEditor", "Last verified on"),
        "key": QCoreApplication.translate("DestinationEditor", "Key"),
        "in_force": QCoreApplication.translate("DestinationEditor", "In force from"),
        "scope_limits": QCoreApplication.translate("DestinationEditor", "Scope questions"),
        "name": QCoreApplication.translate("DestinationEditor", "Name"),
        "problematic": QCoreApplication.translate("DestinationEditor", "Problematic"),
        "reason": QCoreApplication.translate("DestinationEditor", "Reason"),
        "scope": QCoreApplication.translate("DestinationEditor", "Scope"),
        "sources": QCoreApplication.translate("DestinationEditor", "Sources (one URL a line)"),
        "has_protection_system": QCoreApplication.translate(
            "DestinationEditor", "Has a data-protection system"
        ),
        "system_summary": QCoreApplication.translate("DestinationEditor", "The system in brief"),
        "oecd_principles_covered": QCoreApplication.translate("DestinationEditor", "OECD principles covered"),
        "oecd_gaps": QCoreApplication.translate("DestinationEditor", "Gaps against the OECD principles"),
        "cbpr": QCoreApplication.translate("DestinationEditor", "CBPR membership"),
        "localisation_duties": QCoreApplication.translate("DestinationEditor", "Data localisation duties"),
        "government_cooperation_duties": QCoreApplication.translate(
            "DestinationEditor", "Duties to cooperate with the government"
        ),
    }
    return labels.get(name, name)


def describe_location(location: str, law_names: Mapping[str, str] | None = None) -> str:
    """`destinations[US].regimes.EU.condition` → "EU GDPR — Condition (who is covered)"; a law by its name
    from `law_names` (key → name: a law's key is internal, issue 18)."""
    rest = (
        location.split("].", 1)[1] if location.startswith("destinations[") and "]." in location else location
    )
    if rest.startswith("regimes."):
        parts = rest.split(".")
        return f"{regime_short_name(parts[1])} — {field_label(parts[-1])}" if len(parts) > 2 else rest
    if rest.startswith("access_laws["):
        key = rest[len("access_laws[") :].split("]", 1)[0]
        last = rest.rsplit(".", 1)[-1] if "]." in rest else ""
        law = QCoreApplication.translate("DestinationEditor", "Law")
        name = (law_names or {}).get(key) or key
        return f"{law} {name} — {field_label(last)}" if last else f"{law} {name}"
    if rest.startswith("appi."):
        return f"APPI — {field_label(rest.split('.', 1)[1])}"
    return field_label(rest)


def describe_file_location(location: str, country_name: Callable[[str], str]) -> str:
    """Where in an imported file a problem is, as people read it: `destinations[US].regimes.EU.condition` →
    "United States (US) — EU GDPR — Condition (who is covered)"; any other location as it is."""
    if not location.startswith("destinations[") or "]" not in location:
        return location
    code = location[len("destinations[") :].split("]", 1)[0]
    name = country_name(code)
    head = f"{name} ({code})" if name and name != code else code
    return f"{head} — {describe_location(location)}" if "]." in location else head


def file_problem_line(problem: Problem, country_name: Callable[[str], str]) -> str:
    """One problem of a refused import: where it is in the file (as people read it), then what."""
    where = describe_file_location(problem.location, country_name)
    return f"{where}: {problem.message}" if where else problem.message


def short_location(location: str) -> str:
    """The location without the `destinations[XX].` prefix."""
    if location.startswith("destinations[") and "]." in location:
        return location.split("].", 1)[1]
    return location


def parse_date(text: str) -> tuple[dt.date | None, str | None]:
    text = text.strip()
    if not text:
        return None, None
    try:
        return dt.date.fromisoformat(text), None
    except ValueError:
        return None, QCoreApplication.translate(
            "DestinationEditor", "Write the date as YYYY-MM-DD, e.g. 2026-07-10."
        )


def lines_of(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def date_text(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea(widget.parentWidget())
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area
