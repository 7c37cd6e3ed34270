"""Web page latency: the search page (and the heavier browse pages) through Django's test client.

    .venv/bin/python manage.py seed_demo --records 100000
    .venv/bin/python manage.py search_index rebuild
    .venv/bin/python bench/web.py --rounds 5

Server time only: each request goes through the whole Django stack (middleware, view, search
service, template rendering) in-process, with no network and no browser. The URL mix is derived
deterministically from the data (frequent title words and tag values of the first records, fixed
seed), so one database always yields the same mix. Prints p50/p95/p99 per category and overall and
writes bench/results/web.json. The target is p95 < 150 ms for the search page at 100k records.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "false")  # DEBUG keeps every SQL query in memory: not what production runs

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from caselaw.models import Case  # noqa: E402
from legislation.models import Law, Provision, ProvisionArticle  # noqa: E402
from sherloc.models import PublicationStatus  # noqa: E402
from taxonomy.models import Country, CrimeType  # noqa: E402

SEED = 20_241_122
LANGS = ("en", "fr", "ar", "zh-hans")
WORD = re.compile(r"[A-Za-z]{5,}")


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def url_mix(n_text: int = 12) -> dict[str, list[str]]:
    """Search URLs by category, plus the browse pages; deterministic for a given database."""
    rng = random.Random(SEED)
    published = PublicationStatus.PUBLISHED
    titles = Provision.objects.filter(law__status=published).order_by("pk").values_list("heading", flat=True)[:2000]
    words = [w.lower() for w, _ in Counter(w for t in titles for w in WORD.findall(t or "")).most_common(40)]
    countries = list(
        Country.objects.filter(laws__status=published).values_list("alpha3", flat=True).distinct().order_by("alpha3")
    )
    crimes = list(CrimeType.objects.values_list("code", flat=True))
    articles = list(ProvisionArticle.objects.values_list("article__code", flat=True).distinct().order_by()[:60])
    if not (words and countries and articles):
        raise SystemExit("The database has no published legislation: seed it first (see --help).")
    rng.shuffle(words)

    def search(lang: str, **params: object) -> str:
        pairs = [(k, v) for k, values in params.items() for v in (values if isinstance(values, list) else [values])]
        return f"/{lang}/search/" + (f"?{urlencode(pairs)}" if pairs else "")

    mix: dict[str, list[str]] = {"search: empty": [search(lang) for lang in LANGS]}
    mix["search: text"] = [search(LANGS[i % 4], q=words[i % len(words)]) for i in range(n_text)]
    mix["search: text + 2 filters"] = [
        search(
            LANGS[i % 4],
            q=words[(i + 3) % len(words)],
            country=rng.choice(countries),
            crime_type=rng.choice(crimes),
        )
        for i in range(n_text)
    ]
    mix["search: facets only"] = [
        search(LANGS[i % 4], country=rng.sample(countries, min(2, len(countries))), article=rng.choice(articles))
        for i in range(n_text)
    ]
    mix["search: type tab + sort + page 5"] = [
        search(LANGS[i % 4], type=["legislation", "case", "authority"][i % 3], sort="newest", page=5) for i in range(6)
    ]
    law = Law.objects.published().order_by("pk").first()
    case = Case.objects.published().order_by("pk").first()
    mix["record and browse pages"] = [
        "/en/",
        f"/en/laws/{law.pk}/",
        f"/en/cases/{case.pk}/" if case else "/en/",
        f"/en/countries/{countries[0]}/",
        "/en/instruments/UNTOC/articles/5/",
        "/en/instruments/UNTOC/coverage/",
        "/en/instruments/TIP/coverage/?all=1",
    ]
    return mix


def service_times(urls: list[str], rounds: int) -> list[float]:
    """The same searches through search.service alone: what the page adds is the difference."""
    from django.http import QueryDict

    from search.service import query_from_params, search

    times = []
    for _ in range(rounds):
        for url in urls:
            path, _, query = url.partition("?")
            start = time.perf_counter()
            search(query_from_params(QueryDict(query), path.split("/")[1]))
            times.append((time.perf_counter() - start) * 1000)
    return times


def run(rounds: int) -> dict:
    client = Client()
    mix = url_mix()
    for urls in mix.values():  # warm-up: open the index, fill template and vocabulary caches
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
    report: dict = {"categories": {}, "rounds": rounds}
    search_times: list[float] = []
    for category, urls in mix.items():
        times, sizes = [], []
        for _ in range(rounds):
            for url in urls:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
                sizes.append(len(response.content))
        service = service_times(urls, rounds) if category.startswith("search") else []
        if category.startswith("search"):
            search_times += times
        report["categories"][category] = {
            "service_p50_ms": round(statistics.median(service), 1) if service else None,
            "service_p95_ms": round(_pct(service, 95), 1) if service else None,
            "requests": len(times),
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(_pct(times, 95), 1),
            "p99_ms": round(_pct(times, 99), 1),
            "max_ms": round(max(times), 1),
            "html_kb": round(statistics.mean(sizes) / 1024, 1),
            "urls": urls,
        }
    report["search_overall"] = {
        "requests": len(search_times),
        "p50_ms": round(statistics.median(search_times), 1),
        "p95_ms": round(_pct(search_times, 95), 1),
        "p99_ms": round(_pct(search_times, 99), 1),
    }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5, help="times each URL is requested (default 5)")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "web.json"))
    args = parser.parse_args()
    from django.conf import settings

    report = run(args.rounds)
    report.update(
        {
            "engine": settings.SEARCH_ENGINE,
            "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
            "provisions": Provision.objects.filter(law__status=PublicationStatus.PUBLISHED).count(),
            "cases": Case.objects.published().count(),
            "python": platform.python_version(),
            "machine": platform.machine(),
        }
    )
    print(f"engine={report['engine']} db={report['database']} published provisions={report['provisions']:,}")
    print("page = whole request through Django; service = search.service alone for the same URLs")
    header = (
        f"{'category':34} {'n':>4} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7} {'svc p50':>8} {'svc p95':>8} {'KB':>6}"
    )
    print(header + "   (ms)")
    for name, row in report["categories"].items():
        svc50, svc95 = row["service_p50_ms"] or "", row["service_p95_ms"] or ""
        print(
            f"{name:34} {row['requests']:>4} {row['p50_ms']:>7} {row['p95_ms']:>7} {row['p99_ms']:>7} "
            f"{row['max_ms']:>7} {svc50:>8} {svc95:>8} {row['html_kb']:>6}"
        )
    overall = report["search_overall"]
    print(f"{'search page overall':34} {overall['requests']:>4} {overall['p50_ms']:>7} {overall['p95_ms']:>7}")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
