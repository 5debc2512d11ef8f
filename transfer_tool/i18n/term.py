"""A term of the shipped terminology as a value the report carries: read in the language it is shown in.

Its own module so that the terminology itself does not import the message types (stored text reads the
terminology, and the message types read stored text).
"""

from __future__ import annotations

from dataclasses import dataclass

from transfer_tool.i18n.message import Translatable
from transfer_tool.i18n.terminology import shipped_terminology


@dataclass(frozen=True)
class Term(Translatable):
    """An entry of the shipped list, read in the language it is shown in."""

    key: str

    def get(self, lang: str) -> str:
        return shipped_terminology().get(self.key, lang)
