"""
Finding who is mentioned in an article, and resolving each mention to a canonical name.

Four kinds of mentions are found in the body lines:

- names: runs of capitalised words (``Mark Rutte``, ``Alexander De Croo``), a surname
  after an honorific (``M. Stoltenberg``), or a surname the article or the registry
  knows (``Rutte`` after ``Mark Rutte``);
- titles: an office from ``data/offices.csv`` with its qualifier (``le secrétaire d'État
  américain``, ``le porte-parole du Kremlin``);
- organisations and documents that speak (``l'OTAN``, ``le Kremlin``, ``le communiqué``);
- subject pronouns (``il``, ``elle``).

Resolution, nearest evidence first: a title bound to a name in the text ("le secrétaire
général de l'OTAN, Jens Stoltenberg,") names that person; otherwise the registry gives
the office holder on the article's date; without a date, the holder the article itself
names, else the latest holder. A surname joins the full name the article gives (or the
registry's). A document speaks for the organisation it belongs to ("la déclaration finale
de l'OTAN") or, failing that, for the organisation last mentioned before it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import compress, repeat
from operator import contains, itemgetter

import attrs

from natocorpus.extract.cues import all_speech_forms, cue_words, normal_form
from natocorpus.gazetteer import country_adjective
from natocorpus.resources import Person, Role, data_csv, first_name_genders, lexicon, offices, organisations, people
from natocorpus.text import Intervals, PhraseMatcher, TokenizedLines, fold, is_upper_initial, tokenize

__all__ = ["Mention", "ResolvedMentions", "find_mentions"]

MONTHS_AND_DAYS = frozenset(
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre "
    "décembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche january february "
    "march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)


@attrs.frozen(kw_only=True)
class Mention:
    """
    One mention of a possible speaker in the body.

    Attributes:
        kind: ``name``, ``title``, ``organisation``, ``document`` or ``pronoun``.
        text: The words as written.
        start: Offset into the raw text.
        end: Offset just past the mention.
        name: The canonical name it resolves to (None for a pronoun, or a title nobody
            holds in the registry nor in the text).
        speaker_kind: ``person`` or ``organisation``.
        role: For titles and bound names, the title's text.
        subject: True when the mention can be a sentence subject (not after a
            preposition such as "de", "avec", "à").
        gender: ``m``, ``f`` or ``""`` when unknown.
        country: For titles and demonyms, the country they name (``"NO"`` for "le
            Norvégien"), used to prefer a person of that nationality.
        office: For titles, the office they name (``"prime_minister"``), so that an
            unnamed title only stands for someone who may hold it.

    .. versionadded:: 0.1.0
    """

    kind: str
    text: str
    start: int
    end: int
    name: str | None = None
    speaker_kind: str = "person"
    role: str | None = None
    subject: bool = True
    gender: str = ""
    country: str = ""
    office: str = ""


@attrs.frozen(kw_only=True)
class ResolvedMentions:
    """
    Every speaker mention of an article, resolved, in text order.

    .. versionadded:: 0.1.0
    """

    mentions: tuple[Mention, ...]

    def persons(self) -> list[Mention]:
        """The mentions naming people by name (a bare title does not name anyone)."""
        return [m for m in self.mentions if m.name and m.kind == "name"]


# --- data, prepared once -----------------------------------------------------------


@lru_cache(maxsize=1)
def _registry() -> tuple[dict[str, Person], dict[str, list[Person]]]:
    """Full names and aliases of the registry, folded to lower case."""
    by_name: dict[str, Person] = {}
    by_alias: dict[str, list[Person]] = {}
    for person in people():
        by_name[person.name.casefold()] = person
        for alias in (*person.aliases, person.name.split()[-1]):
            bucket = by_alias.setdefault(alias.casefold(), [])
            if person not in bucket:
                bucket.append(person)
        for alias in person.aliases:
            if len(alias.split()) > 1:
                by_name.setdefault(alias.casefold(), person)
    return by_name, by_alias


def _apostrophes(surface: str) -> str:
    pattern = re.escape(surface).replace("'", "['’]").replace(r"\ ", r"\s+")
    # The press often drops the accent of a capital: "secrétaire d'Etat", "l'Elysée".
    return _WORD_INITIAL_ACCENT.sub(lambda m: f"{m.group(1)}[{m.group(2)}e]", pattern)


_WORD_INITIAL_ACCENT = re.compile(r"(^|\\s\+|\['’\])([éèê])")


def _head(phrase: str) -> str:
    """The first token of a phrase, as the tokenizer cuts it ("l'" of "l'OTAN")."""
    return tokenize(phrase)[0][0]


@lru_cache(maxsize=2)
def _office_matcher(language: str) -> PhraseMatcher:
    # A multi-word surface may hold one extra word after its first word, for the
    # adjective French puts there ("ministre russe des Affaires étrangères").
    phrases = []
    # French articles read French surfaces and English ones English surfaces: "premier"
    # is a prime minister in English and an ordinal in French.
    for office in (o for o in offices() if o.lang == language):
        words = office.surface.split()
        if len(words) > 1:
            pattern = f"{_apostrophes(words[0])}(?:\\s+[^\\W\\d_][\\w-]*)?\\s+{_apostrophes(' '.join(words[1:]))}"
        else:
            pattern = _apostrophes(office.surface)
        phrases.append((_head(office.surface), pattern))
    return PhraseMatcher(phrases, ignore_case=True)


@lru_cache(maxsize=1)
def _office_lookup() -> dict[str, tuple[str, str]]:
    # Keyed without accents, like the text may be written: "secretaire d'etat americain".
    return {fold(o.surface): (o.office, o.of) for o in offices()}


def _organisation_name(text: str) -> str:
    """
    The canonical name of an organisation as matched in the text. The matcher reads
    through any white space and accent ("Alliance\u00a0atlantique", "Affaires etrangères"),
    so the name is looked up by that folded form when the exact one is not listed.
    """
    exact = organisations().get(text.replace("’", "'"))
    return exact or _organisations_by_key().get(_organisation_key(text), text)


def _organisation_key(text: str) -> str:
    return " ".join(fold(text).split())


@lru_cache(maxsize=1)
def _organisations_by_key() -> dict[str, str]:
    table: dict[str, str] = {}
    for alias, name in organisations().items():
        table.setdefault(_organisation_key(alias), name)
    return table


@lru_cache(maxsize=1)
def _organisation_matcher() -> PhraseMatcher:
    return PhraseMatcher([(_head(alias), _apostrophes(alias)) for alias in organisations()], ignore_case=False)


_DOCUMENT_DETERMINERS = ("le", "la", "l'", "les", "ce", "cette", "son", "sa", "leur", "the", "a", "its")


@lru_cache(maxsize=1)
def _document_matcher() -> PhraseMatcher:
    nouns = sorted(lexicon().get("document_nouns", ()), key=len, reverse=True)
    body = "|".join(_apostrophes(noun) for noun in nouns)
    # A determiner is tried only before the first word of a noun (see PhraseMatcher).
    heads = {_head(noun) for noun in nouns}
    plain = all(part.isalpha() for head in heads for part in head.split("-"))
    followers = {determiner: tuple(fold(head) for head in heads) for determiner in _DOCUMENT_DETERMINERS}
    return PhraseMatcher(
        [(determiner, f"{_apostrophes(determiner)}\\s*(?:{body})") for determiner in _DOCUMENT_DETERMINERS],
        ignore_case=True, followers=followers if plain else None,
    )


@lru_cache(maxsize=1)
def _anaphor_matcher() -> PhraseMatcher:
    # Singular anaphors only (data/cues.toml): a plural ("ils", "ces derniers") rarely
    # names one speaker.
    return PhraseMatcher([(_head(w), _apostrophes(w)) for w in cue_words()["anaphors"]], ignore_case=True)


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    words = lexicon()
    office_words: set[str] = set()
    for office in offices():
        # The head word of an office ("ministre", "secrétaire", "porte-parole") is never
        # part of a name, even capitalised ("le Premier ministre").
        head = office.surface.replace("'", " ").split()[0]
        if head not in {"nato", "us", "eu", "un", "the"} and head not in _registry()[1]:
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


_FRENCH_PREPOSITION_PARTICLES = frozenset({"de", "du", "des", "la", "le", "d'", "d’"})

# --- finding mentions ---------------------------------------------------------------


def _overlaps(start: int, end: int, taken: Intervals) -> bool:
    return taken.overlaps(start, end)


_CLAUSE_OPENERS = frozenset({".", "!", "?", ":", ";", ",", "(", "—", "–", "-", "»", "«", "“", "”", '"',
                             "et", "mais", "car", "puis", "alors", "donc", "ensuite", "and", "but", "while"})
_SKIPPABLE_BEFORE = frozenset({"le", "la", "l'", "l’", "les", "the", "m.", "mme", "mr", "mrs", "ms", "dr",
                               "son", "sa", "leur", "his", "her", "their", "ancien", "ancienne", "former",
                               "nouveau", "nouvelle", "new", "actuel", "actuelle"})


_INDEFINITES = frozenset({"un", "une", "an"})  # not "a": the French auxiliary


def _in_subject_position(lines: TokenizedLines, start: int) -> bool:
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
        if (word in skippable or _is_demonym_word(before[index][0]) or _is_country_possessive(before[index][0])):
            index -= 1
            continue
        if word in _PREPOSITIONS and not in_noun_phrase:
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
        if phrase is not None and phrase >= 0 and before[phrase][0].casefold() in _PREPOSITIONS:
            return False
    return before[index][0].casefold() in _CLAUSE_OPENERS


@lru_cache(maxsize=1)
def _skippable_before_subject() -> frozenset[str]:
    """The words _in_subject_position() steps over: determiners, honorifics, office words."""
    sets = _word_sets()
    return _SKIPPABLE_BEFORE | _INDEFINITES | sets["office_words"] | sets["honorifics"]


_PREPOSITIONS = frozenset({"avec", "de", "du", "des", "d'", "d’", "à", "au", "aux", "par", "pour", "contre",
                           "chez", "sur", "entre", "envers", "auprès", "with", "of", "to", "by", "for",
                           "from", "against", "between"})


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
    sets = _word_sets()
    seen_person = False
    stop = max(-1, index - 6)
    while index > stop:
        word = before[index][0]
        folded = word.casefold()
        if folded in _PREPOSITIONS or folded in _CLAUSE_OPENERS:
            break
        if fold(word) in _person_noun_set():
            seen_person = True
        elif not (folded in sets["office_words"] or folded in _SKIPPABLE_BEFORE or _is_demonym_word(word) or (word.isalpha() and word.islower())):
            break
        index -= 1
    if not seen_person or index == stop and index >= 0:
        return None
    return index


@lru_cache(maxsize=4096)
def _is_country_possessive(word: str) -> bool:
    """An English country possessive before a title ("Poland's Foreign Minister X")."""
    from natocorpus.gazetteer import lookup_country

    return word.endswith(("'s", "’s")) and len(word) > 4 and lookup_country(word[:-2]) is not None  # noqa: PLR2004


@lru_cache(maxsize=4096)
def _is_demonym_word(word: str) -> bool:
    """A nationality word ("albanais", "Finlandais") that may stand before a name."""
    from natocorpus.gazetteer import lookup_country

    return len(word) > 3 and word.isalpha() and lookup_country(word) is not None


def _name_runs(
    raw: str, tokens: list[tuple[str, int, int]], words: list[str], folded: list[str], excluded: Intervals
) -> list[tuple[int, int, bool]]:
    """
    Runs of capitalised words in a line's tokens: ``(start, end, after_honorific)``.
    ``words`` are the tokens' texts, ``folded`` their folded keys.
    """
    sets = _word_sets()
    runs: list[tuple[int, int, bool]] = []
    index = 0  # the first token not yet read
    for candidate in _name_starts(words, folded, sets["honorifics"]):
        if candidate < index:
            continue  # inside the run found last
        index = candidate
        token, start, end = tokens[index]
        honorific = token.casefold() in sets["honorifics"] and index + 1 < len(tokens)
        if honorific:
            # Several may stand together: "Lt Col Robert Ainsworth".
            while index + 1 < len(tokens) and tokens[index][0].casefold() in sets["honorifics"]:
                index += 1
            token, start, end = tokens[index]
        after_initials = _after_initials(tokens, index, excluded, sets)
        if after_initials is not None:
            # "P.J. Akeeagok": initials and their period open the name.
            run_start, run_end = start, tokens[after_initials][2]
            index = after_initials + 1
        elif not _is_name_token(token, start, end, excluded, sets, allow_stop=honorific):
            index += 1
            continue
        else:
            run_start, run_end = start, end
            index += 1
        while index < len(tokens):
            token, start, end = tokens[index]
            if _is_name_token(token, start, end, excluded, sets, allow_stop=False):
                run_end = end
                index += 1
                continue
            after_initials = _after_initials(tokens, index, excluded, sets)
            if after_initials is not None:
                run_end = tokens[after_initials][2]  # "George W. Bush", "Múte B. Egede"
                index = after_initials + 1
                continue
            if (token in _CAPITALISED_PARTICLES and index + 1 < len(tokens)
                    and _is_name_token(*tokens[index + 1], excluded, sets, allow_stop=False)):
                # "Marine Le Pen", "Bruno Le Maire": a capitalised particle inside a name.
                run_end = tokens[index + 1][2]
                index += 2
                continue
            # A particle inside a name ("Ursula von der Leyen", "Alexander De Croo"). The
            # French "de", "du", "la", "le" in lower case join words far more often than
            # they sit inside a name ("Message de Rutte"): the registry must know the name.
            if token.casefold() in sets["particles"] and index + 1 < len(tokens) and (
                token not in _FRENCH_PREPOSITION_PARTICLES
                or _registry()[0].get(" ".join([raw[run_start:run_end], token, tokens[index + 1][0]]).casefold())
                or " ".join([raw[run_start:run_end], token]).casefold() in _name_prefixes()
            ):
                ahead = index + 1
                while ahead < len(tokens) and tokens[ahead][0].casefold() in sets["particles"]:
                    ahead += 1
                if ahead < len(tokens) and _is_name_token(*tokens[ahead], excluded, sets, allow_stop=False):
                    run_end = tokens[ahead][2]
                    index = ahead + 1
                    continue
            break
        runs.append((run_start, run_end, honorific))
    return runs


def _name_starts(words: list[str], folded: list[str], honorifics: frozenset[str]) -> list[int]:
    """
    The indices of the tokens a name run may start at: a capitalised word, an Arabic
    article ("al-Sissi") or an honorific in lower case ("amiral"). Any other token is no
    name token (see :func:`_is_name_token`) nor an honorific, so the scan skips it.

    ``words`` are the tokens' texts and ``folded`` their folded keys. The common tests
    are mapped over the line in C.
    """
    indices = range(len(words))
    starts = list(compress(indices, map(str.isupper, map(itemgetter(0), words))))
    others = [index for index in compress(indices, map(contains, words, repeat("-")))
              if _ARABIC_ARTICLE.match(words[index])]
    if not _lower_case_honorifics().isdisjoint(folded):
        others += [index for index in indices if words[index][:1] in "aebi" and words[index].casefold() in honorifics]
    return sorted({*starts, *others}) if others else starts


@lru_cache(maxsize=1)
def _name_prefixes() -> frozenset[str]:
    """Every leading part of a registry name ("jaap de" of "Jaap de Hoop Scheffer")."""
    prefixes = set()
    for person in people():
        parts = person.name.casefold().split()
        prefixes.update(" ".join(parts[:k]) for k in range(1, len(parts)))
    return frozenset(prefixes)


_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|at|an|ash|az|bin|ben|ibn|abu|abou)-[^\W\d_]")


@lru_cache(maxsize=1)
def _lower_case_honorifics() -> frozenset[str]:
    """
    The honorifics a name run may start with in lower case ("amiral Rob Bauer"), folded:
    :func:`_name_runs` reads the lower-case tokens starting with a, e, b or i only. A
    token whose case-folded form is one of them has one of these folded keys.
    """
    return frozenset(fold(h) for h in _word_sets()["honorifics"] if h[:1] in ("a", "e", "b", "i"))


_CAPITALISED_PARTICLES = frozenset({"Le", "La", "De", "Du", "Des", "Van", "Von", "Di", "Da", "Del", "Della", "Dos"})
_INITIALS = re.compile(r"(?:[A-Z]\.){0,3}[A-Z]")
_DOTTED_ABBREVIATIONS = frozenset({"U.S", "U.K", "U.N", "E.U", "U.S.A", "U.E", "R.-U"})  # "U.S. Pershing missiles"


def _after_initials(
    tokens: list[tuple[str, int, int]], index: int, excluded: Intervals, sets: dict[str, frozenset[str]]
) -> int | None:
    """The index of the name after initials at ``index`` ("P.J" "." "Akeeagok"), or None."""
    if (index + 2 < len(tokens) and _INITIALS.fullmatch(tokens[index][0]) and tokens[index + 1][0] == "."
            and tokens[index][0] not in _DOTTED_ABBREVIATIONS
            and tokens[index + 1][1] == tokens[index][2]
            and _is_name_token(*tokens[index + 2], excluded, sets, allow_stop=False)):
        return index + 2
    return None


def _is_name_token(
    token: str,
    start: int,
    end: int,
    excluded: Intervals,
    sets: dict[str, frozenset[str]],
    *,
    allow_stop: bool,
) -> bool:
    first = token[:1]
    if len(token) == 1 and first.isalpha():
        return False  # a lone letter ("F" of "F-35"); initials come with a period
    if not first.isupper():
        if first in "aebi" and _ARABIC_ARTICLE.match(token) and token.split("-", 1)[1][:1].isupper():
            return not _overlaps(start, end, excluded)  # "Abdel Fattah al-Sissi"
        return False
    if len(token) > 1 and token.isupper() and (
            "-" not in token or all(len(part) <= 3 for part in token.split("-"))):  # noqa: PLR2004
        return False  # an acronym (OTAN, PIB, CPE, N-VA), not a name
    folded = token.casefold()
    if not allow_stop and (folded in sets["stop"] or folded in sets["office_words"]):
        return False
    if folded in MONTHS_AND_DAYS:
        return False
    return not _overlaps(start, end, excluded)


def find_mentions(
    raw: str,
    lines: TokenizedLines,
    *,
    excluded: Sequence[tuple[int, int]] = (),
    date: dt.date | None = None,
    demonyms: Sequence[tuple[int, int, str]] = (),
    country_lookup: object = None,
    language: str = "fr",
    excluded_terms: Sequence[tuple[int, int]] = (),
) -> ResolvedMentions:
    """
    Find and resolve every speaker mention in the given body lines.

    Args:
        raw: The article text.
        lines: The tokenized body lines to read (title, headings, paragraphs).
        excluded: Spans that cannot be part of a name (country, city and demonym
            mentions, quoted names of initiatives).
        date: The article's date, to pick the office holder of a title.
        demonyms: ``(start, end, code)`` of the demonyms of the text; "le Norvégien"
            standing alone refers back to a person (of that nationality, when known).
        country_lookup: A callable ``str -> ISO code | None`` for title qualifiers
            (``américain`` → ``US``).
        language: ``"fr"`` or ``"en"``: which office names to read.
        excluded_terms: Spans of quoted names and terms; the same words unquoted
            elsewhere are not a person's name either.

    Returns:
        The mentions, resolved, in text order.

    .. versionadded:: 0.1.0
    """
    lookup: Callable[[str], str | None] = country_lookup if callable(country_lookup) else (lambda _value: None)
    spans = lines.spans
    tokens_by_line = lines.tokens

    def subject(position: int) -> bool:
        return _in_subject_position(lines, position)

    mentions: list[Mention] = []
    taken = list(excluded)
    # Organisations and documents first: their words are never names.
    for line, ((line_start, line_end), tokens) in enumerate(zip(spans, tokens_by_line, strict=True)):
        named = _organisation_matcher().finditer(raw, tokens, line_end, lines.words(line))
        for match in named:
            mentions.append(Mention(
                kind="organisation", text=match.group(), start=match.start(), end=match.end(),
                name=_organisation_name(match.group()), speaker_kind="organisation",
                subject=subject(match.start()),
            ))
            taken.append((match.start(), match.end()))
        for match in _document_matcher().finditer(raw, tokens, line_end, lines.folded(line)):
            if any(body.start() < match.end() and match.start() < body.end() for body in named):
                continue  # "l'Organisation mondiale de la santé" is that body, not a document
            mentions.append(Mention(kind="document", text=match.group(), start=match.start(), end=match.end(),
                                    speaker_kind="organisation", subject=subject(match.start())))
    # Organisations named by a descriptive phrase ("l'ambassade de Russie au Sénégal").
    for line, tokens in enumerate(tokens_by_line):
        for start, end in _organisation_phrases(raw, tokens, lines.folded(line)):
            if Intervals(taken).overlaps(start, end) and not _longer_than_taken(start, end, taken):
                continue
            mentions = [m for m in mentions if not (m.kind == "organisation" and start <= m.start and m.end <= end)]
            end = _known_organisation_end(raw, tokens, start, end)
            text = raw[start:end]
            mentions.append(Mention(kind="organisation", text=text, start=start, end=end,
                                    name=organisations().get(text.replace("’", "'")) or _diplomacy(text, lookup) or text,
                                    speaker_kind="organisation", subject=subject(start)))
            taken.append((start, end))
    # Bodies known by an acronym only ("dénonce l'UDC", "la CDU a ..."). One interval
    # index for the whole text: acronyms never overlap one another.
    taken_so_far = Intervals(taken)  # the excluded spans and the organisations above
    for line, tokens in enumerate(tokens_by_line):
        for start, end in _acronym_bodies(tokens, lines.folded(line), lookup):
            if not taken_so_far.overlaps(start, end):
                mentions.append(Mention(kind="organisation", text=raw[start:end], start=start, end=end,
                                        name=organisations().get(raw[start:end], raw[start:end]),
                                        speaker_kind="organisation", subject=subject(start)))
                taken.append((start, end))
    # The members of a body speaking together ("les ministres … de l'OTAN", "les alliés").
    bodies_so_far = sorted((m for m in mentions if m.kind == "organisation" and m.name), key=lambda m: m.start)
    body_starts = [b.start for b in bodies_so_far]
    alliance = next((b.name for b in bodies_so_far if b.name == "OTAN"), None)
    groups: list[Mention] = []
    for line, tokens in enumerate(tokens_by_line):
        for start, end, body in _group_phrases(tokens, lines.folded(line), bodies_so_far, body_starts, alliance):
            groups.append(Mention(kind="organisation", text=raw[start:end], start=start, end=end, name=body,
                                  speaker_kind="organisation", subject=subject(start)))
    if groups:
        group_spans = Intervals([(g.start, g.end) for g in groups])
        # The body named inside the phrase is the group now ("de l'OTAN" in "les ministres … de l'OTAN").
        mentions = [m for m in mentions if not (m.kind == "organisation" and group_spans.contains(m.start))]
        mentions.extend(groups)
        taken.extend((g.start, g.end) for g in groups)
    # Titles, with their qualifier ("le secrétaire d'État américain").
    titles: list[tuple[Mention, str, str]] = []
    for line, ((line_start, line_end), tokens) in enumerate(zip(spans, tokens_by_line, strict=True)):
        for match in _office_matcher(language).finditer(raw, tokens, line_end, lines.folded(line)):
            office, of, end = _parse_office(raw, match, line_end, lookup)
            text = raw[match.start():end]
            titles.append((Mention(kind="title", text=text, start=match.start(), end=end, role=text,
                                   subject=subject(match.start())), office, of))
            taken.append((match.start(), match.end()))
    # A person named by a noun alone ("le ministre congolais", "la cheffe du
    # département", "un porte-parole"): an anaphor, or the organisation of a spokesperson.
    title_spans = Intervals([(m.start, m.end) for m, _, _ in titles] + [(g.start, g.end) for g in groups])
    for line, tokens in enumerate(tokens_by_line):
        for start, end, country in _person_nouns(raw, tokens, lines.folded(line), lookup):
            if title_spans.overlaps(start, end):
                continue
            titles.append((Mention(kind="title", text=raw[start:end], start=start, end=end, role=raw[start:end],
                                   subject=subject(start), country=country), "", country))
    blocked = Intervals(taken)
    runs = [run for line, tokens in enumerate(tokens_by_line)
            for run in _name_runs(raw, tokens, lines.words(line), lines.folded(line), blocked)]
    # A name the article puts in quotation marks elsewhere ("l'initiative « Sky Shield »")
    # names a thing, not a person.
    quoted_names = {raw[start:end] for start, end in excluded_terms}
    runs = [run for run in runs if raw[run[0]:run[1]] not in quoted_names]
    names = _names(raw, runs, subject, date)
    mentions.extend(names)
    for line, ((line_start, line_end), tokens) in enumerate(zip(spans, tokens_by_line, strict=True)):
        for match in _anaphor_matcher().finditer(raw, tokens, line_end, lines.folded(line)):
            if raw[match.start() - 1:match.start()] in ("-", "’", "'"):
                continue  # "-t-il" is an inversion, read by the cue rules
            if (_EMPHATIC.fullmatch(raw, max(0, match.start() - 2), min(len(raw), match.end() + 1))
                    or _EMPHATIC_AFTER.match(raw, match.end())):
                continue  # "Le ministre a, lui, jugé", "présent lui aussi": the subject is elsewhere
            mentions.append(Mention(kind="pronoun", text=match.group(), start=match.start(), end=match.end(),
                                    gender="f" if match.group().casefold().startswith(("elle", "celle", "cette", "she")) else "m"))
    mentions.extend(_demonym_anaphors(raw, demonyms, subject))
    for line, tokens in enumerate(tokens_by_line):
        mentions.extend(_regional_anaphors(raw, tokens, lines.folded(line), subject))
    roles: dict[int, Mention] = {}
    feminine: set[int] = set()
    bound_offices: dict[int, str] = {}
    bound_countries: dict[int, str] = {}
    bodies_named = sorted((m for m in mentions if m.kind == "organisation"), key=lambda m: m.start)
    mentions.extend(_resolve_titles(raw, titles, sorted(names, key=lambda m: m.start), date, roles, feminine,
                                    bound_offices, bound_countries, bodies_named))
    mentions = [
        attrs.evolve(m, role=roles[m.start].text, gender=m.gender or ("f" if m.start in feminine else ""),
                     office=bound_offices.get(m.start, ""), country=bound_countries.get(m.start, ""),
                     # "la défection du chef de la diplomatie libyenne, X": a name after a
                     # title governed by a preposition is a complement, whatever the comma
                     # before it suggests.
                     subject=m.subject and not (roles[m.start].start < m.start
                                                and _GOVERNED_TITLE.search(mention_prefix(raw, roles[m.start].start))))
        if m.kind == "name" and m.start in roles else m
        for m in mentions
    ]
    # "Friedrich Merz (CDU) a déclaré": a body in parentheses after a person is their
    # affiliation, never the one who speaks.
    # So is a body right after a title: "le ministre N-VA a évoqué".
    title_ends = {m.end for m in mentions if m.kind == "title"}
    mentions = [m for m in mentions if not (m.kind == "organisation" and (
        _affiliation(raw, m) or (m.start - 1 in title_ends and raw[m.start - 1:m.start] == " ")))]
    mentions.sort(key=lambda m: (m.start, -m.end))
    documents = [m for m in mentions if m.kind == "document"]
    mentions = [m for m in mentions if m.kind != "document"]
    mentions.extend(_resolve_documents(raw, documents, mentions))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return ResolvedMentions(mentions=tuple(mentions))


def _diplomacy(text: str, lookup: Callable[[str], str | None]) -> str | None:
    """
    "la diplomatie estonienne" is the ministère estonien des Affaires étrangères (the
    French one, "diplomatie française", is the Quai d'Orsay in data/organisations.csv).
    """
    words = text.split()
    if len(words) != 2 or fold(words[0]) != "diplomatie":  # noqa: PLR2004
        return None
    code = lookup(words[1])
    adjective = country_adjective(code) if code else None
    return f"ministère {adjective} des Affaires étrangères" if adjective else None


def _affiliation(raw: str, mention: Mention) -> bool:
    """True for a body standing alone in parentheses after a word: "Merz (CDU)"."""
    before = raw[max(0, mention.start - 3):mention.start].rstrip()
    if not before.endswith("(") or raw[mention.end:mention.end + 1] != ")":
        return False
    return before[:-1].rstrip()[-1:].isalnum()


def _longer_than_taken(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    """True when ``[start, end)`` covers every taken span it overlaps (a longer phrase)."""
    return all(start <= s and e <= end for s, e in taken if s < end and start < e)


_DETERMINERS_BEFORE_PHRASE = frozenset({"le", "la", "l'", "les", "un", "une", "the", "a", "an", "son", "sa", "its", "their"})


def _phrase_end(raw: str, tokens: list[tuple[str, int, int]], folded: list[str], head: int, limit: int = 10) -> int:
    """The index just past a noun phrase starting at ``tokens[head]``."""
    breakers = _folded_words("phrase_breakers")
    particles = {"de", "du", "des", "d'", "la", "l'", "le", "les", "au", "aux", "en", "pour", "sur", "of", "the",
                 "for", "in", "on"}
    end = head + 1
    index = head + 1
    bare = 0  # lower-case words in a row since the last particle
    while index < len(tokens) and index - head <= limit:
        word, folded_word = tokens[index][0], folded[index]
        if not word[:1].isalnum() or folded_word in breakers or folded_word in _folded_verb_forms():
            break
        if word.endswith(("'", "’")) and folded_word not in particles:
            break  # an elided pronoun opens the verb: "le ministère s'est dit"
        if folded_word in ("et", "and"):
            following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
            if not (following[:1].isupper() or folded[index + 1] in particles if index + 1 < len(tokens) else False):
                break
        elif folded_word in particles:
            if _person_follows(folded, index + 1):
                break  # "le gouvernement de la première ministre Sanna Marin": a person's body
            bare = 0
        else:
            if word[:1].islower() and not _is_demonym_word(word):
                bare += 1
                # A noun takes one adjective ("Conseil fédéral", "d'enquête finlandais",
                # "des affaires étrangères"); a second bare word is the verb: "le Conseil
                # fédéral prend soin de".
                after_noun = index - 2 > head and folded[index - 2] in particles and bare == 2  # noqa: PLR2004
                if (bare > 1 and not after_noun) or bare > 2 or (  # noqa: PLR2004
                        bare == 1 and index - 1 > head and folded[index - 1] not in particles
                        and tokens[index - 1][0][:1].islower()):
                    break
            else:
                bare = 0
            end = index + 1
        index += 1
    return end


def _person_follows(folded: list[str], index: int) -> bool:
    """True when a person's title starts at ``index`` ("première ministre", "président")."""
    while index < len(folded) and folded[index] in ("la", "le", "l'", "premier", "premiere", "vice", "ancien",
                                                     "ancienne"):
        index += 1
    return index < len(folded) and folded[index] in _person_noun_set()


@lru_cache(maxsize=8)
def _folded_words(name: str) -> frozenset[str]:
    """A word list of data/cues.toml, folded like TokenizedLines.folded()."""
    return frozenset(fold(word) for word in cue_words()[name])


@lru_cache(maxsize=1)
def _folded_verb_forms() -> frozenset[str]:
    return frozenset(fold(form) for form in all_speech_forms())



def _acronym_bodies(
    tokens: list[tuple[str, int, int]], folded: list[str], lookup: Callable[[str], str | None]
) -> list[tuple[int, int]]:
    """Spans of a capitalised acronym of 2 to 6 letters after a definite article: a party, a body."""
    found = []
    # Only the tokens after an article are read (found in C): one token in ten or so.
    for index in compress(range(1, len(tokens)), map(_DEFINITE_ARTICLES.__contains__, folded)):
        word = tokens[index][0]
        if 2 <= len(word) <= 6 and word.isalpha() and word.isupper() and not lookup(word):  # noqa: PLR2004
            found.append((tokens[index][1], tokens[index][2]))
    return found


_DEFINITE_ARTICLES = frozenset({"l'", "le", "la", "les", "the"})  # folded


def _known_organisation_end(raw: str, tokens: list[tuple[str, int, int]], start: int, end: int) -> int:
    """
    Cut a phrase the registry does not know back to the longest organisation it does
    know at its start, when that is a proper name: "Kremlin reste prudent" is the
    Kremlin and a verb ("ministère de la Défense nationale" stays whole).
    """
    known = organisations()
    if raw[start:end].replace("’", "'") in known or not raw[start:start + 1].isupper():
        return end
    # The phrase's own tokens only (found by bisection: a line may be very long).
    first = bisect.bisect_left(tokens, start, key=itemgetter(1))
    last = bisect.bisect_left(tokens, end, key=itemgetter(1))
    ends = [token_end for _, _, token_end in tokens[first:last] if token_end < end]
    for candidate in reversed(ends):
        if raw[start:candidate].replace("’", "'") in known:
            return candidate
    return end


def _organisation_phrases(raw: str, tokens: list[tuple[str, int, int]], folded: list[str]) -> list[tuple[int, int]]:
    """Spans of descriptive organisation phrases: determiner + head noun + complements."""
    heads = _folded_words("organisation_heads")
    institutions = _folded_words("institution_heads")
    found: list[tuple[int, int]] = []
    if heads.isdisjoint(folded) and institutions.isdisjoint(folded):
        return found
    for index in range(1, len(tokens)):
        word = folded[index]
        # An institution's head counts only capitalised ("le Conseil fédéral", not "le
        # conseil de classe").
        if not (word in heads or (word in institutions and tokens[index][0][:1].isupper())):
            continue
        if word == "diplomatie":
            # "La diplomatie estonienne exige": the noun and its nationality only, and not
            # inside a title ("le chef de la diplomatie britannique David Cameron").
            if (folded[index - 1] == "la" and (index < 2 or folded[index - 2] not in ("de", "d'"))
                    and index + 1 < len(tokens) and _is_demonym_word(tokens[index + 1][0])):
                found.append((tokens[index][1], tokens[index + 1][2]))
            continue
        if folded[index - 1] in _DETERMINERS_BEFORE_PHRASE:
            end = _phrase_end(raw, tokens, folded, index)
            if end > index + 1:  # a bare "le gouvernement" names no one in particular
                end = _posted_in(tokens, folded, index, end)
                found.append((tokens[index][1], tokens[end - 1][2]))
        elif (index >= 2 and folded[index - 2] in ("the", "a", "an")  # noqa: PLR2004
              and tokens[index - 1][0][:1].isupper() and _is_demonym_word(tokens[index - 1][0])):
            # English puts the nationality first: "the Hungarian government".
            end = _posted_in(tokens, folded, index, index + 1)
            found.append((tokens[index - 1][1], tokens[end - 1][2]))
    return found


_POSTED_HEADS = frozenset({"ambassade", "embassy", "consulat", "consulate", "mission", "representation"})


def _posted_in(tokens: list[tuple[str, int, int]], folded: list[str], head: int, end: int) -> int:
    """
    An embassy's phrase takes the place it is posted in: "l'ambassade de Russie à Riga",
    "the Russian embassy in Oslo" (one capitalised word after "à", "en", "in").
    """
    if (folded[head] in _POSTED_HEADS and end + 1 < len(tokens) and folded[end] in ("a", "à", "en", "in", "au")
            and tokens[end + 1][0][:1].isupper()):
        return end + 2
    return end


_GROUP_DETERMINERS = frozenset({"les", "ses", "leurs", "the", "its", "their"})
# What may stand between a group noun and its body: "les ministres des Affaires étrangères
# de l'OTAN", "les chefs d'État et de gouvernement des 32 pays de l'Otan".
_GROUP_GAP_LIMIT = 10


def _group_phrases(
    tokens: list[tuple[str, int, int]],
    folded: list[str],
    bodies: Sequence[Mention],
    body_starts: Sequence[int],
    alliance: str | None,
) -> list[tuple[int, int, str]]:
    """
    Spans of the members of a body speaking together, with the body's name.

    "les ministres des Affaires étrangères de l'OTAN" runs from the determiner to the
    body named in the same clause (no punctuation between); "les alliés" standing alone
    is the alliance, when the article names it (``alliance``). ``bodies`` are the
    article's named organisations in text order, ``body_starts`` their starts.
    """
    nouns = _folded_words("group_nouns")
    found: list[tuple[int, int, str]] = []
    if nouns.isdisjoint(folded) or not tokens:
        return found
    line_start, line_end = tokens[0][1], tokens[-1][2]
    first, last = bisect.bisect_left(body_starts, line_start), bisect.bisect_left(body_starts, line_end)
    by_start = {b.start: b for b in bodies[first:last]}
    for index in compress(range(len(tokens)), map(nouns.__contains__, folded)):
        determiner = index - 1
        if determiner >= 0 and folded[determiner].isdigit():
            determiner -= 1  # "les 32 alliés"
        if determiner < 0 or folded[determiner] not in _GROUP_DETERMINERS:
            continue
        start = tokens[determiner][1]
        body = None
        for ahead in range(index + 1, min(len(tokens), index + 1 + _GROUP_GAP_LIMIT)):
            word = tokens[ahead][0]
            if tokens[ahead][1] in by_start:
                body = by_start[tokens[ahead][1]]
                break
            if not word[:1].isalnum() and word not in ("'", "’"):
                break  # punctuation ends the clause
        if body is not None and folded[ahead - 1] in ("de", "du", "des", "d'", "l'", "of", "the"):
            found.append((start, body.end, body.name or ""))
        elif (alliance and folded[index] in _folded_words("allied_nouns")
              and (index + 1 >= len(folded) or folded[index + 1] not in ("de", "du", "des", "d'", "of"))):
            found.append((start, tokens[index][2], alliance))
    return found


def _person_nouns(
    raw: str, tokens: list[tuple[str, int, int]], folded: list[str], lookup: Callable[[str], str | None]
) -> list[tuple[int, int, str]]:
    """Spans of "le ministre congolais", "la cheffe du DDPS", "un porte-parole" with a country."""
    nouns = _person_noun_set()
    found: list[tuple[int, int, str]] = []
    if nouns.isdisjoint(folded):
        return found
    for index in compress(range(len(tokens)), map(nouns.__contains__, folded)):
        # "un diplomate", or one word between: "a NATO diplomat", "one senior official".
        if (index and folded[index - 1] in _DETERMINERS_BEFORE_PHRASE) or (
                index >= 2 and folded[index - 2] in _INDEFINITE_DETERMINERS and tokens[index - 1][0].isalpha()):  # noqa: PLR2004
            country = ""
            if index + 1 < len(tokens) and tokens[index + 1][0][:1].islower() and _is_demonym_word(tokens[index + 1][0]):
                country = lookup(tokens[index + 1][0]) or ""
            found.append((tokens[index][1], tokens[index][2], country))
    return found


_INDEFINITE_DETERMINERS = frozenset({"un", "une", "a", "an", "one", "another"})


@lru_cache(maxsize=1)
def _person_noun_set() -> frozenset[str]:
    return frozenset(fold(noun) for noun in lexicon().get("person_nouns", ()) if " " not in noun)


def _names(
    raw: str, runs: list[tuple[int, int, bool]], subject: Callable[[int], bool], date: dt.date | None = None
) -> list[Mention]:
    """
    Name mentions from runs of capitalised words, each with its canonical name.

    A surname two registry people share ("Orban") names the one the article names in
    full, else the one in office on the article's date, else the one still in office.
    """
    by_name, by_alias = _registry()
    # Full names the article gives, by surname ("Rutte" → "Mark Rutte").
    article_full: dict[str, str] = {}
    for start, end, _ in runs:
        if raw.endswith(("'s", "’s"), start, end):
            end -= 2
        parts = raw[start:end].split()
        if len(parts) >= 2:
            canonical = _canonical_full(" ".join(parts), by_name)
            for key in (*_surname_keys(canonical), *_surname_keys(" ".join(parts))):
                article_full.setdefault(key, canonical)
    organisation_words = _organisation_words()
    mentions = []
    for start, end, honorific in runs:
        if raw.endswith(("'s", "’s"), start, end):
            end -= 2  # "Viktor Orban's"
        parts = raw[start:end].split()
        if len(parts) >= 3 and parts[0].casefold() in organisation_words:  # noqa: PLR2004
            # "la présidente du Conseil Giorgia Meloni": the body's name runs into the
            # person's; the person starts at a given name with a surname after it.
            given = next((i for i in range(1, len(parts) - 1) if parts[i] in first_name_genders()), None)
            if given is not None and not any(p.casefold() in organisation_words for p in parts[given:]):
                start = raw.index(parts[given], start)
                parts = parts[given:]
        text = " ".join(parts)
        # A given name first is a person even when it is also a word of bodies ("Marine
        # Le Pen", not the Marine nationale).
        body_words = parts[1:] if len(parts) >= 2 and parts[0] in first_name_genders() else parts  # noqa: PLR2004
        if any(part.casefold() in organisation_words for part in body_words) and text.casefold() not in by_name:
            continue  # "Université Laval", "Atlantic Council": not a person
        if text.casefold() not in by_name and _named_thing_before().search(raw, max(0, start - 40), start):
            continue  # "l'exercice Trident Juncture", "the exercise, Trident Juncture": a thing's name
        canonical: str | None
        if len(parts) >= 2:
            canonical = _canonical_full(text, by_name)
        else:
            canonical = article_full.get(text.casefold())
            if canonical is None:
                known = _in_office(by_alias.get(text.casefold(), []), date)
                canonical = known[0].name if len(known) == 1 else (text if honorific else None)
        if canonical is not None:
            mentions.append(Mention(kind="name", text=raw[start:end], start=start, end=end, name=canonical,
                                    subject=subject(start), gender=_gender_of(canonical)))
    return mentions


@lru_cache(maxsize=1)
def _named_thing_before() -> re.Pattern[str]:
    """
    A noun whose capitalised complement is a thing's name, just before a run.

    Not after "de": "le capitaine de corvette Yannick Le Bris" is a rank.
    """
    nouns = "|".join(sorted((re.escape(noun) for noun in lexicon().get("named_thing_nouns", ())), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?<!\bde\s)(?:{nouns}),?\s+$", re.IGNORECASE)


def _gender_of(name: str) -> str:
    """The registry's gender for ``name``, else the one its given name almost always has."""
    known = _genders().get(name)
    if known:
        return known
    parts = name.split()
    return first_name_genders().get(parts[0], "") if len(parts) >= 2 else ""  # noqa: PLR2004


def _in_office(people_: list[Person], date: dt.date | None) -> list[Person]:
    """
    Narrow people sharing a surname to those in office on ``date`` (or today's holders),
    else to the one who left office last before ``date``.
    """
    if len(people_) < 2:  # noqa: PLR2004
        return people_
    if date is not None:
        holding = [p for p in people_ if any(role.holds_on(date) for role in p.roles)]
        if not holding:
            # Nobody in office that day: the one who left office last before it ("M.
            # Michel" in 2025 is Charles Michel, not the Louis Michel of 2004).
            ended = [(max(r.end for r in p.roles if r.end is not None and r.end <= date), p)
                     for p in people_ if any(r.end is not None and r.end <= date for r in p.roles)]
            latest = max(ended, key=lambda pair: pair[0])[1] if ended else None
            holding = [latest] if latest is not None else []
    else:
        holding = [p for p in people_ if any(role.end is None and role.start is not None for role in p.roles)]
    return holding or people_


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    return {p.name: p.gender for p in people()}


_BEFORE_DEMONYM_ANAPHOR = re.compile(r"(?:^|\s)(?:le|la|l['’])\s*$", re.IGNORECASE)


def _demonym_anaphors(
    raw: str, demonyms: Sequence[tuple[int, int, str]], subject: Callable[[int], bool]
) -> list[Mention]:
    """"le Norvégien", "l'Américain" standing for a person named earlier."""
    mentions = []
    for start, end, code in demonyms:
        text = raw[start:end]
        if not is_upper_initial(text) or not _BEFORE_DEMONYM_ANAPHOR.search(raw[max(0, start - 4):start]):
            continue
        following = tokenize(raw, end, min(len(raw), end + 30))
        if following and following[0][0][:1].isalpha() and is_upper_initial(following[0][0]):
            continue  # "le Finlandais Petteri Orpo": an apposition, not an anaphor
        mentions.append(Mention(kind="demonym", text=text, start=start, end=end, country=code,
                                subject=subject(start)))
    return mentions


@lru_cache(maxsize=1)
def _regional_demonyms() -> dict[str, str]:
    """Folded regional demonyms ("quebecoise") and the country of their region."""
    return {fold(row["form"]): row["country"] for row in data_csv("regional_demonyms.csv")}


def _regional_anaphors(
    raw: str, tokens: list[tuple[str, int, int]], folded: list[str], subject: Callable[[int], bool]
) -> list[Mention]:
    """
    "Le Québécois", "la Bordelaise" standing for a person named earlier.

    Like "le Norvégien", but the region names no country mention: its country only
    keeps the anaphor from people the registry knows to be of another nationality.
    """
    regions = _regional_demonyms()
    if regions.keys().isdisjoint(folded):
        return []
    mentions = []
    for index in compress(range(len(tokens)), map(regions.__contains__, folded)):
        word, start, end = tokens[index]
        if not is_upper_initial(word) or not index or folded[index - 1] not in ("le", "la", "l'"):
            continue  # "le vin bordelais", "le québécois" (the language)
        if index + 1 < len(tokens) and is_upper_initial(tokens[index + 1][0]):
            continue  # "le Québécois Maxime Tremblay": an apposition, not an anaphor
        mentions.append(Mention(kind="demonym", text=word, start=start, end=end,
                                country=regions[folded[index]], subject=subject(start)))
    return mentions


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    return cue_words()["organisation_words"]


def _surname_keys(full: str) -> list[str]:
    parts = full.split()
    keys = [parts[-1].casefold()]
    particles = _word_sets()["particles"]
    # "De Croo", "von der Leyen": a surname may start with a particle.
    for index in range(1, len(parts) - 1):
        if parts[index].casefold() in particles:
            keys.append(" ".join(parts[index:]).casefold())
            break
    return keys


def _canonical_full(text: str, by_name: dict[str, Person]) -> str:
    person = by_name.get(text.casefold())
    return person.name if person else text


_QUALIFIER = re.compile(
    r"(\s+(?:(?:de\s+la|de\s+l['’]|de|du|des|d['’])\s*)?)([^\W\d_][\w’'-]*(?:\s+[A-ZÉ][\w-]*)?)"
)


_PRE_QUALIFIER = re.compile(r"([^\W\d_][\w-]*(?:['’]s)?)\s+$")
# "the alliance's outgoing secretary-general", "NATO's new secretary general".
_PRE_BODY = re.compile(r"([^\W\d_][\w-]*)['’]s\s+(?:[a-z][\w-]*\s+)?$")


def _parse_office(
    raw: str, match: re.Match[str], line_end: int, lookup: Callable[[str], str | None]
) -> tuple[str, str, int]:
    """
    The office key, its body (ISO code or organisation) and the title's end.

    The body comes from the surface itself ("porte-parole du Kremlin"), from an
    adjective inserted after its first word ("ministre russe des Affaires étrangères"),
    or from a qualifier after it: an adjective ("américain") or "de l'OTAN", "du
    Kremlin", "de la Russie", "des États-Unis".
    """
    surface = re.sub(r"\s+", " ", fold(match.group()))
    table = _office_lookup()
    office, of = table.get(surface, ("", ""))
    end = match.end()
    if not office:
        words = surface.split()
        office, of = table.get(" ".join([words[0], *words[2:]]), ("", ""))
        of = of or lookup(words[1]) or ""
    if of:
        return office, of, end
    before = _PRE_QUALIFIER.search(raw, max(0, match.start() - 40), match.start())
    if before is not None:
        # English puts the country first: "Hungary's foreign minister", "the Hungarian
        # foreign minister".
        word = before.group(1)
        country = ""
        if _is_country_possessive(word):
            country = lookup(word[:-2]) or ""
        elif word[:1].isupper() and _is_demonym_word(word):  # "Hungarian", not "La" (Laos)
            country = lookup(word) or ""
        if country:
            return office, country, end
    body_before = _PRE_BODY.search(raw, max(0, match.start() - 40), match.start())
    if body_before is not None:
        body = organisations().get(body_before.group(1)) or organisations().get(body_before.group(1).casefold())
        if body:
            return office, body, end
    qualifier = _QUALIFIER.match(raw, end, min(line_end, end + 60))
    if qualifier is None:
        return office, "", end
    lead, words = qualifier.group(1), qualifier.group(2)
    if not lead.strip() and words[:1].isupper():
        # "le Premier ministre Dominique de Villepin": a capitalised word right after a
        # title starts a name (here not Dominica); French adjectives are lower-case.
        return office, "", end
    for candidate in (words, words.split()[0]):
        body = organisations().get(candidate) or lookup(candidate)
        if body:
            return office, body, end + len(lead) + len(candidate)
    return office, "", end


def _resolve_titles(
    raw: str,
    titles: list[tuple[Mention, str, str]],
    names: list[Mention],
    date: dt.date | None,
    roles: dict[int, Mention],
    feminine: set[int],
    bound_offices: dict[int, str],
    bound_countries: dict[int, str],
    bodies_named: Sequence[Mention] = (),
) -> list[Mention]:
    """
    Bind titles to names given in apposition, then fall back on the registry.

    ``roles`` receives, by name mention start, the title bound to that name,
    ``feminine`` the starts of names bound to a title written in the feminine, and
    ``bound_offices`` the office of the bound title (``"other"`` for a title the
    registry has no office for) and ``bound_countries`` the country it names.
    ``bodies_named`` are the organisation mentions of the article, in text order: an
    organisation's office named bare takes its body from them.
    """
    bound: dict[tuple[str, str], str] = {}
    # Bindings of titles without a body, by office, in text order: a bare title later
    # takes the latest one before it ("le ministre du Budget, X" named after "a martelé
    # le ministre" is not that minister).
    bare_bindings: dict[str, list[tuple[int, str]]] = {}
    resolved: list[tuple[Mention, str, str, str | None]] = []
    starts = [name.start for name in names]
    for mention, office, of in titles:
        if office in _HEAD_OFFICES and not of and _UNKNOWN_BODY_AFTER.match(raw, mention.end):
            # "le président du MoDem, François Bayrou": the president of a body the data
            # does not know, not a head of state: no registry office, and no binding that
            # a later "président de la République" could borrow.
            office = ""
        apposed = _apposition(raw, mention, names, starts)
        if apposed is not None and len(of) == 2 and of.isupper() and apposed.name:  # noqa: PLR2004
            # The registry's nationalities, or the one an earlier title gave this name
            # ("le président argentin, Javier Milei, le président américain s'en est pris").
            known = nationalities(apposed.name) | ({bound_countries[apposed.start]} if apposed.start in bound_countries else set())
            if known and of not in known:
                # "Sans nommer le président français, Vladimir Poutine a ...": the
                # registry knows the name holds no office of that country.
                apposed = None
        if apposed is not None and apposed.name and office and of and date is not None:
            holder = _registry_holder(office, of, date, set())
            held = offices_held(apposed.name)
            if holder is not None and holder != apposed.name and held and office not in held:
                # "un éventuel retour de Donald Trump, le chef de la diplomatie américaine
                # a ...": the registry knows the name, never in that office, and its
                # holder on the date is someone else.
                apposed = None
        name = apposed.name if apposed is not None else None
        if apposed is not None:
            roles.setdefault(apposed.start, mention)
            # A title the registry has no office for ("le commandant de la marine")
            # still says the person is not, say, the prime minister.
            if office or normal_form(mention.text.split()[0]) not in _relational_nouns():
                bound_offices.setdefault(apposed.start, office or "other")
            if len(of) == 2 and of.isupper():  # noqa: PLR2004 - "le ministre ukrainien ..., X"
                bound_countries.setdefault(apposed.start, of)
            if _FEMININE_BEFORE.search(mention_prefix(raw, mention.start)):
                feminine.add(apposed.start)  # "la présidente lituanienne, Dalia Grybauskaitė"
        if name is not None and office:
            bound.setdefault((office, of), name)
            if not of:
                bare_bindings.setdefault(office, []).append((mention.start, name))
        resolved.append((mention, office, of, name))
    # A bare title borrows the body of the same office named elsewhere in the article.
    # Only an organisation's office is borrowed ("le secrétaire général" of an article
    # about the OTAN); a national office is not ("la ministre de la Défense" may be of
    # another country than the one named earlier): it is resolved as an anaphor.
    bodies: dict[str, str] = {}
    for _, office, of, _ in resolved:
        if of and not (len(of) == 2 and of.isupper()):
            bodies.setdefault(office, of)
    named_people = {m.name for m in names}
    output: list[Mention] = []
    for mention, office, of, name in resolved:
        # A binding counts for the same office of the same body only: "le président
        # russe" is not the "président finlandais" named earlier. A bare title ("le
        # premier ministre") takes a bare binding first ("le premier ministre Justin
        # Trudeau"), then the body the article gives the office elsewhere.
        body = of or bodies.get(office, "")
        if not body and _DEFINITE_TITLE_BEFORE.search(mention_prefix(raw, mention.start)):
            # "Le secrétaire général", not "un porte-parole" (one of several: the body speaks).
            body = _body_in_context(office, mention.start, bodies_named)
        # "l'ancien Premier ministre néerlandais" is not today's holder: it refers back to
        # someone named earlier who held the office (an anaphor), so no name is looked up.
        former = name is None and _FORMER_BEFORE.search(mention_prefix(raw, mention.start))
        if name is None and office and not of and not former:
            name = next((bound_name for start, bound_name in reversed(bare_bindings.get(office, []))
                         if start < mention.start), None)
        if name is None and office and body and not former:
            name = bound.get((office, body))
        if name is None and office and body and not former:
            name = _registry_holder(office, body, date, named_people)
        gender = _genders().get(name or "", "")
        if not gender and _FEMININE_BEFORE.search(mention_prefix(raw, mention.start)):
            gender = "f"
        elif not gender and _MASCULINE_BEFORE.search(mention_prefix(raw, mention.start)):
            gender = "m"  # "Le ministre a évoqué … a-t-il assuré" is not "la Première ministre"
        country = body if len(body) == 2 and body.isupper() else ""
        output.append(attrs.evolve(mention, name=name, gender=gender, country=country, office=office or ""))
    return output


# An emphatic pronoun between commas: ", lui,", ", elle,".
_EMPHATIC = re.compile(r",\s?(?:lui|elle|eux|elles)\s?,", re.IGNORECASE)
_EMPHATIC_AFTER = re.compile(r"(?:\s+aussi|\s+non\s+plus|\s+également|-même)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _relational_nouns() -> frozenset[str]:
    """Nouns that relate a person to another ("son homologue") without naming an office."""
    return frozenset(lexicon().get("relational_nouns", ()))


# A preposition and a determiner before a title: "du chef", "avec la ministre", "de l'ancien".
_GOVERNED_TITLE = re.compile(
    r"(?:^|\s)(?:du|des|au|aux|(?:de|à|avec|par|pour|contre|chez|auprès\s+de|of|with|by|for)\s+"
    r"(?:la|le|les|l['’]|son|sa|ses|the|his|her)?)\s*(?:(?:ancien|ancienne|ex|nouveau|nouvelle)[\s-]+)?$",
    re.IGNORECASE,
)
# Offices that head a body, whatever the body ("le président du MoDem", "le secrétaire
# général de l'Élysée"); a minister's complement is a portfolio instead.
_HEAD_OFFICES = frozenset({"president", "vice_president", "prime_minister", "secretary_general", "deputy_secretary_general"})
# A title's complement naming a body ("du MoDem", "de l'UMP", "of Acme").
_UNKNOWN_BODY_AFTER = re.compile(r"\s+(?:du|des|de\s+la|de\s+l['’]|de|d['’]|of(?:\s+the)?)\s*[A-ZÉ]")
_DEFINITE_TITLE_BEFORE = re.compile(r"(?:^|\s)(?:le|la|l['’]|the)\s*$", re.IGNORECASE)
_MASCULINE_BEFORE = re.compile(r"(?:^|\s)(?:le|un|ce)\s*$", re.IGNORECASE)
_FEMININE_BEFORE = re.compile(r"(?:^|\s)(?:la|une|cette)\s*$", re.IGNORECASE)
# "l'ancien Premier ministre", "the former Estonian prime minister", "l'ex-ministre".
_FORMER_BEFORE = re.compile(r"\b(?:ancien|ancienne|former|ex)(?:-|\s+)(?:[^\W\d_]+\s+)?$", re.IGNORECASE)


def is_former_title(raw: str, start: int) -> bool:
    """True when the title at ``start`` is a former office: "l'ancien Premier ministre"."""
    return _FORMER_BEFORE.search(mention_prefix(raw, start)) is not None


def mention_prefix(raw: str, start: int) -> str:
    """The few characters before ``start`` (for determiners such as "la", "une")."""
    return raw[max(0, start - 24):start].split("\n")[-1]


def offices_held(name: str, date: dt.date | None = None) -> frozenset[str]:
    """
    The offices the registry says ``name`` held (``"prime_minister"``).

    With a ``date``, the offices held on that date when the registry has any for it
    (Vladimir Poutine in 2022 is the president, not the former prime minister), else
    those held at any date.
    """
    if date is not None:
        person = _by_exact_name().get(name)
        if person is not None:
            on_date = frozenset(r.office for r in person.roles if r.holds_on(date))
            if on_date:
                return on_date
    return _offices_held().get(name, frozenset())


@lru_cache(maxsize=1)
def _by_exact_name() -> dict[str, Person]:
    return {p.name: p for p in people()}


@lru_cache(maxsize=1)
def _offices_held() -> dict[str, frozenset[str]]:
    return {p.name: frozenset(r.office for r in p.roles) for p in people()}


def registry_holder(office: str, of: str, date: dt.date | None) -> str | None:
    """
    Who the registry says held ``office`` of ``of`` (a country code or body) on ``date``.

    "Le chef du gouvernement" of Germany or Austria is its chancellor.
    """
    holder = _registry_holder(office, of, date, set())
    if holder is None and office == "prime_minister":
        holder = _registry_holder("chancellor", of, date, set())
    return holder


def registry_gender(name: str) -> str:
    """``m`` or ``f`` when the registry knows ``name`` or its given name tells, else ""."""
    return _gender_of(name)


def nationalities(name: str) -> frozenset[str]:
    """The countries whose offices the registry says ``name`` held."""
    return _nationalities().get(name, frozenset())


@lru_cache(maxsize=1)
def _nationalities() -> dict[str, frozenset[str]]:
    return {
        p.name: frozenset(r.of for r in p.roles if len(r.of) == 2 and r.of.isupper()) for p in people()
    }


def _apposition(raw: str, title: Mention, names: list[Mention], starts: list[int]) -> Mention | None:
    """The name standing right after a title ("l'OTAN, Mark Rutte," / "américain Antony Blinken")."""
    after = bisect.bisect_left(starts, title.end)
    for name in names[after:after + 1]:
        if name.start - title.end > _APPOSITION_REACH:
            break
        gap = raw[title.end:name.start]
        # "le secrétaire général de l'organisation, Jens Stoltenberg,": a short complement
        # without a verb may stand between the title and the name, or a few adjectives
        # ("la conseillère nationale genevoise Céline Dufaux").
        if (_APPOSITION_GAP.fullmatch(gap) or _adjectives_only(gap) or _complement_then_comma(gap)
                or _rank_after_comma(gap)):
            return name
        break
    # Or right before it: "Mark Rutte, secrétaire général de l'OTAN".
    before = bisect.bisect_left(starts, title.start) - 1
    for name in names[max(0, before):before + 1] if before >= 0 else []:
        if name.end > title.start or title.start - name.end > _APPOSITION_REACH:
            continue
        gap = raw[name.end:title.start]
        if re.fullmatch(r"\s*,\s*(?:le|la|l['’]|un|une|an|a)?\s*", gap, re.IGNORECASE):
            return name  # "Mark Rutte, secrétaire général", "Gabor Szentesi, an analyst"
        break
    return None


_APPOSITION_REACH = 120
_APPOSITION_GAP = re.compile(
    r"[\s,\u00a0\u202f]{0,3}|\s+(?:de|du|des|d['’])\s*[^,;:.!?«»\"]{1,40},\s*"
    # "le secrétaire d'État (Approvisionnement en matière de défense), Stephen Fuhr"
    r"|\s*\([^()\n]{1,60}\)\s*,?\s*"
)


def _adjectives_only(gap: str) -> bool:
    """True when ``gap`` is one to four lower-case words, none a verb or a clause word."""
    words = gap.split()
    if not 1 <= len(words) <= 6 or len(gap) > 60 or any(ch in gap for ch in ",;:.!?«»\"“”()"):
        return False
    breakers = cue_words()["phrase_breakers"] | cue_words()["auxiliaries_fr"] | cue_words()["auxiliaries_en"]
    # A preposition opens a complement: "un chancelier atlantiste face à Donald Trump".
    return all(
        word[:1].islower() and word.casefold() not in breakers and word.casefold() not in all_speech_forms()
        and word.casefold() not in _PREPOSITIONS
        for word in words
    )


def _rank_after_comma(gap: str) -> bool:
    """
    True for a comma and a rank or job before the name, after adjectives or nothing:
    "le chef d'état-major des armées norvégiennes, le général Eirik Kristoffersen".
    """
    head, comma, rank = gap.rpartition(",")
    if not comma or not (not head.strip() or _adjectives_only(head) or _complement(head)):
        return False
    words = rank.replace("’", "'").split()
    if words and words[0].casefold().startswith("l'") and len(words[0]) > 2:  # noqa: PLR2004 - "l'amiral"
        words = ["l'", words[0][2:], *words[1:]]
    if not 2 <= len(words) <= 4 or words[0].casefold() not in ("le", "la", "l'", "the"):  # noqa: PLR2004
        return False
    return _adjectives_only(" ".join(words[1:]))


def _complement(gap: str) -> bool:
    """A short complement without a verb: " des armées", " de la Défense"."""
    return _APPOSITION_GAP.fullmatch(gap + ", ") is not None and bool(gap.strip())


_CLAUSE_WORDS = frozenset({"qui", "que", "qu'", "dont", "où", "il", "elle", "ne", "n'", "who", "which", "that"})


def _complement_then_comma(gap: str) -> bool:
    """
    "L'adjoint au maire de Brest chargé de la Marine, Hervé Kerdraon": a complement
    without a verb, then a comma, between a title and its name.
    """
    if not gap.rstrip().endswith(",") or gap.count(",") != 1 or len(gap) > 90:
        return False
    # Prepositions are fine in a complement ("chargé des relations avec la Marine");
    # an auxiliary or a relative word is not: it opens a clause.
    breakers = cue_words()["auxiliaries_fr"] | cue_words()["auxiliaries_en"] | _CLAUSE_WORDS
    words = gap.rstrip(" ,").split()
    return bool(words) and not any(ch in gap for ch in ";:.!?«»\"“”()") and all(
        w.casefold() not in breakers and w.casefold() not in all_speech_forms() for w in words
    )


@lru_cache(maxsize=1)
def _holders() -> dict[tuple[str, str], list[tuple[Person, Role]]]:
    table: dict[tuple[str, str], list[tuple[Person, Role]]] = {}
    for person in people():
        for role in person.roles:
            table.setdefault((role.office, role.of), []).append((person, role))
    return table


@lru_cache(maxsize=1)
def _organisation_offices() -> frozenset[str]:
    """Offices only organisations have in the registry ("secretary_general", not "president")."""
    national = {office for office, of in _holders() if len(of) == 2 and of.isupper()}  # noqa: PLR2004
    return frozenset(office for office, _ in _holders() if office not in national)


def _body_in_context(office: str, position: int, bodies_named: Sequence[Mention]) -> str:
    """
    The organisation a bare organisational title belongs to, from the article.

    "L'OTAN a dénoncé … Le secrétaire général a estimé": the last organisation named
    before the title that has such an office, else the one the article names most.
    """
    if office not in _organisation_offices():
        return ""
    candidates = [m for m in bodies_named if m.name and (office, m.name) in _holders()]
    before = [m for m in candidates if m.start < position]
    if before:
        return before[-1].name or ""
    counts = Counter(m.name for m in candidates)
    return counts.most_common(1)[0][0] or "" if counts else ""


def _registry_holder(office: str, of: str, date: dt.date | None, named: set[str | None]) -> str | None:
    holders = _holders().get((office, of), [])
    if not holders:
        return None
    if date is not None:
        on_date = [p.name for p, r in holders if r.holds_on(date)]
        return on_date[0] if on_date else None
    in_article = [p.name for p, _ in holders if p.name in named]
    if in_article:
        return in_article[-1]
    latest = max(holders, key=lambda pr: pr[1].start or dt.date.min)
    return latest[0].name


_OWNER_GAP = re.compile(r"\s*(?:de\s+la|de\s+l['’]|de|du|des|d['’])\s*")


def _resolve_documents(raw: str, documents: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """
    A document speaks for its organisation: the one named right after it, the one the
    article names most for a summit's text ("la déclaration finale du sommet"), else the
    one last mentioned before it.
    """
    organisations_seen = [m for m in mentions if m.kind == "organisation"]
    starts = [o.start for o in organisations_seen]
    ends = sorted(o.end for o in organisations_seen)
    by_end = sorted(organisations_seen, key=lambda o: o.end)
    most_named = Counter(o.name for o in organisations_seen if o.name).most_common(1)
    output = []
    for document in documents:
        owner_name = None
        after = bisect.bisect_left(starts, document.end)
        if after < len(organisations_seen):
            candidate = organisations_seen[after]
            if candidate.start - document.end <= 6 and _OWNER_GAP.fullmatch(raw, document.end, candidate.start):
                owner_name = candidate.name
        if owner_name is None and after < len(organisations_seen):
            candidate = organisations_seen[after]
            if candidate.start - document.end <= 60 and _PUBLISHED_BY.fullmatch(raw, document.end, candidate.start):  # noqa: PLR2004
                owner_name = candidate.name  # "le communiqué publié ce lundi par le ministère"
        if owner_name is None and most_named and _OF_THE_SUMMIT.match(raw, document.end):
            owner_name = most_named[0][0]
        if owner_name is None:
            before = bisect.bisect_right(ends, document.start) - 1
            owner_name = by_end[before].name if before >= 0 else None
        output.append(attrs.evolve(document, name=owner_name))
    return output


# "le communiqué publié ce lundi par le", "the statement issued by the".
_PUBLISHED_BY = re.compile(
    r"\s+(?:publiée?s?|diffusée?s?|signée?s?|rendue?s?\s+publique?s?|émise?s?|issued|released|published)"
    r"(?:\s+[^\s,.;:!?«»]+){0,3}?\s+(?:par|by)\s+(?:la\s+|le\s+|les\s+|l['’]\s*|the\s+)?",
    re.IGNORECASE,
)
# "la déclaration finale du sommet", "le communiqué du sommet de Vilnius".
_OF_THE_SUMMIT = re.compile(r"\s+(?:du|of\s+the)\s+(?:sommet|summit)\b", re.IGNORECASE)
