"""What the writer reads from the directory and the legislation database.

Contact details follow the directory's rule (sherloc.access.is_practitioner, as authorities.views applies
it): for anyone else the contact fields are not even loaded. The writer is for practitioners, so this is a
second guard, not the first.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from authorities.models import CompetentAuthority
from legislation.models import Provision
from sherloc.access import is_practitioner
from sherloc.models import PublicationStatus
from taxonomy.models import Country

MLA_ROLE = "mla-central"  # the art. 18(13) designation in the authority-role vocabulary
PICKER_LIMIT = 200  # provisions listed in the picker at once; the filter narrows the rest


def central_authorities(country: Country | None, user: object) -> QuerySet[CompetentAuthority]:
    """The country's published central authorities for mutual legal assistance (art. 18(13))."""
    if country is None:
        return CompetentAuthority.objects.none()
    qs = (
        CompetentAuthority.objects.published()
        .filter(country=country, roles__code=MLA_ROLE)
        .select_related("country")
        .distinct()
        .order_by("name", "pk")
    )
    if not is_practitioner(user):
        qs = qs.defer(*CompetentAuthority.CONTACT_FIELDS)
    return qs


def show_contact(user: object) -> bool:
    return is_practitioner(user)


def offence_provisions(country: Country | None, words: str = "") -> QuerySet[Provision]:
    """The country's provisions in published laws, optionally those whose label, heading, text or law title
    contain every word typed."""
    if country is None:
        return Provision.objects.none()
    qs = Provision.objects.filter(law__country=country, law__status=PublicationStatus.PUBLISHED)
    for word in words.split()[:8]:
        qs = qs.filter(
            Q(label__icontains=word)
            | Q(heading__icontains=word)
            | Q(text__icontains=word)
            | Q(text_en__icontains=word)
            | Q(law__title__icontains=word)
        )
    return qs.select_related("law").order_by("law__title", "law_id", "order")


@dataclass
class Counterparts:
    """A cited provision and the requested State's provisions tagged with the same article (and, when the cited
    provision names crime types, one of them): dual criminality at a glance."""

    provision: Provision
    references: list[str]  # the cited provision's article references, 'TIP 5(1)'
    provisions: list[Provision]


def counterparts(provisions: list[Provision], requested: Country | None) -> list[Counterparts]:
    """Per cited provision, the requested State's published provisions with a shared article tag and crime type."""
    rows = []
    for provision in provisions:
        tags = list(provision.article_tags.select_related("article__instrument"))
        article_ids = {tag.article_id for tag in tags}
        crime_ids = set(provision.crime_types.values_list("pk", flat=True))
        found: list[Provision] = []
        if requested is not None and article_ids:
            qs = Provision.objects.filter(
                law__country=requested, law__status=PublicationStatus.PUBLISHED, articles__in=article_ids
            )
            if crime_ids:
                qs = qs.filter(crime_types__in=crime_ids)
            found = list(qs.select_related("law").distinct().order_by("law__title", "order")[:10])
        rows.append(Counterparts(provision, sorted({tag.reference for tag in tags}), found))
    return rows
