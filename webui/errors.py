"""Errors as pages or JSON, never a traceback: a bad query is 400, an unknown report or page 404,
no index yet 503. Under ``/api/`` (and for the CSV export) errors are ``{"status", "error"}``.
"""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from indexer.search.service import NoIndexError
from indexer.search.types import QueryError
from webui.search import render_error
from webui.state import gongkai

MESSAGES = {
    404: "没有这个页面。",
    405: "这个地址不接受这种请求。",
    500: "服务器出了错，请稍后再试。",
}


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path.endswith(".csv")


def json_error(status: int, message: str) -> tuple[Response, int]:
    return jsonify(status=status, error=message), status


def install(app: Flask) -> None:
    @app.errorhandler(QueryError)
    def bad_query(error: QueryError) -> tuple[str | Response, int]:
        if wants_json():
            return json_error(400, str(error))
        return render_error(str(error), 400)

    @app.errorhandler(NoIndexError)
    def no_index(error: NoIndexError) -> tuple[str | Response, int]:
        if wants_json():
            return json_error(503, str(error))
        index = gongkai().settings.index_path
        return render_template("no_index.html", index=index, message=str(error)), 503

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str | Response, int]:
        status = error.code or 500
        message = MESSAGES.get(status, error.description or error.name)
        if wants_json():
            return json_error(status, message)
        return render_template("message.html", status=status, message=message), status
