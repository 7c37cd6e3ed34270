"""Attachment downloads: the only way to a stored file.

Nothing serves MEDIA_ROOT by URL (see config/urls.py), because an unpublished record's files must stay
as private as the record. This view decides per request:

- the record is published: anyone may download;
- not published (draft, in review, returned, withdrawn, a pending revision...): users allowed by
  `submissions.record_access.can_view` (editors, reviewers, focal points of the record's country);
  another signed-in user gets 403, like on every other page of a record outside their scope;
  an anonymous visitor gets 404, so drafts do not "exist" publicly (the public law and case pages
  answer 404 for them too).

The file is streamed (FileResponse) as a download under its original name, with the type detected at
upload and `X-Content-Type-Options: nosniff`, so a browser never second-guesses the content.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from sherloc.models import Attachment, PublishableRecord, attachment_models
from submissions import record_access


def _owner(model: type[Attachment]) -> str:
    """The attachment's foreign key to its record (the one field pointing at a record family)."""
    return next(f.name for f in model._meta.fields if f.is_relation and issubclass(f.related_model, PublishableRecord))


def download_kinds() -> dict[str, tuple[type[Attachment], str]]:
    """kind in the URL -> (attachment model, name of its record foreign key), for every family that has
    attachments: a new family's files are downloadable by declaring `download_kind`."""
    return {model.download_kind: (model, _owner(model)) for model in attachment_models()}


def may_download(user: object, record: Model) -> bool:
    """Published records' files are public; the others follow the record's own visibility."""
    return record.is_published or record_access.can_view(user, record)


@require_safe
def attachment_download(request: HttpRequest, kind: str, pk: int) -> FileResponse:
    kinds = download_kinds()
    if kind not in kinds:
        raise Http404
    model, owner = kinds[kind]
    attachment = get_object_or_404(model.objects.select_related(owner), pk=pk)
    record = getattr(attachment, owner)
    if not may_download(request.user, record):
        if not request.user.is_authenticated:
            raise Http404
        raise PermissionDenied
    if not attachment.file.name:
        raise Http404
    try:
        handle = attachment.file.storage.open(attachment.file.name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name or "document.pdf",
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    if not record.is_published:  # files of unpublished records must not linger in any cache
        response["Cache-Control"] = "private, no-store"
    return response
