"""Controlled vocabularies shared by every record family. Codes are stable: URLs and the API use them."""

from .authority_roles import AuthorityRole
from .crime_types import CrimeSubType, CrimeType
from .geography import Country, Region
from .instruments import Article, Instrument
from .issues import Issue
from .labels import LabelledVocabulary
from .languages import Language

__all__ = [
    "Article",
    "AuthorityRole",
    "Country",
    "CrimeSubType",
    "CrimeType",
    "Instrument",
    "Issue",
    "LabelledVocabulary",
    "Language",
    "Region",
]
