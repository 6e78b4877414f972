"""Per-article language detection (French or English) from function-word counts."""

from __future__ import annotations

from functools import lru_cache

from natocorpus.resources import lexicon
from natocorpus.text import WORD

__all__ = ["detect_language", "language_scores"]


@lru_cache(maxsize=1)
def _stopwords() -> tuple[frozenset[str], frozenset[str]]:
    words = lexicon()
    french = frozenset(words["stopwords_fr"])
    english = frozenset(words["stopwords_en"]) | frozenset(words.get("english_markers", ()))
    # A word in both lists ("a", "on", "met") says nothing about the language.
    return french - english, english - french


def language_scores(text: str, limit: int = 6000) -> tuple[int, int]:
    """Count French and English function words in the first ``limit`` characters."""
    french, english = _stopwords()
    folded = _folded_words(text[:max(0, limit)])
    # The two lists are disjoint (see _stopwords), so each word counts once at most.
    return sum(map(french.__contains__, folded)), sum(map(english.__contains__, folded))


# The one character whose case folding is a single character of another kind for WORD:
# a combining mark (U+0345) that folds to a letter (tests/test_extract.py checks this).
_FOLDS_TO_ANOTHER_KIND = "\u0345"


def _folded_words(text: str) -> list[str]:
    """
    The case-folded WORD matches of ``text``, with no Python loop over the words.

    Case folding maps each character on its own. When it maps each to one character of
    the same kind (letter, digit, joiner, other), the words of the folded text are the
    folded words: one casefold and one findall. Otherwise (a rare "ß", "İ": the text
    grows) the words are found first, then folded joined by line breaks, which no word
    holds, and split back.
    """
    lowered = text.casefold()
    if len(lowered) == len(text) and _FOLDS_TO_ANOTHER_KIND not in text:
        return WORD.findall(lowered)
    return "\n".join(WORD.findall(text)).casefold().split("\n")


def detect_language(text: str, default: str = "fr") -> str:
    """
    Return ``"fr"`` or ``"en"`` for ``text``.

    Args:
        text: Any text; only its first 6,000 characters are read (enough for a
            reliable count, and detection stays cheap on long articles).
        default: The answer when the text holds no function word of either language.

    Returns:
        The language with more function words.
    """
    fr, en = language_scores(text)
    if fr == en:
        return default
    return "fr" if fr > en else "en"
