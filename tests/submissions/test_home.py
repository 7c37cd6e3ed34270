"""The /submit/ landing page: the three "new" forms and "My submissions", for focal points and editors."""

import pytest

from tests.submissions.conftest import as_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("who", "status"), [("fp_bra", 200), ("editor", 200), ("reviewer", 403), ("nobody", 403)])
def test_landing_page(client, request, who, status) -> None:  # noqa: ANN001
    response = as_user(client, request.getfixturevalue(who)).get("/en/submit/")
    assert response.status_code == status
    if status == 200:
        page = response.content.decode()
        for url in ("/en/submit/laws/new/", "/en/submit/cases/new/", "/en/submit/authorities/new/", "/en/submit/mine/"):
            assert f'href="{url}"' in page
        assert ("Brazil" in page) is (who == "fp_bra")


def test_landing_page_needs_login(client) -> None:  # noqa: ANN001
    response = client.get("/en/submit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
