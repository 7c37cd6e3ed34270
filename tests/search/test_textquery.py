"""The tolerant text parser: what users type becomes words, phrases, OR groups and exclusions."""

import pytest

from search.query import NumberTerm, ParsedText
from search.textquery import MAX_TERM_CHARS, MAX_TERMS, parse_text, unparse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ParsedText()),
        ("   ", ParsedText()),
        ("trafficking persons", ParsedText(must=("trafficking", "persons"))),
        ("Trafficking", ParsedText(must=("Trafficking",))),  # case is the analyzers' business
        ('"human trafficking" victim', ParsedText(must=("victim",), phrases=("human trafficking",))),
        ('"  spaced   phrase  "', ParsedText(phrases=("spaced phrase",))),
        ('"single"', ParsedText(must=("single",))),
        ("-excluded kept", ParsedText(must=("kept",), excluded=("excluded",))),
        ('-"forced labour" kept', ParsedText(must=("kept",), excluded=("forced labour",))),
        ("k OR b c", ParsedText(must=("c",), any_of=(("k", "b"),))),
        ("k OR b OR c", ParsedText(any_of=(("k", "b", "c"),))),
        ('k OR "b c"', ParsedText(any_of=(("k", "b c"),))),
        ("k OR b x OR z", ParsedText(any_of=(("k", "b"), ("x", "z")))),
        ("anti-money laundering", ParsedText(must=("anti-money", "laundering"))),
        ("« exploitation sexuelle »", ParsedText(phrases=("exploitation sexuelle",))),
        ("\u201ctrata de personas\u201d", ParsedText(phrases=("trata de personas",))),
        ("人口贩运 问题", ParsedText(must=("人口贩运", "问题"))),
        ("الاتجار بالأشخاص", ParsedText(must=("الاتجار", "بالأشخاص"))),
        ("a a A", ParsedText(must=("a", "A"))),
    ],
)
def test_well_formed_input(text: str, expected: ParsedText) -> None:
    assert parse_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"unbalanced phrase', ParsedText(must=("unbalanced", "phrase"))),
        ('one "two three', ParsedText(must=("one", "two", "three"))),
        ('""', ParsedText()),
        ('-""', ParsedText()),
        ("-", ParsedText()),
        ("- - -", ParsedText()),
        ("- word", ParsedText(must=("word",))),
        ("--word", ParsedText(excluded=("word",))),
        ("word-", ParsedText(must=("word",))),
        ("OR", ParsedText(must=("OR",))),
        ("OR a", ParsedText(must=("OR", "a"))),
        ("a OR", ParsedText(must=("a", "OR"))),
        ("k OR OR b", ParsedText(any_of=(("k", "b"),))),
        ("a OR -b", ParsedText(must=("a", "OR"), excluded=("b",))),
        ("-a OR b", ParsedText(must=("OR", "b"), excluded=("a",))),
        ("a or b", ParsedText(must=("a", "or", "b"))),  # only upper-case OR is the operator
        ("a OR a", ParsedText(must=("a",))),
        ("title:trafficking^2", ParsedText(must=("title", "trafficking", "2"))),
        ("(a AND b) || c && d", ParsedText(must=("a", "AND", "b", "c", "d"))),
        ("traffick* ~fuzzy [1 TO 5] {x}", ParsedText(must=("traffick", "fuzzy", "1", "TO", "5", "x"))),
        ("back\\slash", ParsedText(must=("back", "slash"))),
        ("!!! ??? ... ---", ParsedText()),
        ("a\x00b\x07c", ParsedText(must=("a", "b", "c"))),
        ("zero\u200bwidth", ParsedText(must=("zerowidth",))),
        ("line\nbreak\ttab", ParsedText(must=("line", "break", "tab"))),
        ("Art. 3(1)(a)", ParsedText(must=("Art", "3", "1", "a"))),
        ("-title:x", ParsedText(excluded=("title", "x"))),
    ],
)
def test_malformed_input_degrades_to_plain_words(text: str, expected: ParsedText) -> None:
    assert parse_text(text) == expected


def test_huge_input_is_capped() -> None:
    parsed = parse_text(" ".join(f"w{i}" for i in range(5_000)))
    assert len(parsed.must) == MAX_TERMS
    assert parsed.must[:3] == ("w0", "w1", "w2")


