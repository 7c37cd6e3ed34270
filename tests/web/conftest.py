"""A small, realistic published/unpublished data set for the web pages, indexed for the search page.

`transaction.on_commit` never fires inside the test transaction, so the fixture builds the index
explicitly (search.indexing.rebuild) after creating the records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile

from caselaw.models import Charge, Gender, Person, PersonKind, PersonRole, Verdict
from legislation.models import LawAttachment
from sherloc.models import PublicationStatus
from taxonomy.models import Language
from tests.factories import (
    AuthorityFactory,
    CaseFactory,
    LawFactory,
    ProvisionFactory,
    country,
)


@dataclass
class WebData:
    law: object
    law_fr: object
    draft_law: object
    provisions: list
    case: object
    draft_case: object
    authority: object
    draft_authority: object


@pytest.fixture(autouse=True)
def _fresh_cache():  # noqa: ANN202
    """The home page caches its counts: every test starts from an empty cache."""
    cache.clear()
    yield
    cache.clear()


def portuguese() -> Language:
    return Language.objects.get_or_create(code="pt", defaults={"label": "Portuguese"})[0]


def build_web_data() -> WebData:
    """Records in two countries, every family, with drafts next to them. Used by web and browser tests."""
    pt = portuguese()
    law = LawFactory(
        title="Law on Trafficking in Persons",
        original_title="Lei de Tráfico de Pessoas",
        number="13.344/2016",
        original_language=pt,
        source_url="https://www.planalto.gov.br/ccivil_03/_ato2015-2018/2016/lei/l13344.htm",
        published_at=dt.datetime(2024, 5, 1, tzinfo=dt.UTC),
    )
    provisions = [
        ProvisionFactory(
            law=law,
            order=1,
            label="Art. 149-A",
            heading="Tráfico de pessoas",
            text="Agenciar, aliciar, recrutar, transportar, transferir, comprar, alojar ou acolher pessoa, mediante "
            "grave ameaça, violência, coação, fraude ou abuso, com a finalidade de exploração.",
            text_en="To recruit, transport, transfer, buy, house or receive a person by means of serious threat, "
            "violence, coercion, fraud or abuse for the purpose of exploitation.",
            language=pt,
            tags={
                "articles": ["TIP-3", ("TIP-5", "1")],
                "crime_types": ["trafficking-in-persons"],
                "issues": ["liability.principal"],
            },
        ),
        ProvisionFactory(
            law=law,
            order=2,
            label="Art. 2",
            heading="Princípios",
            text="O enfrentamento ao tráfico de pessoas atende aos princípios da dignidade da pessoa humana.",
            language=pt,
            tags={"articles": [("UNTOC-5", "1(a)")], "crime_types": ["organized-criminal-group"]},
        ),
    ]
    LawAttachment.objects.create(law=law, title="Official Gazette", file=ContentFile(b"%PDF-1.4", name="gazette.pdf"))
    law_fr = LawFactory(
        country=country("FRA"),
        title="Code pénal, traite des êtres humains",
        number="225-4-1",
        published_at=dt.datetime(2024, 6, 1, tzinfo=dt.UTC),
    )
    provisions.append(
        ProvisionFactory(
            law=law_fr,
            order=1,
            label="Article 225-4-1",
            heading="Traite des êtres humains",
            text="La traite des êtres humains est le fait de recruter une personne en vue de l'exploiter.",
            language=Language.objects.get(code="fr"),
            tags={"articles": ["TIP-3", ("UNTOC-18", "13")], "crime_types": ["trafficking-in-persons"]},
        )
    )
    draft_law = LawFactory(title="Draft bill on smuggling", status=PublicationStatus.DRAFT)
    ProvisionFactory(law=draft_law, order=1, text="Secret draft provision about smuggling.")

    case = CaseFactory(
        title="Public Prosecutor v. Silva and others",
        portal_number="BRA001",
        keywords=["debt bondage", "false job offers"],
        commentary="First conviction under the new law.",
        legal_reasoning="The court held that consent is irrelevant where deception is used.",
        sentence="Eight years of imprisonment.",
        published_at=dt.datetime(2024, 7, 1, tzinfo=dt.UTC),
        tags={"articles": [("TIP-3", "a")], "crime_types": ["trafficking-in-persons"], "issues": ["liability"]},
    )
    silva = Person.objects.create(case=case, order=1, role=PersonRole.DEFENDANT, name="Joao Silva", gender=Gender.MALE)
    Person.objects.create(
        case=case, order=2, role=PersonRole.VICTIM, name="M.R.", gender=Gender.FEMALE, age_at_offence=17
    )
    Person.objects.create(
        case=case, order=3, role=PersonRole.WITNESS, name="Labour inspectors", kind=PersonKind.GROUP, group_size=3
    )
    Charge.objects.create(
        case=case,
        defendant=silva,
        statute="Penal Code art. 149-A",
        provision=provisions[0],
        verdict=Verdict.CONVICTED,
        sentence="8 years",
    )
    draft_case = CaseFactory(title="Unpublished case", portal_number="BRA999", status=PublicationStatus.IN_REVIEW)

    authority = AuthorityFactory(
        name="Department of Asset Recovery and International Legal Cooperation",
        address="SCN Quadra 6, Brasília",
        contact_person="Director of DRCI",
        articles=[("UNTOC-18", "13")],
        published_at=dt.datetime(2024, 8, 1, tzinfo=dt.UTC),
    )
    draft_authority = AuthorityFactory(name="Draft authority", status=PublicationStatus.DRAFT)

    from search.indexing import rebuild

    rebuild()
    return WebData(law, law_fr, draft_law, provisions, case, draft_case, authority, draft_authority)


@pytest.fixture
def web_data(db) -> WebData:  # noqa: ANN001
    return build_web_data()
