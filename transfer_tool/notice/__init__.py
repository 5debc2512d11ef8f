"""The privacy notice's transfer section, built from the approved register (issue #24).

Pure parts: `document` (a small text model written out as Markdown or HTML; `docx_writer` as Word),
`model` (the register rows the builder reads and the structured entries it writes), `builder` (entries per
regime, the notice and the APPI Rule 18(3) answer as documents, the diff between two sets of entries).
`service` reads the register and the country data, stores generations and publishes them.
"""
