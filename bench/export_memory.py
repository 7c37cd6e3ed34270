"""Does /api/v1/export/ stream with flat memory? Consume a full export and watch the process's RSS.

Seeds `--records` demo records (default 100,000) into var/bench-<N>/ once (run it again afterwards for
a clean baseline: seeding in the same process leaves its memory behind), then for each format reads
GET /api/v1/export/?format=... through Django's test client chunk by chunk, as a WSGI server would,
sampling resident memory (VmRSS) as it goes. Flat means: the RSS late in the stream is about the RSS
early in the stream, whatever the number of records; the output itself is never held.

    .venv/bin/python bench/export_memory.py --records 100000

Writes bench/results/export_memory.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import ROOT, configure, ensure_seeded  # noqa: E402


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def rss_mb() -> float:
    """Resident memory now."""
    return _status_mb("VmRSS")


def high_water_mb() -> float:
    """Peak resident memory of the process so far (kernel-tracked: catches spikes between samples)."""
    return _status_mb("VmHWM")


def measure(client, fmt: str, params: dict[str, str]) -> dict:  # noqa: ANN001
    gc.collect()
    before = rss_mb()
    high_water_before = high_water_mb()
    started = time.perf_counter()
    response = client.get("/api/v1/export/", {"format": fmt, **params})
    if response.status_code != 200 or not response.streaming:
        raise SystemExit(f"export {fmt} answered {response.status_code}: {response.content[:300]!r}")
    total_bytes = lines = 0
    samples: list[tuple[int, float]] = []  # (bytes so far, RSS MB)
    first_chunk_s = None
    for i, chunk in enumerate(response.streaming_content):
        if first_chunk_s is None:
            first_chunk_s = time.perf_counter() - started
        total_bytes += len(chunk)
        lines += chunk.count(b"\n")
        if i % 25 == 0:
            samples.append((total_bytes, rss_mb()))
    response.close()
    elapsed = time.perf_counter() - started
    samples.append((total_bytes, rss_mb()))

    def rss_at(fraction: float) -> float:
        target = total_bytes * fraction
        return next(rss for done, rss in samples if done >= target)

    peak = max(rss for _, rss in samples)
    return {
        "format": fmt,
        "params": params,
        "lines": lines,  # jsonl: records; csv: rows + header
        "megabytes_streamed": round(total_bytes / 1e6, 1),
        "seconds": round(elapsed, 1),
        "first_chunk_seconds": round(first_chunk_s or 0.0, 3),
        "rss_before_mb": round(before, 1),
        "rss_at_10pct_mb": round(rss_at(0.10), 1),
        "rss_at_50pct_mb": round(rss_at(0.50), 1),
        "rss_at_90pct_mb": round(rss_at(0.90), 1),
        "rss_peak_mb": round(peak, 1),
        "high_water_before_mb": round(high_water_before, 1),
        "high_water_after_mb": round(high_water_mb(), 1),
        "growth_10_to_90pct_mb": round(rss_at(0.90) - rss_at(0.10), 1),
        "growth_total_mb": round(peak - before, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000, help="demo records to seed (default 100000)")
    parser.add_argument("--formats", default="jsonl,csv")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "export_memory.json"))
    args = parser.parse_args()

    configure(f"bench-{args.records}")
    data = ensure_seeded(args.records)

    from django.test import Client

    client = Client()
    runs = []
    for fmt in args.formats.split(","):
        run = measure(client, fmt, {})
        runs.append(run)
        print(
            f"{fmt}: {run['lines']} lines, {run['megabytes_streamed']} MB in {run['seconds']} s; RSS "
            f"{run['rss_before_mb']} -> 10% {run['rss_at_10pct_mb']} -> 50% {run['rss_at_50pct_mb']} -> "
            f"90% {run['rss_at_90pct_mb']} MB (peak {run['rss_peak_mb']}, growth 10->90% "
            f"{run['growth_10_to_90pct_mb']} MB; process high-water {run['high_water_before_mb']} -> "
            f"{run['high_water_after_mb']} MB)"
        )
    result = {"benchmark": "GET /api/v1/export/ consumed as a stream", "data": data, "runs": runs}
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
