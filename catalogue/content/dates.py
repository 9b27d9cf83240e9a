"""A date as an editor writes it: in the form a date field takes (2019-09-16), or in one
they more likely meant (16.9.2019, 2019-9-16, a time of day after it), or not in the calendar."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

DAY_MONTH_YEAR = re.compile(r"(?P<day>\d{1,2})\.\s*(?P<month>\d{1,2})\.\s*(?P<year>\d{4})")
"""A date as Finns and Swedes write it: 16.9.2019."""
YEAR_MONTH_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
"""The right form (2019-09-16), or its order without the zeros (2019-9-16)."""
TIME = re.compile(r"[ T]+(?:klo\.?\s*|kl\.?\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$")
"""A time of day after a date (10:00, klo 10.00, T10:00:00), which a date field does not hold."""


def written_date(field: str, value: object) -> date | str | None:
    """The date `value` is (as YAML reads it, or the same in quotes); else the message for a
    date written another way or not in the calendar; None for a value that is no date at all."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):  # 2019-09-16 10:00:00, which YAML reads as a moment
        text, timed = value.date().isoformat(), 1
    else:
        text, timed = TIME.subn("", value.strip() if isinstance(value, str) else "")
    meant = YEAR_MONTH_DAY.fullmatch(text) or DAY_MONTH_YEAR.fullmatch(text)
    if not meant:
        return None
    try:
        day = date(int(meant["year"]), int(meant["month"]), int(meant["day"]))
    except ValueError:
        return f"{field} '{text}' is not a date in the calendar; check the day and the month"
    if text == day.isoformat() and not timed:
        return day  # a quoted date is fine too
    without = " without the time" if timed else ""
    return f"{field} should be a date written YYYY-MM-DD{without}: {day.isoformat()}"


def written_year(value: Any) -> int | None:
    """A year as a file may write it (2016, or in quotes), or None."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}", value.strip()):
        value = int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100 else None
