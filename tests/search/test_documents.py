"""Search documents: exact content per kind, publication rules, and bounded query counts."""

import datetime as dt
import json

import pytest

from authorities.models import CompetentAuthority
from caselaw.bands import age_band, group_size_band, sentence_band
from caselaw.models import CaseAttachment, CourtLevel, PersonKind, PersonRole, Verdict
from legislation.models import LegalStatus
from search.documents import (
    KINDS,
    article_ref,
    documents_for,
    expected_count,
    expected_versions,
    iter_documents,
)
from search.schema import (
    CASE_PEOPLE_FIELDS,
    DOC_KINDS,
    INTEGER_FIELDS,
    KEYWORD_FIELDS,
    MULTI_VALUED,
    NUMBER_FIELDS,
    STORED_ONLY,
)
from sherloc.models import PublicationStatus
from taxonomy.models import CrimeSubType, Language
from tests.factories import (
    AuthorityFactory,
    CaseFactory,
    ChargeFactory,
    CourtFactory,
    LawFactory,
    PersonFactory,
    ProvisionFactory,
    country,
    lang,
)

pytestmark = pytest.mark.django_db

SCHEMA_FIELDS = (
    set(KEYWORD_FIELDS)
    | set(INTEGER_FIELDS)
    | {"date"}
    | set(STORED_ONLY)
    | set(NUMBER_FIELDS)
    | {"texts", "parent_id", "record_id"}
)


# A case without people or charges (and every other record) has these people fields.
NO_PEOPLE = {
    **{name: [] if name in MULTI_VALUED else "" for name in CASE_PEOPLE_FIELDS},
    "publication_type": "",  # the bibliography's own facets, empty on every other kind
    "research_method": "",
}


@pytest.fixture
def portuguese() -> Language:
    return Language.objects.get_or_create(code="pt", defaults={"label": "Portuguese"})[0]


def assert_schema_shape(doc: dict) -> None:
    assert set(doc) == SCHEMA_FIELDS
    for name in MULTI_VALUED | {"article_ref", *NUMBER_FIELDS}:
        assert isinstance(doc[name], list), name
    for name in set(KEYWORD_FIELDS) - MULTI_VALUED:
        assert isinstance(doc[name], str), name
    assert doc["type"] in DOC_KINDS.values()
    assert json.loads(json.dumps(doc)) == doc  # plain JSON values only


def test_provision_document(portuguese):
    law = LawFactory(
        title="Law on Trafficking in Persons",
        original_title="Lei de Tráfico de Pessoas",
        number="Law No. 13.344/2016",
        legal_status=LegalStatus.AMENDED,
    )
    subtype = CrimeSubType.objects.filter(crime_type__code="trafficking-in-persons", facet="means").first()
    prov = ProvisionFactory(
        law=law,
        label="Art. 149-A",
        heading="Tráfico de pessoas",
        text="Agenciar, aliciar, recrutar, transportar pessoa mediante grave ameaça.",
        text_en="Recruiting or transporting a person by means of serious threat.",
        language=portuguese,
        tags={
            "articles": ["TIP-3", ("UNTOC-5", "1(a)"), ("UNTOC-5", "2")],
            "crime_types": ["trafficking-in-persons"],
            "issues": ["investigation.sit.undercover"],
        },
    )
    prov.crime_subtypes.add(subtype)
    law.refresh_from_db()

    docs, missing = documents_for("provision", [prov.pk])

    assert missing == []
    assert docs == [
        {
            "id": f"provision:{prov.pk}",
            "type": "legislation",
            "record_id": prov.pk,
            "parent_id": law.pk,
            "version": law.updated_at.isoformat(),
            "url": f"/laws/{law.pk}/#provision-{prov.pk}",
            "title": "Law on Trafficking in Persons: Art. 149-A Tráfico de pessoas",
            "subtitle": "Brazil · Law No. 13.344/2016",
            "texts": {
                "pt": {
                    "title": "Lei de Tráfico de Pessoas: Art. 149-A Tráfico de pessoas",
                    "body": "Tráfico de pessoas\n\n"
                    "Agenciar, aliciar, recrutar, transportar pessoa mediante grave ameaça.",
                },
                "en": {
                    "title": "Law on Trafficking in Persons: Art. 149-A",
                    "body": "Recruiting or transporting a person by means of serious threat.",
                },
            },
            "language": "pt",
            "country": "BRA",
            "region": country("BRA").region_codes(),
            "instrument": ["TIP", "UNTOC"],  # each article's own instrument only
            "article": ["TIP-3", "UNTOC-5"],
            "article_ref": ["TIP 3", "UNTOC 5(1)(a)", "UNTOC 5(2)"],
            "crime_type": ["trafficking-in-persons"],
            "crime_subtype": ["trafficking-in-persons.means", subtype.code],  # with its family
            "issue": ["investigation", "investigation.sit", "investigation.sit.undercover"],
            "year": 2016,
            "date": "2016-10-06",
            "court_level": "",
            "legal_status": "amended",
            "role": [],
            **NO_PEOPLE,
            "sort_title": "law on trafficking in persons: art. 149-a tráfico de pessoas",
            "numbers": ["Law No. 13.344/2016"],
        }
    ]
    assert_schema_shape(docs[0])


