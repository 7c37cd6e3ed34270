"""The real-world facts the demo generator draws from: countries with their weight, language, naming
conventions, dialling code, capital and time zone, and the vocabulary codes and ids.

Loaded once per seeding run from the database (so codes and ids are real) and from the shipped
country-codes.csv (capitals, dialling codes and languages, which the Country model does not keep).
"""

from __future__ import annotations

import csv
import zoneinfo
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from django.contrib.auth import get_user_model

from interchange.codes import Codes
from taxonomy.models import Country, CrimeSubType, Language
from taxonomy.reference import DATA_DIR

# Relative weight of a jurisdiction in the demo set: countries with many SHERLOC records weigh more.
COUNTRY_WEIGHTS = {
    "BRA": 10, "USA": 9, "COL": 7, "MEX": 7, "ARG": 6, "PHL": 6, "NGA": 6, "ESP": 6, "GBR": 6, "IND": 5,
    "FRA": 5, "ITA": 5, "RUS": 5, "DEU": 4, "CHN": 4, "EGY": 4, "ZAF": 4, "KEN": 4, "THA": 4, "PER": 4,
    "AUS": 3, "CAN": 3, "NLD": 3, "BEL": 3, "PRT": 3, "MAR": 3, "TUR": 3, "VNM": 3, "IDN": 3, "CHL": 3,
    "ECU": 3, "GTM": 3, "SEN": 3, "GHA": 3, "UKR": 3, "ROU": 3, "MOZ": 2, "AGO": 2, "CIV": 2, "BGR": 2,
    "SRB": 2, "ALB": 2, "MDA": 2, "KAZ": 2, "UZB": 2, "JOR": 2, "LBN": 2, "TUN": 2, "ARE": 2, "DZA": 2,
}  # fmt: skip
DEFAULT_WEIGHT = 1.0
TERRITORY_WEIGHT = 0.2  # non-independent territories
INTERNATIONAL_CASE_WEIGHT = 3.0
DEMO_LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans", "pt")
EXTRA_LANGUAGES = {"pt": ("Portuguese", False)}  # content languages beyond the six shipped UN languages
DEMO_USERS = ("demo.focalpoint", "demo.reviewer")


@dataclass(frozen=True)
class Place:
    id: int
    alpha3: str
    alpha2: str
    name: str
    capital: str
    dial: str
    language: str  # one of DEMO_LANGUAGES: the language its laws are written in
    naming: str  # key of demo_text.NAMES
    time_zone: str
    is_international: bool = False


def _language_of(tags: str) -> str:
    for tag in tags.split(","):
        base = tag.strip().split("-")[0].lower()
        base = "zh-hans" if base == "zh" else base
        if base in DEMO_LANGUAGES:
            return base
    return "en"


def _naming_of(language: str, region: str, subregion: str) -> str:
    by_language = {"es": "latin", "pt": "latin", "fr": "french", "ru": "slavic", "ar": "arabic", "zh-hans": "chinese"}
    if language in by_language:
        return by_language[language]
    if subregion == "151":  # Eastern Europe
        return "slavic"
    if region == "142":  # Asia
        return "asian"
    if subregion == "419":  # Latin America and the Caribbean
        return "latin"
    return "english"


def _zone_table() -> dict[str, str]:
    """alpha2 -> first IANA zone listed for the country, from the system's zone.tab if there is one."""
    for base in zoneinfo.TZPATH:
        path = Path(base) / "zone.tab"
        if path.is_file():
            zones: dict[str, str] = {}
            for line in path.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    parts = line.split("\t")
                    zones.setdefault(parts[0], parts[2])
            return zones
    return {}


@dataclass
class World:
    codes: Codes
    places: list[Place]
    place_weights: list[float]
    international: Place | None
    language_ids: dict[str, int]
    subtypes: dict[tuple[str, str], list[str]]  # (crime type code, facet) -> subtype codes
    user_ids: tuple[int, int]  # focal point, reviewer

    _cumulative: dict[bool, tuple[list[Place], list[float]]] = field(default_factory=dict)

    def cumulative(self, with_international: bool) -> tuple[list[Place], list[float]]:
        """(places, cumulative weights) for random.choices; cases may also be international."""
        if with_international not in self._cumulative:
            places = list(self.places)
            weights = list(self.place_weights)
            if with_international and self.international is not None:
                places.append(self.international)
                weights.append(INTERNATIONAL_CASE_WEIGHT)
            self._cumulative[with_international] = (places, list(accumulate(weights)))
        return self._cumulative[with_international]

    @classmethod
    def load(cls) -> World:
        for code, (label, rtl) in EXTRA_LANGUAGES.items():
            Language.objects.get_or_create(code=code, defaults={"label": label, "rtl": rtl})
        codes = Codes.load()
        with open(DATA_DIR / "country-codes.csv", encoding="utf-8") as fh:
            rows = {row["ISO3166-1-Alpha-3"]: row for row in csv.DictReader(fh)}
        zones = _zone_table()
        places, weights, international = [], [], None
        for country in Country.objects.order_by("alpha3"):
            row = rows.get(country.alpha3, {})
            language = _language_of(row.get("Languages", ""))
            place = Place(
                id=country.pk,
                alpha3=country.alpha3,
                alpha2=country.alpha2,
                name=country.name,
                capital=row.get("Capital", "") or country.name,
                dial=row.get("Dial", ""),
                language=language,
                naming=_naming_of(language, row.get("Region Code", ""), row.get("Sub-region Code", "")),
                time_zone=zones.get(country.alpha2, ""),
                is_international=country.is_international,
            )
            if country.is_international:
                international = place
                continue
            places.append(place)
            independent = row.get("is_independent", "Yes") == "Yes"
            weights.append(COUNTRY_WEIGHTS.get(country.alpha3, DEFAULT_WEIGHT if independent else TERRITORY_WEIGHT))
        subtypes: dict[tuple[str, str], list[str]] = {}
        for code, crime, facet in CrimeSubType.objects.order_by("crime_type__code", "facet", "sort_order").values_list(
            "code", "crime_type__code", "facet"
        ):
            subtypes.setdefault((crime, facet), []).append(code)
        return cls(
            codes=codes,
            places=places,
            place_weights=weights,
            international=international,
            language_ids={code: codes.languages.by_code[code] for code in DEMO_LANGUAGES},
            subtypes=subtypes,
            user_ids=tuple(_demo_user(name) for name in DEMO_USERS),  # type: ignore[arg-type]
        )


def _demo_user(username: str) -> int:
    """Accounts the demo workflow fields point at; inactive with no usable password (not a way in)."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        **{user_model.USERNAME_FIELD: username}, defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user.pk
