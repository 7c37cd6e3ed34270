"""In-memory maps between vocabulary codes and primary keys, for the record format.

Import, export and the demo generator touch every tag of every record. Resolving each code with a query
(or instantiating vocabulary objects through prefetches) would dominate their run time, so the maps are
taken from the vocabulary registry (taxonomy.registry), which holds every vocabulary in memory. Only
taggable terms are here: a crime sub-type family ('trafficking-in-persons.means') is a search filter,
not a tag.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from taxonomy import registry


@dataclass
class Vocabulary:
    """Both directions of one vocabulary: code -> pk and pk -> code."""

    by_code: dict[str, int] = field(default_factory=dict)
    by_id: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(cls, name: str) -> Vocabulary:
        """The taggable terms (those with a row) of registry vocabulary `name`."""
        rows = [(t.pk, t.code) for t in registry.vocabulary(name) if t.pk is not None]
        return cls(by_code={code: pk for pk, code in rows}, by_id={pk: code for pk, code in rows})

    def __contains__(self, code: object) -> bool:
        return code in self.by_code

    def add(self, pk: int, code: str) -> None:
        self.by_code[code] = pk
        self.by_id[pk] = code

    def codes(self, ids: Iterable[int]) -> list[str]:
        """Codes for primary keys, sorted so that exports are deterministic."""
        return sorted(self.by_id[i] for i in ids)


@dataclass
class Codes:
    """Every vocabulary a record can reference, plus a lazily filled username cache."""

    articles: Vocabulary
    article_sort: dict[int, tuple[int, ...]]
    crime_types: Vocabulary
    crime_subtypes: Vocabulary
    subtype_crime_type: dict[str, str]
    issues: Vocabulary
    countries: Vocabulary
    languages: Vocabulary
    roles: Vocabulary
    _usernames: dict[int, str] = field(default_factory=dict)
    _user_ids: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Codes:
        articles = registry.vocabulary("article")
        subtypes = registry.vocabulary("crime_subtype")
        return cls(
            articles=Vocabulary.load("article"),
            article_sort={t.pk: t.sort_order for t in articles if t.pk is not None},
            crime_types=Vocabulary.load("crime_type"),
            crime_subtypes=Vocabulary.load("crime_subtype"),
            subtype_crime_type={t.code: t.crime_type for t in subtypes if t.pk is not None},
            issues=Vocabulary.load("issue"),
            countries=Vocabulary.load("country"),
            languages=Vocabulary.load("language"),
            roles=Vocabulary.load("role"),
        )

    def article_tags(self, rows: Iterable[tuple[int, str]]) -> list[dict[str, str]]:
        """(article_id, paragraph) pairs as format objects, in instrument/article/paragraph order."""
        ordered = sorted(rows, key=lambda r: (self.article_sort[r[0]], r[1]))
        return [{"article": self.articles.by_id[a], "paragraph": p} for a, p in ordered]

    def usernames(self, ids: Iterable[int | None]) -> dict[int, str]:
        """Usernames for user ids, fetching only those not seen yet."""
        missing = {i for i in ids if i is not None and i not in self._usernames}
        if missing:
            for pk, name in get_user_model().objects.filter(pk__in=missing).values_list("pk", "username"):
                self._usernames[pk] = name
        return self._usernames

    def user_id(self, username: str | None) -> int | None:
        """Primary key for a username; None when the account does not exist (yet)."""
        if username is None:
            return None
        if username not in self._user_ids:
            user_model = get_user_model()
            pk = user_model.objects.filter(**{user_model.USERNAME_FIELD: username}).values_list("pk", flat=True)
            found = next(iter(pk), None)
            if found is None:
                return None
            self._user_ids[username] = found
        return self._user_ids[username]

    def remember_user(self, username: str, pk: int) -> None:
        self._user_ids[username] = pk
        self._usernames[pk] = username
