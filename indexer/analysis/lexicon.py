"""The vocabulary shipped with gongkai: the field's user dictionary and the stopwords.

Both files live in ``indexer/resources`` and are read through here only, so the indexer, the
web app and the index fingerprint all see the same bytes.

- ``userdict.txt`` is in jieba's user-dictionary format (``word [freq] [tag]`` per line, no
  comments: jieba would load a comment as a word). Terms are simplified and folded.
- ``stopwords.txt`` holds one function word per line; ``#`` starts a comment. Punctuation is
  not listed: the tokenizers drop every term without a letter, digit or ideograph.
"""

from __future__ import annotations

from importlib import resources

PACKAGE = "indexer.resources"
USER_DICT = "userdict.txt"
STOPWORDS = "stopwords.txt"


def read_resource(name: str) -> bytes:
    """The bytes of one shipped resource file."""
    return resources.files(PACKAGE).joinpath(name).read_bytes()


def user_terms() -> tuple[str, ...]:
    """The user dictionary's terms, in file order (the first field of each line)."""
    lines = read_resource(USER_DICT).decode("utf-8").splitlines()
    return tuple(line.split()[0] for line in lines if line.strip())


def stopwords() -> frozenset[str]:
    """The stopwords, without comments and blank lines."""
    lines = read_resource(STOPWORDS).decode("utf-8").splitlines()
    words = (line.split("#", 1)[0].strip() for line in lines)
    return frozenset(word for word in words if word)
