"""Reading files: encodings (hostile bytes crafted here), HTML to text, the file finder."""

from __future__ import annotations

import codecs
import random
import re
from pathlib import Path

import pytest

from indexer.reading import (
    READERS,
    SUPPORTED_SUFFIXES,
    ReadError,
    decode,
    find_report_files,
    html_to_text,
    read_text,
)

from .conftest import DATA_DIR, SAMPLE_DIR, TEMPLATE_2019_DIR

SIMPLIFIED = (
    "洛宁县2017年度政务公开工作报告\n一、领导重视\n"
    "县委、县政府高度重视政务公开工作，配备专职工作人员6名。\n"
    "二、制度建设\n健全信息公开制度，确保工作规范；政府信息公开指南和目录及时更新。\n"
)
TRADITIONAL = (
    "昆都侖區人民政府關于2017年度政府信息公開情況的報告\n"
    "一、政務信息公開情況\n利用政府門戶網站、微信、公眾號、信息公開欄等多種載體，"
    "累計公開政務信息8000多條。無依申請公開事項。\n"
)
RARE = "政府信息公开年报€，𠀀字。\n"  # € and 𠀀 need GB18030's two- and four-byte extensions


def _junk(size: int, low: int) -> bytes:
    generator = random.Random(20240117)
    return bytes(generator.randrange(low, 256) for _ in range(size))


@pytest.mark.parametrize(
    ("data", "text"),
    [
        pytest.param(SIMPLIFIED.encode("gbk"), SIMPLIFIED, id="gbk"),
        pytest.param(TRADITIONAL.encode("gbk"), TRADITIONAL, id="traditional-in-gbk"),
        pytest.param(RARE.encode("gb18030"), RARE, id="gb18030-four-byte"),
        pytest.param(TRADITIONAL.encode("big5"), TRADITIONAL, id="big5"),
        pytest.param(SIMPLIFIED.encode("utf-8"), SIMPLIFIED, id="utf-8"),
        pytest.param(SIMPLIFIED.encode("utf-8-sig"), SIMPLIFIED, id="utf-8-bom"),
        pytest.param(SIMPLIFIED.encode("utf-16"), SIMPLIFIED, id="utf-16-bom"),
        pytest.param(
            codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, id="utf-16-be-bom"
        ),
        pytest.param(SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, id="utf-16-le-no-bom"),
        pytest.param(SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, id="utf-16-be-no-bom"),
        pytest.param(TRADITIONAL.encode("utf-16-le"), TRADITIONAL, id="utf-16-traditional-no-bom"),
        pytest.param(SIMPLIFIED.encode("utf-32"), SIMPLIFIED, id="utf-32-bom"),
        pytest.param(b"plain ascii report\n", "plain ascii report\n", id="ascii"),
    ],
)
def test_decode_reads_every_common_chinese_encoding(data: bytes, text: str) -> None:
    assert decode(data) == text


@pytest.mark.parametrize("codec", ["utf-8", "gbk", "gb18030", "big5", "utf-16-le", "utf-16"])
def test_a_file_cut_mid_character_loses_only_that_character(codec: str) -> None:
    text = TRADITIONAL.rstrip("\n")  # ends with a multibyte character in every codec
    data = text.encode(codec)
    assert decode(data[:-1]) == text[:-1]


