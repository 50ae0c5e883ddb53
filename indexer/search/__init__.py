"""The search service shared by the CLI and the web UI, and the types it speaks.

Nothing here imports whoosh: engines plug in behind :class:`indexer.search.backend.SearchBackend`.
"""
