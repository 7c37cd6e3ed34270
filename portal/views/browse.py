"""Browse pages built on the vocabularies: countries, country profiles, instruments, articles, coverage.

Why aggregates: these pages summarise thousands of records. Every count comes from one GROUP BY
query per record family (never a query per row or per cell), so the number of queries is fixed
whatever the size of the data; tests/web check the bounds. Lists are capped and link to the search
for the rest, because the search is the page built for long result lists.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language

from authorities.models import AuthorityArticle, CompetentAuthority
from bibliography import listing as bibliography_listing
from caselaw.models import Case, CaseArticle, Court
from guidance import listing as guidance_listing
from legislation.models import Law, Provision, ProvisionArticle
from sherloc import cache as shared_cache
from sherloc.collation import sort_by_label, sort_key
from sherloc.models import PublicationStatus
from strategies import listing as strategy_listing
from taxonomy.models import Article, Country, CrimeType, Instrument, Region
from treaties import listing as treaty_listing
from treaties import status as treaty_status

PUBLISHED = PublicationStatus.PUBLISHED
LIST_LIMIT = 50  # records listed on a profile before "see all in the search"
ARTICLE_PROVISION_LIMIT = 300
COVERAGE_CACHE_SECONDS = 300
NEWEST_FIRST = F("decision_date").desc(nulls_last=True)  # cases with no recorded date come last


def _counts(rows: Iterable[tuple[object, int]]) -> Counter:
    return Counter({key: n for key, n in rows if key is not None})


def _instrument(code: str) -> Instrument:
    return get_object_or_404(Instrument, code__iexact=code)


# --------------------------------------------------------------------------- countries


def country_list(request: HttpRequest) -> HttpResponse:
    """Every jurisdiction grouped by M49 region, with its published record counts.

    `?country=BRA` redirects to the profile: it is the target of the home page's country picker,
    which works without JavaScript.
    """
    wanted = request.GET.get("country", "").strip().upper()
    if wanted:
        if Country.objects.filter(alpha3=wanted).exists():
            return HttpResponseRedirect(reverse("taxonomy:country-detail", args=[wanted]))
        raise Http404("Unknown country")
    laws = _counts(Law.objects.published().values_list("country").annotate(n=Count("pk")).order_by())
    cases = _counts(Case.objects.published().values_list("country").annotate(n=Count("pk")).order_by())
    auths = _counts(CompetentAuthority.objects.published().values_list("country").annotate(n=Count("pk")).order_by())
    strategies = strategy_listing.strategy_counts_by_country()  # regional ones under each State they cover
    lang = get_language()
    groups: dict[Region | None, list[dict]] = defaultdict(list)
    for c in Country.objects.select_related("region"):
        groups[c.region].append(
            {
                "country": c,
                "label": c.label_in(lang),
                "laws": laws[c.pk],
                "cases": cases[c.pk],
                "authorities": auths[c.pk],
                "strategies": strategies[c.pk],
            }
        )
    # Names in the reader's collation (Chinese by pinyin, not by code point); jurisdictions without a region last.
    collate = sort_key(lang)
    regions = sorted(groups, key=lambda r: (r is None, collate(r.label_in(lang)) if r else b""))
    context = {
        "nav": "countries",
        "groups": [(r, sort_by_label(groups[r], lambda row: row["label"], lang)) for r in regions],
    }
    return render(request, "taxonomy/country_list.html", context)


def _crime_type_rows(country: Country) -> list[dict]:
    """Published provisions, cases, authorities and strategies (its own and regional ones covering it) of one
    country per crime type (four GROUP BYs)."""
    provisions = _counts(
        Provision.objects.filter(law__country=country, law__status=PUBLISHED)
        .values_list("crime_types")
        .annotate(n=Count("pk"))
        .order_by()
    )
    cases = _counts(
        Case.objects.published().filter(country=country).values_list("crime_types").annotate(n=Count("pk")).order_by()
    )
    auths = _counts(
        CompetentAuthority.objects.published()
        .filter(country=country)
        .values_list("crime_types")
        .annotate(n=Count("pk"))
        .order_by()
    )
    strategies = _counts(
        strategy_listing.for_country(country)["strategies"]
        .values_list("crime_types")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    rows = []
    for crime in CrimeType.objects.all():
        if provisions[crime.pk] or cases[crime.pk] or auths[crime.pk] or strategies[crime.pk]:
            rows.append(
                {
                    "crime": crime,
                    "provisions": provisions[crime.pk],
                    "cases": cases[crime.pk],
                    "authorities": auths[crime.pk],
                    "strategies": strategies[crime.pk],
                }
            )
    return rows


def _article_coverage(provision_tags: QuerySet) -> list[dict]:
    """Per instrument: its articles with the number of tagged provisions (one GROUP BY)."""
    counts = _counts(provision_tags.values_list("article").annotate(n=Count("provision", distinct=True)).order_by())
    by_instrument: dict[Instrument, list[tuple[Article, int]]] = defaultdict(list)
    for article in Article.objects.select_related("instrument"):
        by_instrument[article.instrument].append((article, counts[article.pk]))
    return [
        {
            "instrument": inst,
            "articles": arts,
            "covered": sum(1 for _, n in arts if n),
            "total": len(arts),
        }
        for inst, arts in sorted(by_instrument.items(), key=lambda kv: (kv[0].sort_order, kv[0].code))
    ]


MLA_CENTRAL = "mla-central"  # the designation a practitioner preparing a request looks for first


def authority_groups(authorities: Iterable[CompetentAuthority]) -> list[dict]:
    """The "Competent authorities" box: authorities by designation, the central authority for mutual legal
    assistance first, then the designations in their vocabulary order; an authority with several
    designations is listed under each. Uses the prefetched roles: no query."""
    groups: dict[int, dict] = {}
    for authority in authorities:
        for role in authority.roles.all():
            groups.setdefault(role.pk, {"role": role, "authorities": []})["authorities"].append(authority)
    return sorted(groups.values(), key=lambda g: (g["role"].code != MLA_CENTRAL, g["role"].sort_order, g["role"].code))


def country_detail(request: HttpRequest, alpha3: str) -> HttpResponse:
    """A country profile: its laws, cases and authorities, crime types and the articles its law covers."""
    country = get_object_or_404(Country.objects.select_related("region", "subregion"), alpha3=alpha3.upper())
    if alpha3 != country.alpha3:
        return HttpResponseRedirect(reverse("taxonomy:country-detail", args=[country.alpha3]))
    if country.is_international:
        return international_detail(request, country)
    laws = Law.objects.published().filter(country=country)
    cases = Case.objects.published().filter(country=country)
    authorities = list(
        CompetentAuthority.objects.published().filter(country=country).prefetch_related("roles").order_by("name")
    )
    context = {
        "nav": "countries",
        "country": country,
        "laws": laws.annotate(n_provisions=Count("provisions")).order_by("title")[:LIST_LIMIT],
        "law_count": laws.count(),
        "cases": cases.select_related("court").order_by(NEWEST_FIRST, "title")[:LIST_LIMIT],
        "case_count": cases.count(),
        "authorities": authorities,
        "authority_groups": authority_groups(authorities),
        "crime_rows": _crime_type_rows(country),
        "coverage": _article_coverage(
            ProvisionArticle.objects.filter(provision__law__country=country, provision__law__status=PUBLISHED)
        ),
        "list_limit": LIST_LIMIT,
        **_documents(strategy_listing.for_country(country), country=country.alpha3),
        "treaty_statuses": treaty_status.statuses_of_country(country),
        **_publications(bibliography_listing.for_country(country), country=country.alpha3),
    }
    return render(request, "taxonomy/country_detail.html", context)


def _documents(found: dict[str, QuerySet], **search: str) -> dict[str, object]:
    """The strategies family's section (templates/strategies/_section.html): its records and search links."""
    from portal.templatetags.portal import search_href

    strategies, materials = list(found["strategies"][:LIST_LIMIT]), list(found["materials"][:LIST_LIMIT])
    return {  # counted only when the list is full (a COUNT query per page otherwise)
        "strategies": strategies,
        "strategy_count": found["strategies"].count() if len(strategies) == LIST_LIMIT else len(strategies),
        "materials": materials,
        "material_count": found["materials"].count() if len(materials) == LIST_LIMIT else len(materials),
        "search_strategies": search_href(type="strategy", **search),
        "search_materials": search_href(type="material", **search),
    }


