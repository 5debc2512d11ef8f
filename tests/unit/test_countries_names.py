"""Localised names and the country search box."""

from __future__ import annotations

import pytest

from transfer_tool.countries.names import CountryNames, load_country_names


@pytest.fixture(scope="module")
def names() -> CountryNames:
    return load_country_names()


def first(names: CountryNames, query: str) -> str:
    hits = names.search(query)
    assert hits, query
    return hits[0].code


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("米国", "US"),
        ("アメリカ", "US"),
        ("韓国", "KR"),
        ("ドイツ", "DE"),
        ("UK", "GB"),
        ("USA", "US"),
        ("germ", "DE"),
        ("GERMANY", "DE"),
        ("deu", "DE"),
        ("ＵＳＡ", "US"),  # full-width
        ("ﾄﾞｲﾂ", "DE"),  # half-width katakana
        ("どいつ", "DE"),  # hiragana
        ("英国", "GB"),
        ("イギリス", "GB"),
        ("中国", "CN"),
        ("jp", "JP"),
        ("Kosovo", "XK"),
        ("European Patent", "EPO"),
    ],
)
def test_search_finds(names: CountryNames, query: str, code: str) -> None:
    assert first(names, query) == code


def test_korea_finds_both_koreas_south_first(names: CountryNames) -> None:
    codes = [h.code for h in names.search("Korea")]
    assert codes[:2] == ["KR", "KP"]


def test_exact_alias_ranks_before_substring(names: CountryNames) -> None:
    hits = names.search("UK")
    assert hits[0].code == "GB" and hits[0].rank == 0
    assert "UA" in [h.code for h in hits[1:]]  # Ukraine, by prefix


def test_sensitive_names_overridden(names: CountryNames) -> None:
    assert names.name("TW", "ja") == "台湾"
    assert names.name("TW", "en") == "Taiwan"
    assert names.name("KR", "ja") == "韓国 (大韓民国)"
    assert names.name("TZ", "ja") == "タンザニア"  # pycountry's catalogue has a typo


def test_japanese_names_from_pycountry(names: CountryNames) -> None:
    assert names.name("JP", "ja") == "日本"
    assert names.name("US", "ja") == "米国"
    assert names.name("DE", "en") == "Germany"


def test_empty_and_unknown_queries(names: CountryNames) -> None:
    assert names.search("   ") == []
    assert names.search("Atlantis") == []
    assert len(names.search("a", limit=5)) == 5
