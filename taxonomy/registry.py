"""The vocabulary registry: every code, its translated labels and its place in its tree, in one cache.

Search documents, the search service (filter validation, facet labels), the facet panels, the API
filters and the importer all turn codes into labels, primary keys or ancestors. The vocabularies are
small (a few hundred terms) and change rarely, so each process loads each one once, with one query,
and answers every look-up from memory.

Invalidation: saving or deleting any vocabulary row (and `load_reference_data`) calls `invalidate()`,
which drops this process's copy and bumps a version number in the shared cache; other processes
compare that number at most every VERSION_CHECK_SECONDS, and reload everything after MAX_AGE_SECONDS
whatever happens (a change made while the shared cache was away is picked up then).

Crime sub-types form a tree below their crime type: a family ('trafficking-in-persons.means', labelled
"Means") holds the values ('trafficking-in-persons.means.deception'). Families are not rows of their
own: their codes are the value codes minus the last segment, their labels come from the reference
data (`sub_families` in taxonomy/data/vocabularies.json). They are terms of the `crime_subtype`
vocabulary without a primary key, so a search can filter a family as a whole while tagging a record
with a family is still refused (`Vocabulary.pk()` knows values only).
"""

from __future__ import annotations

import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.translation import gettext

from sherloc.language_codes import base_language

from .models import Article, AuthorityRole, Country, CrimeSubType, CrimeType, Instrument, Issue, Language, Region

VERSION_KEY = "taxonomy:registry:version"
VERSION_CHECK_SECONDS = 2.0
OUTAGE_BACKOFF_SECONDS = 60.0
MAX_AGE_SECONDS = 600.0
UI_LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")

MODELS: dict[str, type] = {
    "country": Country,
    "region": Region,
    "instrument": Instrument,
    "article": Article,
    "crime_type": CrimeType,
    "crime_subtype": CrimeSubType,
    "issue": Issue,
    "language": Language,
    "role": AuthorityRole,
}


@dataclass(frozen=True, slots=True)
class Term:
    """One code of a vocabulary with what callers need to show, index or store it."""

    code: str
    label: str  # English
    translations: Mapping[str, str] = field(default_factory=dict)
    pk: int | None = None  # None for crime sub-type families (no row of their own)
    parent: str | None = None  # broader term: issue > issue, article > instrument, sub-type > family > crime type
    family: str | None = None  # crime sub-types: 'means', 'acts'...; families: their own name
    sort_order: tuple[int, ...] = ()
    ancestors: tuple[str, ...] = ()  # codes indexed with a tag of this term: itself and every broader one
    alias: str | None = None  # another accepted spelling (a country's alpha-2)
    regions: tuple[str, ...] = ()  # countries: M49 region, sub-region, intermediate region
    number: int | None = None  # articles
    instrument: str | None = None  # articles
    crime_type: str | None = None  # crime sub-types and families

    def label_in(self, lang: str | None) -> str:
        """The label in `lang` ('fr', 'zh-hans', 'ar'...), English when there is no translation."""
        return self.translations.get(base_language(lang)) or self.label