def test_big5_is_not_read_as_gb18030_although_it_decodes_as_such() -> None:
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # the trap: no error, but mojibake
    assert decode(data) == TRADITIONAL


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b"report\x00\x00\x01\x02binary", "binary file (NUL bytes)", id="nul"),
        pytest.param(_junk(4000, 0), "binary file (NUL bytes)", id="random-bytes"),
        pytest.param(_junk(4000, 1), "binary file (application/octet-stream)", id="junk-no-nul"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(64), "binary file (NUL bytes)", id="png"),
        pytest.param(
            SIMPLIFIED.encode("gbk") + b"\xff\xfe\x80" + SIMPLIFIED.encode("gbk"),
            f"not valid GB18030 text at byte {len(SIMPLIFIED.encode('gbk'))}",
            id="gbk-garbage-in-the-middle",
        ),
        pytest.param(
            SIMPLIFIED.encode("utf-8") + b"\xff" + SIMPLIFIED.encode("utf-8"),
            f"not valid UTF-8 text at byte {len(SIMPLIFIED.encode('utf-8'))}",
            id="utf-8-garbage-in-the-middle",
        ),
        pytest.param(
            codecs.BOM_UTF8 + b"abc\xe4\xb8" + "政务公开".encode(),
            "not valid UTF-8 text at byte 3",
            id="utf-8-bom-cut-in-the-middle",
        ),
    ],
)
def test_decode_rejects_what_is_not_text_with_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError) as error:
        decode(data)
    assert str(error.value) == reason


def test_latin_text_is_not_passed_off_as_chinese() -> None:
    with pytest.raises(ReadError):
        decode("Café crème brûlée, naïve résumé, façade. ".encode("latin-1") * 5)


@pytest.mark.parametrize(
    ("declared", "body", "codec", "expected"),
    [
        # The declaration is wrong, the bytes are Big5: the bytes win.
        pytest.param("gb2312", TRADITIONAL, "big5", "昆都侖區人民政府", id="wrong-declaration"),
        pytest.param("big5", SIMPLIFIED, "gbk", "洛宁县2017年度", id="wrong-declaration-gbk"),
        # Too few bytes for chardet to place ("發[20" in Big5): the declaration decides.
        pytest.param("big5", "發[20", "big5", "發[20", id="declaration-helps-tiny-file"),
    ],
)
def test_a_declared_charset_is_a_hint_not_an_order(
    declared: str, body: str, codec: str, expected: str
) -> None:
    page = f'<html><head><meta charset="{declared}"></head><body>'.encode() + body.encode(codec)
    assert expected in decode(page)


# --- HTML -----------------------------------------------------------------------------------

