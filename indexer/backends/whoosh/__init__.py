"""The Whoosh backend: the only package that imports ``whoosh``.

Whoosh pickles analyzers into the index schema, so the analyzer classes live at the stable path
:mod:`indexer.backends.whoosh.analysis` and must not move or be renamed once indexes exist.
"""
