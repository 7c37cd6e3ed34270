"""ETag / Last-Modified and conditional GET (304)."""

import pytest

from tests.factories import LawFactory

pytestmark = pytest.mark.django_db


def test_detail_etag_and_304(api, corpus):
    url = f"/api/v1/laws/{corpus['bra_law'].pk}/"
    first = api.get(url)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and last_modified
    again = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


def test_detail_etag_changes_with_record(api, corpus):
    law = corpus["bra_law"]
    url = f"/api/v1/laws/{law.pk}/"
    etag = api.get(url)["ETag"]
    law.title = "Changed"
    law.save()
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag


def test_etag_differs_per_language(api, corpus):
    url = f"/api/v1/laws/{corpus['bra_law'].pk}/"
    assert api.get(url)["ETag"] != api.get(url + "?lang=fr")["ETag"]


def test_list_etag_changes_when_a_record_is_published(api, corpus):
    url = "/api/v1/laws/?country=BRA"
    etag = api.get(url)["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    draft = corpus["draft_law"]
    draft.status = "published"
    draft.save()
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response.json()["count"] == 2


def test_list_etag_depends_on_query(api, corpus):
    assert api.get("/api/v1/laws/?page_size=1")["ETag"] != api.get("/api/v1/laws/?page_size=2")["ETag"]


def test_list_304_costs_no_serialisation(api, corpus, django_assert_max_num_queries):
    LawFactory()
    etag = api.get("/api/v1/laws/")["ETag"]
    with django_assert_max_num_queries(1):  # the count/max aggregate only
        assert api.get("/api/v1/laws/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_authority_etag_depends_on_contact_visibility(api, contacts_client, corpus):
    url = f"/api/v1/authorities/{corpus['bra_auth'].pk}/"
    public = api.get(url)["ETag"]
    private = contacts_client.get(url)
    assert private["ETag"] != public
    assert contacts_client.get(url, HTTP_IF_NONE_MATCH=public).status_code == 200
    assert "Authorization" in private["Vary"]


def test_vocabulary_etag(api):
    first = api.get("/api/v1/countries/")
    assert api.get("/api/v1/countries/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert api.get("/api/v1/countries/?lang=fr", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_relabelling_a_term_changes_the_records_that_show_it(api, corpus):
    """A country renamed: its records' bodies change (country label), so their ETags, Last-Modified and
    incremental sync must say so; records of other countries stay as they were."""
    import datetime as dt

    from django.utils import timezone

    from taxonomy.models import Country

    bra, fra = f"/api/v1/laws/{corpus['bra_law'].pk}/", f"/api/v1/laws/{corpus['fra_law'].pk}/"
    bra_etag, fra_etag = api.get(bra)["ETag"], api.get(fra)["ETag"]
    list_etag = api.get("/api/v1/laws/?country=BRA")["ETag"]
    since = (timezone.now() - dt.timedelta(microseconds=1)).isoformat().replace("+", "%2B")
    brazil = Country.objects.get(alpha3="BRA")
    brazil.name = "República Federativa do Brasil"
    brazil.save()
    response = api.get(bra, HTTP_IF_NONE_MATCH=bra_etag)
    assert response.status_code == 200 and response["ETag"] != bra_etag
    assert "República Federativa do Brasil" in response.content.decode()
    assert api.get(fra, HTTP_IF_NONE_MATCH=fra_etag).status_code == 304
    assert api.get("/api/v1/laws/?country=BRA", HTTP_IF_NONE_MATCH=list_etag).status_code == 200
    synced = api.get(f"/api/v1/laws/?pagination=cursor&updated_since={since}").json()["results"]
    assert [law["id"] for law in synced] == [corpus["bra_law"].pk]


def test_compressed_response_etag_is_weak_and_still_answers_304(api, corpus):
    # GZipMiddleware marks the ETag of a compressed body weak; sending it back must still give a 304.
    url = f"/api/v1/laws/{corpus['bra_law'].pk}/"
    first = api.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    assert first["ETag"].startswith('W/"')
    again = api.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
