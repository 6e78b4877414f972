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
    fr = en = 0
    for match in WORD.finditer(text, 0, min(len(text), limit)):
        word = match.group().casefold()
        if word in french:
            fr += 1
        elif word in english:
            en += 1
    return fr, en


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
