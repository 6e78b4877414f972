"""
Sorting an article's lines into title, byline, source credit, dateline, headings,
paragraphs and boilerplate.

Nothing is dropped: boilerplate lines are kept with their role so that a reader can see
what was set aside. The rules, in order:

1. Site furniture recognised by the patterns of ``data/boilerplate.toml`` wherever it
   stands: share buttons, "Loading", image file names, photo credits, captchas, cookie
   and newsletter prompts, breadcrumbs, CMS footers and placeholders.
2. Teasers: a marker such as "Lire aussi" or "Related coverage" and the line after it,
   and the short lines after that when they run to the end of the page or to furniture.
3. The page's tail: from a marker such as "You may also like", "Laisser un commentaire"
   or "Copier le lien" (once some body has been read) to the end, every line.
4. The header, the lines before the first body paragraph: a source credit, a byline
   ("Par ...", or a line that is only a person's name), a date or time stamp (dateline),
   the outlet's name above the headline ("La Gazette de ..."), a lone word above the
   headline (a section label), a line in the other language than the article (an
   untranslated caption); the first remaining line is the title.
5. A later line identical to the title is a repeated headline (furniture).
6. In the body, a short credit line is the source ("Selon RIA Novosti", "(Belga)",
   "Avec AFP"); a short line without closing punctuation that introduces a paragraph is a
   heading; everything else is a paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

import attrs

from natocorpus.extract.language import language_scores
from natocorpus.records import Line
from natocorpus.extract.cues import all_speech_forms
from natocorpus.resources import boilerplate_line_patterns, boilerplate_rules
from natocorpus.text import WORD, is_upper_initial, line_spans

__all__ = ["CleanedText", "clean_text"]

# A body paragraph: long, or a sentence of some length ending in closing punctuation.
_PARAGRAPH_MIN_CHARS = 200
_PARAGRAPH_MIN_WORDS = 25
_SENTENCE_END = (".", "!", "?", "»", '"', "”", "…", ":")
_HEADING_MAX_CHARS = 140
_TITLE_MAX_CHARS = 300
_PATTERN_MAX_CHARS = 600  # furniture patterns are only tried on lines this short
_CREDIT_MAX_CHARS = 80
_BYLINE_REACH = 4  # a byline or dateline may follow the standfirst: look at the first body lines
_BYLINE_MAX_CHARS = 160
_BY_PREFIX = re.compile(
    r"(?:(?:article |texte )?(?:rédigée?|écrite?) par|written by|par|by|textes?\s*:|text\s*:)\s+", re.IGNORECASE
)
_PARENTHESES = re.compile(r"\s*\([^()]{0,80}\)")
_WITH_AGENCY = re.compile(r"(\S.{0,120}?)\s+(?:avec|with)\s+(\S.{0,50})", re.IGNORECASE)
_OUTLET_SUFFIX = re.compile(r"\s+[-–—|]\s+[^-–—|]{1,40}$")
_CO_AUTHOR = re.compile(r",?\s+(?:et|and|&)\s+|,\s+(?=[A-ZÀ-Ý][\w’'-]+ [A-ZÀ-Ý])")
_CREDIT = re.compile(
    r"\(?\s*(?:selon|source|sources|avec (?:les )?informations (?:de|d['’])|avec|d'après|d’après|with|according to)"
    r"\s*:?\s*(\S.{0,60}?)\s*\)?\.?",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"(?:il y a|publié il y a|mis à jour il y a)\s+\d+\s+\w+"
    r"|(?:updated\s+)?\d+\s+(?:minutes?|hours?|days?)\s+ago"
    r"|.{0,60}?(?:\b\d{1,2}[:h]\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
    r"|\b\d{1,2}(?:er)?\s+\w+\s+\d{4}\b|\b[A-Z][a-z]+\.? \d{1,2}, \d{4}\b).{0,80}"
)
# A closing quotation mark, a comma and a speech verb: an incise ("», a dit X").
_INCISE_START = re.compile(r"[»”\"][\s\u00a0\u202f]*,[\s\u00a0\u202f]*((?:[\w'’-]+\s+){0,2}[\w'’-]+)")


def _has_incise(text: str) -> bool:
    """True when ``text`` reports speech with an incise ("« ... », a dit X")."""
    verbs = all_speech_forms()
    for match in _INCISE_START.finditer(text):
        words = [w.casefold().replace("’", "'").split("-")[0] for w in match.group(1).split()]
        if any(word in verbs for word in words):
            return True
    return False
# A name, then a place or a role: "Lise Bovard, Berne", "Hannah Whitlock in Vilnius".
_SIGNED = re.compile(
    r"([A-ZÀ-Ý][\w’'-]+(?: (?:[A-ZÀ-Ý][\w’'-]+|de|van|von|der|le|la)){1,3})"
    r"(?:, (?:[A-ZÀ-Ý][\w-]+|(?:correspondante?|envoyée? spéciale?|journaliste|reporter|correspondent|à|au|en)\b[^.!?]{0,50})| (?:in|à) [A-ZÀ-Ý][\w-]+(?: [A-ZÀ-Ý][\w-]+)?)"
)
_BY_AGENCY = re.compile(r"(?:par|by)\s+(\S.{0,40})", re.IGNORECASE)
# After the headline, short labels that head a summary of the article rather than
# furniture ("L'essentiel", "En résumé").
_SUMMARY_LABELS = frozenset({"l'essentiel", "l’essentiel", "en bref", "en résumé", "résumé", "à retenir",
                             "ce qu'il faut retenir", "ce qu’il faut retenir", "key points", "at a glance"})
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "le", "la", "du", "ter", "bin", "ben"})


@attrs.frozen(kw_only=True)
class CleanedText:
    """
    The result of cleaning: the lines with roles, and the metadata they give.

    Attributes:
        lines: Every non-blank line with its role.
        title: The headline, or None.
        byline: The author, or None.
        source: The credited agency or outlet, or None.

    .. versionadded:: 0.1.0
    """

    lines: tuple[Line, ...]
    title: str | None
    byline: str | None
    source: str | None


def _is_paragraph_like(text: str) -> bool:
    if len(text) >= _PARAGRAPH_MIN_CHARS:
        return True
    return text.endswith(_SENTENCE_END) and len(text.split()) >= _PARAGRAPH_MIN_WORDS


def _is_name_like(text: str) -> bool:
    """A line that is only a person's name: 2 to 5 capitalised words, no digits."""
    tokens = text.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if text.endswith((".", "!", "?", ":")):
        return False
    labels = boilerplate_rules().section_labels
    capitalised = 0
    for token in tokens:
        if token.casefold() in labels:
            return False
        if is_upper_initial(token) and not token.isupper():
            capitalised += 1
        elif token.casefold() not in _NAME_PARTICLES:
            return False
    return capitalised >= 2


