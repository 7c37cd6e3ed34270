import pytest
from django.db import IntegrityError, transaction

from tests.factories import AuthorityFactory

pytestmark = pytest.mark.django_db


def test_roles_and_articles():
    auth = AuthorityFactory(roles=["mla-central", "extradition"], articles=[("UNTOC-18", "13")])
    assert sorted(auth.roles.values_list("code", flat=True)) == ["extradition", "mla-central"]
    assert [t.reference for t in auth.article_tags.all()] == ["UNTOC 18(13)"]


def test_unique_name_per_country():
    auth = AuthorityFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        AuthorityFactory(name=auth.name, country=auth.country)
