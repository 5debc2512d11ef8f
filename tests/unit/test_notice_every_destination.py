"""The privacy notice over every destination of the shipped country data (issue #24), in both languages.

The register tests (test_notice.py) use a handful of countries; the country data grows (the 2026-12-06.2
profiles of TW, PH, VN, TH, MY, ID, MX, SA). Here every destination goes through every regime with the
regime's routes, and through the APPI Rule 18(3) answer with every problematic law of its profile, so that:
- no internal code (tool, catalogue or measure code, a terminology key, a law key, a digest) reaches the
  text a person reads;
- in Japanese, no piece of the country data's prose stays English (each piece passes through the text
  catalogue, which says what it leaves untranslated), and every country has its Japanese name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from tests.visible_codes import codes_in
from transfer_tool.assessment.measures import load_measure_catalog
from transfer_tool.assessment.tool_catalog import ToolKind, load_tool_catalog
from transfer_tool.catalog import shipped_catalogs
from transfer_tool.countries.shipped import CountryDataset, load_shipped_dataset
from transfer_tool.domain import CatalogKind, NoticeName
from transfer_tool.i18n import stored_text
from transfer_tool.i18n.terminology import Terminology
from transfer_tool.notice import builder
from transfer_tool.notice.document import Bullets, Document, Heading
from transfer_tool.notice.model import Recipient, RegisterItem

NAMED = "Example Recipient Ltd"  # the one name an admin allowed; every other recipient is a category
# A terminology key or a digest left in the text (codes_in finds snake_case codes; these have none).
_KEY = re.compile(r"\b(?:notice|answer|appi|term|doc|adequacy|regime)\.[a-z_.]+")
_DIGEST = re.compile(r"\b[0-9a-f]{12,}\b")


@pytest.fixture(scope="module")
def dataset() -> CountryDataset:
    return load_shipped_dataset()


def _sources(dataset: CountryDataset, regime: str) -> builder.NoticeSources:
    measures = load_measure_catalog()
    return builder.NoticeSources(
        regime=regime,
        dataset=dataset,
        tools=load_tool_catalog(),
        catalog={kind: {i.code: i for i in items} for kind, items in shipped_catalogs().items()},
        measure_names={m.code: (m.name_en, m.name_ja) for m in measures.measures},
        terms=Terminology.load(),
        contact={"en": "privacy@example.org", "ja": "privacy@example.org（総務部）"},
    )


def _items(dataset: CountryDataset, src: builder.NoticeSources) -> Iterator[RegisterItem]:
    """Every destination outside the regime's area once per route kind the regime has (cycling through
    its tools of that kind), with catalogue codes and recipients cycling too; one planned transfer."""
    regime = dataset.regimes[src.regime]
    exporter = sorted(regime.exporter_countries)[0]
    catalog = {kind: list(items) for kind, items in src.catalog.items()}
    measures = list(src.measure_names)
    by_kind: dict[ToolKind, list[str]] = {}
    for tool in src.tools.for_regime(src.regime):
        by_kind.setdefault(tool.kind, []).append(tool.code)
    destinations = sorted(c for c in dataset.destinations if c not in regime.home_area)
    n = 0
    for code in destinations:
        laws = tuple(law.name for law in dataset.destinations[code].access_laws if law.problematic)
        for codes in by_kind.values():
            n += 1
            yield RegisterItem(
                reference=f"TR-{n:06d}",
                approved=True,
                regimes=(src.regime,),
                exporter_country=exporter,
                destination=code,
                recipient=Recipient(
                    NAMED,
                    (NoticeName.NAME, NoticeName.CATEGORY, NoticeName.OMITTED)[n % 3],
                    is_group_company=n % 2 == 0,
                    certifications=("APEC CBPR",) if n % 4 == 0 else (),
                ),
                recipient_type=catalog[CatalogKind.RECIPIENT_TYPE][
                    n % len(catalog[CatalogKind.RECIPIENT_TYPE])
                ],
                purposes=(catalog[CatalogKind.PURPOSE][n % len(catalog[CatalogKind.PURPOSE])],),
                data_categories=tuple(
                    catalog[CatalogKind.DATA_CATEGORY][(n + i) % len(catalog[CatalogKind.DATA_CATEGORY])]
                    for i in range(2)
                ),
                remote_access=(destinations[(n + 1) % len(destinations)],),
                onward=(destinations[(n + 2) % len(destinations)],),
                tools={src.regime: codes[n % len(codes)]},
                version_no=1,
                measures_in_place=(measures[n % len(measures)],) if n % 5 else (),
                measures_planned=((measures[(n + 1) % len(measures)], dt.date(2027, 3, 31)),),
                problematic_laws=laws,
                measures_needed=bool(laws),
                approved_at=dt.date(2026, 12, 1),
                appi_check_due=dt.date(2027, 12, 1),
            )
    yield RegisterItem("TR-999999", False, (src.regime,), exporter, destinations[0], Recipient(NAMED))


def _shown_codes(doc: Document) -> list[str]:
    """Tool, measure, law and catalogue codes are snake_case (codes_in); keys and digests are not. The
    draft's "[unverified]" mark is words for the reader, not a section tag."""
    text = doc.plain_text().replace(Terminology.load().get("notice.unverified_mark", doc.lang), "")
    return sorted(set(codes_in(text)) | set(_KEY.findall(text)) | set(_DIGEST.findall(text)))