def test_region_codes_come_from_the_m49_hierarchy():
    bra = country("BRA")
    assert bra.region_codes() == [bra.region.code, bra.subregion.code, bra.intermediate_region.code]
    prov = ProvisionFactory()
    (doc,), _ = documents_for("provision", [prov.pk])
    assert doc["region"] == bra.region_codes() and len(doc["region"]) == 3


def test_tip_article_gives_only_its_own_instrument():
    prov = ProvisionFactory(tags={"articles": ["TIP-5"]})
    (doc,), _ = documents_for("provision", [prov.pk])
    assert doc["instrument"] == ["TIP"]
    assert doc["article"] == ["TIP-5"]


def test_provision_year_falls_back_to_entry_into_force_and_english_text_is_not_duplicated():
    law = LawFactory(adoption_date=None, entry_into_force_date=dt.date(2018, 3, 1), number="")
    prov = ProvisionFactory(law=law, text_en="Same language", heading="")
    (doc,), _ = documents_for("provision", [prov.pk])
    assert (doc["year"], doc["date"]) == (2018, "2018-03-01")
    assert list(doc["texts"]) == ["en"]  # provision already in English: text_en is not a second "en"
    assert doc["subtitle"] == "Brazil"
    assert doc["title"] == f"{law.title}: {prov.label}"


@pytest.mark.parametrize("status", [s for s in PublicationStatus if s != PublicationStatus.PUBLISHED])
def test_provisions_of_unpublished_laws_are_missing(status):
    prov = ProvisionFactory(law=LawFactory(status=status))
    docs, missing = documents_for("provision", [prov.pk, 999_999])
    assert docs == []
    assert missing == [f"provision:{prov.pk}", "provision:999999"]
    assert list(iter_documents("provision")) == []
    assert expected_versions("provision") == {}


def test_case_document():
    court = CourtFactory(name="Supreme Federal Court", level=CourtLevel.HIGHEST)
    case = CaseFactory(
        title="Prosecutor v. A.B.",
        court=court,
        decision_date=dt.date(2021, 2, 3),
        case_number="HCCR 123/2019",
        keywords=["debt bondage", "forced labour"],
        fact_summary="Workers were held in debt bondage.",
        legal_reasoning="The court found coercion.",
        commentary="Leading case.",
        sentence="Eight years.",
        tags={"articles": [("UNTOC-18", "13")], "crime_types": ["trafficking-in-persons"], "issues": ["liability"]},
    )
    CaseAttachment.objects.create(case=case, file="attachments/judgment.pdf", extracted_text="Full judgment text.")
    CaseAttachment.objects.create(case=case, file="attachments/empty.pdf", extracted_text="")
    case.refresh_from_db()

    (doc,), missing = documents_for("case", [case.pk])

    assert missing == []
    assert_schema_shape(doc)
    assert doc == {
        "id": f"case:{case.pk}",
        "type": "case",
        "record_id": case.pk,
        "parent_id": None,
        "version": case.updated_at.isoformat(),
        "url": f"/cases/{case.pk}/",
        "title": "Prosecutor v. A.B.",
        "subtitle": "Brazil · Supreme Federal Court · 2021-02-03",
        "texts": {
            "en": {
                "title": "Prosecutor v. A.B.",
                "body": "Workers were held in debt bondage.\n\nThe court found coercion.\n\nLeading case.\n\n"
                "Eight years.\n\ndebt bondage, forced labour\n\nFull judgment text.",
            }
        },
        "language": "en",
        "country": "BRA",
        "region": country("BRA").region_codes(),
        "instrument": ["UNTOC"],
        "article": ["UNTOC-18"],
        "article_ref": ["UNTOC 18(13)"],
        "crime_type": ["trafficking-in-persons"],
        "crime_subtype": [],
        "issue": ["liability"],
        "year": 2021,
        "date": "2021-02-03",
        "court_level": "highest",
        "legal_status": "",
        "role": [],
        **NO_PEOPLE,
        "procedural_stage": case.procedural_stage,
        "sort_title": "prosecutor v. a.b.",
        "numbers": [case.portal_number, "HCCR 123/2019"],  # found by the search box (search/numbers.py)
    }


