"""Atom feeds (django.contrib.syndication) of the newest records of a search, a country and an article.

All three are one feed over a search: the search service (published records only) sorted newest first
(by the records' own dates: a case's decision, a law's adoption), a law once however many of its
provisions match, each entry re-checked in the database (alerts.entries). A feed URL takes the search
page's parameters; a bad one answers 400 naming it, an unavailable engine 503, never 500.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from search import service
from search.engines import EngineError
from search.query import QueryError, SearchQuery
from taxonomy.models import Article, Country

from . import entries
from .queries import POSITION_PARAMS


@dataclass(frozen=True)
class FeedSource:
    title: str
    link: str  # the page the feed follows
    query: SearchQuery


class RecordsFeed(Feed):
    """The feed of a FeedSource: subclasses say which in get_object."""

    feed_type = Atom1Feed

    def title(self, obj: FeedSource) -> str:
        return obj.title

    def link(self, obj: FeedSource) -> str:
        return obj.link

    def subtitle(self, obj: FeedSource) -> str:
        return _("The newest published records on SHERLOC.")

    def items(self, obj: FeedSource) -> list[entries.Entry]:
        return entries.newest(obj.query)

    def item_title(self, item: entries.Entry) -> str:
        return item.title

    def item_description(self, item: entries.Entry) -> str:
        return item.subtitle

    def item_link(self, item: entries.Entry) -> str:
        return f"/{get_language()}{item.path}"

    def item_updateddate(self, item: entries.Entry) -> object:
        return item.updated_at

    def item_pubdate(self, item: entries.Entry) -> object:
        return item.published_at

    def item_categories(self, item: entries.Entry) -> list[str]:
        return [item.type]

    def __call__(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        try:
            return super().__call__(request, *args, **kwargs)
        except QueryError as error:
            message = f"The parameter “{error.param}” is not valid: {error.message}"
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        except EngineError:
            return HttpResponse("Search is temporarily unavailable.", status=503, content_type="text/plain")


def _feed_query(filters: dict[str, list[str]]) -> SearchQuery:
    query = service.query_from_params(filters, get_language())
    return replace(query, page_size=settings.SEARCH_MAX_PAGE_SIZE, facets=(), highlight=False)


class SearchFeed(RecordsFeed):
    """/<lang>/search/feed/?<the search page's parameters>"""

    def get_object(self, request: HttpRequest) -> FeedSource:
        query = service.query_from_params(request.GET, get_language(), ignore=POSITION_PARAMS)
        pairs = [(name, value) for name in request.GET for value in request.GET.getlist(name)]
        pairs = [(name, value) for name, value in pairs if name not in POSITION_PARAMS]
        page = reverse("search:search") + (f"?{urlencode(pairs)}" if pairs else "")
        title = _("SHERLOC search: %(text)s") % {"text": query.text} if query.text else _("SHERLOC search")
        return FeedSource(title, page, replace(query, facets=(), highlight=False))


class CountryFeed(RecordsFeed):
    """/<lang>/countries/<alpha3>/feed/"""

    def get_object(self, request: HttpRequest, alpha3: str) -> FeedSource:
        country = get_object_or_404(Country, alpha3=alpha3.upper())
        title = _("%(country)s: newest records on SHERLOC") % {"country": country.label_in(get_language())}
        link = reverse("taxonomy:country-detail", args=[country.alpha3])
        return FeedSource(title, link, _feed_query({"country": [country.alpha3]}))


class ArticleFeed(RecordsFeed):
    """/<lang>/instruments/<code>/articles/<number>/feed/"""

    def get_object(self, request: HttpRequest, code: str, number: int) -> FeedSource:
        article = get_object_or_404(
            Article.objects.select_related("instrument"), instrument__code__iexact=code, number=number
        )
        title = _("%(instrument)s article %(number)s: newest records on SHERLOC") % {
            "instrument": article.instrument.code,
            "number": article.number,
        }
        link = reverse("taxonomy:article-detail", args=[article.instrument.code, article.number])
        return FeedSource(title, link, _feed_query({"article": [article.code]}))
