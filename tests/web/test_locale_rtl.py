"""Dates, numbers and direction in the reader's locale: search subtitles formatted at render time, each part
isolated, translations marked with their language, mirrored chevrons, the Arabic review queue."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from sherloc.models import PublicationStatus
from tests.factories import CaseFactory, LawFactory, UserFactory

pytestmark = pytest.mark.django_db


def results_of(page: str) -> list[str]:
    return re.findall(r'<li class="result">(.*?)</li>', page, re.S)


def index() -> None:
    from search.indexing import rebuild

    rebuild()


@pytest.fixture
def dated_case(web_data):  # noqa: ANN001, ANN201
    case = CaseFactory(
        title="Prosecutor v. Quarry Owners",
        decision_date=dt.date(2025, 7, 13),
        decision_date_precision="day",
        published_at=dt.datetime(2025, 8, 1, tzinfo=dt.UTC),
    )
    index()
    return case


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("en", "July 13, 2025"), ("fr", "13 juillet 2025"), ("ar", "13 يوليو، 2025"), ("zh-hans", "2025年7月13日")],
)
def test_case_subtitle_date_is_formatted_in_the_page_language(client, dated_case, lang, shown) -> None:  # noqa: ANN001
    page = client.get(f"/{lang}/search/", {"q": "quarry"}).content.decode()
    (result,) = results_of(page)
    subtitle = re.search(r'<p class="subtitle">(.*?)</p>', result, re.S).group(1)
    assert f"<bdi>{shown}</bdi>" in subtitle
    assert "2025-07-13" not in subtitle
    assert subtitle.startswith("<bdi>") and subtitle.count("<bdi>") == subtitle.count(" · ") + 1


def test_year_only_subtitle_stays_a_year(client, web_data) -> None:  # noqa: ANN001
    CaseFactory(title="Prosecutor v. Year Only", decision_date=dt.date(2018, 1, 1), decision_date_precision="year")
    index()
    (result,) = results_of(client.get("/fr/search/", {"q": "year only"}).content.decode())
    assert "<bdi>2018</bdi></p>" in result and "janvier" not in result


def test_snippet_from_an_english_translation_is_marked_and_tagged_english(client, web_data) -> None:  # noqa: ANN001
    # "exploitation" is only in the English translation of the Portuguese provision.
    page = client.get("/fr/search/", {"q": "coercion", "type": "legislation"}).content.decode()
    (result,) = results_of(page)
    snippet = re.search(r'<p class="snippet">(.*?)</p>', result, re.S).group(1)
    assert '<span class="translation-mark">' in snippet
    assert re.search(r'<span lang="en" dir="auto">[^<]*<mark>coercion</mark>', snippet)


def test_snippet_in_the_original_language_is_not_marked(client, web_data) -> None:  # noqa: ANN001
    page = client.get("/en/search/", {"q": "aliciar", "type": "legislation"}).content.decode()
    (result,) = results_of(page)
    assert "translation-mark" not in result
    assert '<span lang="pt" dir="auto">' in result


def test_pagination_and_article_chevrons_are_drawn_by_css(client, web_data) -> None:  # noqa: ANN001
    for n in range(45):
        CaseFactory(title=f"Filler case {n}")
    index()
    page = client.get("/ar/search/", {"page": 2}).content.decode()
    assert '<span class="chevron chevron-prev" aria-hidden="true"></span>' in page
    assert '<span class="chevron chevron-next" aria-hidden="true"></span>' in page
    assert "‹" not in page and "›" not in page
    article = client.get("/ar/instruments/TIP/articles/3/").content.decode()
    assert 'class="chevron chevron-prev"' in article and 'class="chevron chevron-next"' in article


def test_arabic_review_queue_dates_read_day_month_year(client) -> None:  # noqa: ANN001
    reviewer = UserFactory(groups=["secretariat_reviewers"])
    LawFactory(
        title="Pending law",
        status=PublicationStatus.SUBMITTED,
        submitted_at=dt.datetime(2025, 7, 13, 9, 30, tzinfo=dt.UTC),
    )
    client.force_login(reviewer)
    page = client.get("/ar/review/").content.decode()
    assert re.search(r'<time datetime="2025-07-13T09:30:00\+00:00">13 يوليو، 2025، 09:30</time>', page)
    assert 'data-label="' in page  # the cards' labels on phones


def test_authority_email_breaks_between_its_parts_only(client, web_data) -> None:  # noqa: ANN001
    web_data.authority.email = "cooperacao.internacional@mj.gov.br"
    web_data.authority.save()
    client.force_login(UserFactory(groups=["practitioners"]))
    page = client.get(web_data.authority.get_absolute_url()).content.decode()
    assert 'class="breakable">cooperacao.<wbr>internacional@<wbr>mj.<wbr>gov.<wbr>br</a>' in page, (
        "line breaks only after '.' and '@'"
    )


def test_search_page_offers_a_skip_to_results_link(client, web_data) -> None:  # noqa: ANN001
    page = client.get("/en/search/", {"q": "trafficking"}).content.decode()
    assert '<a class="skip-link" href="#results">Skip to results</a>' in page
    assert page.index('href="#results"') < page.index('id="q"')  # before the search box and the filters
    assert '<section class="results-col" id="results" tabindex="-1"' in page


def test_api_docs_page_has_a_language_and_a_way_back(client) -> None:  # noqa: ANN001
    page = client.get("/api/v1/docs/").content.decode()
    assert '<html lang="en">' in page
    assert '<a href="/en/">&larr; SHERLOC portal</a>' in page
    assert '"deepLinking": false' in page  # no links nested in Swagger UI's toggle buttons
