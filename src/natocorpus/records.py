"""
The typed, frozen records that extraction produces.

Every extracted item keeps ``start`` and ``end`` offsets into :attr:`Article.raw`, so that
``article.raw[item.start:item.end] == item.text`` holds for lines, quotes and mentions
alike: any figure in a table can be traced back to the words of the article.
"""

import datetime as dt
from typing import Any, Literal

import attrs

__all__ = [
    "Article",
    "CityMention",
    "CountryMention",
    "Line",
    "PersonMention",
    "Quote",
    "QuotedTerm",
    "Speaker",
]

LineRole = Literal["title", "byline", "source", "dateline", "heading", "paragraph", "boilerplate"]
"""The role the cleaning step gives to each non-blank line of an article."""

LINE_ROLES: tuple[str, ...] = (
    "title", "byline", "source", "dateline", "heading", "paragraph", "boilerplate"
)
QUOTE_KINDS: tuple[str, ...] = ("full", "partial")
SPEAKER_KINDS: tuple[str, ...] = ("person", "organisation")
COUNTRY_FORMS: tuple[str, ...] = ("name", "demonym")


def _non_negative(instance: object, attribute: "attrs.Attribute[int]", value: int) -> None:
    if value < 0:
        msg = f"{type(instance).__name__}.{attribute.name} must be >= 0, got {value}"
        raise ValueError(msg)


def _end_after_start(instance: Any, attribute: "attrs.Attribute[int]", value: int) -> None:
    if value < instance.start:
        msg = (
            f"{type(instance).__name__}.end ({value}) must not be before "
            f"start ({instance.start})"
        )
        raise ValueError(msg)


# Extraction builds tens of records per article: each validator below tests the common
# valid case in one step and leaves anything else (errors, int or str subclasses) to the
# full checks, which then raise their usual messages.
_START_CHECKS = attrs.validators.and_(attrs.validators.instance_of(int), _non_negative)
_END_CHECKS = attrs.validators.and_(attrs.validators.instance_of(int), _end_after_start)
_CODE_CHECKS = attrs.validators.matches_re(r"[A-Z]{2}")


def _valid_start(instance: Any, attribute: "attrs.Attribute[int]", value: int) -> None:
    if type(value) is not int or value < 0:
        _START_CHECKS(instance, attribute, value)


def _valid_end(instance: Any, attribute: "attrs.Attribute[int]", value: int) -> None:
    if type(value) is not int or value < instance.start:
        _END_CHECKS(instance, attribute, value)


def _country_code(instance: Any, attribute: "attrs.Attribute[str]", value: str) -> None:
    """Two capital letters A-Z (an ISO 3166-1 alpha-2 code)."""
    if not (type(value) is str and len(value) == 2 and value.isascii() and value.isalpha() and value.isupper()):  # noqa: PLR2004
        _CODE_CHECKS(instance, attribute, value)


_start = attrs.field(validator=_valid_start)
_end = attrs.field(validator=_valid_end)


def _text_or_source(instance: Any, attribute: "attrs.Attribute[str]", value: str) -> None:
    """A text field holds the item's own text, or the article text it was cut from."""
    if not isinstance(value, str):
        msg = f"{type(instance).__name__}.text must be a str, got {type(value).__name__}"
        raise TypeError(msg)
    if len(value) != instance.end - instance.start and len(value) < instance.end:
        msg = (
            f"{type(instance).__name__}.text has {len(value)} characters: give the text of "
            f"[{instance.start}, {instance.end}) ({instance.end - instance.start} characters) "
            f"or the whole article text it was cut from"
        )
        raise ValueError(msg)


def _sliced_text() -> Any:
    # Stored under a private name, given and exported as ``text``: see _SlicedText.
    return attrs.field(alias="text", repr=False, eq=False, validator=_text_or_source)


