"""Page furniture saved along with the report: toolbars, breadcrumbs, print/close links, font-size
controls, attachment links, page clocks, previous/next links and site footers.

Rules look at the simplified twin of each line (same length), so one pattern covers both scripts.
A line is dropped only when it is furniture through and through; furniture inside a longer line
(``发布时间：… 【打印】【关闭】``) is cut out and the rest kept.
"""

from __future__ import annotations

import re

from indexer.cleaning.lines import keep_lines, map_lines
from indexer.script import to_simplified

# Words that alone make a line furniture, and words that are furniture only next to them.
_TOOL_WORDS = frozenset(
    "无障碍 无障碍浏览 无障碍阅读 长者模式 老年模式 关怀模式 关怀版 适老化 适老版 读屏 读屏专用 "  # noqa: SIM905
    "下载 打印 打印本页 打印此页 打印文章 打印本文 关闭 关闭窗口 关闭本页 返回顶部 回到顶部 "
    "分享到 分享 扫一扫 收藏 收藏本页 加入收藏 设为首页 网站地图 繁体版 繁体 简体版 智能问答 "
    "手机版 移动版 纠错 我要纠错 视力保护色 字号 字体 默认 语音播报 朗读 保存 保存本页 "
    "复制链接".split()
)
_COMPANION_WORDS = frozenset(
    "大 中 小 t 微信 微博 qq qq空间 qq好友 新浪微博 腾讯微博 朋友圈 人人网 豆瓣 首页 登录 "  # noqa: SIM905
    "注册 english 简体 返回 更多 上一页 下一页 ×".split()
)
_TOKEN_SEPARATORS = re.compile(r"[\s【】\[\]()（）〔〕「」<>《》|｜/:：·•,，、]+")
_BRACKETED = re.compile(r"[【\[]([^【】\[\]]{1,24})[】\]]")
_INLINE = re.compile(
    r"(字体|字号)\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]?"
    r"|(浏览|阅读|访问|点击)(次数|量|数|率)\s*[:：]\s*\d*(\s*次)?"
)
_BREADCRUMB = re.compile(
    r"(当前位置|您现在的位置|您当前的位置|你现在的位置|您的位置|你的位置|现在位置|所在位置|当前页面)"
    r"\s*(是)?\s*[:：]"
    r"|(网站首页|首页|主页|home)\s*(>>|>|»|›|→|＞|/|-+>)",
    re.IGNORECASE,
)
_ATTACHMENT = re.compile(
    r".{0,120}\.(docx?|xlsx?|et|wps|pdf|ofd|ceb|txt|zip|rar|7z|pptx?|jpe?g|png|gif|tiff?)"
    r"\s*[(（]?\s*(\d+(\.\d+)?\s*[kmg]?b?)?\s*[)）]?",
    re.IGNORECASE,
)
_ATTACHMENT_LABEL = re.compile(r"(相关)?附件(下载)?\s*\d*\s*[:：]|下载附件|附件\d")
_CLOCK = re.compile(
    r"(今天是\s*[:：]?\s*)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期|周)[一二三四五六日天]"
    r"(\s*\d{1,2}:\d{2}(:\d{2})?)?"
)
_NEIGHBOUR_LINK = re.compile(r"(上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]")
_SITE_FOOTER = re.compile(
    r"版权所有(?![人者方])|网站标识码|icp备|icp证|公网安备|copyright|©", re.IGNORECASE
)
_FOOTER_LINE_LIMIT = 150  # site footers are short; a report sentence naming 版权 is not
_WORD = re.compile(r"[^\s|｜]+")
_CRUMB = re.compile(r"\s*[^\s>»›→＞]{1,12}\s*(?:>>|>|»|›|→|＞)\s*|\s*[^\s>»›→＞]{1,12}(?=\s)")
"""A crumb and its separator, or the last crumb, which a space ends."""
_CRUMBS_MAX = 120


