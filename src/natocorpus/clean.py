"""
Sorting an article's lines into title, byline, source credit, headings, paragraphs and
boilerplate.

Nothing is dropped: boilerplate lines are kept with their role so that a reader can see
what was set aside and why. The rules, in order:

1. Site furniture recognised by the patterns of ``data/boilerplate.toml`` (share buttons,
   "Loading", image file names, photo credits, captchas, CMS footers...).
2. The page's tail: from a marker such as "You may also like", "Laisser un commentaire" or
   "Copier le lien" to the end of the file, every line is furniture (teasers, footers).
3. The header: the lines before the first body paragraph. In it, a section label, a
   line in another language than the article (an untranslated caption) and date or time
   stamps are furniture; a line that is only a person's name (or "Par ...") is the byline;
   the first remaining line is the title.
4. A later line identical to the title is a repeated headline (furniture).
5. A short line without closing punctuation that introduces a paragraph is a heading.
6. A short line crediting an agency ("Selon RIA Novosti", "(Belga)", "Source : AFP") is
   the source credit.
"""

from __future__ import annotations

import re

import attrs

from natocorpus.extract.language import language_scores
from natocorpus.records import Line
from natocorpus.resources import boilerplate_rules
from natocorpus.text import WORD, is_upper_initial, line_spans

__all__ = ["CleanedText", "clean_text"]

# A body paragraph: long, or a sentence of some length ending in closing punctuation.
_PARAGRAPH_MIN_CHARS = 200
_SENTENCE_END = (".", "!", "?", "»", '"', "”", "…", ":")
_HEADING_MAX_CHARS = 140
_TITLE_MAX_CHARS = 300
_PATTERN_MAX_CHARS = 600  # furniture patterns are only tried on lines this short
_BYLINE = re.compile(r"(?:par|by)\s+(\S.{0,80})", re.IGNORECASE)
_CREDIT = re.compile(
    r"\(?\s*(?:selon|source|sources|avec|d'après|d’après|with|according to)\s*:?\s+(\S.{0,60}?)\s*\)?\.?",
    re.IGNORECASE,
)
_TIME_OR_DATE = re.compile(r".{0,40}\b(?:\d{1,2}[:h]\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\b.{0,40}")


@attrs.frozen(kw_only=True)
class CleanedText:
    """
    The result of cleaning: the lines with roles, and the metadata they give.

    .. versionadded:: 0.1.0
    """

    lines: tuple[Line, ...]
    title: str | None
    byline: str | None
    source: str | None


def _is_paragraph_like(text: str) -> bool:
    if len(text) >= _PARAGRAPH_MIN_CHARS:
        return True
    return text.endswith(_SENTENCE_END) and len(text.split()) >= 25


def _is_name_like(text: str) -> bool:
    """A line that is only a person's name: 2 to 4 capitalised words, no digits."""
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
        if is_upper_initial(token):
            capitalised += 1
        elif token.casefold() not in {"de", "van", "von", "der", "da", "di", "le", "la", "et", "and"}:
            return False
    return capitalised >= 2


def _agency_credit(text: str) -> str | None:
    """The agency a short credit line names (``"(Belga)"``, ``"Selon RIA Novosti"``)."""
    if len(text) > 80:
        return None
    rules = boilerplate_rules()
    bare = text.strip("()[]. –—-")
    for agency in rules.agencies:
        if bare.casefold() == agency.casefold():
            return agency
    match = _CREDIT.fullmatch(text)
    if match:
        named = match.group(1).strip(" .)")
        if 0 < len(named.split()) <= 6 and is_upper_initial(named):
            return named
    return None


