"""/<lang>/alerts/: the saved-searches page, saving a search, the digests' unsubscribe link."""

from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.saved_list, name="list"),
    path("save/", views.save_search, name="save"),
    path("<int:pk>/", views.update_search, name="update"),
    path("<int:pk>/delete/", views.delete_search, name="delete"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
