"""Bands and values that make a case's people and charges searchable (the case-search facets).

Why bands: ages, sentences and the number of defendants are numbers that readers compare in ranges
(a child victim, a sentence of five to ten years, a group of three or more), and a facet of every
distinct number would be long and sparse. Each band is [lower, upper) in whole years (ages), months
(sentences) or people (defendants). Unknown stays unknown: a person without an age, a charge without a
custodial sentence in months, a group of unstated size give no band (never a guessed one).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    """Age when the offence began. 12 and 18 split children from adolescents and adults (a trafficked
    child under 18 needs no means, TIP Protocol art. 3(c))."""

    UNDER_12 = "under_12", _("Under 12")
    FROM_12 = "12_17", _("12–17")
    FROM_18 = "18_24", _("18–24")
    FROM_25 = "25_34", _("25–34")
    FROM_35 = "35_49", _("35–49")
    FROM_50 = "50_plus", _("50 and over")


class SentenceBand(models.TextChoices):
    """Custodial sentence of a conviction (Charge.sentence_months)."""

    UNDER_1 = "under_1", _("Less than 1 year")
    FROM_1 = "1_5", _("1 to 5 years")
    FROM_5 = "5_10", _("5 to 10 years")
    FROM_10 = "10_20", _("10 to 20 years")
    FROM_20 = "20_plus", _("20 years or more")


class GroupSizeBand(models.TextChoices):
    """Number of people charged in a case. Three is the smallest organized criminal group (UNTOC art. 2(a))."""

    ONE = "1", _("One defendant")
    TWO = "2", _("Two defendants")
    FROM_3 = "3_9", _("3 to 9 defendants")
    FROM_10 = "10_plus", _("10 or more defendants")


class LegalPersonRole(models.TextChoices):
    """A legal person (a company, an association) among a case's defendants or victims."""

    DEFENDANT = "defendant", _("Legal person among the defendants")
    VICTIM = "victim", _("Legal person among the victims")


# Lower bounds, ascending; a value belongs to the last band whose bound it reaches.
AGE_BOUNDS: tuple[tuple[int, str], ...] = (
    (0, "under_12"),
    (12, "12_17"),
    (18, "18_24"),
    (25, "25_34"),
    (35, "35_49"),
    (50, "50_plus"),
)
SENTENCE_BOUNDS: tuple[tuple[int, str], ...] = (
    (0, "under_1"),
    (12, "1_5"),
    (60, "5_10"),
    (120, "10_20"),
    (240, "20_plus"),
)
GROUP_BOUNDS: tuple[tuple[int, str], ...] = ((1, "1"), (2, "2"), (3, "3_9"), (10, "10_plus"))


def _band(value: int | None, bounds: tuple[tuple[int, str], ...]) -> str | None:
    if value is None or value < bounds[0][0]:
        return None
    return [code for lower, code in bounds if value >= lower][-1]


def age_band(age: int | None) -> str | None:
    """The AgeBand code of an age in years (None when unknown)."""
    return _band(age, AGE_BOUNDS)


def sentence_band(months: int | None) -> str | None:
    """The SentenceBand code of a custodial sentence in months (None when unknown or not custodial)."""
    return _band(months, SENTENCE_BOUNDS)


def group_size_band(people: int | None) -> str | None:
    """The GroupSizeBand code of a number of defendants (None when unknown or nobody)."""
    return _band(people, GROUP_BOUNDS)