def _other_language(text: str, article_language: str) -> bool:
    """True when ``text`` is clearly written in the other language than the article."""
    fr, en = language_scores(text)
    if article_language == "fr":
        return en >= 2 and en > 2 * fr
    return fr >= 2 and fr > 2 * en


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
    roles: list[str | None] = [None] * len(spans)

    # 1-2. Furniture by pattern, and the tail.
    tail_from = len(spans)
    for index, text in enumerate(texts):
        if len(text) > _PATTERN_MAX_CHARS:
            continue
        if rules.tail_markers.fullmatch(text) and index > 0:
            tail_from = index
            break
        if rules.line_patterns.fullmatch(text):
            roles[index] = "boilerplate"
    # A tail marker only ends the article once some body has been read; otherwise it is
    # a stray button in the header.
    if tail_from < len(spans) and any(_is_paragraph_like(t) for t in texts[:tail_from]):
        for index in range(tail_from, len(spans)):
            roles[index] = "boilerplate"
    else:
        for index in range(tail_from, len(spans)):
            text = texts[index]
            if len(text) <= _PATTERN_MAX_CHARS and (
                rules.line_patterns.fullmatch(text) or rules.tail_markers.fullmatch(text)
            ):
                roles[index] = "boilerplate"
    for index in range(tail_from):
        if roles[index] is None and len(texts[index]) <= _PATTERN_MAX_CHARS and rules.tail_markers.fullmatch(texts[index]):
            roles[index] = "boilerplate"

    # 3. The header: lines before the first body paragraph.
    first_body = next(
        (i for i, t in enumerate(texts) if roles[i] is None and _is_paragraph_like(t)),
        len(spans),
    )
    title_index: int | None = None
    byline: str | None = None
    source: str | None = None
    for index in range(first_body):
        if roles[index] is not None:
            continue
        text = texts[index]
        words = WORD.findall(text)
        credit = _agency_credit(text)
        if title_index is not None and text == texts[title_index]:
            roles[index] = "boilerplate"  # the headline repeated
        elif credit is not None:
            roles[index] = "source"
            source = source or credit
        elif _BYLINE.fullmatch(text) and _is_name_like(_BYLINE.fullmatch(text).group(1).split(" avec ")[0]):  # type: ignore[union-attr]
            roles[index] = "byline"
            byline = byline or _BYLINE.fullmatch(text).group(1).split(" avec ")[0].strip()  # type: ignore[union-attr]
        elif title_index is None and len(words) <= 3 and text.casefold().strip(" -–•") in rules.section_labels:
            roles[index] = "boilerplate"
        elif title_index is None and len(words) == 1 and len(text) < 30:
            # A lone word above the headline is a section label.
            roles[index] = "boilerplate"
        elif _is_name_like(text) and byline is None and (title_index is not None or index + 1 < first_body or index > 0):
            roles[index] = "byline"
            byline = text
        elif _TIME_OR_DATE.fullmatch(text) and len(words) <= 8:
            roles[index] = "boilerplate"
        elif title_index is None and _other_language(text, language):
            roles[index] = "boilerplate"
        elif title_index is None and len(text) <= _TITLE_MAX_CHARS:
            roles[index] = "title"
            title_index = index
        else:
            roles[index] = "paragraph"
    if title_index is None and first_body < len(spans) and len(texts[first_body]) <= _TITLE_MAX_CHARS:
        roles[first_body] = "title"
        title_index = first_body
    title = texts[title_index] if title_index is not None else None

    # 4-6. The body.
    for index in range(len(spans)):
        if roles[index] is not None:
            continue
        text = texts[index]
        if title is not None and text == title:
            roles[index] = "boilerplate"
            continue
        credit = _agency_credit(text)
        if credit is not None:
            roles[index] = "source"
            source = source or credit
            continue
        following = next((i for i in range(index + 1, len(spans)) if roles[i] is None or roles[i] == "paragraph"), None)
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

    lines = tuple(
        Line(role=role or "paragraph", text=text, start=start, end=end, number=number)
        for (start, end, number), text, role in zip(spans, texts, roles, strict=True)
    )
    return CleanedText(lines=lines, title=title, byline=byline, source=source)
