"""Public authority page.

Name, country, designations and treaty articles are public. The contact fields
(CompetentAuthority.CONTACT_FIELDS) are for signed-in practitioners only (authorities.access): for everyone else
they are not even loaded from the database (a second guard behind the template's own check).
"""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from sherloc.access import is_practitioner

from .models import AuthorityArticle, CompetentAuthority


def authority_detail(request: HttpRequest, pk: int) -> HttpResponse:
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
    authority = get_object_or_404(qs, pk=pk)
    return render(
        request,
        "authorities/authority_detail.html",
        {"a": authority, "show_contact": show_contact},
    )
