from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import CompetentAuthority


def authority_detail(request: HttpRequest, pk: int) -> HttpResponse:
    authority = get_object_or_404(
        CompetentAuthority.objects.published().select_related("country").prefetch_related("roles"), pk=pk
    )
    # Contact details are for signed-in practitioners only.
    show_contact = request.user.is_authenticated
    return render(request, "authorities/authority_detail.html", {"a": authority, "show_contact": show_contact})
