"""sitemap.xml and robots.txt: published records only, in every language."""

import pytest

from legislation.models import Law
from sherloc.models import PublicationStatus
from submissions import revisions
from tests.factories import AuthorityFactory, CaseFactory, LawFactory, UserFactory, country

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_records_only(client) -> None:  # noqa: ANN001
    published = LawFactory(status=PublicationStatus.PUBLISHED, country=country("BRA"))
    draft = LawFactory(status=PublicationStatus.DRAFT)
    in_review = CaseFactory(status=PublicationStatus.IN_REVIEW)
    authority = AuthorityFactory(status=PublicationStatus.PUBLISHED)
    copy = revisions.start_revision(published, UserFactory(is_superuser=True))
    assert Law.objects.filter(pk=copy.pk).exists()

    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and b"sitemap-laws.xml" in index.content
    laws = client.get("/sitemap-laws.xml").content.decode()
    assert f"/en/laws/{published.pk}/" in laws and f"/fr/laws/{published.pk}/" in laws
    assert 'hreflang="ar"' in laws
    assert f"/laws/{draft.pk}/" not in laws and f"/laws/{copy.pk}/" not in laws
    assert f"/cases/{in_review.pk}/" not in client.get("/sitemap-cases.xml").content.decode()
    assert f"/authorities/{authority.pk}/" in client.get("/sitemap-authorities.xml").content.decode()
    assert "/en/countries/BRA/" in client.get("/sitemap-countries.xml").content.decode()


def test_robots_txt_points_to_the_sitemap(client) -> None:  # noqa: ANN001
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /en/submit/" in body and "Disallow: /admin/" in body


def test_sitemap_pages_are_kept_until_a_record_changes(client, django_assert_num_queries) -> None:  # noqa: ANN001
    first = LawFactory(status=PublicationStatus.PUBLISHED)
    built = client.get("/sitemap-laws.xml")
    assert f"/laws/{first.pk}/" in built.content.decode()
    assert "max-age=" in built["Cache-Control"]
    with django_assert_num_queries(0):  # served from the sitemaps cache
        again = client.get("/sitemap-laws.xml")
    assert again.content == built.content
    index = client.get("/sitemap.xml")
    with django_assert_num_queries(0):
        assert client.get("/sitemap.xml").content == index.content

    second = LawFactory(status=PublicationStatus.PUBLISHED)  # saving a record drops the built pages
    assert f"/laws/{second.pk}/" in client.get("/sitemap-laws.xml").content.decode()
    Law.objects.get(pk=first.pk).delete()
    assert f"/laws/{first.pk}/" not in client.get("/sitemap-laws.xml").content.decode()
    copy = revisions.start_revision(second, UserFactory(is_superuser=True))  # saves a draft copy: no leak
    assert f"/laws/{copy.pk}/" not in client.get("/sitemap-laws.xml").content.decode()