def test_unpublished_case_is_missing():
    draft = CaseFactory(status=PublicationStatus.IN_REVIEW)
    published = CaseFactory()
    docs, missing = documents_for("case", [draft.pk, published.pk])
    assert [d["record_id"] for d in docs] == [published.pk]
    assert missing == [f"case:{draft.pk}"]


def test_authority_document_has_public_fields_only():
    french = lang("fr")
    auth = AuthorityFactory(
        name="Bureau de l'entraide pénale internationale",
        country=country("FRA"),
        original_language=french,
        roles=["mla-central", "extradition"],
        articles=[("UNTOC-18", "13"), "UNTOC-16"],
        address="13 place Vendôme, Paris",
        phone="+33 1 44 77 60 60",
        fax="+33 1 44 77 61 22",
        email="beipi@justice.example",
        website="https://justice.example/beipi",
        contact_person="Jeanne Secret",
        office_hours="Mon-Fri 09:00-17:00",
        time_zone="Europe/Paris",
        legal_requirements="Requests must cite the treaty",
        procedural_requirements="Send two originals",
    )
    (doc,), _ = documents_for("authority", [auth.pk])

    assert_schema_shape(doc)
    assert doc["title"] == "Bureau de l'entraide pénale internationale"
    assert doc["role"] == ["extradition", "mla-central"]
    assert doc["article"] == ["UNTOC-16", "UNTOC-18"]
    assert doc["article_ref"] == ["UNTOC 16", "UNTOC 18(13)"]
    assert doc["country"] == "FRA" and doc["language"] == "fr"
    assert set(doc["texts"]) == {"fr", "en"}
    assert doc["texts"]["fr"]["title"] == auth.name
    roles = list(auth.roles.order_by("sort_order"))
    assert doc["texts"]["en"]["body"] == "\n".join(r.label for r in roles)
    assert doc["texts"]["fr"]["body"] == "\n".join(r.label_in("fr") for r in roles)
    assert (doc["year"], doc["date"], doc["court_level"], doc["legal_status"]) == (None, None, "", "")
    dumped = json.dumps(doc, ensure_ascii=False)
    auth.refresh_from_db()
    for name in CompetentAuthority.CONTACT_FIELDS:
        value = getattr(auth, name)
        if isinstance(value, str) and value:
            assert value not in dumped, f"contact field {name} leaked into the search document"
    for needle in ("Vendôme", "44 77", "beipi@", "Jeanne", "09:00", "Europe/Paris", "two originals"):
        assert needle not in dumped


def test_authority_role_labels_are_searchable_text():
    auth = AuthorityFactory(roles=["extradition"])
    (doc,), _ = documents_for("authority", [auth.pk])
    role = auth.roles.get()
    assert doc["texts"] == {"en": {"title": auth.name, "body": role.label}}
    assert role.label in doc["subtitle"]


def test_unpublished_authority_is_missing():
    auth = AuthorityFactory(status=PublicationStatus.WITHDRAWN)
    assert documents_for("authority", [auth.pk]) == ([], [f"authority:{auth.pk}"])


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [("", "UNTOC 18"), ("13", "UNTOC 18(13)"), ("1(a)", "UNTOC 18(1)(a)"), ("(1)(a)", "UNTOC 18(1)(a)")],
)
def test_article_ref(paragraph, expected):
    assert article_ref("UNTOC", 18, paragraph) == expected


def make_records(n: int) -> None:
    for i in range(n):
        law = LawFactory()
        for _ in range(3):
            ProvisionFactory(
                law=law,
                tags={"articles": ["TIP-3", ("UNTOC-5", "1")], "crime_types": ["corruption"], "issues": ["liability"]},
            )
        case = CaseFactory(tags={"articles": ["UNTOC-18"], "crime_types": ["corruption"], "issues": ["liability"]})
        CaseAttachment.objects.create(case=case, file=f"attachments/{i}.pdf", extracted_text="judgment")
        AuthorityFactory(articles=["UNTOC-18"])


# Vocabularies 7; per batch: rows 1 + tag relations (provision 4 + the laws' attachment texts 1, case 5,
# authority 3).
def max_queries(batches_per_kind: int) -> int:
    # case: + people, charges; + 4: the one (empty) rows query of strategies, of explanatory materials, of
    # bibliography entries and of article guidance, which make_records has none of
    return 7 + batches_per_kind * ((1 + 4 + 1) + (1 + 5 + 2) + (1 + 3)) + 4


@pytest.mark.parametrize("n", [2, 12])
def test_iter_documents_query_count_is_bounded(n, django_assert_max_num_queries):
    make_records(n)
    with django_assert_max_num_queries(max_queries(batches_per_kind=1)):
        docs = list(iter_documents(batch_size=2000))
    assert len(docs) == n * 5
    assert len({d["id"] for d in docs}) == n * 5


