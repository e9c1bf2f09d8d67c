"""Reading the many ways blogs write a publication date.

A date-only value stays a `datetime.date`: it is a calendar day, shown as that day
whatever the build machine's time zone. A value with a time keeps its own offset.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .errors import DateError

__all__ = ["PostDate", "parse_date"]

_MONTHS = {
    "jan": 1, "january": 1,
    "feb": 2, "february": 2,
    "mar": 3, "march": 3,
    "apr": 4, "april": 4,
    "may": 5,
    "jun": 6, "june": 6,
    "jul": 7, "july": 7,
    "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10,
    "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASH_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_ISO_DATETIME = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?"
)
# "April 6, 2023", "Apr 16 2023", "Sept. 14, 2025"
_MONTH_FIRST = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
# "6 April 2023", "14 Sept 2025"
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")


@dataclass(frozen=True)
class PostDate:
    """A publication or update date as the author wrote it."""

    day: dt.date
    """The calendar day the post shows."""
    moment: dt.datetime | None = None
    """The exact time, when one was given (aware if an offset was given)."""

    @property
    def iso(self) -> str:
        """The value for `<time datetime>`: `YYYY-MM-DD` or a full ISO 8601 datetime."""
        return self.moment.isoformat() if self.moment else self.day.isoformat()

    @property
    def instant(self) -> dt.datetime:
        """An aware datetime: the exact time in its own offset, or the day's start in UTC."""
        if self.moment is None or self.moment.tzinfo is None:
            return self.sort_key
        return self.moment

    @property
    def sort_key(self) -> dt.datetime:
        """A UTC instant for ordering; a bare day counts from its start in UTC."""
        if self.moment is None:
            return dt.datetime(self.day.year, self.day.month, self.day.day, tzinfo=dt.timezone.utc)
        if self.moment.tzinfo is None:
            return self.moment.replace(tzinfo=dt.timezone.utc)
        return self.moment.astimezone(dt.timezone.utc)


def _make_date(year: int, month: int, day: int, text: str) -> dt.date:
    if not 1 <= month <= 12:
        raise DateError(f"{text!r} has month {month}; months run from 1 to 12")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        raise DateError(f"{text!r} is not a real date: {name} {year} has {last} days")
    return dt.date(year, month, day)


def _offset(text: str | None) -> dt.tzinfo | None:
    if text is None:
        return None
    if text in ("Z", "z", "UTC"):
        return dt.timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise DateError(f"time-zone offset {text!r} is out of range")
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _month(name: str, text: str) -> int:
    try:
        return _MONTHS[name.lower()]
    except KeyError:
        raise DateError(f"{text!r}: {name!r} is not a month name") from None


def parse_date(value: object) -> PostDate:
    """Read a front-matter date.

    Args:
        value: What the YAML gave: a `date`, a `datetime`, or text in one of the
            forms the docs list (ISO dates and datetimes, `YYYY/MM/DD`, month names).

    Returns:
        The date, keeping the calendar day the author wrote.

    Raises:
        DateError: The value is not a date, or names a day that does not exist.
    """
    if isinstance(value, dt.datetime):
        return PostDate(value.date(), value)
    if isinstance(value, dt.date):
        return PostDate(value)
    if not isinstance(value, str):
        kind = type(value).__name__
        raise DateError(f'expected a date such as "2023-04-06", got a {kind} ({value!r})')
    text = value.strip()
    if match := _ISO_DATE.fullmatch(text) or _SLASH_DATE.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return PostDate(_make_date(year, month, day, text))
    if match := _ISO_DATETIME.fullmatch(text):
        year, month, day, hour, minute = (int(g) for g in match.groups()[:5])
        second = int(match[6] or 0)
        micro = int((match[7] or "0")[:6].ljust(6, "0"))
        day_ = _make_date(year, month, day, text)
        if hour > 23 or minute > 59 or second > 59:
            raise DateError(f"{text!r} has a time that does not exist")
        moment = dt.datetime.combine(day_, dt.time(hour, minute, second, micro), _offset(match[8]))
        return PostDate(day_, moment)
    if match := _MONTH_FIRST.fullmatch(text):
        month = _month(match[1], text)
        return PostDate(_make_date(int(match[3]), month, int(match[2]), text))
    if match := _DAY_FIRST.fullmatch(text):
        month = _month(match[2], text)
        return PostDate(_make_date(int(match[3]), month, int(match[1]), text))
    raise DateError(
        f'{text!r} is not a date this plugin reads; write it as "YYYY-MM-DD" '
        '(or an ISO datetime, YYYY/MM/DD, or a form like "April 6, 2023")'
    )
