"""/api/v1/export/: streamed JSON Lines (import format) and CSV, same filters as search."""

import csv
import io
import json

import pytest
from django.http import StreamingHttpResponse

from authorities.models import CompetentAuthority
from interchange.jsonl_format import FORMAT_VERSION

pytestmark = pytest.mark.django_db


def body_of(response) -> str:  # noqa: ANN001
    assert response.status_code == 200, response.content
    assert isinstance(response, StreamingHttpResponse) and response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def jsonl(api, query: str) -> list[dict]:  # noqa: ANN001
    response = api.get(f"/api/v1/export/?format=jsonl&{query}")
    assert response["Content-Type"].startswith("application/x-ndjson")
    assert "attachment" in response["Content-Disposition"]
    return [json.loads(line) for line in body_of(response).splitlines()]


def test_jsonl_is_the_import_format_one_record_per_line(api, indexed_corpus):
    records = jsonl(api, "")
    kinds = sorted(r["type"] for r in records)
    assert kinds == ["authority", "authority", "case", "case", "law", "law"]  # a law once, not per provision
    law = next(r for r in records if r["external_id"] == indexed_corpus["bra_law"].external_id)
    assert law["format_version"] == FORMAT_VERSION
    assert [p["label"] for p in law["provisions"]] == ["Art. 149-A", "Art. 149-B"]
    assert law["country"] == "BRA"


def test_jsonl_excludes_unpublished_and_private_fields(api, indexed_corpus):
    records = jsonl(api, "")
    external_ids = {r["external_id"] for r in records}
    for name in ("draft_law", "draft_case", "draft_auth"):
        assert indexed_corpus[name].external_id not in external_ids
    for record in records:
        assert record["submitted_by"] is None and record["reviewed_by"] is None
        if record["type"] == "authority":
            assert not set(CompetentAuthority.CONTACT_FIELDS) & set(record)


def test_jsonl_includes_contacts_for_read_contacts_token(contacts_client, indexed_corpus):
    records = jsonl(contacts_client, "type=authority")
    assert {r["type"] for r in records} == {"authority"}
    assert all("email" in r for r in records)


def test_export_applies_search_filters_and_text(api, indexed_corpus):
    assert [r["external_id"] for r in jsonl(api, "country=FRA&type=legislation")] == [
        indexed_corpus["fra_law"].external_id
    ]
    assert {r["type"] for r in jsonl(api, "q=Rantsev")} == {"case"}


@pytest.mark.parametrize("query", ["", "q=the OR code OR act OR v OR department OR bureau"])
def test_export_can_walk_many_batches(api, indexed_corpus, monkeypatch, query):
    """Tiny batches: the engine cursor (with text) or the database keyset (without) must be followed,
    and a law whose provisions fall in different batches is still written exactly once."""
    from portal.api import export

    monkeypatch.setattr(export, "BATCH_SIZE", 1)
    monkeypatch.setattr(export, "DB_BATCH_SIZE", 1)
    records = jsonl(api, query)
    assert len({r["external_id"] for r in records}) == len(records)
    assert indexed_corpus["bra_law"].external_id in {r["external_id"] for r in records}
    if not query:
        assert len(records) == 6


