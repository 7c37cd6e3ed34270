"""British and American spellings are one word to the search box: the one list, used by every engine.

Both engines expand a query word (or each word of a phrase) into its other spelling at query time: the
Snowball stemmers do not join them ("organised" -> `organis`, "organized" -> `organ`), and query-time
expansion needs no index rebuild and no synonym filter (tantivy's Python binding has none), so the two
engines stay identical. Add a pair here and both engines follow.
"""

from functools import cache
from itertools import product

# Whole words, British -> American. Inflected forms are listed (the stemmer runs after expansion, so
# every form a user may type must be here); -ise/-ize verbs are generated from ISE_STEMS below.
_PAIRS: dict[str, str] = {
    "labour": "labor",
    "labours": "labors",
    "laboured": "labored",
    "labourer": "laborer",
    "labourers": "laborers",
    "offence": "offense",
    "offences": "offenses",
    "defence": "defense",
    "defences": "defenses",
    "pretence": "pretense",
    "programme": "program",
    "programmes": "programs",
    "judgement": "judgment",
    "judgements": "judgments",
    "licence": "license",
    "licences": "licenses",
    "harbour": "harbor",
    "harbours": "harbors",
    "harbouring": "harboring",
    "harboured": "harbored",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "neighbouring": "neighboring",
    "behaviour": "behavior",
    "favour": "favor",
    "honour": "honor",
    "centre": "center",
    "centres": "centers",
    "jewellery": "jewelry",
    "travelled": "traveled",
    "travelling": "traveling",
    "counselling": "counseling",
    "modelling": "modeling",
    "fulfil": "fulfill",
    "enrolment": "enrollment",
    "analyse": "analyze",
    "analysed": "analyzed",
    "paralyse": "paralyze",
    "cheques": "checks",
    "manoeuvre": "maneuver",
    "criminalisation": "criminalization",
}
# -ise / -ize stems: organise, organised, organises, organising, organisation(s), organiser(s).
ISE_STEMS: tuple[str, ...] = (
    "organ",
    "recogn",
    "author",
    "criminal",
    "decriminal",
    "penal",
    "legal",
    "character",
    "util",
    "minim",
    "jeopard",
    "special",
    "real",
    "mobil",
    "central",
    "priorit",
    "apolog",
    "summar",
    "victim",
    "computer",
    "standard",
    "neutral",
    "stabil",
    "international",
    "digit",
)
_ISE_ENDINGS: dict[str, str] = {
    "ise": "ize",
    "ised": "ized",
    "ises": "izes",
    "ising": "izing",
    "isation": "ization",
    "isations": "izations",
    "iser": "izer",
    "isers": "izers",
}


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    pairs = dict(_PAIRS)
    for stem in ISE_STEMS:
        for british, american in _ISE_ENDINGS.items():
            pairs[stem + british] = stem + american
    for british, american in pairs.items():
        table[british] = american
        table.setdefault(american, british)
    return table


VARIANTS: dict[str, str] = _table()
MAX_PHRASE_VARIANTS = 4


@cache
def word_variants(word: str) -> tuple[str, ...]:
    """The word and its other spelling, if it has one (the word as typed comes first)."""
    other = VARIANTS.get(word.casefold())
    return (word, other) if other else (word,)


def variants(text: str) -> tuple[str, ...]:
    """A word or a phrase in each of its spellings: the text as typed first, at most MAX_PHRASE_VARIANTS."""
    words = text.split()
    if len(words) <= 1:
        return word_variants(text)
    options = [word_variants(w) for w in words]
    if all(len(o) == 1 for o in options):
        return (text,)
    result = []
    for combination in product(*options):
        result.append(" ".join(combination))
        if len(result) == MAX_PHRASE_VARIANTS:
            break
    return tuple(result)
