"""Root URL configuration.

Public pages live under a language prefix (/en/, /fr/, /ar/...) so a shared link keeps its language;
the API, admin and health check are language-neutral. Each record app owns its urls module; the
portal's own pages are in portal/urls.py.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from portal import downloads
from portal.sitemaps import SITEMAPS, cached_sitemap
from portal.urls import cite_patterns, reference_patterns, search_patterns
from portal.views import home as views

admin.site.site_header = "SHERLOC secretariat"
admin.site.site_title = "SHERLOC admin"
admin.site.index_title = "Curation"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("sitemap.xml", cached_sitemap(sitemap_views.index), {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        cached_sitemap(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("admin/", admin.site.urls),
    path("api/v1/", include("portal.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # Attachments: language-neutral, permission-checked; MEDIA_ROOT itself is deliberately not served
    # (not even with DEBUG), so an unpublished record's file has no other way out.
    path("files/<str:kind>/<int:pk>/", downloads.attachment_download, name="attachment-download"),
    *cite_patterns,
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("alerts/", include("alerts.urls")),
    path("mla/", include("mla.urls")),
    path("submit/", include("submissions.urls")),
    path("review/", include("submissions.review.urls")),
    path("search/", include(search_patterns)),
    path("laws/", include("legislation.urls")),
    path("cases/", include("caselaw.urls")),
    path("authorities/", include("authorities.urls")),
    path("strategies/", include("strategies.urls")),
    path("bibliography/", include("bibliography.urls")),
    path("", include(reference_patterns)),
    prefix_default_language=True,
)
handler404 = "portal.views.home.page_not_found"
handler500 = "portal.views.home.server_error"
