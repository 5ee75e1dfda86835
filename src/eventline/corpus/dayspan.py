"""Publication dates as day ranges, for the date-window cues of corpus linking."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eventline.model import Published

# --- publication dates -----------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedDays:
    """A publication date as the range of days it may denote (ordinals), or a month-day whose
    year is unknown. All None: undated."""

    lo: int | None = None
    hi: int | None = None
    monthday: tuple[int, int] | None = None

    def packed(self) -> tuple[int, int, int]:
        md = self.monthday[0] * 100 + self.monthday[1] if self.monthday else 0
        return (self.lo or 0, self.hi or 0, md)

    @staticmethod
    def unpack(lo: int, hi: int, md: int) -> PublishedDays:
        return PublishedDays(lo or None, hi or None, (md // 100, md % 100) if md else None)


def date_span(published: Published | None) -> PublishedDays:
    """Read Published.value (YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD); anything else is undated."""
    value = published.value if published else ""
    try:
        if value.startswith("--"):
            month, day = int(value[2:4]), int(value[5:7])
            dt.date(2000, month, day)  # validates, 2000 being a leap year
            return PublishedDays(monthday=(month, day))
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day_ = dt.date(*parts).toordinal()
            return PublishedDays(day_, day_)
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return PublishedDays(first.toordinal(), nxt.toordinal() - 1)
        if len(parts) == 1:
            return PublishedDays(
                dt.date(parts[0], 1, 1).toordinal(), dt.date(parts[0], 12, 31).toordinal()
            )
    except ValueError:
        pass
    return PublishedDays()


def day_gap(a: PublishedDays, b: PublishedDays) -> int | None:
    """Fewest days between two publication dates (0 if they may be the same day); None when
    either is undated. A month-day without a year is compared with the closest year."""
    if a.lo is not None and b.lo is not None and a.hi is not None and b.hi is not None:
        return max(0, b.lo - a.hi, a.lo - b.hi)
    if a.monthday and b.monthday:
        x = dt.date(2000, *a.monthday).toordinal()
        y = dt.date(2000, *b.monthday).toordinal()
        return min(abs(x - y), 366 - abs(x - y))
    dated, md = (a, b.monthday) if a.lo is not None else (b, a.monthday)
    if md is None or dated.lo is None or dated.hi is None:
        return None
    gaps = []
    first = dt.date.fromordinal(dated.lo).year
    for year in range(first - 1, dt.date.fromordinal(dated.hi).year + 2):
        try:
            day_ = dt.date(year, *md).toordinal()
        except ValueError:  # 29 February in a common year
            continue
        gaps.append(max(0, dated.lo - day_, day_ - dated.hi))
    return min(gaps) if gaps else None
