"""Citations: per provision, page-head metadata for reference managers, RIS/BibTeX downloads, the citation
box in the reader's language and direction."""

from __future__ import annotations

import datetime as dt
import re

import bibtexparser
import pytest
import rispy

from sherloc.models import PublicationStatus
from tests.factories import CaseFactory, LawFactory, ProvisionFactory

pytestmark = pytest.mark.django_db


def html(response) -> str:  # noqa: ANN001
    assert response.status_code == 200
    return response.content.decode()


def metas(page: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, content in re.findall(r'<meta name="([^"]+)" content="([^"]*)">', page):
        found.setdefault(name, []).append(content)
    return found


def test_law_page_head_carries_highwire_and_dublin_core_metadata(client, web_data) -> None:  # noqa: ANN001
    page = html(client.get(web_data.law.get_absolute_url()))
    tags = metas(page)
    assert tags["citation_title"] == ["Law on Trafficking in Persons"]
    assert tags["DC.title"] == ["Law on Trafficking in Persons"]
    assert tags["citation_language"] == ["pt"]
    assert tags["DC.identifier"] == [f"http://testserver{web_data.law.get_absolute_url()}"]
    assert f'href="/cite/law/{web_data.law.pk}.ris"' in page and f'href="/cite/law/{web_data.law.pk}.bib"' in page


def test_case_page_head_keeps_a_partial_date_partial(client) -> None:  # noqa: ANN001
    case = CaseFactory(decision_date=dt.date(2018, 1, 1), decision_date_precision="year")
    tags = metas(html(client.get(case.get_absolute_url())))
    assert tags["citation_date"] == ["2018"] and tags["DC.date"] == ["2018"]
    assert tags["citation_title"] == [case.title]


def test_law_ris_download_parses_back(client, web_data) -> None:  # noqa: ANN001
    response = client.get(f"/cite/law/{web_data.law.pk}.ris")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert f'filename="sherloc-law-{web_data.law.pk}.ris"' in response["Content-Disposition"]
    (entry,) = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "STAT"
    assert entry["title"] == "Law on Trafficking in Persons"
    assert entry["number"] == "13.344/2016"
    assert entry["place_published"] == "Brazil"
    assert entry["urls"] == [f"http://testserver{web_data.law.get_absolute_url()}"]


def test_provision_has_its_own_citation_and_files(client, web_data) -> None:  # noqa: ANN001
    provision = web_data.provisions[0]
    page = html(client.get(web_data.law.get_absolute_url()))
    box = page.split(f'id="cite-provision-{provision.pk}"', 1)[1].split("</p>", 1)[0].replace("<wbr>", "")
    assert "<bdi>Art. 149-A</bdi>" in box and "<bdi>Law on Trafficking in Persons</bdi>" in box
    assert f"#provision-{provision.pk}</bdi>" in box
    (entry,) = rispy.loads(client.get(f"/cite/provision/{provision.pk}.ris").content.decode())
    assert entry["section"] == "Art. 149-A"
    assert entry["secondary_title"] == "Law on Trafficking in Persons"
    assert entry["urls"][0].endswith(f"#provision-{provision.pk}")
    library = bibtexparser.parse_string(client.get(f"/cite/provision/{provision.pk}.bib").content.decode())
    (bib,) = library.entries
    assert bib.fields_dict["title"].value == "Law on Trafficking in Persons, Art. 149-A"


def test_case_bibtex_parses_back_with_special_characters(client) -> None:  # noqa: ANN001
    case = CaseFactory(
        title="State v. A & B {appeal} 100%",
        case_number="12/2019",
        decision_date=dt.date(2019, 3, 1),
        decision_date_precision="month",
    )
    response = client.get(f"/cite/case/{case.pk}.bib")
    assert response["Content-Type"].startswith("application/x-bibtex")
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {k: f.value for k, f in entry.fields_dict.items()}
    assert fields["title"] == r"State v. A \& B (appeal) 100\%"
    assert fields["year"] == "2019" and fields["date"] == "2019-03"
    assert fields["number"] == "12/2019"


@pytest.mark.parametrize(
    "url",
    ["/cite/law/{law}.pdf", "/cite/authority/{law}.ris", "/cite/law/{draft}.ris", "/cite/case/{draft_case}.bib"],
)
def test_unknown_format_kind_or_unpublished_record_is_a_404(client, web_data, url) -> None:  # noqa: ANN001
    path = url.format(law=web_data.law.pk, draft=web_data.draft_law.pk, draft_case=web_data.draft_case.pk)
    assert client.get(path).status_code == 404


def test_provision_of_an_unpublished_law_has_no_citation(client) -> None:  # noqa: ANN001
    provision = ProvisionFactory(law=LawFactory(status=PublicationStatus.DRAFT), order=1)
    assert client.get(f"/cite/provision/{provision.pk}.ris").status_code == 404


def test_arabic_citation_box_isolates_each_part_and_localises_dates(client) -> None:  # noqa: ANN001
    case = CaseFactory(
        title="Public Prosecutor v. Silva", decision_date=dt.date(2025, 7, 13), decision_date_precision="day"
    )
    page = html(client.get(case.get_absolute_url().replace("/en/", "/ar/", 1)))
    cite = re.search(r'<p class="cite-text" id="cite-text">(.*?)</p>', page, re.S).group(1).replace("<wbr>", "")
    assert "<bdi>Public Prosecutor v. Silva</bdi>" in cite
    assert "<bdi>13 يوليو، 2025</bdi>" in cite  # the decision date in Arabic, not 2025-07-13
    assert re.search(r'<bdi class="cite-url" dir="ltr">http://testserver/ar/cases/\d+/</bdi>', cite)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", re.sub(r'datetime="[^"]*"', "", cite))  # no ISO date shown
