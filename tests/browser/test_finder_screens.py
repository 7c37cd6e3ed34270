"""The three screens of issue #18 in a real browser, in the six languages, with screenshots written to a
temporary directory (SHERLOC_SCREENSHOTS, else pytest's tmp_path): the authority finder on a country
profile, a provision with the cases that applied it, a case search filtered by victim nationality and
verdict (ticked in the sidebar)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LANGUAGES = ("en", "fr", "es", "ru", "zh-hans", "ar")


@pytest.fixture
def shots(tmp_path) -> Path:  # noqa: ANN001
    folder = Path(os.environ.get("SHERLOC_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def finder_site(site):  # noqa: ANN001, ANN201
    """The web data set plus Nigerian victims: one case convicted, one acquitted (indexed by the signals)."""
    from caselaw.models import Charge, Gender, Person, PersonRole, Verdict
    from tests.factories import AuthorityFactory, CaseFactory, ProvisionFactory, country

    base, data = site
    ProvisionFactory(
        law=data.law, order=5, label="Art. 9", heading="Central authority", tags={"articles": [("UNTOC-18", "13")]}
    )
    data.law.save()  # re-index the law with its new provision
    AuthorityFactory(name="Federal Police International Cooperation", roles=["police-cooperation"])
    for title, verdict in (("Prosecutor v. Okon", Verdict.CONVICTED), ("Prosecutor v. Adeyemi", Verdict.ACQUITTED)):
        case = CaseFactory(title=title, tags={"articles": ["TIP-3"], "crime_types": ["trafficking-in-persons"]})
        Person.objects.create(
            case=case, role=PersonRole.VICTIM, name="V.N.", gender=Gender.FEMALE, nationality=country("NGA")
        )
        defendant = Person.objects.create(case=case, role=PersonRole.DEFENDANT, name="A. Defendant")
        Charge.objects.create(
            case=case,
            defendant=defendant,
            statute="Penal Code art. 149-A",
            provision=data.provisions[0],
            verdict=verdict,
        )
        case.save()  # the charge and people reach the index through the case's signals too
    return base, data


@pytest.mark.parametrize("language", LANGUAGES)
def test_authority_finder_on_a_country_profile(page, finder_site, shots, language) -> None:  # noqa: ANN001
    base, data = finder_site
    page.goto(f"{base}/{language}/countries/BRA/")
    box = page.locator(".authority-finder")
    roles = box.locator("h3.authority-role")
    assert roles.count() == 2
    assert "role=mla-central" in roles.first.locator("a").get_attribute("href")  # central authority first
    assert box.locator(f"a[href='/{language}/authorities/{data.authority.pk}/']").count() == 1
    box.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"authority-finder-{language}.png"), full_page=True)
    box.locator(f"a[href='/{language}/authorities/{data.authority.pk}/']").click()
    page.wait_for_url(re.compile(rf"/{language}/authorities/{data.authority.pk}/$"))
    laws = page.locator("#designation-laws").locator("xpath=..")
    assert (
        laws.locator(f"a[href^='/{language}/laws/{data.law.pk}/#provision-']").count() == 1
    )  # art. 18(13) -> UNTOC-18
    laws.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"authority-designation-law-{language}.png"))
    with page.expect_download() as download:
        page.locator(".vcard-link a").click()
    assert download.value.suggested_filename.endswith(".vcf")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_provision_with_its_cases(page, finder_site, shots, language) -> None:  # noqa: ANN001
    base, data = finder_site
    provision = data.provisions[0]
    page.goto(f"{base}/{language}/laws/{data.law.pk}/#provision-{provision.pk}")
    cited = page.locator(f"#provision-{provision.pk} .cited-by")
    titles = cited.locator("li a").all_inner_texts()
    assert {"Public Prosecutor v. Silva and others", "Prosecutor v. Okon", "Prosecutor v. Adeyemi"} <= set(titles)
    cited.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"provision-cases-{language}.png"))
    cited.locator("li a", has_text="Prosecutor v. Okon").click()
    page.wait_for_url(re.compile(rf"/{language}/cases/\d+/$"))
    assert page.locator("h1").inner_text().strip() == "Prosecutor v. Okon"


@pytest.mark.parametrize("language", LANGUAGES)
def test_case_search_by_victim_nationality_and_verdict(page, finder_site, shots, language) -> None:  # noqa: ANN001
    base, _ = finder_site
    page.goto(f"{base}/{language}/search/?type=case")
    page.check("#f-victim_nationality-NGA")  # autosubmits
    page.wait_for_url(re.compile(r"victim_nationality=NGA"))
    page.check("#f-verdict-convicted")
    page.wait_for_url(re.compile(r"verdict=convicted"))
    assert "victim_nationality=NGA" in page.url and "type=case" in page.url
    assert page.locator(".result h3").all_inner_texts() == ["Prosecutor v. Okon"]
    assert page.locator("#f-victim_nationality-NGA").is_checked() and page.locator("#f-verdict-convicted").is_checked()
    assert page.locator(".chip").count() == 2
    page.screenshot(path=str(shots / f"case-search-people-{language}.png"), full_page=True)
