from django.urls import path

from . import views

app_name = "taxonomy"
urlpatterns = [
    path("countries/", views.country_list, name="country-list"),
    path("countries/<str:alpha3>/", views.country_detail, name="country-detail"),
    path("instruments/", views.instrument_list, name="instrument-list"),
    path("instruments/<str:code>/", views.instrument_detail, name="instrument-detail"),
    path("instruments/<str:code>/articles/<int:number>/", views.article_detail, name="article-detail"),
    path("instruments/<str:code>/coverage/", views.coverage, name="coverage"),
]
