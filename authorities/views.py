"""Public authority page.

Name, country, designations and treaty articles are public. The contact fields
(CompetentAuthority.CONTACT_FIELDS) are for signed-in practitioners only (authorities.access): for everyone else
they are not even loaded from the database (a second guard behind the template's own check).
"""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import slugify

from sherloc.access import is_practitioner

from .designations import designation_laws
from .models import AuthorityArticle, CompetentAuthority
from .vcard import vcard


def _authority(request: HttpRequest, pk: int) -> tuple[CompetentAuthority, bool]:
    """A published authority, with its contact fields only for practitioners; a plain 404 otherwise."""
    show_contact = is_practitioner(request.user)
    qs = (
        CompetentAuthority.objects.published()
        .select_related("country", "original_language")
        .prefetch_related(
            "roles",
            "crime_types",
            Prefetch(
                "article_tags",
                queryset=AuthorityArticle.objects.select_related("article__instrument").order_by(
                    "article__instrument__sort_order", "article__number", "paragraph"
                ),
            ),
        )
    )
    if not show_contact:
        qs = qs.defer(*CompetentAuthority.CONTACT_FIELDS)
    return get_object_or_404(qs, pk=pk), show_contact


def authority_detail(request: HttpRequest, pk: int) -> HttpResponse:
    authority, show_contact = _authority(request, pk)
    context = {"a": authority, "show_contact": show_contact, "designation_laws": designation_laws(authority)}
    return render(request, "authorities/authority_detail.html", context)


def authority_vcard(request: HttpRequest, pk: int) -> HttpResponse:
    """The authority as a vCard (authorities.vcard): contact details only where the page shows them."""
    authority, show_contact = _authority(request, pk)
    url = request.build_absolute_uri(reverse("authorities:authority-detail", kwargs={"pk": pk}))
    response = HttpResponse(
        vcard(authority, show_contact=show_contact, url=url), content_type="text/vcard; charset=utf-8"
    )
    name = slugify(authority.name)[:60] or f"authority-{pk}"
    response["Content-Disposition"] = f'attachment; filename="{name}.vcf"'
    response["Cache-Control"] = "private, no-store" if show_contact else "no-cache"
    response["Vary"] = "Cookie"
    return response