def test_iter_documents_batches(django_assert_max_num_queries):
    make_records(6)  # 18 provisions, 6 cases, 6 authorities
    with django_assert_max_num_queries(max_queries(batches_per_kind=4)):
        docs = list(iter_documents(batch_size=5))
    assert len(docs) == 30
    assert [d["id"] for d in docs] == [d["id"] for d in iter_documents(batch_size=2000)]
    assert len(list(iter_documents("case", batch_size=2))) == 6


def test_documents_for_query_count_is_bounded(django_assert_max_num_queries):
    make_records(5)
    from legislation.models import Provision

    pks = list(Provision.objects.values_list("pk", flat=True))
    with django_assert_max_num_queries(7 + 1 + 4 + 1):
        docs, missing = documents_for("provision", pks + [10**9])
    assert len(docs) == len(pks) and missing == [f"provision:{10**9}"]


def test_expected_versions_match_documents(django_assert_num_queries):
    make_records(3)
    CaseFactory(status=PublicationStatus.DRAFT)
    docs = {d["id"]: d["version"] for d in iter_documents()}
    with django_assert_num_queries(len(KINDS)):  # one values query per document kind
        expected = expected_versions()
    assert expected == docs
    assert expected_count() == len(docs) == 15


def test_unknown_kind_is_rejected():
    with pytest.raises(ValueError, match="Unknown document kind"):
        list(iter_documents("law"))


def test_case_people_and_charges_become_facet_values():
    """Genders, nationalities and age bands per role; verdicts; sentence bands of convictions only; legal
    persons; the number of people charged (groups by their stated size). Unknown stays out."""
    case = CaseFactory()
    nga, bra = country("NGA"), country("BRA")
    victim = PersonFactory(
        case=case, role=PersonRole.VICTIM, name="M.R.", gender="female", age_at_offence=16, nationality=nga
    )
    PersonFactory(case=case, role=PersonRole.VICTIM, name="A.B.", gender="unknown", age_at_offence=None)
    PersonFactory(case=case, role=PersonRole.VICTIM, kind=PersonKind.LEGAL_PERSON, name="X.Y.")
    boss = PersonFactory(case=case, gender="male", age_at_offence=41, nationality=bra)
    PersonFactory(case=case, kind=PersonKind.GROUP, name="Crew", group_size=4)
    PersonFactory(case=case, role=PersonRole.WITNESS, gender="other", age_at_offence=70, nationality=country("FRA"))
    ChargeFactory(defendant=boss, verdict=Verdict.CONVICTED, sentence_months=96)
    ChargeFactory(defendant=boss, verdict=Verdict.ACQUITTED, sentence_months=300)  # not a conviction: no band
    assert victim.pk
    (doc,), _ = documents_for("case", [case.pk])
    assert_schema_shape(doc)
    assert {name: doc[name] for name in CASE_PEOPLE_FIELDS} == {
        "procedural_stage": "trial",
        "verdict": ["acquitted", "convicted"],
        "sentence_band": ["5_10"],
        "victim_gender": ["female"],
        "victim_nationality": ["NGA"],
        "victim_age": ["12_17"],
        "defendant_gender": ["male"],
        "defendant_nationality": ["BRA"],
        "defendant_age": ["35_49"],
        "legal_person": ["victim"],
        "group_size": "3_9",  # one person and a group of four: five people charged
    }


def test_group_of_unstated_size_leaves_the_number_charged_unknown():
    case = CaseFactory()
    PersonFactory(case=case)
    PersonFactory(case=case, kind=PersonKind.GROUP, name="Crew", group_size=None)
    (doc,), _ = documents_for("case", [case.pk])
    assert doc["group_size"] == ""
    PersonFactory(case=case, kind=PersonKind.LEGAL_PERSON, name="Acme Ltd")
    case.save()
    (doc,), _ = documents_for("case", [case.pk])
    assert doc["legal_person"] == ["defendant"] and doc["group_size"] == ""


@pytest.mark.parametrize(
    ("function", "value", "band"),
    [
        (age_band, None, None),
        (age_band, 0, "under_12"),
        (age_band, 11, "under_12"),
        (age_band, 12, "12_17"),
        (age_band, 17, "12_17"),
        (age_band, 18, "18_24"),
        (age_band, 49, "35_49"),
        (age_band, 50, "50_plus"),
        (sentence_band, 11, "under_1"),
        (sentence_band, 12, "1_5"),
        (sentence_band, 59, "1_5"),
        (sentence_band, 60, "5_10"),
        (sentence_band, 240, "20_plus"),
        (sentence_band, None, None),
        (group_size_band, 0, None),
        (group_size_band, 1, "1"),
        (group_size_band, 3, "3_9"),
        (group_size_band, 10, "10_plus"),
    ],
)
def test_bands_are_lower_bound_inclusive(function, value, band):
    assert function(value) == band
