"""Arabic-aware text normalisation for search.

Stored search columns and typed queries both pass through `normalize_search_text`, so that a match
does not depend on hamza forms, diacritics, tatweel, taa marbuta / haa, alef maqsura / yaa, the
definite article at the start of a word or after the conjunction waw ("and"), or on writing "son
of" in a name as ibn or bin. `normalize_person_name` is the stricter key that tells whether two
people's names are one name (duplicate applicants).

Changing what `normalize_search_text` returns changes what stored search columns must hold: add
a data migration that recomputes them (see partners/migrations/0006_recompute_search_text.py).
"""

import re
import unicodedata

# Harakat, tanween, shadda, sukun, superscript alef and Quranic marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
_TATWEEL = "\u0640"
_LETTER_MAP = str.maketrans(
    {
        "\u0622": "\u0627",  # alef with madda -> alef
        "\u0623": "\u0627",  # alef with hamza above -> alef
        "\u0625": "\u0627",  # alef with hamza below -> alef
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0629": "\u0647",  # taa marbuta -> haa
        "\u0649": "\u064a",  # alef maqsura -> yaa
        "\u0624": "\u0648",  # waw with hamza -> waw
        "\u0626": "\u064a",  # yaa with hamza -> yaa
        "\u06cc": "\u064a",  # Farsi yeh -> yaa
        "\u06a9": "\u0643",  # keheh -> kaf
        # Arabic-Indic and Eastern Arabic-Indic digits -> ASCII digits
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
_ARTICLE = "\u0627\u0644"  # "al", after the alef forms are unified
_WAW = "\u0648"  # "wa", "and", written joined to the next word
_IBN = "\u0627\u0628\u0646"  # "ibn", "son of", as a word of a name
_BIN = "\u0628\u0646"  # "bin", the same word as it is mostly written inside a name
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def _strip_article(word: str) -> str:
    # Keep at least two letters so that short words such as "الا" are not emptied; "and the X"
    # becomes "and X", so that "تمكين وإقراض" finds "التمكين والإقراض". A word that merely
    # starts with waw (وكالة, وطنية) keeps every letter.
    if word.startswith(_ARTICLE) and len(word) - len(_ARTICLE) >= 2:
        return word[len(_ARTICLE) :]
    if word.startswith(_WAW + _ARTICLE) and len(word) - len(_WAW + _ARTICLE) >= 2:
        return _WAW + word[len(_WAW + _ARTICLE) :]
    if word == _IBN:
        return _BIN
    return word


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text))
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    return text.translate(_LETTER_MAP).casefold()


def normalize_search_text(text: str | None) -> str:
    """Return the form of `text` that search columns store and queries are compared with."""
    if not text:
        return ""
    words = [_strip_article(word) for word in _NON_WORD.split(_fold(text)) if word]
    return " ".join(words)


# "son of" / "daughter of" inside a name, in Arabic (after normalisation) and in Latin letters.
_NAME_LINKS = frozenset({_BIN, "\u0628\u0646\u062a", "\u0627\u0628\u0646\u0647", "bin", "ibn", "bint"})
# "Abd" (servant of) is written joined to the next word or apart from it: عبدالله / عبد الله.
_ABD = re.compile("(?<!\\w)\u0639\u0628\u062f\\s+")


def normalize_person_name(text: str | None) -> str:
    """The key under which two spellings of a person's name are the same name (for duplicate
    applicants): `normalize_search_text`, without the words for "son of" / "daughter of" (bin,
    ibn, bint), and with "Abd" joined to the word after it."""
    if not text:
        return ""
    text = _ABD.sub("\u0639\u0628\u062f", _fold(text))
    return " ".join(word for word in normalize_search_text(text).split(" ") if word not in _NAME_LINKS)


def search_terms(query: str | None) -> list[str]:
    """Split a typed query into normalised words; every word must match for a row to match."""
    return [word for word in normalize_search_text(query).split(" ") if word]


# Arabic-Indic and Eastern Arabic-Indic digits, the Arabic decimal separator, the minus sign.
_NUMBER_CHARACTERS = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "\u066b": ".",
        "\u2212": "-",
    }
)
# Thousands separators people type: comma, Arabic comma and thousands separator, spaces, apostrophe.
_NUMBER_GROUPING = re.compile("[,\u060c\u066c\u00a0\u202f '’]")


def ascii_digits(text: str) -> str:
    """`text` with Arabic-Indic digits (and the Arabic decimal separator) written in ASCII."""
    return text.translate(_NUMBER_CHARACTERS)


def plain_number_text(text: str) -> str:
    """A typed number as Decimal() reads it: "١٬٥٠٠٬٠٠٠" and "1,500,000" both give "1500000"."""
    return _NUMBER_GROUPING.sub("", ascii_digits(text.strip()))
