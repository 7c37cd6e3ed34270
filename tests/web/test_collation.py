"""Lists of countries in each reader's collation: Chinese by pinyin (with ICU), never by code point, and the
article page grouped by the reader's country names, not the English ones."""

from __future__ import annotations

import re

import pytest

from sherloc import collation
from taxonomy.models import Country
from tests.factories import LawFactory, ProvisionFactory, country

pytestmark = pytest.mark.django_db


def names_in_order(page: str, names: list[str]) -> list[str]:
    return sorted(names, key=page.index)


def test_fallback_key_ignores_accents_and_case_first() -> None:
    words = ["égypte", "Equateur", "Zambie", "Allemagne", "Érythrée"]
    assert sorted(words, key=collation._fallback_key) == ["Allemagne", "égypte", "Equateur", "Érythrée", "Zambie"]


def test_french_list_sorts_accented_names_with_their_letter(client, reference_data) -> None:  # noqa: ANN001
    page = client.get("/fr/countries/").content.decode()
    asia = page.split('id="region-142"', 1)[1].split("</section>", 1)[0]
    labels = re.findall(r'/fr/countries/[A-Z]{3}/">([^<]+)</a>', asia)
    assert labels == sorted(labels, key=collation.sort_key("fr"))
    emirates = next(n for n in labels if n.startswith("Émirats"))
    assert labels.index(emirates) < labels.index("Inde")  # code point order would put "É" after "Z"


@pytest.mark.skipif(not collation.ICU_AVAILABLE, reason="PyICU not installed (the `icu` extra)")
def test_chinese_country_list_is_in_pinyin_order(client, reference_data) -> None:  # noqa: ANN001
    page = client.get("/zh-hans/countries/").content.decode()
    # 阿根廷 (Āgēntíng), 巴西 (Bāxī), 德国 (Déguó), 法国 (Fǎguó), 日本 (Rìběn), 中国 (Zhōngguó)
    labels = [Country.objects.get(alpha3=c).label_in("zh-hans") for c in ("ARG", "BRA", "DEU", "FRA", "JPN", "CHN")]
    assert names_in_order(page, labels) == labels
    assert sorted(labels) != labels  # code point order would differ: the test would catch it


def test_article_page_groups_countries_by_the_readers_names(client, reference_data) -> None:  # noqa: ANN001
    # "Netherlands" < "Spain" in English; "España" < "Países Bajos" in Spanish.
    for alpha3 in ("NLD", "ESP"):
        law = LawFactory(country=country(alpha3), title=f"Law of {alpha3}")
        ProvisionFactory(law=law, order=1, tags={"articles": ["TIP-3"]})
    english = client.get("/en/instruments/TIP/articles/3/").content.decode()
    spanish = client.get("/es/instruments/TIP/articles/3/").content.decode()
    assert english.index('id="c-NLD"') < english.index('id="c-ESP"')
    assert spanish.index('id="c-ESP"') < spanish.index('id="c-NLD"')
