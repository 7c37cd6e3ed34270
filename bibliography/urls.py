from django.urls import path

from . import views

app_name = "bibliography"
urlpatterns = [path("<int:pk>/", views.publication_detail, name="publication-detail")]
