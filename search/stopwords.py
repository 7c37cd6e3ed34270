"""Function words: they do not decide the ranking or the count of a relaxed (most-words) search.

The analyzers keep every word (so "trafficking in persons" and quoted phrases keep their meaning, and an
all-words search still requires them), but when a search falls back to "records with most of the words",
a record must not qualify or rank higher because it contains "of", "the", "de" or "la". The text's
language is not known (a French reader may search English records), so a word counts as a function word
when it is one in any of the portal's text languages. The lists are short on purpose: articles,
prepositions, conjunctions, pronouns and auxiliaries, nothing that can carry meaning in a legal text.
"""

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "a an the of in on at by for to from with into onto as and or nor but if than that this these those "
        "which who whom whose what when where while is are was were be been being has have had do does did "
        "it its their there them they he she his her we our you your i me my not no so such about over "
        "under between".split()
    ),
    "fr": frozenset(
        "le la les l un une des du de d au aux et ou en dans par pour sur sous avec sans que qui quoi dont "
        "ce cet cette ces son sa ses leur leurs il elle ils elles est sont a ont se ne pas".split()
    ),
    "es": frozenset(
        "el la los las lo un una unos unas de del al y e o u en por para con sin sobre que quien cual "
        "cuyo su sus se es son fue ha han como entre".split()
    ),
    "pt": frozenset(
        "o a os as um uma uns umas de do da dos das no na nos nas ao aos e ou em por pelo pela pelos pelas "
        "para com sem sobre que quem seu sua seus suas se é são foi como entre".split()
    ),
    "ru": frozenset("и в во не на с со о об от по к ко из за для до у или а но что как это его её их же бы ли".split()),
    "ar": frozenset("في من إلى على عن مع أو و ثم أن إن هذا هذه ذلك التي الذي الذين كان كانت هو هي".split()),
}
ALL_FUNCTION_WORDS: frozenset[str] = frozenset().union(*FUNCTION_WORDS.values())


def is_function_word(word: str) -> bool:
    """True for a word that is a function word in any language of the portal (case-insensitive)."""
    return word.casefold() in ALL_FUNCTION_WORDS
