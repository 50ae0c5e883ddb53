"""Options and error handling shared by every ``gongkai`` command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from indexer.config import ConfigError, Settings, load_settings


def config_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--config FILE`` (default: ./config.toml, else $GONGKAI_CONFIG, else built-in)."""
    return click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Settings file (default: ./config.toml, else $GONGKAI_CONFIG, else built-in).",
    )(command)


def index_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--index DIR``: use this index folder instead of the configured one."""
    return click.option(
        "--index",
        "index_path",
        type=click.Path(path_type=Path, file_okay=False),
        help="Index folder (default: index.path from the settings).",
    )(command)


def settings_from(config_path: Path | None, index_path: Path | None = None) -> Settings:
    """Load settings, apply ``--index``, or fail with the config error's one line."""
    try:
        settings = load_settings(config_path)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    return settings.with_overrides(index_path=index_path.resolve() if index_path else None)
