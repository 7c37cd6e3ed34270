"""tantivy and OpenSearch side by side, in one run on one corpus (issue #12, item 4).

    bash scripts/opensearch.sh start
    .venv/bin/python bench/engines.py --records 2000
    .venv/bin/python bench/engines.py --records 100000

Corpus: `seed_demo --records N` in var/bench-engines-<N>/ (SHERLOC_VAR_DIR overrides), seeded once and
reused (bench/_setup.py). Both engines index the same documents: tantivy in that directory's index/,
OpenSearch under the prefix `bench-engines-<N>` on OPENSEARCH_URL (default http://127.0.0.1:9200).

1. Indexing: each engine's `rebuild()` from the database, timed (units/s, building documents included,
   as in bench/search.py); building documents alone is timed once; then each index's size on disk.
2. Parity: the 50-query mix of bench/search.py (same vocabulary, seed and categories), every query with
   all nine facets, on both engines: the total and every facet's values and counts must be equal.
   Each difference is printed. Informational: whether the first page lists the same ids in the same order.
3. Latency: the mix through `search.service.search` on each engine (p50/p95/p99 per category).
4. Throughput: `--clients` threads (8) call the service with the mix for `--seconds` per engine.
5. Memory: this process's resident memory (Django + the embedded tantivy engine) and the OpenSearch
   node's (pid file of scripts/opensearch.sh, var/opensearch/node.pid) plus its JVM heap.

Results: tables on stdout and bench/results/engines-<N>.json. Exit status 1 when a query differs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# Run as a script, bench/ would come first on sys.path and bench/search.py would shadow the `search` app.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != BENCH]


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=2000, help="Corpus size (seed_demo --records).")
    parser.add_argument(
        "--opensearch-url", default=os.environ.get("OPENSEARCH_URL") or "http://127.0.0.1:9200", help="The node."
    )
    parser.add_argument(
        "--pid-file",
        type=Path,
        default=Path(os.environ.get("OPENSEARCH_HOME", ROOT / "var" / "opensearch")) / "node.pid",
        help="The node's pid file (for its resident memory).",
    )
    parser.add_argument("--skip-rebuild", action="store_true", help="Reuse both indices when their counts match.")
    parser.add_argument("--repeat", type=int, default=1, help="Run the latency mix this many times per engine.")
    parser.add_argument("--clients", type=int, default=8, help="Concurrent clients in the throughput run.")
    parser.add_argument("--seconds", type=float, default=20.0, help="Duration of each engine's throughput run.")
    parser.add_argument("--output", type=Path, default=None, help="JSON path (default bench/results/engines-<N>.json)")
    return parser.parse_args(argv)


ARGS = _parse_args(None if __name__ == "__main__" else [])
sys.path.insert(0, str(BENCH))
from _setup import configure, ensure_seeded  # noqa: E402

VAR_DIR = configure(f"bench-engines-{ARGS.records}")

from django.conf import settings  # noqa: E402

from bench.search import CATEGORIES, _vocabulary, build_mix, describe, percentile, run_mix, summarise  # noqa: E402
from search.documents import expected_count, iter_documents  # noqa: E402
from search.engines.base import SearchEngine  # noqa: E402
from search.engines.opensearch_engine import OpenSearchEngine  # noqa: E402
from search.engines.tantivy_engine import TantivyEngine  # noqa: E402
from search.query import SearchQuery  # noqa: E402

ENGINES = ("tantivy", "opensearch")


# --------------------------------------------------------------------------- measuring helpers


def rss_kib(pid: int | str = "self") -> int:
    """Resident set size in KiB (VmRSS of /proc/<pid>/status); 0 when unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def node_pid(pid_file: Path, url: str) -> int | None:
    """The node's pid: its pid file, else the JVM running the launcher on the URL's port."""
    try:
        pid = int(pid_file.read_text().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        pass
    port = url.rstrip("/").rsplit(":", 1)[-1]
    out = subprocess.run(["ps", "-eo", "pid=,args="], capture_output=True, text=True, check=False).stdout
    for line in out.splitlines():
        pid, _, args = line.strip().partition(" ")
        if "org.sherloc.opensearch.NodeLauncher" in args and f" {port} " in f"{args} ":
            return int(pid)
    return None


def directory_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def tantivy_size(engine: TantivyEngine) -> dict:
    """The live generation only (an older one may linger for searches running during a swap)."""
    current = (engine.path / "CURRENT").read_text().strip()
    live = engine.path / current
    return {"bytes": directory_bytes(live), "generation": current, "segments": len(list(live.glob("*.idx")))}


def opensearch_size(engine: OpenSearchEngine) -> dict:
    stats = engine.client.indices.stats(index=engine.alias, metric="store,docs,segments")
    (name, index), *_ = stats["indices"].items()
    primaries = index["primaries"]
    return {
        "bytes": primaries["store"]["size_in_bytes"],
        "index": name,
        "segments": primaries["segments"]["count"],
        "docs": primaries["docs"]["count"],
    }


def node_memory(engine: OpenSearchEngine, pid: int | None) -> dict:
    stats = engine.client.nodes.stats(metric="jvm")
    (_, node), *_ = stats["nodes"].items()
    mem = node["jvm"]["mem"]
    return {
        "pid": pid,
        "rss_mib": round(rss_kib(pid) / 1024, 1) if pid else None,
        "heap_used_mib": round(mem["heap_used_in_bytes"] / 2**20, 1),
        "heap_max_mib": round(mem["heap_max_in_bytes"] / 2**20, 1),
    }


def engine_context(engine: SearchEngine) -> mock._patch:
    """search.service.search on `engine` (the service asks get_engine() for the configured one)."""
    return mock.patch("search.service.get_engine", return_value=engine)


# --------------------------------------------------------------------------- indexing


def measure_build() -> dict:
    started = time.perf_counter()
    built = sum(1 for _ in iter_documents())
    seconds = time.perf_counter() - started
    return {"documents": built, "seconds": round(seconds, 2), "docs_per_s": round(built / seconds, 1)}


def measure_rebuild(engine: SearchEngine) -> dict:
    started = time.perf_counter()
    written = engine.rebuild(iter_documents())
    seconds = time.perf_counter() - started
    return {"documents": written, "seconds": round(seconds, 2), "docs_per_s": round(written / seconds, 1)}


# --------------------------------------------------------------------------- parity


def compare(category: str, query: SearchQuery, results: dict) -> dict:
    """Totals and facets of one query on both engines; `differences` lists what is not equal."""
    a, b = (results[name] for name in ENGINES)
    differences: list[str] = []
    if a.total != b.total:
        differences.append(f"total: tantivy {a.total} vs opensearch {b.total}")
    for facet in query.facets:
        fa, fb = a.facets.get(facet, {}), b.facets.get(facet, {})
        if fa == fb:
            continue
        only_a = sorted(set(fa) - set(fb))
        only_b = sorted(set(fb) - set(fa))
        counts = sorted((v, fa[v], fb[v]) for v in set(fa) & set(fb) if fa[v] != fb[v])
        parts = []
        if only_a:
            parts.append(f"only tantivy {len(only_a)}: {only_a[:5]}")
        if only_b:
            parts.append(f"only opensearch {len(only_b)}: {only_b[:5]}")
        if counts:
            parts.append(f"{len(counts)} count(s) differ, e.g. " + ", ".join(f"{v} {x}/{y}" for v, x, y in counts[:5]))
        differences.append(f"facet {facet}: " + "; ".join(parts))
    same_page = [h.id for h in a.hits] == [h.id for h in b.hits]
    return {
        "category": category,
        **describe(query),
        "total": {name: results[name].total for name in ENGINES},
        "identical": not differences,
        "differences": differences,
        "same_page_ids": same_page,
    }


def run_parity(engines: dict[str, SearchEngine], mix: list[tuple[str, SearchQuery]]) -> list[dict]:
    rows = []
    for category, query in mix:
        results = {name: engine.search(query) for name, engine in engines.items()}
        rows.append(compare(category, query, results))
    return rows


# --------------------------------------------------------------------------- throughput


def throughput(run: Callable[[SearchQuery], object], mix: list[tuple[str, SearchQuery]], clients: int, seconds: float):
    """`clients` threads, each walking the mix from its own starting point, until the deadline."""
    from django.db import connections

    done = [0] * clients
    errors = [0] * clients
    latencies: list[list[float]] = [[] for _ in range(clients)]
    start_gate = threading.Barrier(clients + 1)
    deadline = [0.0]

    def client(i: int) -> None:
        position = i * len(mix) // clients
        start_gate.wait()
        try:
            while time.perf_counter() < deadline[0]:
                _, query = mix[position % len(mix)]
                position += 1
                began = time.perf_counter()
                try:
                    run(query)
                except Exception:  # noqa: BLE001 - counted and reported
                    errors[i] += 1
                    continue
                latencies[i].append((time.perf_counter() - began) * 1000)
                done[i] += 1
        finally:
            connections.close_all()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    deadline[0] = time.perf_counter() + seconds
    began = time.perf_counter()
    start_gate.wait()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    every = [v for per in latencies for v in per]
    return {
        "clients": clients,
        "seconds": round(elapsed, 2),
        "queries": sum(done),
        "errors": sum(errors),
        "qps": round(sum(done) / elapsed, 1),
        "p50_ms": round(percentile(every, 50), 1) if every else None,
        "p95_ms": round(percentile(every, 95), 1) if every else None,
    }


# --------------------------------------------------------------------------- report


def print_report(results: dict) -> None:
    print("\nparity: {identical} of {queries} queries identical in totals and facet counts".format(**results["parity"]))
    for row in results["parity"]["rows"]:
        if not row["identical"]:
            print(f"  [{row['category']}] q={row['text']!r} filters={row['filters']} page={row['page']}")
            for line in row["differences"]:
                print(f"      {line}")
    pages = results["parity"]["same_page_ids_by_category"]
    print("  same first-page ids in the same order (not required): " + ", ".join(f"{c} {n}" for c, n in pages.items()))

    print(f"\n{'':<26}{'tantivy':>14}{'opensearch':>14}")
    idx = results.get("indexing")
    if idx:
        print(f"{'bulk indexing units/s':<26}" + "".join(f"{idx[e]['docs_per_s']:>14,.0f}" for e in ENGINES))
        print(f"{'  rebuild seconds':<26}" + "".join(f"{idx[e]['seconds']:>14.1f}" for e in ENGINES))
    size = results["index_size"]
    print(f"{'index size MiB':<26}" + "".join(f"{size[e]['bytes'] / 2**20:>14.1f}" for e in ENGINES))
    mem = results["memory"]
    rss = (mem["tantivy"]["process_rss_mib"], mem["opensearch"]["rss_mib"] or 0)
    print(f"{'resident memory MiB':<26}{rss[0]:>14.1f}{rss[1]:>14.1f}")
    for category in (*CATEGORIES, "overall"):
        for p in ("p50_ms", "p95_ms"):
            label = f"{category} {p[:3]} ms"
            print(f"{label:<26}" + "".join(f"{results['latency'][e][category][p]:>14.1f}" for e in ENGINES))
    tp = results["throughput"]
    print(f"{f'{ARGS.clients} clients queries/s':<26}" + "".join(f"{tp[e]['qps']:>14.1f}" for e in ENGINES))
    print(
        f"{'  p50 / p95 ms under load':<26}" + "".join(f"{tp[e]['p50_ms']:>7} /{tp[e]['p95_ms']:>5}" for e in ENGINES)
    )


# --------------------------------------------------------------------------- main


def main() -> int:
    started_at = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    load_before = os.getloadavg()
    ensure_seeded(ARGS.records, index=False)
    expected = expected_count()
    prefix = f"bench-engines-{ARGS.records}"
    rss_base = rss_kib()
    engines: dict[str, SearchEngine] = {
        "tantivy": TantivyEngine(settings.SEARCH_INDEX_DIR),
        "opensearch": OpenSearchEngine(ARGS.opensearch_url, prefix=prefix),
    }
    results: dict = {
        "records": ARGS.records,
        "documents": expected,
        "var_dir": str(VAR_DIR),
        "opensearch_url": ARGS.opensearch_url,
        "opensearch_prefix": prefix,
        "python": platform.python_version(),
        "started_at": started_at,
        "cpus": os.cpu_count(),
    }
    version = engines["opensearch"].client.info()["version"]
    results["opensearch_version"] = (
        f"{version['distribution']} {version['number']} (lucene {version['lucene_version']})"
    )

    counts = {name: engine.count() for name, engine in engines.items()}
    if ARGS.skip_rebuild and all(n == expected for n in counts.values()):
        print(f"reusing both indices ({expected} documents)", flush=True)
    else:
        print(f"building {expected} documents from the database (timing only) ...", flush=True)
        results["build_only"] = measure_build()
        results["indexing"] = {}
        for name, engine in engines.items():
            print(f"rebuilding the {name} index ...", flush=True)
            results["indexing"][name] = measure_rebuild(engine)
            print(f"  {results['indexing'][name]}", flush=True)
    results["index_size"] = {
        "tantivy": tantivy_size(engines["tantivy"]),
        "opensearch": opensearch_size(engines["opensearch"]),
    }

    mix = build_mix(_vocabulary())
    print(f"parity: {len(mix)} queries on both engines ...", flush=True)
    rows = run_parity(engines, mix)
    results["parity"] = {
        "queries": len(rows),
        "identical": sum(r["identical"] for r in rows),
        "same_page_ids_by_category": {
            c: f"{sum(r['same_page_ids'] for r in rows if r['category'] == c)}/{sum(r['category'] == c for r in rows)}"
            for c in CATEGORIES
        },
        "rows": rows,
    }

    from search.service import search as service_search

    results["latency"], results["throughput"] = {}, {}
    for name, engine in engines.items():
        with engine_context(engine):
            print(f"latency: {len(mix)} queries x {ARGS.repeat} on {name} ...", flush=True)
            results["latency"][name] = summarise(run_mix(service_search, mix, ARGS.repeat))
            print(f"throughput: {ARGS.clients} clients for {ARGS.seconds:g}s on {name} ...", flush=True)
            results["throughput"][name] = throughput(service_search, mix, ARGS.clients, ARGS.seconds)

    pid = node_pid(ARGS.pid_file, ARGS.opensearch_url)
    results["memory"] = {
        "tantivy": {
            "process_rss_mib": round(rss_kib() / 1024, 1),
            "process_rss_before_engines_mib": round(rss_base / 1024, 1),
            "note": "this process: Django + the embedded tantivy engine (+ the OpenSearch client)",
        },
        "opensearch": node_memory(engines["opensearch"], pid),
    }
    results["load_average"] = {
        "before": [round(x, 2) for x in load_before],
        "after": [round(x, 2) for x in os.getloadavg()],
    }
    for engine in engines.values():
        engine.close()

    print_report(results)
    output = ARGS.output or ROOT / "bench" / "results" / f"engines-{ARGS.records}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    return 0 if results["parity"]["identical"] == results["parity"]["queries"] else 1


if __name__ == "__main__":
    sys.exit(main())
