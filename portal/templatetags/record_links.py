"""Links between record families on record pages: the cases that applied a provision, related provisions,
similar cases.

Why template tags in `portal`: the law page belongs to `legislation` and the case page to `caselaw`, which
sit below `caselaw` and `search` in the layers (docs/ARCHITECTURE.md) and may not import them. What
combines families lives in `portal`; the pages ask for it with `{% load record_links %}`.

Query budget: a law page with any number of provisions costs three more queries (cases per provision,
related provisions of other countries, their counts), never one per provision.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django import template
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils.translation import get_language

from caselaw.models import Case
from legislation.models import Law, ProvisionArticle
from search import service
from search.engines import EngineError
from sherloc.models import PublicationStatus

from .portal import localized_path

register = template.Library()
log = logging.getLogger(__name__)

PUBLISHED = PublicationStatus.PUBLISHED
CASES_PER_PROVISION = 20  # cases listed under a provision; the rest through the search (article filter)
RELATED_PER_ARTICLE = 5  # provisions of other countries shown per article
SIMILAR_CASES = 5


@dataclass
class ProvisionLinks:
    """What a provision of a law page links to."""

    cases: list[Case] = field(default_factory=list)
    case_count: int = 0
    same_law: list[object] = field(default_factory=list)  # other provisions of the law sharing an article
    # (article, its reference "TIP 3", [ProvisionArticle of other countries], how many there are in all)
    elsewhere: list[tuple[object, str, list[ProvisionArticle], int]] = field(default_factory=list)


def _cases_by_provision(law: Law) -> dict[int, list[Case]]:
    """Published cases whose charges cite a provision of `law`, newest first: one query."""
    rows = (
        Case.objects.published()
        .filter(charges__provision__law=law)
        .annotate(cited=F("charges__provision_id"))
        .only("pk", "title", "portal_number", "decision_date", "decision_date_precision")
        .order_by(F("decision_date").desc(nulls_last=True), "title", "pk")
        .distinct()
    )
    found: dict[int, list[Case]] = defaultdict(list)
    for case in rows:  # DISTINCT (case, cited provision): a case citing a provision twice comes once
        found[case.cited].append(case)
    return found


def _elsewhere(law: Law, article_ids: set[int]) -> tuple[dict[int, list[ProvisionArticle]], dict[int, int]]:
    """Per article: the first RELATED_PER_ARTICLE tagged provisions of other countries' published laws (one
    query, a window per article), and how many there are (one GROUP BY)."""
    if not article_ids:
        return {}, {}
    tags = ProvisionArticle.objects.filter(article_id__in=article_ids, provision__law__status=PUBLISHED).exclude(
        provision__law__country_id=law.country_id
    )
    counts = dict(tags.values_list("article_id").annotate(n=Count("provision", distinct=True)).order_by())
    ranked = (
        tags.select_related("provision__law__country")
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("article_id")],
                order_by=[F("provision__law__country__name").asc(), F("provision__law__title").asc(), F("pk").asc()],
            )
        )
        .filter(rank__lte=RELATED_PER_ARTICLE)
        .order_by("article_id", "rank")
    )
    shown: dict[int, list[ProvisionArticle]] = defaultdict(list)
    for tag in ranked:
        if all(t.provision_id != tag.provision_id for t in shown[tag.article_id]):
            shown[tag.article_id].append(tag)
    return shown, counts


@register.simple_tag
def provision_links(law: Law, provisions: Iterable) -> dict[int, ProvisionLinks]:
    """{provision pk: ProvisionLinks} for the provisions of a law page (their article tags prefetched)."""
    provisions = list(provisions)
    cases = _cases_by_provision(law)
    articles: dict[int, list] = {}  # provision pk -> its distinct articles, in tag order
    by_article: dict[int, list] = defaultdict(list)  # article pk -> provisions of this law
    for provision in provisions:
        seen = list({tag.article_id: tag.article for tag in provision.article_tags.all()}.items())
        articles[provision.pk] = [article for _, article in seen]
        for article_id, _ in seen:
            by_article[article_id].append(provision)
    shown, counts = _elsewhere(law, set(by_article))
    links = {}
    for provision in provisions:
        cited = cases.get(provision.pk, [])
        same = {p.pk: p for a in articles[provision.pk] for p in by_article[a.pk] if p.pk != provision.pk}
        links[provision.pk] = ProvisionLinks(
            cases=cited[:CASES_PER_PROVISION],
            case_count=len(cited),
            same_law=list(same.values()),
            elsewhere=[
                (a, f"{a.instrument.code} {a.number}", shown.get(a.pk, []), counts[a.pk])
                for a in articles[provision.pk]
                if counts.get(a.pk)
            ],
        )
    return links


@register.filter
def links_for(links: dict[int, ProvisionLinks], provision: object) -> ProvisionLinks:
    return links.get(getattr(provision, "pk", None)) or ProvisionLinks()


@register.simple_tag
def similar_cases(case: Case, size: int = SIMILAR_CASES) -> list[dict]:
    """Published cases most like `case`, computed by the search engine (shared crime types, articles and
    significant words): [{"title", "url", "subtitle"}]. Empty when the engine is unavailable: the case page
    itself must not fail with it."""
    from portal.views.search import _subtitle  # the reader's country name in the indexed subtitle

    try:
        hits = service.similar("case", case.pk, size)
    except EngineError as error:
        log.warning("similar cases of case %s unavailable: %s", case.pk, error)
        return []
    language = get_language() or "en"
    return [
        {"title": hit.title, "url": localized_path(hit.url), "subtitle": _subtitle(hit.source, language)}
        for hit in hits
    ]
