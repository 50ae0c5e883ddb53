"""How generated reports reach the disk: traditional script, HTML pages with site furniture, spam
tails, several reports in one file, UTF-8 or GB18030 bytes — the shapes real inputs come in.
"""

from __future__ import annotations

import functools
import html
import random

import opencc

SPAM_TAILS = (
    "本文来源于网络，仅供学习参考，如有侵权请联系删除。更多精品范文尽在本站。",
    "相关推荐：政务公开工作总结范文 | 年度工作报告模板 | 个人述职报告大全 | 心得体会精选",
    "免责声明：本站部分内容转载自互联网，版权归原作者所有。下载本文完整版请扫描二维码。",
)
NAV = ("首页", "政务公开", "政务服务", "互动交流", "走进本地", "专题专栏")


@functools.cache
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    """``text`` in traditional script, as Hong Kong mirrors and some county sites publish it."""
    return _to_traditional().convert(text)


def spam_tail(rng: random.Random) -> str:
    """Advert lines that copy sites append after a report."""
    return "\n" + "\n".join(rng.sample(SPAM_TAILS, rng.randint(1, len(SPAM_TAILS)))) + "\n"


def compilation(texts: list[str]) -> str:
    """Several reports in one file, as collection pages and document dumps hold them."""
    return "\n\n".join(texts)


def html_page(rng: random.Random, text: str, site: str, charset: str) -> str:
    """``text`` as a government web page: navigation, breadcrumbs, metadata, body, footer."""
    lines = text.strip("\n").split("\n")
    title = html.escape(lines[0])
    nav = "".join(f'<li><a href="/{i}/">{name}</a></li>' for i, name in enumerate(NAV))
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:] if line)
    crumbs = " &gt; ".join(("首页", "政务公开", "政府信息公开年报"))
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="{charset}">'
        f"<title>{title}_{site}</title></head>\n<body>\n"
        f'<div class="header"><span>{site}</span><a href="/wza/">无障碍浏览</a></div>\n'
        f'<ul class="nav">{nav}</ul>\n<div class="crumbs">当前位置：{crumbs}</div>\n'
        f'<div class="article"><h1>{title}</h1>\n'
        f'<div class="meta">索引号：{rng.randint(10**8, 10**9)}-{rng.randint(1000, 9999)}'
        f"　发文机构：{site}</div>\n{body}\n</div>\n"
        f'<div class="footer">主办：{site}　网站标识码：{rng.randint(10**9, 10**10)}'
        f"　ICP备{rng.randint(10**7, 10**8)}号</div>\n</body></html>\n"
    )
