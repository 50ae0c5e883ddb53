"""The one exception the reading step raises, so callers can turn any unreadable file into a
``Rejected`` record with a one-line reason."""

from __future__ import annotations


class ReadError(Exception):
    """A file cannot be turned into text; the message is a one-line reason for the user."""
