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
from itertools import compress
from operator import itemgetter

import attrs

from natocorpus.extract.speakers.mention import Mention, ResolvedMentions, mention_prefix
from natocorpus.extract.speakers.registry import (
    nationalities,
    offices_held,
    registry_gender,
    registry_holder,
)
from natocorpus.extract.speakers.words import (
    DETERMINERS_BEFORE_PHRASE,
    first_token,
    folded_cue_words,
    folded_speech_forms,
    is_demonym_word,
    person_noun_set,
    surface_pattern,
)
from natocorpus.gazetteer import country_adjective
from natocorpus.resources import lexicon, organisations
from natocorpus.text import Intervals, PhraseMatcher, TokenizedLines, fold
from natocorpus.extract.speakers.subject import in_subject_position
from natocorpus.extract.speakers.names import name_mentions, name_runs
from natocorpus.extract.speakers.anaphors import demonym_anaphors, pronoun_mentions, regional_anaphors
from natocorpus.extract.speakers.titles import office_matcher, parse_office, person_noun_spans
from natocorpus.extract.speakers.holders import is_former_title, resolve_titles

# The names the other extraction modules import from here (attribution.py).
__all__ = [
    "Mention",
    "ResolvedMentions",
    "find_mentions",
    "is_former_title",
    "mention_prefix",
    "nationalities",
    "offices_held",
    "registry_gender",
    "registry_holder",
]

# The records keep showing (and pickling) as natocorpus.extract.speakers.Mention, the
# name they had before speakers became a package.
Mention.__module__ = ResolvedMentions.__module__ = __name__


# --- data, prepared once -----------------------------------------------------------


def organisation_name(text: str) -> str:
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
def organisation_matcher() -> PhraseMatcher:
    return PhraseMatcher([(first_token(alias), surface_pattern(alias)) for alias in organisations()], ignore_case=False)


_DOCUMENT_DETERMINERS = ("le", "la", "l'", "les", "ce", "cette", "son", "sa", "leur", "the", "a", "its")


@lru_cache(maxsize=1)
def document_matcher() -> PhraseMatcher:
    nouns = sorted(lexicon().get("document_nouns", ()), key=len, reverse=True)
    body = "|".join(surface_pattern(noun) for noun in nouns)
    # A determiner is tried only before the first word of a noun (see PhraseMatcher).
    heads = {first_token(noun) for noun in nouns}
    plain = all(part.isalpha() for head in heads for part in head.split("-"))
    followers = {determiner: tuple(fold(head) for head in heads) for determiner in _DOCUMENT_DETERMINERS}
    return PhraseMatcher(
        [(determiner, f"{surface_pattern(determiner)}\\s*(?:{body})") for determiner in _DOCUMENT_DETERMINERS],
        ignore_case=True, followers=followers if plain else None,
    )


