"""The bibliography entries shown on pages that combine families (country profile, article page): the family
says what belongs there, `portal` only renders it."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from .models import Publication, PublicationArticle, PublicationAuthor


def _published() -> QuerySet[Publication]:
    authors = Prefetch("authors", queryset=PublicationAuthor.objects.order_by("position"))
    return Publication.objects.published().prefetch_related(authors).order_by("-year", "title")


def for_country(country: object) -> QuerySet[Publication]:
    """Entries whose research covers the country, newest first."""
    return _published().filter(
        pk__in=Publication.countries.through.objects.filter(country=country).values("publication_id")
    )


def for_article(article: object) -> QuerySet[Publication]:
    """Entries tagged with the article, newest first."""
    return _published().filter(pk__in=PublicationArticle.objects.filter(article=article).values("publication_id"))
