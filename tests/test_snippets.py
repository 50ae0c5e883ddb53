"""Snippets from display text and matched spans: sentence cuts, longest marks, whole sections."""

from __future__ import annotations

import pytest

from indexer.search.snippets import ELLIPSIS, choose_marks, make_snippets
from indexer.search.types import Fragment


def pieces(text: str, spans: list[tuple[int, int]], length: int = 40, count: int = 2) -> list:
    """Snippets as lists of (text, hit) pairs, for readable expectations."""
    snippets = make_snippets(text, spans, length=length, count=count)
    return [[(fragment.text, fragment.hit) for fragment in snippet] for snippet in snippets]


def span_of(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return at, at + len(word)


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([(2, 6), (0, 6)], [(0, 6)]),  # inside: the longer wins
        ([(0, 6), (2, 6)], [(0, 6)]),  # order given does not matter
        ([(0, 4), (2, 8)], [(2, 8)]),  # partial overlap: the longer wins
        ([(0, 2), (2, 4)], [(0, 2), (2, 4)]),  # touching spans both stay
        ([(3, 3), (5, 4)], []),  # empty and reversed spans are dropped
        ([(4, 6), (0, 2), (4, 6)], [(0, 2), (4, 6)]),  # duplicates once, sorted
    ],
)
def test_choose_marks_keeps_the_longer_of_overlapping_spans(
    spans: list[tuple[int, int]], expected: list[tuple[int, int]]
) -> None:
    assert choose_marks(spans) == expected


def test_the_longer_word_is_marked_when_a_sub_word_also_matched() -> None:
    text = "我们推进政府信息公开工作。"
    spans = [span_of(text, "信息公开"), span_of(text, "政府信息公开")]
    assert pieces(text, spans) == [[("我们推进", False), ("政府信息公开", True), ("工作。", False)]]


def test_a_snippet_starts_at_the_sentence_of_its_match_and_ends_at_a_sentence_end() -> None:
    text = "第一句话无关。第二句提到行政复议的情况。第三句也无关紧要；第四句结束了。"
    assert pieces(text, [span_of(text, "行政复议")], length=24) == [
        [("第二句提到", False), ("行政复议", True), ("的情况。第三句也无关紧要；", False)]
    ]


@pytest.mark.parametrize("end", ["。", "！", "？", "；", "\n"])
def test_chinese_sentence_punctuation_and_lines_cut_snippets(end: str) -> None:
    text = (
        f"甲乙丙丁戊己庚辛{end}政务公开内容很多很多很多很多很多{end}"
        + "其余部分不应出现在摘要里面" * 3
    )
    snippet = pieces(text, [span_of(text, "政务公开")], length=30)[0]
    assert snippet[0] == ("政务公开", True)
    assert "".join(piece for piece, _ in snippet).endswith(end.strip() or "多")


def test_a_match_inside_a_sentence_longer_than_the_snippet_gets_context_and_ellipses() -> None:
    text = "开头" + "很长的句子" * 40 + "政务公开" + "继续很长的句子" * 40 + "。"
    snippet = pieces(text, [span_of(text, "政务公开")], length=40)[0]
    assert snippet[0] == (ELLIPSIS + "很长的句子很长的句子", False)  # a quarter of the length
    assert snippet[1] == ("政务公开", True)
    assert snippet[-1][0].endswith(ELLIPSIS)
    assert sum(len(piece) for piece, _ in snippet) == 40 + 2 * len(ELLIPSIS)


def test_snippets_reach_matches_far_beyond_32k_characters() -> None:
    text = "无关的填充内容。" * 6000 + "这里提到龙舟竞渡。"
    assert len(text) > 45_000
    assert pieces(text, [span_of(text, "龙舟竞渡")]) == [
        [("这里提到", False), ("龙舟竞渡", True), ("。", False)]
    ]


def test_the_best_passages_hold_the_most_different_matches_and_show_in_text_order() -> None:
    text = "只有公开。公开公开公开。其他内容。依申请公开和行政复议都在这里。结尾。"
    spans = [span_of(text, "公开", n) for n in range(5)] + [
        span_of(text, "依申请"),
        span_of(text, "行政复议"),
    ]
    snippets = make_snippets(text, spans, length=20, count=2)
    assert ["".join(f.text for f in s) for s in snippets] == [
        "只有公开。公开公开公开。其他内容。",
        "依申请公开和行政复议都在这里。结尾。",
    ]
    assert len(make_snippets(text, spans, length=20, count=1)) == 1
    assert "行政复议" in [f.text for f in make_snippets(text, spans, length=20, count=1)[0]]


def test_without_matches_the_opening_after_the_heading_is_shown_unmarked() -> None:
    text = "一、总体情况\n  今年我们做了很多工作。明年继续努力。"
    snippets = make_snippets(text, [], length=12, count=2, lead_from=len("一、总体情况"))
    assert snippets == ((Fragment("今年我们做了很多工作。", False),),)


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_an_empty_text_has_no_snippet(text: str) -> None:
    assert make_snippets(text, [], length=20, count=2) == ()


def test_white_space_runs_fold_to_one_space_and_hits_keep_their_script() -> None:
    text = "推進 \t 政務公開   工作。"
    assert pieces(text, [span_of(text, "政務公開")]) == [
        [("推進 ", False), ("政務公開", True), (" 工作。", False)]
    ]


def test_a_line_break_before_a_passage_is_a_boundary_without_ellipsis() -> None:
    text = "上一行没有句号\n\n  政務公開工作。"
    assert pieces(text, [span_of(text, "政務公開")]) == [[("政務公開", True), ("工作。", False)]]


def test_a_passage_never_ends_inside_a_match() -> None:
    """Regression: a passage cut at its length showed ``<mark>政務</mark>…`` for 政務公開."""
    text = "甲甲政務公開" + "乙" * 12 + "政務公開" + "丙" * 30
    (snippet,) = make_snippets(text, [(2, 6), (18, 22)], length=20, count=1)
    assert [f.text for f in snippet if f.hit] == ["政務公開", "政務公開"]


def test_the_heading_is_not_repeated_in_the_snippet() -> None:
    """Regression: hits showed their heading twice, as the link and again opening the snippet."""
    heading = "八、依申请公开情况"
    text = heading + "\n全年受理依申请公开事项48件。"
    spans = [(2, 7), (len(heading) + 5, len(heading) + 10)]
    (snippet,) = make_snippets(text, spans, length=40, count=1, lead_from=len(heading))
    assert "".join(f.text for f in snippet) == "全年受理依申请公开事项48件。"
    assert [f.text for f in snippet if f.hit] == ["依申请公开"]


def test_a_match_only_in_the_heading_is_shown_marked_in_the_heading() -> None:
    heading = "八、依申请公开情况"
    text = heading + "\n本年度无相关事项。"
    (snippet,) = make_snippets(text, [(2, 7)], length=40, count=1, lead_from=len(heading))
    assert [(f.text, f.hit) for f in snippet] == [
        ("八、", False),
        ("依申请公开", True),
        ("情况 本年度无相关事项。", False),
    ]
