"""gongkai indexer: turns government information-disclosure report files into a searchable index.

Data flows one way: file bytes → text → cleaned text → reports with metadata → typed sections →
index documents. Each step lives in its own module and is a pure function.
"""
