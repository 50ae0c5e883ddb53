"""Search engines behind gongkai's own request and result types.

Each engine lives in its own subpackage and is the only code that imports it (``whoosh`` only
under :mod:`indexer.backends.whoosh`); the rest of gongkai never sees an engine's classes.
"""
