"""URL patterns of the portal's own pages, mounted by config/urls.py.

The namespaces `taxonomy` (country, instrument and article pages) and `search` (the search page) are
the names templates and reverse() calls have always used; the pages moved here, their URLs did not.
"""

from django.urls import path

from alerts.feeds import ArticleFeed, CountryFeed, SearchFeed

from .views import browse, cite, search

reference_patterns = (
    [
        path("countries/", browse.country_list, name="country-list"),
        path("countries/<str:alpha3>/", browse.country_detail, name="country-detail"),
        path("countries/<str:alpha3>/feed/", CountryFeed(), name="country-feed"),
        path("instruments/", browse.instrument_list, name="instrument-list"),
        path("instruments/<str:code>/", browse.instrument_detail, name="instrument-detail"),
        path("instruments/<str:code>/articles/<int:number>/", browse.article_detail, name="article-detail"),
        path("instruments/<str:code>/articles/<int:number>/feed/", ArticleFeed(), name="article-feed"),
        path("instruments/<str:code>/coverage/", browse.coverage, name="coverage"),
    ],
    "taxonomy",
)

search_patterns = (
    [path("", search.search_page, name="search"), path("feed/", SearchFeed(), name="feed")],
    "search",
)

# RIS/BibTeX of one record, language-neutral (mounted outside the language prefix by config/urls.py).
# The bibliography entries of a search, the same formats (cite/bibliography.ris?q=...&country=BRA).
cite_patterns = [
    path("cite/bibliography.<slug:fmt>", cite.bibliography_export, name="bibliography-export"),
    path("cite/<slug:kind>/<int:pk>.<slug:fmt>", cite.record_citation, name="record-citation"),
]