def test_csv_one_row_per_search_unit(api, indexed_corpus):
    response = api.get("/api/v1/export/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    text = body_of(response).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["type"] for r in rows) == ["authority"] * 2 + ["case"] * 2 + ["legislation"] * 3
    p1 = next(r for r in rows if r["id"] == f"provision:{indexed_corpus['provisions'][0].pk}")
    assert p1["external_id"] == indexed_corpus["bra_law"].external_id
    assert p1["country"] == "BRA"
    assert "TIP-3" in p1["article"].split("; ")
    assert p1["api_url"].endswith(f"/api/v1/provisions/{indexed_corpus['provisions'][0].pk}/")
    assert p1["Text"].startswith("Whoever recruits")
    assert "email" not in rows[0]


def csv_rows(api, query: str) -> list[dict]:  # noqa: ANN001
    return list(csv.DictReader(io.StringIO(body_of(api.get(f"/api/v1/export/?format=csv&{query}")).lstrip("\ufeff"))))


def test_csv_labels_and_values_in_the_page_language_codes_kept(api, indexed_corpus):
    rows = csv_rows(api, "lang=fr&type=authority")
    headers = list(rows[0])
    assert headers[3] == "Pays" and "country" in headers  # the readable column in French, the code's fixed name
    auth = next(r for r in rows if r["record_id"] == str(indexed_corpus["bra_auth"].pk))
    assert auth["Pays"] == "Brésil" and auth["country"] == "BRA"
    assert auth[headers[2]].startswith("Brésil")  # the details line names the country in French too
    assert auth["type"] == "authority" and auth[headers[0]] not in ("", "authority")
    assert set(auth["role"].split("; ")) == {"mla-central", "extradition"}
    designations = auth["Désignation"].split("; ")
    assert len(designations) == 2 and "mla-central" not in designations
    assert "email" not in auth and "Dr. A. Silva" not in "".join(auth.values())  # contacts stay private


def test_csv_readable_values_in_english_with_iso_dates(api, indexed_corpus):
    rows = csv_rows(api, "lang=en")
    case = next(r for r in rows if r["record_id"] == str(indexed_corpus["bra_case"].pk) and r["type"] == "case")
    assert case["Record type"] == "Case law" and case["Country"] == "Brazil" and case["country"] == "BRA"
    assert case["Crime type"] == "Trafficking in persons" and case["crime_type"] == "trafficking-in-persons"
    assert case["Convention and Protocols"] == "Trafficking in Persons Protocol" and case["instrument"] == "TIP"
    assert case["Date"] == indexed_corpus["bra_case"].decision_date.isoformat()
    assert case["Court level"] and case["Court level"] == case["Court level"].capitalize()
    provision = next(r for r in rows if r["type"] == "legislation" and r["country"] == "BRA")
    assert (
        provision["Legal status"]
        and provision["legal_status"]
        and provision["Legal status"] != provision["legal_status"]
    )


def test_csv_in_arabic_and_chinese_reads_back_as_utf8(api, indexed_corpus):
    for lang, country_name in (("ar", "البرازيل"), ("zh-hans", "巴西")):
        body = body_of(api.get(f"/api/v1/export/?format=csv&lang={lang}&country=BRA&type=case"))
        assert body.startswith("\ufeff")
        assert country_name in body


def test_csv_unsupported_language_is_a_clear_400(api, indexed_corpus):
    response = api.get("/api/v1/export/?format=csv&lang=xx")
    assert response.status_code == 400 and "lang" in response.json()["errors"]


def test_csv_neutralises_formulas(api, indexed_corpus):
    from search import indexing

    law = indexed_corpus["fra_law"]
    law.title = '=HYPERLINK("http://evil")'
    law.save()
    indexing.rebuild()
    rows = list(
        csv.DictReader(io.StringIO(body_of(api.get("/api/v1/export/?format=csv&country=FRA")).lstrip("\ufeff")))
    )
    assert rows and all(not r["Title"].startswith("=") for r in rows)


@pytest.mark.parametrize(
    ("query", "param"),
    [("", "format"), ("format=xml", "format"), ("format=csv&page=2", "page"), ("format=csv&country=ZZZ", "country")],
)
def test_export_errors(api, indexed_corpus, query, param):
    response = api.get(f"/api/v1/export/?{query}")
    assert response.status_code == 400
    assert param in response.json()["errors"]


def test_export_ignores_accept_header(api, indexed_corpus):
    response = api.get("/api/v1/export/?format=csv", HTTP_ACCEPT="text/csv")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"type": "legislation"},
        {"country": "BRA"},
        {"country": "BRA,XIR", "type": "case,authority"},
        {"region": "419"},
        {"instrument": "UNTOC"},
        {"article": "UNTOC-18,TIP-3"},
        {"crime_type": "trafficking-in-persons"},
        {"issue": "investigation"},
        {"issue": "jurisdiction", "country": "BRA"},
        {"year_from": "2010"},
        {"year_to": "2010"},
        {"year": "2016,2010"},
        {"court_level": "international"},
        {"legal_status": "repealed"},
        {"role": "extradition"},
        {"language": "en", "type": "authority"},
        {"crime_subtype": "trafficking-in-persons.means.deception"},
    ],
)
def test_database_walk_matches_the_engine(indexed_corpus, params):
    """Without text the export walks the database; it must return exactly what search returns."""
    from portal.api import export
    from search.service import query_from_params, search

    query = export.export_query(query_from_params(params, "en"))
    from_engine = {hit.id for batch in export.iter_batches(query, search) for hit in batch}
    from_database = {hit.id for batch in export.database_batches(query, batch_size=2) for hit in batch}
    assert from_database == from_engine


def test_csv_of_a_search_s_authorities_has_contacts_only_for_callers_allowed_to_see_them(
    api, contacts_client, indexed_corpus
):
    query = "format=csv&type=authority&lang=fr"
    public = list(csv.DictReader(io.StringIO(body_of(api.get(f"/api/v1/export/?{query}")).lstrip("\ufeff"))))
    assert "Personne à contacter" not in public[0] and "Contact person" not in public[0]
    rows = list(csv.DictReader(io.StringIO(body_of(contacts_client.get(f"/api/v1/export/?{query}")).lstrip("\ufeff"))))
    assert {r["type"] for r in rows} == {"authority"}
    bra = next(r for r in rows if r["record_id"] == str(indexed_corpus["bra_auth"].pk))
    assert "Dr. A. Silva" in bra.values()
    assert bra["Pays"] == "Brésil"
