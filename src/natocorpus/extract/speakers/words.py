"""
The word lists and phrase patterns that several mention finders read.

Honorifics, name particles, stop words, office and person nouns, prepositions and
determiners come from ``data/lexicon.toml``, ``data/cues.toml`` and ``data/offices.csv``,
prepared once. ``surface_pattern`` turns a written form into the regular expression
the phrase matchers use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from natocorpus.extract.cues import all_speech_forms, cue_words
from natocorpus.extract.speakers.registry import registry_names
from natocorpus.resources import lexicon, offices
from natocorpus.text import fold, tokenize

__all__ = [
    "DETERMINERS_BEFORE_PHRASE",
    "MONTHS_AND_DAYS",
    "PREPOSITIONS",
    "first_token",
    "folded_cue_words",
    "folded_speech_forms",
    "is_country_possessive",
    "is_demonym_word",
    "person_noun_set",
    "surface_pattern",
    "word_sets",
]


MONTHS_AND_DAYS = frozenset(
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre "
    "décembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche january february "
    "march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)


def surface_pattern(surface: str) -> str:
    """A regular expression for ``surface`` that reads any apostrophe and white space."""
    pattern = re.escape(surface).replace("'", "['’]").replace(r"\ ", r"\s+")
    # The press often drops the accent of a capital: "secrétaire d'Etat", "l'Elysée".
    return _WORD_INITIAL_ACCENT.sub(lambda m: f"{m.group(1)}[{m.group(2)}e]", pattern)


_WORD_INITIAL_ACCENT = re.compile(r"(^|\\s\+|\['’\])([éèê])")


def first_token(phrase: str) -> str:
    """The first token of a phrase, as the tokenizer cuts it ("l'" of "l'OTAN")."""
    return tokenize(phrase)[0][0]


@lru_cache(maxsize=1)
def word_sets() -> dict[str, frozenset[str]]:
    """Honorifics, name particles, subject pronouns, stop words and office words, by kind."""
    words = lexicon()
    office_words: set[str] = set()
    for office in offices():
        # The head word of an office ("ministre", "secrétaire", "porte-parole") is never
        # part of a name, even capitalised ("le Premier ministre").
        head = office.surface.replace("'", " ").split()[0]
        if head not in {"nato", "us", "eu", "un", "the"} and head not in registry_names()[1]:
            office_words.add(head)
    stop = set(words.get("stopwords_fr", ())) | set(words.get("stopwords_en", ()))
    return {
        "honorifics": frozenset(h.casefold() for h in words.get("honorifics", ())),
        "particles": frozenset(words.get("name_particles", ())),
        "pronouns": frozenset(words.get("subject_pronouns_fr", ()))
        | frozenset(words.get("subject_pronouns_en", ())),
        "stop": frozenset(stop) | MONTHS_AND_DAYS,
        "office_words": frozenset(office_words) | frozenset(words.get("person_nouns", ())),
    }


PREPOSITIONS = frozenset({"avec", "de", "du", "des", "d'", "d’", "à", "au", "aux", "par", "pour", "contre",
                          "chez", "sur", "entre", "envers", "auprès", "with", "of", "to", "by", "for",
                          "from", "against", "between"})


@lru_cache(maxsize=4096)
def is_country_possessive(word: str) -> bool:
    """An English country possessive before a title ("Poland's Foreign Minister X")."""
    from natocorpus.gazetteer import lookup_country

    return word.endswith(("'s", "’s")) and len(word) > 4 and lookup_country(word[:-2]) is not None  # noqa: PLR2004


@lru_cache(maxsize=4096)
def is_demonym_word(word: str) -> bool:
    """A nationality word ("albanais", "Finlandais") that may stand before a name."""
    from natocorpus.gazetteer import lookup_country

    return len(word) > 3 and word.isalpha() and lookup_country(word) is not None


DETERMINERS_BEFORE_PHRASE = frozenset({"le", "la", "l'", "les", "un", "une", "the", "a", "an", "son", "sa", "its", "their"})


@lru_cache(maxsize=8)
def folded_cue_words(name: str) -> frozenset[str]:
    """A word list of data/cues.toml, folded like TokenizedLines.folded()."""
    return frozenset(fold(word) for word in cue_words()[name])


@lru_cache(maxsize=1)
def folded_speech_forms() -> frozenset[str]:
    """Every form of the speech verbs, folded like TokenizedLines.folded()."""
    return frozenset(fold(form) for form in all_speech_forms())


@lru_cache(maxsize=1)
def person_noun_set() -> frozenset[str]:
    """The one-word person nouns of data/lexicon.toml ("ministre", "diplomate"), folded."""
    return frozenset(fold(noun) for noun in lexicon().get("person_nouns", ()) if " " not in noun)
