"""HTML → text by walking the lxml tree (``text_content()`` runs blocks together).

Block elements and ``<br>`` end lines; inline elements join without added spaces, so a number
split across ``<span>``s comes back whole. A line break in the source next to a CJK character
disappears (Word wraps its HTML mid-sentence), any other source whitespace is one space.

Tables come out one row per line, cells separated by ``" | "`` (tabs would not survive cleaning),
empty cells left out, each cell once whatever its rowspan/colspan, and as grids beside the text
(see :mod:`indexer.reading.tables`). A row whose cells hold nested tables or whole paragraphs is
page layout, not data: its cells come out as ordinary blocks.

When one element clearly holds the report (see :func:`find_content`), the text is that element
plus the few lines just above it (title, date, metadata table) and just below it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree
from lxml import html as lxml_html

from indexer.models import Table
from indexer.reading.content import drop_furniture, find_content, text_weight
from indexer.reading.document import Document, stated_url, web_address
from indexer.reading.plain import strip_stray_tags
from indexer.reading.tables import CELL_SEPARATOR, Cell, join_cell_lines, table_from_cells

BEFORE_CONTENT = (10, 600)  # lines and characters kept above the content element …
AFTER_CONTENT = (3, 200)  # … and below it
_LAYOUT_CELL_LINES = 4  # a cell with this many lines is layout, not a data cell

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "  # noqa: SIM905
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend "
    "li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_PARSER = lxml_html.HTMLParser(huge_tree=True)  # libxml2 drops text below depth 255 otherwise
_PARSED_SHARE = 0.5  # a tree holding less of the text than this has lost some
_ANY_TAG = re.compile(r"</?[a-z][^<>]*>", re.IGNORECASE)
_SOFT = "\x1f"  # a source line break: nothing between CJK characters, a space elsewhere
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_SOURCE_SPACE = re.compile(r"[ \t\n\r\f]+")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_SOFT_NEXT_TO_CJK = re.compile(
    rf"(?<=[{_CJK}])[{_SOFT} ]*{_SOFT}[{_SOFT} ]*|[{_SOFT} ]*{_SOFT}[{_SOFT} ]*(?=[{_CJK}])"
)
_SPACES = re.compile(rf"[{_SOFT} \xa0]+")


def html_to_text(markup: str) -> str:
    """Text of an HTML page or fragment, one block per line.

    >>> html_to_text("<p>共<span>30</span><span>01</span>件</p><p>第二段&nbsp;完</p>")
    '共3001件\\n第二段 完'
    """
    return html_to_document(markup).text


def html_to_document(markup: str) -> Document:
    """The text of an HTML page, its data tables, and the address it gives for itself
    (``<link rel=canonical>``, ``og:url``, else a 原文链接/来源 line)."""
    markup = _CONTROL.sub("", _XML_DECLARATION.sub("", markup))
    if not markup.strip():
        return Document("")
    root = lxml_html.document_fromstring(markup, parser=_PARSER)
    flat = _flat(markup)
    if text_weight(root) < _PARSED_SHARE * len(_SPACES.sub("", flat)):
        # the parser gave up on part of the tree (nesting too deep): keep the text
        return Document(flat, url=stated_url(flat))
    url = _own_address(root)
    drop_furniture(root)
    lines = _Lines()
    _render(root, lines, content=find_content(root))
    text = "\n".join(lines.selected()).strip("\n")
    return Document(text, tuple(lines.tables), url=url or stated_url(text))


def _own_address(root: etree._Element) -> str | None:
    for value in root.xpath(
        "//link[translate(@rel, 'CANONIL', 'canonil')='canonical']/@href"
        "|//meta[@property='og:url']/@content"
    ):
        if address := web_address(value):
            return address
    return None


def _flat(markup: str) -> str:
    """The text with tags removed, for markup the parser cannot build a tree of."""
    text = _ANY_TAG.sub("", strip_stray_tags(markup))
    lines = (_finish_line(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


class _Lines:
    """Lines being built, and where the content element's lines start and end."""

    def __init__(self) -> None:
        self.lines: list[list[str]] = [[]]
        self.content: tuple[int, int] | None = None
        self._content_start = 0
        self.tables: list[Table] = []

    def add(self, text: str) -> None:
        self.lines[-1].append(text)

    def newline(self) -> None:
        self.lines.append([])

    def mark_content_start(self) -> None:
        self.block()
        self._content_start = len(self.lines) - 1

    def mark_content_end(self) -> None:
        self.block()
        self.content = (self._content_start, len(self.lines) - 1)  # the last line is still empty

    def block(self) -> None:
        """End the current line unless it is still empty (blocks never make blank lines)."""
        if any(piece.strip(f" {_SOFT}\xa0") for piece in self.lines[-1]):
            self.lines.append([])

    def finished(self) -> list[str]:
        return [_finish_line("".join(pieces)) for pieces in self.lines]

    def selected(self) -> list[str]:
        lines = self.finished()
        if self.content is None:
            return lines
        start, end = self.content
        before = _take_within(reversed(lines[:start]), *BEFORE_CONTENT)[::-1]
        after = _take_within(lines[end:], *AFTER_CONTENT)
        return [*before, *lines[start:end], *after]


