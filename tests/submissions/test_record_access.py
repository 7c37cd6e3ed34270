"""Groups, permissions and the object-level rules of submissions.record_access."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from sherloc import access
from sherloc.models import PublicationStatus
from submissions import record_access
from tests.factories import LawFactory, country

pytestmark = pytest.mark.django_db


def test_migration_creates_the_three_groups_with_model_permissions() -> None:
    perms = {
        name: set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        for name in (access.FOCAL_POINTS, access.EDITORS, access.REVIEWERS)
    }
    assert {"add_law", "change_law", "add_provision", "change_case"} <= perms[access.FOCAL_POINTS]
    assert "delete_law" not in perms[access.FOCAL_POINTS]
    assert {"delete_law", "change_competentauthority", "view_transition"} <= perms[access.EDITORS]
    assert {"view_law", "change_law", "view_transition"} <= perms[access.REVIEWERS]
    assert "add_law" not in perms[access.REVIEWERS]


def test_countries_for(fp_bra, editor, reviewer, nobody) -> None:  # noqa: ANN001
    assert list(record_access.countries_for(fp_bra).values_list("alpha3", flat=True)) == ["BRA"]
    assert record_access.countries_for(editor).filter(alpha3="FRA").exists()
    assert not record_access.countries_for(reviewer).exists()
    assert not record_access.countries_for(nobody).exists()
    assert not record_access.countries_for(AnonymousUser()).exists()


def test_focal_point_with_several_countries() -> None:
    from tests.submissions.conftest import focal_point

    user = focal_point("fp-multi", "BRA", "ARG")
    assert set(record_access.countries_for(user).values_list("alpha3", flat=True)) == {"BRA", "ARG"}


@pytest.mark.parametrize(
    ("status", "editable"),
    [
        (PublicationStatus.DRAFT, True),
        (PublicationStatus.RETURNED, True),
        (PublicationStatus.SUBMITTED, False),
        (PublicationStatus.IN_REVIEW, False),
        (PublicationStatus.PUBLISHED, False),
    ],
)
def test_can_edit_focal_point_own_country_by_status(fp_bra, status, editable) -> None:  # noqa: ANN001
    assert record_access.can_edit(fp_bra, LawFactory(status=status)) is editable


def test_can_edit_matrix(fp_bra, fp_fra, editor, reviewer, nobody) -> None:  # noqa: ANN001
    law = LawFactory(status=PublicationStatus.DRAFT, country=country("BRA"))
    assert record_access.can_edit(fp_bra, law)
    assert not record_access.can_edit(fp_fra, law)
    assert record_access.can_edit(editor, law)
    assert not record_access.can_edit(reviewer, law)
    assert not record_access.can_edit(nobody, law)
    assert not record_access.can_edit(AnonymousUser(), law)
    assert record_access.can_view(reviewer, law) and not record_access.can_view(fp_fra, law)


def test_inactive_focal_point_can_do_nothing(fp_bra) -> None:  # noqa: ANN001
    fp_bra.is_active = False
    law = LawFactory(status=PublicationStatus.DRAFT)
    assert not record_access.can_edit(fp_bra, law)
    assert not record_access.countries_for(fp_bra).exists()
