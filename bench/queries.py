"""The requests both engines answer: a fixed latency set and a larger pool for concurrent load.

A request is query words, 0–3 filters and a page; each engine turns it into its own URL with the
same words and filters (the stock project has no section types, so it ignores ``section``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import product
from urllib.parse import urlencode

WORDS = (
    # one word, common to rare
    "政务公开",
    "公开",
    "依申请公开",
    "政策解读",
    "行政复议",
    "信息公开指南",
    "舆情",
    "非遗市集",
    "动漫解读",
    "区块链",
    # several words
    "政府信息 公开 申请",
    "依申请公开 答复",
    "政策解读 回应",
    "行政复议 行政诉讼",
    "主动公开 规范性文件",
    "政务新媒体 监管",
    # phrases
    '"政府信息公开"',
    '"政务公开工作"',
    '"主动公开政府信息"',
    '"依申请公开"',
    '"指尖上的形式主义"',
    # traditional script
    "政務公開",
    "依申請公開",
    "行政復議 訴訟",
    '"政府信息公開"',
    # very common
    "工作",
    "政府信息",
    "公开 工作 情况",
    "申请",
    "政务服务",
)
FILTERS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("province", "江苏省"),),
    (("year", "2018"),),
    (("section", "on_request"),),
    (("province", "浙江省"), ("year", "2015..2019")),
    (("year", "2021"), ("section", "proactive")),
    (("province", "河南省"), ("year", "2012"), ("section", "problems")),
    (("province", "四川省"),),
    (("year", "2023"),),
    (("province", "广东省"), ("section", "on_request")),
    (("year", "2008..2012"),),
    (("province", "山东省"), ("year", "2019"), ("section", "review_litigation")),
    (("section", "platforms"),),
)
PAGES = (1, 2, 3)


@dataclass(frozen=True)
class Request:
    """Words (empty to browse), filters and page, engine-neutral."""

    words: str
    filters: tuple[tuple[str, str], ...] = ()
    page: int = 1

    def gongkai_url(self, base: str) -> str:
        """gongkai's JSON API: total, every facet's counts, a page of highlighted hits."""
        return f"{base}/api/search?{urlencode(self._params(True))}"

    def stock_url(self, base: str) -> str:
        """The stock server's endpoint with the same words and (region and year) filters."""
        return f"{base}/search?{urlencode(self._params(False))}"

    def _params(self, sections: bool) -> list[tuple[str, str]]:
        params = [("q", self.words)] if self.words else []
        params += [(k, v) for k, v in self.filters if sections or k != "section"]
        return [*params, ("page", str(self.page))] if self.page > 1 else params


def latency_requests() -> list[Request]:
    """≥ 60 distinct requests: each query alone and with one of the filter sets, and browsing."""
    found = []
    for number, words in enumerate(WORDS):
        found += [Request(words), Request(words, FILTERS[number % len(FILTERS)])]
    found += [Request("", filters) for filters in FILTERS[:6]]
    return found


def load_requests(seed: int = 7) -> list[Request]:
    """≥ 1,000 distinct requests (query × filters × page) none of which is in the latency set,
    in a fixed shuffled order, so concurrent clients never hit a result the first pass cached."""
    measured = set(latency_requests())
    pool = [
        Request(words, filters, page)
        for words, filters, page in product(("", *WORDS), ((), *FILTERS), PAGES)
        if Request(words, filters, page) not in measured
    ]
    random.Random(seed).shuffle(pool)
    return pool
