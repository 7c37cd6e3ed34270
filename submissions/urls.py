from django.urls import path

from .views import authority, case, home, law, revise, strategy

app_name = "submissions"
urlpatterns = [
    path("", home.home, name="home"),
    path("mine/", home.mine, name="mine"),
    path("laws/new/", law.law_create, name="law-create"),
    path("laws/<int:pk>/edit/", law.law_edit, name="law-edit"),
    path("laws/<int:pk>/withdraw/", law.law_withdraw, name="law-withdraw"),
    path("cases/new/", case.case_create, name="case-create"),
    path("cases/<int:pk>/edit/", case.case_edit, name="case-edit"),
    path("cases/<int:pk>/withdraw/", case.case_withdraw, name="case-withdraw"),
    path("authorities/new/", authority.authority_create, name="authority-create"),
    path("authorities/<int:pk>/edit/", authority.authority_edit, name="authority-edit"),
    path("authorities/<int:pk>/withdraw/", authority.authority_withdraw, name="authority-withdraw"),
    path("strategies/new/", strategy.strategy_create, name="strategy-create"),
    path("strategies/<int:pk>/edit/", strategy.strategy_edit, name="strategy-edit"),
    path("strategies/<int:pk>/withdraw/", strategy.strategy_withdraw, name="strategy-withdraw"),
    path("explanatory-materials/new/", strategy.material_create, name="material-create"),
    path("explanatory-materials/<int:pk>/edit/", strategy.material_edit, name="material-edit"),
    path("explanatory-materials/<int:pk>/withdraw/", strategy.material_withdraw, name="material-withdraw"),
    path("<slug:kind>/<int:pk>/revise/", revise.revise, name="revise"),
]
