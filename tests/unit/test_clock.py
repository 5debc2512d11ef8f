"""Today is the UTC date in any time zone: the services make the moment of a submission, an approval or a
published notice from the caller's date at the current UTC time of day (`versions._at`), and a local date
put that moment up to a day off (Tokyo at 08:30: 23:30 UTC of the same date, fifteen hours ahead)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest

from tests.time_zone import time_zone
from transfer_tool import clock


@pytest.fixture(params=["Etc/GMT-14", "Etc/GMT+12"])  # UTC+14 and UTC-12 (POSIX names flip the sign)
def far_time_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """Between these two zones the local date differs from the UTC date at every hour of the day, so one
    of them always catches a local date."""
    with time_zone(request.param):
        yield request.param


def _is_the_utc_date(today: Callable[[], dt.date]) -> None:
    first = dt.datetime.now(dt.UTC).date()
    got = today()
    last = dt.datetime.now(dt.UTC).date()
    assert got in {first, last}  # both: the two readings may straddle midnight


def test_today_is_the_utc_date(far_time_zone: str) -> None:
    _is_the_utc_date(clock.today)


def test_the_screens_and_the_register_count_days_by_the_utc_date(far_time_zone: str) -> None:
    import inspect

    from ui.models.register_model import RegisterModel
    from ui.services import Services

    default = Services.__dataclass_fields__["today"].default
    assert callable(default)
    _is_the_utc_date(default)
    _is_the_utc_date(inspect.signature(RegisterModel.__init__).parameters["today"].default)
