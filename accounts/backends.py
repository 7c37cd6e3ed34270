"""Authentication backends: sign-in with a username or an e-mail address, and login throttling.

Why a backend rather than a custom login form: the admin login, the public login page and any later
caller of `authenticate()` then accept the same identifiers and go through the same throttle.
"""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest


class ThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check (first in AUTHENTICATION_BACKENDS), skipped when there is no request.

    Axes raises `AxesBackendRequestParameterRequired` for `authenticate()` without a request; the only
    such callers here are the test client's `client.login()` and shell scripts, which have no client
    IP to throttle. Every web sign-in (login page, admin, password change) passes the request.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: object,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class UsernameOrEmailBackend(ModelBackend):
    """ModelBackend that also accepts the account's e-mail address (case-insensitive) as identifier.

    An exact username match wins (usernames may contain "@"). Otherwise the identifier is looked up as
    an e-mail address; Django does not make e-mail addresses unique, so when two accounts share the
    address the sign-in is refused rather than guessing which account was meant: those users sign in
    with their username. The password hasher runs in every branch so timing does not reveal which
    identifiers exist.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: object,
    ) -> object | None:
        user_model = get_user_model()
        if username is None:
            username = kwargs.get(user_model.USERNAME_FIELD)
        if not username or password is None:
            return None
        user = self.find_user(username)
        if user is None:
            user_model().set_password(password)  # same cost as a real check (see ModelBackend)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    @staticmethod
    def find_user(identifier: str) -> object | None:
        """The one account the identifier names, or None (unknown or ambiguous)."""
        user_model = get_user_model()
        manager = user_model._default_manager
        try:
            return manager.get_by_natural_key(identifier)
        except user_model.DoesNotExist:
            pass
        if "@" not in identifier:
            return None
        matches = list(manager.filter(**{f"{user_model.EMAIL_FIELD}__iexact": identifier.strip()})[:2])
        return matches[0] if len(matches) == 1 else None
