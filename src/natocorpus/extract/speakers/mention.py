"""
The record of one speaker mention, and the resolved mentions of an article.
"""

from __future__ import annotations

import attrs

__all__ = ["Mention", "ResolvedMentions", "mention_prefix"]


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


def mention_prefix(raw: str, start: int) -> str:
    """The few characters before ``start`` (for determiners such as "la", "une")."""
    return raw[max(0, start - 24):start].split("\n")[-1]
