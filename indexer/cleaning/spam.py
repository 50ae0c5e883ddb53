"""Text that is not the government's: essay-site adverts and search-engine spam.

Adverts are removed sentence by sentence (on essay sites the advert runs on into the report in
the same paragraph). Spam lines are recognised by shape: many short tokens separated by spaces
or ``|``, no sentence punctuation, nearly all of them gambling words or names of administrative
divisions. A list of division names alone is spam only at the end of the text and only when it
mixes levels (provinces, cities, counties and districts from all over), so a report's list of its
townships or a table row of its districts is kept. Hijacked mirrors also put a casino's name in
place of a word inside sentences (由北京市滚球体育app_188篮球比分-直播|官网:发展和改革委员会编制):
such a brand, Latin letters or digits run together with gambling words, is cut out.
"""

from __future__ import annotations

import re

from indexer.cleaning.lines import map_lines
from indexer.script import to_simplified

_ADVERT_SIGN = re.compile(
    r"企业qq|qq\s*[:：号]?\s*\d{5,}|写作(网站|团队|电话|服务)|范文|原创文章|文章定制|定制服务|"
    r"一对一服务|联系我们|每日更新|热点文章|免费下载|下载本文|转载请注明|版权声明|自发贡献|"
    r"侵权.{0,6}删除|猜你喜欢|相关推荐|热门推荐|为客户提供",
    re.IGNORECASE,
)
_ADVERT_SIGNS_NEEDED = 2
_SENTENCE = re.compile(r".*?(?:[。！!？?]+|[ \u3000\xa0]{2,}|$)")

_SPAM_WORD = re.compile(
    r"时时彩|彩票(网|平台|app)|购彩|发财计划|计划网|棋牌|娱乐(平台|城|场)|博彩|赌场|百家乐|六合彩|"
    r"赛车|快三|快3|彩金|投注|下注|开奖|老虎机|捕鱼|真人(视讯|娱乐)|网投|葡京|威尼斯人|太阳城|"
    r"下载app|网址|官网|注册送",
    re.IGNORECASE,
)
_BRAND_PART = (
    r"(?:[A-Za-z0-9]+|体育|娱乐[城场]?|彩票|投注|博彩|比分|竞猜|买球|棋牌|滚球|九游会?|真人|网投|"
    r"欧洲杯|世界杯|决赛|篮球|足球|直播|官网|官方网站|平台|客户端|网址|入口|备用|手机版|注册|首页|"
    r"线上|速发|下载)"
)
_BRAND = re.compile(rf"{_BRAND_PART}(?:[_\-|:：·]?{_BRAND_PART})*[_\-|:：·]?", re.IGNORECASE)
_BRAND_GAMBLING = re.compile(
    r"体育|娱乐|彩票|投注|博彩|比分|竞猜|买球|棋牌|滚球|九游|真人|网投|bet|casino", re.IGNORECASE
)
_BRAND_LATIN = re.compile(
    r"[A-Za-z]{2,}|\d{2,}(?=体育|娱乐|彩票|投注|博彩|比分|竞猜|买球|棋牌)"
    r"|(?<=体育|娱乐|彩票|投注|博彩|比分|竞猜|买球|棋牌)\d{2,}"
)
"""What makes a run a brand: Latin letters, or digits glued to a gambling word (365体育); digits
alone may be a table's cells (体育|12|30)."""
_DIVISION = re.compile(r"[\u4e00-\u9fff]{1,12}?(自治区|自治州|自治县|自治旗|省|市|县|区|旗|州|盟)")
_LEVEL = {"自治区": "省", "自治州": "州", "盟": "州", "自治县": "县", "旗": "县", "自治旗": "县"}
_TOKEN_SEPARATORS = re.compile(r"[\s|｜]+")
_SENTENCE_PUNCTUATION = re.compile(r"[，。；：！？、,;:!?]")
_MIN_TOKENS = 3
_MIN_PLACES = 8
_MIN_LEVELS = 3
_JUNK_SHARE = 0.8
_MAX_TOKEN = 12


def drop_adverts(text: str) -> str:
    """Remove advert sentences; a removed advert between two pieces of text becomes a line break.

    >>> drop_adverts("总结6篇   是专业的写作网站,每日更新大量热点文章。2018年我局电子政务建设")
    '总结6篇\\n2018年我局电子政务建设'
    """
    return map_lines(text, _drop_advert_sentences)


