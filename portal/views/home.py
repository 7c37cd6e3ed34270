"""Home page, health check and the custom error pages.

The home page shows live counts of published records. They come from one facet-only query to the
search service (the engine counts published documents per crime type, instrument, region and
country in a few milliseconds, and the numbers then match what the linked searches show) plus a
few tiny queries, cached for a minute: counts a minute old are as useful as exact ones. If the
engine is down the counts come from GROUP BY queries on the database instead.
"""

import logging
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader

from authorities.models import CompetentAuthority
from caselaw.models import Case
from legislation.models import Law, Provision
from search.engines import EngineError, get_engine
from sherloc import cache as shared_cache
from sherloc.collation import sort_by_label
from sherloc.models import PublicationStatus
from strategies import listing as strategy_listing
from strategies.models import Strategy
from taxonomy.models import Country, CrimeType, Instrument, Region

logger = logging.getLogger(__name__)

HOME_CACHE_KEY = "home:stats:v3"
HOME_CACHE_SECONDS = 60
RECENT_LIMIT = 6
PUBLISHED = PublicationStatus.PUBLISHED
HOME_FACETS = ("type", "crime_type", "instrument", "region", "country")


def counts_from_search() -> dict[str, dict[str, int]]:
    """{facet: {code: published documents}} from one empty search that asks only for facets."""
    from search.query import SearchQuery
    from search.service import search

    result = search(SearchQuery(page_size=1, facets=HOME_FACETS, highlight=False))
    return {name: {v.value: v.count for v in result.facets.get(name, [])} for name in HOME_FACETS}


def counts_from_database() -> dict[str, dict[str, int]]:
    """The same counts with GROUP BY queries: the fallback when the search engine is unavailable."""
    families = (
        (Provision.objects.filter(law__status=PUBLISHED), "law__country", "legislation"),
        (Case.objects.published(), "country", "case"),
        (CompetentAuthority.objects.published(), "country", "authority"),
        (Strategy.objects.published(), None, "strategy"),  # countries: its own and those it covers
        (strategy_listing.published_materials(), "country", "material"),
    )
    counts: dict[str, Counter] = {name: Counter() for name in HOME_FACETS}
    region_of = {c.pk: c.region_codes() for c in Country.objects.select_related("region", "subregion")}
    alpha3 = dict(Country.objects.values_list("pk", "alpha3"))
    for qs, country, kind in families:
        counts["type"][kind] = qs.count()
        for code, n in qs.values_list("crime_types__code").annotate(n=Count("pk", distinct=True)).order_by():
            if code:
                counts["crime_type"][code] += n
        for code, n in (
            qs.values_list("article_tags__article__instrument__code").annotate(n=Count("pk", distinct=True)).order_by()
        ):
            if code:
                counts["instrument"][code] += n
        if country is None:  # a record under several countries counts once per country and once per region
            pairs = strategy_listing.strategy_countries()
            counts["country"].update(alpha3[pk] for _record, pk in pairs)
            per_record = {(record, region) for record, pk in pairs for region in region_of.get(pk, ())}
            counts["region"].update(region for _record, region in per_record)
            continue
        for pk, n in qs.values_list(country).annotate(n=Count("pk")).order_by():
            counts["country"][alpha3[pk]] += n
            for region in region_of.get(pk, ()):
                counts["region"][region] += n
    return {name: {code: n for code, n in c.items() if n} for name, c in counts.items()}


def recent_records() -> list[dict]:
    """The latest published laws, cases, authorities and strategies, newest first (primitives: cacheable)."""
    rows: list[dict] = []
    families = (
        ("legislation", Law.objects.published().values("pk", "title", "published_at", "country_id")),
        ("case", Case.objects.published().values("pk", "title", "published_at", "country_id")),
        ("authority", CompetentAuthority.objects.published().values("pk", "name", "published_at", "country_id")),
        ("strategy", Strategy.objects.published().values("pk", "title", "published_at", "country_id")),
    )
    for kind, qs in families:
        for row in qs.order_by("-published_at", "-pk")[:RECENT_LIMIT]:
            rows.append({"type": kind, "title": row.get("title") or row.get("name"), **row})
    rows.sort(key=lambda r: (r["published_at"] is not None, r["published_at"], r["pk"]), reverse=True)
    return rows[:RECENT_LIMIT]


def home_stats() -> dict:
    """Everything the home page counts, keyed by vocabulary codes so one cached value serves every language."""
    try:
        counts = counts_from_search()
    except EngineError:
        logger.warning("search engine unavailable: home page counts from the database")
        counts = counts_from_database()
    types = counts["type"]
    return {
        "totals": {
            "laws": Law.objects.published().count(),
            "provisions": types.get("legislation", 0),
            "cases": types.get("case", 0),
            "authorities": types.get("authority", 0),
            "strategies": types.get("strategy", 0),
            "materials": types.get("material", 0),
            "countries": len(counts["country"]),
        },
        **{name: counts[name] for name in ("crime_type", "instrument", "region", "country")},
        "recent": recent_records(),
    }


def home(request: HttpRequest) -> HttpResponse:
    stats = shared_cache.get_or_build(HOME_CACHE_KEY, home_stats, HOME_CACHE_SECONDS)
    lang = request.LANGUAGE_CODE
    countries = list(Country.objects.filter(alpha3__in=stats["country"]))
    by_pk = {c.pk: c for c in countries}
    context = {
        "totals": stats["totals"],
        "crime_types": [(c, stats["crime_type"].get(c.code, 0)) for c in CrimeType.objects.all()],
        "instruments": [(i, stats["instrument"].get(i.code, 0)) for i in Instrument.objects.all()],
        "regions": [
            (r, stats["region"].get(r.code, 0))
            for r in Region.objects.filter(kind=Region.Kind.REGION).order_by("label")
        ],
        "countries": sort_by_label(countries, lambda c: c.label_in(lang), lang),  # the reader's collation
        "recent": [dict(r, country=by_pk.get(r["country_id"])) for r in stats["recent"]],
    }
    return render(request, "home.html", context)


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers: public pages yes; the admin, the submission and review areas, the MLA writer and the API no."""
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/", "Disallow: /files/"]
    lines += [
        f"Disallow: /{code}/{area}/"
        for code, _name in settings.LANGUAGES
        for area in ("submit", "review", "accounts", "mla")
    ]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers and operators: 200 "ok" or "degraded" (the shared cache or the search
    engine is away: pages and the API still answer, search with a 503), 503 "down" without a database."""
    checks = {"database": "ok", "cache": "ok", "search": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        checks["database"] = f"unavailable: {exc.__class__.__name__}"
    reachable, detail = shared_cache.available()
    if not reachable:
        checks["cache"] = f"degraded: {detail}"
    try:
        get_engine().count()
    except EngineError as exc:
        checks["search"] = f"unavailable: {exc}"
    if checks["database"] != "ok":
        status = "down"
    elif any(value != "ok" for value in checks.values()):
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse({"status": status, "checks": checks}, status=503 if status == "down" else 200)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404 in the site's layout, in the language of the URL prefix when there is one."""
    return render(request, "404.html", {"path": request.path}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500 page that cannot fail itself: no database, no context processors, plain HTML as last resort."""
    try:
        body = loader.get_template("500.html").render({})
    except Exception:  # noqa: BLE001 - the error page must never raise
        logger.exception("500.html could not be rendered")
        body = "<!doctype html><title>Server error</title><h1>Server error</h1>"
    return HttpResponseServerError(body)
