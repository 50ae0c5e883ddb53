"""What the app holds for its whole life: the settings and the one search service.

The service opens the served index generation once and re-opens it by itself when a reindex
switches generations, so views share it instead of opening anything per request.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, request

from indexer.config import Settings
from indexer.search.params import parse_params, request_params
from indexer.search.service import SearchService
from indexer.search.types import SearchRequest
from webui.urls import Pairs

EXTENSION = "gongkai"


@dataclass(frozen=True)
class Gongkai:
    settings: Settings
    service: SearchService


def gongkai() -> Gongkai:
    """The app's settings and service (inside a request or app context)."""
    return current_app.extensions[EXTENSION]


def requested() -> SearchRequest:
    """The search the current URL asks for; raises ``QueryError`` for a bad parameter."""
    return parse_params(request.args.to_dict(flat=False), gongkai().settings)


def pairs_of(search: SearchRequest) -> Pairs:
    """The canonical URL pairs of a search, for building links from it."""
    return tuple(request_params(search, gongkai().settings))
