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
    # One findall and one casefold of the joined words, then set lookups mapped in C: no
    # Python loop over the words. Case folding maps each character on its own, and no
    # word holds a line break, so the joined text splits back into the folded words.
    folded = "\n".join(WORD.findall(text, 0, min(len(text), limit))).casefold().split("\n")
    # The two lists are disjoint (see _stopwords), so each word counts once at most.
    return sum(map(french.__contains__, folded)), sum(map(english.__contains__, folded))


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
