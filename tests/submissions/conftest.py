"""Actors of the submission workflow: focal points of Brazil and France, an editor, a reviewer."""

from contextlib import contextmanager

import pytest
from django.db import transaction

from sherloc.access import EDITORS, FOCAL_POINTS, REVIEWERS
from sherloc.models import PublicationStatus
from submissions.models import FocalPointScope
from tests.factories import LawFactory, ProvisionFactory, UserFactory, country


def focal_point(username: str, *alpha3: str):  # noqa: ANN201
    user = UserFactory(username=username, groups=[FOCAL_POINTS])
    scope = FocalPointScope.objects.create(user=user)
    scope.countries.set([country(code) for code in alpha3])
    return user


@pytest.fixture
def fp_bra(db):  # noqa: ANN001, ANN201
    return focal_point("fp-bra", "BRA")


@pytest.fixture
def fp_fra(db):  # noqa: ANN001, ANN201
    return focal_point("fp-fra", "FRA")


@pytest.fixture
def editor(db):  # noqa: ANN001, ANN201
    return UserFactory(username="editor", groups=[EDITORS])


@pytest.fixture
def reviewer(db):  # noqa: ANN001, ANN201
    return UserFactory(username="reviewer", groups=[REVIEWERS])


@pytest.fixture
def nobody(db):  # noqa: ANN001, ANN201
    """Signed in, but in no workflow group."""
    return UserFactory(username="nobody")


@pytest.fixture
def draft_law(db):  # noqa: ANN001, ANN201
    law = LawFactory(title="Draft Act against Trafficking", status=PublicationStatus.DRAFT)
    ProvisionFactory(law=law, order=1, label="Art. 1", text="Zanzibarian exploitation clause.")
    return law


@pytest.fixture
def commit(django_capture_on_commit_callbacks):  # noqa: ANN001, ANN201
    """`with commit(): ...`: one transaction whose on_commit callbacks (indexing, e-mail) really run."""

    @contextmanager
    def block():  # noqa: ANN202
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            yield

    return block


def as_user(client, user):  # noqa: ANN001, ANN201
    if user is not None:
        client.force_login(user)
    return client
