"""Sending and accepting invitations. The admin and the invitation page call these, never the model directly,
so the e-mail, the expiry and the account set-up stay the same whichever way an invitation is made."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from submissions.models import FocalPointScope

from .models import Invitation
from .roles import STAFF_ROLES, Role


class InvitationUnavailable(Exception):
    """The invitation was accepted (or expired) between showing the form and submitting it."""


def send_invitation(invitation: Invitation, request: HttpRequest, sender: object | None = None) -> None:
    """Issue a new token and expiry, save, and e-mail the link after the transaction commits.

    Called when an invitation is created and by "send again": each call invalidates the previous link.
    """
    token = invitation.new_token()
    now = timezone.now()
    invitation.sent_at = now
    invitation.expires_at = now + dt.timedelta(days=settings.INVITATION_EXPIRY_DAYS)
    if sender is not None and getattr(sender, "is_authenticated", False):
        invitation.invited_by = sender
    invitation.save()
    with translation.override(invitation.language):
        link = request.build_absolute_uri(reverse("invitation-accept", kwargs={"token": token}))
        context = {
            "invitation": invitation,
            "link": link,
            "role": invitation.get_role_display(),
            "countries": list(invitation.countries.order_by("alpha3")),
            "expires_at": invitation.expires_at,
            "days": settings.INVITATION_EXPIRY_DAYS,
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation.txt", context)
    recipient = invitation.email
    transaction.on_commit(lambda: send_mail(subject, body, None, [recipient]))


@transaction.atomic
def accept_invitation(invitation: Invitation, form: object) -> object:
    """Create the account from a valid acceptance form: group, staff flag, focal point scope; mark accepted.

    The invitation row is re-read under a lock so two submissions of the same link cannot create two
    accounts.
    """
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.is_accepted or locked.is_expired:
        raise InvitationUnavailable
    user = form.save(commit=False)
    user.email = locked.email
    user.is_staff = locked.role in STAFF_ROLES
    user.save()
    user.groups.add(Group.objects.get_or_create(name=locked.role)[0])
    if locked.role == Role.FOCAL_POINT:
        scope, _ = FocalPointScope.objects.get_or_create(user=user, defaults={"note": locked.note})
        scope.countries.set(locked.countries.all())
    locked.accepted_at = timezone.now()
    locked.user = user
    locked.save(update_fields=["accepted_at", "user"])
    return user
