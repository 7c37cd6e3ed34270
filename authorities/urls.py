from django.urls import path

from . import views

app_name = "authorities"
urlpatterns = [
    path("<int:pk>/", views.authority_detail, name="authority-detail"),
    path("<int:pk>/vcard/", views.authority_vcard, name="authority-vcard"),
]
