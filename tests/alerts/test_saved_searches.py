"""Saving a search from the search page and managing it on the saved-searches page (HTTP)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from alerts.models import Frequency, SavedSearch
from tests.factories import SavedSearchFactory, UserFactory

pytestmark = pytest.mark.django_db
SAVE = "/en/alerts/save/"
LIST = "/en/alerts/"


@pytest.fixture
def user_client(client, subscriber):  # noqa: ANN001, ANN201
    client.force_login(subscriber)
    return client


def test_saving_normalises_the_query_so_the_same_search_is_saved_once(user_client, subscriber) -> None:  # noqa: ANN001
    response = user_client.post(SAVE, {"query": "?country=bra&q=smuggling&page=3&type=case", "frequency": "daily"})
    assert response.status_code == 302 and response["Location"] == LIST
    user_client.post(SAVE, {"query": "type=case&q=smuggling&country=BRA", "frequency": "weekly", "name": "Cases"})
    saved = SavedSearch.objects.get(user=subscriber)
    assert saved.query == "q=smuggling&country=BRA&type=case"
    assert (saved.frequency, saved.name, saved.language) == (Frequency.WEEKLY, "Cases", "en")
    page = user_client.get(LIST).content.decode()
    assert "Cases" in page and "“smuggling”" in page and "Brazil" in page and "Case law" in page


def test_a_bad_search_is_not_saved_and_the_error_names_the_parameter(user_client, subscriber) -> None:  # noqa: ANN001
    response = user_client.post(SAVE, {"query": "country=XXX", "frequency": "daily"})
    assert response.status_code == 400 and "country" in response.content.decode()
    response = user_client.post(SAVE, {"query": "q=x", "frequency": "hourly"})
    assert response.status_code == 400 and "frequency" in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in(client, db) -> None:  # noqa: ANN001
    assert client.get(LIST).status_code == 302
    assert client.post(SAVE, {"query": "q=x"}).status_code == 302
    assert not SavedSearch.objects.exists()
    page = client.get("/en/search/", {"q": "x"}).content.decode()
    assert "Sign in to save this search" in page


def test_search_page_offers_saving_to_a_signed_in_user(user_client) -> None:  # noqa: ANN001
    page = user_client.get("/en/search/", {"q": "smuggling", "country": "BRA"}).content.decode()
    assert 'action="/en/alerts/save/"' in page
    assert 'name="query" value="?q=smuggling&amp;country=BRA"' in page


def test_turning_alerts_on_starts_the_period_now_and_others_cannot_touch_it(user_client, subscriber) -> None:  # noqa: ANN001
    long_ago = timezone.now() - dt.timedelta(days=90)
    saved = SavedSearchFactory(user=subscriber, query="q=x", frequency=Frequency.NONE, last_digest_at=long_ago)
    response = user_client.post(
        f"/en/alerts/{saved.pk}/", {f"s{saved.pk}-frequency": "daily", f"s{saved.pk}-name": "X"}
    )
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.frequency == Frequency.DAILY and saved.last_digest_at > long_ago  # no 90-day backlog
    bad = user_client.post(f"/en/alerts/{saved.pk}/", {f"s{saved.pk}-frequency": "yearly"})
    assert bad.status_code == 400

    other = UserFactory(username="someone-else")
    theirs = SavedSearchFactory(user=other, query="q=y")
    assert user_client.post(f"/en/alerts/{theirs.pk}/delete/").status_code == 404
    assert user_client.post(f"/en/alerts/{theirs.pk}/", {f"s{theirs.pk}-frequency": "none"}).status_code == 404
    assert user_client.post(f"/en/alerts/{saved.pk}/delete/").status_code == 302
    assert list(SavedSearch.objects.values_list("user__username", flat=True)) == ["someone-else"]


def test_secretariat_admin_lists_and_opens_saved_searches(client, subscriber) -> None:  # noqa: ANN001
    saved = SavedSearchFactory(user=subscriber, query="q=smuggling&country=BRA", name="Smuggling")
    admin_user = UserFactory(username="secretariat-admin", is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    listing = client.get("/admin/alerts/savedsearch/", {"q": "analyst"})
    assert listing.status_code == 200 and "Smuggling" in listing.content.decode()
    assert client.get(f"/admin/alerts/savedsearch/{saved.pk}/change/").status_code == 200
