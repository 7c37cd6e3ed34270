"""/<lang>/mla/: the mutual legal assistance request writer (practitioners only)."""

from django.urls import path

from . import views

app_name = "mla"

urlpatterns = [
    path("", views.draft_list, name="list"),
    path("new/", views.draft_new, name="new"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/export/<str:file_format>/", views.export, name="export"),
    path("<int:pk>/<slug:step>/", views.step_view, name="step"),
]
