"""Treaty status on the country profile, the instrument page and the coverage matrix (issue #16 Done-when)."""

import datetime as dt
import re

import pytest

from tests.factories import AuthorityFactory, TreatyStatusFactory, article, country
from treaties.models import Declaration, Notification

pytestmark = pytest.mark.django_db


def _instrument(code: str):  # noqa: ANN202
    from taxonomy.models import Instrument

    return Instrument.objects.get(code=code)


@pytest.fixture
def brazil() -> dict:
    """Brazil: party to the Convention and two Protocols, signatory of the Firearms Protocol, with a reservation
    and an 18(13) notification designating a published authority."""
    authority = AuthorityFactory(country=country("BRA"), name="Synthetic Central Authority for MLA")
    untoc = TreatyStatusFactory(country=country("BRA"), instrument=_instrument("UNTOC"))
    Declaration.objects.create(
        status=untoc, kind="reservation", article=article("UNTOC-35"), text="Not bound by article 35(2).", order=1
    )
    notification = Notification.objects.create(
        status=untoc,
        article=article("UNTOC-18"),
        paragraph="13",
        text="The central authority is the synthetic central authority.",
        date=dt.date(2004, 3, 1),
        authority=authority,
    )
    TreatyStatusFactory(
        country=country("BRA"),
        instrument=_instrument("TIP"),
        signature_date=dt.date(2000, 12, 12),
        consent_kind="accession",
        consent_date=dt.date(2004, 1, 29),
        entry_into_force_date=dt.date(2004, 3, 28),
    )
    TreatyStatusFactory(country=country("BRA"), instrument=_instrument("SOM"), consent_date=dt.date(2004, 1, 29))
    TreatyStatusFactory(
        country=country("BRA"),
        instrument=_instrument("FIREARMS"),
        signature_date=dt.date(2001, 11, 14),
        consent_kind="",
        consent_date=None,
        entry_into_force_date=None,
    )
    return {"authority": authority, "notification": notification}


def test_country_profile_shows_status_for_the_four_instruments(client, brazil) -> None:  # noqa: ANN001
    html = client.get("/en/countries/BRA/").content.decode()
    section = html[html.index('id="treaty-status"') :]
    table = section[: section.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    assert len(rows) == 4  # one per instrument, in the instruments' order
    assert "Ratification" in rows[0] and 'datetime="2004-01-29"' in rows[0] and 'datetime="2004-02-28"' in rows[0]
    assert "Accession" in rows[1] and 'datetime="2004-03-28"' in rows[1]
    assert "Not a party" in rows[3] and 'datetime="2001-11-14"' in rows[3]
    assert "Reservation" in section and "Not bound by article 35(2)." in section
    assert "/en/instruments/UNTOC/articles/35/" in section


def test_18_13_notification_links_to_its_authority(client, brazil) -> None:  # noqa: ANN001
    html = client.get("/en/countries/BRA/").content.decode()
    section = html[html.index('id="treaty-status"') :]
    assert "Article 18(13)" in section
    assert f'href="/en/authorities/{brazil["authority"].pk}/"' in section


def test_unpublished_authority_is_not_linked(client, brazil) -> None:  # noqa: ANN001
    brazil["authority"].status = "draft"
    brazil["authority"].save()
    html = client.get("/en/countries/BRA/").content.decode()
    section = html[html.index('id="treaty-status"') :]
    assert "Article 18(13)" in section
    assert f"/authorities/{brazil['authority'].pk}/" not in section


def test_country_without_status_says_so(client) -> None:  # noqa: ANN001
    html = client.get("/en/countries/FRA/").content.decode()
    assert html.count("No status recorded.") == 4


def test_instrument_page_counts_parties_and_groups_them_by_region(client, brazil) -> None:  # noqa: ANN001
    TreatyStatusFactory(country=country("FRA"), consent_kind="approval", consent_date=dt.date(2002, 10, 29))
    TreatyStatusFactory(country=country("NGA"), consent_date=dt.date(2001, 6, 28), entry_into_force_date=None)
    TreatyStatusFactory(  # a signatory only: listed, not counted
        country=country("JPN"), consent_kind="", consent_date=None, entry_into_force_date=None
    )
    response = client.get("/en/instruments/UNTOC/")
    treaty = response.context["treaty"]
    assert treaty.parties == 3 and treaty.signatories == 4
    html = response.content.decode()
    assert "<strong>3</strong> parties" in html
    regions = {g.label: [r.status.country.alpha3 for r in g.parties] for g in treaty.regions}
    assert regions == {"Africa": ["NGA"], "Americas": ["BRA"], "Europe": ["FRA"]}
    assert client.get("/en/instruments/FIREARMS/").context["treaty"].parties == 0


def test_instrument_table_sorts_by_query_parameter(client, brazil) -> None:  # noqa: ANN001
    TreatyStatusFactory(
        country=country("FRA"),
        consent_kind="approval",
        consent_date=dt.date(2002, 10, 29),
        entry_into_force_date=dt.date(2003, 9, 29),
    )
    TreatyStatusFactory(country=country("NGA"), consent_date=dt.date(2001, 6, 28), entry_into_force_date=None)

    def order(query: str) -> list[str]:
        return [r.status.country.alpha3 for r in client.get(f"/en/instruments/UNTOC/{query}").context["treaty"].rows]

    assert order("") == ["BRA", "FRA", "NGA"]
    assert order("?sort=-country") == ["NGA", "FRA", "BRA"]
    assert order("?sort=consent") == ["NGA", "FRA", "BRA"]
    assert order("?sort=-consent") == ["BRA", "FRA", "NGA"]
    assert order("?sort=entry_into_force") == ["FRA", "BRA", "NGA"]  # an unknown date last
    assert order("?sort=-entry_into_force") == ["BRA", "FRA", "NGA"]  # ... either way
    assert order("?sort=nonsense") == ["BRA", "FRA", "NGA"]  # an unknown sort is the default, not an error
    html = client.get("/en/instruments/UNTOC/?sort=consent").content.decode()
    assert 'aria-sort="ascending"><a href="?sort=-consent#parties">' in html


def test_coverage_matrix_has_party_since_column(client, brazil) -> None:  # noqa: ANN001
    response = client.get("/en/instruments/UNTOC/coverage/?all=1")
    rows = {row["country"].alpha3: row for row in response.context["rows"]}
    assert rows["BRA"]["party_since"] == dt.date(2004, 1, 29)
    assert rows["FRA"]["party_since"] is None
    html = response.content.decode()
    assert "Party since" in html and '<time datetime="2004-01-29"' in html


def test_instrument_pages_are_in_the_sitemap(client) -> None:  # noqa: ANN001
    assert b"sitemap-instruments.xml" in client.get("/sitemap.xml").content
    listed = client.get("/sitemap-instruments.xml").content.decode()
    for code in ("UNTOC", "TIP", "SOM", "FIREARMS"):
        assert f"/en/instruments/{code}/" in listed and f"/ar/instruments/{code}/" in listed
