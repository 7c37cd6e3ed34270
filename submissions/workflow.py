"""The publication workflow: the only place that changes a record's status.

    draft ──submit──> submitted ──start_review──> in_review ──publish──> published
      ^                  ^                          │  │                     │
      │                  └──submit── returned <─────┘  └──reject──> rejected  │
      └──────────────────────────── unpublish (to draft or withdrawn) ───────┘
    withdraw (by the submitter): draft / submitted / returned -> withdrawn

Each transition checks the actor's role and the record's current status (re-read under a row lock),
sets the record's workflow fields, saves it with `.save()` so the search signals re-index it
(publishing makes it searchable, anything else removes it), writes a `Transition` row and, after
commit, e-mails the people concerned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interchange.jsonl_format import iso_datetime
from sherloc import access
from sherloc.models import PublicationStatus

from . import record_access, snapshots
from .models import Transition


class WorkflowError(Exception):
    """A transition that cannot happen; `str()` is a message fit for the user."""


class InvalidTransition(WorkflowError):
    """The record's current status does not allow this transition."""


class AlreadyDecided(InvalidTransition):
    """Someone else acted on the record since the user looked at it (another reviewer's decision)."""

    @classmethod
    def gone(cls) -> AlreadyDecided:
        """For a submission that no longer exists: an approved update is deleted once applied."""
        return cls(_("This submission is no longer pending: someone else has already decided on it."))


class CommentRequired(WorkflowError):
    """Returning and rejecting must say why."""


class NotAllowed(WorkflowError, PermissionDenied):
    """The user's role does not allow this transition on this record."""


@dataclass(frozen=True)
class Step:
    name: str
    sources: tuple[str, ...]


SUBMIT = Step("submit", (PublicationStatus.DRAFT, PublicationStatus.RETURNED))
START_REVIEW = Step("start_review", (PublicationStatus.SUBMITTED,))
PUBLISH = Step("publish", (PublicationStatus.IN_REVIEW,))
RETURN = Step("return", (PublicationStatus.IN_REVIEW,))
REJECT = Step("reject", (PublicationStatus.IN_REVIEW,))
WITHDRAW = Step("withdraw", (PublicationStatus.DRAFT, PublicationStatus.SUBMITTED, PublicationStatus.RETURNED))
UNPUBLISH = Step("unpublish", (PublicationStatus.PUBLISHED,))
UNPUBLISH_TARGETS = (PublicationStatus.DRAFT, PublicationStatus.WITHDRAWN)
# A reviewer's decisions, and the statuses they leave behind: meeting one of these means another
# reviewer was first, which deserves its own message rather than "cannot start reviewing".
DECISIONS = frozenset(("start_review", "publish", "return", "reject"))
DECIDED = frozenset(
    (PublicationStatus.IN_REVIEW, PublicationStatus.PUBLISHED, PublicationStatus.RETURNED, PublicationStatus.REJECTED)
)


# --------------------------------------------------------------------------- permission rules


def _may_submit(user, record) -> bool:  # noqa: ANN001
    return access.is_editor(user) or (
        access.is_focal_point(user) and record_access.countries_for(user).filter(pk=record.country_id).exists()
    )


def may_withdraw(user, record) -> bool:  # noqa: ANN001
    if access.is_editor(user):
        return True
    if record.submitted_by_id is not None:
        return record.submitted_by_id == getattr(user, "pk", None)
    return _may_submit(user, record)  # a draft never submitted: any focal point of its country


# --------------------------------------------------------------------------- the engine


def history(record: models.Model) -> models.QuerySet[Transition]:
    """The record's transitions, oldest first."""
    ct = ContentType.objects.get_for_model(record, for_concrete_model=True)
    return Transition.objects.filter(content_type=ct, object_id=record.pk).select_related("actor")


def latest_comment(record: models.Model) -> Transition | None:
    return history(record).exclude(comment="").order_by("-created_at", "-pk").first()


def record_created(record: models.Model, user, comment: str = "") -> Transition:  # noqa: ANN001
    """Log the creation of a record through the submission forms (from '' to its status)."""
    return log(record, user, "", record.status, comment)


def log(record: models.Model, user, source: str, target: str, comment: str) -> Transition:  # noqa: ANN001
    return Transition.objects.create(
        content_type=ContentType.objects.get_for_model(record, for_concrete_model=True),
        object_id=record.pk,
        actor=user if getattr(user, "is_authenticated", False) else None,
        from_status=source,
        to_status=target,
        comment=comment,
    )