def _drop_advert_sentences(line: str) -> str:
    twin = to_simplified(line)
    if not _ADVERT_SIGN.search(twin):
        return line
    kept: list[str] = []
    removed_before = False
    for match in _SENTENCE.finditer(twin):
        sentence = match.group()
        if not sentence:
            continue
        signs = {sign.group().lower() for sign in _ADVERT_SIGN.finditer(sentence)}
        if len(signs) >= _ADVERT_SIGNS_NEEDED:
            removed_before = True
            continue
        piece = line[match.start() : match.end()]
        if removed_before and kept:
            kept[-1] = kept[-1].rstrip() + "\n"
            piece = piece.lstrip()
        kept.append(piece)
        removed_before = False
    return "".join(kept).rstrip() if removed_before else "".join(kept)


def strip_inline_spam(text: str) -> str:
    """Cut out casino brands written in place of a word: gambling words run together with Latin
    letters or digits (365bet平台客户端_bei365官网, UedBet体育, 365体育投注). Gambling words alone
    (体育彩票) or Latin words alone (政务app平台) are left, being ordinary text.

    >>> strip_inline_spam("由北京市滚球体育app_188篮球比分-直播|官网:发展和改革委员会编制")
    '由北京市发展和改革委员会编制'
    >>> strip_inline_spam("以365体育投注新时代中国特色社会主义思想为指引,推广体育彩票和政务app平台")
    '以新时代中国特色社会主义思想为指引,推广体育彩票和政务app平台'
    >>> strip_inline_spam("文化体育|12|30")
    '文化体育|12|30'
    """
    return map_lines(text, _strip_brands)


def _strip_brands(line: str) -> str:
    twin = to_simplified(line)
    if not _BRAND_GAMBLING.search(twin):
        return line
    spans = [
        brand.span()
        for brand in _BRAND.finditer(twin)
        if _BRAND_GAMBLING.search(brand.group()) and _BRAND_LATIN.search(brand.group())
    ]
    for start, end in reversed(spans):
        line = line[:start] + line[end:]
    return line


def drop_spam_lines(text: str) -> str:
    """Drop spam lines: gambling keywords anywhere, lists of places from all over at the end.

    >>> drop_spam_lines("正文。\\n发财计划|发财计划下载APP|发财计划网址 多伦县 平塘县")
    '正文。'
    """
    lines = text.split("\n")
    twins = [to_simplified(line) for line in lines]
    keep = [not _is_gambling_spam(twin) for twin in twins]
    for index in range(len(lines) - 1, -1, -1):  # the tail: place lists, blanks and spam only
        if not twins[index].strip() or not keep[index]:
            continue
        if not _is_place_list(twins[index]):
            break
        keep[index] = False
    return "\n".join(line for line, kept in zip(lines, keep, strict=True) if kept)


def _tokens(line: str) -> list[str] | None:
    """The line's tokens if it is shaped like spam: short tokens, no sentence punctuation."""
    if _SENTENCE_PUNCTUATION.search(line):
        return None
    tokens = [token for token in _TOKEN_SEPARATORS.split(line) if token]
    if len(tokens) < _MIN_TOKENS or any(len(token) > _MAX_TOKEN for token in tokens):
        return None
    return tokens


def _is_gambling_spam(line: str) -> bool:
    tokens = _tokens(line)
    if not tokens:
        return False
    gambling = [token for token in tokens if _SPAM_WORD.search(token)]
    junk = sum(1 for token in tokens if _SPAM_WORD.search(token) or _DIVISION.fullmatch(token))
    return len(gambling) >= 2 and junk >= _JUNK_SHARE * len(tokens)


def _is_place_list(line: str) -> bool:
    tokens = _tokens(line)
    if not tokens:
        return False
    places = [match for token in tokens if (match := _DIVISION.fullmatch(token))]
    levels = {_LEVEL.get(place.group(1), place.group(1)) for place in places}
    return (
        len(places) >= _MIN_PLACES
        and len(places) >= _JUNK_SHARE * len(tokens)
        and len(levels) >= _MIN_LEVELS
    )
