"""Title suffixes and prefixes seen on real crawled pages (benchmarks/real_pages.py)."""

from __future__ import annotations

import pytest

from eventline.clean.metadata import clean_title


@pytest.mark.parametrize(
    ("raw", "outlet", "title"),
    [
        ("Ferry fares rise again -- Harbour Times", "Harbour Times", "Ferry fares rise again"),
        ("Ferry fares rise again » Local » News » Harbour Times", None, "Ferry fares rise again"),
        ("Harbour Times | Island news: Ferry fares rise again", "Harbour Times | Island news",
         "Ferry fares rise again"),
        ("渡轮票价再次上涨 居民表示不满-海港日报", None, "渡轮票价再次上涨 居民表示不满"),
        ("渡轮票价上涨_新闻_海港网", None, "渡轮票价上涨"),
        ("港口-城市", None, "港口-城市"),  # a short title keeps its hyphen
        ("Ferry fares - and what they buy", None, "Ferry fares - and what they buy"),
    ],
)  # fmt: skip
def test_site_names_around_a_title_are_stripped(raw: str, outlet: str | None, title: str) -> None:
    assert clean_title(raw, outlet=outlet)[0] == title
