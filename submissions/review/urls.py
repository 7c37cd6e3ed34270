from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("publish/", views.bulk_publish, name="bulk-publish"),
    path("<slug:kind>/<int:pk>/history/", views.record_history, name="history"),
    path("<slug:kind>/<int:pk>/restore/<int:number>/", views.restore_version, name="restore"),
    path("<slug:kind>/<int:pk>/assign/", views.assign, name="assign"),
    path("<slug:kind>/<int:pk>/", views.record_detail, name="record"),
    path("<slug:kind>/<int:pk>/<slug:action>/", views.decide, name="decide"),
]
