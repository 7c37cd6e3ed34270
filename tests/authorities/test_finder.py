"""The authority finder: the country profile's box by designation, an authority's links to its country's law
on the articles of its designation, and the vCard of one authority (parsed back)."""

from __future__ import annotations

import re

import pytest

from authorities.designations import basis_articles
from authorities.vcard import MAX_OCTETS
from sherloc.access import PRACTITIONERS
from sherloc.models import PublicationStatus
from tests.factories import AuthorityFactory, LawFactory, ProvisionFactory, UserFactory, country

pytestmark = pytest.mark.django_db
LANGUAGES = ("en", "fr", "es", "ru", "zh-hans", "ar")


# --- vCard parsing (RFC 6350), written for the test: unfold, split, unescape -----------------------
def parse_vcard(text: str) -> list[tuple[str, dict[str, str], str]]:
    assert text.startswith("BEGIN:VCARD\r\n") and text.endswith("END:VCARD\r\n")
    assert "\n" not in text.replace("\r\n", "")  # every line ends with CRLF
    for line in text.split("\r\n"):
        assert len(line.encode()) <= MAX_OCTETS, line
    unfolded = text.replace("\r\n ", "").split("\r\n")[:-1]
    properties = []
    for line in unfolded:
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        properties.append((name, dict(p.split("=", 1) for p in params), value))
    return properties


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def split_unescaped(value: str, separator: str) -> list[str]:
    return [unescape(part) for part in re.split(r"(?<!\\)" + re.escape(separator), value)]