# --- finding mentions ---------------------------------------------------------------


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
        return in_subject_position(lines, position)

    mentions: list[Mention] = []
    taken = list(excluded)
    # Organisations and documents first: their words are never names.
    for line, ((line_start, line_end), tokens) in enumerate(zip(spans, tokens_by_line, strict=True)):
        for match in organisation_matcher().finditer(raw, tokens, line_end, lines.words(line)):
            mentions.append(Mention(
                kind="organisation", text=match.group(), start=match.start(), end=match.end(),
                name=organisation_name(match.group()), speaker_kind="organisation",
                subject=subject(match.start()),
            ))
            taken.append((match.start(), match.end()))
        for match in document_matcher().finditer(raw, tokens, line_end, lines.folded(line)):
            mentions.append(Mention(kind="document", text=match.group(), start=match.start(), end=match.end(),
                                    speaker_kind="organisation", subject=subject(match.start())))
    # Organisations named by a descriptive phrase ("l'ambassade de Russie au Sénégal").
    for line, tokens in enumerate(tokens_by_line):
        for start, end in organisation_phrases(raw, tokens, lines.folded(line)):
            if Intervals(taken).overlaps(start, end) and not _longer_than_taken(start, end, taken):
                continue
            mentions = [m for m in mentions if not (m.kind == "organisation" and start <= m.start and m.end <= end)]
            end = known_organisation_end(raw, tokens, start, end)
            text = raw[start:end]
            mentions.append(Mention(kind="organisation", text=text, start=start, end=end,
                                    name=organisations().get(text.replace("’", "'")) or foreign_ministry(text, lookup) or text,
                                    speaker_kind="organisation", subject=subject(start)))
            taken.append((start, end))
    # Bodies known by an acronym only ("dénonce l'UDC", "la CDU a ..."). One interval
    # index for the whole text: acronyms never overlap one another.
    taken_so_far = Intervals(taken)  # the excluded spans and the organisations above
    for line, tokens in enumerate(tokens_by_line):
        for start, end in acronym_bodies(tokens, lines.folded(line), lookup):
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
        for start, end, body in group_phrases(tokens, lines.folded(line), bodies_so_far, body_starts, alliance):
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
        for match in office_matcher(language).finditer(raw, tokens, line_end, lines.folded(line)):
            office, of, end = parse_office(raw, match, line_end, lookup)
            text = raw[match.start():end]
            titles.append((Mention(kind="title", text=text, start=match.start(), end=end, role=text,
                                   subject=subject(match.start())), office, of))
            taken.append((match.start(), match.end()))
    # A person named by a noun alone ("le ministre congolais", "la cheffe du
    # département", "un porte-parole"): an anaphor, or the organisation of a spokesperson.
    title_spans = Intervals([(m.start, m.end) for m, _, _ in titles] + [(g.start, g.end) for g in groups])
    for line, tokens in enumerate(tokens_by_line):
        for start, end, country in person_noun_spans(raw, tokens, lines.folded(line), lookup):
            if title_spans.overlaps(start, end):
                continue
            titles.append((Mention(kind="title", text=raw[start:end], start=start, end=end, role=raw[start:end],
                                   subject=subject(start), country=country), "", country))
    blocked = Intervals(taken)
    runs = [run for line, tokens in enumerate(tokens_by_line)
            for run in name_runs(raw, tokens, lines.words(line), lines.folded(line), blocked)]
    # A name the article puts in quotation marks elsewhere ("l'initiative « Sky Shield »")
    # names a thing, not a person.
    quoted_names = {raw[start:end] for start, end in excluded_terms}
    runs = [run for run in runs if raw[run[0]:run[1]] not in quoted_names]
    names = name_mentions(raw, runs, subject, date)
    mentions.extend(names)
    mentions.extend(pronoun_mentions(raw, lines))
    mentions.extend(demonym_anaphors(raw, demonyms, subject))
    for line, tokens in enumerate(tokens_by_line):
        mentions.extend(regional_anaphors(raw, tokens, lines.folded(line), subject))
    roles: dict[int, Mention] = {}
    feminine: set[int] = set()
    bound_offices: dict[int, str] = {}
    bound_countries: dict[int, str] = {}
    bodies_named = sorted((m for m in mentions if m.kind == "organisation"), key=lambda m: m.start)
    mentions.extend(resolve_titles(raw, titles, sorted(names, key=lambda m: m.start), date, roles, feminine,
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
    mentions.extend(resolve_documents(raw, documents, mentions))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return ResolvedMentions(mentions=tuple(mentions))


def foreign_ministry(text: str, lookup: Callable[[str], str | None]) -> str | None:
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


def _phrase_end(raw: str, tokens: list[tuple[str, int, int]], folded: list[str], head: int, limit: int = 10) -> int:
    """The index just past a noun phrase starting at ``tokens[head]``."""
    breakers = folded_cue_words("phrase_breakers")
    particles = {"de", "du", "des", "d'", "la", "l'", "le", "les", "au", "aux", "en", "pour", "sur", "of", "the",
                 "for", "in", "on"}
    end = head + 1
    index = head + 1
    bare = 0  # lower-case words in a row since the last particle
    while index < len(tokens) and index - head <= limit:
        word, folded_word = tokens[index][0], folded[index]
        if not word[:1].isalnum() or folded_word in breakers or folded_word in folded_speech_forms():
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
            if word[:1].islower() and not is_demonym_word(word):
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
    return index < len(folded) and folded[index] in person_noun_set()


def acronym_bodies(
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


def known_organisation_end(raw: str, tokens: list[tuple[str, int, int]], start: int, end: int) -> int:
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


def organisation_phrases(raw: str, tokens: list[tuple[str, int, int]], folded: list[str]) -> list[tuple[int, int]]:
    """Spans of descriptive organisation phrases: determiner + head noun + complements."""
    heads = folded_cue_words("organisation_heads")
    institutions = folded_cue_words("institution_heads")
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
                    and index + 1 < len(tokens) and is_demonym_word(tokens[index + 1][0])):
                found.append((tokens[index][1], tokens[index + 1][2]))
            continue
        if folded[index - 1] in DETERMINERS_BEFORE_PHRASE:
            end = _phrase_end(raw, tokens, folded, index)
            if end > index + 1:  # a bare "le gouvernement" names no one in particular
                end = _posted_in(tokens, folded, index, end)
                found.append((tokens[index][1], tokens[end - 1][2]))
        elif (index >= 2 and folded[index - 2] in ("the", "a", "an")  # noqa: PLR2004
              and tokens[index - 1][0][:1].isupper() and is_demonym_word(tokens[index - 1][0])):
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


def group_phrases(
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
    nouns = folded_cue_words("group_nouns")
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
        elif (alliance and folded[index] in folded_cue_words("allied_nouns")
              and (index + 1 >= len(folded) or folded[index + 1] not in ("de", "du", "des", "d'", "of"))):
            found.append((start, tokens[index][2], alliance))
    return found


# A preposition and a determiner before a title: "du chef", "avec la ministre", "de l'ancien".
_GOVERNED_TITLE = re.compile(
    r"(?:^|\s)(?:du|des|au|aux|(?:de|à|avec|par|pour|contre|chez|auprès\s+de|of|with|by|for)\s+"
    r"(?:la|le|les|l['’]|son|sa|ses|the|his|her)?)\s*(?:(?:ancien|ancienne|ex|nouveau|nouvelle)[\s-]+)?$",
    re.IGNORECASE,
)


_OWNER_GAP = re.compile(r"\s*(?:de\s+la|de\s+l['’]|de|du|des|d['’])\s*")


def resolve_documents(raw: str, documents: list[Mention], mentions: list[Mention]) -> list[Mention]:
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
