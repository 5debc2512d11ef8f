"""The assessment (TIA) engine: pure rules over plain values, no database and no Qt.

Modules: `record` (the assessment record and its JSON form), `precheck` (is it a transfer, which regimes,
is a full assessment needed), `safeguards` (transfer tools), `measures` (supplementary measures and the
action plan), `risk` (quantified lawful-access risk), `conclusion`, `completeness`, `workflow`.
"""