def _agency_credit(text: str) -> str | None:
    """The agency a short credit line names (``"(Belga)"``, ``"Selon RIA Novosti"``)."""
    if len(text) > _CREDIT_MAX_CHARS:
        return None
    bare = text.strip("()[]. –—-")
    if bare.casefold() in _folded_agencies():
        return bare
    by_agency = _BY_AGENCY.fullmatch(bare)
    if by_agency and by_agency.group(1).casefold() in _folded_agencies():
        return by_agency.group(1)  # "Par AFP": an agency signs the article
    match = _CREDIT.fullmatch(text)
    if match:
        named = match.group(1).strip(" .)")
        if 0 < len(named.split()) <= 6 and is_upper_initial(named):
            return named
    return None


@lru_cache(maxsize=1)
def _folded_agencies() -> frozenset[str]:
    return frozenset(agency.casefold() for agency in boilerplate_rules().agencies)


def _byline(text: str) -> tuple[str | None, str | None] | None:
    """
    ``(author, agency)`` for "Par Jean Martin", "Par Jean Martin avec AFP", "By X", and
    for a name followed by a place or a role ("Lise Bovard, Berne", "Hugo Tremblay,
    correspondant à Washington", "Hannah Whitlock in Vilnius"); the author is None when
    the byline names an outlet ("Par Le Journal de Paris avec AFP").

    Two or three authors are kept together ("Par Anne Roy et Paul Lenoir", "By JANE DOE
    and JOHN ROE" as "Jane Doe and John Roe"); a remark in parentheses and the outlet
    after a dash are left out ("Par Anne Roy (à Kiev) - France 3 avec AFP"); "Texte :",
    "Written by", "Article rédigé par" introduce a byline like "Par".
    """
    if len(text) > _BYLINE_MAX_CHARS:
        return None
    prefix = _BY_PREFIX.match(text)
    rest = _PARENTHESES.sub("", text[prefix.end():] if prefix else text).strip()
    agency: str | None = None
    with_agency = _WITH_AGENCY.fullmatch(rest)
    if with_agency:
        named = with_agency.group(2).strip(" .")
        named = named[2:] if named[:2].casefold() in ("l'", "l’") else named
        # Without "Par", only a known agency may follow "avec": "X à Ottawa avec l'AFP".
        if is_upper_initial(named) and len(named.split()) <= 6 and (prefix or named.casefold() in _folded_agencies()):
            rest, agency = with_agency.group(1), named
    rest = _OUTLET_SUFFIX.sub("", rest, count=1)
    if prefix:
        parts = _CO_AUTHOR.split(rest)
        conjunctions = _CO_AUTHOR.findall(rest)
        if 1 < len(parts) and parts[-1].casefold() in _folded_agencies() and agency is None:
            agency = parts.pop()  # "Par Jean Martin et AFP"
            conjunctions.pop()
        parts = [_name_case(part) for part in parts]
        if len(parts) <= 3 and all(_is_name_like(part) for part in parts):
            author: str | None = parts[0] + "".join(c + p for c, p in zip(conjunctions, parts[1:], strict=False))
            if _names_an_outlet(parts[0]):
                author = None
            return author, agency
    signed = _SIGNED.fullmatch(rest)
    if signed and _is_name_like(signed.group(1)) and not _names_an_outlet(signed.group(1)):
        return signed.group(1).strip(), agency
    if not prefix and rest != text and _is_name_like(rest) and not _names_an_outlet(rest):
        return rest, agency  # "Jean Martin (voir ses articles)"
    return None