def strip_inline_furniture(text: str) -> str:
    """Cut out 【打印】【关闭】, 【字体：大 中 小】 and view counters inside longer lines.

    >>> strip_inline_furniture("发布时间：2019-01-17 点击数：222 【字体：大 中 小】【打印】")
    '发布时间：2019-01-17  '
    """
    return map_lines(text, _strip_inline)


def _strip_inline(line: str) -> str:
    twin = to_simplified(line)
    spans = [match.span() for match in _INLINE.finditer(twin)]
    spans += [m.span() for m in _BRACKETED.finditer(twin) if _is_toolbar(m.group(1))]
    if len(twin) > _FOOTER_LINE_LIMIT:  # a whole page on one line: its header's furniture
        spans += _toolbar_runs(twin)
        crumbs = _BREADCRUMB.match(twin)
        spans += [(0, _crumbs_end(twin, crumbs.end()))] if crumbs else []
    return _cut_spans(line, spans) if spans else line


def _toolbar_runs(line: str) -> list[tuple[int, int]]:
    """Runs of two or more space-separated toolbar words (微信 微博 打印 关闭) in a long line."""
    runs: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    for token in [*_WORD.finditer(line), None]:
        if token is not None and _is_toolbar_word(token.group()):
            if run and line[run[-1].end() : token.start()].strip(" 　|"):
                run = []
            run.append(token)
            continue
        if len(run) >= 2 and any(t.group().lower() in _TOOL_WORDS for t in run):
            runs.append((run[0].start(), run[-1].end()))
        run = []
    return runs


def _is_toolbar_word(token: str) -> bool:
    token = token.strip("【】[]")
    return token.lower() in _TOOL_WORDS or token.lower() in _COMPANION_WORDS


def _crumbs_end(line: str, start: int) -> int:
    """Where a breadcrumb trail opening a one-line page ends: after the crumb that follows its
    last separator (当前位置：首页 > 政务公开 > 年报), the crumbs being short words."""
    end = start
    for crumb in _CRUMB.finditer(line, start, start + _CRUMBS_MAX):
        if crumb.start() != end:
            break
        end = crumb.end()
    return end


def drop_furniture_lines(text: str) -> str:
    """Drop lines that are furniture through and through.

    >>> drop_furniture_lines("无障碍浏览 长者模式\\n首页 >> 公开信息内容\\n正文\\n下载")
    '正文'
    """
    return keep_lines(text, lambda line: not _is_furniture(to_simplified(line).strip()))


def _is_furniture(line: str) -> bool:
    if not line:
        return False
    return (
        _is_toolbar(line)
        or bool(_BREADCRUMB.match(line))
        or bool(_NEIGHBOUR_LINK.match(line))
        or bool(_CLOCK.fullmatch(line))
        or _is_attachment(line)
        or (len(line) <= _FOOTER_LINE_LIMIT and bool(_SITE_FOOTER.search(line)))
    )


def _is_toolbar(text: str) -> bool:
    """Only toolbar words, at least one of which is furniture on its own."""
    tokens = [token.lower() for token in _TOKEN_SEPARATORS.split(text) if token]
    return (
        bool(tokens)
        and all(token in _TOOL_WORDS or token in _COMPANION_WORDS for token in tokens)
        and any(token in _TOOL_WORDS for token in tokens)
    )


def _is_attachment(line: str) -> bool:
    """A link to an attached file: "附件：统计表.doc 0K", or a bare file name with its size."""
    if not _ATTACHMENT.fullmatch(line):
        return False
    return bool(_ATTACHMENT_LABEL.match(line)) or not re.search(r"[。；，]", line)


def _cut_spans(line: str, spans: list[tuple[int, int]]) -> str:
    """Remove character spans (found in the simplified twin) from the line as written."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        if start >= position:
            pieces.append(line[position:start])
            position = end
        else:
            position = max(position, end)
    pieces.append(line[position:])
    return "".join(pieces)
