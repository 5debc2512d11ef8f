"""Review and approval: the queue of submitted assessments, the report, return with comments, approve and
sign. `open_review(parent, services)` is the factory the main window calls."""

from __future__ import annotations

from ui.review.window import ReviewWindow, open_review

__all__ = ["ReviewWindow", "open_review"]