class _SlicedText:
    """
    Records whose ``text`` is a slice of the article, kept without a copy.

    Extraction gives a line or quote the whole article text (one shared ``str``) and its
    offsets, and :attr:`text` slices it on demand: an article's lines would otherwise hold
    a second copy of the article, the largest single cost of a big corpus in memory. A
    record built by hand with its own text (``Line(text="...", start=10, end=13, ...)``)
    keeps that text. Either way ``text``, equality, hashing and ``repr`` behave as if
    ``text`` were an ordinary field.
    """

    __slots__ = ()
    _source: str
    start: int
    end: int

    @property
    def text(self) -> str:
        """The item's text: ``article.raw[start:end]``."""
        source = self._source
        if len(source) == self.end - self.start:
            return source
        return source[self.start:self.end]

    def _key(self) -> tuple[Any, ...]:
        return (self.text, *(getattr(self, f.name) for f in attrs.fields(type(self)) if f.eq))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self) -> int:
        return hash((self.__class__, self._key()))

    def __repr__(self) -> str:
        shown = [f"text={self.text!r}"] + [
            f"{f.name}={getattr(self, f.name)!r}" for f in attrs.fields(type(self)) if f.repr
        ]
        return f"{type(self).__name__}({', '.join(shown)})"



@attrs.frozen(kw_only=True, eq=False, repr=False)
class Line(_SlicedText):
    """
    One non-blank line of an article with the role cleaning gave it.

    >>> line = Line(role="title", text="L'OTAN se réunit", start=0, end=16, number=1)
    >>> line.role, line.number
    ('title', 1)

    Attributes:
        role: One of ``title``, ``byline``, ``source``, ``dateline`` (a publication
            date or time stamp), ``heading``, ``paragraph``, ``boilerplate``.
        text: The line without surrounding white space; ``raw[start:end] == text``. To
            build a line give either this text or the whole article text (which the
            line then slices without a copy).
        start: Offset of the first character in :attr:`Article.raw`.
        end: Offset just past the last character.
        number: 1-based line number in the raw text (as an editor counts lines).

    .. versionadded:: 0.1.0
    """

    role: str = attrs.field(validator=attrs.validators.in_(LINE_ROLES))
    start: int = _start
    end: int = _end
    number: int = attrs.field(validator=attrs.validators.ge(1))
    _source: str = _sliced_text()


@attrs.frozen(kw_only=True)
class Speaker:
    """
    Who a quote is attributed to, under one canonical name.

    ``"Rutte"``, ``"M. Rutte"`` and ``"Mark Rutte"`` in one article are one speaker,
    ``Speaker(name="Mark Rutte", kind="person")``. Organisations and documents that
    speak ("indique le communiqué", "selon l'Alliance") are speakers of kind
    ``organisation``.

    >>> Speaker(name="Mark Rutte", kind="person").surname
    'Rutte'

    Attributes:
        name: The canonical name (a person's full name as the French press writes it,
            or an organisation's usual French name such as ``"OTAN"``).
        kind: ``person`` or ``organisation``.

    .. versionadded:: 0.1.0
    """

    name: str = attrs.field(validator=attrs.validators.min_len(1))
    kind: str = attrs.field(default="person", validator=attrs.validators.in_(SPEAKER_KINDS))

    @property
    def surname(self) -> str:
        """The last word of a person's name (the whole name for an organisation)."""
        if self.kind != "person":
            return self.name
        return self.name.split()[-1]

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Quote(_SlicedText):
    """
    Words between quotation marks that someone is reported to have said or written.

    >>> q = natocorpus.load()["000_8296e76efe0b7b45"].quotes[0]
    >>> q.speaker.name, q.kind, q.cue
    ('Mark Rutte', 'full', 'a déclaré')
    >>> natocorpus.load()["000_8296e76efe0b7b45"].raw[q.start:q.end] == q.text
    True

    Attributes:
        text: The words inside the marks, exactly as in the article (nested marks kept).
            To build a quote give either these words or the whole article text (which
            the quote then slices without a copy).
        start: Offset of the first quoted character in :attr:`Article.raw`.
        end: Offset just past the last quoted character.
        article_id: Id of the article the quote comes from.
        kind: ``full`` (a stand-alone utterance) or ``partial`` (a fragment embedded in
            the narrator's sentence).
        speaker: Who said it, or None when no speaker can be determined.
        cue: The speech verb or phrase that attributes the quote (``"a déclaré"``,
            ``"selon"``), or None when the speaker was inferred from context.
        cue_start: Offset of the cue in :attr:`Article.raw`, or None.
        cue_end: Offset just past the cue, or None.
        attribution: The rule that chose the speaker, for provenance: ``after``
            (a cue right after the quote), ``incise`` (a cue inside the marks: "« …,
            raconte X. … »"), ``before`` (a cue before it in the same
            sentence), ``interview`` (an answer after a question line, for the
            interviewee), ``continuation`` (a quote that goes on from the previous one),
            ``context`` (the paragraph's speaker), or ``none``.
        speaker_start: Offset of the words that name the speaker (``"Jens
            Stoltenberg"``, ``"le secrétaire général de l'OTAN"``, or the antecedent a
            pronoun was resolved to), or None.
        speaker_end: Offset just past those words, or None.
        countries: ISO 3166-1 alpha-2 codes of the countries mentioned inside the quote,
            sorted.

    .. versionadded:: 0.1.0
    """

    start: int = _start
    end: int = _end
    article_id: str
    kind: str = attrs.field(validator=attrs.validators.in_(QUOTE_KINDS))
    speaker: Speaker | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Speaker))
    )
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    attribution: str = "none"
    countries: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    speaker_start: int | None = None
    speaker_end: int | None = None
    _source: str = _sliced_text()

    @property
    def speaker_name(self) -> str | None:
        """The speaker's canonical name, or None."""
        return self.speaker.name if self.speaker is not None else None


