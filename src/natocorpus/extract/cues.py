"""
Speech cues: the verbs and phrases that attribute reported words.

A cue is a speech verb of ``data/speech_verbs.csv`` in any of its forms, with its
auxiliary and adverbs ("a également déclaré"), an inverted subject pronoun ("a-t-il
dit", "ajoute-t-elle"), or a source phrase ("selon", "d'après", "according to", and
"Pour X, ..." opening a sentence). A verb-looking word after a determiner is a noun ("la
demande"); a present participle speaks only as a gerund or after a comma.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import TypeVar

import attrs

from natocorpus.resources import lexicon, speech_verbs
from natocorpus.text import is_upper_initial, tokenize

__all__ = ["SpeechCue", "all_speech_forms", "cue_words", "find_cues", "normal_form"]

_Value = TypeVar("_Value")


@attrs.frozen(kw_only=True)
class SpeechCue:
    """
    A speech verb (or "selon") found in the text.

    Attributes:
        text: The cue as written, with its auxiliary ("a déclaré", "a-t-il dit").
        start: Offset of the cue.
        end: Offset past the cue.
        verb_start: Offset of the verb itself.
        verb_end: Offset past the verb.
        form: ``finite``, ``participle`` (``affirmant``, ``ajoutant``), ``infinitive``
            (``d'ajouter``) or ``source`` ("selon", "d'après").
        pronoun: The inverted subject pronoun glued to it ("il" in "a-t-il"), if any.

    .. versionadded:: 0.1.0
    """

    text: str
    start: int
    end: int
    verb_start: int
    verb_end: int
    form: str
    pronoun: str | None = None


@lru_cache(maxsize=1)
def cue_words() -> dict[str, frozenset[str]]:
    """The closed word classes of ``data/cues.toml``."""
    import tomllib
    from importlib import resources

    data = tomllib.loads((resources.files("natocorpus") / "data" / "cues.toml").read_text("utf-8"))
    return {key: frozenset(value) for key, value in data.items()}


_INVERSION = re.compile(r"^(.+?)(?:-t)?-(il|elle|ils|elles|on)$", re.IGNORECASE)


# Words after which a verb form is a finite verb, not an adjective ("qui a", "elle").
_SUBJECT_WORDS = frozenset({"il", "elle", "on", "ils", "elles", "qui", "que", "qu'", "se", "s'", "lui", "leur"})
_ABSOLUTE_SUBJECTS = frozenset({"dernier", "dernière", "celui-ci", "celle-ci", "lui", "elle", "ci"})
_RELATIVE_PRONOUNS = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles", "whom"})
_SOURCE_HEADS = frozenset({"selon", "d'", "according", "pour", "for", "aux", "de"})
_SENTENCE_OPENERS = frozenset({".", "!", "?", "»", "”", '"', ":", ";"})


def _source_cue_at(normal: Sequence[str], tokens: Sequence[tuple[str, int, int]], index: int) -> int:
    """
    The number of tokens of a source cue starting at ``index``, or 0: "selon", "d'après",
    "according to", "aux yeux de", "de l'avis de", and "Pour X," / "For X," opening a
    sentence (an opinion frame).
    """
    token = normal[index]
    following = normal[index + 1] if index + 1 < len(normal) else ""
    if token in _speech_nouns():
        # "les propos de X", "ces mots du ministre", "the remarks of X": after a determiner.
        determiners = cue_words()["determiners_fr"] | cue_words()["determiners_en"] | {"ces", "these", "those"}
        if not index or normal[index - 1] not in determiners:
            return 0
        if following in _SPOKEN_PARTICIPLES and _word_at(normal, index + 2) in ("par", "by"):
            return 3  # "les propos tenus par X"
        return 2 if following in ("de", "du", "des", "d'", "of", "by") else 0
    if token in ("selon", "pour") and following in _RELATIVE_PRONOUNS:
        return 2  # "X, pour qui « … »", "X, selon laquelle « … »": X is the source
    if token == "selon":
        return 1
    if (token, following) in (("d'", "après"), ("according", "to")):
        return 2
    if (token, following) == ("aux", "yeux") and _word_at(normal, index + 2) in ("de", "du", "des", "d'"):
        return 3  # "Aux yeux de Katarzyna Nowicka, la mesure « … »"
    if (token, following, _word_at(normal, index + 2)) == ("de", "l'", "avis") and _word_at(normal, index + 3) in (
            "de", "du", "des", "d'"):
        return 4  # "De l'avis du général X, « … »"
    if token in ("pour", "for") and (index == 0 or normal[index - 1] in _SENTENCE_OPENERS):
        # "Pour Claire Duval, ...", "Pour le politologue X, ...", "For Selin Aydemir, ..."
        if index + 1 < len(tokens) and (
            (is_upper_initial(tokens[index + 1][0]) and tokens[index + 1][0][:1].isalpha())
            or following in ("le", "la", "l'", "the", "son", "sa", "leur", "his", "her", "their")
        ):
            return 1
    return 0


# "les propos tenus par X", "les déclarations faites par X", "the remarks made by X".
_SPOKEN_PARTICIPLES = frozenset({"tenus", "tenues", "faits", "faites", "prononcés", "prononcées", "made"})


@lru_cache(maxsize=1)
def _speech_nouns() -> frozenset[str]:
    return cue_words()["speech_nouns"]


def is_speech_noun_source(cue: SpeechCue) -> bool:
    """
    Whether a source cue is a noun of speech and its "de" ("les propos de", "the remarks
    by"): its speaker follows, and it names the speaker of a quote in its own phrase only.

    .. versionadded:: 0.1.0
    """
    return cue.form == "source" and normal_form(cue.text.split()[0]) in _speech_nouns()


_MODALS = frozenset({"aime", "aiment", "aimait", "adore", "veut", "voulait", "préfère", "préférait", "ose",
                     "osait", "tient", "tenait", "tenu", "tenue", "plaît", "plaisait", "cesse", "cessait"})


def _modal_before(normal: Sequence[str], index: int) -> int | None:
    """The index of a modal governing the infinitive at ``index`` ("aime répéter", "tient à dire")."""
    back = index - 1
    if back >= 0 and normal[back] in ("à", "de", "d'"):
        back -= 1  # "tient à souligner", "ne cesse de répéter"
    if back >= 0 and normal[back] in _MODALS and normal[index].endswith(("er", "ir", "re")):
        return back
    return None


def _inverted_governor(normal: Sequence[str], preposition: int, auxiliaries: frozenset[str]) -> tuple[int, str] | None:
    """
    The index and pronoun of an inverted auxiliary governing an infinitive: "s'est-il
    contenté de", "a-t-elle tenu à" (the participle between, then the preposition).
    """
    participle = preposition - 1
    inverted = participle - 1
    if inverted < 0 or "-" not in normal[inverted]:
        return None
    inversion = _INVERSION.match(normal[inverted])
    if inversion is None or inversion.group(1).removeprefix("s'") not in auxiliaries | {"est"}:
        return None
    return inverted, inversion.group(2)


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """The person nouns of data/lexicon.toml, in normal form ("conseiller", "rapporteur")."""
    return frozenset(normal_form(noun) for noun in lexicon().get("person_nouns", ()))


def _word_at(normal: Sequence[str], index: int) -> str:
    return normal[index] if index < len(normal) else ""


@lru_cache(maxsize=1)
def all_speech_forms() -> frozenset[str]:
    """Every speech-verb form of every language, for tests that need not know the language."""
    return frozenset(form for forms in speech_verbs().values() for form in forms)


@lru_cache(maxsize=65536)
def normal_form(token: str) -> str:
    """A token case-folded, with a plain apostrophe."""
    return token.casefold().replace("’", "'")


@lru_cache(maxsize=2)
def _verb_index(language: str) -> tuple[dict[str, str], frozenset[str]]:
    """The speech-verb forms of a language, and the first words of multi-word forms."""
    verbs = speech_verbs().get(language, {})
    heads = frozenset(form.split()[0] for form in verbs if " " in form)
    return verbs, heads


def _verb_at(words: Sequence[str], index: int, language: str) -> tuple[int, str | None] | None:
    """If a speech verb starts at ``words[index]`` (normalised tokens), return (last index, pronoun)."""
    verbs, heads = _verb_index(language)
    word = words[index]
    if word in heads:
        # Multi-word forms first: "mis en garde", "fait valoir", "told reporters".
        for size in (3, 2):
            if index + size <= len(words) and " ".join(words[index:index + size]) in verbs:
                return index + size - 1, None
    if word in verbs:
        return index, None
    if "-" in word:
        inversion = _INVERSION.match(word)
        if inversion and inversion.group(1) in verbs:
            return index, inversion.group(2)
    return None


class _PerWord(dict[str, _Value]):
    """
    A fact about a word computed once, then looked up: the vocabulary of news text is
    small, and a lookup mapped over a line runs in C. Cleared when it grows past a bound.
    """

    limit = 200_000

    def __init__(self, compute: Callable[[str], _Value]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> _Value:
        if len(self) > self.limit:
            self.clear()
        value = self[word] = self.compute(word)
        return value


_NORMAL_FORMS = _PerWord(lambda token: token.casefold().replace("’", "'"))


def _normal_forms(tokens: Sequence[tuple[str, int, int]]) -> list[str]:
    """:func:`normal_form` of every token."""
    return list(map(_NORMAL_FORMS.__getitem__, map(itemgetter(0), tokens)))


@lru_cache(maxsize=1)
def _auxiliaries_and_adverbs() -> tuple[frozenset[str], frozenset[str]]:
    """The auxiliaries and the adverbs of both languages (a cue may stand in either)."""
    words = cue_words()
    return words["auxiliaries_fr"] | words["auxiliaries_en"], words["adverbs_fr"] | words["adverbs_en"]


@lru_cache(maxsize=2)
def _cue_heads(language: str) -> frozenset[str]:
    """The words a cue may start with: source words, speech-verb forms, first words of forms."""
    verbs, heads = _verb_index(language)
    return _SOURCE_HEADS | _speech_nouns() | heads | frozenset(verbs)


# The source cues whose head is a common word, and the word that must follow it (see
# _source_cue_at): "d'après", "de l'avis de", "aux yeux de", "according to".
_SOURCE_FOLLOWERS = {"d'": "après", "de": "l'", "aux": "yeux", "according": "to"}


@lru_cache(maxsize=2)
def _cue_followers(language: str) -> dict[str, frozenset[str]]:
    """
    The cue heads that start a cue only before one of a few words, with those words:
    "de" (only in "de l'avis de"), "à" (only in "à en croire"), "fait" when only "fait
    valoir" is a form. Most candidates are such words, and the next token rules them out
    before any rule is tried.

    A head qualifies when it is no speech-verb form on its own, holds no hyphen (an
    inversion), and is no source word that speaks alone or by its context ("selon",
    "pour", "for"); its followers are the second words of its multi-word forms and of
    its source cue. A form with a digit could match a number token holding a space
    ("1 000"), so its head is left out.
    """
    verbs, heads = _verb_index(language)
    second_words: dict[str, set[str]] = {}
    with_digits: set[str] = set()
    for form in verbs:
        words = form.split(" ")
        if len(words) > 1:
            second_words.setdefault(words[0], set()).add(words[1])
            if any(char.isdigit() for char in form):
                with_digits.add(words[0])
    followers: dict[str, frozenset[str]] = {}
    for head in (heads | _SOURCE_HEADS) - verbs.keys() - {"selon", "pour", "for"} - with_digits:
        if "-" not in head:
            source = _SOURCE_FOLLOWERS.get(head)
            followers[head] = frozenset(second_words.get(head, set()) | ({source} if source else set()))
    return followers


@lru_cache(maxsize=2)
def _cue_starts(language: str) -> _PerWord[bool]:
    """Whether a token in normal form may start a cue: a cue head, or hyphenated (an inversion)."""
    heads = _cue_heads(language)
    return _PerWord(lambda word: word in heads or "-" in word)


def _cue_candidates(normal: list[str], language: str) -> list[int]:
    """
    The indices of the tokens where a cue may start: a cue head, or a hyphenated word
    (an inversion, "a-t-il", "ajoute-t-elle"). Any other token starts no cue, so the
    scan of a line only visits these few.
    """
    return list(compress(range(len(normal)), map(_cue_starts(language).__getitem__, normal)))


def find_cues(
    raw: str, start: int, end: int, language: str, tokens: list[tuple[str, int, int]] | None = None
) -> list[SpeechCue]:
    """
    Find the speech cues of ``raw[start:end]``.

    A verb-looking word right after a determiner is a noun ("la demande") and is
    skipped.

    .. versionadded:: 0.1.0
    """
    auxiliaries, adverbs = _auxiliaries_and_adverbs()
    determiners = cue_words()["determiners_en" if language == "en" else "determiners_fr"]
    if tokens is None:
        tokens = tokenize(raw, start, end)
    cues: list[SpeechCue] = []
    if not tokens:
        return cues
    normal = _normal_forms(tokens)
    followers = _cue_followers(language)
    last_token = len(normal) - 1
    index = 0
    for candidate in _cue_candidates(normal, language):
        if candidate < index:
            continue  # inside the cue found last
        needed = followers.get(normal[candidate])
        if needed is not None and (candidate == last_token or normal[candidate + 1] not in needed):
            continue  # "de", "à" not followed by "l'avis", "en croire": no cue starts here
        index = candidate
        token = normal[index]
        source_words = _source_cue_at(normal, tokens, index) if token in _SOURCE_HEADS or token in _speech_nouns() else 0
        if source_words:
            last = index + source_words - 1
            cues.append(SpeechCue(text=raw[tokens[index][1]:tokens[last][2]], start=tokens[index][1],
                                  end=tokens[last][2], verb_start=tokens[index][1],
                                  verb_end=tokens[last][2], form="source"))
            index = last + 1
            continue
        found = _verb_at(normal, index, language)
        if found is None:
            continue
        last, pronoun = found
        previous = normal[index - 1] if index else ""
        before_previous = normal[index - 2] if index > 1 else ""
        if previous == "," and normal[index] in _person_nouns() and last == index:
            # ", conseiller municipal d'opposition, «": a title in apposition, not a verb.
            index = last + 1
            continue
        if (language == "en" and index and tokens[index][0][:1].isupper()
                and previous not in _SENTENCE_OPENERS and tokens[index - 1][0] not in ("“", '"')):
            # A capitalised verb form inside an English sentence is part of a name or a
            # title: "Secretary of State Mike Pompeo said", "the Defense Council".
            index = last + 1
            continue
        # After a determiner ("la demande", "une nouvelle menace") the word is a noun.
        if previous in determiners or (
            before_previous in determiners and tokens[index - 1][0].islower() and previous not in auxiliaries
            and previous not in _ABSOLUTE_SUBJECTS  # "ce dernier estimant que"
            and previous not in ("part", "côté", "tour")  # "a pour sa part déclaré", "de son côté"
        ):
            index = last + 1
            continue
        verb_word = normal[index].split("-")[0] if pronoun else normal[index]
        # A present participle speaks only as a gerund or after a comma ("en affirmant",
        # ", ajoutant"); elsewhere "-ant" words are adjectives or adverbs ("maintenant").
        participle = verb_word.endswith("ant")
        # An absolute construction also speaks: "Lavrov estimant que", "ce dernier jugeant".
        absolute = index > 0 and (tokens[index - 1][0][:1].isupper() or previous in _ABSOLUTE_SUBJECTS)
        if participle and previous not in ("en", ",", "tout", "while", "before", "after") and not absolute:
            index = last + 1
            continue
        # Walk back over adverbs to an auxiliary: "a également déclaré", "a-t-il dit".
        first = index
        back = index - 1
        while back >= 0 and normal[back] in adverbs and index - back <= 3:
            back -= 1
        if back >= 0 and normal[back] in auxiliaries:
            first = back
        elif back >= 0 and "-" in normal[back]:
            inversion = _INVERSION.match(normal[back])
            if inversion and inversion.group(1) in auxiliaries:
                first, pronoun = back, pronoun or inversion.group(2)
        if (language == "fr" and first == index and not pronoun and verb_word.endswith(("é", "ée", "és", "ées"))
                and index and tokens[index - 1][0].isalpha() and tokens[index - 1][0].islower()
                and previous not in _SUBJECT_WORDS and previous not in adverbs
                and not any(word in auxiliaries for word in normal[max(0, index - 4):index])):
            # A past participle with no auxiliary after a noun is an adjective: "un plan
            # jugé « décevant »", "une décision qualifiée d'« historique »".
            index = last + 1
            continue
        modal = _modal_before(normal, index)
        if modal is not None and first == index and not pronoun:
            # "», aime répéter X", "», ne cesse de répéter X", "», tient à souligner X", "», a
            # tenu à rassurer X": the modal (and its auxiliary) and the infinitive are one
            # finite cue.
            first, form = modal, "finite"
            governing = _inverted_governor(normal, modal + 1, auxiliaries) if modal + 1 < index else None
            if governing is not None:
                first, pronoun = governing  # "a-t-il tenu à préciser"
            elif modal and normal[modal - 1] in auxiliaries:
                first = modal - 1
        elif participle and first == index:
            form = "participle"
        elif previous in ("de", "d'", "à", "pour", "avant", "to"):
            form = "infinitive"  # "Et d'ajouter", "avant de conclure"
            governing = _inverted_governor(normal, index - 1, auxiliaries)
            if governing is not None:
                # "s'est-il contenté de dire", "a-t-elle tenu à préciser": the inverted
                # pronoun of the governing verb is the subject of the speech.
                first, pronoun, form = governing[0], governing[1], "finite"
        else:
            form = "finite"
        cue_start, cue_end = tokens[first][1], tokens[last][2]
        cues.append(SpeechCue(text=raw[cue_start:cue_end], start=cue_start, end=cue_end,
                              verb_start=tokens[index][1], verb_end=tokens[last][2], form=form,
                              pronoun=pronoun))
        index = last + 1
    return cues


# --- speech or name ----------------------------------------------------------------------
