"""Arabic month names (both series) and Arabic-Indic digits in the date cues (issue #9, item 7)."""

from __future__ import annotations

import pytest

from eventline.clean.datecues import find_dates
from eventline.clean.dates import DateInputs, publication
from eventline.model import Hints


def _dates(text: str) -> list[tuple[int, int, int | None]]:
    return [(d.day, d.month, d.year) for d in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عقد المجلس جلسته في 7 شباط 2021 بعد تأجيل.", (7, 2, 2021)),  # Levantine
        ("بيروت، 19 كانون الأول 2020 - أعلنت اللجنة النتائج.", (19, 12, 2020)),  # two words
        ("افتتح المعرض يوم 2 تشرين الثاني 2019.", (2, 11, 2019)),
        ("صدر القرار في 11 فبراير 2022 بعد جلسة طويلة.", (11, 2, 2022)),  # Egyptian / Gulf
        ("وقعت الاتفاقية في 30 أغسطس، 2018 في الرياض.", (30, 8, 2018)),  # Arabic comma
        ("دمشق ٨ أيلول/سبتمبر ٢٠٢٠ - قال الوزير إن الطريق سيفتح.", (8, 9, 2020)),  # both, slash
        ("التقى الوفدان في 16 نيسان.", (16, 4, None)),  # no year
    ],
)
def test_arabic_month_names_after_a_day_number(
    text: str, expected: tuple[int, int, int | None]
) -> None:
    assert _dates(text) == [expected]


def test_digit_positions_are_kept_and_english_is_unchanged() -> None:
    text = "نشر في ١٢ مايو ٢٠٢٣"
    (found,) = find_dates(text)
    assert text[found.start : found.start + 2] == "١٢"
    assert _dates("It opened on 4 May 2023 and closed on June 2, 2023.") == [
        (4, 5, 2023),
        (2, 6, 2023),
    ]


def test_an_arabic_printed_date_line_gives_the_publication_day() -> None:
    body = "قال المتحدث إن المحادثات ستستمر."
    found = publication(DateInputs(hints=Hints(), body=body, date_lines=("نشر في 3 آذار 2024",)))
    assert found is not None and (found.value, found.precision) == ("2024-03-03", "day")
