"""Database constraints on laws and provisions hold at the database level, not only in forms."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from legislation.models import ProvisionArticle
from tests.factories import LawFactory, ProvisionFactory, article, country

pytestmark = pytest.mark.django_db


def test_law_unique_per_country_title_number():
    law = LawFactory(title="Anti-Trafficking Act", number="12/2020")
    LawFactory(title="Anti-Trafficking Act", number="12/2020", country=country("FRA"))  # other country: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        LawFactory(title=law.title, number=law.number, country=law.country)


def test_entry_into_force_not_before_adoption():
    with pytest.raises(IntegrityError), transaction.atomic():
        LawFactory(adoption_date=dt.date(2020, 5, 1), entry_into_force_date=dt.date(2020, 4, 1))
    LawFactory(adoption_date=dt.date(2020, 5, 1), entry_into_force_date=None)


def test_provision_order_unique_within_law():
    law = LawFactory()
    ProvisionFactory(law=law, order=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProvisionFactory(law=law, order=1)


def test_article_tag_with_paragraph_and_unique():
    prov = ProvisionFactory(tags={"articles": [("UNTOC-18", "13"), "TIP-3", ("UNTOC-5", "1(a)")]})
    refs = sorted(t.reference for t in prov.article_tags.select_related("article__instrument"))
    assert refs == ["TIP 3", "UNTOC 18(13)", "UNTOC 5(1)(a)"]
    with pytest.raises(IntegrityError), transaction.atomic():
        ProvisionArticle.objects.create(provision=prov, article=article("UNTOC-18"), paragraph="13")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProvisionArticle.objects.create(provision=prov, article=article("UNTOC-5"), paragraph="1; DROP")


def test_history_records_changes():
    law = LawFactory(title="Original title")
    law.title = "Amended title"
    law.save()
    assert [h.title for h in law.history.order_by("history_date")] == ["Original title", "Amended title"]
