"""/api/v1/treaty-status/: list and detail, filters, bad parameters answered 400 naming them, sync."""

import datetime as dt

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from sherloc.models import PublicationStatus
from tests.factories import AuthorityFactory, TreatyStatusFactory, article, country
from treaties.models import Notification, TreatyStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_throttles():  # noqa: ANN202
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def _instrument(code: str):  # noqa: ANN202
    from taxonomy.models import Instrument

    return Instrument.objects.get(code=code)


@pytest.fixture
def statuses() -> dict:
    bra = TreatyStatusFactory(country=country("BRA"))
    authority = AuthorityFactory(country=country("BRA"))
    Notification.objects.create(
        status=bra, article=article("UNTOC-18"), paragraph="13", text="Central authority.", authority=authority
    )
    fra = TreatyStatusFactory(
        country=country("FRA"),
        instrument=_instrument("TIP"),
        consent_kind="",
        consent_date=None,
        entry_into_force_date=None,
    )
    nga = TreatyStatusFactory(country=country("NGA"), instrument=_instrument("TIP"), consent_kind="accession")
    return {"bra": bra, "fra": fra, "nga": nga, "authority": authority}


def ids(response) -> list[int]:  # noqa: ANN001
    assert response.status_code == 200, response.content
    return sorted(r["id"] for r in response.json()["results"])


def test_list_and_detail(api: APIClient, statuses: dict) -> None:
    assert ids(api.get("/api/v1/treaty-status/")) == sorted(s.pk for k, s in statuses.items() if k != "authority")
    body = api.get(f"/api/v1/treaty-status/{statuses['bra'].pk}/").json()
    assert body["country"]["code"] == "BRA" and body["instrument"]["code"] == "UNTOC"
    assert body["consent_kind"] == "ratification" and body["consent_date"] == "2004-01-29" and body["is_party"] is True
    note = body["notifications"][0]
    assert note["article"]["reference"] == "UNTOC 18(13)"
    assert note["authority"]["id"] == statuses["authority"].pk


def test_notification_hides_an_unpublished_authority(api: APIClient, statuses: dict) -> None:
    statuses["authority"].status = PublicationStatus.DRAFT
    statuses["authority"].save()
    body = api.get(f"/api/v1/treaty-status/{statuses['bra'].pk}/").json()
    assert body["notifications"][0]["authority"] is None


def test_filters(api: APIClient, statuses: dict) -> None:
    assert ids(api.get("/api/v1/treaty-status/?country=BRA")) == [statuses["bra"].pk]
    assert ids(api.get("/api/v1/treaty-status/?country=br,fr")) == sorted([statuses["bra"].pk, statuses["fra"].pk])
    assert ids(api.get("/api/v1/treaty-status/?instrument=tip")) == sorted([statuses["fra"].pk, statuses["nga"].pk])
    assert ids(api.get("/api/v1/treaty-status/?instrument=TIP&is_party=true")) == [statuses["nga"].pk]
    assert ids(api.get("/api/v1/treaty-status/?is_party=false")) == [statuses["fra"].pk]
    assert ids(api.get("/api/v1/treaty-status/?consent_kind=accession")) == [statuses["nga"].pk]
    assert ids(api.get("/api/v1/treaty-status/?region=002")) == [statuses["nga"].pk]


def test_bad_parameters_are_400_naming_them(api: APIClient, statuses: dict) -> None:
    response = api.get("/api/v1/treaty-status/?country=ZZZ&instrument=UNCAC&colour=blue&consent_kind=marriage")
    assert response.status_code == 400
    body = response.content.decode()
    for name in ("country", "instrument", "colour", "consent_kind"):
        assert name in body
    assert api.get("/api/v1/treaty-status/?updated_since=yesterday").status_code == 400
    assert api.get("/api/v1/treaty-status/999999/").status_code == 404


def test_updated_since_follows_child_changes(api: APIClient, statuses: dict) -> None:
    old = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    TreatyStatus.objects.update(updated_at=old)
    assert ids(api.get("/api/v1/treaty-status/?updated_since=2021-01-01T00:00:00Z")) == []
    statuses["bra"].notifications.first().save()
    assert ids(api.get("/api/v1/treaty-status/?updated_since=2021-01-01T00:00:00Z")) == [statuses["bra"].pk]
    walked = api.get("/api/v1/treaty-status/?pagination=cursor&page_size=2").json()
    assert len(walked["results"]) == 2 and walked["next"]
