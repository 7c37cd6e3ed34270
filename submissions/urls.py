from django.urls import path

from . import views

app_name = "submissions"
urlpatterns = [
    path("mine/", views.mine, name="mine"),
    path("laws/new/", views.law_create, name="law-create"),
    path("laws/<int:pk>/edit/", views.law_edit, name="law-edit"),
    path("laws/<int:pk>/withdraw/", views.law_withdraw, name="law-withdraw"),
    path("<slug:kind>/<int:pk>/revise/", views.revise, name="revise"),
]
