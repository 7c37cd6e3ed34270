"""Each engine says which language its snippets are in, so a page can mark an English translation."""

from search.engines.elasticsearch.parsing import parse_hit, snippet_source


def test_snippet_from_the_english_body_of_a_portuguese_record_is_english() -> None:
    highlight = {"body_en": ["the <mark>coercion</mark> of"], "body_pt": ["coação"]}
    assert snippet_source(highlight, "fr", "pt") == ("en", ["the <mark>coercion</mark> of"])


def test_snippet_from_the_original_body_keeps_the_original_language() -> None:
    highlight = {"body_pt": ["<mark>aliciar</mark> pessoa"], "body_en": ["to recruit"]}
    assert snippet_source(highlight, "en", "pt-br") == ("pt-br", ["<mark>aliciar</mark> pessoa"])


def test_no_snippet_has_no_language() -> None:
    assert snippet_source({}, "en", "pt") == ("", [])


def test_parsed_hit_carries_the_snippet_language() -> None:
    raw = {
        "_id": "provision:1",
        "_source": {"type": "legislation", "record_id": 1, "language": "ru", "url": "/en/laws/1/", "title": "T"},
        "highlight": {"body_en": ["<mark>trafficking</mark>"]},
    }
    hit = parse_hit(raw, "ar")
    assert hit.snippet_language == "en" and hit.snippets == ["<mark>trafficking</mark>"]
