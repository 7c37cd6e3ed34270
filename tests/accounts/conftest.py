"""Actors for the account tests and helpers to read links out of e-mails."""

import re

import pytest

from sherloc.access import EDITORS, REVIEWERS
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"  # tests.factories.UserFactory's password
NEW_PASSWORD = "Tidal-Quartz-Lantern-42"


def link_in(message: object) -> str:
    """The path of the first link to this site in an e-mail body."""
    match = re.search(r"https?://testserver(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def secretariat(db):  # noqa: ANN001, ANN201
    """A secretariat editor with admin access (the role that sends invitations)."""
    return UserFactory(username="editor", is_staff=True, groups=[EDITORS])


@pytest.fixture
def staff_without_invite(db):  # noqa: ANN001, ANN201
    """Staff (admin access) but no invitation permission: a reviewer."""
    return UserFactory(username="reviewer", is_staff=True, groups=[REVIEWERS])


@pytest.fixture
def mailbox(django_capture_on_commit_callbacks, mailoutbox):  # noqa: ANN001, ANN201
    """`with mailbox() as outbox:` runs the on-commit callbacks (where e-mail is sent) of the block."""
    from contextlib import contextmanager

    @contextmanager
    def block():  # noqa: ANN202
        with django_capture_on_commit_callbacks(execute=True):
            yield mailoutbox

    return block
