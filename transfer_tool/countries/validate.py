"""Checking country and regime documents before anything is loaded or imported.

Structure is checked with data/schemas/countries.schema.json; meaning (dates, URLs, codes, duplicates,
date order) in Python. Every problem names the entry and the field, e.g.
`destinations[US].regimes.EU.adopted`. A refused document raises `ImportRefused` listing all problems.

Encoding decision: the document must be UTF-8; a UTF-8 byte-order mark is accepted and ignored (Windows
editors add one), any other encoding (UTF-16, Shift_JIS...) is refused with a message saying so.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from transfer_tool.countries.model import Destination, Regime
from transfer_tool.countries.serialize import destination_from_dict, regime_from_dict
from transfer_tool.errors import ImportRefused, Problem
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.paths import data_file

if TYPE_CHECKING:  # the schema checker loads only when a document is checked
    import jsonschema

SCHEMA_FILE = "schemas/countries.schema.json"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UTF8_BOM = b"\xef\xbb\xbf"
_MAX_PROBLEMS = 200


@dataclass(frozen=True)
class CountriesDocument:
    """A checked countries document: destinations by code (names may be empty: the file may omit them)."""

    dataset_version: str
    destinations: dict[str, Destination]


class _DuplicateKey(ValueError):
    pass


def _refuse(what: str, problems: Sequence[Problem]) -> ImportRefused:
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    return ImportRefused(
        error_text(
            "The {0} was refused ({1} {2}); nothing was imported. Correct the entries listed and try again.",
            what,
            count,
            noun,
        ),
        list(problems[:_MAX_PROBLEMS]),
    )


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(error_text("{0} is not allowed in JSON", name))


def parse_json(raw: bytes | str, what: str = "file") -> Any:
    """Parse a JSON document strictly: UTF-8 (optional BOM), no duplicate keys, no NaN/Infinity."""
    if isinstance(raw, bytes):
        if raw.startswith(_UTF8_BOM):
            raw = raw[len(_UTF8_BOM) :]
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise _refuse(what, [Problem("", "the file is UTF-16; save it as UTF-8 and try again")])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problem = Problem(
                error_text("byte {0}", exc.start),
                "the file is not UTF-8 text; save it as UTF-8 and try again",
            )
            raise _refuse(what, [problem]) from None
    else:
        text = raw.removeprefix("\ufeff")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except _DuplicateKey as exc:
        problem = Problem("", error_text("the key {0} appears twice in one object; keep one", repr(str(exc))))
        raise _refuse(what, [problem]) from None
    except json.JSONDecodeError as exc:
        problem = Problem(
            error_text("line {0}, column {1}", exc.lineno, exc.colno),
            error_text("not valid JSON: {0}", exc.msg),
        )
        raise _refuse(what, [problem]) from None
    except ValueError as exc:
        raise _refuse(what, [Problem("", str(exc))]) from None


def _load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(data_file(SCHEMA_FILE).read_text(encoding="utf-8"))
    return schema


def _schema_problems(doc: Any, root: str, labels: dict[int, str], list_key: str) -> list[Problem]:
    import jsonschema

    schema = _load_schema()
    sub = {"$defs": schema["$defs"], "$ref": f"#/$defs/{root}"}
    validator = jsonschema.Draft202012Validator(sub)
    problems = []
    for error in sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path]):
        problems.append(
            Problem(_location(list(error.absolute_path), labels, list_key), _schema_message(error))
        )
    return problems


def _schema_message(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties":
        return f"unknown field(s): {error.message.split('(')[-1].rstrip(')')}"
    if error.validator == "type":
        return f"expected {error.validator_value}, got {type(error.instance).__name__} {error.instance!r}"
    if error.validator == "const":
        return f"expected {error.validator_value!r}, got {error.instance!r}"
    if error.validator == "required":
        return f"missing field: {error.message.split(' is a required')[0]}"
    if error.validator == "enum":
        return f"expected one of {', '.join(map(str, error.validator_value))}, got {error.instance!r}"
    return str(error.message)


def _location(path: list[Any], labels: dict[int, str], list_key: str) -> str:
    out = ""
    for i, part in enumerate(path):
        if isinstance(part, int):
            label = labels.get(part, str(part)) if i == 1 and path[0] == list_key else str(part)
            out += f"[{label}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _labels(items: Any, key: str) -> dict[int, str]:
    if not isinstance(items, list):
        return {}
    return {
        i: item[key]
        for i, item in enumerate(items)
        if isinstance(item, dict) and isinstance(item.get(key), str) and item[key]
    }


def _check_date(value: Any, where: str, problems: list[Problem]) -> dt.date | None:
    if value is None or not isinstance(value, str):
        return None
    if not _DATE.match(value):
        problems.append(Problem(where, error_text("expected a date YYYY-MM-DD, got {0}", repr(value))))
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(where, error_text("not a real calendar date: {0}", repr(value))))
        return None


def check_url(value: str) -> str | None:
    """Why `value` is not an acceptable http(s) URL, or None if it is (an empty string is allowed)."""
    if value == "":
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        return f"expected an http(s) URL, got {value!r}"
    return None


def _check_urls(values: Iterable[Any], where: str, problems: list[Problem]) -> None:
    for value in values:
        if isinstance(value, str) and (reason := check_url(value)):
            problems.append(Problem(where, reason))


def _semantic_problems(
    doc: dict[str, Any], labels: dict[int, str], known_codes: Collection[str], known_regimes: Collection[str]
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, dest in enumerate(doc["destinations"]):
        code = dest["code"]
        at = f"destinations[{labels.get(index, index)}]"
        if code in seen:
            problems.append(
                Problem(
                    f"{at}.code", error_text("destination {0} appears more than once; keep one entry", code)
                )
            )
        seen.add(code)
        if code not in known_codes:
            problems.append(
                Problem(
                    f"{at}.code",
                    error_text(
                        "unknown destination code {0} (expected ISO 3166-1 alpha-2, XK or EPO)", repr(code)
                    ),
                )
            )
        for regime, entry in dest.get("regimes", {}).items():
            where = f"{at}.regimes.{regime}"
            if regime not in known_regimes:
                known = ", ".join(sorted(known_regimes))
                problems.append(
                    Problem(where, error_text("unknown regime {0} (known: {1})", repr(regime), known))
                )
            adopted = _check_date(entry.get("adopted"), f"{where}.adopted", problems)
            expires = _check_date(entry.get("expires"), f"{where}.expires", problems)
            _check_date(entry.get("last_verified"), f"{where}.last_verified", problems)
            _check_date(entry.get("in_force"), f"{where}.in_force", problems)
            if adopted and expires and adopted > expires:
                problems.append(
                    Problem(
                        f"{where}.expires",
                        error_text(
                            "expiry {0} is before adoption {1}", expires.isoformat(), adopted.isoformat()
                        ),
                    )
                )
            _check_urls([entry.get("source_url")], f"{where}.source_url", problems)
            if entry["status"] == "partial" and not entry.get("condition", "").strip():
                problems.append(
                    Problem(f"{where}.condition", "a partial status needs a condition (who is covered)")
                )
            limit_codes = [s["code"] for s in entry.get("scope_limits", [])]
            for dup in sorted({c for c in limit_codes if limit_codes.count(c) > 1}):
                problems.append(
                    Problem(
                        f"{where}.scope_limits", error_text("the scope limit {0} appears twice", repr(dup))
                    )
                )

        keys: set[str] = set()
        for law in dest.get("access_laws", []):
            where = f"{at}.access_laws[{law['key']}]"
            if law["key"] in keys:
                problems.append(Problem(f"{where}.key", "this key appears more than once in the destination"))
            keys.add(law["key"])
            _check_urls(law.get("sources", []), f"{where}.sources", problems)
        appi = dest.get("appi")
        if appi is not None:
            _check_urls(appi.get("sources", []), f"{at}.appi.sources", problems)
    return problems


def validate_countries_document(
    raw: bytes | str | dict[str, Any],
    *,
    known_codes: Collection[str],
    known_regimes: Collection[str],
) -> CountriesDocument:
    """Check a countries document (shipped file or import); raise ImportRefused listing every problem."""
    what = "country data file"
    doc = parse_json(raw, what) if isinstance(raw, bytes | str) else raw
    labels = _labels(doc.get("destinations") if isinstance(doc, dict) else None, "code")
    problems = _schema_problems(doc, "countriesDocument", labels, "destinations")
    if problems:
        raise _refuse(what, problems)
    problems = _semantic_problems(doc, labels, known_codes, known_regimes)
    if problems:
        raise _refuse(what, problems)
    destinations = {d["code"]: destination_from_dict(d) for d in doc["destinations"]}
    return CountriesDocument(dataset_version=doc.get("dataset_version", ""), destinations=destinations)


def validate_regimes_document(
    raw: bytes | str | dict[str, Any], *, known_codes: Collection[str]
) -> dict[str, Regime]:
    """Check a regimes document; raise ImportRefused listing every problem."""
    what = "regime file"
    doc = parse_json(raw, what) if isinstance(raw, bytes | str) else raw
    labels = _labels(doc.get("regimes") if isinstance(doc, dict) else None, "code")
    problems = _schema_problems(doc, "regimesDocument", labels, "regimes")
    if problems:
        raise _refuse(what, problems)
    seen: set[str] = set()
    for index, regime in enumerate(doc["regimes"]):
        at = f"regimes[{labels.get(index, index)}]"
        if regime["code"] in seen:
            problems.append(
                Problem(f"{at}.code", error_text("regime {0} appears more than once", regime["code"]))
            )
        seen.add(regime["code"])
        for field in ("home_area", "exporter_countries"):
            for code in regime[field]:
                if code not in known_codes:
                    problems.append(
                        Problem(f"{at}.{field}", error_text("unknown destination code {0}", repr(code)))
                    )
        _check_urls([regime.get("source_url")], f"{at}.source_url", problems)
    if problems:
        raise _refuse(what, problems)
    return {r["code"]: regime_from_dict(r) for r in doc["regimes"]}