def _name_case(name: str) -> str:
    """ "JANE DOE" as "Jane Doe"; a name already in mixed case is kept."""
    return name.title() if name.isupper() else name


def _names_an_outlet(name: str) -> bool:
    """"Le Journal de Paris", "La Voix du Nord": an article and a word of the press."""
    words = name.split()
    return words[0].casefold() in ("le", "la", "les", "l'", "the") and any(
        w.casefold() in _PRESS_WORDS for w in words[1:]
    )


_PRESS_WORDS = frozenset({"journal", "voix", "presse", "press", "times", "post", "monde", "figaro",
                          "quotidien", "dépêche", "courrier", "parisien", "nouvelliste", "soir",
                          "matin", "républicain", "progrès", "gazette", "tribune", "écho", "echo",
                          "express", "hebdo", "télévision", "télévisions", "radio", "magazine"})


def _is_outlet_name(text: str) -> bool:
    """
    The outlet's own name, as a page shows it above the headline: "La Dépêche de
    l'Ouest", "L'Express du Maghreb", "Balkans Hebdo", "Sputnik Afrique" (an agency and
    a region), "Le Figaro".
    """
    if text.endswith((".", "!", "?", ":", ",")) or any(ch.isdigit() for ch in text):
        return False
    words = text.replace("’", "'").split()
    if not words or len(words) > 10:
        return False
    if text.casefold() in _folded_agencies():
        return True
    folded = [w.casefold() for w in words]
    if folded[0].startswith("l'") and len(folded[0]) > 2:
        folded[:1] = ["l'", folded[0][2:]]
        words[:1] = ["L'", words[0][2:]]
    if len(folded) >= 2 and folded[0] in ("le", "la", "les", "l'", "the"):
        if folded[1] in _PRESS_WORDS and is_upper_initial(words[1]) and len(words) <= 6:
            return True  # a title of the press: "La Dépêche de l'Ouest", "Le Soir Plus"
    if len(words) <= 3 and all(is_upper_initial(w) for w in words):
        if any(w in _PRESS_WORDS for w in folded[1:]) or folded[0] in _folded_agencies():
            return True  # "Balkans Hebdo", "France Télévisions", "Sputnik Afrique"
    return False


