"""The issuing body, as written in the report (original script).

Candidates, in order: the signature (大姚县人民政府办公室), the body that opens the title
(昆都侖區人民政府關于…, 2025 年上海市人民政府办公厅政府信息公开…), the 发文机构 / 发布机构 field,
the compiler the opening names (本报告由长春市朝阳区人民政府办公室…编制).
The first full name wins over abbreviations (大姚县政府办); common department abbreviations in
simplified text are spelled out (上海市科委 → 上海市科学技术委员会).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.metadata.fields import Field
from indexer.metadata.signature import ANONYMISED, ORG_END, Signature

_BODY = (
    r"[\u4e00-\u9fff]{2,30}?"
    r"(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|管委会|办事处|公署|局|厅|委|部|署)"
)
"""A body's name: the shortest run of characters ending in a body word."""
_TITLE_BODY = re.compile(
    rf"^(?:(?:19|20)\d\d\s*年度?\s*)?(?P<org>{_BODY})"
    r"(?=关于|关於|\s*(?:19|20)\d\d|\s*[〇○零一二三四五六七八九]{4}|政府信息|政务|信息公开|年度|工作)"
)
_COMPILER = re.compile(rf"由(?P<org>{_BODY})(?:根据|依据|按照|依照|编制|负责|制作|汇总)")
"""The compiler the 2019 template names: 本报告由…办公室根据…编制, 本年报…由…局编制."""
_ABBREVIATED = re.compile(r"办$")
_PLACE_END = "省市县区旗州盟"
_SPELLED_OUT = {
    "科委": "科学技术委员会", "发改委": "发展和改革委员会", "卫健委": "卫生健康委员会",
    "教委": "教育委员会", "经信委": "经济和信息化委员会", "住建委": "住房和城乡建设委员会",
    "发改局": "发展和改革局", "住建局": "住房和城乡建设局", "人社局": "人力资源和社会保障局",
    "市监局": "市场监督管理局", "卫健局": "卫生健康局", "政府办": "人民政府办公室",
}  # fmt: skip


@dataclass(frozen=True)
class Body:
    """A candidate issuer at ``start:end`` of the report."""

    start: int
    end: int


def title_body(title: str, first_line: tuple[int, int]) -> Body | None:
    """The body a (simplified) title opens with, placed in the report; the body must lie on the
    title's first line (at ``first_line`` of the report).

    >>> title_body("2025 年上海市人民政府办公厅政府信息公开工作年度报告", (0, 26))
    Body(start=6, end=16)
    """
    match = _TITLE_BODY.match(title)
    start, end = first_line
    if not match or match.end("org") > end - start:
        return None
    return Body(start + match.start("org"), start + match.end("org"))


def compiler(intro: str, intro_start: int) -> Body | None:
    """The body that says it compiled the report, placed in the report.

    >>> compiler("本报告由淮安市人民政府办公室根据《条例》编制。", 100)
    Body(start=104, end=114)
    """
    match = _COMPILER.search(intro)
    return Body(intro_start + match.start("org"), intro_start + match.end("org")) if match else None


def choose_issuer(
    text: str,
    simplified: str,
    signature: Signature | None,
    in_title: Body | None,
    fields: tuple[Field, ...],
    compiled_by: Body | None,
) -> str | None:
    """The issuer's name as written in ``text``, or None when no real body is named."""
    bodies = [Body(signature.start, signature.end)] if signature else []
    bodies += [in_title] if in_title else []
    bodies += [
        Body(f.start, f.end) for f in fields if f.role == "issuer" and ORG_END.search(f.value)
    ]
    bodies += [compiled_by] if compiled_by else []
    names = [
        (text[b.start : b.end], simplified[b.start : b.end])
        for b in bodies
        if not ANONYMISED.search(simplified[b.start : b.end])
    ]
    names = [(written, plain) for written, plain in names if len(plain) >= 3]
    if not names:
        return None
    full = [(w, p) for w, p in names if not _ABBREVIATED.search(p)]
    written, plain = (full or names)[0]
    return _spelled_out(written, plain)


def _spelled_out(written: str, plain: str) -> str:
    """``written`` with a trailing department abbreviation spelled out, when the text is in
    simplified script (the full names are) and a place name comes before it."""
    if written != plain:
        return written
    for short, full in _SPELLED_OUT.items():
        place = plain.removesuffix(short)
        if place == plain or len(place) < 2 or place[-1] not in _PLACE_END:
            continue
        if short == "政府办" and place.endswith(("省", "自治区")):
            continue  # a province's office is a 办公厅
        return place + full
    return written
