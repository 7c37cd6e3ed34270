from django.urls import path

from . import views

app_name = "legislation"
urlpatterns = [path("<int:pk>/", views.law_detail, name="law-detail")]
