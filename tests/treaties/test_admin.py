"""The secretariat adds a treaty status with a reservation and an 18(13) notification in the admin."""

import pytest
from django.test import Client

from tests.factories import AuthorityFactory, UserFactory, article, country
from treaties.models import TreatyStatus

pytestmark = pytest.mark.django_db

URL = "/admin/treaties/treatystatus/add/"


def _form(**overrides: str) -> dict:
    from taxonomy.models import Instrument

    data = {
        "country": str(country("BRA").pk),
        "instrument": str(Instrument.objects.get(code="UNTOC").pk),
        "signature_date": "2000-12-12",
        "consent_kind": "ratification",
        "consent_date": "2004-01-29",
        "entry_into_force_date": "2004-02-28",
        "note": "synthetic test data",
        "source_url": "",
        "declarations-TOTAL_FORMS": "1",
        "declarations-INITIAL_FORMS": "0",
        "declarations-0-kind": "reservation",
        "declarations-0-article": str(article("UNTOC-35").pk),
        "declarations-0-text": "Not bound by article 35(2).",
        "declarations-0-order": "1",
        "notifications-TOTAL_FORMS": "1",
        "notifications-INITIAL_FORMS": "0",
        "notifications-0-article": str(article("UNTOC-18").pk),
        "notifications-0-paragraph": "13",
        "notifications-0-text": "Central authority designated.",
        "notifications-0-order": "1",
    }
    data.update(overrides)
    return data


@pytest.fixture
def editor(client: Client) -> Client:
    client.force_login(UserFactory(username="editor", is_staff=True, groups=["secretariat_editors"]))
    return client


def test_secretariat_editor_adds_a_status_with_inlines(editor: Client) -> None:
    authority = AuthorityFactory(country=country("BRA"))
    assert editor.get(URL).status_code == 200
    response = editor.post(URL, _form(**{"notifications-0-authority": str(authority.pk)}))
    assert response.status_code == 302, response.context["errors"] if response.context else response
    status = TreatyStatus.objects.get(country__alpha3="BRA")
    assert status.declarations.get().article.code == "UNTOC-35"
    assert status.notifications.get().authority == authority
    assert status.history.count() == 1


def test_bad_dates_are_refused_with_the_rule_named(editor: Client) -> None:
    response = editor.post(URL, _form(entry_into_force_date="2003-01-01", signature_date="2005-01-01"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Entry into force needs a consent date and cannot be before it." in html
    assert "The signature cannot be after the consent to be bound." in html
    assert not TreatyStatus.objects.exists()


def test_inline_rules_are_checked(editor: Client) -> None:
    other = AuthorityFactory(country=country("FRA"))
    response = editor.post(
        URL,
        _form(**{"declarations-0-article": str(article("TIP-3").pk), "notifications-0-authority": str(other.pk)}),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The article must belong to the status&#x27;s instrument." in html
    assert "same country as the status" in html
    assert not TreatyStatus.objects.exists()


def test_focal_points_cannot_edit_treaty_status(client: Client) -> None:
    client.force_login(UserFactory(username="fp", is_staff=True, groups=["focal_points"]))
    assert client.get(URL).status_code == 403