def _other_language(text: str, article_language: str) -> bool:
    """True when ``text`` is clearly written in the other language than the article."""
    fr, en = language_scores(text)
    if article_language == "fr":
        return en >= 2 and en > 2 * fr
    return fr >= 2 and fr > 2 * en


class _LinePatterns:
    """
    The ``line_patterns`` of ``data/boilerplate.toml``, matched as their alternation is.

    The patterns that open with a long wildcard (``.{0,300}\\b(?:photo|...)``) make the
    engine try the rest at every position of the line, on every short line. Each of them
    needs one of a few strings (``photo``, ``credit``...), read from its text: each
    is tried only on the lines holding one of its own strings. One of them needs a mere
    period, which most lines hold, so gating the patterns one by one rather than as a
    group spares the others on those lines. The patterns that are not wildcard-led fail
    at the first characters and stay one alternation, tried on every line.

    Args:
        patterns: The patterns, matched case-insensitively against whole lines.
    """

    def __init__(self, patterns: tuple[str, ...]) -> None:
        cheap: list[str] = []
        self.costly: list[re.Pattern[str]] = []
        by_hint: dict[str, list[int]] = {}
        hints: set[str] = set()
        for pattern in patterns:
            required = _required_strings(pattern) if _opens_with_wildcard(pattern) else None
            if required is None:
                cheap.append(pattern)
                continue
            hints.update(required)
            for hint in required:
                # A case-insensitive search for many strings is slow in the engine; ``in``
                # on the lower-cased line is fast and finds the same strings, save where
                # a character matches a hint's character without lower-casing to it
                # (dotless "ı" matches "i") or lies beyond the range checked here: such
                # lines try every costly pattern (see fullmatch).
                by_hint.setdefault("".join(char.lower() for char in hint), []).append(len(self.costly))
            self.costly.append(re.compile(pattern, re.IGNORECASE))
        self.cheap = _alternation(cheap)
        self.by_hint = {hint: tuple(indices) for hint, indices in by_hint.items()}
        self.unusual = re.compile(f"[{''.join(map(re.escape, _unusual_case(hints)))}{_CHECKED_UP_TO}-\\U0010ffff]")

    def fullmatch(self, text: str) -> bool:
        """True when one of the patterns matches the whole of ``text``."""
        if self.cheap is not None and self.cheap.fullmatch(text):
            return True
        return any(self.costly[index].fullmatch(text) for index in self._costly_candidates(text))

    def _costly_candidates(self, text: str) -> set[int] | range:
        """The indices of the costly patterns that may match ``text``: those whose string it holds."""
        if self.unusual.search(text):
            return range(len(self.costly))
        lowered = text.lower()
        return {index for hint, indices in self.by_hint.items() if hint in lowered for index in indices}


_CHECKED_UP_TO = "\u2100"  # Latin, Greek, Cyrillic, punctuation, currency signs


