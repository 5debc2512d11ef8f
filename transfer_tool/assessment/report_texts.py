"""The report's own sentences and labels, as messages of the catalogue's `report` domain
(data/locale/<lang>/LC_MESSAGES/report.po): the English here is the msgid, each language reads its own."""

from __future__ import annotations

from transfer_tool.assessment.measures import Effectiveness
from transfer_tool.assessment.record import RiskInputMode, StepConclusion
from transfer_tool.domain import Role
from transfer_tool.i18n.message import Arg, Message, Translatable, message
from transfer_tool.i18n.term import Term

DOMAIN = "report"


def report_text(msgid: str, *, context: str = "", **args: Arg) -> Message:
    return message(DOMAIN, msgid, context=context, **args)


def report_plural(singular: str, plural: str, n: int, **args: Arg) -> Message:
    return Message(DOMAIN, singular, tuple({"n": n, **args}.items()), plural=plural, count=n)


def labelled(label: Arg, text: Arg) -> Message:
    """ "Label: text" in the language's punctuation."""
    return report_text("{label}: {text}", context="label and text", label=label, text=text)


LIST_SEPARATOR = report_text(", ", context="list separator")
SEMICOLON_SEPARATOR = report_text("; ", context="list separator")

ROLE_TITLES: dict[Role, Message] = {
    Role.LEGAL: report_text("Legal (assessor)"),
    Role.MANAGER: report_text("Manager (reviewer)"),
    Role.ADMIN: report_text("Administrator"),
}
STEP_CONCLUSIONS: dict[StepConclusion, Message] = {
    StepConclusion.NO_PROBLEMATIC_LAW: report_text("No problematic law applies to this importer and data."),
    StepConclusion.NOT_APPLIED_IN_PRACTICE: report_text(
        "A problematic law applies on paper but is not applied in practice to this transfer."
    ),
    StepConclusion.MEASURES_NEEDED: report_text(
        "Problematic legislation applies; supplementary measures are needed."
    ),
}
METHOD: dict[RiskInputMode, Message] = {
    RiskInputMode.PER_YEAR: report_text(
        "Factor chain per problematic law (probability per year); P = 1 − Π(1 − pᵢ)^N over the assessment "
        "period of N years (Rosenthal method, reconstruction)."
    ),
    RiskInputMode.PER_PERIOD: report_text(
        "Factor chain per problematic law (probability over the whole period); P = 1 − Π(1 − pᵢ) "
        "(Rosenthal method, reconstruction)."
    ),
}
NO_CONCLUSION = report_text("No conclusion has been reached yet (draft).")
NO_TOOL_YET = report_text("No transfer tool has been chosen yet.")
LAW_UNVERIFIED = report_text("Country data: this law's profile is marked unverified.")
YEARLY_CHECK = report_text(
    "Yearly check of the recipient's equivalent measures and the foreign system "
    "(APPI Art. 28(3), PPC Rules Art. 18)"
)
SENSITIVE_UNDESCRIBED = report_text("Special categories of data (not described yet)")
NO_SENSITIVE_DATA = report_text("None", context="sensitive data")
SCOPE_ANSWERS: dict[bool | None, Message] = {
    True: report_text("yes", context="scope limit answer"),
    False: report_text("no", context="scope limit answer"),
    None: report_text("not answered", context="scope limit answer"),
}
EFFECTIVENESS: dict[Effectiveness, Message] = {
    Effectiveness.EFFECTIVE: report_text("effective", context="measure effectiveness"),
    Effectiveness.SUPPORTING: report_text("supporting only", context="measure effectiveness"),
    Effectiveness.NOT_EFFECTIVE: report_text("not effective", context="measure effectiveness"),
}
ADOPTED = report_text("The assessor adopted the tool's recommendation on these grounds:")
DEPARTED = report_text(
    "The assessor reached a conclusion other than the tool's recommendation without giving a reason; the "
    "tool's grounds were:"
)
NOT_RECOMMENDED_YET = report_text(
    "The assessor gave no reason for this conclusion, and the tool has no recommendation yet:"
)
# A catalogue entry removed since it was chosen: its code is internal and never printed.
UNKNOWN_MEASURE = report_text("A measure that is no longer in the catalogue")
UNKNOWN_TOOL = report_text("A transfer tool that is no longer in the catalogue")


def sentences(parts: tuple[str | Translatable, ...]) -> str | Translatable:
    """Sentences one after the other: a space between them in English, none in Japanese (a gettext
    translation cannot be empty, so the pattern is the message, not the separator)."""
    if not parts:
        return ""
    out = parts[0]
    for then in parts[1:]:
        out = report_text("{first} {then}", context="sentences", first=out, then=then)
    return out


def factor_name(key: str, label: str) -> str | Translatable:
    """A risk factor as the shared terminology words it (`risk.factor.<key>`), or its own label as
    written when an organisation named it otherwise."""
    term = Term(f"risk.factor.{key}")
    return term if term.get("en") == label else label
