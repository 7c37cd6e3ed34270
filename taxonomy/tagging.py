"""Abstract through-model for article tags: a record points at an article, optionally a paragraph.

Each record family subclasses it with its own foreign key so the database enforces one tag per
(record, article, paragraph) and the article facet can be aggregated with a plain join.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _


class ArticleTagBase(models.Model):
    article = models.ForeignKey(
        "taxonomy.Article", on_delete=models.PROTECT, related_name="+", help_text="Tagged treaty article."
    )
    paragraph = models.CharField(
        max_length=32,
        blank=True,
        default="",
        help_text="Paragraph or sub-paragraph within the article, e.g. '13' for art. 18(13), '1(a)'.",
    )

    class Meta:
        abstract = True

    @classmethod
    def paragraph_constraint(cls, name: str) -> models.CheckConstraint:
        return models.CheckConstraint(condition=Q(paragraph__regex=r"^[0-9A-Za-z()., ]*$"), name=name)

    @property
    def reference(self) -> str:
        """Human reference such as 'UNTOC 18(13)' or, for paragraph '1(a)', 'UNTOC 5(1)(a)'."""
        return f"{self.article.instrument.code} {self.article.number}{format_paragraph(self.paragraph)}"


def format_paragraph(paragraph: str) -> str:
    """'13' -> '(13)', '1(a)' -> '(1)(a)', '(2)' -> '(2)', '' -> ''."""
    paragraph = paragraph.strip()
    if not paragraph or paragraph.startswith("("):
        return paragraph
    head, sep, tail = paragraph.partition("(")
    return f"({head.strip()}){sep}{tail}"


# What a tagged record shows of the vocabularies, as `embedded_terms` declarations (sherloc.versions):
# a family composes these with the relation path to its country and to its tagged rows.


def place_terms(country: str) -> dict[str, tuple[str, ...]]:
    """A record placed in a country shows the country's name and its M49 regions (facets, pages)."""
    return {
        "taxonomy.Country": (country,),
        "taxonomy.Region": (f"{country}__region", f"{country}__subregion", f"{country}__intermediate_region"),
    }


def tag_terms(tagged: str = "", fields: tuple[str, ...] = ("articles", "crime_types", "crime_subtypes", "issues")):
    """A record tagged (directly, or through rows at path `tagged`) shows those terms' codes and labels;
    an article also shows its instrument."""
    prefix = f"{tagged}__" if tagged else ""
    labels = {
        "articles": "taxonomy.Article",
        "crime_types": "taxonomy.CrimeType",
        "crime_subtypes": "taxonomy.CrimeSubType",
        "issues": "taxonomy.Issue",
        "roles": "taxonomy.AuthorityRole",
    }
    terms: dict[str, tuple[str, ...]] = {labels[name]: (f"{prefix}{name}",) for name in fields}
    if "articles" in fields:
        terms["taxonomy.Instrument"] = (f"{prefix}articles__instrument",)
    return terms


def subtype_tag_errors(subtypes, crime_types) -> list[str]:  # noqa: ANN001
    """Why these sub-types (CrimeSubType rows) cannot be saved with these crime types (CrimeType rows).

    A sub-type refines its crime type: a record tagged with one and not the other would be found by the
    sub-type facet and not by the crime-type one. Forms (the focal points' and the admin's) show these
    messages; the importer applies the same rule to codes (interchange.validation)."""
    chosen = {term.pk for term in crime_types or ()}
    return [
        _("“%(subtype)s” needs its crime type, “%(crime_type)s”, among the crime types.")
        % {"subtype": subtype.label_in(), "crime_type": subtype.crime_type.label_in()}
        for subtype in subtypes or ()
        if subtype.crime_type_id not in chosen
    ]
