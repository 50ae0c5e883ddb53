"""``gongkai search``: hits with marked snippets and facets, the JSON shape, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from indexer.cli import main

from .conftest import ROOT
from .search_fixtures import CRAFTED, all_sections, containing, shared_index

CONFIG = ["--config", str(ROOT / "config.toml")]

HIT_KEYS = {
    "report_id",
    "title",
    "region",
    "year",
    "kind",
    "section",
    "snippets",
    "score",
    "report_matches",
}
FACET_KEYS = {"province", "prefecture", "county", "year", "section_type", "kind"}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_index(tmp_path_factory)


def run(index: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["search", "--index", str(index), *CONFIG, *args])


def run_json(index: Path, *args: str) -> dict:
    result = run(index, "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_has_the_documented_shape(index: Path) -> None:
    data = run_json(index, "依申请公开", "--size", "3")
    assert {"query", "total", "page", "page_size", "hits", "facets"} <= set(data)
    assert (data["query"], data["total"], data["page"], data["page_size"]) == (
        "依申请公开",
        len(containing("依申请公开")),
        1,
        3,
    )
    assert len(data["hits"]) == 3
    for hit in data["hits"]:
        assert set(hit) == HIT_KEYS
        assert set(hit["section"]) == {"heading", "type", "position"}
        assert hit["region"] is None or set(hit["region"]) == {"province", "prefecture", "county"}
        assert all(
            set(piece) == {"text", "hit"} for snippet in hit["snippets"] for piece in snippet
        )
        assert any(piece["hit"] for snippet in hit["snippets"] for piece in snippet)
        assert isinstance(hit["score"], float)
    assert set(data["facets"]) == FACET_KEYS
    for values in data["facets"].values():
        assert all({"value", "count", "selected"} <= set(value) for value in values)


def test_options_filter_sort_and_page_like_url_parameters(index: Path) -> None:
    data = run_json(
        index,
        "工作",
        "--region", "浙江",
        "--year", "2015..2016",
        "--section", "总体情况",
        "--kind", "工作总结",
        "--sort", "newest",
        "--page", "1",
        "--size", "5",
    )  # fmt: skip
    expected = [
        report.source
        for _, report, section in containing("工作")
        if report in CRAFTED[1:] and section.type == "overview"
    ]
    assert data["total"] == len(data["hits"]) == len(expected) > 1
    assert {(h["kind"], h["region"]["province"], h["section"]["type"]) for h in data["hits"]} == {
        ("work_summary", "浙江省", "overview")
    }
    years = [hit["year"] for hit in data["hits"]]
    assert years == [2016, 2015]
    selected = {value["value"] for value in data["facets"]["section_type"] if value["selected"]}
    assert selected == {"overview"}


def test_the_unknown_year_is_an_option_value_too(index: Path) -> None:
    data = run_json(index, "--year", "未知", "--size", "100")
    assert data["total"] == len([1 for _, r, _ in all_sections() if r.year is None]) > 0
    assert {hit["year"] for hit in data["hits"]} == {None}
    assert [v["value"] for v in data["facets"]["year"] if v["selected"]] == ["未知"]


def test_text_output_marks_hits_and_lists_facets(index: Path) -> None:
    result = run(index, "龙舟竞渡")
    assert result.exit_code == 0
    assert result.stdout.startswith("1 sections match '龙舟竞渡' · page 1 of 1")
    assert "【龙舟竞渡】" in result.stdout
    assert CRAFTED[2].title in result.stdout
    assert "Facets:" in result.stdout and "  省份: 浙江省 1" in result.stdout


def test_without_a_query_sections_are_listed(index: Path) -> None:
    result = run(index, "--kind", "notice", "--size", "2")
    assert result.exit_code == 0
    assert " sections listed · page 1 of " in result.stdout.splitlines()[0]


def test_a_repaired_query_warns_on_stderr(index: Path) -> None:
    result = run(index, '"依申请公开')
    assert result.exit_code == 0
    assert "提示：未闭合的引号已自动补全：“依申请公开”" in result.stderr
    data = run_json(index, '"依申请公开')
    assert data["warnings"] == ["未闭合的引号已自动补全：“依申请公开”"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["OR"], "“OR”中没有可检索的内容，请输入要查找的词语"),
        (["x" * 501], "查询过长（501 个字符，最多 500 个），请缩短后再试"),
        (["--year", "soon"], "年份应写作 2018、2015..2019 或 未知，而不是“soon”"),
        (["--section", "nonsense"], "没有“nonsense”这种章节类型，可选："),
        (["--size", "1000"], "每页条数应为 1 到 100 之间的整数，而不是“1000”"),
        (["year:2018x"], "年份应写作 2018、2015..2019 或 未知，而不是“2018x”"),
    ],
)
def test_a_bad_query_is_one_clear_line_and_a_failure(
    index: Path, args: list[str], message: str
) -> None:
    result = run(index, *args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {message}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_without_an_index_it_says_how_to_make_one(tmp_path: Path) -> None:
    result = run(tmp_path, "政务公开")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: 还没有索引（{tmp_path.resolve()}）：请先运行 gongkai reindex"
    )