PORTAL_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>某县人民政府网站</title>
<style>p { color: red }</style><script>var text = "脚本里的字";</script></head>
<body>
<div class="header"><ul class="mainNav"><li><a href="/">首页</a></li><li><a>政务公开</a></li></ul>
<div class="wza"><a>无障碍</a> <a>长者模式</a></div></div>
<div class="position">当前位置：<a>首页</a> &gt;&gt; <a>信息公开</a></div>
<div class="sidebar"><h3>相关文件</h3><ul><li><a>2017年政府信息公开工作年度报告</a></li></ul></div>
<div class="main">
<h1>某县2019年政府信息公开工作年度报告</h1>
<div class="info">发布日期：2020-01-15&nbsp;&nbsp;来源：县政府办</div>
<div id="zoom" class="TRS_Editor">
<p>一、总体情况</p>
<p>2019年，我县主动公开政府信息<span>30</span><span>01</span>条，同比增长&lt;5%&gt;。</p>
<table><tr><td>信息内容</td><td>本年新制作数量</td></tr><tr><td>规章</td><td>0</td></tr></table>
<p>二、存在的主要问题及改进情况</p><p>一是人员不足；二是培训不够。</p>
</div>
<div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div>
</div>
<div class="footer">主办：某县人民政府办公室　网站标识码：1234000001</div>
<noscript>请开启脚本</noscript>
</body></html>"""

PORTAL_TEXT = """某县2019年政府信息公开工作年度报告
发布日期：2020-01-15 来源：县政府办
一、总体情况
2019年，我县主动公开政府信息3001条，同比增长<5%>。
信息内容 | 本年新制作数量
规章 | 0
二、存在的主要问题及改进情况
一是人员不足；二是培训不够。"""


def test_a_portal_page_comes_out_as_its_report_title_metadata_and_body() -> None:
    assert html_to_text(PORTAL_PAGE) == PORTAL_TEXT


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        pytest.param("<p>共<span>30</span><span>01</span>件</p>", "共3001件", id="split-number"),
        pytest.param("<p>第一段</p><p>第二段</p>", "第一段\n第二段", id="paragraphs"),
        pytest.param("<p>一行<br>二行<br/><br>四行</p>", "一行\n二行\n\n四行", id="br"),
        pytest.param("<p>甲&nbsp;乙&amp;丙&#x4e01;</p>", "甲 乙&丙丁", id="entities"),
        pytest.param(
            "<p><span>现向社会公布\n本年度报告，</span><span>2019\n</span><span>年</span></p>"
            "<p>Hello\nworld</p>",
            "现向社会公布本年度报告，2019年\nHello world",
            id="word-wraps-its-source-mid-sentence",
        ),
        pytest.param("<pre>  第一行\n  第二行</pre>", "第一行\n第二行", id="pre"),
        pytest.param("<p>前<!-- 注释 -->后</p>", "前后", id="comment"),
        pytest.param(
            '<?xml version="1.0" encoding="gb2312"?><html><body><p>报告</p></body></html>',
            "报告",
            id="xml-declaration",
        ),
        pytest.param("只有文字", "只有文字", id="fragment"),
        pytest.param("  \n ", "", id="blank"),
        pytest.param("<p>申请<o:p></o:p>人</p><p><o:p>&nbsp;</o:p></p>", "申请人", id="word-o-p"),
    ],
)
def test_html_to_text_blocks_lines_and_inline_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        pytest.param(
            '<table><tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>5</td>'
            '</tr><tr><td colspan="2">（二）部分公开</td></tr></table>',
            "三、本年度办理结果 | （一）予以公开 | 5\n（二）部分公开",
            id="rowspan-colspan-once",
        ),
        pytest.param(
            "<table><tr><td>文号</td><td></td><td>关键词</td><td> </td></tr></table>",
            "文号 | 关键词",
            id="empty-cells-left-out",
        ),
        pytest.param(
            "<table><tr><td><p>本年新收政府</p><p>信息公开申请</p></td><td>26</td></tr></table>",
            "本年新收政府信息公开申请 | 26",
            id="wrapped-label-joined",
        ),
        pytest.param(
            "<table><tr><td>外</td><td><table><tr><td>内1</td><td>内2</td></tr></table></td>"
            "</tr></table>",
            "外\n内1 | 内2",
            id="nested-table",
        ),
        pytest.param(
            '<table width="100%"><tr><td class="left"><a>首页</a><br><a>通知公告</a><br><a>a</a>'
            "<br><a>b</a></td><td><p>关于2018年的报告</p><p>一、概述</p><p>本年度，我局认真贯彻。</p>"
            "<p>二、主动公开</p><p>共公开100条。</p></td></tr></table>",
            "首页\n通知公告\na\nb\n关于2018年的报告\n一、概述\n本年度，我局认真贯彻。\n"
            "二、主动公开\n共公开100条。",
            id="layout-table",
        ),
    ],
)
def test_tables_come_out_row_by_row(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_nested_layout_tables_come_out_in_reading_order() -> None:
    markup = "<p>报告正文</p>"
    for depth in range(12):
        markup = f"<table><tr><td>导航{depth}</td><td>{markup}</td></tr></table>"
    expected = [f"导航{depth}" for depth in range(11, 0, -1)] + ["导航0 | 报告正文"]
    assert html_to_text(markup).split("\n") == expected


def test_a_form_wrapping_the_whole_page_is_not_dropped() -> None:
    page = (
        '<body><form id="form1" runat="server"><div class="nav"><a>网站首页</a></div>'
        "<div><p>一、总体情况</p><p>本年度主动公开政府信息一百条，依申请公开两件。</p></div></form></body>"
    )
    assert html_to_text(page) == "一、总体情况\n本年度主动公开政府信息一百条，依申请公开两件。"


BODY = "".join(f"<p>第{n}段报告正文，内容充实。</p>" for n in range(20))


@pytest.mark.parametrize(
    ("markup", "kept", "dropped"),
    [
        pytest.param(
            "<header><div>某县人民政府</div><ul><li><a>首页</a></li></ul></header>"
            f"<div><header><h1>某县2019年年度报告</h1><p>发布日期：2020-01-01</p></header>{BODY}</div>",
            ["某县2019年年度报告", "发布日期：2020-01-01"],
            ["某县人民政府", "首页"],
            id="article-header-kept-site-header-dropped",
        ),
        pytest.param(
            f'<div class="position-relative">{BODY}</div>'
            '<div class="position">当前位置：首页</div>',
            ["第0段报告正文，内容充实。"],
            ["当前位置：首页"],
            id="utility-class-is-not-a-breadcrumb",
        ),
        pytest.param(
            f'<div class="nav">{BODY}</div>',
            ["第19段报告正文，内容充实。"],
            [],
            id="misnamed-element-holding-the-report-is-kept",
        ),
    ],
)
def test_furniture_is_recognised_by_tag_and_name(
    markup: str, kept: list[str], dropped: list[str]
) -> None:
    lines = html_to_text(f"<body>{markup}</body>").split("\n")
    assert all(line in lines for line in kept)
    assert not any(line in lines for line in dropped)


def test_hidden_text_is_dropped() -> None:
    body = "".join(f"<p>第{n}段报告正文，内容充实。</p>" for n in range(10))
    page = f'<body><div style="display: none">时时彩 发财计划 棋牌</div>{body}</body>'
    assert "时时彩" not in html_to_text(page)


def test_text_far_from_the_content_element_is_left_out_but_its_title_is_kept() -> None:
    links = "".join(f"<li><a>栏目{n}：政策文件汇编与解读材料</a></li>" for n in range(40))
    body = "".join(f"<p>第{n}段报告正文，内容充实。</p>" for n in range(60))
    page = (
        f"<body><ul>{links}</ul><h1>某局2020年政府信息公开工作年度报告</h1><p>发布日期：2021-01-20</p>"
        f'<div class="article-content">{body}</div><ul>{links}</ul></body>'
    )
    lines = html_to_text(page).split("\n")
    assert lines.index("某局2020年政府信息公开工作年度报告") < lines.index("发布日期：2021-01-20")
    assert "第59段报告正文，内容充实。" in lines
    kept_links = [line for line in lines if line.startswith("栏目")]
    assert len(kept_links) == 8 + 3  # 10 lines above the content (title and date too), 3 below


def test_thousands_of_unclosed_divs_lose_no_text() -> None:
    page = "<div>" * 3000 + "深层文字" + "</div>" * 3000 + "<p>后面的文字</p>"
    assert html_to_text(page).split() == ["深层文字", "后面的文字"]


@pytest.fixture(scope="module")
def word_page() -> str:
    return read_text(TEMPLATE_2019_DIR / "shuyang-fgj-2023.html")


@pytest.mark.parametrize(
    "line",
    [
        "沭阳县发展和改革局2023年政府信息公开年度报告",
        "索引号 | 014314799/2024-00002 | 分类 | 信息公开年报 其他 报告",
        "发布机构 | 沭阳县发展和改革局 | 公开日期 | 2024-01-17",
        "一、总体情况",
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
        "规章 | 0 | 0 | 0",
        "一、本年新收政府信息公开申请数量 | 26 | 26",
        "六、其他需要报告的事项",
        "2024年1月17日",
    ],
)
def test_word_exported_page_keeps_lines_and_table_rows(word_page: str, line: str) -> None:
    assert line in word_page.split("\n")


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度报告所列数据的统计时限为2023年1月1日至2023年12月31日。",  # 12 <span>/<font> pieces
        "电话：0527—83593059",
        "全年共审核发布各类公开政府信息249条",
    ],
)
def test_word_exported_page_rejoins_text_split_across_spans(word_page: str, sentence: str) -> None:
    assert sentence in word_page
    assert sentence.replace(" ", "") in _w3m_text()  # w3m, a real browser, reads it the same


@pytest.mark.parametrize("furniture", ["繁體版", "智能问答", "走进沭阳", "websiteId", "function"])
def test_word_exported_page_drops_navigation_and_scripts(word_page: str, furniture: str) -> None:
    assert furniture not in word_page


def _w3m_text() -> str:
    return re.sub(r"\s", "", (DATA_DIR / "w3m" / "shuyang-fgj-2023.txt").read_text("utf-8"))


# --- files ----------------------------------------------------------------------------------


def test_supported_suffixes_come_from_the_reader_registry() -> None:
    assert (
        frozenset(READERS)
        == SUPPORTED_SUFFIXES
        == {".txt", ".htm", ".html", ".pdf", ".docx", ".doc"}
    )


@pytest.mark.parametrize(
    ("name", "data", "text"),
    [
        pytest.param(
            "stray.txt",
            '<tbody id="wtytz"></tbody>\r\n当前位置：首页\r\n正文<br>第二行'.encode("gbk"),
            "\n当前位置：首页\n正文\n第二行",
            id="txt-with-stray-tags",
        ),
        pytest.param(
            "page.txt",
            b"<!DOCTYPE html><html><body><script>x()</script>"
            + "<p>报告</p><p>正文</p></body></html>".encode(),
            "报告\n正文",
            id="txt-holding-a-whole-page",
        ),
        pytest.param(
            "title-marks.txt",
            "《国务院办公厅印发<关于全面推进政务公开工作的意见>实施细则的通知》".encode(),
            "《国务院办公厅印发<关于全面推进政务公开工作的意见>实施细则的通知》",
            id="angle-brackets-are-not-tags",
        ),
        pytest.param("upper.HTML", "<p>报告</p>".encode("gbk"), "报告", id="upper-case-suffix"),
        pytest.param(
            "gbk-page.txt",
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            "</head><body><p>关于2018年政府信息公开工作的报告</p></body></html>".encode("gbk"),
            "关于2018年政府信息公开工作的报告",
            id="gbk-page-saved-as-txt",
        ),
        pytest.param("plain.htm", "一行\r\n二行".encode(), "一行\n二行", id="htm-without-tags"),
    ],
)
def test_read_text_picks_the_reader_by_suffix(
    tmp_path: Path, name: str, data: bytes, text: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert read_text(path) == text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        pytest.param("sheet.xlsx", b"PK\x03\x04", "unsupported file type .xlsx", id="xlsx"),
        pytest.param("report.pdf", b"%PDF-1.4", "damaged or truncated PDF", id="pdf-cut"),
        pytest.param("empty.txt", b"", "empty file", id="empty"),
        pytest.param("blank.txt", b" \r\n\t", "no text in the file", id="blank"),
        pytest.param("scripts.html", b"<script>x()</script>", "no text in the file", id="no-text"),
    ],
)
def test_read_text_rejects_with_a_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match=re.escape(reason)):
        read_text(path)


def test_read_text_of_a_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read the file"):
        read_text(tmp_path / "gone.txt")


def test_find_report_files_recurses_sorts_and_skips_hidden(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a/Report.HTML",
        "a/deeper/c.htm",
        "a/notes.xlsx",
        "a/.hidden.txt",
        ".git/config.txt",
        "z/.cache/old.html",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("报告", encoding="utf-8")
    found = find_report_files([tmp_path, tmp_path / "a"])  # overlapping folders: no duplicates
    assert found == [tmp_path / "a/Report.HTML", tmp_path / "a/deeper/c.htm", tmp_path / "b.txt"]


def test_find_report_files_names_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="nowhere"):
        find_report_files([tmp_path / "nowhere"])


def test_every_sample_file_is_found_and_read() -> None:
    files = find_report_files([SAMPLE_DIR])
    assert len(files) == 10
    assert all(read_text(path).strip() for path in files)
