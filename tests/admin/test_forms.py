"""Admin forms catch what the database would reject (no error pages) and keep JSON fields tidy."""

import datetime as dt

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from authorities.models import CompetentAuthority
from caselaw.models import Case, Person
from legislation.models import Law
from taxonomy.models import CrimeType, Issue
from tests.factories import AuthorityFactory, CaseFactory, CourtFactory, LawFactory, PersonFactory, country, lang

pytestmark = pytest.mark.django_db


@pytest.fixture
def rf_request(superuser):  # noqa: ANN001, ANN201
    request = RequestFactory().get("/admin/")
    request.user = superuser
    return request


def bound_form(model, request, obj, **changes):  # noqa: ANN001, ANN003, ANN201
    """The admin's own form class for `model`, bound to obj's current values plus `changes`."""
    model_admin = admin.site._registry[model]
    form_class = model_admin.get_form(request, obj, change=obj is not None)
    data = {k: v for k, v in model_to_dict(obj).items() if v is not None} if obj else {}
    for name, value in list(data.items()):
        if isinstance(value, list) and value and hasattr(value[0], "pk"):
            data[name] = [v.pk for v in value]
    if getattr(obj, "updated_at", None) is not None:
        data["opened_version"] = obj.updated_at.isoformat()  # what the change page carries
    data.update(changes)
    return form_class(data=data, instance=obj)


def test_case_decision_date_in_the_future_is_a_form_error(rf_request) -> None:  # noqa: ANN001
    case = CaseFactory()
    form = bound_form(Case, rf_request, case, decision_date=dt.date.today() + dt.timedelta(days=30))
    assert not form.is_valid()
    assert "decision_date" in form.errors


@pytest.mark.parametrize(("days", "valid"), [(1, True), (2, False)])
def test_case_decision_date_limit_is_the_databases(rf_request, days, valid) -> None:  # noqa: ANN001
    """caselaw.rules: today (UTC) + 1 day, the same limit as the forms, the importer and the API."""
    case = CaseFactory()
    form = bound_form(Case, rf_request, case, decision_date=timezone.now().date() + dt.timedelta(days=days))
    assert form.is_valid() is valid, form.errors
    assert ("decision_date" in form.errors) is not valid


def test_case_court_must_belong_to_the_case_country(rf_request) -> None:  # noqa: ANN001
    case = CaseFactory(country=country("BRA"))
    french_court = CourtFactory(country=country("FRA"), name="Cour de cassation")
    form = bound_form(Case, rf_request, case, court=french_court.pk)
    assert not form.is_valid()
    assert "France" in str(form.errors["court"])


def test_case_sub_type_needs_its_crime_type(rf_request) -> None:  # noqa: ANN001
    """The importer's and the focal points' rule (taxonomy.tagging.subtype_tag_errors), in the admin too."""
    from taxonomy.models import CrimeSubType

    deception = CrimeSubType.objects.get(code="trafficking-in-persons.means.deception")
    tip = CrimeType.objects.get(code="trafficking-in-persons")
    case = CaseFactory()
    form = bound_form(Case, rf_request, case, crime_subtypes=[deception.pk], crime_types=[])
    assert not form.is_valid()
    assert "needs its crime type" in str(form.errors["crime_subtypes"])
    form = bound_form(Case, rf_request, case, crime_subtypes=[deception.pk], crime_types=[tip.pk])
    assert form.is_valid(), form.errors


def test_case_keywords_are_edited_one_per_line(rf_request) -> None:  # noqa: ANN001
    case = CaseFactory()
    form = bound_form(Case, rf_request, case, keywords="debt bondage\nforced labour\n\ndebt bondage")
    assert form.is_valid(), form.errors
    assert form.save().keywords == ["debt bondage", "forced labour"]


def test_victim_named_in_full_is_a_form_error_not_a_server_error(rf_request) -> None:  # noqa: ANN001
    case = CaseFactory()
    inline = next(i for i in admin.site._registry[Case].get_inline_instances(rf_request, case) if i.model is Person)
    formset_class = inline.get_formset(rf_request, case)
    prefix = formset_class.get_default_prefix()
    data = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-0-order": "1",
        f"{prefix}-0-role": "victim",
        f"{prefix}-0-kind": "person",
        f"{prefix}-0-name": "Maria Rodrigues",
        f"{prefix}-0-gender": "female",
    }
    formset = formset_class(data=data, instance=case, prefix=prefix)
    assert not formset.is_valid()
    assert "Victims are named by their initials only" in str(formset.errors)


def test_charge_defendant_is_chosen_among_the_case_people(staff_client) -> None:  # noqa: ANN001
    case = CaseFactory()
    ours = PersonFactory(case=case, name="A. Defendant")
    theirs = PersonFactory(name="Someone Else")  # another case
    html = staff_client.get(reverse("admin:caselaw_case_change", args=[case.pk])).content.decode()
    charge_select = html[html.index('name="charges-__prefix__-defendant"') :]
    charge_select = charge_select[: charge_select.index("</select>")]
    assert f'value="{ours.pk}"' in charge_select
    assert f'value="{theirs.pk}"' not in charge_select


def test_translations_must_use_known_language_codes(rf_request) -> None:  # noqa: ANN001
    term = CrimeType.objects.get(code="cybercrime")
    bad = bound_form(CrimeType, rf_request, term, translations='{"fr": "Cybercriminalité", "xx": "?"}')
    assert not bad.is_valid() and "xx" in str(bad.errors["translations"])
    empty = bound_form(CrimeType, rf_request, term, translations='{"fr": "  "}')
    assert not empty.is_valid()
    good = bound_form(CrimeType, rf_request, term, translations='{"fr": " Cybercriminalité ", "zh-hans": "网络犯罪"}')
    assert good.is_valid(), good.errors
    assert good.save().translations == {"fr": "Cybercriminalité", "zh-hans": "网络犯罪"}


