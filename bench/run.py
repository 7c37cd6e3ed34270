"""The one benchmark command: a corpus of N records, everything users and operators feel, one table.

    bash scripts/bench-tools.sh                 # wrk from Debian (else a bounded Python load generator)
    bash scripts/services.sh                    # PostgreSQL for the full-text peer (optional: skipped without)
    .venv/bin/python bench/run.py --records 10000

What it does, in one process and one run (so ratios compare like with like on a shared machine):

1. Seeds `var/bench-run-<N>/` once (`seed_demo --records N`, reused afterwards; `SHERLOC_VAR_DIR`
   overrides) and measures bulk indexing: `search_index rebuild`'s path (`indexing.rebuild()`, documents
   built from the database included) against building the documents alone. `--skip-rebuild` reuses an
   index whose count matches.
2. Cold first query: a fresh Python process starts Django and times its first search (opening the
   index included) and its second.
3. Single client, in this process: the 50-query mix of `bench/search.py` (15 text, 15 text + 2 filters,
   10 facets only, 10 deep pages; every query counting every facet) plus the deep pages again with
   `sort=title`, each through `search.service`, through `GET /api/v1/search/` and through the search
   page `GET /en/search/`, both on the production WSGI application (`config.wsgi`) with
   `Accept-Encoding: gzip` as browsers send it; p50/p95/p99 per category.
4. The PostgreSQL full-text peer (`bench/pg_peer.py`): the same 50 queries answered by PostgreSQL
   (stored generated tsvector per language, GIN indexes, websearch_to_tsquery, multi-select facet
   counts, ts_headline), its p50/p95/p99 per category, the ratio to the service, and whether totals
   agree. Skipped, with the reason, when no PostgreSQL answers (`--skip-peer` skips it anyway).
5. Under load: gunicorn started with `config/gunicorn.conf.py` (`--workers`, default 2) on 127.0.0.1,
   a 20-query mix (5 of each category) with `--connections` (16) for `--seconds` (15) each, on the API
   and on the search page: throughput, p50/p99; then the peak resident memory (VmHWM) of each worker.

Prints the table and writes `bench/results/run-<N>.json`. Every load run is bounded in time and
answers only on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from types import ModuleType
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import ROOT, configure, ensure_seeded  # noqa: E402

TITLE_DEEP = "deep page, sort=title"
LOAD_PER_CATEGORY = 5  # 4 categories x 5 = the 20-query load mix


def _bench_module(name: str) -> ModuleType:
    """bench/<name>.py under another module name: bench/search.py would shadow the `search` app."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- queries as URLs


def params_of(query: object) -> dict[str, str]:
    """The HTTP parameters of a SearchQuery (the API and the page take the same ones)."""
    params: dict[str, str] = {}
    if query.text:
        params["q"] = query.text
    for name, values in query.filters.items():
        params[name] = ",".join(values)
    if query.page > 1:
        params["page"] = str(query.page)
    if query.sort.value != "relevance":
        params["sort"] = query.sort.value
    return params


def wsgi_environ(path: str, params: dict[str, str]) -> dict:
    """What a WSGI server hands the application once it has parsed a request (not timed)."""
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": urlencode(params),
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }


def wsgi_caller(path: str):  # noqa: ANN201
    """A function running one GET of `path` through config.wsgi; raises on anything but 200."""
    from config.wsgi import application

    status: list[str] = []

    def start_response(line: str, headers: list, exc_info: object = None) -> None:
        status.append(line)

    def call(query: object) -> None:
        params = params_of(query)
        body = application(wsgi_environ(path, params), start_response)
        try:
            content = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        if not status[-1].startswith("200"):
            raise SystemExit(f"{path} answered {status[-1]} for {params}: {content[:300]!r}")

    return call


# --------------------------------------------------------------------------- cold start, memory


