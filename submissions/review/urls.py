from django.urls import path

from . import review_views

app_name = "review"
urlpatterns = [
    path("", review_views.queue, name="queue"),
    path("publish/", review_views.bulk_publish, name="bulk-publish"),
    path("<slug:kind>/<int:pk>/history/", review_views.record_history, name="history"),
    path("<slug:kind>/<int:pk>/restore/<int:number>/", review_views.restore_version, name="restore"),
    path("<slug:kind>/<int:pk>/assign/", review_views.assign, name="assign"),
    path("<slug:kind>/<int:pk>/", review_views.record_detail, name="record"),
    path("<slug:kind>/<int:pk>/<slug:action>/", review_views.decide, name="decide"),
]