def _locked_status(record: models.Model) -> str | None:
    """The record's stored status, its row locked until the transaction ends; None if it is gone."""
    rows = type(record)._default_manager.select_for_update().filter(pk=record.pk).values_list("status", flat=True)
    return rows.first()


def _check_source(step: Step, source: str | None) -> str:
    if source is None:
        raise AlreadyDecided.gone()
    if source not in step.sources:
        if step.name in DECISIONS and source in DECIDED:
            raise AlreadyDecided(
                _("Someone else has already decided on this record: its status is now “%(status)s”.")
                % {"status": PublicationStatus(source).label}
            )
        raise InvalidTransition(_invalid_message(step, source))
    return source


def _apply(
    step: Step,
    record: models.Model,
    user,  # noqa: ANN001
    target: str,
    allowed: bool,
    comment: str = "",
    fields: dict | None = None,
    after: Callable[[models.Model], object] | None = None,
) -> Transition:
    if not allowed:
        raise NotAllowed(_("Your role does not allow this step on this record."))
    with transaction.atomic():
        source = _check_source(step, _locked_status(record))
        record.status = target
        for name, value in (fields or {}).items():
            setattr(record, name, value)
        record.save()  # a full save: search signals re-index (or remove) the record after commit
        entry = log(record, user, source, target, comment)
        if after is not None:
            after(record)
        transaction.on_commit(lambda: _notify(step, record, entry))
    return entry


def _invalid_message(step: Step, status: str) -> str:
    """One whole sentence per step: translators never have to assemble a verb into a sentence."""
    messages = {
        "submit": _("Cannot submit: the record's status is “%(status)s”."),
        "start_review": _("Cannot start reviewing: the record's status is “%(status)s”."),
        "publish": _("Cannot publish: the record's status is “%(status)s”."),
        "return": _("Cannot return to the submitter: the record's status is “%(status)s”."),
        "reject": _("Cannot reject: the record's status is “%(status)s”."),
        "withdraw": _("Cannot withdraw: the record's status is “%(status)s”."),
        "unpublish": _("Cannot unpublish: the record's status is “%(status)s”."),
    }
    return messages[step.name] % {"status": PublicationStatus(status).label}


# --------------------------------------------------------------------------- public transitions


def submit(record: models.Model, user, comment: str = "") -> Transition:  # noqa: ANN001
    """draft/returned -> submitted, by a focal point of the record's country (or an editor)."""
    now = timezone.now()
    return _apply(
        SUBMIT,
        record,
        user,
        PublicationStatus.SUBMITTED,
        _may_submit(user, record),
        comment,
        {"submitted_by": user, "submitted_at": now},
    )


def start_review(record: models.Model, user, comment: str = "") -> Transition:  # noqa: ANN001
    """submitted -> in_review, by a reviewer (who becomes the record's reviewer)."""
    fields = {"reviewed_by": user, "reviewed_at": timezone.now()}
    return _apply(START_REVIEW, record, user, PublicationStatus.IN_REVIEW, access.is_reviewer(user), comment, fields)


def publish(record: models.Model, user, comment: str = "") -> Transition:  # noqa: ANN001
    """in_review -> published: the record becomes public and searchable (a snapshot of it is kept).

    For a pending revision, the revision's content replaces its published record's instead.
    """
    if record.revision_of_id is not None:
        return _approve_revision(record, user, comment)
    now = timezone.now()
    fields = {"reviewed_by": user, "reviewed_at": now, "published_at": now}

    def keep_version(published: models.Model) -> None:
        snapshots.snapshot(published, user, note="published")

    return _apply(
        PUBLISH, record, user, PublicationStatus.PUBLISHED, access.is_reviewer(user), comment, fields, keep_version
    )


def _approve_revision(revision: models.Model, user, comment: str) -> Transition:  # noqa: ANN001
    if not access.is_reviewer(user):
        raise NotAllowed(_("Your role does not allow this step on this record."))
    with transaction.atomic():
        source = _check_source(PUBLISH, _locked_status(revision))
        record = _apply_revision(revision, user)
        entry = log(record, user, source, PublicationStatus.PUBLISHED, comment or _("Update approved and published."))
        snapshots.snapshot(record, user, note="revision approved")
        transaction.on_commit(lambda: _notify(PUBLISH, record, entry))
    return entry


