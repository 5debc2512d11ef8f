"""Country values survive the trip to JSON and back unchanged."""

from __future__ import annotations

import json

from transfer_tool.countries.serialize import (
    countries_document,
    destination_from_dict,
    destination_to_dict,
    regime_from_dict,
    regime_to_dict,
)
from transfer_tool.countries.shipped import load_shipped_dataset
from transfer_tool.countries.validate import validate_countries_document, validate_regimes_document


def test_every_shipped_destination_round_trips_through_json_text() -> None:
    data = load_shipped_dataset()
    for dest in data.destinations.values():
        text = json.dumps(destination_to_dict(dest), ensure_ascii=False)
        assert destination_from_dict(json.loads(text)) == dest
    for regime in data.regimes.values():
        assert regime_from_dict(json.loads(json.dumps(regime_to_dict(regime)))) == regime


def test_export_document_is_a_valid_import() -> None:
    data = load_shipped_dataset()
    exported = json.dumps(countries_document(data.destinations, data.dataset_version), ensure_ascii=False)
    again = validate_countries_document(
        exported.encode("utf-8"), known_codes=data.names.codes, known_regimes=data.regimes.keys()
    )
    assert again.destinations == data.destinations
    assert again.dataset_version == data.dataset_version
    regimes_text = json.dumps(
        {
            "format": "transfer-tool.regimes",
            "format_version": 1,
            "regimes": [regime_to_dict(r) for r in data.regimes.values()],
        }
    )
    assert validate_regimes_document(regimes_text, known_codes=data.names.codes) == data.regimes