def _take_within(lines: Iterable[str], most_lines: int, most_characters: int) -> list[str]:
    taken: list[str] = []
    for line in lines:
        most_characters -= len(line)
        if most_characters < 0 or len(taken) == most_lines:
            break
        taken.append(line)
    return taken


def _finish_line(line: str) -> str:
    line = _SOFT_NEXT_TO_CJK.sub("", line)
    return _SPACES.sub(" ", line).strip()


def _render(root: etree._Element, lines: _Lines, content: etree._Element | None) -> None:
    """Walk the tree without recursion (pages nest thousands of unclosed <div>s deep)."""
    walker = etree.iterwalk(root, events=("start", "end"))
    pre_depth = 0
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if element is content:
                lines.mark_content_start()
            if tag == "table":
                _render_table(element, lines, content)
                walker.skip_subtree()
            elif tag == "br":
                lines.newline()
            elif tag:
                pre_depth += tag == "pre"
                if tag in _BLOCK_TAGS:
                    lines.block()
                _add_text(element.text, lines, pre=pre_depth > 0)
            continue
        if tag == "pre":
            pre_depth -= 1
        if tag in _BLOCK_TAGS:
            lines.block()
        if element is content:
            lines.mark_content_end()
        if element is not root:
            _add_text(element.tail, lines, pre=pre_depth > 0)


def _add_text(text: str | None, lines: _Lines, pre: bool) -> None:
    if not text:
        return
    if not pre:
        lines.add(_SOURCE_SPACE.sub(lambda m: _SOFT if "\n" in m.group() else " ", text))
        return
    for number, part in enumerate(text.split("\n")):
        if number:
            lines.newline()
        lines.add(part)


def _render_table(table: etree._Element, lines: _Lines, content) -> None:
    lines.block()
    for caption in table.findall("caption"):
        _render(caption, lines, content)
    grid: list[list[Cell]] = []
    for row in _own_rows(table):
        cells = [cell for cell in row if cell.tag in ("td", "th")]
        texts = _data_cells(cells, content)
        if texts is None:  # page layout: cells are ordinary blocks
            for cell in cells:
                _render(cell, lines, content)
            continue
        lines.add(CELL_SEPARATOR.join(text for text in texts if text))
        lines.block()
        grid.append(
            [
                (t, _span(c, "rowspan"), _span(c, "colspan"))
                for t, c in zip(texts, cells, strict=True)
            ]
        )
    lines.block()
    found = table_from_cells(grid)
    if found is not None:
        lines.tables.append(found)


def _span(cell: etree._Element, name: str) -> int:
    value = cell.get(name, "1").strip()
    return int(value) if value.isdigit() else 1


def _data_cells(cells: list[etree._Element], content) -> list[str] | None:
    """Each cell's text on one line, or None if the row is page layout (nested tables, paragraphs).

    Nested tables are looked for before anything is rendered, so nested layout tables are rendered
    once, not twice per level of nesting.
    """
    if any(cell.xpath(".//table") for cell in cells):
        return None
    rendered = [_cell_lines(cell, content) for cell in cells]
    if any(len(cell_lines) >= _LAYOUT_CELL_LINES for cell_lines in rendered):
        return None
    return [join_cell_lines(cell_lines) for cell_lines in rendered]


def _own_rows(table: etree._Element) -> list[etree._Element]:
    """The table's rows, wherever the parser put them, but not the rows of nested tables."""
    return [row for row in table.iter("tr") if next(row.iterancestors("table")) is table]


def _cell_lines(cell: etree._Element, content) -> list[str]:
    own = _Lines()
    _render(cell, own, content)
    return [line for line in own.finished() if line]
