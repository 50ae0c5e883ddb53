"""Chinese text analysis shared by every search backend: folding, word segmentation, bigrams.

Nothing here imports a search engine: backends (see :mod:`indexer.backends`) wrap these pure
functions in their own token classes, so a second engine gets the same terms and offsets.
"""
