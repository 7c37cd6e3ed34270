from django.urls import path

from . import review_views

app_name = "review"
urlpatterns = [
    path("", review_views.queue, name="queue"),
    path("<slug:kind>/<int:pk>/", review_views.record_detail, name="record"),
    path("<slug:kind>/<int:pk>/<slug:action>/", review_views.decide, name="decide"),
]