def card(client, authority) -> dict[str, list[tuple[dict, str]]]:  # noqa: ANN001
    response = client.get(f"/en/authorities/{authority.pk}/vcard/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    found: dict[str, list] = {}
    for name, params, value in parse_vcard(response.content.decode()):
        found.setdefault(name, []).append((params, value))
    return found


def test_vcard_for_everyone_holds_the_public_fields_only(client) -> None:  # noqa: ANN001
    authority = AuthorityFactory(
        name="Ministry of Justice; Department of Asset Recovery, DRCI", roles=["mla-central", "extradition"]
    )
    props = card(client, authority)
    assert props["VERSION"] == [({}, "4.0")] and props["KIND"] == [({}, "org")]
    assert unescape(props["FN"][0][1]) == authority.name
    assert split_unescaped(props["CATEGORIES"][0][1], ",") == [
        "Central authority for mutual legal assistance",
        "Extradition",
    ]
    assert split_unescaped(props["ADR"][0][1], ";") == ["", "", "", "", "", "", "Brazil"]
    assert "TEL" not in props and "EMAIL" not in props  # contact details are for practitioners
    assert props["URL"][0][1] == f"http://testserver/en/authorities/{authority.pk}/"


def test_vcard_for_a_practitioner_holds_the_contact_details_folded_and_escaped(client) -> None:  # noqa: ANN001
    name = "وزارة العدل، إدارة استرداد الأصول والتعاون القانوني الدولي; Department, with a long name that must fold"
    authority = AuthorityFactory(
        name=name,
        address="SCN Quadra 6, Bloco A\nBrasília; DF",
        fax="+55 61 2025 9999",
        time_zone="America/Sao_Paulo",
        languages_accepted=["pt", "en"],
    )
    client.force_login(UserFactory(groups=[PRACTITIONERS]))
    props = card(client, authority)
    assert unescape(props["FN"][0][1]) == name  # multi-byte text folded without breaking a character
    assert split_unescaped(props["ADR"][0][1], ";")[2] == "SCN Quadra 6, Bloco A\nBrasília; DF"
    assert all(params["VALUE"] == "text" for params, _ in props["TEL"])
    phones = {params["TYPE"]: value for params, value in props["TEL"]}
    assert phones == {"work,voice": "+55 61 2025 0000", "work,fax": "+55 61 2025 9999"}
    assert props["EMAIL"] == [({"TYPE": "work"}, "central.authority@example.gov")]
    assert [value for _, value in props["LANG"]] == ["pt", "en"]
    assert props["TZ"][0][1] == "America/Sao_Paulo"


def test_vcard_of_an_unpublished_or_unknown_authority_is_404(client) -> None:  # noqa: ANN001
    draft = AuthorityFactory(status=PublicationStatus.DRAFT)
    assert client.get(f"/en/authorities/{draft.pk}/vcard/").status_code == 404
    assert client.get("/en/authorities/999999/vcard/").status_code == 404


def test_legal_basis_names_the_portals_instruments_only() -> None:
    assert basis_articles("UNTOC art. 18(13); 1988 Convention art. 7(8)") == [("UNTOC", 18)]
    assert basis_articles("Smuggling of Migrants Protocol art. 8") == [("SOM", 8)]
    assert basis_articles("General Assembly resolution 69/196 (guidelines)") == []


def test_authority_page_links_its_countrys_provisions_on_its_designation_article(client) -> None:  # noqa: ANN001
    # Designated as central authority (UNTOC art. 18(13)) with no article tag of its own.
    authority = AuthorityFactory(roles=["mla-central"])
    law = LawFactory(title="Law on International Legal Cooperation")
    ProvisionFactory(
        law=law, order=1, label="Art. 4", heading="Central authority", tags={"articles": [("UNTOC-18", "13")]}
    )
    ProvisionFactory(law=law, order=2, label="Art. 5", tags={"articles": ["UNTOC-5"]})
    ProvisionFactory(law=LawFactory(country=country("FRA")), order=1, label="Art. 694", tags={"articles": ["UNTOC-18"]})
    draft = LawFactory(title="Draft cooperation bill", status=PublicationStatus.DRAFT)
    ProvisionFactory(law=draft, order=1, label="Art. 99", tags={"articles": ["UNTOC-18"]})
    for language in LANGUAGES:
        body = client.get(f"/{language}/authorities/{authority.pk}/").content.decode()
        section = body[body.index('id="designation-laws"') :]
        assert f"/{language}/laws/{law.pk}/#provision-" in section
        assert "Art. 4" in section
        assert "Art. 5" not in section and "Art. 694" not in section and "Art. 99" not in section
        assert f"/{language}/instruments/UNTOC/articles/18/" in section


def test_authority_page_without_provisions_on_its_articles_says_so(client) -> None:  # noqa: ANN001
    authority = AuthorityFactory(roles=["cultural-property"])
    body = client.get(f"/en/authorities/{authority.pk}/").content.decode()
    assert "No published provision of this country is tagged with the articles of this designation yet." in body


def test_country_profile_lists_authorities_by_designation_mla_central_first(client) -> None:  # noqa: ANN001
    extradition = AuthorityFactory(name="Extradition Office", roles=["extradition"])
    central = AuthorityFactory(name="Zeta Central Authority", roles=["mla-central", "police-cooperation"])
    AuthorityFactory(name="Other country's authority", country=country("FRA"))
    AuthorityFactory(name="Draft central authority", status=PublicationStatus.DRAFT)
    labels = {
        "en": "Central authority for mutual legal assistance",
        "fr": "Autorité centrale pour l'entraide judiciaire",
        "ar": "السلطة المركزية المعنية بالمساعدة القانونية المتبادلة",
    }
    for language in LANGUAGES:
        response = client.get(f"/{language}/countries/BRA/")
        groups = response.context["authority_groups"]
        assert [g["role"].code for g in groups] == ["mla-central", "extradition", "police-cooperation"]
        assert [a.pk for a in groups[0]["authorities"]] == [central.pk]
        assert [a.pk for a in groups[1]["authorities"]] == [extradition.pk]
        body = response.content.decode()
        box = body[body.index('class="authority-finder"') : body.index('id="crime-types"')]
        assert "Draft central authority" not in box and "Other country" not in box
        assert f"/{language}/authorities/{central.pk}/vcard/" in box
        assert "role=mla-central" in box and "country=BRA" in box and "type=authority" in box
        if language in labels:
            from django.utils.html import escape

            assert escape(labels[language]) in box
            assert box.index(escape(labels[language])) < box.index("Extradition Office")
