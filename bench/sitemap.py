"""How long do sitemap pages take at scale, built and from the sitemaps cache?

    SHERLOC_VAR_DIR=/tmp/bench100k .venv/bin/python bench/sitemap.py --records 100000

Seeds its own database the first time (`seed_demo`; no search index needed), then requests the index
and a few pages of each record sitemap through Django's test client: once from an empty sitemaps
cache (what a crawler hitting a page first pays) and once more (served from the cache). Prints the
times and writes bench/results/sitemap.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import ROOT, analyze, configure  # noqa: E402

PAGES = ["/sitemap.xml", "/sitemap-laws.xml", "/sitemap-laws.xml?p=5", "/sitemap-cases.xml?p=3"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "sitemap.json"))
    args = parser.parse_args()
    configure(f"bench-{args.records}")

    from django.core.cache import caches
    from django.core.management import call_command
    from django.test import Client

    from authorities.models import CompetentAuthority
    from caselaw.models import Case
    from legislation.models import Law
    from taxonomy.reference import load_reference_data

    call_command("migrate", verbosity=0)
    load_reference_data()
    if Law.objects.count() + Case.objects.count() + CompetentAuthority.objects.count() != args.records:
        print(f"seeding {args.records} records...", file=sys.stderr)
        call_command("seed_demo", records=args.records, replace=True)
        analyze()
    caches["sitemaps"].clear()
    client = Client()
    rows = []
    for path in PAGES:
        timings = []
        for _ in range(2):  # built, then cached
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
        rows.append(
            {
                "path": path,
                "bytes": len(response.content),
                "built_ms": round(timings[0]),
                "cached_ms": round(timings[1], 1),
            }
        )
        print(f"{path:28s} {len(response.content):>9,} bytes  built {timings[0]:7.0f} ms  cached {timings[1]:6.1f} ms")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps({"records": args.records, "pages": rows}, indent=2) + "\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
