"""`{% facet_options options %}`: the checkbox lists of the search sidebar, built in Python.

Why not an {% include %} per option: a sidebar holds several hundred options (250 countries, 107
articles, 60 issues) and an include, or even format_html and intcomma per option, costs far more
than the few escaped strings an option needs. Building them here keeps the search page's render
time a small part of its response time (bench/web.py measures it).
"""

from functools import lru_cache

from django import template
from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from .facet_panels import Option

register = template.Library()


def _count(n: int, separator: str) -> str:
    return f"{n:,}".replace(",", separator) if n >= 1000 else str(n)


@lru_cache(maxsize=8192)
def _markup(name: str, value: str, label: str) -> tuple[str, str]:
    """The escaped HTML of one option around its checked state and count, per (facet, value, label).

    The same few hundred vocabulary values come back on every page, so this is built once per
    process (and per label language) rather than per request; keyed by the label itself, a
    vocabulary change that renames a value simply makes a new entry."""
    oid = escape(Option(name, value, label, 0, False).id)
    return (
        f'<li><label for="{oid}"><input type="checkbox" id="{oid}" name="{escape(name)}" value="{escape(value)}"',
        f' data-autosubmit> <span class="label">{escape(label)}</span> <span class="count">',
    )


def _option(option: Option, separator: str, out: list[str]) -> None:
    head, middle = _markup(option.name, option.value, str(option.label))
    checked = " checked" if option.selected else ""
    out.append(f"{head}{checked}{middle}{_count(option.count, separator)}</span></label>")
    if option.children:
        # 41 articles under a convention, up to 28 sub-types under a crime type: folded until opened
        folded = option.name in ("instrument", "crime_type")
        if folded:
            n = len(option.children)
            if option.name == "instrument":
                summary = escape(ngettext("%(counter)s article", "%(counter)s articles", n) % {"counter": n})
            else:
                summary = escape(gettext("Sub-types"))
            out.append(f'<details class="branch"{" open" if option.open else ""}><summary>{summary}</summary>')
        out.append("<ul>")
        for child in option.children:
            _option(child, separator, out)
        out.append("</ul>")
        if folded:
            out.append("</details>")
    out.append("</li>")


def options_html(options: list[Option]) -> SafeString:
    separator = get_format("THOUSAND_SEPARATOR")
    out: list[str] = []
    for option in options:
        _option(option, separator, out)
    return mark_safe("".join(out))  # noqa: S308 - every dynamic part above is escaped


@register.simple_tag
def facet_options(options: list[Option]) -> SafeString:
    """The <li> items (with nested lists for tree facets) of one facet panel."""
    return options_html(options)
