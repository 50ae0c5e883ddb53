"""The baseline: search over the corpus as a typical Whoosh+jieba project writes it.

jieba's bundled ``ChineseAnalyzer`` on the text, one document per file with its text stored for
highlighting, the default writer, ``groupedby`` facet counts and default highlighting, served as
JSON by Flask under waitress. It cannot read our metadata, so region and year come from the
generator's manifest. Deliberately plain: this is what gongkai is measured against.

    python -m bench.stock index CORPUS INDEXDIR
    python -m bench.stock serve INDEXDIR --port P
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import waitress
from flask import Flask, jsonify, request
from jieba.analyse import ChineseAnalyzer
from whoosh import index, sorting
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import QueryParser
from whoosh.query import And, Every, Query, Term, TermRange

from bench.text import read_text

FACETS = ("province", "prefecture", "county", "year")
PAGE_SIZE = 20


def schema() -> Schema:
    """Text and title through jieba's analyzer, facets as ID fields."""
    analyzer = ChineseAnalyzer()
    return Schema(
        path=ID(stored=True, unique=True),
        title=TEXT(stored=True, analyzer=analyzer),
        text=TEXT(stored=True, analyzer=analyzer),
        **{name: ID(stored=True) for name in FACETS},
    )


def build(corpus: Path, manifest: Path, index_dir: Path) -> int:
    """Index every file of ``corpus`` (facets from the manifest); the number of documents."""
    index_dir.mkdir(parents=True, exist_ok=True)
    ix = index.create_in(str(index_dir), schema())
    writer = ix.writer()
    count = 0
    with manifest.open(encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            first = row["reports"][0]
            facets = {name: str(first[name]) for name in FACETS if first[name] is not None}
            text = read_text(corpus / row["file"])
            writer.add_document(path=row["file"], title=first["title"], text=text, **facets)
            count += 1
    writer.commit()
    return count


def create_app(index_dir: Path) -> Flask:
    """``GET /search?q=&province=&prefecture=&county=&year=&page=``: total, facets, 20 hits."""
    app = Flask(__name__)
    ix = index.open_dir(str(index_dir))
    parser = QueryParser("text", ix.schema)
    facets = {name: sorting.FieldFacet(name) for name in FACETS}

    @app.get("/search")
    def search() -> Any:
        words = request.args.get("q", "").strip()
        query = parser.parse(words) if words else Every()
        page = int(request.args.get("page", 1))
        with ix.searcher() as searcher:
            results = searcher.search_page(
                query,
                page,
                pagelen=PAGE_SIZE,
                filter=_filters(request.args),
                groupedby=facets,
                maptype=sorting.Count,
            )
            hits = [
                {"path": hit["path"], "title": hit["title"], "highlights": hit.highlights("text")}
                for hit in results
            ]
            counts = {name: _counts(results.results.groups(name)) for name in FACETS}
            return jsonify(total=len(results.results), facets=counts, hits=hits)

    return app


def _counts(groups: dict[Any, int]) -> dict[str, int]:
    """Facet counts as JSON can hold them (documents without the field group under None)."""
    return {str(value): count for value, count in groups.items() if value is not None}


def _filters(args: Any) -> Query | None:
    terms: list[Query] = []
    for name in FACETS:
        value = args.get(name)
        if value and name == "year" and ".." in value:
            start, _, end = value.partition("..")
            terms.append(TermRange(name, start, end))
        elif value:
            terms.append(Term(name, value))
    return And(terms) if terms else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    indexing = commands.add_parser("index", help="index a generated corpus")
    indexing.add_argument("corpus", type=Path)
    indexing.add_argument("index_dir", type=Path)
    indexing.add_argument("--manifest", type=Path, help="default: manifest.jsonl beside CORPUS")
    serving = commands.add_parser("serve", help="serve an index over HTTP")
    serving.add_argument("index_dir", type=Path)
    serving.add_argument("--port", type=int, default=5001)
    serving.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)
    if args.command == "index":
        manifest = args.manifest or args.corpus.parent / "manifest.jsonl"
        print(f"{build(args.corpus, manifest, args.index_dir)} documents")
    else:
        app = create_app(args.index_dir)
        waitress.serve(app, host="127.0.0.1", port=args.port, threads=args.threads)


if __name__ == "__main__":
    main()
