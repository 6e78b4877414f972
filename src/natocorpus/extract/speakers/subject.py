"""
Whether a mention stands where a sentence's subject stands.

A name, title or organisation that opens a clause can be who speaks; after a verb or a
preposition it is an object or a complement ("a félicité Rutte", "le soutien de Rutte").
"""

from __future__ import annotations

from functools import lru_cache

from natocorpus.extract.speakers.words import (
    PREPOSITIONS,
    is_country_possessive,
    is_demonym_word,
    person_noun_set,
    word_sets,
)
from natocorpus.text import TokenizedLines, fold

__all__ = ["in_subject_position"]


_CLAUSE_OPENERS = frozenset({".", "!", "?", ":", ";", ",", "(", "—", "–", "-", "»", "«", "“", "”", '"',
                             "et", "mais", "car", "puis", "alors", "donc", "ensuite", "and", "but", "while"})
_SKIPPABLE_BEFORE = frozenset({"le", "la", "l'", "l’", "les", "the", "m.", "mme", "mr", "mrs", "ms", "dr",
                               "son", "sa", "leur", "his", "her", "their", "ancien", "ancienne", "former",
                               "nouveau", "nouvelle", "new", "actuel", "actuelle"})


_INDEFINITES = frozenset({"un", "une", "an"})  # not "a": the French auxiliary


def in_subject_position(lines: TokenizedLines, start: int) -> bool:
    """
    True when the mention opens a clause: at the start of its line, or after sentence
    punctuation, a comma or a coordinating conjunction, once determiners, honorifics,
    office words and nationality adjectives before it are skipped ("Par ailleurs, le
    Finlandais Petteri Orpo a déclaré"). A mention after a verb or a preposition is an
    object or a complement ("a félicité Rutte", "le soutien de Rutte").
    """
    before = lines.tokens_before(start, 12)
    skippable = _skippable_before_subject()
    index = len(before) - 1
    in_noun_phrase = False  # a title's noun phrase has been read
    while index >= 0:
        word = before[index][0].casefold()
        if (word in skippable or is_demonym_word(before[index][0]) or is_country_possessive(before[index][0])):
            index -= 1
            continue
        token = before[index][0]
        if (len(token) > 1 and token.isupper() and token.isalpha() and index
                and before[index - 1][0].casefold() in ("du", "de", "des", "d'", "d’")):
            # "la cheffe du DDPS Viola Amherd": a body's acronym completing the title.
            index -= 2
            in_noun_phrase = True
            continue
        if word in PREPOSITIONS and not in_noun_phrase:
            return False  # "la nomination du général Bouchard": a complement
        # "le sergent Romain Gervais", "la politologue Anne Dupont": lower-case nouns
        # after a determiner form a title in apposition to the name.
        if before[index][0].islower() and before[index][0].isalpha():
            in_noun_phrase = True
            back = index - 1
            while back >= max(0, index - 3) and before[back][0].casefold() not in _SKIPPABLE_BEFORE:
                if not before[back][0].isalpha() or not before[back][0].islower():
                    back = -1
                    break
                back -= 1
            if back >= max(0, index - 3) and before[back][0].casefold() in {"le", "la", "l'", "l’", "the", "un", "une", "a", "an"}:
                index = back - 1
                continue
        break
    if index < 0:
        return len(before) < 12
    if _after_source_word(before, index):
        return True  # the source of the sentence speaks: "selon un diplomate, ..."
    if before[index][0].casefold() in ("est", "sont") and index and before[index - 1][0].casefold() in ("c'", "c’", "ce"):
        return True  # a cleft sentence puts the subject in focus: "c'est X qui a défendu"
    if before[index][0] == ",":
        # In apposition to a person noun ("avec son homologue autrichienne, Klaudia
        # Tanner,"), a name is a subject only if that noun phrase is.
        phrase = _person_phrase_opener(before, index - 1)
        if phrase is not None and phrase >= 0 and before[phrase][0].casefold() in PREPOSITIONS:
            return False
    return before[index][0].casefold() in _CLAUSE_OPENERS


@lru_cache(maxsize=1)
def _skippable_before_subject() -> frozenset[str]:
    """The words in_subject_position() steps over: determiners, honorifics, office words."""
    sets = word_sets()
    return _SKIPPABLE_BEFORE | _INDEFINITES | sets["office_words"] | sets["honorifics"]


# The words _after_source_word() may see last: a source word's last word, or "un"/"une".
_SOURCE_WORD_ENDINGS = frozenset({"selon", "d'après", "d’après", "to", "un", "une", "a", "an"})


def _after_source_word(before: list[tuple[str, int, int]], index: int) -> bool:
    """True when ``before[index]`` is "selon", "d'après" or "according to", maybe then "un"/"une"."""
    if before[index][0].casefold() not in _SOURCE_WORD_ENDINGS:
        return False  # the common case, decided without the words before it
    words = [token.casefold().replace("’", "'") for token, _, _ in before[max(0, index - 2):index + 1]]
    if words and words[-1] in ("un", "une", "a", "an"):
        words = words[:-1]
    return bool(words) and (words[-1] in ("selon", "d'après") or words[-2:] == ["according", "to"])


def _person_phrase_opener(before: list[tuple[str, int, int]], index: int) -> int | None:
    """
    The index of the token before a noun phrase ending at ``before[index]`` that names a
    person ("son homologue autrichienne"), -1 when the phrase opens the tokens, or None
    when the words before the comma are no such phrase.
    """
    sets = word_sets()
    seen_person = False
    stop = max(-1, index - 6)
    while index > stop:
        word = before[index][0]
        folded = word.casefold()
        if folded in PREPOSITIONS or folded in _CLAUSE_OPENERS:
            break
        if fold(word) in person_noun_set():
            seen_person = True
        elif not (folded in sets["office_words"] or folded in _SKIPPABLE_BEFORE or is_demonym_word(word) or (word.isalpha() and word.islower())):
            break
        index -= 1
    if not seen_person or index == stop and index >= 0:
        return None
    return index