def _publications(found: QuerySet, **search: str) -> dict[str, object]:
    """The bibliography's section (templates/bibliography/_section.html): its entries and the search link."""
    from portal.templatetags.portal import search_href

    publications = list(found[:LIST_LIMIT])
    return {
        "publications": publications,
        "publication_count": found.count() if len(publications) == LIST_LIMIT else len(publications),
        "search_publications": search_href(type="publication", **search),
    }


def international_detail(request: HttpRequest, jurisdiction: Country) -> HttpResponse:
    """The 'International and regional bodies' jurisdiction: international and regional courts (the ECtHR,
    the Inter-American Court...) with their cases, and the instruments those cases apply. It has no
    legislation or competent authorities of its own, so a country profile's grids would stand empty."""
    cases = Case.objects.published().filter(country=jurisdiction)
    courts = (
        Court.objects.filter(country=jurisdiction)
        .annotate(n_cases=Count("cases", filter=Q(cases__status=PUBLISHED, cases__revision_of__isnull=True)))
        .filter(n_cases__gt=0)
        .order_by("name")
    )
    applied = _counts(
        CaseArticle.objects.filter(case__country=jurisdiction, case__status=PUBLISHED)
        .values_list("article__instrument")
        .annotate(n=Count("case", distinct=True))
        .order_by()
    )
    instruments = [
        {"instrument": inst, "cases": applied[inst.pk]} for inst in Instrument.objects.order_by("sort_order", "code")
    ]
    context = {
        "nav": "countries",
        "country": jurisdiction,
        "courts": courts,
        "cases": cases.select_related("court").order_by(NEWEST_FIRST, "title")[:LIST_LIMIT],
        "case_count": cases.count(),
        "without_court": cases.filter(court__isnull=True).count(),
        "instruments": instruments,
        "list_limit": LIST_LIMIT,
        **_documents(strategy_listing.for_country(jurisdiction), country=jurisdiction.alpha3),
    }
    return render(request, "taxonomy/international_detail.html", context)


