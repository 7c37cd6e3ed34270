"""Template tags shared by every public page: labels in the reader's language, links into the search,
the language switcher.

Why tags rather than view code: every record page shows dozens of tags, and each must be a link to
the search filtered by it. Building those URLs in one place keeps the parameter names in step with
search.facets (the same names the API and the search form use).
"""

import re
from functools import lru_cache

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse, translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from sherloc import richtext
from sherloc.language_codes import base_language

from .urlstate import encode, params_from

register = template.Library()

_LANG_CODES = tuple(code for code, _ in settings.LANGUAGES)
_LANG_PREFIX = re.compile(r"^/(" + "|".join(re.escape(c) for c in _LANG_CODES) + r")(/|$)")


@register.filter
def tr(obj: object) -> str:
    """A vocabulary term (crime type, country, article...) labelled in the active language."""
    if obj is None:
        return ""
    label_in = getattr(obj, "label_in", None)
    return label_in(get_language()) if label_in else str(obj)


@register.filter
def subtype(obj: object) -> str:
    """A crime sub-type labelled with its family in the active language: "Means: Deception"."""
    from taxonomy import registry

    return registry.subtype_label(getattr(obj, "code", str(obj)), get_language())


def search_href(**filters: object) -> str:
    """URL of the search page with the given filters; list values repeat the key (multi-select)."""
    pairs = []
    for key, value in filters.items():
        values = value if isinstance(value, list | tuple) else [value]
        pairs.extend((key, v) for v in values if v not in (None, ""))
    return reverse("search:search") + encode(params_from(pairs))


@register.simple_tag
def search_url(**filters: object) -> str:
    """{% search_url article="TIP-3" type="legislation" %}: a link to the search filtered by a tag."""
    return search_href(**filters)


@register.filter
def localized_path(url: str) -> str:
    """Put a stored path (the index keeps one, maybe with another language prefix) under the active language.

    Search documents are built once for every language, so the path they store cannot carry the
    reader's language; this swaps or adds the prefix instead of reversing each hit.
    """
    if not url or not url.startswith("/"):
        return url or ""
    return _with_prefix(url, get_language() or settings.LANGUAGE_CODE)


def _with_prefix(url: str, lang: str) -> str:
    match = _LANG_PREFIX.match(url)
    rest = url[match.end(1) :] if match else url
    return f"/{lang}{rest}"


@register.filter
def rich(text: str) -> SafeString:
    """Record rich text (case summaries, commentary, reasoning; provision texts; authority requirements):
    sanitised HTML, or escaped plain text with its paragraphs. The one way pages show those fields
    (sherloc.richtext.render)."""
    return richtext.render(text)


_BREAK_AFTER = re.compile(r"([@./_-])")


@register.filter
def breakable(address: str) -> SafeString:
    """An e-mail address or URL with <wbr> line-break points after '@', '.', '/', '_' and '-' (escaped
    otherwise), so a narrow column wraps it between its parts instead of in the middle of a word."""
    pieces = _BREAK_AFTER.split(str(address or ""))
    return format_html_join("", "{}{}", ((p, mark_safe("<wbr>") if _BREAK_AFTER.fullmatch(p) else "") for p in pieces))


@register.filter
def plaintext(text: str) -> str:
    """The same fields without markup, where a page shows an excerpt ("|plaintext|truncatewords:40"):
    the template escapes the result like any text."""
    return richtext.plain(text)


@register.filter
def initials(name: str) -> str:
    """'Maria Rossi' -> 'M.R.'; names already given as initials stay as they are.

    Victims appear by initials only: the database enforces it, and the page does it again so that a
    record imported before the constraint cannot leak a name.
    """
    name = (name or "").strip()
    if re.fullmatch(r"([A-Z][a-z]?\.\s?){1,4}", name):
        return name
    return "".join(f"{part[0].upper()}." for part in re.split(r"[\s.]+", name) if part)[:8]


@lru_cache(maxsize=4096)
def _translated_path(path: str, code: str) -> str:
    """translate_url() of a path without its query (which it keeps as it is): resolving and reversing
    for six languages on every page cost more than the rest of the page header; the answer depends
    only on the path and the URLconf, so it is kept per process."""
    return translate_url(path, code)


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict]:
    """The current page in each UI language (name in its own language), for the switcher."""
    request: HttpRequest | None = context.get("request")
    current = get_language()
    path = request.get_full_path() if request else "/"
    bare, sep, query = path.partition("?")
    links = []
    for code in _LANG_CODES:
        info = get_language_info(code)
        url = _translated_path(bare, code) + sep + query
        if url == path and code != current:  # not resolvable (a 404 page): swap the prefix
            url = _with_prefix(path, code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "current": code == current,
                "bidi": info["bidi"],
            }
        )
    return links


