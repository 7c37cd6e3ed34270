"""Root URL configuration: admin, the public pages and the API are mounted here."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from sherloc import views

admin.site.site_header = "SHERLOC secretariat"
admin.site.site_title = "SHERLOC admin"
admin.site.index_title = "Curation"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("search/", include("search.urls")),
    path("laws/", include("legislation.urls")),
    path("cases/", include("caselaw.urls")),
    path("authorities/", include("authorities.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
