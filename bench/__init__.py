"""`make bench`: gongkai against a stock Whoosh+jieba project on the same generated corpus.

``bench.generate`` writes a deterministic corpus outside the repository, ``bench.stock`` is the
baseline a typical project would write, and ``bench.run`` measures both in one run (issue 7).
"""
