"""Header links per role: Submit for focal points and editors, Review for reviewers, account links for all."""

import re

import pytest

from sherloc.access import EDITORS, FOCAL_POINTS, REVIEWERS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
SUBMIT = 'href="/en/submit/mine/"'
REVIEW = 'href="/en/review/"'


def nav_of(client, path: str = "/en/") -> str:  # noqa: ANN001
    html = client.get(path).content.decode()
    return re.search(r'<nav class="wrap main-nav".*?</nav>', html, re.S).group(0)


def test_anonymous_visitors_see_sign_in_only(client) -> None:  # noqa: ANN001
    nav = nav_of(client)
    assert 'href="/en/accounts/login/?next=%2Fen%2F"' in nav
    assert SUBMIT not in nav and REVIEW not in nav and "Sign out" not in nav and "Change password" not in nav


@pytest.mark.parametrize(
    ("groups", "staff", "submit", "review"),
    [
        ([FOCAL_POINTS], False, True, False),
        ([EDITORS], True, True, False),
        ([REVIEWERS], True, False, True),
        ([EDITORS, REVIEWERS], True, True, True),
        (["practitioners"], False, False, False),
        ([], False, False, False),
    ],
)
def test_work_area_links_follow_the_role(client, groups, staff, submit, review) -> None:  # noqa: ANN001
    client.force_login(UserFactory(username="someone", groups=groups, is_staff=staff))
    nav = nav_of(client)
    assert (SUBMIT in nav) is submit
    assert (REVIEW in nav) is review
    assert "Signed in as someone" in nav
    assert 'href="/en/accounts/password_change/"' in nav


def test_superusers_see_both(client) -> None:  # noqa: ANN001
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    nav = nav_of(client)
    assert SUBMIT in nav and REVIEW in nav


def test_current_area_is_marked(client) -> None:  # noqa: ANN001
    client.force_login(UserFactory(username="fp", groups=[FOCAL_POINTS]))
    assert f'{SUBMIT} aria-current="page"' in nav_of(client, "/en/submit/mine/")
    assert f'{SUBMIT} aria-current="page"' not in nav_of(client)


def test_sign_out_is_a_post_form_with_csrf(client) -> None:  # noqa: ANN001
    client.force_login(UserFactory(username="amina"))
    nav = nav_of(client)
    form = re.search(r'<form method="post" action="/en/accounts/logout/".*?</form>', nav, re.S).group(0)
    assert 'name="csrfmiddlewaretoken"' in form and "Sign out" in form
    assert client.get("/en/accounts/logout/").status_code == 405  # no sign-out by a GET (link prefetch, CSRF)
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302 and "_auth_user_id" not in client.session


def test_nav_renders_right_to_left_in_arabic(client) -> None:  # noqa: ANN001
    client.force_login(UserFactory(username="fp", groups=[FOCAL_POINTS, REVIEWERS]))
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="/ar/submit/mine/"' in html and 'href="/ar/review/"' in html
    assert 'action="/ar/accounts/logout/"' in html


def test_public_pages_do_not_query_groups_for_anonymous_visitors(client, django_assert_max_num_queries) -> None:  # noqa: ANN001
    client.get("/en/")  # warm-up (reference data caches)
    with django_assert_max_num_queries(50) as queries:
        client.get("/en/")
    assert not any("auth_user_groups" in q["sql"] for q in queries.captured_queries)
