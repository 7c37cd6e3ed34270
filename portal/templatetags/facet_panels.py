"""Facet sidebar model for the search page: flat lists, trees (instrument > article, issue > sub-issue,
crime type > sub-type family > sub-type), labels for active filters. Not a tag library: plain
functions the search view calls.

Why trees are rebuilt here: the engines return each tree level as its own flat facet (an article
tag is indexed with its instrument; an issue with every ancestor; a crime sub-type with its family),
which is what multi-select counting needs. The reader, though, expects articles under their
instrument and sub-issues under their issue, so the panel nests them again using the codes (`TIP-3`
is under `TIP`, `investigation.sit` under `investigation`) and the vocabulary registry (a sub-type's
family and crime type): no database query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from search.facets import FACET_TYPES, FILTER_NAMES
from search.results import FacetValue
from search.service import DOC_TYPE_LABELS
from taxonomy import registry

from .portal import INSTRUMENT_NAMES, instrument_name_for

VISIBLE = 8  # options shown before "show all"

FACET_TITLES = {
    "type": _("Record type"),
    "country": _("Country"),
    "region": _("Region"),
    "instrument": _("Convention and Protocols"),
    "article": _("Article"),
    "crime_type": _("Crime type"),
    "crime_subtype": _("Crime sub-type"),
    "issue": _("Cross-cutting issue"),
    "year": _("Year"),
    "year_from": _("From year"),
    "year_to": _("To year"),
    "language": _("Original language"),
    "court_level": _("Court level"),
    "publication_type": _("Publication type"),
    "research_method": _("Research method"),
    "legal_status": _("Legal status"),
    "role": _("Designation"),
    "procedural_stage": _("Procedural stage"),
    "verdict": _("Verdict"),
    "sentence_band": _("Sentence"),
    "victim_gender": _("Victim gender"),
    "victim_nationality": _("Victim nationality"),
    "victim_age": _("Victim age"),
    "defendant_gender": _("Defendant gender"),
    "defendant_nationality": _("Defendant nationality"),
    "defendant_age": _("Defendant age"),
    "legal_person": _("Legal persons"),
    "group_size": _("Number of defendants"),
}
# One label per record type, the search service's (a new family's tab needs no entry here).
TYPE_LABELS = {"all": _("All"), **DOC_TYPE_LABELS}
SORT_LABELS = (
    ("relevance", _("Relevance")),
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
    ("title", _("Title A–Z")),
)
# Sidebar order; a tuple is a tree (parent facet, child facet).
PANEL_ORDER: tuple[str | tuple[str, str], ...] = (
    "role",
    "publication_type",
    "crime_type",
    ("instrument", "article"),
    "country",
    "region",
    "court_level",
    "procedural_stage",
    "verdict",
    "sentence_band",
    "victim_nationality",
    "victim_gender",
    "victim_age",
    "defendant_nationality",
    "defendant_gender",
    "defendant_age",
    "legal_person",
    "group_size",
    "research_method",
    "issue",
    "language",
)


@dataclass
class Option:
    name: str  # the URL parameter the checkbox sets
    value: str
    label: str
    count: int
    selected: bool
    children: list[Option] = field(default_factory=list)

    @property
    def id(self) -> str:
        return "f-" + re.sub(r"[^A-Za-z0-9_-]", "_", f"{self.name}-{self.value}")

    @property
    def open(self) -> bool:
        """A nested list starts open when something inside it is ticked."""
        return any(c.selected or c.open for c in self.children)


@dataclass
class Panel:
    name: str
    title: str
    options: list[Option]
    more: list[Option]
    tree: bool = False

    @property
    def filterable(self) -> bool:
        return bool(self.more) or sum(1 + len(o.children) for o in self.options) > VISIBLE * 2

    @property
    def selected_count(self) -> int:
        def count(options: list[Option]) -> int:
            return sum(o.selected + count(o.children) for o in options)

        return count(self.options) + count(self.more)


def _options(name: str, values: list[FacetValue], selected: set[tuple[str, str]]) -> list[Option]:
    """Facet values plus ticked values the engine did not return (count 0, labelled from the vocabulary), so
    they can be unticked: a search that finds nothing still shows its filters."""
    options = [Option(name, v.value, v.label, v.count, (name, v.value) in selected) for v in values]
    present = {o.value for o in options}
    missing = [v for k, v in sorted(selected) if k == name and v not in present]
    if missing:
        labels = vocabulary_labels(name, missing, get_language() or "en")
        options += [Option(name, v, labels.get(v, v), 0, True) for v in missing]
    return options


def _split(options: list[Option]) -> tuple[list[Option], list[Option]]:
    """The first VISIBLE options and every ticked one stay visible; the rest go under "show all"."""
    visible = [o for i, o in enumerate(options) if i < VISIBLE or o.selected or o.open]
    shown = {id(o) for o in visible}
    return visible, [o for o in options if id(o) not in shown]


def _article_number(code: str) -> tuple[int, str]:
    tail = code.rsplit("-", 1)[-1]
    return (int(tail), code) if tail.isdigit() else (10**6, code)


def _instrument_tree(facets: dict, selected: set[tuple[str, str]]) -> list[Option]:
    parents = _options("instrument", facets.get("instrument", []), selected)
    by_code = {p.value: p for p in parents}
    for article in sorted(
        _options("article", facets.get("article", []), selected), key=lambda o: _article_number(o.value)
    ):
        parent = by_code.get(article.value.rsplit("-", 1)[0])
        if parent is None:
            parents.append(article)
        else:
            parent.children.append(article)
    return parents


def _issue_tree(facets: dict, selected: set[tuple[str, str]]) -> list[Option]:
    options = _options("issue", facets.get("issue", []), selected)
    nodes = {o.value: o for o in options}
    roots = []
    for option in options:
        parts = option.value.split(".")
        parent = next(
            (nodes[".".join(parts[:i])] for i in range(len(parts) - 1, 0, -1) if ".".join(parts[:i]) in nodes), None
        )
        (parent.children if parent else roots).append(option)
    return roots


def _crime_tree(facets: dict, selected: set[tuple[str, str]]) -> list[Option]:
    """Crime types, each with its sub-type families ('Means') holding their values ('Deception').

    Both levels below the crime type are values of the one `crime_subtype` facet, so ticking a family
    and a value of another family ORs them like any two values of a facet."""
    crimes = _options("crime_type", facets.get("crime_type", []), selected)
    by_code = {o.value: o for o in crimes}
    vocabulary = registry.vocabulary("crime_subtype")
    subtypes = _options("crime_subtype", facets.get("crime_subtype", []), selected)
    nodes = {o.value: o for o in subtypes}
    unknown = (10**6,)
    subtypes.sort(key=lambda o: (t.sort_order if (t := vocabulary.get(o.value)) else unknown, o.value))
    for option in subtypes:
        term = vocabulary.get(option.value)
        parent = None
        if term is not None:
            parent = nodes.get(term.parent) if term.pk is not None else None
            parent = parent or by_code.get(term.crime_type)
        (parent.children if parent else crimes).append(option)
    return crimes


def shown(name: str, selected: set[tuple[str, str]]) -> bool:
    """A facet of one record type (search.facets.FACET_TYPES: designations, the people and charges of cases)
    has a panel when the search is of that type alone, or when one of its values is ticked."""
    only = FACET_TYPES.get(name)
    if only is None:
        return True
    types = {value for key, value in selected if key == "type"}
    return types == {only} or any(key == name for key, _ in selected)


def build_panels(facets: dict[str, list[FacetValue]], selected: set[tuple[str, str]], lang: str) -> list[Panel]:
    """The sidebar, in PANEL_ORDER, skipping facets with nothing to offer."""
    panels = []
    for entry in PANEL_ORDER:
        if isinstance(entry, str) and not shown(entry, selected):
            continue
        if isinstance(entry, tuple):
            name, tree = entry[0], True
            options = _instrument_tree(facets, selected)
        elif entry == "issue":
            name, tree = entry, True
            options = _issue_tree(facets, selected)
        elif entry == "crime_type":
            name, tree = entry, True
            options = _crime_tree(facets, selected)
        else:
            name, tree = entry, False
            options = _options(entry, facets.get(entry, []), selected)
        if entry == "language":
            for o in options:
                o.label = language_label(o.value, o.label)
        if isinstance(entry, tuple):
            for o in options:
                if o.name == "instrument":
                    o.label = instrument_name_for(o.value) if o.value in INSTRUMENT_NAMES else o.label
        if options:
            visible, more = _split(options)
            panels.append(Panel(name, str(FACET_TITLES[name]), visible, more, tree))
    return panels


def language_label(code: str, fallback: str = "") -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return fallback or code


def filter_labels(
    params: list[tuple[str, str]], facets: dict[str, list[FacetValue]], lang: str
) -> dict[tuple[str, str], str]:
    """Labels for every active filter value: from the returned facets, else from the vocabularies."""
    wanted = {(k, v) for k, v in params if k in FILTER_NAMES}
    labels = {(name, f.value): f.label for name, values in facets.items() for f in values if (name, f.value) in wanted}
    for key, value in wanted:
        if key == "instrument" and value in INSTRUMENT_NAMES:
            labels[(key, value)] = instrument_name_for(value)
        elif key == "article" and (key, value) in labels and "-" in value:
            # "3. Use of terms" reads well under its instrument in the tree; a chip needs the instrument.
            labels[(key, value)] = f"{value.rsplit('-', 1)[0]} {labels[(key, value)]}"
        elif key == "crime_subtype" and value in registry.vocabulary(key):
            labels[(key, value)] = registry.subtype_label(value, lang)  # "Means: Deception"
        elif key == "type":
            labels[(key, value)] = str(TYPE_LABELS.get(value, value))
        elif key == "language":
            labels[(key, value)] = language_label(value)
    missing: dict[str, list[str]] = {}
    for key, value in wanted - labels.keys():
        missing.setdefault(key, []).append(value)
    for key, values in missing.items():
        for value, label in vocabulary_labels(key, values, lang).items():
            labels[(key, value)] = label
    return labels


def vocabulary_labels(name: str, values: list[str], lang: str) -> dict[str, str]:
    """Labels of `values` of filter `name` that the facets did not label (from the vocabulary registry)."""
    from search.service import VOCABULARY_OF, choices

    if name in choices():
        kind = choices()[name]
        return {v: str(kind(v).label) for v in values if v in kind.values}
    if name == "type":
        return {v: str(TYPE_LABELS[v]) for v in values if v in TYPE_LABELS}
    if name == "instrument":
        return {v: instrument_name_for(v) for v in values}
    if not registry.has(VOCABULARY_OF.get(name, name)):
        return {}
    vocabulary = registry.vocabulary(VOCABULARY_OF.get(name, name))
    terms = [t for t in (vocabulary.get(v) for v in values) if t is not None]
    if name == "article":  # "UNTOC 18. Mutual legal assistance": a chip needs the instrument
        return {t.code: f"{t.instrument} {t.label_in(lang)}" for t in terms}
    if name == "crime_subtype":  # "Means: Deception"
        return {t.code: registry.subtype_label(t.code, lang) for t in terms}
    return {t.code: t.label_in(lang) for t in terms}