def test_ten_thousand_characters_without_spaces() -> None:
    parsed = parse_text("x" * 10_000)
    assert parsed.must == ("x" * MAX_TERM_CHARS,)


def test_term_cap_counts_every_kind_of_term() -> None:
    text = " ".join(f'a{i} OR b{i} -c{i} "d{i} e{i}"' for i in range(100))
    parsed = parse_text(text)
    total = len(parsed.must) + len(parsed.phrases) + len(parsed.excluded) + sum(len(g) for g in parsed.any_of)
    assert total <= MAX_TERMS


@pytest.mark.parametrize(
    "text",
    [
        '"' * 101,
        "-" * 500,
        "OR " * 300,
        '-"' * 200,
        "\\" * 1000,
        "\ud800 lone surrogate",
        "".join(chr(i) for i in range(0, 0x300)),
        "a" + "\u0301" * 50,
        ")(][}{" * 100,
    ],
)
def test_never_raises(text: str) -> None:
    parsed = parse_text(text)
    assert isinstance(parsed, ParsedText)
    for term in (*parsed.must, *parsed.phrases, *parsed.excluded, *(t for g in parsed.any_of for t in g)):
        assert term.strip() == term and term
        assert '"' not in term and "\\" not in term and ":" not in term


def test_must_words_never_contain_spaces_and_positive_terms_cover_everything() -> None:
    parsed = parse_text('alpha "beta gamma" delta OR "epsilon zeta" -eta')
    assert all(" " not in word for word in parsed.must)
    assert parsed.positive_terms() == ["alpha", "beta gamma", "delta", "epsilon zeta"]
    assert parsed.excluded == ("eta",)


def test_exclusions_only_is_empty() -> None:
    parsed = parse_text("-a -b")
    assert parsed.is_empty
    assert parsed.excluded == ("a", "b")


# --- numbers -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "keys", "words"),
    [
        ("BRA016", ("bra016",), ("BRA016",)),
        ("HCCR 123/2019", ("1232019", "hccr1232019"), ("HCCR", "123", "2019")),
        ("Law No. 13.344", ("13344", "no13344", "lawno13344"), ("Law", "No", "13.344")),
        ("2017/0345-12", ("2017034512",), ("2017", "0345-12")),
    ],
)
def test_numbers_become_number_terms(text: str, keys: tuple[str, ...], words: tuple[str, ...]) -> None:
    parsed = parse_text(text)
    assert parsed.must == ()
    assert parsed.numbers == (NumberTerm(keys=keys, words=words, text=text),)


@pytest.mark.parametrize(
    "text",
    ['"HCCR 123/2019"', "-BRA016", "BRA016 OR KEN003", "title:trafficking^2", "G20 COVID-19", "2019"],
)
def test_phrases_exclusions_groups_syntax_and_short_numbers_stay_words(text: str) -> None:
    assert parse_text(text).numbers == ()


def test_words_beside_a_number_stay_required_words() -> None:
    parsed = parse_text("trafficking fishermen 2017/0345-12")
    assert parsed.must == ("trafficking", "fishermen")
    assert [n.keys for n in parsed.numbers] == [("2017034512",)]


@pytest.mark.parametrize(
    "text",
    ['smuggling "organized criminal group" migrants OR refugees -firearms -"money laundering"', "HCCR 123/2019 fish"],
)
def test_unparse_round_trips(text: str) -> None:
    parsed = parse_text(text)
    assert parse_text(unparse(parsed)) == parsed


def test_relaxation_counts_content_words_and_numbers() -> None:
    assert not parse_text("smuggling").relaxable()
    assert parse_text("the smuggling").relaxable()  # dropping "the" can find more
    assert not parse_text('"forced labour" smuggling').relaxable()  # a phrase stays required
    parsed = parse_text("the forced labour of fishermen BRA016")
    assert parsed.content_words() == ("forced", "labour", "fishermen")
    assert parsed.minimum_should_match() == 2
    assert parse_text("of the").content_words() == ("of", "the")  # only function words: they are the query


def test_function_words_leave_or_groups() -> None:
    assert parse_text("smuggling OR the") == ParsedText(must=("smuggling",))
    assert parse_text("smuggling OR the OR trafficking") == ParsedText(any_of=(("smuggling", "trafficking"),))
    assert parse_text("of OR the") == ParsedText(any_of=(("of", "the"),))  # nothing else: kept
