"""The model's rules: DOI and ISBN normalised and checked, a DOI unique when set, authors a person or an
organisation, the year a year; in the model's validation (admin) and in the database."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from bibliography.models import Publication, PublicationAuthor
from tests.factories import PublicationFactory, lang

pytestmark = pytest.mark.django_db


def test_doi_and_isbn_are_stored_in_one_spelling() -> None:
    entry = PublicationFactory(doi="https://doi.org/10.1093/IJTJ/ijx012", isbn="978-0-306-40615-7")
    entry.refresh_from_db()
    assert (entry.doi, entry.isbn) == ("10.1093/ijtj/ijx012", "9780306406157")


def test_validation_names_a_bad_doi_and_isbn() -> None:
    entry = Publication(title="A", original_language=lang(), doi="11.1/x", isbn="978-0-306-40615-8")
    with pytest.raises(ValidationError) as raised:
        entry.full_clean()
    assert set(raised.value.message_dict) == {"doi", "isbn"}
    assert "not a DOI" in raised.value.message_dict["doi"][0]
    assert "check digit" in raised.value.message_dict["isbn"][0]


def test_the_database_refuses_a_second_doi_a_bad_isbn_and_a_year_out_of_range() -> None:
    PublicationFactory(doi="10.1000/abc")
    PublicationFactory(doi="")
    PublicationFactory(doi="")  # no DOI twice is fine
    for fields in ({"doi": "10.1000/ABC"}, {"isbn": "12345"}, {"year": 99}):
        with pytest.raises(IntegrityError), transaction.atomic():
            PublicationFactory(**fields)
    clash = Publication(title="B", original_language=lang(), doi="doi:10.1000/abc")
    with pytest.raises(ValidationError, match="Another publication has this DOI"):
        clash.full_clean()


def test_an_author_is_a_person_or_an_organisation() -> None:
    entry = PublicationFactory(authors=[])
    for fields in ({"family": "", "given": "Ana"}, {"family": "Doe", "literal": "ACME"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            PublicationAuthor.objects.create(publication=entry, position=1, **fields)
    PublicationAuthor.objects.create(publication=entry, position=2, literal="UNODC")
    PublicationAuthor.objects.create(publication=entry, position=1, family="Doe", given="Jane")
    assert [a.display_name for a in entry.ordered_authors] == ["Doe, Jane", "UNODC"]
