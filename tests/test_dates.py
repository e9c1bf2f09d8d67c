import datetime as dt
import os
import subprocess
import sys

import pytest

from mkdocs_blogposts.dates import PostDate, parse_date
from mkdocs_blogposts.errors import DateError

UTC = dt.timezone.utc


@pytest.mark.parametrize(
    ("value", "day", "iso"),
    [
        ("2023-04-06", dt.date(2023, 4, 6), "2023-04-06"),
        (" 2023-4-6 ", dt.date(2023, 4, 6), "2023-04-06"),
        (dt.date(2023, 4, 6), dt.date(2023, 4, 6), "2023-04-06"),
        ("2025/10/07", dt.date(2025, 10, 7), "2025-10-07"),
        ("April 6, 2023", dt.date(2023, 4, 6), "2023-04-06"),
        ("Apr 16, 2023", dt.date(2023, 4, 16), "2023-04-16"),
        ("Sept 14, 2025", dt.date(2025, 9, 14), "2025-09-14"),
        ("Sept. 14, 2025", dt.date(2025, 9, 14), "2025-09-14"),
        ("May 22, 2023", dt.date(2023, 5, 22), "2023-05-22"),
        ("July 30, 2022", dt.date(2022, 7, 30), "2022-07-30"),
        ("6 April 2023", dt.date(2023, 4, 6), "2023-04-06"),
        ("2021-08-07T15:32:14Z", dt.date(2021, 8, 7), "2021-08-07T15:32:14+00:00"),
        ("2025-07-28T00:00:00.000Z", dt.date(2025, 7, 28), "2025-07-28T00:00:00+00:00"),
        ("2024-08-05 01:00:00", dt.date(2024, 8, 5), "2024-08-05T01:00:00"),
        ("2023-04-06T23:30:00-08:00", dt.date(2023, 4, 6), "2023-04-06T23:30:00-08:00"),
        ("2023-04-06T23:30+0530", dt.date(2023, 4, 6), "2023-04-06T23:30:00+05:30"),
        (
            dt.datetime(2014, 12, 9, 0, 0, 8),
            dt.date(2014, 12, 9),
            "2014-12-09T00:00:08",
        ),
    ],
)
def test_reads_every_documented_form(value, day, iso):
    date = parse_date(value)
    assert date.day == day
    assert date.iso == iso


def test_a_datetime_keeps_the_day_of_its_own_offset():
    # 23:30 in California is already the next day in UTC; the post shows the 6th.
    date = parse_date("2023-04-06T23:30:00-08:00")
    assert date.day == dt.date(2023, 4, 6)
    assert date.sort_key == dt.datetime(2023, 4, 7, 7, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-02-30", "not a real date: February 2023 has 28 days"),
        ("2024-02-30", "February 2024 has 29 days"),
        ("2023-13-01", "months run from 1 to 12"),
        ("2023-04-06T25:00:00Z", "time that does not exist"),
        ("Smarch 3, 2023", "'Smarch' is not a month name"),
        ("next tuesday", "not a date this plugin reads"),
        ("", "not a date this plugin reads"),
        (20230406, "got a int"),
        (["2023-04-06"], "got a list"),
        (True, "got a bool"),
    ],
)
def test_rejects_what_is_not_a_date(value, message):
    with pytest.raises(DateError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_date(value)


def test_undated_sorts_never_compare_naive_and_aware():
    naive = parse_date("2024-08-05 01:00:00")
    aware = parse_date("2024-08-05T00:30:00+00:00")
    assert naive.sort_key > aware.sort_key


@pytest.mark.parametrize("tz", ["Pacific/Kiritimati", "America/Adak", "UTC"])
def test_a_date_shows_its_calendar_day_in_any_time_zone(tz):
    code = (
        "from mkdocs_blogposts.dates import parse_date;"
        "from babel.dates import format_date;"
        "d = parse_date('2023-04-06');"
        "print(d.iso, format_date(d.day, 'long', locale='en'))"
    )
    env = {**os.environ, "TZ": tz}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "2023-04-06 April 6, 2023"


def test_postdate_is_plain_data():
    assert PostDate(dt.date(2023, 4, 6)) == parse_date("2023-04-06")
