"""Allow ``python -m indexer …`` as an alias of the ``gongkai`` command."""

from indexer.cli import main

main()
