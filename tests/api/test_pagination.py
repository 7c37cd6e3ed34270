"""Page-number browsing and cursor sync (updated_since + cursor) over records."""

import datetime as dt

import pytest
from django.utils import timezone

from legislation.models import Law
from tests.factories import LawFactory, country

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_laws(db):  # noqa: ANN001, ANN201
    laws = [LawFactory(title=f"Law {i:02d}", country=country("BRA")) for i in range(7)]
    return laws


def test_page_number_links(api, many_laws):
    first = api.get("/api/v1/laws/?page_size=3").json()
    assert first["count"] == 7 and first["page"] == 1 and first["page_size"] == 3
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/laws/?page=2&page_size=3"
    third = api.get(first["next"].replace("page=2", "page=3")).json()
    assert len(third["results"]) == 1 and third["next"] is None
    assert third["previous"] == "http://testserver/api/v1/laws/?page=2&page_size=3"


def test_page_size_default_and_cap(api, many_laws):
    assert api.get("/api/v1/laws/").json()["page_size"] == 20
    assert api.get("/api/v1/laws/?page_size=100").status_code == 200
    assert api.get("/api/v1/laws/?page_size=101").status_code == 400


def test_empty_list_first_page_is_fine(api, db):
    body = api.get("/api/v1/laws/").json()
    assert body["count"] == 0 and body["results"] == [] and body["next"] is None


def walk(api, url: str) -> list[int]:  # noqa: ANN001
    seen = []
    while url:
        body = api.get(url).json()
        assert body["page"] is None and body["previous"] is None
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    return seen


def test_cursor_walk_visits_every_record_once_in_update_order(api, many_laws):
    seen = walk(api, "/api/v1/laws/?pagination=cursor&page_size=2")
    expected = list(Law.objects.order_by("updated_at", "pk").values_list("pk", flat=True))
    assert seen == expected


def test_cursor_walk_with_identical_timestamps(api, many_laws):
    Law.objects.update(updated_at=timezone.now())  # a bulk import: every row the same instant
    seen = walk(api, "/api/v1/laws/?pagination=cursor&page_size=3")
    assert sorted(seen) == sorted(law.pk for law in many_laws) and len(seen) == len(set(seen))


def test_incremental_sync_with_updated_since(api, many_laws):
    old = timezone.now() - dt.timedelta(days=3)
    Law.objects.update(updated_at=old)
    changed = many_laws[4]
    changed.title = "Amended title"
    changed.save()
    since = (old + dt.timedelta(days=1)).isoformat()
    seen = walk(api, f"/api/v1/laws/?pagination=cursor&updated_since={since.replace('+', '%2B')}")
    assert seen == [changed.pk]
    assert api.get("/api/v1/laws/?updated_since=2000-01-01").json()["count"] == 7
    assert api.get("/api/v1/laws/?updated_since=2999-01-01T00:00:00Z").json()["count"] == 0


def test_provisions_sync_on_law_updated_at(api, corpus):
    body = api.get("/api/v1/provisions/?pagination=cursor&page_size=2").json()
    assert len(body["results"]) == 2 and body["next"]
    rest = api.get(body["next"]).json()
    assert len(rest["results"]) == 1 and rest["next"] is None


def test_cursor_with_page_is_an_error(api, many_laws):
    response = api.get("/api/v1/laws/?pagination=cursor&page=2")
    assert response.status_code == 400 and "page" in response.json()["errors"]


def test_cursor_mode_from_cursor_param_alone(api, many_laws):
    first = api.get("/api/v1/laws/?pagination=cursor&page_size=2").json()
    cursor = first["next"].split("cursor=")[1].split("&")[0]
    second = api.get(f"/api/v1/laws/?cursor={cursor}&page_size=2").json()
    assert second["page"] is None and len(second["results"]) == 2
