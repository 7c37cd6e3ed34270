"""The submission serializer's schema matches its answers (issue #19, item 11): `public_url` is null until
the record is published, `edit_url` is always set (laws, cases and authorities all have a web form)."""

import pytest

pytestmark = pytest.mark.django_db


def test_schema_says_public_url_may_be_null_and_edit_url_is_set(api) -> None:  # noqa: ANN001
    schema = api.get("/api/v1/schema/?format=json", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    schemas = schema["components"]["schemas"].values()
    [fields] = [s["properties"] for s in schemas if "public_url" in s.get("properties", {})][:1]
    assert fields["public_url"].get("nullable") is True
    assert fields["edit_url"].get("nullable") is not True
