"""Search benchmark: bulk indexing rate, then a fixed query mix through the search service and
through a plain Django ORM baseline (bench/orm_baseline.py).

    .venv/bin/python manage.py seed_demo --records 100000
    .venv/bin/python bench/search.py --records 100000 --db-records-check

The 50 queries are derived deterministically from the data (frequent words and tag values of the
first records by pk, shuffled with a fixed seed), so the same database gives the same mix. Every
query asks for all nine facets. Results: a table on stdout and bench/results/search-<engine>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this directory comes first on sys.path and this file would shadow the `search` app.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402

from authorities.models import CompetentAuthority  # noqa: E402
from caselaw.models import Case  # noqa: E402
from legislation.models import Provision  # noqa: E402
from search import indexing  # noqa: E402
from search.documents import expected_count, iter_documents  # noqa: E402
from search.engines import get_engine  # noqa: E402
from search.query import SearchQuery  # noqa: E402
from sherloc.models import PublicationStatus  # noqa: E402

CATEGORIES = ("text", "text+2 filters", "facets only", "deep page")
MIX = {"text": 15, "text+2 filters": 15, "facets only": 10, "deep page": 10}
SEED = 20_241_122
STOPWORDS = frozenset(
    "which their there these those other under within without whoever person persons shall would could "
    "should being about where after before against between during through article provision".split()
)


# --------------------------------------------------------------------------- the query mix


def _vocabulary() -> dict[str, list[str]]:
    """Frequent words and tag values of the data, in a deterministic order."""
    sample = list(Provision.objects.order_by("pk").values_list("text", flat=True)[:400]) + list(
        Case.objects.order_by("pk").values_list("fact_summary", flat=True)[:400]
    )
    words = Counter(w for text in sample for w in re.findall(r"[a-z]{6,}", (text or "").lower()) if w not in STOPWORDS)

    def top(qs, field: str, n: int = 20) -> list[str]:  # noqa: ANN001
        rows = qs.values(field).annotate(n=Count("pk")).order_by("-n", field)[:n]
        return [str(r[field]) for r in rows if r[field]]

    provisions = Provision.objects.filter(law__status=PublicationStatus.PUBLISHED)
    cases = Case.objects.filter(status=PublicationStatus.PUBLISHED)
    return {
        "words": [w for w, _ in sorted(words.most_common(60), key=lambda x: (-x[1], x[0]))],
        "country": top(cases, "country__alpha3") or top(provisions, "law__country__alpha3"),
        "crime_type": top(cases, "crime_types__code"),
        "article": top(provisions, "articles__code"),
        "instrument": top(provisions, "articles__instrument__code", 4),
        "issue": top(cases, "issues__code"),
        "type": ["legislation", "case", "authority"],
        "year": top(cases.values("decision_date__year"), "decision_date__year"),
    }


def build_mix(vocab: dict[str, list[str]]) -> list[tuple[str, SearchQuery]]:
    """50 (category, query) pairs; identical for identical data."""
    rnd = random.Random(SEED)
    words = vocab["words"] or ["trafficking", "laundering", "smuggling", "firearms", "corruption"]
    filter_names = [n for n in ("country", "crime_type", "article", "instrument", "issue", "type", "year") if vocab[n]]
    mix: list[tuple[str, SearchQuery]] = []

    def text() -> str:
        n = rnd.choice((1, 1, 2, 2, 3))
        return " ".join(rnd.sample(words[:30], n))

    for _ in range(MIX["text"]):
        mix.append(("text", SearchQuery(text=text())))
    for _ in range(MIX["text+2 filters"]):
        names = rnd.sample(filter_names, min(2, len(filter_names)))
        mix.append(("text+2 filters", SearchQuery(text=rnd.choice(words[:15]), filters=_filters(rnd, vocab, names))))
    for i in range(MIX["facets only"]):
        names = [] if i % 2 == 0 else [rnd.choice(filter_names)]
        mix.append(("facets only", SearchQuery(filters=_filters(rnd, vocab, names))))
    for i in range(MIX["deep page"]):
        page = rnd.randint(50, 250)  # offset 1,000-5,000: below SEARCH_MAX_DEPTH
        mix.append(("deep page", SearchQuery(text="" if i % 2 == 0 else rnd.choice(words[:5]), page=page)))
    return mix


def _filters(rnd: random.Random, vocab: dict[str, list[str]], names: list[str]) -> dict[str, tuple[str, ...]]:
    return {name: (rnd.choice(vocab[name][:10]),) for name in names}


def describe(query: SearchQuery) -> dict:
    return {"text": query.text, "filters": {k: list(v) for k, v in query.filters.items()}, "page": query.page}


# --------------------------------------------------------------------------- measuring


def percentile(values: list[float], p: float) -> float:
    """Linear-interpolated percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summarise(samples: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    out = {}
    everything = [v for c in CATEGORIES for v in samples.get(c, [])]
    for name, values in [*((c, samples.get(c, [])) for c in CATEGORIES), ("overall", everything)]:
        if values:
            out[name] = {
                "n": len(values),
                "p50_ms": round(percentile(values, 50), 2),
                "p95_ms": round(percentile(values, 95), 2),
                "p99_ms": round(percentile(values, 99), 2),
                "mean_ms": round(sum(values) / len(values), 2),
            }
    return out


def run_mix(
    run: Callable[[SearchQuery], object], mix: list[tuple[str, SearchQuery]], repeat: int
) -> dict[str, list[float]]:
    for category in CATEGORIES:  # warm caches once per category, unmeasured
        run(next(q for c, q in mix if c == category))
    samples: dict[str, list[float]] = {c: [] for c in CATEGORIES}
    for _ in range(repeat):
        for category, query in mix:
            started = time.perf_counter()
            run(query)
            samples[category].append((time.perf_counter() - started) * 1000)
    return samples


def measure_indexing() -> dict[str, float]:
    started = time.perf_counter()
    built = sum(1 for _ in iter_documents())
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    written = indexing.rebuild()
    rebuild_s = time.perf_counter() - started
    return {
        "documents": written,
        "build_only_s": round(build_s, 2),
        "build_only_docs_per_s": round(built / build_s, 1) if build_s else 0.0,
        "rebuild_s": round(rebuild_s, 2),
        "rebuild_docs_per_s": round(written / rebuild_s, 1) if rebuild_s else 0.0,
    }


def print_table(results: dict) -> None:
    idx = results.get("indexing")
    if idx:
        print(
            f"\nindexing: {idx['documents']} documents; rebuild {idx['rebuild_s']}s = "
            f"{idx['rebuild_docs_per_s']:.0f} docs/s (building documents alone: {idx['build_only_docs_per_s']:.0f}/s)"
        )
    header = f"{'category':<16}" + "".join(
        f"{name + ' ' + p:>14}" for name in ("search", "orm") for p in ("p50", "p95", "p99")
    )
    print("\nlatency in ms (" + results["engine"] + " vs ORM baseline)\n" + header)
    for category in (*CATEGORIES, "overall"):
        row = f"{category:<16}"
        for impl in ("search", "orm"):
            stats = results.get(impl, {}).get(category)
            for p in ("p50_ms", "p95_ms", "p99_ms"):
                row += f"{stats[p]:>14.1f}" if stats else f"{'-':>14}"
        print(row)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=0, help="Records seeded (seed_demo --records); for the report.")
    parser.add_argument(
        "--db-records-check",
        action="store_true",
        help="Refuse to run unless the database holds published records (at least --records/2 when given).",
    )
    parser.add_argument("--repeat", type=int, default=1, help="Run the 50-query mix this many times (more samples).")
    parser.add_argument("--skip-rebuild", action="store_true", help="Use the existing index; do not measure indexing.")
    parser.add_argument("--skip-orm", action="store_true", help="Do not run the ORM baseline (it is slow).")
    parser.add_argument(
        "--output", type=Path, default=None, help="JSON path (default bench/results/search-<engine>.json)"
    )
    args = parser.parse_args(argv)

    counts = {
        "provisions": Provision.objects.filter(law__status=PublicationStatus.PUBLISHED).count(),
        "cases": Case.objects.filter(status=PublicationStatus.PUBLISHED).count(),
        "authorities": CompetentAuthority.objects.filter(status=PublicationStatus.PUBLISHED).count(),
    }
    total = sum(counts.values())
    if args.db_records_check and (total == 0 or (args.records and total < args.records // 2)):
        print(
            f"The database ({connection.vendor}: {connection.settings_dict['NAME']}) holds {total} published records"
            f"{f', expected about {args.records}' if args.records else ''}. Seed it first:\n"
            f"    .venv/bin/python manage.py seed_demo --records {args.records or 100000}",
            file=sys.stderr,
        )
        return 2

    from search.service import search as service_search

    engine = get_engine()
    results: dict = {
        "engine": engine.name,
        "database": connection.vendor,
        "records_requested": args.records,
        "published": counts,
        "python": platform.python_version(),
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "repeat": args.repeat,
    }
    if not args.skip_rebuild:
        print(f"rebuilding the {engine.name} index from {expected_count()} documents ...", flush=True)
        results["indexing"] = measure_indexing()

    mix = build_mix(_vocabulary())
    results["queries"] = [{"category": c, **describe(q)} for c, q in mix]
    print(f"running {len(mix)} queries x {args.repeat} through search.service ...", flush=True)
    results["search"] = summarise(run_mix(service_search, mix, args.repeat))
    if not args.skip_orm:
        from bench.orm_baseline import search as orm_search

        print(f"running {len(mix)} queries x {args.repeat} through the ORM baseline ...", flush=True)
        results["orm"] = summarise(run_mix(orm_search, mix, args.repeat))

    print_table(results)
    output = args.output or ROOT / "bench" / "results" / f"search-{settings.SEARCH_ENGINE}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
