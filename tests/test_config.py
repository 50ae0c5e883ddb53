"""Settings: defaults, path resolution, overrides and rejected keys/values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer.config import ConfigError, find_config, load_settings, parse_settings

from .conftest import ROOT


def test_repository_config_resolves_paths_relative_to_the_file() -> None:
    settings = load_settings(ROOT / "config.toml")
    assert settings.corpus_paths == ((ROOT / "data" / "sample").resolve(),)
    assert settings.index_path == (ROOT / "index").resolve()
    assert settings.server.port == 5000
    assert settings.taxonomy.label("on_request") == "依申请公开"


def test_built_in_defaults_used_when_no_file_is_found(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("GONGKAI_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.source is None
    assert settings.index_path == (tmp_path / "index").resolve()
    assert settings.taxonomy.label("proactive") == "主动公开"


def test_lookup_order_explicit_then_local_then_environment(tmp_path, monkeypatch) -> None:
    env_file = tmp_path / "env.toml"
    monkeypatch.setenv("GONGKAI_CONFIG", str(env_file))
    assert find_config(None, cwd=tmp_path) == env_file
    local = tmp_path / "config.toml"
    local.write_text("", encoding="utf-8")
    assert find_config(None, cwd=tmp_path) == local
    assert find_config(Path("x.toml"), cwd=tmp_path) == Path("x.toml")


def test_overrides_replace_only_what_is_given(settings) -> None:
    other = settings.with_overrides(index_path=Path("/tmp/other"))
    assert other.index_path == Path("/tmp/other")
    assert other.corpus_paths == settings.corpus_paths


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[corpus]\npath = ['x']", "unknown setting corpus.path"),
        ("[serach]\npage_size = 3", "unknown setting 'serach'"),
        ("[server]\nport = 'eighty'", "server.port must be an integer, not 'eighty'"),
        ("[server]\nhost = 1", "server.host must be a string"),
        ("[corpus]\nocr = 'yes'", "corpus.ocr must be true or false"),
        ("[server]\nport = 70000", "server.port must be between"),
        (
            "[server]\nrequest_timeout = 0",
            "server.request_timeout must be between 1 and 3600, not 0",
        ),
        ("[server]\nthreads = 100", "server.threads must be between 1 and 64, not 100"),
        ("[search]\npage_size = 0", "search.page_size must be a positive number"),
        ("[search]\ncache_mb = -1", "search.cache_mb must be zero or more"),
        ("[search]\nsnippet_chars = true", "search.snippet_chars must be an integer"),
        (
            "[search]\npage_size = 101",
            "search.page_size (101) must not be above search.max_page_size (100)",
        ),
        (
            "[search]\npage_size = 30\nmax_page_size = 25",
            "search.page_size (30) must not be above search.max_page_size (25)",
        ),
        ("[corpus]\npaths = []", "corpus.paths must be a non-empty list"),
        ("corpus = 3", "corpus must be a table"),
        ("[index\npath = 'x'", "invalid TOML"),
    ],
)
def test_bad_settings_are_rejected_with_the_key_name(toml: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_settings(toml, base=Path("/srv"), source=Path("/srv/config.toml"))


def test_the_cache_may_be_turned_off() -> None:
    settings = parse_settings("[search]\ncache_mb = 0", base=Path("/srv"), source=None)
    assert settings.search.cache_mb == 0


def test_unreadable_config_names_the_file(tmp_path) -> None:
    with pytest.raises(ConfigError, match="cannot read config"):
        load_settings(tmp_path / "missing.toml")
