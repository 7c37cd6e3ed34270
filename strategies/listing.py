"""The strategies and explanatory materials shown on pages that combine families (country profile, the
international jurisdiction, article pages): the family says what belongs there, `portal` only renders it."""

from __future__ import annotations

from collections import Counter

from django.db.models import Q, QuerySet

from sherloc.models import PublicationStatus

from .models import ExplanatoryMaterial, MaterialArticle, Strategy, StrategyArticle

PUBLISHED = PublicationStatus.PUBLISHED


def published_materials() -> QuerySet[ExplanatoryMaterial]:
    """Public while both the material and its law are."""
    return ExplanatoryMaterial.objects.published().filter(law__status=PUBLISHED)


def for_country(country: object) -> dict[str, QuerySet]:
    """A country's strategies (its own, and regional ones covering it) and its laws' explanatory materials."""
    strategies = Strategy.objects.published().filter(
        Q(country=country)
        | Q(pk__in=Strategy.covered_countries.through.objects.filter(country=country).values("strategy_id"))
    )
    return {
        "strategies": strategies.select_related("country").order_by("-adoption_date", "title"),
        "materials": published_materials().filter(country=country).select_related("law").order_by("-date", "title"),
    }


def for_article(article: object) -> dict[str, QuerySet]:
    """Strategies and explanatory materials tagged with the article."""
    strategies = Strategy.objects.published().filter(
        pk__in=StrategyArticle.objects.filter(article=article).values("strategy_id")
    )
    materials = published_materials().filter(
        pk__in=MaterialArticle.objects.filter(article=article).values("material_id")
    )
    return {
        "strategies": strategies.select_related("country").order_by("country__name", "title"),
        "materials": materials.select_related("law", "country").order_by("country__name", "title"),
    }


def strategy_countries() -> set[tuple[int, int]]:
    """(strategy pk, country pk) of published strategies: the issuing country and each State it covers."""
    published = Strategy.objects.published()
    pairs = set(published.values_list("pk", "country"))
    covered = Strategy.covered_countries.through.objects.filter(strategy__in=published.values("pk"))
    return pairs | set(covered.values_list("strategy_id", "country_id"))


def strategy_counts_by_country() -> Counter:
    """Published strategies per country pk, as the search's country facet counts them: under the issuing
    country and under each State a regional strategy covers, once per strategy and country."""
    return Counter(country for _pk, country in strategy_countries())