def sort_key(label: str) -> str:
    """Case- and accent-insensitive ('Égypte' sorts with 'Egypte', before 'France')."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Vocabulary:
    """The terms of one vocabulary, indexed by code, spelling and primary key; labels per language."""

    def __init__(self, name: str, terms: Iterable[Term]) -> None:
        self.name = name
        self.terms: dict[str, Term] = {t.code: t for t in sorted(terms, key=lambda t: (t.sort_order, t.code))}
        self._by_pk: dict[int, Term] = {t.pk: t for t in self.terms.values() if t.pk is not None}
        self._spellings: dict[str, str] = {}
        for term in self.terms.values():
            self._spellings[term.code.casefold()] = term.code
            if term.alias:
                self._spellings.setdefault(term.alias.casefold(), term.code)
        self._labels: dict[str, dict[str, str]] = {}
        self._sort_keys: dict[str, dict[str, str]] = {}
        self._lock = threading.Lock()

    def __contains__(self, code: object) -> bool:
        return code in self.terms

    def __iter__(self):  # noqa: ANN204
        return iter(self.terms.values())

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, code: str) -> Term | None:
        return self.terms.get(code)

    def by_pk(self, pk: int | None) -> Term | None:
        return self._by_pk.get(pk) if pk is not None else None

    def pk(self, code: str) -> int | None:
        """Primary key of a taggable term; None for unknown codes and for families."""
        term = self.terms.get(code)
        return term.pk if term is not None else None

    def resolve(self, spelling: str) -> str | None:
        """The canonical code for an accepted spelling (any case; a country's alpha-2), else None."""
        return self._spellings.get(spelling.strip().casefold())

    def labels(self, lang: str | None) -> dict[str, str]:
        """{code: label in `lang`} for every term (built once per language)."""
        lang = base_language(lang)
        found = self._labels.get(lang)
        if found is None:
            with self._lock:
                found = {code: term.label_in(lang) for code, term in self.terms.items()}
                self._labels[lang] = found
        return found

    def label(self, code: str, lang: str | None) -> str:
        """The label of `code` in `lang`; an unknown code is its own label."""
        term = self.terms.get(code)
        return term.label_in(lang) if term is not None else code

    def sort_keys(self, lang: str | None) -> dict[str, str]:
        """{code: accent- and case-insensitive sort key of its label in `lang`}."""
        lang = base_language(lang)
        found = self._sort_keys.get(lang)
        if found is None:
            found = {code: sort_key(label) for code, label in self.labels(lang).items()}
            self._sort_keys[lang] = found
        return found


# --------------------------------------------------------------------------- loaders (one query each)


def _labelled(model: type, **extra: Callable) -> list[Term]:
    return [
        Term(code=row.code, label=row.label, translations=row.translations or {}, pk=row.pk,
             sort_order=(row.sort_order,), ancestors=(row.code,), **{k: f(row) for k, f in extra.items()})
        for row in model.objects.all()
    ]  # fmt: skip


def _countries() -> list[Term]:
    rows = Country.objects.values(
        "pk", "alpha3", "alpha2", "name", "translations", "region__code", "subregion__code", "intermediate_region__code"
    )
    return [
        Term(
            code=r["alpha3"],
            label=r["name"],
            translations=r["translations"] or {},
            pk=r["pk"],
            alias=r["alpha2"],
            ancestors=(r["alpha3"],),
            regions=tuple(c for c in (r["region__code"], r["subregion__code"], r["intermediate_region__code"]) if c),
        )
        for r in rows
    ]


def _regions() -> list[Term]:
    rows = Region.objects.values("pk", "code", "label", "translations", "sort_order", "parent__code")
    return [
        Term(
            code=r["code"],
            label=r["label"],
            translations=r["translations"] or {},
            pk=r["pk"],
            parent=r["parent__code"],
            sort_order=(r["sort_order"],),
            ancestors=(r["code"],),
        )
        for r in rows
    ]


def _instruments() -> list[Term]:
    """The short title ('Trafficking in Persons Protocol') reads better in facets than the full one."""
    rows = Instrument.objects.values("pk", "code", "label", "short_title", "translations", "sort_order", "parent__code")
    return [
        Term(
            code=r["code"],
            label=r["short_title"] or r["label"],
            translations=r["translations"] or {},
            pk=r["pk"],
            parent=r["parent__code"],
            sort_order=(r["sort_order"],),
            ancestors=(r["code"],),
        )
        for r in rows
    ]


def _articles() -> list[Term]:
    """Labelled as in a tree under their instrument: '3. Use of terms'."""
    rows = Article.objects.values(
        "pk", "code", "number", "title", "translations", "instrument__code", "instrument__sort_order"
    )
    return [
        Term(
            code=r["code"],
            label=f"{r['number']}. {r['title']}",
            translations={k: f"{r['number']}. {v}" for k, v in (r["translations"] or {}).items() if v},
            pk=r["pk"],
            parent=r["instrument__code"],
            sort_order=(r["instrument__sort_order"], r["number"]),
            ancestors=(r["code"],),
            number=r["number"],
            instrument=r["instrument__code"],
        )
        for r in rows
    ]


def _issues() -> list[Term]:
    rows = Issue.objects.values("pk", "code", "label", "translations", "sort_order", "parent__code")
    terms = []
    for r in rows:
        parts = r["code"].split(".")
        terms.append(
            Term(
                code=r["code"],
                label=r["label"],
                translations=r["translations"] or {},
                pk=r["pk"],
                parent=r["parent__code"],
                sort_order=(r["sort_order"],),
                ancestors=tuple(".".join(parts[: i + 1]) for i in range(len(parts))),
            )
        )
    return terms


def _crime_subtypes() -> list[Term]:
    from .reference import subtype_families

    families = subtype_families()
    rows = CrimeSubType.objects.values(
        "pk", "code", "label", "translations", "sort_order", "facet", "crime_type__code", "crime_type__sort_order"
    )
    terms: list[Term] = []
    seen: set[str] = set()
    for r in rows:
        crime, facet = r["crime_type__code"], r["facet"]
        family_code = f"{crime}.{facet}"
        family_order = families.get(facet, {}).get("sort_order", 99)
        terms.append(
            Term(
                code=r["code"],
                label=r["label"],
                translations=r["translations"] or {},
                pk=r["pk"],
                parent=family_code,
                family=facet,
                sort_order=(r["crime_type__sort_order"], family_order, r["sort_order"]),
                ancestors=(family_code, r["code"]),
                crime_type=crime,
            )
        )
        if family_code not in seen:
            seen.add(family_code)
            family = families.get(facet, {})
            terms.append(
                Term(
                    code=family_code,
                    label=family.get("label") or facet.replace("-", " ").capitalize(),
                    translations=family.get("translations") or {},
                    parent=crime,
                    family=facet,
                    sort_order=(r["crime_type__sort_order"], family_order, -1),
                    ancestors=(family_code,),
                    crime_type=crime,
                )
            )
    return terms


LOADERS: dict[str, Callable[[], list[Term]]] = {
    "country": _countries,
    "region": _regions,
    "instrument": _instruments,
    "article": _articles,
    "crime_type": lambda: _labelled(CrimeType),
    "crime_subtype": _crime_subtypes,
    "issue": _issues,
    "language": lambda: _labelled(Language),
    "role": lambda: _labelled(AuthorityRole),
}
NAMES: tuple[str, ...] = tuple(LOADERS)


# --------------------------------------------------------------------------- the cache


class _State:
    def __init__(self) -> None:
        self.vocabularies: dict[str, Vocabulary] = {}
        self.version: object = None  # the shared version these were loaded under
        self.loaded_at = 0.0
        self.checked_at = 0.0
        self.lock = threading.Lock()


_state = _State()


def _shared_version() -> object:
    """The version in the shared cache; None while the cache is away (then MAX_AGE_SECONDS still
    bounds staleness). No warning of its own: the throttles and /healthz already report the outage."""
    from sherloc.cache import CACHE_ERRORS

    try:
        return cache.get(VERSION_KEY, 0)
    except CACHE_ERRORS:
        _state.checked_at = time.monotonic() + OUTAGE_BACKOFF_SECONDS  # no timeout per request meanwhile
        return None


def _fresh() -> None:
    """Drop this process's copy when another process changed a vocabulary, or when it is old."""
    now = time.monotonic()
    if now - _state.loaded_at > MAX_AGE_SECONDS:
        clear()
    elif now - _state.checked_at > VERSION_CHECK_SECONDS:
        _state.checked_at = now  # moved further on by _shared_version() when the cache is away
        version = _shared_version()
        if version is not None and version != _state.version:
            clear()
            _state.version = version


def vocabulary(name: str) -> Vocabulary:
    """The cached vocabulary `name` (one of NAMES); KeyError for any other name."""
    loader = LOADERS[name]
    _fresh()
    found = _state.vocabularies.get(name)
    if found is None:
        with _state.lock:
            found = _state.vocabularies.get(name)
            if found is None:
                if not _state.vocabularies:
                    _state.loaded_at = time.monotonic()
                found = Vocabulary(name, loader())
                _state.vocabularies[name] = found
    return found


def has(name: str) -> bool:
    """Whether `name` is a vocabulary of the registry (court levels, record types are choices, not)."""
    return name in LOADERS


def labels(name: str, lang: str | None) -> dict[str, str]:
    return vocabulary(name).labels(lang)


def label(name: str, code: str, lang: str | None) -> str:
    return vocabulary(name).label(code, lang)


def subtype_label(code: str, lang: str | None) -> str:
    """A crime sub-type with its family ("Means: Deception"); a family is its own label ("Means")."""
    subtypes = vocabulary("crime_subtype")
    term = subtypes.get(code)
    if term is None:
        return code
    if term.pk is None or term.parent is None:
        return term.label_in(lang)
    with translation.override(lang or settings.LANGUAGE_CODE):
        # Translators: a crime sub-type with its family, e.g. "Means: Deception" (French: "Moyens : Tromperie").
        template = gettext("%(family)s: %(value)s")
    return template % {"family": subtypes.label(term.parent, lang), "value": term.label_in(lang)}


def name_for_model(model: type) -> str:
    """The registry name of a vocabulary model (CrimeSubType -> 'crime_subtype')."""
    return next(name for name, m in MODELS.items() if m is model)


def clear() -> None:
    """Forget this process's copy (the next look-up reloads)."""
    with _state.lock:
        _state.vocabularies = {}
        _state.loaded_at = time.monotonic()


def invalidate() -> None:
    """A vocabulary changed: forget it here now, again after commit, and tell the other processes."""
    from sherloc.cache import CACHE_ERRORS, warn_degraded

    clear()
    transaction.on_commit(clear)
    try:
        try:
            _state.version = cache.incr(VERSION_KEY)
        except ValueError:  # no key yet
            cache.set(VERSION_KEY, 1, None)
            _state.version = 1
    except CACHE_ERRORS as exc:
        warn_degraded("vocabulary registry invalidation", exc)


def _changed(sender: type, **kwargs: object) -> None:
    invalidate()


def connect() -> None:
    """Invalidate on every save and delete of a vocabulary row (called from TaxonomyConfig.ready)."""
    for model in MODELS.values():
        post_save.connect(_changed, sender=model, dispatch_uid=f"taxonomy.registry.save.{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"taxonomy.registry.delete.{model.__name__}")