def _unusual_case(hints: set[str]) -> list[str]:
    """
    The characters below ``_CHECKED_UP_TO`` that match a character of ``hints`` when
    case is ignored but do not lower-case to that character's lower case.
    """
    unusual = []
    block = "".join(map(chr, range(ord(_CHECKED_UP_TO))))
    for char in sorted(set("".join(hints))):
        same = re.compile(re.escape(char), re.IGNORECASE)
        unusual += [found for found in same.findall(block) if found.lower() != char.lower()]
    return sorted(set(unusual))


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def _line_patterns() -> _LinePatterns:
    return _LinePatterns(boilerplate_line_patterns())


# A quantifier of the pattern syntax ("?", "*", "+", "{2}", "{1,80}", "{,5}", maybe lazy
# or possessive); "+" is in group 1, the least count of braces in group 2.
_QUANTIFIER = re.compile(r"(?:[?*]|(\+)|\{(?:(\d+)(?:,\d*)?|,\d+)\})[?+]?")
_PLAIN_ESCAPES = frozenset("bBsSdDwWAZ")  # escapes of one letter that match no fixed character


def _opens_with_wildcard(pattern: str) -> bool:
    """True for a pattern starting with ``.{0,n}`` (or any repeat of ``.``)."""
    return pattern.startswith(".") and _quantifier_at(pattern, 1) is not None


def _quantifier_at(pattern: str, index: int) -> tuple[int, int] | None:
    """``(least count, end)`` of a quantifier at ``pattern[index]``, or None."""
    match = _QUANTIFIER.match(pattern, index)
    if match is None:
        return None
    least = 1 if match.group(1) else int(match.group(2) or 0)
    return least, match.end()