def _recording(left: dict[str, str]) -> object:
    def translate(text: str, lang: str) -> str:
        for piece in stored_text.catalogue(lang).untranslated(text):
            left.setdefault(piece, text)
        return stored_text.translate(text, lang)

    return translate


@pytest.mark.parametrize("lang", ("en", "ja"))
def test_every_destination_under_every_regime_reads_without_codes_and_in_japanese(
    dataset: CountryDataset, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    left: dict[str, str] = {}
    monkeypatch.setattr(builder, "translate", _recording(left))
    checked = 0
    for regime in sorted(dataset.regimes):
        src = _sources(dataset, regime)
        entries, planned = builder.build_entries(_items(dataset, src), src)
        kinds = {t.kind for e in entries if (t := src.tools.get(e.tool)) is not None}
        assert kinds == {t.kind for t in src.tools.for_regime(regime)}, regime  # every route kind
        assert len(planned) == 1, regime
        for group_by in builder.GROUP_BY:
            doc = builder.compose_notice(entries, planned, src, lang, group_by=group_by, footer="")
            assert _shown_codes(doc) == [], (regime, lang, group_by)
            checked += len(entries)
        if regime == "JP":
            for item in _items(dataset, src):
                tool = src.tools.get(item.tools.get("JP", ""))
                if item.approved and tool is not None and tool.kind is ToolKind.EQUIVALENT_MEASURES:
                    dest = dataset.destinations[item.destination]
                    answer = builder.compose_answer(item, src, lang, dest)
                    assert _shown_codes(answer) == [], (item.destination, lang)
                    checked += 1
    assert checked > 1_000
    if lang == "ja":
        assert not left, f"{len(left)} pieces stay English, e.g.:\n" + "\n".join(
            f"{piece!r}  (in {text[:100]!r})" for piece, text in list(left.items())[:15]
        )


def test_every_destination_has_its_japanese_name(dataset: CountryDataset) -> None:
    src = _sources(dataset, "JP")
    writer = builder._Writer(src, "ja")
    english = {code: builder._Writer(src, "en").country(code) for code in dataset.destinations}
    same = sorted(code for code in dataset.destinations if writer.country(code) == english[code])
    assert same == []


def test_every_sentence_of_the_notice_and_the_answer_has_its_japanese() -> None:
    terms = Terminology.load()
    used = [k for k in terms.entries if k.startswith(("notice.", "answer.", "appi.", "adequacy."))]
    assert len(used) > 80
    assert [k for k in used if not terms.entries[k].get("ja")] == []


def test_a_copy_is_offered_for_safeguards_and_compelling_legitimate_interests_only(
    dataset: CountryDataset,
) -> None:
    """GDPR Art. 13(1)(f): the means to obtain a copy for transfers under Art. 46 or 47 or the second
    subparagraph of Art. 49(1); none for an adequacy decision or the other derogations."""
    for regime, tools in {
        "EU": ("eu_scc_m2", "eu_derog_compelling_interests", "eu_derog_contract", "eu_adequacy"),
        "UK": ("uk_idta", "uk_derog_compelling_interests", "uk_derog_explicit_consent"),
    }.items():
        src = _sources(dataset, regime)
        exporter = sorted(dataset.regimes[regime].exporter_countries)[0]
        items = [
            RegisterItem(f"TR-{i}", True, (regime,), exporter, "US", Recipient(NAMED), tools={regime: tool})
            for i, tool in enumerate(tools)
        ]
        entries, _ = builder.build_entries(items, src)
        terms = src.terms
        offered: dict[str, bool] = {}
        for doc_entries in (entries, entries[1:2]):
            doc = builder.compose_notice(doc_entries, (), src, "en")
            closing = any(
                b.text == terms.get("notice.contact.heading", "en")
                for b in doc.blocks
                if isinstance(b, Heading)
            )
            assert closing  # the compelling-interests entry alone still gets the closing section
            for block in doc.blocks:
                for item in block.items if isinstance(block, Bullets) else ():
                    safeguard = next(
                        c.text for c in item.children if c.lead == terms.get("notice.safeguard", "en")
                    )
                    offered[safeguard] = any(c.lead == terms.get("notice.copy", "en") for c in item.children)
        names = [t.name_en for code in tools if (t := src.tools.get(code)) is not None]
        assert [offered[n] for n in names] == [True, True, *([False] * (len(tools) - 2))], regime