def test_issue_codes_follow_the_tree(rf_request) -> None:  # noqa: ANN001
    parent = Issue.objects.filter(parent__isnull=True).first()
    wrong = bound_form(Issue, rf_request, None, code="elsewhere.child", label="Child", parent=parent.pk, sort_order=0)
    assert not wrong.is_valid() and "code" in wrong.errors
    right = bound_form(
        Issue, rf_request, None, code=f"{parent.code}.child", label="Child", parent=parent.pk, sort_order=0
    )
    assert right.is_valid(), right.errors


def test_issue_depth_follows_the_parent(staff_client) -> None:  # noqa: ANN001
    parent = Issue.objects.filter(parent__isnull=True).first()
    data = {"code": f"{parent.code}.new-branch", "label": "New", "parent": parent.pk, "sort_order": 0}
    response = staff_client.post(reverse("admin:taxonomy_issue_add"), {**data, "translations": "{}"})
    assert response.status_code == 302
    assert Issue.objects.get(code=f"{parent.code}.new-branch").depth == parent.depth + 1


def test_issue_changelist_shows_tree_paths(staff_client) -> None:  # noqa: ANN001
    child = Issue.objects.filter(depth=2).select_related("parent__parent").first()
    html = staff_client.get(reverse("admin:taxonomy_issue_changelist"), {"q": child.code}).content.decode()
    assert f"{child.parent.parent.label} › {child.parent.label} › {child.label}" in html


def test_authority_lists_are_edited_as_text_and_checkboxes(rf_request) -> None:  # noqa: ANN001
    authority = AuthorityFactory()
    form = bound_form(
        CompetentAuthority, rf_request, authority, languages_accepted="en, pt-BR, en", channels=["direct", "interpol"]
    )
    assert form.is_valid(), form.errors
    saved = form.save()
    assert saved.languages_accepted == ["en", "pt-BR"]
    assert saved.channels == ["direct", "interpol"]
    bad = bound_form(CompetentAuthority, rf_request, authority, languages_accepted="english!!")
    assert not bad.is_valid() and "languages_accepted" in bad.errors


def test_law_in_force_before_adoption_is_a_form_error(rf_request) -> None:  # noqa: ANN001
    law = LawFactory()
    form = bound_form(Law, rf_request, law, entry_into_force_date="2010-01-01")
    assert not form.is_valid()


def test_attachment_over_the_size_limit_is_refused(staff_client, settings) -> None:  # noqa: ANN001
    settings.ATTACHMENT_MAX_BYTES = 10
    law = LawFactory()
    url = reverse("admin:legislation_law_change", args=[law.pk])
    data = {
        "country": law.country_id,
        "title": law.title,
        "law_type": law.law_type,
        "number": law.number,
        "legal_status": law.legal_status,
        "original_language": lang().pk,
        "status": law.status,
        "provisions-TOTAL_FORMS": 0,
        "provisions-INITIAL_FORMS": 0,
        "attachments-TOTAL_FORMS": 1,
        "attachments-INITIAL_FORMS": 0,
        "attachments-0-title": "Gazette",
        "attachments-0-file": SimpleUploadedFile("gazette.pdf", b"%PDF-1.4 more than ten bytes"),
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "larger than" in response.content.decode()
    assert not law.attachments.exists()


def test_existing_sub_issue_with_a_dotted_code_can_be_edited(staff_client) -> None:  # noqa: ANN001
    """Regression: Issue.code is a SlugField, whose validator alone would refuse every dotted code."""
    issue = Issue.objects.filter(depth=2).first()
    url = reverse("admin:taxonomy_issue_change", args=[issue.pk])
    data = {"code": issue.code, "parent": issue.parent_id, "label": "Renamed", "sort_order": 0, "translations": "{}"}
    response = staff_client.post(url, data)
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.label == "Renamed"
    taken = {**data, "code": Issue.objects.filter(parent=issue.parent).exclude(pk=issue.pk).first().code}
    assert staff_client.post(url, taken).status_code == 200, "a duplicate code is a form error"


@pytest.mark.django_db
def test_admin_cannot_publish_a_pending_revision(admin_client) -> None:  # noqa: ANN001
    """The status is not a form field (changes go through the workflow), and the publish action refuses
    a pending revision with a reason: it is published by approving it in the review queue."""
    from legislation.models import Law
    from sherloc.models import PublicationStatus
    from submissions import revisions
    from tests.factories import LawFactory, UserFactory

    law = LawFactory(status=PublicationStatus.PUBLISHED)
    copy = revisions.start_revision(law, UserFactory(is_superuser=True))
    page = admin_client.get(f"/admin/legislation/law/{copy.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(
        status=PublicationStatus.PUBLISHED,
        **{
            f"{fs.formset.prefix}-{key}": value
            for fs in page.context["inline_admin_formsets"]
            for key, value in fs.formset.management_form.initial.items()
        },
    )
    response = admin_client.post(f"/admin/legislation/law/{copy.pk}/change/", data)
    assert response.status_code == 302
    assert Law.objects.get(pk=copy.pk).status == PublicationStatus.DRAFT
    response = admin_client.post(
        "/admin/legislation/law/", {"action": "publish_selected", "_selected_action": [copy.pk]}, follow=True
    )
    assert any("not changed" in str(m) for m in response.context["messages"])
    assert Law.objects.get(pk=copy.pk).status == PublicationStatus.DRAFT
