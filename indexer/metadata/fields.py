"""Labelled fields of the page's metadata block: 发布日期:2019年01月17日, 发文机构:大姚县政府办,
发布时间:2018-06-01 13:27:00, w3m's 发布机构 沭阳县发展和改革局   公开日期 2024-01-17.

Labels may be spaced out (标  题, 发 布 日 期) and must start a word, so 采集时间 is no 时间 field;
table cells (| 发布机构 | 市政府办 |) count as fields too, and so do labels whose value is on the
next line (• 发布日期: / 2024年04月06日, or a label alone on its line). A label without a colon
needs a specific name: a bare 时间 or 来源 followed by a space is prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Role = Literal["published", "written", "date", "issuer", "title"]

_LABELS: dict[str, Role] = {
    "发布日期": "published", "发布时间": "published", "公开日期": "published",
    "公开时间": "published", "发表日期": "published", "发表时间": "published",
    "生成日期": "published", "成文日期": "written", "成文时间": "written",
    "发文日期": "written", "印发日期": "written", "签发日期": "written",
    "日期": "date", "时间": "date",
    "发文机构": "issuer", "发布机构": "issuer", "发文单位": "issuer", "发布单位": "issuer",
    "发文机关": "issuer", "发布机关": "issuer", "制发机关": "issuer", "信息来源": "issuer",
    "来源": "issuer", "标题": "title", "名称": "title", "题名": "title", "文件名称": "title",
}  # fmt: skip
_BARE_OK = {"发布日期", "发布时间", "公开日期", "生成日期", "成文日期", "发文日期", "发文机构",
            "发布机构", "发布机关", "发文单位", "名称", "标题"}  # fmt: skip
"""Labels specific enough to be recognised without a colon (table rows of saved pages)."""


def _spaced(label: str) -> str:
    return "[ \u3000]*".join(label)


_LABEL = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<label>"
    + "|".join(_spaced(label) for label in sorted(_LABELS, key=len, reverse=True))
    + r")(?:[ \u3000\t|｜]*[:：]\s*|(?P<bare>[ \u3000\t|｜]+|[ \u3000\t]*\n\s*))(?=[^\s:：|｜•·])"
)
_VALUE_END = re.compile(r"[ \u3000\t]{2,}|[ \u3000\t]*[|｜]|\n|$")
_LINE_START = re.compile(r"(?:^|\n)[ \u3000\t•·]*$")


@dataclass(frozen=True)
class Field:
    """One labelled value: ``start:end`` is the value's place in the report."""

    role: Role
    label: str
    start: int
    end: int
    value: str


def find_fields(text: str) -> tuple[Field, ...]:
    """The labelled fields in ``text`` (simplified script), in order. A value ends at the next
    label, at a run of spaces or at the end of the line; an issuer's at its first space.

    >>> block = "发文机构:大姚县政府办 主 题 词: 发布日期:2019年01月17日"
    >>> [(f.role, f.value) for f in find_fields(block)]
    [('issuer', '大姚县政府办'), ('published', '2019年01月17日')]
    """
    labels = [m for m in _LABEL.finditer(text) if _accepted(m, text)]
    fields = []
    for index, match in enumerate(labels):
        label = _unspaced(match["label"])
        limit = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        end = _VALUE_END.search(text, match.end(), limit)
        value = text[match.end() : end.start() if end else limit].rstrip()
        if _LABELS[label] == "issuer":
            value = value.split(" ")[0]
        fields.append(Field(_LABELS[label], label, match.end(), match.end() + len(value), value))
    return tuple(fields)


def _accepted(match: re.Match[str], text: str) -> bool:
    bare = match["bare"]
    if bare is None or "|" in bare or "｜" in bare:
        return True
    if _unspaced(match["label"]) not in _BARE_OK:
        return False
    return "\n" not in bare or bool(
        _LINE_START.search(text, max(0, match.start() - 20), match.start())
    )


def _unspaced(label: str) -> str:
    return re.sub(r"[ \u3000]", "", label)
