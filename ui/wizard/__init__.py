"""The assessment wizard (QWizard): one page family per step of the journey, with autosave.

`open_wizard(parent, services, transfer_id)` is the factory the main window calls (`None` = a new transfer).
"""

from __future__ import annotations

from ui.wizard.wizard import AssessmentWizard, open_wizard

__all__ = ["AssessmentWizard", "open_wizard"]