def cold_first_query(var_dir: Path, text: str) -> dict[str, float]:
    """A new process: Django start-up, then the first search (index opened) and a second one."""
    code = f"""
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {str(ROOT / "bench")!r})
from _setup import configure
configure("unused")
from search.service import search
from search.query import SearchQuery
t1 = time.perf_counter(); search(SearchQuery(text={text!r})); t2 = time.perf_counter()
search(SearchQuery(text={text!r} + " law")); t3 = time.perf_counter()
print(json.dumps({{"startup_ms": (t1 - t0) * 1000, "first_ms": (t2 - t1) * 1000, "second_ms": (t3 - t2) * 1000}}))
"""
    env = {**os.environ, "SHERLOC_VAR_DIR": str(var_dir)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    if out.returncode:
        raise SystemExit(f"cold start failed: {out.stderr[-2000:]}")
    return {k: round(v, 1) for k, v in json.loads(out.stdout.strip().splitlines()[-1]).items()}


def children_of(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def status_kib(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# --------------------------------------------------------------------------- load through gunicorn


class Gunicorn:
    """gunicorn with config/gunicorn.conf.py on a free 127.0.0.1 port; stopped on exit."""

    def __init__(self, var_dir: Path, workers: int) -> None:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "SHERLOC_VAR_DIR": str(var_dir),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_LOGLEVEL": "warning",
            "GUNICORN_ACCESSLOG": "",
        }
        gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [gunicorn, "-c", str(ROOT / "config" / "gunicorn.conf.py"), "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.workers = workers

    def wait_ready(self, timeout: float = 120) -> float:
        started = time.perf_counter()
        deadline = started + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise SystemExit(f"gunicorn exited: {self.log.read()[-2000:].decode(errors='replace')}")
            if len(children_of(self.process.pid)) >= self.workers:
                try:
                    urllib.request.urlopen(self.base + "/healthz", timeout=5).read()  # noqa: S310 - 127.0.0.1
                    return (time.perf_counter() - started) * 1000
                except OSError:
                    pass
            time.sleep(0.1)
        raise SystemExit("gunicorn did not answer /healthz in time")

    def get_ms(self, path: str) -> float:
        started = time.perf_counter()
        request = urllib.request.Request(self.base + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - 127.0.0.1
            response.read()
        return (time.perf_counter() - started) * 1000

    def worker_peak_kib(self) -> list[int]:
        return [status_kib(pid, "VmHWM") for pid in children_of(self.process.pid)]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()


WRK_SCRIPT = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
"""


def _wrk_ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def load_wrk(base: str, paths: list[str], connections: int, seconds: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    try:
        out = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                script.name,
                base,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
        )
    finally:
        os.unlink(script.name)
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out.stdout, re.M))
    if "50" not in latency or "99" not in latency:
        raise SystemExit(f"wrk gave no latency figures:\n{out.stdout}\n{out.stderr}")
    out = out.stdout
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {
        "tool": "wrk -t2",
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": round(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), 1),
        "p50_ms": round(_wrk_ms(latency["50"]), 1),
        "p99_ms": round(_wrk_ms(latency["99"]), 1),
        "errors": errors,
    }


def load_python(base: str, paths: list[str], connections: int, seconds: int) -> dict:
    """The fallback without wrk: `connections` threads, each one request at a time, for `seconds`."""
    import http.client

    host, port = base.removeprefix("http://").split(":")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client(offset: int) -> None:
        i = offset
        mine: list[float] = []
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                conn = http.client.HTTPConnection(host, int(port), timeout=10)
                conn.request("GET", paths[i % len(paths)], headers={"Accept-Encoding": "gzip"})
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status != 200:
                    errors[0] += 1
            except OSError:
                errors[0] += 1
            mine.append((time.perf_counter() - started) * 1000)
            i += 1
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n * 7,)) for n in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    from bench_search import percentile  # loaded by main()

    return {
        "tool": "python threads",
        "requests": len(latencies),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "errors": errors[0],
    }


# --------------------------------------------------------------------------- the table


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def print_table(r: dict) -> None:
    print(
        f"\n== bench/run.py --records {r['records']}: {r['documents']:,} searchable units, {r['engine']}, "
        f"{r['started_at']} (load average at start {r['loadavg']}) =="
    )
    idx = r.get("indexing")
    if idx:
        ratio = idx["rebuild_docs_per_s"] / idx["build_only_docs_per_s"]
        print(
            f"bulk indexing: {idx['rebuild_docs_per_s']:,.0f} units/s (rebuild {idx['rebuild_s']} s); building the "
            f"documents alone {idx['build_only_docs_per_s']:,.0f}/s: ratio {ratio:.2f} (target >= 0.7)"
        )
    cold = r["cold"]
    print(
        f"cold start: Django up {cold['startup_ms']:,.0f} ms, first query {cold['first_ms']:,.0f} ms "
        f"(opens the index), second {cold['second_ms']:,.1f} ms; first page from a fresh gunicorn "
        f"{fmt(r.get('load', {}).get('first_page_ms'))} ms"
    )
    peer = r.get("peer", {})
    cols = ("service", "api", "web", "peer")
    print(
        "\nsingle client, latency in ms" + ("" if peer.get("latency") else f" (peer: {peer.get('skipped', 'not run')})")
    )
    head = f"{'category':<22}" + "".join(f"{c + ' ' + p:>12}" for c in cols for p in ("p50", "p95", "p99"))
    print(head + f"{'peer/svc p95':>14}")
    for category in (*r["categories"], "overall"):
        row = f"{category:<22}"
        for col in cols:
            stats = (
                (peer.get("latency") if col == "peer" else r["latency"][col]).get(category)
                if (col != "peer" or peer.get("latency"))
                else None
            )
            for p in ("p50_ms", "p95_ms", "p99_ms"):
                row += f"{fmt(stats[p]) if stats else '-':>12}"
        ratio = peer.get("ratio_p95", {}).get(category)
        print(row + f"{(f'{ratio:,.1f}x' if ratio else '-'):>14}")
    deep, title = r["latency"]["service"].get("deep page"), r["latency"]["service"].get(TITLE_DEEP)
    if deep and title:
        print(
            f"sort=title deep pages p95 / relevance deep pages p95: {title['p95_ms'] / deep['p95_ms']:.2f} "
            "(target <= 1.5)"
        )
    if peer.get("agreement"):
        a = peer["agreement"]
        print(
            f"peer totals: {a['same_meaning_equal']}/{a['same_meaning']} equal where both mean the same thing "
            f"(no text: filters, facets, pages); text queries {a['text_equal']}/{a['text']} equal"
            + (f"; differing: {', '.join(a['differences'][:6])}" if a["differences"] else "")
        )
    load = r.get("load")
    if load:
        print(
            f"\nunder load: gunicorn {load['workers']} workers (config/gunicorn.conf.py), {load['connections']} "
            f"connections, {load['seconds']} s each, 20-query mix, {load['api']['tool']}"
        )
        print(f"{'':<12}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
        for name in ("api", "web"):
            s = load[name]
            print(f"{name:<12}{s['rps']:>10,.1f}{s['p50_ms']:>10.1f}{s['p99_ms']:>10.1f}{s['errors']:>8}")
        print(
            f"web/API throughput {load['web']['rps'] / load['api']['rps']:.2f} (target >= 0.8); web p99/p50 "
            f"{load['web']['p99_ms'] / load['web']['p50_ms']:.2f} (target <= 3)"
        )
        print(
            f"peak memory (VmHWM) per web worker: {', '.join(f'{k / 1024:,.0f} MiB' for k in load['worker_peak_kib'])}"
        )


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000, help="demo records of the corpus (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="single-client passes over the mix (default 3)")
    parser.add_argument("--skip-rebuild", action="store_true", help="reuse a matching index: no indexing figure")
    parser.add_argument("--skip-peer", action="store_true", help="leave out the PostgreSQL full-text peer")
    parser.add_argument(
        "--peer-repeat", type=int, default=1, help="passes of the peer over the mix (default 1: it is slow)"
    )
    parser.add_argument("--skip-load", action="store_true", help="leave out the gunicorn load runs")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers under load (default 2)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--seconds", type=int, default=15, help="seconds per load run, at most 120 (default 15)")
    parser.add_argument(
        "--peer-url",
        default=None,
        help="PostgreSQL URL for the peer (default: PEER_DATABASE_URL, "
        "DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)",
    )
    parser.add_argument("--output", type=Path, default=None, help="JSON path (default bench/results/run-<N>.json)")
    args = parser.parse_args(argv)
    args.seconds = max(1, min(args.seconds, 120))
    args.connections = max(1, min(args.connections, 64))

    var_dir = configure(f"bench-run-{args.records}")
    data = ensure_seeded(args.records, index=False)
    bench_search = _bench_module("search")
    sys.modules["bench_search"] = bench_search
    from search.engines import get_engine
    from search.query import Sort
    from search.service import search as service_search

    engine = get_engine()
    results: dict = {
        "records": args.records,
        "documents": data["documents"],
        "engine": engine.name,
        "started_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "loadavg": " ".join(f"{v:.1f}" for v in os.getloadavg()),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    if args.skip_rebuild and engine.count() == data["documents"]:
        print("reusing the index (--skip-rebuild)", file=sys.stderr)
    else:
        print(f"indexing {data['documents']:,} units (build alone, then rebuild) ...", file=sys.stderr)
        results["indexing"] = bench_search.measure_indexing()

    mix = bench_search.build_mix(bench_search._vocabulary())
    from dataclasses import replace

    full = mix + [(TITLE_DEEP, replace(q, sort=Sort.TITLE)) for c, q in mix if c == "deep page"]
    categories = (*bench_search.CATEGORIES, TITLE_DEEP)
    results["categories"] = categories
    results["queries"] = [{"category": c, **params_of(q)} for c, q in full]

    print("cold start in a new process ...", file=sys.stderr)
    results["cold"] = cold_first_query(var_dir, next(q.text for c, q in mix if c == "text"))

    runners = {"service": service_search, "api": wsgi_caller("/api/v1/search/"), "web": wsgi_caller("/en/search/")}
    results["latency"] = {}
    for name, run in runners.items():
        print(f"single client: {len(full)} queries x {args.repeat} through {name} ...", file=sys.stderr)
        bench_search.CATEGORIES = categories  # run_mix and summarise walk these
        samples = bench_search.run_mix(run, full, args.repeat)
        stats = bench_search.summarise(samples)
        bench_search.CATEGORIES = categories[:-1]  # "overall" is the 50-query mix's, as in bench/search.py
        stats["overall"] = bench_search.summarise(samples)["overall"]
        results["latency"][name] = stats

    if not args.skip_peer:
        pg_peer = _bench_module("pg_peer")
        service = results["latency"]["service"]
        results["peer"] = pg_peer.run(mix, args.peer_url, args.peer_repeat, service, bench_search, args.records)
    else:
        results["peer"] = {"skipped": "--skip-peer"}

    if not args.skip_load:
        results["load"] = run_load(var_dir, mix, args, params_of)

    print_table(results)
    output = args.output or ROOT / "bench" / "results" / f"run-{args.records}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    print(f"\nwrote {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    return 0


def run_load(var_dir: Path, mix: list, args: argparse.Namespace, params_of) -> dict:  # noqa: ANN001
    """API and search page under the 20-query mix through gunicorn; peak memory of its workers."""
    chosen = []
    for category in ("text", "text+2 filters", "facets only", "deep page"):
        chosen += [q for c, q in mix if c == category][:LOAD_PER_CATEGORY]
    urls = {
        name: [f"{path}?{urlencode(params_of(q))}" for q in chosen]
        for name, path in (("api", "/api/v1/search/"), ("web", "/en/search/"))
    }
    generate = load_wrk if shutil.which("wrk") else load_python
    server = Gunicorn(var_dir, args.workers)
    try:
        ready_ms = server.wait_ready()
        first_page_ms = server.get_ms(urls["web"][0])
        print(f"gunicorn up in {ready_ms:,.0f} ms; warming up ...", file=sys.stderr)
        generate(server.base, urls["web"] + urls["api"], args.connections, min(5, args.seconds))  # unmeasured
        out = {
            "workers": args.workers,
            "connections": args.connections,
            "seconds": args.seconds,
            "ready_ms": round(ready_ms),
            "first_page_ms": round(first_page_ms, 1),
        }
        for name in ("api", "web"):
            print(f"load: {name}, {args.connections} connections, {args.seconds} s ...", file=sys.stderr)
            out[name] = generate(server.base, urls[name], args.connections, args.seconds)
        out["worker_peak_kib"] = server.worker_peak_kib()
        return out
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
