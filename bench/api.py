"""How much does the HTTP API add to the search service? Target: API p50 at most 1.15x the service's.

The same query mix runs through `search.service` directly (query_from_params + search) and through GET
/api/v1/search/ called on the production WSGI application (config.wsgi.application) the way a WSGI
server calls it: environ in (built before the clock starts, as a server parses the request before
calling the application), body out. That is everything the portal runs for an anonymous API client:
Django's middleware chain, DRF's SearchView (authentication, throttling, parameter checks), the search,
the response body and JSON rendering: the one path every request takes. Each repetition interleaves the
two (alternating which goes first) so caches and the engine are equally warm for both. The same requests
through Django's test client are reported too: the test client goes through Django's handler and every
middleware (it does not use the WSGI application) and adds its own bookkeeping (signals, response
wrapping) that no server pays, so the WSGI figure is the one compared with the target.

    .venv/bin/python bench/api.py --records 3000 --repeat 30

Prints both p50s and the ratio, and writes bench/results/api.json.
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import ROOT, configure, ensure_seeded  # noqa: E402

QUERIES: list[dict[str, str]] = [
    {},
    {"q": "trafficking"},
    {"q": '"forced labour"'},
    {"q": "money laundering", "type": "case"},
    {"country": "BRA,ARG,MEX"},
    {"article": "UNTOC-18", "sort": "newest"},
    {"instrument": "TIP", "crime_type": "trafficking-in-persons"},
    {"q": "extradition", "facets": "country,article"},
    {"q": "organized crime", "page": "5"},
    {"year_from": "2010", "year_to": "2020", "sort": "title"},
    {"issue": "investigation", "type": "legislation"},
    {"type": "authority", "role": "mla-central"},
    {"q": "witness protection -smuggling", "region": "150"},
    {"q": "corruption OR bribery", "page_size": "50"},
]


# What the baseline times, printed with the figures: the service's contract is "parameters in, result
# out", so parsing them (query_from_params) is work every caller does, the API included. Both sides get
# the same parameter dicts, the same engine and index, the same warm-up, interleaved query by query.
SERVICE_SIDE = "search.service: query_from_params(params) + search(query), same params, interleaved with the API"


TARGET_RATIO = 1.15


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=3000, help="demo records to seed (default 3000)")
    parser.add_argument("--repeat", type=int, default=30, help="repetitions of the query mix (default 30)")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "api.json"))
    args = parser.parse_args()

    configure(f"bench-{args.records}")
    data = ensure_seeded(args.records)

    from urllib.parse import urlencode

    from django.test import Client

    from config.wsgi import application
    from search.service import query_from_params, search

    client = Client()
    statuses: list[str] = []

    def start_response(status: str, headers: list, exc_info: object = None) -> None:
        statuses.append(status)

    def wsgi_environ(path: str, params: dict[str, str]) -> dict:
        """What a WSGI server hands the application after parsing the request (not timed: it is the
        server's work, like reading the socket)."""
        return {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": urlencode(params),
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "localhost",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
        }

    def wsgi_get(environ: dict) -> bytes:
        body = application(environ, start_response)
        try:
            return b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()

    def run_service(params: dict[str, str]) -> float:
        start = time.perf_counter()
        search(query_from_params(params, "en"))
        return (time.perf_counter() - start) * 1000

    def run_api(params: dict[str, str]) -> float:
        environ = wsgi_environ("/api/v1/search/", params)
        start = time.perf_counter()
        body = wsgi_get(environ)
        elapsed = (time.perf_counter() - start) * 1000
        if not statuses[-1].startswith("200"):
            raise SystemExit(f"API answered {statuses[-1]} for {params}: {body[:300]!r}")
        return elapsed

    def run_test_client(params: dict[str, str]) -> float:
        start = time.perf_counter()
        response = client.get("/api/v1/search/", params)
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise SystemExit(f"API answered {response.status_code} for {params}: {response.content[:300]!r}")
        return elapsed

    for params in QUERIES:  # warm up: open the index, fill label caches, import everything
        run_service(params)
        run_api(params)
        run_test_client(params)

    service_ms: dict[int, list[float]] = {i: [] for i in range(len(QUERIES))}
    api_ms: dict[int, list[float]] = {i: [] for i in range(len(QUERIES))}
    client_ms: dict[int, list[float]] = {i: [] for i in range(len(QUERIES))}

    def interleave(runners: tuple) -> None:
        rng = random.Random(1)
        for rep in range(args.repeat):
            order = list(range(len(QUERIES)))
            rng.shuffle(order)
            for i in order:
                shift = rep % len(runners)  # rotate which side runs first
                for store, run in runners[shift:] + runners[:shift]:
                    store[i].append(run(QUERIES[i]))

    # The comparison that counts: service vs WSGI, interleaved. The test client runs in its own pass
    # afterwards: its per-request bookkeeping (signal receivers, copies) leaves garbage behind that
    # would otherwise be collected during the other two sides' timings.
    interleave(((service_ms, run_service), (api_ms, run_api)))
    interleave(((client_ms, run_test_client),))

    all_service = [v for values in service_ms.values() for v in values]
    all_api = [v for values in api_ms.values() for v in values]
    all_client = [v for values in client_ms.values() for v in values]
    service_p50, api_p50 = statistics.median(all_service), statistics.median(all_api)
    # Each API call against the service call made next to it (same query, same moment): this machine's
    # speed drifts by tens of percent between seconds (shared host), which moves both p50s; a pair
    # shares the drift, so the median of pair ratios says how stable the overhead is under it.
    paired = [a / s for i in api_ms for a, s in zip(api_ms[i], service_ms[i], strict=True)]
    client_p50 = statistics.median(all_client)
    per_query = [
        {
            "params": QUERIES[i],
            "service_p50_ms": round(statistics.median(service_ms[i]), 3),
            "api_p50_ms": round(statistics.median(api_ms[i]), 3),
            "ratio": round(statistics.median(api_ms[i]) / statistics.median(service_ms[i]), 3),
        }
        for i in range(len(QUERIES))
    ]
    result = {
        "benchmark": "GET /api/v1/search/ (WSGI application) vs search.service",
        "service_side": SERVICE_SIDE,
        "data": data,
        "queries": len(QUERIES),
        "repeat": args.repeat,
        "samples_per_side": len(all_api),
        "service_p50_ms": round(service_p50, 3),
        "api_p50_ms": round(api_p50, 3),
        "service_p95_ms": round(percentile(all_service, 95), 3),
        "api_p95_ms": round(percentile(all_api, 95), 3),
        "overhead_p50_ms": round(api_p50 - service_p50, 3),
        "ratio_p50": round(api_p50 / service_p50, 3),
        "paired_ratio_p50": round(statistics.median(paired), 3),
        "test_client_p50_ms": round(client_p50, 3),
        "test_client_ratio_p50": round(client_p50 / service_p50, 3),
        "target_ratio": TARGET_RATIO,
        "meets_target": api_p50 / service_p50 <= TARGET_RATIO,
        "per_query": per_query,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")
    print(f"service side = {SERVICE_SIDE}")
    print(
        f"service p50 {service_p50:.2f} ms | API (WSGI) p50 {api_p50:.2f} ms | ratio {api_p50 / service_p50:.3f}"
        f" (target <= {TARGET_RATIO}) | median of paired ratios {statistics.median(paired):.3f}"
    )
    print(f"service p95 {result['service_p95_ms']:.2f} ms | API (WSGI) p95 {result['api_p95_ms']:.2f} ms")
    print(f"  (through Django's test client: p50 {client_p50:.2f} ms, ratio {client_p50 / service_p50:.3f})")
    for row in per_query:
        print(f"  {row['ratio']:.3f}  {row['service_p50_ms']:8.2f} ms -> {row['api_p50_ms']:8.2f} ms  {row['params']}")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
