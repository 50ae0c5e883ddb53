"""The gongkai web UI: a Flask app over the search service the CLI uses.

``create_app`` is the factory (as in Flask's tutorial): one blueprint per area — search and
browse pages, report pages, the JSON API, the CSV export, the figures page — sharing one
:class:`SearchService` opened for the app's life.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from jinja2 import StrictUndefined

from indexer.config import load_settings
from indexer.search.service import SearchService
from webui import api, errors, export, figures, reports, search, security
from webui.state import EXTENSION, Gongkai
from webui.templating import install_helpers


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """The app. ``test_config`` may hold ``GONGKAI_SETTINGS`` (a ready :class:`Settings`) or
    ``GONGKAI_CONFIG`` (a config file) and ``GONGKAI_INDEX`` (an index folder), besides Flask's
    own keys; without them settings come from ./config.toml or $GONGKAI_CONFIG."""
    app = Flask(__name__)
    app.config.from_mapping(
        GONGKAI_SETTINGS=None,
        GONGKAI_CONFIG=None,
        GONGKAI_INDEX=os.environ.get("GONGKAI_INDEX"),
    )
    if test_config is not None:
        app.config.from_mapping(test_config)
    settings = app.config["GONGKAI_SETTINGS"]
    if settings is None:
        config, index = app.config["GONGKAI_CONFIG"], app.config["GONGKAI_INDEX"]
        settings = load_settings(Path(config) if config else None).with_overrides(
            index_path=Path(index).resolve() if index else None
        )
    app.jinja_env.undefined = StrictUndefined  # a template mistake fails loudly, in tests too
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    app.extensions[EXTENSION] = Gongkai(settings, SearchService(settings))
    install_helpers(app)
    security.install(app)
    errors.install(app)
    for blueprint in (search.bp, reports.bp, api.bp, export.bp, figures.bp):
        app.register_blueprint(blueprint)
    return app
