"""sitemap.xml for search engines: the public pages in every UI language, published records only.

Only `published` records proper are listed (never drafts, pending revisions or anything in review), so
the sitemap is one more public surface that cannot leak unpublished data. Each record URL comes with
its alternates in the six languages (`i18n`), and the index splits the list into pages of `limit` URLs,
so 100,000 records stay a handful of small files.

Built pages are kept in the "sitemaps" cache (files under var/, shared by all processes): at 100,000
records a page of 5,000 URLs with their language alternates takes ~1.5 s to build and the index as
long, and crawlers fetch every page. Saving or deleting any record drops them all; the cache timeout
(SITEMAP_CACHE_SECONDS) bounds anything else, such as a renamed route.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.cache import caches
from django.db.models import QuerySet
from django.urls import reverse
from django.views.decorators.cache import cache_page

from authorities.models import CompetentAuthority
from bibliography.models import Publication
from caselaw.models import Case
from guidance import listing as guidance_listing
from legislation.models import Law
from sherloc.publishable import record_changed
from strategies.models import Strategy
from taxonomy.models import Article, Country, Instrument


class _RecordSitemap(Sitemap):
    """Items are (pk, updated_at) pairs, not model instances: Django's i18n sitemap materialises the whole
    list for every page it serves, and 100,000 tuples are cheap where 100,000 instances are not."""

    model: type
    url_name: str
    i18n = True
    alternates = True
    x_default = True
    limit = 5000
    changefreq = "monthly"

    def items(self) -> QuerySet:
        return self.model.objects.published().originals().order_by("pk").values_list("pk", "updated_at")

    def location(self, item: tuple) -> str:
        return reverse(self.url_name, kwargs={"pk": item[0]})

    def lastmod(self, item: tuple) -> object:
        return item[1]


class LawSitemap(_RecordSitemap):
    model = Law
    url_name = "legislation:law-detail"


class CaseSitemap(_RecordSitemap):
    model = Case
    url_name = "caselaw:case-detail"


class AuthoritySitemap(_RecordSitemap):
    model = CompetentAuthority
    url_name = "authorities:authority-detail"


class StrategySitemap(_RecordSitemap):
    """Strategies have pages; explanatory materials are sections of their law's page, which is listed."""

    model = Strategy
    url_name = "strategies:strategy-detail"


class PublicationSitemap(_RecordSitemap):
    model = Publication
    url_name = "bibliography:publication-detail"


class CountrySitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self) -> QuerySet:
        return Country.objects.order_by("alpha3").only("alpha3")

    def location(self, country: Country) -> str:
        return reverse("taxonomy:country-detail", args=[country.alpha3])


class InstrumentSitemap(Sitemap):
    """The Convention and Protocols: their articles and their States parties (treaty status)."""

    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self) -> QuerySet:
        return Instrument.objects.order_by("sort_order", "code").only("code")

    def location(self, instrument: Instrument) -> str:
        return reverse("taxonomy:instrument-detail", args=[instrument.code])


class ArticleSitemap(Sitemap):
    """Every article page; its lastmod is when the guidance it shows last changed (none without guidance:
    the provisions and cases it lists are in the sitemap on their own pages)."""

    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self) -> list[tuple[str, int, object]]:
        changed = guidance_listing.last_changes()
        rows = Article.objects.order_by("instrument__sort_order", "number").values_list(
            "pk", "instrument__code", "number"
        )
        return [(code, number, changed.get(pk)) for pk, code, number in rows]

    def location(self, item: tuple) -> str:
        return reverse("taxonomy:article-detail", kwargs={"code": item[0], "number": item[1]})

    def lastmod(self, item: tuple) -> object:
        return item[2]


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["home", "search:search", "taxonomy:country-list", "taxonomy:instrument-list"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "countries": CountrySitemap,
    "instruments": InstrumentSitemap,
    "laws": LawSitemap,
    "cases": CaseSitemap,
    "authorities": AuthoritySitemap,
    "strategies": StrategySitemap,
    "bibliography": PublicationSitemap,
    "articles": ArticleSitemap,
}


SITEMAP_CACHE = "sitemaps"


def cached_sitemap(view: Callable) -> Callable:
    """A sitemap view served from the sitemaps cache (its TIMEOUT is also the Cache-Control max-age)."""
    return cache_page(settings.CACHES[SITEMAP_CACHE]["TIMEOUT"], cache=SITEMAP_CACHE)(view)


def forget_sitemaps(**kwargs: object) -> None:
    """Drop every built sitemap page: a record was published, changed, unpublished or deleted. Not
    deferred to the commit: clearing a cache that a rolled-back change did not need to clear is harmless."""
    caches[SITEMAP_CACHE].clear()


def connect() -> None:
    record_changed.connect(forget_sitemaps, dispatch_uid="sitemaps.record_changed")