def _required_strings(pattern: str) -> frozenset[str] | None:
    """
    Strings one of which every match of ``pattern`` contains, or None when unknown.

    Read from the pattern's text: runs of literal characters, the alternatives of a
    group or of the whole pattern, and sets of plain characters qualify; the most
    selective choice wins (the longest shortest string, then the fewest). Any syntax
    not read here (escapes of numbers, look-arounds, flags) only loses choices: the
    answer stays safe, and is None when nothing qualifies.
    """
    alternatives = _top_level_split(pattern)
    if alternatives is None:
        return None
    if len(alternatives) > 1:
        found = [_required_strings(alternative) for alternative in alternatives]
        return frozenset().union(*found) if all(found) else None  # type: ignore[arg-type]
    best: frozenset[str] | None = None

    def better(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and all(found) and (best is None or (min(map(len, found)), -len(found)) > (min(map(len, best)), -len(best))):
            best = found

    run = ""
    index = 0
    while index < len(pattern):
        item = _item_at(pattern, index)
        if item is None:
            return None  # syntax not read here: no choice at all, to stay safe
        strings, literal, index = item
        quantifier = _quantifier_at(pattern, index)
        if literal is not None and quantifier is None:
            run += literal
            continue
        better(frozenset({run}) if run else None)
        run = ""
        if quantifier is not None:
            least, index = quantifier
            if least == 0:
                continue  # an optional item is not required
        better(strings)
    better(frozenset({run}) if run else None)
    return best


def _item_at(pattern: str, index: int) -> tuple[frozenset[str] | None, str | None, int] | None:
    """
    The item of the pattern at ``index``: ``(strings one of which it matches or None,
    its character when it is one literal character, the index after it)``; None for
    syntax not read here.
    """
    char = pattern[index]
    if char == "\\":
        escaped = pattern[index + 1:index + 2]
        if escaped in _PLAIN_ESCAPES:
            return None, None, index + 2
        if not escaped or escaped.isalnum():
            return None  # \x41, \u00a0, \1, \N{...}: not read here
        return frozenset({escaped}), escaped, index + 2
    if char == "[":
        end = _class_end(pattern, index)
        if end is None:
            return None
        members = pattern[index + 1:end - 1]
        plain = members and not any(c in "\\^-[]" for c in members)
        return (frozenset(members) if plain else None), None, end
    if char == "(":
        end = _group_end(pattern, index)
        if end is None:
            return None
        body = pattern[index + 1:end - 1]
        if body.startswith("?:"):
            return _required_strings(body[2:]), None, end
        if body.startswith("?"):
            return None, None, end  # flags, look-arounds, named groups: not read here
        return _required_strings(body), None, end
    if char in ".^$":
        return None, None, index + 1
    if char in "|)*+?{":
        return None
    return frozenset({char}), char, index + 1


def _class_end(pattern: str, index: int) -> int | None:
    """The index just past the character set opening at ``pattern[index]``."""
    position = index + 1
    if pattern.startswith("^", position):
        position += 1
    if pattern.startswith("]", position):
        position += 1  # a leading "]" is a member
    while position < len(pattern):
        if pattern[position] == "\\":
            position += 2
        elif pattern[position] == "]":
            return position + 1
        else:
            position += 1
    return None


def _group_end(pattern: str, index: int) -> int | None:
    """The index just past the group opening at ``pattern[index]``."""
    depth = 0
    position = index
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 2
            continue
        if char == "[":
            end = _class_end(pattern, position)
            if end is None:
                return None
            position = end
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        position += 1
        if depth == 0:
            return position
    return None


def _top_level_split(pattern: str) -> list[str] | None:
    """The alternatives of ``pattern`` at its top level (one when it has no "|")."""
    parts = []
    start = position = 0
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 2
        elif char in "[(":
            end = (_class_end if char == "[" else _group_end)(pattern, position)
            if end is None:
                return None
            position = end
        elif char == "|":
            parts.append(pattern[start:position])
            start = position = position + 1
        else:
            position += 1
    parts.append(pattern[start:])
    return parts


def _furniture(texts: list[str]) -> list[str | None]:
    """Rules 1-3: furniture by pattern, teasers and the tail."""
    rules = boilerplate_rules()
    line_patterns = _line_patterns()  # rules.line_patterns, with a prefilter
    roles: list[str | None] = [None] * len(texts)
    body_seen = False
    index = 0
    while index < len(texts):
        text = texts[index]
        # Furniture is short; a long line ending a sentence is body text, which spares
        # the patterns the bulk of the article.
        short = len(text) <= _PATTERN_MAX_CHARS and not (len(text) > 300 and text.endswith((".", "»", '"', "”")))
        tail = short and rules.tail_markers.fullmatch(text) is not None  # tried once, read twice
        if tail and body_seen:
            resumes = None if _COMMENTS_MARKER.search(text) else _body_resumes(texts, index + 1)
            if resumes is not None:
                # A box of links to other articles in the middle of the page ("Sur le
                # même sujet" and three headlines), with the article going on after it.
                for rest in range(index, resumes):
                    roles[rest] = "boilerplate"
                index = resumes
                continue
            for rest in range(index, len(texts)):
                roles[rest] = "boilerplate"
            break
        if short and rules.teaser_markers.fullmatch(text):
            roles[index] = "boilerplate"
            if index + 1 < len(texts) and len(texts[index + 1]) <= _TITLE_MAX_CHARS:
                roles[index + 1] = "boilerplate"
                index += 1
                # A list of teasers: more headlines up to the end of the page or the
                # next furniture. A run that reaches body text is headings and body.
                end = _teaser_list_end(texts, index + 1)
                for rest in range(index + 1, end):
                    roles[rest] = "boilerplate"
                index = max(index, end - 1)
        elif short and (line_patterns.fullmatch(text) or tail):
            roles[index] = "boilerplate"
        elif _is_paragraph_like(text):
            body_seen = True
        index += 1
    return roles


# Tail markers that open the readers' comments: what follows them is never the article.
_COMMENTS_MARKER = re.compile(r"comment|réag|réaction|contribution|discu|reply", re.IGNORECASE)
# How many headline-like lines a box of links may hold before the article resumes.
_BOX_LINES = 6


def _body_resumes(texts: list[str], start: int) -> int | None:
    """
    Where the article resumes after a box of links starting at ``start``: up to a few
    short lines (headlines, maybe a sub-heading), then two paragraphs in a row. None
    when the page ends, or furniture comes, first.
    """
    index = start
    while index < len(texts) and index - start <= _BOX_LINES and not _is_paragraph_like(texts[index]):
        if len(texts[index]) > _TITLE_MAX_CHARS:
            return None
        index += 1
    if index + 1 < len(texts) and _is_paragraph_like(texts[index]) and _is_paragraph_like(texts[index + 1]):
        # The heading just before the paragraphs belongs to the article: "Oslo parle
        # d'entraînement" after the headlines of the box.
        return index - 1 if index - 1 > start else index
    return None


def _teaser_list_end(texts: list[str], start: int) -> int:
    """
    The end of a list of teaser headlines starting at ``start`` (``start`` when there is
    none): short lines without a sentence among them (headlines do not end with a
    period), running to the end of the page or to a line of furniture.
    """
    rules = boilerplate_rules()
    index = start
    while index < len(texts):
        text = texts[index]
        if len(text) > _TITLE_MAX_CHARS or _is_paragraph_like(text) or text.endswith("."):
            return start  # body text follows: the short lines were headings and body
        if (
            rules.line_patterns.fullmatch(text)
            or rules.tail_markers.fullmatch(text)
            or rules.teaser_markers.fullmatch(text)
        ):
            return index
        index += 1
    return index


_KICKER = re.compile(r"^[\w’'-]{2,20}\. ")


def _longer_headline(texts: list[str], roles: list[str | None], title_index: int | None, first_body: int) -> int | None:
    """
    "Politique canadienne" above "Sommet de l'OTAN : Ottawa promet les 2 %...": a title
    of three words or fewer followed, before the body, by a longer headline-like line is
    a section label, and the longer line is the headline.
    """
    if title_index is None or len(texts[title_index].split()) > 3:
        return title_index
    for index in range(title_index + 1, first_body):
        if roles[index] == "paragraph":
            text = texts[index]
            # It must read as a headline: one sentence at most, no reported speech.
            # A one-word kicker may lead it ("DIRECT. ...", "Brest. ...").
            unkicked = _KICKER.sub("", text, count=1)
            headline_like = not text[:1].islower() and ". " not in unkicked and not _has_incise(text)
            if len(text.split()) >= 5 and len(text) <= _TITLE_MAX_CHARS and headline_like:
                roles[title_index] = "boilerplate"
                roles[index] = "title"
                return index
            break
    return title_index


def clean_text(raw: str, language: str) -> CleanedText:
    """
    Give every non-blank line of ``raw`` a role and find the title, byline and source.

    Args:
        raw: The article text as read.
        language: The article's language (``"fr"`` or ``"en"``), used to recognise
            untranslated captions in the header.

    Returns:
        The lines with their roles, and the title, byline and source credit.

    .. versionadded:: 0.1.0
    """
    rules = boilerplate_rules()
    spans = line_spans(raw)
    texts = [raw[start:end] for start, end, _ in spans]
    roles = _furniture(texts)

    # 4. The header: lines before the first body paragraph.
    first_body = next(
        (i for i, t in enumerate(texts) if roles[i] is None and _is_paragraph_like(t)), len(spans)
    )
    title_index: int | None = None
    byline: str | None = None
    source: str | None = None
    lone_labels: list[int] = []
    mastheads: list[int] = []
    for index in range(first_body):
        if roles[index] is not None:
            continue
        text = texts[index]
        words = WORD.findall(text)
        credit = _agency_credit(text)
        by = _byline(text)
        if title_index is not None and text == texts[title_index]:
            roles[index] = "boilerplate"  # the headline repeated
        elif title_index is None and _is_outlet_name(text):
            roles[index] = "boilerplate"  # the outlet's name above the headline
            mastheads.append(index)
        elif credit is not None:
            roles[index] = "source"
            source = source or credit
        elif by is not None:
            roles[index] = "byline"
            byline = byline or by[0]
            source = source or by[1]
        elif title_index is not None and _is_outlet_name(text):
            roles[index] = "boilerplate"  # the outlet's name under the headline, not a byline
        elif _DATELINE.fullmatch(text) and len(words) <= 14 and not text.endswith("."):
            roles[index] = "dateline"
        elif title_index is None and text.isupper() and len(words) <= 4:
            roles[index] = "boilerplate"  # the outlet's name in capitals ("L'HEBDO ROMAND")
        elif title_index is None and len(words) <= 3 and (
            text.casefold().strip(" -–•") in rules.section_labels or (len(words) == 1 and len(text) < 30)
        ):
            roles[index] = "boilerplate"  # a section label above the headline
            lone_labels.append(index)
        elif _has_incise(text):
            roles[index] = "paragraph"  # reported speech ("« ... », a dit X."), not a headline
        elif byline is None and _is_name_like(text):
            roles[index] = "byline"
            byline = text
        elif title_index is None and _other_language(text, language):
            roles[index] = "boilerplate"  # an untranslated caption
        elif title_index is None and len(text) <= _TITLE_MAX_CHARS and not text[:1].islower():
            roles[index] = "title"
            title_index = index
        elif (
            title_index is not None and len(words) <= 3 and len(text) < 30
            and not text.endswith(":") and text.casefold() not in _SUMMARY_LABELS
        ):
            roles[index] = "boilerplate"  # a label between headline and body
        else:
            roles[index] = "paragraph"
    title_index = _longer_headline(texts, roles, title_index, first_body)
    if title_index is None and mastheads:
        # Nothing but the outlet-like line could be the headline: it was the headline.
        title_index = mastheads[0]
        roles[title_index] = "title"
    if title_index is None and lone_labels and texts[lone_labels[0]].casefold() not in rules.section_labels:
        # No headline came after the lone word: the lone word was the headline.
        title_index = lone_labels[0]
        roles[title_index] = "title"
    if title_index is None and first_body < len(spans) and len(texts[first_body]) <= _TITLE_MAX_CHARS and not _has_incise(texts[first_body]):
        roles[first_body] = "title"
        title_index = first_body
    title = texts[title_index] if title_index is not None else None

    # 5-6. The body.
    body_lines_seen = 0
    for index in range(len(spans)):
        if roles[index] is not None:
            continue
        text = texts[index]
        if title is not None and text == title:
            roles[index] = "boilerplate"
            continue
        body_lines_seen += 1
        by = _byline(text) if body_lines_seen <= _BYLINE_REACH else None
        if by is not None:
            # "Par Jean-Marc Delcourt" after the standfirst, "By X" under the first paragraph.
            roles[index] = "byline"
            byline = byline or by[0]
            source = source or by[1]
            continue
        if body_lines_seen <= _BYLINE_REACH and _DATELINE.fullmatch(text) and len(WORD.findall(text)) <= 14 and not text.endswith("."):
            roles[index] = "dateline"
            continue
        credit = _agency_credit(text)
        if credit is not None:
            roles[index] = "source"
            source = source or credit
            continue
        if body_lines_seen <= _BYLINE_REACH and _is_outlet_name(text):
            roles[index] = "boilerplate"  # the outlet's name by the byline ("France Télévisions")
            continue
        following = next((i for i in range(index + 1, len(spans)) if roles[i] is None), None)
        if (
            len(text) <= _HEADING_MAX_CHARS
            and not text.endswith((*_SENTENCE_END, ",", ";"))
            and is_upper_initial(text)
            and following is not None
            and _is_paragraph_like(texts[following])
        ):
            roles[index] = "heading"
        else:
            roles[index] = "paragraph"

    # Each line slices the shared raw text rather than keeping a copy of its own.
    lines = tuple(
        Line(role=role or "paragraph", text=raw, start=start, end=end, number=number)
        for (start, end, number), role in zip(spans, roles, strict=True)
    )
    return CleanedText(lines=lines, title=title, byline=byline, source=source)
