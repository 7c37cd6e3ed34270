from django.urls import path

from . import views

app_name = "strategies"
urlpatterns = [path("<int:pk>/", views.strategy_detail, name="strategy-detail")]