@register.simple_tag(takes_context=True)
def login_href(context: template.Context) -> str:
    """The sign-in page, returning here afterwards."""
    request: HttpRequest | None = context.get("request")
    login = settings.LOGIN_URL
    if not login.startswith("/"):
        login = reverse(login)
    return login + encode([("next", request.get_full_path())] if request else [])


@register.simple_tag(takes_context=True)
def absolute_url(context: template.Context, path: str) -> str:
    request: HttpRequest | None = context.get("request")
    return request.build_absolute_uri(path) if request else path


@register.filter
def language_name(language: object) -> str:
    """A content language ('pt' or a taxonomy.Language) named in the reader's language.

    Django's own catalogues name every common language in all six UI languages, so this needs no
    vocabulary translations; unknown codes fall back to the vocabulary label.
    """
    code = getattr(language, "code", language) or ""
    try:
        return str(get_language_info(str(code))["name_translated"])
    except KeyError:
        return tr(language) if hasattr(language, "label_in") else str(code)


@register.filter
def decision_date(case: object, unknown: str | None = None) -> str:
    """A case's decision date as people read it: '2018', 'March 2018', the full date, or `unknown`
    ('Date not recorded' unless given; pass "" to show nothing). One helper for every page (caselaw.dates)."""
    from caselaw.dates import decision_date_text

    return decision_date_text(case, unknown)


@register.filter
def decision_date_iso(case: object) -> str:
    """'2018', '2018-03' or '2018-03-15' (valid <time datetime> values, and the citation form); '' if unknown."""
    from caselaw.dates import iso_partial

    return iso_partial(case.decision_date, case.decision_date_precision) or ""


@register.simple_tag
def citation(*parts: object, place: str = "", year: object = None) -> SafeString:
    """'Title, No. 5/2016 (Brazil, 2016).': the record part of a citation, skipping empty parts.

    Each part is a <bdi>: an English title, an Arabic country name and a number keep their own direction
    and order inside a right-to-left sentence (without it an Arabic page scrambles the citation)."""
    texts = [str(p).strip() for p in parts if p not in (None, "") and str(p).strip()]
    comma, opening, closing = _CITATION_PUNCTUATION.get(base_language(get_language()), (", ", " (", ")"))
    head = format_html_join(comma, "<bdi>{}</bdi>", ((t,) for t in texts))
    where = format_html_join(comma, "<bdi>{}</bdi>", ((str(p),) for p in (place, year) if p not in (None, "")))
    return format_html("{}{}{}{}.", head, opening, where, closing) if where else format_html("{}.", head)


# The list comma and brackets of the page's language: Arabic "،", Chinese full-width "，" and "（）".
_CITATION_PUNCTUATION = {"ar": ("، ", " (", ")"), "zh-hans": ("，", "（", "）")}


@register.filter
def article_title(article: object) -> str:
    """An article's title alone in the active language ('Criminalization of ...'), without its number."""

    translations = getattr(article, "translations", None) or {}
    return translations.get(base_language(get_language())) or getattr(article, "title", "")


@register.filter
def reference(tag: object) -> str:
    """'UNTOC 5(1)(a)' for an article tag, formatted exactly as the search documents format it."""
    from search.documents import article_ref

    article = tag.article
    return article_ref(article.instrument.code, article.number, tag.paragraph)


# Short names of the shipped instruments as UI text (the vocabulary holds English titles only);
# an instrument's own `translations` win when a curator has filled them in.
INSTRUMENT_NAMES = {
    "UNTOC": _("Organized Crime Convention"),
    "TIP": _("Trafficking in Persons Protocol"),
    "SOM": _("Smuggling of Migrants Protocol"),
    "FIREARMS": _("Firearms Protocol"),
}


def instrument_name_for(code: str, instrument: object | None = None) -> str:
    """The short name in the active language. The reference data translates the full titles (the
    instruments' `translations`), so the four shipped treaties use the translated short names above;
    another instrument shows its translated title, else its short title."""
    from taxonomy import registry

    if code in INSTRUMENT_NAMES:
        return str(INSTRUMENT_NAMES[code])
    if instrument is None:
        return registry.label("instrument", code, get_language())
    own = (getattr(instrument, "translations", None) or {}).get(base_language(get_language()))
    return own or getattr(instrument, "short_title", "") or getattr(instrument, "label", "") or code


@register.filter
def instrument_name(instrument: object) -> str:
    """The short name of an instrument in the active language ('Firearms Protocol', 'Protocole ...')."""
    return instrument_name_for(getattr(instrument, "code", str(instrument)), instrument)
