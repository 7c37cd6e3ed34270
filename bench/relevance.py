"""Relevance check: judged practitioner queries over a written corpus, precision@5 and nDCG@10.

    .venv/bin/python bench/relevance.py                  # tantivy (a temporary index)
    OPENSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python bench/relevance.py   # + OpenSearch
    .venv/bin/python bench/relevance.py --show "forced labor fishing"          # one query's ranking

The corpus and the judgments live in bench/relevance_corpus.py (records generated from hand-written topic
text, judgments as rules over each record's topic and country). Records become search documents here,
the way search/documents.py builds them (title; body = summary + keywords; a numbers field when the
schema has one), and every query runs through search.service.search, so what is measured is what the
search page and the API answer (including the relaxed fallback, when a service has one).

Figures are deterministic (no timings): results go to stdout and bench/results/relevance-<engine>.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import uuid
from collections import defaultdict
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sherloc.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from relevance_corpus import COUNTRIES, QUERIES, Record, build_corpus  # noqa: E402

from search import schema  # noqa: E402
from search.engines.base import SearchEngine  # noqa: E402
from search.query import SearchQuery  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
VERSION = "2026-12-01T00:00:00+00:00"
KIND_TYPE = schema.DOC_KINDS


def to_document(record: Record) -> dict:
    kind, pk = schema.parse_doc_id(record.id)
    body = "\n".join(p for p in (record.summary, ", ".join(record.keywords)) if p)
    doc = {
        "id": record.id,
        "type": KIND_TYPE[kind],
        "record_id": pk,
        "parent_id": None,
        "version": VERSION,
        "url": f"/{kind}/{pk}/",
        "title": record.title,
        "subtitle": COUNTRIES.get(record.country, record.country),
        "texts": {record.language: {"title": record.title, "body": body}},
        "language": record.language,
        "country": record.country,
        "region": [],
        "instrument": [],
        "article": [],
        "article_ref": [],
        "crime_type": [],
        "crime_subtype": [],
        "issue": [],
        "year": None,
        "date": None,
        "court_level": "",
        "legal_status": "",
        "role": [],
        "sort_title": record.title.lower(),
    }
    if "numbers" in getattr(schema, "NUMBER_FIELDS", ()):
        doc["numbers"] = list(record.numbers)
    return doc


def dcg(grades: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def evaluate(engine: SearchEngine, records: list[Record], show: str | None = None) -> dict:
    from search import service

    by_id = {r.id: r for r in records}
    rows = []
    with mock.patch("search.service.get_engine", return_value=engine):
        for category, text, judge in QUERIES:
            if show and text != show:
                continue
            result = service.search(SearchQuery(text=text, facets=(), page_size=10, highlight=False))
            ranked = [hit.id for hit in result.hits]
            grades = [judge(by_id[i]) if i in by_id else 0 for i in ranked]
            ideal = sorted((judge(r) for r in records), reverse=True)[:10]
            relevant = sum(1 for r in records if judge(r) > 0)
            row = {
                "category": category,
                "query": text,
                "total": result.total,
                "relaxed": bool(getattr(result, "relaxed", False)),
                "relevant": relevant,
                "p@5": sum(1 for g in grades[:5] if g > 0) / 5,
                "ndcg@10": dcg(grades) / dcg(ideal) if dcg(ideal) else 0.0,
                "top": ranked[:5],
            }
            rows.append(row)
            if show:
                for i, hit in enumerate(result.hits):
                    print(f"{i + 1:2}. {hit.id:14} grade {grades[i]}  score {hit.score}  {hit.title}")
    summary: dict[str, dict] = {}
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row["category"]].append(row)
        groups["all"].append(row)
    for name, group in groups.items():
        summary[name] = {
            "queries": len(group),
            "p@5": round(sum(r["p@5"] for r in group) / len(group), 3),
            "ndcg@10": round(sum(r["ndcg@10"] for r in group) / len(group), 3),
            "zero_results": sum(1 for r in group if r["total"] == 0),
        }
    return {"summary": summary, "queries": rows}


def print_report(name: str, report: dict) -> None:
    print(f"\n{name}: {len(report['queries'])} queries")
    print(f"{'category':10} {'queries':>7} {'P@5':>6} {'nDCG@10':>8} {'zero':>5}")
    order = ["all", *sorted(k for k in report["summary"] if k != "all")]
    for key in order:
        s = report["summary"][key]
        print(f"{key:10} {s['queries']:7} {s['p@5']:6.3f} {s['ndcg@10']:8.3f} {s['zero_results']:5}")
    weak = [r for r in report["queries"] if r["ndcg@10"] < 0.5]
    if weak:
        print("queries with nDCG@10 < 0.5:")
        for r in weak:
            print(f"  [{r['category']}] {r['query']!r}: total {r['total']}, nDCG {r['ndcg@10']:.2f}, top {r['top']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", help="print the ranking of this one query (exact text from the list)")
    args = parser.parse_args(argv)
    records = build_corpus()
    documents = [to_document(r) for r in records]
    print(f"corpus: {len(records)} records, {len(QUERIES)} judged queries")
    engines: list[tuple[str, SearchEngine]] = []
    tmp = tempfile.TemporaryDirectory(prefix="bench-relevance-")
    from search.engines.tantivy_engine import TantivyEngine

    engines.append(("tantivy", TantivyEngine(Path(tmp.name) / "index")))
    url = os.environ.get("OPENSEARCH_URL")
    if url:
        from search.engines.opensearch_engine import OpenSearchEngine

        engines.append(
            ("opensearch", OpenSearchEngine(url, prefix=f"bench-relevance-{uuid.uuid4().hex[:8]}", replicas=0))
        )
    RESULTS.mkdir(exist_ok=True)
    try:
        for name, engine in engines:
            engine.rebuild(documents)
            report = evaluate(engine, records, args.show)
            if not args.show:
                print_report(name, report)
                (RESULTS / f"relevance-{name}.json").write_text(json.dumps(report, indent=1) + "\n")
    finally:
        for name, engine in engines:
            if name != "tantivy":
                engine.clear()
            engine.close()
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
