from django.urls import path

from . import views, views_authority, views_case, views_home

app_name = "submissions"
urlpatterns = [
    path("", views_home.home, name="home"),
    path("mine/", views.mine, name="mine"),
    path("laws/new/", views.law_create, name="law-create"),
    path("laws/<int:pk>/edit/", views.law_edit, name="law-edit"),
    path("laws/<int:pk>/withdraw/", views.law_withdraw, name="law-withdraw"),
    path("cases/new/", views_case.case_create, name="case-create"),
    path("cases/<int:pk>/edit/", views_case.case_edit, name="case-edit"),
    path("cases/<int:pk>/withdraw/", views_case.case_withdraw, name="case-withdraw"),
    path("authorities/new/", views_authority.authority_create, name="authority-create"),
    path("authorities/<int:pk>/edit/", views_authority.authority_edit, name="authority-edit"),
    path("authorities/<int:pk>/withdraw/", views_authority.authority_withdraw, name="authority-withdraw"),
    path("<slug:kind>/<int:pk>/revise/", views.revise, name="revise"),
]
