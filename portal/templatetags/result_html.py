"""`{% result_items hits %}`: the <li> items of the search result list, built in Python.

Why not template tags per hit: twenty hits with a dozen variables, filters and conditions each were
a third of the search page's render time (bench/run.py profiles it), for markup this short. Same
reasons and same escaping rules as facet_html: every dynamic part is escaped except the snippets,
which the engines escape and mark (they arrive as SafeString).
"""

from html import escape as _escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()


def _e(value: object) -> str:
    """Django's conditional_escape without its lazy-object wrapper: safe strings pass as they are."""
    html = getattr(value, "__html__", None)
    return str(html()) if html else _escape(str(value))


def result_items_html(hits: list[dict]) -> SafeString:
    out: list[str] = []
    articles = translation = None
    for hit in hits:
        out.append(
            f'<li class="result"><span class="badge badge-{_e(hit["type"])}">{_e(hit["type_label"])}</span> '
            f'<h3><a href="{_e(hit["url"])}" dir="auto">{_e(hit["title"])}</a></h3>'
        )
        if hit["subtitle_parts"]:  # each part isolated: mixed-direction parts keep their order in RTL pages
            parts = " · ".join(f"<bdi>{_e(part)}</bdi>" for part in hit["subtitle_parts"])
            out.append(f'<p class="subtitle">{parts}</p>')
        lang = f' lang="{_e(hit["language"])}"' if hit["language"] else ""
        mark = ""
        if hit["translated"]:  # an English translation of the original: say so
            translation = translation or _e(gettext("Translation"))
            mark = f'<span class="translation-mark">{translation}</span> '
        for snippet in hit["snippets"]:
            out.append(f'<p class="snippet">{mark}<span{lang} dir="auto">{_e(snippet)}</span></p>')
        if hit["refs"]:
            articles = articles or _e(gettext("Articles"))
            out.append(f'<p class="muted refs">{articles}: {", ".join(_e(r) for r in hit["refs"])}</p>')
        out.append("</li>")
    return mark_safe("".join(out))  # noqa: S308 - every dynamic part above is escaped


@register.simple_tag
def result_items(hits: list[dict]) -> SafeString:
    """The <li class="result"> items of one result page."""
    return result_items_html(hits)
