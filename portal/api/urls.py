"""/api/v1/: every endpoint of the API, its OpenAPI schema and the offline docs UI.

Trailing slashes are optional so `/api/v1/laws` and `/api/v1/laws/` both work; anything else under
/api/v1/ is a JSON 404 (errors.not_found), never the HTML error page.
"""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from authorities.api import AuthorityViewSet
from bibliography.api import PublicationViewSet
from caselaw.api import CaseViewSet
from guidance.api import GuidanceViewSet
from legislation.api import LawViewSet, ProvisionViewSet
from portal.api.removals import RemovalViewSet
from portal.api.search import ExportView, SearchView
from sherloc.api.errors import not_found
from strategies.api import MaterialViewSet, StrategyViewSet
from submissions.api import RECORD_TYPES, SubmissionDetailView, SubmissionListView
from taxonomy.api import (
    ArticleViewSet,
    AuthorityRoleViewSet,
    CountryViewSet,
    CrimeTypeViewSet,
    InstrumentViewSet,
    IssueViewSet,
    LanguageViewSet,
    RegionViewSet,
)
from treaties.api import TreatyStatusViewSet

app_name = "api"


class Router(DefaultRouter):
    include_format_suffixes = False
    include_root_view = True


router = Router(trailing_slash="/?")
router.register("laws", LawViewSet, basename="law")
router.register("provisions", ProvisionViewSet, basename="provision")
router.register("cases", CaseViewSet, basename="case")
router.register("authorities", AuthorityViewSet, basename="authority")
router.register("strategies", StrategyViewSet, basename="strategy")
router.register("explanatory-materials", MaterialViewSet, basename="material")
router.register("treaty-status", TreatyStatusViewSet, basename="treaty-status")
router.register("publications", PublicationViewSet, basename="publication")
router.register("guidance", GuidanceViewSet, basename="guidance")
router.register("instruments", InstrumentViewSet, basename="instrument")
router.register("articles", ArticleViewSet, basename="article")
router.register("crime-types", CrimeTypeViewSet, basename="crime-type")
router.register("issues", IssueViewSet, basename="issue")
router.register("countries", CountryViewSet, basename="country")
router.register("regions", RegionViewSet, basename="region")
router.register("authority-roles", AuthorityRoleViewSet, basename="authority-role")
router.register("languages", LanguageViewSet, basename="language")
router.register("removals", RemovalViewSet, basename="removal")

urlpatterns = [
    path("search/", SearchView.as_view(), name="search"),
    path("export/", ExportView.as_view(), name="export"),
    path("schema/", SpectacularAPIView.as_view(api_version="1.0.0"), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("submissions/", SubmissionListView.as_view(), name="submission-list"),
    re_path(
        rf"^submissions/(?P<kind>{'|'.join(RECORD_TYPES)})/(?P<id>[0-9]{{1,18}})/$",
        SubmissionDetailView.as_view(),
        name="submission-detail",
    ),
    *router.urls,
    re_path(r"^[\s\S]*$", not_found),  # [\s\S]: paths may hold newlines
]
