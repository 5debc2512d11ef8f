"""Malformed country imports are refused whole, naming the entry and the field."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from transfer_tool.countries.names import CountryNames, load_country_names
from transfer_tool.countries.validate import validate_countries_document, validate_regimes_document
from transfer_tool.errors import ImportRefused

REGIMES = ["EU", "UK", "CH", "JP", "BR"]


@pytest.fixture(scope="module")
def names() -> CountryNames:
    return load_country_names()


def good_doc() -> dict[str, Any]:
    return {
        "format": "transfer-tool.countries",
        "format_version": 1,
        "dataset_version": "test-1",
        "destinations": [
            {
                "code": "US",
                "regimes": {
                    "EU": {
                        "status": "partial",
                        "condition": "DPF-certified organisations only",
                        "instrument": "(EU) 2023/1795",
                        "adopted": "2023-07-10",
                        "expires": None,
                        "source_url": "https://example.org/dpf",
                        "verified": True,
                        "last_verified": "2026-08-05",
                    }
                },
                "access_laws": [{"key": "fisa702", "name": "FISA 702", "problematic": True, "reason": "A-D"}],
            },
            {
                "code": "JP",
                "regimes": {"CH": {"status": "not_adequate", "source_url": "https://example.org/ch"}},
            },
        ],
    }


def load(names: CountryNames, raw: bytes | str | dict[str, Any]) -> Any:
    return validate_countries_document(raw, known_codes=names.codes, known_regimes=REGIMES)


def refused(names: CountryNames, raw: bytes | str | dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ImportRefused) as info:
        load(names, raw)
    assert "nothing was imported" in info.value.message
    return [(p.location, p.message) for p in info.value.problems]


def encoded(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc).encode("utf-8")


def test_good_document_loads(names: CountryNames) -> None:
    doc = load(names, encoded(good_doc()))
    assert set(doc.destinations) == {"US", "JP"}
    assert doc.destinations["US"].regimes["EU"].condition == "DPF-certified organisations only"


def test_utf8_bom_is_accepted(names: CountryNames) -> None:
    doc = load(names, b"\xef\xbb\xbf" + encoded(good_doc()))
    assert "US" in doc.destinations


def test_not_json(names: CountryNames) -> None:
    [(where, message)] = refused(names, b'{"format": ')
    assert where.startswith("line 1") and "not valid JSON" in message


def test_wrong_encoding(names: CountryNames) -> None:
    latin1 = json.dumps(good_doc()).replace("only", "só").encode("latin-1")
    assert "not UTF-8" in refused(names, latin1)[0][1]
    utf16 = json.dumps(good_doc()).encode("utf-16")
    assert "UTF-16" in refused(names, utf16)[0][1]


def test_duplicate_json_keys(names: CountryNames) -> None:
    text = json.dumps(good_doc()).replace('"status": "partial"', '"status": "partial", "status": "adequate"')
    [(_, message)] = refused(names, text.encode())
    assert "'status' appears twice" in message


def mutated(path: list[Any], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(good_doc())
    target: Any = doc
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return doc


EU = ["destinations", 0, "regimes", "EU"]


@pytest.mark.parametrize(
    ("path", "value", "location", "fragment"),
    [
        (
            [*EU, "adopted"],
            "10/07/2023",
            "destinations[US].regimes.EU.adopted",
            "expected a date YYYY-MM-DD, got '10/07/2023'",
        ),
        ([*EU, "adopted"], "2023-02-30", "destinations[US].regimes.EU.adopted", "not a real calendar date"),
        (
            [*EU, "expires"],
            "2020-01-01",
            "destinations[US].regimes.EU.expires",
            "is before adoption 2023-07-10",
        ),
        (
            [*EU, "source_url"],
            "www.example.org/x",
            "destinations[US].regimes.EU.source_url",
            "expected an http(s) URL",
        ),
        (EU, {"instrument": "x"}, "destinations[US].regimes.EU", "missing field: 'status'"),
        ([*EU, "adopted"], 20230710, "destinations[US].regimes.EU.adopted", "got int 20230710"),
        (["destinations", 0, "regimes"], [], "destinations[US].regimes", "expected object, got list"),
        ([*EU, "status"], "good", "destinations[US].regimes.EU.status", "expected one of"),
        ([*EU, "verified"], "yes", "destinations[US].regimes.EU.verified", "expected boolean"),
        ([*EU, "condition"], "", "destinations[US].regimes.EU.condition", "partial status needs a condition"),
        ([*EU, "colour"], "red", "destinations[US].regimes.EU", "unknown field"),
        (
            ["destinations", 0, "regimes", "XX"],
            {"status": "adequate"},
            "destinations[US].regimes.XX",
            "unknown regime 'XX'",
        ),
        (["destinations", 1, "code"], "ZZ", "destinations[ZZ].code", "unknown destination code 'ZZ'"),
        (["destinations", 1, "code"], "US", "destinations[US].code", "appears more than once"),
        (
            ["destinations", 0, "access_laws", 0, "problematic"],
            "no",
            "destinations[US].access_laws[0].problematic",
            "expected boolean",
        ),
        (
            ["destinations", 0, "appi"],
            {"oecd_principles_covered": ["honesty"]},
            "destinations[US].appi.oecd_principles_covered[0]",
            "expected one of",
        ),
        (["format_version"], 2, "format_version", "expected 1, got 2"),
    ],
)
def test_malformed_entry_is_refused_with_entry_and_field(
    names: CountryNames, path: list[Any], value: Any, location: str, fragment: str
) -> None:
    problems = refused(names, encoded(mutated(path, value)))
    assert any(where == location and fragment in message for where, message in problems), problems


def test_all_problems_are_listed_at_once(names: CountryNames) -> None:
    doc = mutated([*EU, "adopted"], "yesterday")
    doc["destinations"][1]["code"] = "QQ"
    locations = {where for where, _ in refused(names, encoded(doc))}
    assert locations == {"destinations[US].regimes.EU.adopted", "destinations[QQ].code"}


def test_extra_codes_are_known(names: CountryNames) -> None:
    doc = mutated(["destinations", 1, "code"], "EPO")
    assert "EPO" in load(names, encoded(doc)).destinations


def test_regimes_document_checks(names: CountryNames) -> None:
    bad = {
        "format": "transfer-tool.regimes",
        "format_version": 1,
        "regimes": [
            {
                "code": "EU",
                "name_en": "GDPR",
                "name_ja": "GDPR",
                "home_area": ["DE", "XX"],
                "exporter_countries": ["DE"],
            },
            {"code": "EU", "name_en": "GDPR", "name_ja": "GDPR", "home_area": [], "exporter_countries": []},
        ],
    }
    with pytest.raises(ImportRefused) as info:
        validate_regimes_document(json.dumps(bad), known_codes=names.codes)
    locations = {p.location for p in info.value.problems}
    assert locations == {"regimes[EU].home_area", "regimes[EU].code"}
