"""The engine over the shipped country data and catalogues: the named routes hold with the real files.

Catches drift between data/transfer_tools.json (certification conditions keyed by destination and regime)
and data/countries.json / regimes.json maintained by the country room.
"""

from __future__ import annotations

import pytest

from transfer_tool.assessment.precheck import Route, precheck, select_regimes
from transfer_tool.assessment.record import TransferFacts
from transfer_tool.assessment.safeguards import propose_tools
from transfer_tool.assessment.tool_catalog import load_tool_catalog
from transfer_tool.countries.shipped import CountryDataset, load_shipped_dataset
from transfer_tool.domain import AdequacyStatus, PartyRole


@pytest.fixture(scope="module")
def dataset() -> CountryDataset:
    return load_shipped_dataset()


@pytest.mark.parametrize(
    ("exporter", "dest", "regime", "route", "preferred"),
    [
        ("FR", "US", "EU", Route.PARTIAL_UNCONFIRMED, "eu_scc_m2"),
        ("GB", "US", "UK", Route.PARTIAL_UNCONFIRMED, "uk_idta"),
        ("CH", "US", "CH", Route.PARTIAL_UNCONFIRMED, "ch_scc_swiss_m2"),
        ("JP", "US", "JP", Route.NO_ADEQUACY, "jp_equivalent_measures"),
        # (EU) 2019/419 Art. 1: only APPI business operators; unanswered, the adequacy route stays closed.
        ("DE", "JP", "EU", Route.PARTIAL_UNCONFIRMED, "eu_scc_m2"),
        ("JP", "DE", "JP", Route.ADEQUACY, "jp_recognised_country"),
        ("DE", "DE", "EU", Route.NOT_A_TRANSFER, None),
    ],
)
def test_named_routes_with_shipped_data(
    dataset: CountryDataset, exporter: str, dest: str, regime: str, route: Route, preferred: str | None
) -> None:
    facts = TransferFacts(exporter, dest, dest, importer_role=PartyRole.PROCESSOR)
    d = dataset.destination(dest)
    pre = precheck(
        facts,
        d,
        dataset.regimes.values(),
        select_regimes(exporter, dataset.regimes.values()),
        load_tool_catalog(),
    )
    check = pre.check_for(regime)
    assert check is not None and check.route is route
    firsts = [p.tool for p in propose_tools(facts, d, pre, load_tool_catalog()).proposals if p.preferred]
    assert firsts == ([preferred] if preferred else [])


def test_every_certification_condition_points_at_a_partial_entry(dataset: CountryDataset) -> None:
    for cond in load_tool_catalog().certification_conditions:
        entry = dataset.destination(cond.destination).status_under(cond.regime)
        assert entry is not None and entry.status is AdequacyStatus.PARTIAL, cond


def test_every_regime_in_the_country_data_has_an_adequacy_tool(dataset: CountryDataset) -> None:
    cat = load_tool_catalog()
    assert all(cat.adequacy_tool(code) is not None for code in dataset.regimes)


def test_us_has_problematic_access_laws_to_assess(dataset: CountryDataset) -> None:
    keys = {law.key for law in dataset.destination("US").access_laws if law.problematic}
    assert "fisa702" in keys
