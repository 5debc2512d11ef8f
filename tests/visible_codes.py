"""Internal codes in text a person reads (issue 18, point 3): snake_case identifiers (`eu_scc_m2`,
`facts.data_subjects_count`), a regime's upper-case code (`EU_GDPR`, what the data's `^[A-Z][A-Z0-9_]{1,15}$`
allows beyond the shipped EU, UK, CH, JP, BR), dotted OIDs (`1.2.840.113549.1.9.1`) and section tags
(`[law_practice]`).

Shared by the PDF check (text from pdftotext) and the screen check (texts walked from a widget tree). Words
inside a web address, a file path or an e-mail address are the user's or the source's, not codes: the
pattern does not match next to "/", ".", "@" or "-"."""

from __future__ import annotations

import re

_EDGE_BEFORE = r"(?<![\w/.@\-])"
_EDGE_AFTER = r"(?![\w/@\-]|\.\w)"
CODE = re.compile(
    _EDGE_BEFORE
    + r"(?:"
    + r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\.[a-z0-9_]+)*"  # snake_case, dotted paths of them
    + r"|[a-z][a-z0-9]*(?:\.[a-z0-9]+)*\.[a-z0-9]*_[a-z0-9_]+"  # facts.data_subjects_count
    + r"|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+"  # a regime code the data may add: EU_GDPR
    + r"|\d+(?:\.\d+){4,}"  # an OID (five or more arcs: no date, version or section number)
    + r"|\[[a-z][a-z0-9_]*\]"  # a section tag
    + r")"
    + _EDGE_AFTER
)


def codes_in(text: str) -> list[str]:
    """The codes `text` shows, in order."""
    return [m.group(0) for m in CODE.finditer(text)]