# --------------------------------------------------------------------------- instruments and articles


def instrument_list(request: HttpRequest) -> HttpResponse:
    instruments = Instrument.objects.annotate(n_articles=Count("articles")).order_by("sort_order", "code")
    return render(request, "taxonomy/instrument_list.html", {"nav": "instruments", "instruments": instruments})


def instrument_detail(request: HttpRequest, code: str) -> HttpResponse:
    """An instrument's articles by chapter, each with its published provision and case counts."""
    instrument = _instrument(code)
    provisions = _counts(
        ProvisionArticle.objects.filter(article__instrument=instrument, provision__law__status=PUBLISHED)
        .values_list("article")
        .annotate(n=Count("provision", distinct=True))
        .order_by()
    )
    cases = _counts(
        CaseArticle.objects.filter(article__instrument=instrument, case__status=PUBLISHED)
        .values_list("article")
        .annotate(n=Count("case", distinct=True))
        .order_by()
    )
    chapters: dict[tuple[str, str], list[dict]] = {}
    for article in instrument.articles.order_by("number"):
        chapters.setdefault((article.chapter_number, article.chapter_title), []).append(
            {"article": article, "provisions": provisions[article.pk], "cases": cases[article.pk]}
        )
    context = {
        "nav": "instruments",
        "instrument": instrument,
        "chapters": list(chapters.items()),
        # ?sort=country|signature|consent|entry_into_force, '-' for descending: the status table sorts without JS
        "treaty": treaty_listing.instrument_status(instrument, request.GET.get("sort", ""), get_language()),
    }
    return render(request, "taxonomy/instrument_detail.html", context)


def article_detail(request: HttpRequest, code: str, number: int) -> HttpResponse:
    """One article: the secretariat's guidance on it (the page's language, else English), then the provisions
    of every country tagged with it (grouped by country) and the cases."""
    instrument = _instrument(code)
    article = get_object_or_404(Article, instrument=instrument, number=number)
    tags = ProvisionArticle.objects.filter(article=article, provision__law__status=PUBLISHED)
    provisions = (
        Provision.objects.filter(pk__in=tags.values("provision_id"))
        .select_related("law__country", "language")
        .prefetch_related(
            Prefetch(
                "article_tags",
                queryset=ProvisionArticle.objects.filter(article=article).select_related("article__instrument"),
            )
        )
        .order_by("law__country__name", "law__title", "order")
    )
    case_tags = CaseArticle.objects.filter(article=article, case__status=PUBLISHED)
    cases = Case.objects.filter(pk__in=case_tags.values("case_id"))
    # Counted on the tag tables: SQLite plans COUNT(*) ... WHERE pk IN (subquery) very badly at 100k rows.
    provision_count = tags.aggregate(n=Count("provision", distinct=True))["n"]
    case_count = case_tags.aggregate(n=Count("case", distinct=True))["n"]
    siblings = list(instrument.articles.order_by("number").values_list("number", flat=True))
    index = siblings.index(article.number)
    # Grouped by country in the reader's language and collation (the query's order is by English name,
    # a stable sort keeps each country's laws and provisions in their order).
    lang = get_language()
    context = {
        "nav": "instruments",
        "instrument": instrument,
        "article": article,
        "guidance": guidance_listing.for_article(article, lang),
        "provisions": sort_by_label(provisions[:ARTICLE_PROVISION_LIMIT], lambda p: p.law.country.label_in(lang), lang),
        "provision_count": provision_count,
        "provision_limit": ARTICLE_PROVISION_LIMIT,
        "cases": list(cases.select_related("country", "court").order_by(NEWEST_FIRST, "title")[:LIST_LIMIT]),
        "case_count": case_count,
        "authorities": sort_by_label(
            CompetentAuthority.objects.published()
            .filter(pk__in=AuthorityArticle.objects.filter(article=article).values("authority_id"))
            .select_related("country")
            .order_by("country__name", "name")[:LIST_LIMIT],
            lambda a: a.country.label_in(lang),
            lang,
        ),
        **_documents(strategy_listing.for_article(article), article=article.code),
        **_publications(bibliography_listing.for_article(article), article=article.code),
        "previous": siblings[index - 1] if index > 0 else None,
        "next": siblings[index + 1] if index + 1 < len(siblings) else None,
        "list_limit": LIST_LIMIT,
    }
    return render(request, "taxonomy/article_detail.html", context)


