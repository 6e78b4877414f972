"""
Words that stand for a person named elsewhere: subject pronouns and demonyms.

"il", "elle", "ce dernier" (``data/cues.toml``), "le Norvégien" and the regional "le
Québécois" carry no name; attribution looks back for the person they refer to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import compress

from natocorpus.extract.cues import cue_words
from natocorpus.extract.speakers.mention import Mention
from natocorpus.extract.speakers.words import first_token, surface_pattern
from natocorpus.resources import data_csv
from natocorpus.text import PhraseMatcher, TokenizedLines, fold, is_upper_initial, tokenize

__all__ = ["demonym_anaphors", "pronoun_mentions", "regional_anaphors"]


@lru_cache(maxsize=1)
def _anaphor_matcher() -> PhraseMatcher:
    # Singular anaphors only (data/cues.toml): a plural ("ils", "ces derniers") rarely
    # names one speaker.
    return PhraseMatcher([(first_token(w), surface_pattern(w)) for w in cue_words()["anaphors"]], ignore_case=True)


# An emphatic pronoun between commas: ", lui,", ", elle,".
_EMPHATIC = re.compile(r",\s?(?:lui|elle|eux|elles)\s?,", re.IGNORECASE)
_EMPHATIC_AFTER = re.compile(r"(?:\s+aussi|\s+non\s+plus|\s+également|-même)\b", re.IGNORECASE)


def pronoun_mentions(raw: str, lines: TokenizedLines) -> list[Mention]:
    """The subject pronouns of the lines ("il", "elle", "ce dernier"), with their gender."""
    mentions = []
    for line, ((line_start, line_end), tokens) in enumerate(zip(lines.spans, lines.tokens, strict=True)):
        for match in _anaphor_matcher().finditer(raw, tokens, line_end, lines.folded(line)):
            if raw[match.start() - 1:match.start()] in ("-", "’", "'"):
                continue  # "-t-il" is an inversion, read by the cue rules
            if (_EMPHATIC.fullmatch(raw, max(0, match.start() - 2), min(len(raw), match.end() + 1))
                    or _EMPHATIC_AFTER.match(raw, match.end())):
                continue  # "Le ministre a, lui, jugé", "présent lui aussi": the subject is elsewhere
            mentions.append(Mention(kind="pronoun", text=match.group(), start=match.start(), end=match.end(),
                                    gender="f" if match.group().casefold().startswith(("elle", "celle", "cette", "she")) else "m"))
    return mentions


_BEFORE_DEMONYM_ANAPHOR = re.compile(r"(?:^|\s)(?:le|la|l['’])\s*$", re.IGNORECASE)


def demonym_anaphors(
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


def regional_anaphors(
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