def _apply_revision(revision: models.Model, user) -> models.Model:  # noqa: ANN001
    """Copy an approved revision onto its record (inside the caller's transaction) and delete the copy.

    The caller (`_approve_revision`) has checked the reviewer's role and the revision's status under a lock.
    """
    record = type(revision)._default_manager.select_for_update().get(pk=revision.revision_of_id)
    if record.status != PublicationStatus.PUBLISHED:
        raise InvalidTransition(
            _("The record this revision updates is no longer published; unpublished records are edited directly.")
        )
    now = timezone.now()
    data = snapshots.as_format(revision)
    data.update(
        external_id=record.external_id,
        status=PublicationStatus.PUBLISHED,
        submitted_by=data.get("submitted_by"),
        reviewed_by=getattr(user, "username", None),
        reviewed_at=iso_datetime(now),
        published_at=iso_datetime(now),
        created_at=iso_datetime(record.created_at),
        updated_at=None,
    )
    snapshots.write(record, data, "revision approved")
    ct = ContentType.objects.get_for_model(record, for_concrete_model=True)
    Transition.objects.filter(content_type=ct, object_id=revision.pk).update(object_id=record.pk)
    revision.delete()
    record.refresh_from_db()
    return record


def take_into_review(record: models.Model, user) -> None:  # noqa: ANN001
    """Start reviewing a submission nobody has taken yet; a record already in review is left as it is.
    The review queue's decisions, its bulk publish and the admin's actions call it before deciding, so
    deciding on a submitted record logs both steps."""
    with transaction.atomic():
        status = _locked_status(record)
        if status is None or status == PublicationStatus.SUBMITTED:
            start_review(record, user)  # a vanished record is reported by start_review


def approve(record: models.Model, user, comment: str = "") -> Transition:  # noqa: ANN001
    """submitted or in_review -> published, in one step for the reviewer (see take_into_review)."""
    with transaction.atomic():
        take_into_review(record, user)
        return publish(record, user, comment)


def return_to_submitter(record: models.Model, user, comment: str) -> Transition:  # noqa: ANN001
    """in_review -> returned, with the reviewer's comment; the focal point edits and submits again."""
    if not (comment or "").strip():
        raise CommentRequired(_("Say what the submitter should change: a comment is required."))
    fields = {"reviewed_by": user, "reviewed_at": timezone.now()}
    return _apply(RETURN, record, user, PublicationStatus.RETURNED, access.is_reviewer(user), comment.strip(), fields)


def reject(record: models.Model, user, reason: str) -> Transition:  # noqa: ANN001
    """in_review -> rejected, with the reason."""
    if not (reason or "").strip():
        raise CommentRequired(_("A reason is required to reject a record."))
    fields = {"reviewed_by": user, "reviewed_at": timezone.now()}
    return _apply(REJECT, record, user, PublicationStatus.REJECTED, access.is_reviewer(user), reason.strip(), fields)


def withdraw(record: models.Model, user, comment: str = "") -> Transition:  # noqa: ANN001
    """draft/submitted/returned -> withdrawn, by the submitter."""
    return _apply(WITHDRAW, record, user, PublicationStatus.WITHDRAWN, may_withdraw(user, record), comment)


def unpublish(record: models.Model, user, to: str = PublicationStatus.DRAFT, comment: str = "") -> Transition:  # noqa: ANN001
    """published -> draft or withdrawn, by a reviewer: the record leaves the public site and search."""
    if to not in UNPUBLISH_TARGETS:
        raise InvalidTransition(_("A published record can only go back to draft or be withdrawn."))
    fields = {"reviewed_by": user, "reviewed_at": timezone.now()}
    return _apply(UNPUBLISH, record, user, to, access.is_reviewer(user), comment, fields)


# --------------------------------------------------------------------------- notifications


def _reviewer_emails() -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    reviewers = users.filter(groups__name=access.REVIEWERS).values_list("email", flat=True)
    return sorted(set(reviewers))


def _notify(step: Step, record: models.Model, entry: Transition) -> None:
    """E-mail the reviewers about new submissions and the submitter about decisions."""
    if step.name == "submit":
        recipients = _reviewer_emails()
        subject = _("New submission: %(record)s") % {"record": record}
    elif step.name in ("publish", "return", "reject", "unpublish"):
        submitter = record.submitted_by
        recipients = [submitter.email] if submitter is not None and submitter.email else []
        subject = _("Your submission “%(record)s” now has the status “%(status)s”") % {
            "status": PublicationStatus(entry.to_status).label,
            "record": record,
        }
    else:
        return
    if not recipients:
        return
    lines = [
        subject,
        "",
        _("Status: %(from)s -> %(to)s")
        % {"from": PublicationStatus(entry.from_status).label, "to": PublicationStatus(entry.to_status).label},
        _("By: %(user)s") % {"user": entry.actor or "-"},
    ]
    if entry.comment:
        lines += ["", _("Comment:"), entry.comment]
    send_mail(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=True)