# --------------------------------------------------------------------------- coverage matrix


def _region_filter(code: str) -> Q:
    return Q(region__code=code) | Q(subregion__code=code) | Q(intermediate_region__code=code)


def coverage_cells(instrument: Instrument, region: Region | None) -> dict[int, dict[int, int]]:
    """{country pk: {article pk: published provisions tagged}} in one GROUP BY (country, article)."""
    tags = ProvisionArticle.objects.filter(article__instrument=instrument, provision__law__status=PUBLISHED)
    if region:
        tags = tags.filter(
            Q(provision__law__country__region=region)
            | Q(provision__law__country__subregion=region)
            | Q(provision__law__country__intermediate_region=region)
        )
    cells: dict[int, dict[int, int]] = defaultdict(dict)
    rows = tags.values_list("provision__law__country", "article").annotate(n=Count("provision", distinct=True))
    for country_id, article_id, n in rows.order_by():
        cells[country_id][article_id] = n
    return dict(cells)


def coverage(request: HttpRequest, code: str) -> HttpResponse:
    """Countries x articles of one instrument; each cell counts published provisions tagged with it.

    One GROUP BY (country, article) fills the whole matrix; at 100k records it takes about a second
    on SQLite, so the cells are cached for a few minutes (the matrix changes only when legislation is
    published). `?region=<M49 code>` narrows the rows; `?all=1` also lists countries with no tagged
    provision.
    """
    instrument = _instrument(code)
    articles = list(instrument.articles.order_by("number"))
    regions = list(Region.objects.exclude(kind=Region.Kind.INTERMEDIATE).order_by("kind", "label"))
    region_code = request.GET.get("region", "").strip()
    region = next((r for r in regions if r.code == region_code), None)
    if region_code and region is None:
        region = get_object_or_404(Region, code=region_code)
    show_all = request.GET.get("all") == "1"

    countries = Country.objects.all()
    if region:
        countries = countries.filter(_region_filter(region.code))
    cells = shared_cache.get_or_build(
        f"coverage:v1:{instrument.code}:{region.code if region else ''}",
        lambda: coverage_cells(instrument, region),
        COVERAGE_CACHE_SECONDS,
    )
    if not show_all:
        countries = countries.filter(pk__in=list(cells))
    party_since = treaty_status.party_since(instrument)
    lang = get_language()
    collate = sort_key(lang)
    # Thousands of cells: build their links with string formatting, not a template tag per cell.
    link = reverse("search:search") + "?type=legislation&country={country}&article={article}"
    rows = sorted(
        (
            {
                "country": c,
                "label": c.label_in(lang),
                "cells": [
                    (n, link.format(country=c.alpha3, article=a.code) if n else "")
                    for a in articles
                    for n in (cells.get(c.pk, {}).get(a.pk, 0),)
                ],
                "covered": len(cells.get(c.pk, {})),
                "party_since": party_since.get(c.pk),
            }
            for c in countries
        ),
        key=lambda row: collate(row["label"]),
    )
    column_totals = [sum(1 for row in rows if row["cells"][i][0]) for i in range(len(articles))]
    context = {
        "nav": "instruments",
        "instrument": instrument,
        "articles": articles,
        "rows": rows,
        "column_totals": column_totals,
        "regions": regions,
        "region": region,
        "show_all": show_all,
    }
    return render(request, "taxonomy/coverage.html", context)
