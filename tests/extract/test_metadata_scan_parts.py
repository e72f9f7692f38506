"""Speed rewrites of metadata scans give what the plain forms gave."""

from __future__ import annotations

import re

import pytest

from copydesk.extract import metadata as M

# the two script-date shapes as the single alternation they replace
_ONE_REGEX = re.compile(
    f"{M._SCRIPT_DATE_KEY.pattern}|{M._SCRIPT_DATE_CALL.pattern}", re.IGNORECASE
)


@pytest.mark.parametrize(
    "script",
    [
        'var d = {"published_at": "2019-03-02T06:22:28+01:00", "created_at": "2018-01-01"};',
        "showDate('2020/04/17 01:43:09'); x = {'publishDate': '2020-04-18'}",
        "{'pubDate':'2020-01-02'} writeDate(\"2021-02-03\") FORMAT_DATE('2022-03-04')",
        'xshowDate("2020/04/17") "upload_date" : "2017-05-06 10:00" printdate( "2016-01-02")',
        "no dates here, only date( calls without strings: formatDate(now)",
        "",
    ],
)
def test_script_dates_in_printed_order_as_one_regex(script: str) -> None:
    expected = [m.group(1) or m.group(2) for m in _ONE_REGEX.finditer(script)]
    assert list(M._script_dates(script)) == expected
