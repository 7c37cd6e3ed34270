"""Template helpers for the submission pages and the public record pages' "propose an update" button."""

from django import template

from submissions import revisions

register = template.Library()


@register.inclusion_tag("submissions/_revise_button.html", takes_context=True)
def revise_button(context: template.Context, kind: str, record: object) -> dict:
    """The button shows only to focal points of the record's country and editors (no query for anyone else)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    allowed = bool(user and user.is_authenticated) and revisions.may_revise(user, record)
    return {"allowed": allowed, "kind": kind, "record": record, "csrf_token": context.get("csrf_token")}