@attrs.frozen(kw_only=True)
class QuotedTerm:
    """
    Text between quotation marks that is not reported speech.

    Names of initiatives and bodies (« Garde du pôle Nord », Conseil « OTAN-Ukraine »),
    nicknames and scare-quoted terms are kept here rather than dropped, so that every
    quotation mark of an article is accounted for.

    Attributes:
        text: The words inside the marks.
        start: Offset of the first character in :attr:`Article.raw`.
        end: Offset just past the last character.
        reason: Why the span was judged a name or term, e.g. ``"after naming noun
            'initiative'"``.

    .. versionadded:: 0.1.0
    """

    text: str
    start: int = _start
    end: int = _end
    reason: str = ""


@attrs.frozen(kw_only=True)
class PersonMention:
    """
    A person named in the article body.

    Attributes:
        name: Canonical full name (``"Mark Rutte"`` for ``"M. Rutte"``).
        text: The words as written.
        start: Offset of the first character in :attr:`Article.raw`.
        end: Offset just past the last character.
        role: The title bound to the person in the text or by the registry
            (``"secrétaire général de l'OTAN"``), if any.

    .. versionadded:: 0.1.0
    """

    name: str
    text: str
    start: int = _start
    end: int = _end
    role: str | None = None


@attrs.frozen(kw_only=True)
class CountryMention:
    """
    A sovereign country named or referred to by a demonym or adjective.

    >>> CountryMention(code="KP", name="Corée du Nord", text="nord-coréens",
    ...                start=0, end=12, form="demonym").code
    'KP'

    Attributes:
        code: ISO 3166-1 alpha-2 code (``"KP"``).
        name: The country's French name (CLDR).
        text: The words as written (``"Nord-Coréens"``, ``"aux États-Unis"`` → ``"États-Unis"``).
        start: Offset of the first character in :attr:`Article.raw`.
        end: Offset just past the last character.
        form: ``name`` or ``demonym`` (a demonym or adjective: ``russe``, ``belges``).

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(validator=_country_code)
    name: str
    text: str
    start: int = _start
    end: int = _end
    form: str = attrs.field(default="name", validator=attrs.validators.in_(COUNTRY_FORMS))


@attrs.frozen(kw_only=True)
class CityMention:
    """
    A city or capital, recorded with its country but not counted as a country mention.

    Attributes:
        name: The city's canonical French name (``"Kiev"`` for ``"Kyiv"``).
        country: ISO 3166-1 alpha-2 code of the city's country.
        text: The words as written.
        start: Offset of the first character in :attr:`Article.raw`.
        end: Offset just past the last character.

    .. versionadded:: 0.1.0
    """

    name: str
    country: str = attrs.field(validator=_country_code)
    text: str
    start: int = _start
    end: int = _end


def _tuple_of(kind: type) -> Any:
    return attrs.field(
        default=(),
        converter=tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(kind)),
    )


@attrs.frozen(kw_only=True)
class Article:
    """
    One news article: its metadata, its cleaned structure and everything extracted from it.

    >>> article = natocorpus.load()["004_b806dba111cf650b"]
    >>> article.date
    datetime.date(2024, 2, 7)
    >>> sorted({q.speaker.name for q in article.quotes})
    ['Jens Stoltenberg']

    Attributes:
        id: The article's id (the file stem for files).
        raw: The text exactly as read, after decoding. Every offset points into it.
        title: The headline, or None when none could be found.
        date: The date the text states or pins, or None.
        language: ``"fr"`` or ``"en"`` (detected).
        source: The agency or outlet the article credits (``"RIA Novosti"``), or None.
        byline: The author, or None.
        lines: Every non-blank line with its role (title, byline, source, dateline,
            heading, paragraph, boilerplate), in order.
        quotes: The quotations, in order of appearance.
        terms: Quoted names and terms that are not reported speech.
        persons: Mentions of people in the body.
        countries: Mentions of countries in the body (not in boilerplate).
        cities: Mentions of cities and capitals, each with its country.
        date_text: The words the date was read from, or None.
        date_start: Offset of ``date_text`` in :attr:`raw`, or None.
        path: The file the article was read from, or None for a string (not compared
            by ``==``).

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=attrs.validators.min_len(1))
    raw: str = attrs.field(repr=False)
    title: str | None = None
    date: dt.date | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(dt.date))
    )
    language: str = "fr"
    source: str | None = None
    byline: str | None = None
    lines: tuple[Line, ...] = attrs.field(default=(), converter=tuple, repr=False)
    quotes: tuple[Quote, ...] = _tuple_of(Quote)
    terms: tuple[QuotedTerm, ...] = attrs.field(default=(), converter=tuple, repr=False)
    persons: tuple[PersonMention, ...] = attrs.field(default=(), converter=tuple, repr=False)
    countries: tuple[CountryMention, ...] = attrs.field(default=(), converter=tuple, repr=False)
    cities: tuple[CityMention, ...] = attrs.field(default=(), converter=tuple, repr=False)
    date_text: str | None = attrs.field(default=None, repr=False)
    date_start: int | None = attrs.field(default=None, repr=False)
    # Where the text was read from is provenance, not content: two readings of the same
    # text from two places are equal articles.
    path: str | None = attrs.field(default=None, repr=False, eq=False)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The body paragraphs, in order (headings excluded)."""
        return tuple(line.text for line in self.lines if line.role == "paragraph")

    @property
    def headings(self) -> tuple[str, ...]:
        """The section headings inside the body, in order."""
        return tuple(line.text for line in self.lines if line.role == "heading")

    @property
    def body(self) -> str:
        """The cleaned body (headings and paragraphs joined by blank lines)."""
        return "\n\n".join(
            line.text for line in self.lines if line.role in ("heading", "paragraph")
        )

    @property
    def boilerplate(self) -> tuple[str, ...]:
        """The lines set aside as site furniture (share buttons, teasers, captions...)."""
        return tuple(line.text for line in self.lines if line.role == "boilerplate")

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """The distinct speakers of the article's quotes, in order of first quote."""
        seen: dict[str, Speaker] = {}
        for quote in self.quotes:
            if quote.speaker is not None:
                seen.setdefault(quote.speaker.name, quote.speaker)
        return tuple(seen.values())

    @property
    def person_names(self) -> tuple[str, ...]:
        """The distinct canonical names of the people mentioned, sorted."""
        return tuple(sorted({mention.name for mention in self.persons}))

    @property
    def country_codes(self) -> tuple[str, ...]:
        """The distinct ISO codes of the countries mentioned in the body, sorted."""
        return tuple(sorted({mention.code for mention in self.countries}))
