"""``gongkai inspect``: outline and JSON over several files, broken files reported by name."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from indexer.cli import main

from .conftest import ROOT, SAMPLE_DIR

CONFIG = ["--config", str(ROOT / "config.toml")]


def run(*args: str):
    return CliRunner().invoke(main, [*args, *CONFIG], catch_exceptions=False)


def test_json_has_one_object_per_report_with_the_documented_shape() -> None:
    result = run("inspect", "--json", str(SAMPLE_DIR / "001_fc839379ecaf0f5e.txt"))
    assert result.exit_code == 0
    (report,) = json.loads(result.output)
    assert set(report) == {
        "source",
        "title",
        "region",
        "issuer",
        "year",
        "published",
        "kind",
        "script",
        "sections",
        "tables",
        "ocr",
        "web_url",
        "statistics",
    }
    assert report["region"] == {
        "province": "云南省",
        "prefecture": "楚雄彝族自治州",
        "county": "大姚县",
    }
    assert report["published"] == "2019-01-17"
    assert {"heading", "level", "type", "text"} == set(report["sections"][1])
    assert report["sections"][0]["type"] == "preamble"


def test_json_keeps_the_original_script_of_traditional_reports() -> None:
    result = run("inspect", "--json", str(SAMPLE_DIR / "003_5e3e2af98a4f9789.txt"))
    (report,) = json.loads(result.output)
    assert report["script"] == "traditional"
    assert "昆都侖區" in report["title"]
    assert any("政務" in s["text"] for s in report["sections"])


def test_folder_argument_inspects_every_report_file_in_it() -> None:
    result = run("inspect", "--json", str(SAMPLE_DIR))
    reports = json.loads(result.output)
    sources = {r["source"] for r in reports}
    assert len(sources) == len(list(SAMPLE_DIR.rglob("*.txt")) + list(SAMPLE_DIR.rglob("*.htm*")))
    assert sum(r["source"].endswith("002_807864a72307f814.txt") for r in reports) == 6


def test_unreadable_file_is_reported_and_the_others_still_print(tmp_path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02\xff\xfe\x00binary" * 50)
    result = CliRunner().invoke(
        main,
        ["inspect", "--json", str(broken), str(SAMPLE_DIR / "000_cef16ff5666cac0f.txt"), *CONFIG],
    )
    assert result.exit_code == 1
    errors, report = json.loads(result.output)
    assert errors["source"] == str(broken) and errors["error"]
    assert report["title"] == "洛宁县2017年度政务公开工作报告"


def test_outline_names_each_section_with_its_type() -> None:
    result = run("inspect", str(SAMPLE_DIR / "000_cef16ff5666cac0f.txt"))
    assert result.exit_code == 0
    assert "河南省 / 洛阳市 / 洛宁县" in result.output
    assert "一、领导重视  [organization 组织领导]" in result.output


def test_outline_reports_unreadable_file_on_stderr(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["inspect", str(empty), *CONFIG])
    assert result.exit_code == 1
    assert f"{empty}: cannot read:" in result.stderr


def test_bad_config_is_one_clear_line(tmp_path) -> None:
    bad = tmp_path / "config.toml"
    bad.write_text("[corpus]\nfolders = ['x']\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["inspect", str(SAMPLE_DIR), "--config", str(bad)])
    assert result.exit_code == 1
    assert "unknown setting corpus.folders" in result.output
    assert "Traceback" not in result.output


def test_python_dash_m_indexer_runs_the_same_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "indexer", "--help"], capture_output=True, text=True, check=True
    )
    assert "inspect" in done.stdout
