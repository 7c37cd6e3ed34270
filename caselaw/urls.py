from django.urls import path

from . import views

app_name = "caselaw"
urlpatterns = [path("<int:pk>/", views.case_detail, name="case-detail")]
