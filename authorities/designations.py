"""What an authority's designation points to in the law: the articles it is designated under, and its
country's provisions tagged with them (art. 18(13) designation -> that country's provisions on UNTOC-18).

The articles are the authority's own article tags, plus those its roles name in their legal basis
("UNTOC art. 18(13); 1988 Convention art. 7(8)"): a record tagged with its role alone still leads to the
law. Instruments the portal does not hold (the 1988 Convention) are skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q

from legislation.models import ProvisionArticle
from sherloc.models import PublicationStatus
from taxonomy.models import Article

from .models import CompetentAuthority

PROVISIONS_PER_ARTICLE = 10  # listed on the page; the search lists the rest
# How the reference data's legal bases name the portal's instruments.
INSTRUMENT_NAMES = {
    "UNTOC": "UNTOC",
    "Trafficking in Persons Protocol": "TIP",
    "Smuggling of Migrants Protocol": "SOM",
    "Firearms Protocol": "FIREARMS",
}
_BASIS = re.compile(r"(" + "|".join(re.escape(name) for name in INSTRUMENT_NAMES) + r")\s+art\.\s*(\d+)")


def basis_articles(legal_basis: str) -> list[tuple[str, int]]:
    """(instrument code, article number) named by a role's legal basis: 'UNTOC art. 18(13)' -> ('UNTOC', 18)."""
    return [(INSTRUMENT_NAMES[name], int(number)) for name, number in _BASIS.findall(legal_basis or "")]


@dataclass
class DesignationLaw:
    article: Article
    tags: list[ProvisionArticle]  # the first PROVISIONS_PER_ARTICLE provisions, as their article tags
    total: int  # how many provisions of the country carry the article


def designation_articles(authority: CompetentAuthority) -> list[Article]:
    """The articles of the authority's designation (tags first, then its roles' legal bases), by instrument
    and number. Uses the prefetched `article_tags` and `roles`; one query for the legal-basis articles."""
    found = {tag.article_id: tag.article for tag in authority.article_tags.all()}
    named = {pair for role in authority.roles.all() for pair in basis_articles(role.legal_basis)}
    if named:
        wanted = Q()
        for code, number in named:
            wanted |= Q(instrument__code=code, number=number)
        for article in Article.objects.filter(wanted).select_related("instrument"):
            found.setdefault(article.pk, article)
    return sorted(found.values(), key=lambda a: (a.instrument.sort_order, a.instrument.code, a.number))


def designation_laws(authority: CompetentAuthority) -> list[DesignationLaw]:
    """Per designation article, the authority's country's published provisions tagged with it (two queries:
    the provisions, their counts). Articles without any provision are left out."""
    articles = designation_articles(authority)
    if not articles:
        return []
    tags = ProvisionArticle.objects.filter(
        article__in=articles,
        provision__law__country_id=authority.country_id,
        provision__law__status=PublicationStatus.PUBLISHED,
    )
    counts = dict(tags.values_list("article_id").annotate(n=Count("provision", distinct=True)).order_by())
    shown: dict[int, list[ProvisionArticle]] = defaultdict(list)
    rows = tags.select_related("provision__law").order_by("article_id", "provision__law__title", "provision__order")
    for tag in rows.filter(article_id__in=[a.pk for a in articles if counts.get(a.pk)]):
        bucket = shown[tag.article_id]
        if len(bucket) < PROVISIONS_PER_ARTICLE and all(t.provision_id != tag.provision_id for t in bucket):
            bucket.append(tag)
    return [DesignationLaw(a, shown[a.pk], counts[a.pk]) for a in articles if counts.get(a.pk)]
