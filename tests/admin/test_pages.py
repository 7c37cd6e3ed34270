"""Every registered model's changelist, add, change and history pages render for the secretariat."""

import pytest
from django.contrib import admin
from django.db import models
from django.urls import reverse

OUR_APPS = {"taxonomy", "legislation", "caselaw", "authorities", "strategies"}
REGISTERED = sorted(
    (model for model in admin.site._registry if model._meta.app_label in OUR_APPS), key=lambda m: m._meta.label
)


def _url(model: type[models.Model], view: str, *args: object) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_expected_model_is_registered() -> None:
    labels = {model._meta.label for model in REGISTERED}
    assert labels == {
        "taxonomy.Instrument",
        "taxonomy.Article",
        "taxonomy.CrimeType",
        "taxonomy.CrimeSubType",
        "taxonomy.Issue",
        "taxonomy.Region",
        "taxonomy.Country",
        "taxonomy.Language",
        "taxonomy.AuthorityRole",
        "legislation.Law",
        "legislation.Provision",
        "caselaw.Court",
        "caselaw.Case",
        "authorities.CompetentAuthority",
        "strategies.Strategy",
        "strategies.ExplanatoryMaterial",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_changelist_add_and_change_pages_render(staff_client, records, model) -> None:  # noqa: ANN001
    assert staff_client.get(_url(model, "changelist")).status_code == 200
    assert staff_client.get(_url(model, "changelist"), {"q": "traffic"}).status_code == 200
    assert staff_client.get(_url(model, "add")).status_code == 200
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"no {model._meta.label} row to open"
    response = staff_client.get(_url(model, "change", obj.pk))
    assert response.status_code == 200
    assert staff_client.get(_url(model, "history", obj.pk)).status_code == 200


@pytest.mark.django_db
def test_authority_form_separates_public_fields_from_contact_details(staff_client, records) -> None:  # noqa: ANN001
    response = staff_client.get(_url(type(records["authority"]), "change", records["authority"].pk))
    html = response.content.decode()
    assert "Contact details (signed-in practitioners only)" in html
    public, contact = html.split("Contact details (signed-in practitioners only)", 1)
    assert 'name="name"' in public and 'name="email"' not in public
    assert 'name="email"' in contact and 'name="phone"' in contact


@pytest.mark.django_db
def test_law_page_lists_provisions_in_order_with_a_link_to_each(staff_client, records) -> None:  # noqa: ANN001
    from tests.factories import ProvisionFactory

    law = records["law"]
    late = ProvisionFactory(law=law, order=90, label="Art. 90")
    early = ProvisionFactory(law=law, order=2, label="Art. 2")
    html = staff_client.get(_url(type(law), "change", law.pk)).content.decode()
    assert html.index('value="Art. 2"') < html.index('value="Art. 90"')
    assert _url(type(early), "change", early.pk) in html
    assert _url(type(late), "change", late.pk) in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model_label",
    [
        "legislation.Law",
        "legislation.Provision",
        "caselaw.Case",
        "authorities.CompetentAuthority",
        "strategies.Strategy",
        "strategies.ExplanatoryMaterial",
    ],
)
def test_record_forms_show_every_editable_field(model_label) -> None:  # noqa: ANN001
    """A field added to a model later must not silently vanish from the admin form."""
    from django.apps import apps
    from django.test import RequestFactory

    model = apps.get_model(model_label)
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/")
    request.user = type("U", (), {"is_active": True, "is_staff": True, "has_perm": lambda *a: True})()
    shown = {
        name
        for _title, options in model_admin.get_fieldsets(request)
        for entry in options["fields"]
        for name in (entry if isinstance(entry, tuple) else (entry,))
    }
    editable = {
        f.name
        for f in model._meta.get_fields()
        if getattr(f, "editable", False) and not f.auto_created and (f.concrete or f.many_to_many)
    }
    through_tagged = {"articles"}  # edited through the article-tag inline (article + paragraph)
    assert editable - through_tagged - shown == set()


@pytest.mark.django_db
def test_non_staff_user_is_sent_to_the_login_page(client) -> None:  # noqa: ANN001
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="practitioner"))
    response = client.get(reverse("admin:legislation_law_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.django_db
def test_anonymous_user_is_sent_to_the_login_page(client) -> None:  # noqa: ANN001
    response = client.get(reverse("admin:caselaw_case_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.django_db
def test_admin_index_lists_the_record_families(staff_client) -> None:  # noqa: ANN001
    html = staff_client.get(reverse("admin:index")).content.decode()
    for name in ("Laws", "Provisions", "Cases", "Courts", "Competent authorities", "Articles", "Countries"):
        assert name in html
