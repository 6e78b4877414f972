"""
Attributing quotes to speakers, nearest evidence first.

1. a cue right after the quote: "», a déclaré X", "», a-t-il dit", "», indique le
   communiqué", '," Rutte said';
2. a cue before it in the same sentence: "X a déclaré : «", "X a estimé que «", "selon X,
   «", "Pour X, «", "en affirmant : «" (a participle speaks for the sentence's subject);
   a colon after a sentence's subject ("X n'a pas caché son émotion : «"); an inverted
   cue later in the sentence ("« ... » dans ce dossier, a indiqué X"); the subject of
   the sentence for a fragment with no cue;
3. a quote that continues the previous one (same line, or a line that is only a quote
   right after a quote) takes its speaker, and a long quote reopened on the next
   paragraph takes the speaker given at its end;
4. otherwise, the last person who spoke in the paragraph, or before it when the quote
   opens its line.

Anaphors ("il", "le Norvégien", an unnamed "le ministre") resolve to the nearest person
in subject position in the paragraph, else to the last one who spoke, of a compatible
gender and nationality. Every lookup is bounded or bisected: linear time.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence

import attrs

from natocorpus.extract.cues import (
    SpeechCue,
    all_speech_forms,
    cue_words,
    is_speech_noun_source,
    normal_form as _normal,
)
from natocorpus.extract.quotes import QuoteCandidate, SentenceIndex, last_char, quote_kind
from natocorpus.extract.speakers import (
    Mention,
    is_former_title,
    left_office_before,
    mention_prefix,
    nationalities,
    offices_held,
    registry_gender,
    registry_holder,
    registry_predecessor,
)
from natocorpus.resources import speech_verbs
from natocorpus.text import Intervals, fold

__all__ = ["Attribution", "MentionIndex", "Timeline", "attribute_quotes"]

@attrs.frozen(kw_only=True)
class Attribution:
    """
    The speaker chosen for a quote and the evidence for it.

    .. versionadded:: 0.1.0
    """

    mention: Mention | None
    cue: SpeechCue | None
    rule: str


class MentionIndex:
    """Mentions sorted by position, for nearest-before lookups."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = list(mentions)
        self.starts = [m.start for m in self.mentions]

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``[start, end)``."""
        left = bisect.bisect_left(self.starts, start)
        right = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[left:right] if m.end <= end]


_SPEAKER_KINDS = ("name", "title", "organisation", "document", "pronoun", "demonym")
# How far back (in characters) a subject or an antecedent is looked for: keeps every
# lookup bounded, so that a 5 MB paragraph is read in linear time.
_SUBJECT_WINDOW = 400
_ANTECEDENT_WINDOW = 2000
_TIMELINE_DEPTH = 200
# How far back a repeated title looks for the holder named with it (a long article).
_SAME_OFFICE_WINDOW = 20_000


def subject_before(raw: str, index: MentionIndex, start: int, position: int, quoted: Intervals) -> Mention | None:
    """
    The subject of a verb at ``position``: the mention right before it ("after Lavrov
    warned"), else the nearest mention in subject position in ``[start, position)``,
    outside quotes.
    """
    candidates = _speaking_candidates(raw, index, start, position, quoted)
    if candidates and candidates[-1].kind in _SPEAKER_KINDS:
        gap = raw[candidates[-1].end:position]
        if not gap.strip(" \u00a0\u202f") or (len(gap) <= 80 and _ADJACENT_GAP.fullmatch(gap)):
            return candidates[-1]
        if _RELATIVE_GAP.fullmatch(gap):
            return candidates[-1]  # "Donald Trump, qui a menacé Madrid : « … »"
    for mention in reversed(candidates):
        if mention.subject and mention.kind in _SPEAKER_KINDS:
            return mention
    return None


def _speaking_candidates(raw: str, index: MentionIndex, start: int, position: int, quoted: Intervals) -> list[Mention]:
    """
    The mentions before ``position`` that may be a verb's subject: a body named in the
    complement of a subject person gives way to that person ("Un responsable de l'OTAN,
    qui a requis l'anonymat, reconnaissait").
    """
    candidates = _mentions_before(index, start, position, quoted)
    if len(candidates) >= 2 and candidates[-1].kind == "organisation" and not candidates[-1].subject:  # noqa: PLR2004
        head = candidates[-2]
        if (head.kind in ("title", "name") and head.subject
                and not _CLAUSE_BREAK.search(raw, head.end, candidates[-1].start)):
            return candidates[:-1]
    return candidates


def _adjacent_subject(raw: str, index: MentionIndex, start: int, position: int, quoted: Intervals) -> Mention | None:
    """
    The mention right before a participle, when nothing but an apposition stands between:
    "son porte-parole, Dmitri Peskov, jugeant « ... »" (an absolute construction).
    """
    candidates = _speaking_candidates(raw, index, start, position, quoted)
    if candidates and candidates[-1].kind in _SPEAKER_KINDS:
        gap = raw[candidates[-1].end:position]
        if re.fullmatch(r"\s*,?\s*", gap):
            return candidates[-1]
    return None


def _mentions_before(index: MentionIndex, start: int, position: int, quoted: Intervals) -> list[Mention]:
    """The outermost mentions of ``[start, position)`` outside quotes, within the subject window."""
    return _outermost([m for m in index.between(max(start, position - _SUBJECT_WINDOW), position)
                       if not quoted.contains(m.start)])


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions inside a longer one ("Kremlin" inside "le porte-parole du Kremlin")."""
    return [m for m in mentions if not any(o is not m and o.start <= m.start and m.end <= o.end
                                           and (o.end - o.start) > (m.end - m.start) for o in mentions)]


_CLAUSE_BREAK = re.compile(r"[,.;:!?«»“”\"]")
# Between an antecedent and the verb of its relative clause: ", qui a", ", who has".
_RELATIVE_GAP = re.compile(r"\s*,?\s*(?:qui|who)\s+(?:[^\W\d_]+\s+){0,2}", re.IGNORECASE)
# Between a subject and its verb: white space, an apposition in commas, or an English
# auxiliary the cue did not take ("a figure Stoltenberg has called").
_ADJACENT_GAP = re.compile(r"\s*,[^,;:.!?«»\"“”]{1,60},\s*|\s+|\s+(?:has|had|have)\s+")


def first_subject(index: MentionIndex, start: int, position: int, quoted: Intervals) -> Mention | None:
    """The first mention in subject position in ``[start, position)``, outside quotes."""
    for mention in index.between(start, min(position, start + _SUBJECT_WINDOW)):
        if quoted.contains(mention.start):
            continue
        if mention.subject and mention.kind in _SPEAKER_KINDS:
            return mention
    return None


def subject_after(index: MentionIndex, position: int, limit: int) -> Mention | None:
    """The mention right after an inverted verb ("a déclaré Rutte", "indique le communiqué")."""
    for mention in index.between(position, limit):
        return mention
    return None


def _long_tail(raw: str, position: int, end: int, limit: int = 80) -> bool:
    """True when ``raw[position:end]`` holds more than ``limit`` non-blank characters."""
    return len(raw[position:min(end, position + 4 * limit)].strip()) > limit


class Timeline:
    """
    Who spoke last: the subjects of speech cues and the speakers of quotes, in order.

    Anaphors ("a-t-il déclaré", "elle a ajouté", "le Norvégien", an unnamed "le
    ministre congolais") resolve to the nearest person in subject position earlier in
    the same paragraph, else to the latest person in the timeline, of a compatible
    gender (and nationality, when the anaphor gives one and the registry knows it).
    """

    def __init__(
        self,
        index: MentionIndex,
        raw: str,
        quoted: Intervals,
        line_starts: list[int],
        *,
        date: dt.date | None = None,
        home_country: str = "",
        places: Sequence[tuple[int, int, str]] = (),
    ) -> None:
        self.line_starts = line_starts
        self.places = sorted(places)
        self.place_starts = [start for start, _, _ in self.places]
        self.entries: list[tuple[int, Mention]] = []
        self.index = index
        self.raw = raw
        self.quoted = quoted
        self.date = date
        self.home_country = home_country
        # The offices and countries the text binds to each person ("le ministre
        # ukrainien de la Défense, X").
        self.bound_offices: dict[str, set[str]] = {}
        self.bound_countries: dict[str, set[str]] = {}
        for mention in index.mentions:
            if mention.name and mention.kind == "name":
                if mention.office:
                    self.bound_offices.setdefault(mention.name, set()).add(mention.office)
                if mention.country:
                    self.bound_countries.setdefault(mention.name, set()).add(mention.country)

    def line_start(self, position: int) -> int:
        """The start of the line holding ``position`` (bisection over the body lines)."""
        index = bisect.bisect_right(self.line_starts, position) - 1
        return self.line_starts[index] if index >= 0 else 0

    def add(self, position: int, mention: Mention | None) -> None:
        """Record that ``mention`` spoke (or was a speech verb's subject) at ``position``."""
        if mention is not None and mention.name:
            self.entries.append((position, mention))

    def fits(self, mention: Mention, anaphor: Mention) -> bool:
        """Whether ``mention`` may be who ``anaphor`` refers to (gender, nationality, office)."""
        if mention.speaker_kind != "person" or not mention.name:
            return False
        gender = mention.gender or registry_gender(mention.name)
        if anaphor.gender and gender and anaphor.gender != gender:
            return False
        if anaphor.country:
            known = nationalities(mention.name) | self.bound_countries.get(mention.name, set())
            if known and anaphor.country not in known:
                return False
        if anaphor.kind == "title" and anaphor.office:
            # "le premier ministre" is not the defence minister named earlier; a person
            # whose offices nobody knows may hold any.
            # The offices held on the article's date, unless the title is a former one.
            former = is_former_title(self.raw, anaphor.start)
            on = None if former else self.date
            held = offices_held(mention.name, on) | self.bound_offices.get(mention.name, set())
            if held and not _office_fits(anaphor.office, held):
                return False
            if (former and self.date and anaphor.country
                    and registry_holder(anaphor.office, anaphor.country, self.date) == mention.name):
                return False  # "the former Estonian prime minister" is not the one in office
            if not former and self.date and left_office_before(mention.name, anaphor.office, self.date):
                return False  # "le président de la République" of 2009 is not de Gaulle
        if anaphor.kind == "title" and not anaphor.office and _head_noun(anaphor.text) in _expert_nouns():
            # "l'universitaire", "le politologue" is not the minister named in between.
            held = offices_held(mention.name) | (self.bound_offices.get(mention.name, set()) - {"other"})
            if held:
                return False
        return True

    def resolve(self, anaphor: Mention, position: int) -> Mention | None:
        """The person an anaphor at ``position`` refers to."""
        if anaphor.kind == "pronoun" and fold(anaphor.text) in _latest_anaphors():
            latest = self._latest(anaphor, position)
            if latest is not None:
                return latest
        if anaphor.kind == "title" and anaphor.office and not anaphor.country:
            # "À Ottawa, le ministre des Affaires étrangères a assuré": the place the
            # sentence opens with gives the title its country.
            locale = self._locale(anaphor.start)
            holder = registry_holder(anaphor.office, locale, self.date) if locale else None
            if holder is not None:
                return attrs.evolve(anaphor, name=holder, country=locale)
        found = self._antecedent(anaphor, position)
        if found is not None and not found.name:
            return found  # an anonymous source
        if (found is None and anaphor.kind == "title" and anaphor.office and anaphor.country and self.date
                and is_former_title(self.raw, anaphor.start)):
            # "the former Estonian prime minister said" with no former holder named: the
            # registry's last holder before the article's date.
            predecessor = registry_predecessor(anaphor.office, anaphor.country, self.date)
            if predecessor is not None and _same_gender(anaphor.gender, registry_gender(predecessor)):
                return attrs.evolve(anaphor, name=predecessor)
        if found is None and anaphor.kind == "title" and anaphor.office and self.home_country:
            # A national title nobody in the text can hold ("le premier ministre" of a
            # Canadian article): the registry's holder in the article's own country.
            holder = registry_holder(anaphor.office, self.home_country, self.date)
            if holder is not None and _same_gender(anaphor.gender, registry_gender(holder)):
                found = attrs.evolve(anaphor, name=holder, country=self.home_country)
        if found is None and anaphor.kind == "title":
            found = self.named_next(anaphor)
        return found

    def named_next(self, anaphor: Mention) -> Mention | None:
        """
        A title nobody before can hold, named by the next sentence's subject: "», a
        déclaré la ministre des Affaires étrangères. Mélanie Joly a souligné …".
        """
        line_end = self.raw.find("\n", anaphor.end)
        next_sentence = _NEXT_SENTENCE.search(self.raw, anaphor.end, len(self.raw) if line_end < 0 else line_end)
        if next_sentence is None:
            return None
        opening = next(iter(self.index.between(next_sentence.end(), next_sentence.end() + 40)), None)
        if (opening is not None and opening.kind == "name" and opening.subject
                and _SENTENCE_OPENING.fullmatch(self.raw, next_sentence.end(), opening.start)
                and self.fits(opening, anaphor)):
            return opening
        return None

    def _locale(self, position: int) -> str:
        """The country of "À Ottawa," / "In Moscow," opening the sentence that holds ``position``."""
        # A bounded window: a sentence that opens with a place is short before its title.
        line_start = max(self.line_start(position), position - 300)
        sentence = _LAST_SENTENCE_START.search(self.raw, line_start, position)
        start = sentence.end() if sentence else line_start
        index = bisect.bisect_left(self.place_starts, start)
        if index >= len(self.places) or self.places[index][0] >= position:
            return ""
        place_start, place_end, code = self.places[index]
        before, after = self.raw[start:place_start], self.raw[place_end:place_end + 3]
        return code if _LOCALE_BEFORE.fullmatch(before) and after.lstrip(" ").startswith(",") else ""

    def _latest(self, anaphor: Mention, position: int) -> Mention | None:
        """"celui-ci", "ce dernier", "the latter": the person named last, subject or not."""
        line_start = max(self.line_start(position), position - _ANTECEDENT_WINDOW)
        for mention in reversed(self.index.between(line_start, anaphor.start)):
            if not self.quoted.contains(mention.start) and mention.kind in ("name", "title") \
                    and self.fits(mention, anaphor):
                return mention
        return None

    def _antecedent(self, anaphor: Mention, position: int, depth: int = 0) -> Mention | None:
        line_start = max(self.line_start(position), position - _ANTECEDENT_WINDOW)
        for mention in reversed(self.index.between(line_start, position)):
            if mention.start >= anaphor.start and anaphor.end > anaphor.start:
                continue
            if self.quoted.contains(mention.start):
                continue
            if mention.subject and mention.kind == "title" and not mention.name and anaphor.kind == "pronoun":
                # The pronoun's antecedent is itself unnamed: "selon un diplomate, … a-t-il
                # confié" stays anonymous; "l'universitaire juge … regrette-t-il" is whoever
                # "l'universitaire" is.
                if _INDEFINITE_BEFORE.search(mention_prefix(self.raw, mention.start)):
                    return mention
                named = self._antecedent(mention, mention.start, depth + 1) if depth < 2 else None  # noqa: PLR2004
                if named is not None and self.fits(named, anaphor):
                    return named
                continue
            if mention.subject and mention.kind in ("name", "title") and self.fits(mention, anaphor):
                return mention
            if (mention.subject and mention.kind == "organisation" and anaphor.kind == "pronoun" and mention.name
                    and anaphor.gender and _opens_sentence_with_gender(self.raw, mention) == anaphor.gender):
                # "Le Contrôle fédéral des finances avait émis des doutes. Dans un rapport,
                # il estimait …": a body opening the sentence, no person since, and the
                # body's article agrees with the pronoun.
                return mention
        if anaphor.kind == "pronoun":
            agent = self._passive_agent(line_start, position)
            if agent is not None and self.fits(agent, anaphor):
                return agent
        if anaphor.kind == "title" and anaphor.office:
            same_office = self._same_office(anaphor)
            if same_office is not None:
                return same_office
        for back in range(len(self.entries) - 1, max(-1, len(self.entries) - 1 - _TIMELINE_DEPTH), -1):
            entry_position, mention = self.entries[back]
            if entry_position < position and self.fits(mention, anaphor):
                return mention
        earlier = [m for m in reversed(self.index.between(max(0, position - _ANTECEDENT_WINDOW), position))
                   if not self.quoted.contains(m.start) and m.kind in ("name", "title") and self.fits(m, anaphor)]
        # "la militaire" is the person introduced as "la caporale ... militaire" or "les
        # militaires ... X": a title with the same head noun, bound to a name.
        if anaphor.kind == "title":
            head = _head_noun(anaphor.text)
            same = next((m for m in earlier if m.kind == "title" and m.name and _head_noun(m.text) == head), None)
            if same is not None:
                return same
        # A subject is a likelier antecedent than a complement ("X a signé avec Y").
        return next((m for m in earlier if m.subject), earlier[0] if earlier else None)

    def _passive_agent(self, start: int, position: int) -> Mention | None:
        """
        The person a passive verb names with "par" in the paragraph, when no subject
        person fits: "la mission est commandée par le général X. « … », expliquait-il".
        """
        for mention in reversed(self.index.between(start, position)):
            if (mention.kind in ("name", "title") and mention.name and not self.quoted.contains(mention.start)
                    and _PASSIVE_AGENT.search(self.raw, max(start, mention.start - 80), mention.start)):
                return mention
        return None

    def _same_office(self, anaphor: Mention) -> Mention | None:
        """
        The person last called by the title's office earlier in the article.

        "Le Premier ministre albanais a inauguré la piste … Le Premier ministre a
        conclu": a title repeated without its country names the holder named with it,
        however many people spoke in between.
        """
        # Bounded, so that a 5 MB text full of titles stays linear.
        for mention in reversed(self.index.between(max(0, anaphor.start - _SAME_OFFICE_WINDOW), anaphor.start)):
            if (mention.kind in ("name", "title") and mention.name and mention.office
                    and not self.quoted.contains(mention.start)
                    and _office_fits(anaphor.office, {mention.office}) and self.fits(mention, anaphor)):
                return mention
        return None

    def last(self, position: int) -> Mention | None:
        """The latest speaker of any kind before ``position``."""
        for entry_position, mention in reversed(self.entries):
            if entry_position < position:
                return mention
        return None


def _head_noun(text: str) -> str:
    """The first word of a title, folded and singular: "Militaires" → "militaire"."""
    words = text.split()
    head = fold(words[0]) if words else ""
    return head[:-1] if head.endswith(("s", "x")) and len(head) > 3 else head  # noqa: PLR2004


# A passive verb's agent: "commandée depuis novembre par le général danois", "signé par".
_PASSIVE_AGENT = re.compile(r"[^\W\d_](?:é|ée|és|ées|u|ue|us|ues|it|ite|is|ise)\s+(?:[^\W\d_]+\s+){0,3}?par\s+"
                            r"(?:(?:le|la|l['’]|les)\s*)?(?:[^\W\d_]+\s+){0,3}\Z")
# A body's name opening its sentence after its definite article.
_SENTENCE_OPENING_ARTICLE = re.compile(r"(?:^|[.!?»”][\s\u00a0\u202f]+)(Le|La)[\s\u00a0\u202f]+\Z")


def _opens_sentence_with_gender(raw: str, mention: Mention) -> str:
    """"m" or "f" when ``mention`` opens its sentence after "Le" or "La", else ""."""
    opening = _SENTENCE_OPENING_ARTICLE.search(mention_prefix(raw, mention.start))
    return ("m" if opening.group(1) == "Le" else "f") if opening else ""
_LAST_SENTENCE_START = re.compile(r".*[.!?»”]\s+", re.DOTALL)
# The end of the sentence a title stands in; then at most "M." or "Mme" before the name
# that opens the next one.
_NEXT_SENTENCE = re.compile(r"[.!?][\s\u00a0\u202f]+(?=[^\W\d_])")
_SENTENCE_OPENING = re.compile(r"(?:(?:Selon|D['’]après|Pour)[\s\u00a0\u202f]+)?"
                               r"(?:(?:M\.|Mme|Mr\.|Mrs\.|Ms\.)[\s\u00a0\u202f]+)?")


def _same_gender(wanted: str | None, known: str | None) -> bool:
    """Whether a person of gender ``known`` may be called by a title of gender ``wanted`` (either may be unknown)."""
    return not wanted or not known or wanted == known
_LOCALE_BEFORE = re.compile(r"\s*(?:à|a|in|depuis|from|de)\s+", re.IGNORECASE)


def _office_fits(office: str, held: set[str] | frozenset[str]) -> bool:
    """True when someone who held ``held`` may be called by a title naming ``office``."""
    if office in held:
        return True
    if office == "prime_minister" and "chancellor" in held:
        return True  # "le chef du gouvernement" allemand is the chancellor
    # A generic title ("le ministre", "le président", "le porte-parole") fits any of its kind.
    generic = {"minister": "_minister", "president": "president", "spokesperson": "spokesperson"}.get(office)
    return generic is not None and any(h.endswith(generic) for h in held)


@functools.lru_cache(maxsize=1)
def _expert_nouns() -> frozenset[str]:
    """Nouns for people who comment rather than hold office (``expert_nouns`` in data/cues.toml)."""
    return frozenset(fold(word) for word in cue_words()["expert_nouns"])


@functools.lru_cache(maxsize=1)
def _latest_anaphors() -> frozenset[str]:
    return frozenset(fold(word) for word in cue_words()["latest_anaphors"])


def _resolve(mention: Mention | None, timeline: Timeline, position: int) -> Mention | None:
    if mention is None:
        return None
    if mention.kind == "title" and not mention.name and _normal(mention.text.split()[0]) in cue_words()["spokesperson_nouns"]:
        body = _spoken_for(mention, timeline)
        if body is not None and body.name and _DEFINITE_BEFORE.search(mention_prefix(timeline.raw, mention.start)):
            # "son porte-parole" of the Kremlin is one person, the registry's holder on
            # the date; "un porte-parole" is one of several, so the body speaks.
            holder = registry_holder("spokesperson", body.name, timeline.date)
            if holder is not None:
                return attrs.evolve(mention, name=holder, speaker_kind="person")
        if _DEFINITE_BEFORE.search(mention_prefix(timeline.raw, mention.start)):
            # "Le porte-parole de la diplomatie iranienne a dénoncé « … ». Selon Nasser
            # Kanaani, …": the next sentence names the one spokesperson.
            named = timeline.named_next(mention)
            if named is not None:
                return named
        return body
    if mention.kind == "title" and not mention.name and _INDEFINITE_BEFORE.search(mention_prefix(timeline.raw, mention.start)):
        # "confie un diplomate européen", "selon une source": someone not named, not an
        # anaphor. The mention is kept (nameless) so that no later rule guesses a name.
        return mention
    if mention.kind in ("pronoun", "demonym") or (mention.kind == "title" and not mention.name):
        return timeline.resolve(mention, position)
    return mention if mention.name else None


_DEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:le|la|l['’]|son|sa|its|the|his|her)\s*$", re.IGNORECASE)
_INDEFINITE_BEFORE = re.compile(
    r"(?:^|\s)(?:un|une|a|an|one|another|un\s+autre|une\s+autre)\s+(?:[^\W\d_][\w-]*\s+)?$", re.IGNORECASE
)


def _spoken_for(spokesperson: Mention, timeline: Timeline) -> Mention | None:
    """
    The organisation an unnamed spokesperson speaks for: the one named right after
    ("un porte-parole de l'OTAN"), else the last one named before in the paragraph.
    """
    raw = timeline.raw
    line_start = timeline.line_start(spokesperson.start)
    for mention in timeline.index.between(spokesperson.start + 1, spokesperson.end):
        if mention.kind == "organisation" and mention.name:
            return mention  # "le porte-parole de l'OTAN" matched as one title
    for mention in timeline.index.between(spokesperson.end, spokesperson.end + 40):
        if mention.kind == "organisation" and re.fullmatch(r"\s*(?:de\s+la|de\s+l['’]|de|du|des|d['’]|of\s+the|of)\s*", raw[spokesperson.end:mention.start]):
            return mention
        break
    body = _SPOKEN_FOR_BODY.match(raw, spokesperson.end)
    if body is not None:
        # "un porte-parole du commandement aérien allié, installé en Allemagne": a body
        # the registry does not know is still the speaker, under the words given.
        words = body.group(1).split()
        verbs = all_speech_forms() | cue_words()["auxiliaries_fr"] | cue_words()["auxiliaries_en"]
        kept = list(itertools.takewhile(lambda word: _normal(word) not in verbs, words))
        if len(kept) >= 2 or (kept and kept[0][:1].isupper()):  # noqa: PLR2004 - not "du ministère"
            text = " ".join(kept)
            start = body.start(1)
            return Mention(kind="organisation", text=text, start=start, end=start + len(text), name=text,
                           speaker_kind="organisation")
    for mention in reversed(timeline.index.between(line_start, spokesperson.start)):
        if mention.kind == "organisation" and mention.name:
            return mention
    return None


# The body a spokesperson speaks for, named right after: "du commandement aérien allié",
# "des Forces navales bulgares", "for the Moldovan foreign ministry".
_SPOKEN_FOR_BODY = re.compile(
    r"\s+(?:de\s+la|de\s+l['’]|du|des|for\s+the|of\s+the)\s*([^\W\d_][^\s,;:.!?«»\"“”()]*"
    r"(?:\s[^\W\d_][^\s,;:.!?«»\"“”()]*){0,4})",
    re.IGNORECASE,
)


def _pronoun_mention(text: str, position: int) -> Mention:
    gender = "f" if text.casefold().startswith("elle") else ("" if text.casefold() in ("ils", "elles", "on") else "m")
    return Mention(kind="pronoun", text=text, start=position, end=position, gender=gender)


def attribute_quotes(
    raw: str,
    quotes: Sequence[QuoteCandidate],
    cues: Sequence[SpeechCue],
    index: MentionIndex,
    quoted: Intervals,
    sentences: SentenceIndex,
    line_starts: list[int],
    language: str = "fr",
    *,
    date: dt.date | None = None,
    home_country: str = "",
    places: Sequence[tuple[int, int, str]] = (),
) -> list[Attribution]:
    """
    Choose the speaker of each quote, nearest evidence first (see the module docstring).

    Args:
        raw: The article text.
        quotes: The spans judged to be reported speech, in order.
        cues: Every speech cue of the body, in order.
        index: The resolved speaker mentions of the article.
        quoted: The spans of every quotation (quotes and quoted names), marks included.
        sentences: The sentence ends of the text.
        line_starts: The sorted starts of the body lines.
        language: ``"fr"`` or ``"en"`` (English also puts the subject before the verb
            after a quote: '," Rutte said').
        date: The article's date, to name the holder of an office.
        home_country: The country the article is mostly about (ISO code), whose office
            holder an unnamed national title stands for when nobody in the text can
            hold it; "" for none.
        places: ``(start, end, code)`` of the country and city mentions, for the place a
            sentence opens with ("À Ottawa, le ministre ...").

    Returns:
        One attribution per quote.

    .. versionadded:: 0.1.0
    """
    context = _Context(raw=raw, cues=cues, index=index, quoted=quoted, language=language,
                       timeline=Timeline(index, raw, quoted, line_starts, date=date, home_country=home_country,
                                         places=places),
                       sentences=sentences)
    outside = [c for c in cues if not quoted.contains(c.start)]
    context.outside_starts = [c.start for c in outside]
    learned = 0
    results: list[Attribution] = []
    for position, quote in enumerate(quotes):
        # The timeline learns who spoke from every cue before this quote.
        while learned < len(outside) and outside[learned].start < quote.open_at:
            _learn(context, outside[learned])
            learned += 1
        result = (
            _cue_after(context, quote)
            or _incise_inside(context, quote)
            or _cue_before(context, quote, outside, quotes[:position], results)
            or _colon(context, quote)
            or _cue_later_in_sentence(context, quote)
            or _sentence_subject(context, quote)
            or _previous_sentence_subject(context, quote)
            or _interview_answer(context, quote)
            or _continuation(raw, quote, quotes[position - 1] if position else None, results[-1] if results else None,
                             context.timeline.line_starts)
            or _paragraph_context(context, quote)
            or Attribution(mention=None, cue=None, rule="none")
        )
        if result.mention is not None:
            context.timeline.add(quote.open_at, result.mention)
        context.previous_speaker = (quote.open_at, result.mention)
        results.append(result)
    _reopened_paragraphs(raw, quotes, results)
    return results


@attrs.define
class _Context:
    raw: str
    cues: Sequence[SpeechCue]
    index: MentionIndex
    quoted: Intervals
    language: str
    timeline: Timeline
    sentences: SentenceIndex
    cue_starts: list[int] = attrs.field(init=False)
    outside_starts: list[int] = attrs.field(init=False, factory=list)
    # Where the last quote opened, and who said it.
    previous_speaker: tuple[int, Mention | None] = (-1, None)

    def __attrs_post_init__(self) -> None:
        self.cue_starts = [c.start for c in self.cues]

    def outside_quotes(self, position: int) -> bool:
        return not self.quoted.contains(position)


def _learn(context: _Context, cue: SpeechCue) -> None:
    raw, index, timeline = context.raw, context.index, context.timeline
    if is_speech_noun_source(cue):
        return  # "les propos de X" names whose words they were, not who is speaking now
    if cue.form == "source":
        subject = subject_after(index, cue.end, cue.end + 60)
        timeline.add(cue.start, _resolve(subject, timeline, cue.start))
        return
    if cue.pronoun:
        timeline.add(cue.start, timeline.resolve(_pronoun_mention(cue.pronoun, cue.start), cue.start))
        return
    if cue.form == "finite" and _COMMA_BEFORE_CUE.search(raw, max(0, cue.start - 16), cue.start):
        # "…, a indiqué M. Stoltenberg": an inverted cue's subject follows it, whoever
        # opened the sentence ("L'Otan a proposé …, a indiqué M. X").
        inverted = _inverted_subject(context, cue, context.sentences.end(cue.end, len(raw)), cue.start)
        if inverted is not None and inverted.name:
            timeline.add(cue.start, inverted)
            return
    start = context.sentences.start(timeline.line_start(cue.start), cue.start)
    subject = subject_before(raw, index, start, cue.start, context.quoted)
    if subject is None:
        subject = subject_after(index, cue.end, min(cue.end + 40, context.sentences.end(cue.end, len(raw))))
        if subject is not None and (subject.start - cue.end > 12 or context.quoted.contains(subject.start)):
            subject = None  # too far, or inside the quote the cue introduces ("Et d'insister : « Poutine veut »")
    timeline.add(cue.start, _resolve(subject, timeline, cue.start))


# A comma right before a cue, maybe with a clitic: the cue is an incise, its subject after it.
_COMMA_BEFORE_CUE = re.compile(r",[\s\u00a0\u202f]*(?:(?:ne|n['’])[\s\u00a0\u202f]*)?"
                               r"(?:(?:lui|leur|se|s['’])[\s\u00a0\u202f]*)?\Z", re.IGNORECASE)


def _inverted_subject(context: _Context, cue: SpeechCue, limit: int, position: int) -> Mention | None:
    """The subject of an inverted cue: "a-t-il dit", "a déclaré Rutte", "indique le communiqué"."""
    if cue.pronoun and fold(cue.pronoun) == "on":
        return _impersonal_source(context, cue, limit)
    if cue.pronoun:
        return context.timeline.resolve(_pronoun_mention(cue.pronoun, cue.start), position)
    following = context.index.between(cue.end, limit)[:4]
    for position_in_list, subject in enumerate(following[:3]):
        later = following[position_in_list + 1] if position_in_list + 1 < len(following) else None
        if (subject.kind == "organisation" and later is not None and later.kind == "title"
                and not context.raw[subject.end:later.start].strip()):
            subject = later  # "said one NATO diplomat": the diplomat speaks, not NATO  # noqa: PLW2901
        gap = context.raw[cue.end:subject.start]
        # "a déclaré à Sputnik le vice-ministre": a mention after a preposition is a
        # complement; the subject comes after it.
        if _COMPLEMENT_BEFORE.search(gap):
            continue
        # "a déclaré Rutte", "indique le communiqué", "résume le capitaine de corvette X",
        # "a regretté à son arrivée le ministre", "estime pour sa part X".
        if _UNNAMED_SUBJECT.match(context.raw, cue.end, subject.start):
            break  # "s'amuse une cuisinière du café, Paul …": someone unnamed spoke first
        if len(gap.split()) <= 2 or _title_words(gap) or _adverbial(gap) or _adverbial_then_title(gap):
            if subject.kind == "title" and not subject.name and _goes_on(context, cue):
                # "», poursuit l'officier": the officer whose quote came just before in the
                # paragraph, when he fits (a second officer may have been named since).
                quoted_at, speaking = context.previous_speaker
                if (speaking is not None and context.timeline.line_start(quoted_at) == context.timeline.line_start(
                        position) and context.timeline.fits(speaking, subject)):
                    return speaking
            resolved = _resolve(subject, context.timeline, position)
            if resolved is None and subject.kind == "title":
                # "a déclaré le président de la République" with no holder in sight: the
                # text says who spoke, so no later rule may guess another name.
                return subject
            return resolved
        return None
    unnamed = _UNNAMED_SUBJECT.match(context.raw, cue.end, limit)
    if unnamed is not None:
        # "», s'amuse une cuisinière", "», lâche un vieil habitué": a person no noun list
        # knows, unnamed; the quote keeps its cue and gets no speaker.
        return Mention(kind="title", text=unnamed.group(1), start=unnamed.start(1), end=unnamed.end(1),
                       role=unnamed.group(1), subject=True)
    return None


def _goes_on(context: _Context, cue: SpeechCue) -> bool:
    """Whether the cue's verb goes on with what was said ("poursuit", "continue", "enchaîne")."""
    lemma = speech_verbs().get(context.language, {}).get(_normal(context.raw[cue.verb_start:cue.verb_end]))
    return lemma in cue_words()["continuation_verbs"]


# An indefinite subject right after an inverted cue: "une serveuse", "un vieil habitué".
_UNNAMED_SUBJECT = re.compile(r"[\s\u00a0\u202f]+((?:un|une)[\s\u00a0\u202f]+(?:[a-zà-ÿ][\w’'-]*[\s\u00a0\u202f]+)?"
                              r"[a-zà-ÿ][\w’'-]*)")


def _impersonal_source(context: _Context, cue: SpeechCue, limit: int) -> Mention:
    """
    Who "on" is after an inverted cue: the body it is placed in, else nobody named.

    "précise-t-on au DDPS", "indiquait-on vendredi à l'Élysée", "peut-on lire dans le
    texte" speak for that body or document; a bare "explique-t-on" is an unnamed source,
    not the last person named.
    """
    for mention in context.index.between(cue.end, limit)[:3]:
        if mention.kind in ("organisation", "document") and _IMPERSONAL_PLACE.fullmatch(
                context.raw, cue.end, mention.start):
            resolved = _resolve(mention, context.timeline, cue.start)
            if resolved is not None:
                return resolved
    return _pronoun_mention(cue.pronoun or "on", cue.start)


# Between "…-t-on" and the body it speaks from: "au", "vendredi à l'", "dans le", "du
# côté de l'", "dans l'entourage du".
_IMPERSONAL_PLACE = re.compile(
    r"[\s,\u00a0\u202f]*(?:[^\W\d_]+[\s\u00a0\u202f]+){0,2}?"
    r"(?:à|au|aux|chez|dans|auprès\s+d[eu]|du\s+côté\s+d[eu]|dans\s+l['’]entourage\s+d[eu])"
    r"[\s\u00a0\u202f]*(?:la[\s\u00a0\u202f]+|le[\s\u00a0\u202f]+|les[\s\u00a0\u202f]+|l['’][\s\u00a0\u202f]*)?",
    re.IGNORECASE,
)


# A preposition right before a mention: "à Sputnik", "devant l'OTAN", "to Reuters".
_COMPLEMENT_BEFORE = re.compile(
    r"(?:^|\s)(?:à|au|aux|devant|avec|auprès\s+de|auprès\s+du|to|with)\s+"
    r"(?:(?:le|la|les|un|une|des|the|a|an)\s+|l['’]\s*)?$",
    re.IGNORECASE,
)
# ", non sans ironie, le", ", d'un ton las, la": an incise between commas, then a determiner.
_COMMA_ADVERBIAL = re.compile(
    r"[\s\u00a0\u202f]*,[^,;:.!?«»“”\"()]{1,40},[\s\u00a0\u202f]*(?:le|la|l['’]|les|the)?[\s\u00a0\u202f]*",
    re.IGNORECASE,
)
_ADVERBIAL_OPENERS = frozenset({"à", "au", "aux", "de", "en", "devant", "lors", "dans", "pour", "après", "avant",
                                "depuis", "sur", "par", "dès", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
                                "samedi", "dimanche", "hier", "jeudi", "ce", "cette", "on", "in", "at", "after",
                                "fin", "début", "mi", "mi-"})


def _adverbial(gap: str) -> bool:
    """
    A short adverbial between an inverted verb and its subject, then maybe a
    determiner: "à son arrivée le", "pour sa part", "en anglais le", "à Sputnik le",
    or any short phrase between commas: ", non sans ironie, le".
    """
    if _COMMA_ADVERBIAL.fullmatch(gap):
        return True
    words = gap.replace("’", "'").split()
    if words and words[-1].casefold() in ("le", "la", "l'", "les", "the"):
        words = words[:-1]
    elif words and words[-1].casefold().startswith("l'"):
        words[-1] = words[-1][2:]
    if not 2 <= len(words) <= 5 or any(ch in gap for ch in ",;:.!?«»\"“”()"):  # noqa: PLR2004
        return False
    if words[0].casefold() not in _ADVERBIAL_OPENERS:
        return False
    stops = cue_words()["auxiliaries_fr"] | cue_words()["auxiliaries_en"]
    # Capitals may stand in it ("à Sputnik", "au Monde"), verbs may not.
    return all(_normal(w) not in stops and _normal(w) not in all_speech_forms() for w in words[1:])


_DETERMINER = re.compile(r"(?:^|\s)(?:le|la|les|l['’])(?=\s|$)|(?:^|\s)l['’]", re.IGNORECASE)


def _adverbial_then_title(gap: str) -> bool:
    """
    An adverbial, then title words: "mardi à Dublin le Tánaiste et" before "ministre
    de la Défense, X".
    """
    for determiner in _DETERMINER.finditer(gap):
        if determiner.start() and _adverbial(gap[:determiner.end()]) and _title_words(gap[determiner.start():]):
            return True
    return False


def _title_words(gap: str) -> bool:
    """A determiner and up to six lower-case words without a verb: a title before a name."""
    words = gap.split()
    if not 2 <= len(words) <= 7 or words[0].casefold() not in ("le", "la", "l'", "l’", "the", "un", "une", "a"):
        return False
    if any(ch in gap for ch in ",;:.!?«»\"“”()"):
        return False
    stops = cue_words()["phrase_breakers"] | cue_words()["auxiliaries_fr"] | cue_words()["auxiliaries_en"]
    verbs = all_speech_forms()
    # A capitalised word there is a title no mention took ("le Tánaiste et ministre de la
    # Défense, X"): names and bodies are mentions, so the gap holds none.
    return all(_normal(w) not in stops and _normal(w) not in verbs for w in words[1:])


def _cue_after(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """Rule 1: "», a déclaré X", "», a-t-il dit", '," X said' right after the quote."""
    raw = context.raw
    if not quote.closed:
        return None
    after = quote.close_at + 1
    position = bisect.bisect_left(context.cue_starts, after)
    if position >= len(context.cues):
        return None
    # '"a wake-up call" for the alliance', '», a pour sa part déclaré': "pour"/"for" after
    # a quote attributes nothing; a cue may follow it.
    while (position < len(context.cues) and context.cues[position].form == "source"
           and _normal(context.cues[position].text.split()[0]) in ("pour", "for")):
        position += 1
    if position >= len(context.cues):
        return None
    cue = context.cues[position]
    if (cue.start >= quote.line_end or cue.form in ("participle", "infinitive") or cue.start - after > 100
            or is_speech_noun_source(cue)):
        return None
    gap = raw[after:cue.start]
    limit = context.sentences.end(cue.end, quote.line_end)
    if CLITIC_GAP.fullmatch(gap) or _AUXILIARY_ADVERBIAL.fullmatch(gap):
        mention = _inverted_subject(context, cue, limit, quote.open_at)
        return Attribution(mention=mention, cue=cue, rule="after") if mention else None
    # English order: '," Rutte said', '," she said'.
    # A quote that ends its sentence inside the marks ('... people.” Kobakhidze has
    # accused') is followed by another sentence, not by its attribution.
    ends_sentence = raw[quote.start:quote.end].rstrip().endswith(".") and "," not in gap
    if (context.language == "en" and cue.form == "finite" and not ends_sentence
            and re.fullmatch(r"[\s,\u00a0\u202f]*[^.!?;:«»“”\"]{1,80}?\s*", _ABBREVIATION.sub("A", gap))
            and not _NEW_CLAUSE.search(gap)):
        subject = next(iter(context.index.between(after, cue.start)), None)
        if subject is not None:
            mention = _resolve(subject, context.timeline, quote.open_at)
            return Attribution(mention=mention, cue=cue, rule="after") if mention else None
    return None


def _incise_inside(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """
    Rule 1b: an incise the marks do not close around, "« On croise des navires, raconte
    Loïc Tanguy, patron pêcheur. Avant, on n'y prêtait pas attention. »": French press
    often runs the attribution inside the quotation marks, between commas.
    """
    raw = context.raw
    position = bisect.bisect_left(context.cue_starts, quote.start)
    while position < len(context.cues) and context.cues[position].start < quote.end:
        cue = context.cues[position]
        position += 1
        # The incise follows a comma and is followed by a comma or a full stop; a verb
        # of the quoted words themselves ("Je dis que …") has neither shape.
        if cue.form != "finite" or not _INCISE_OPENING.search(raw, quote.start, cue.start):
            continue
        limit = min(context.sentences.end(cue.end, quote.end), quote.end)
        mention = _inverted_subject(context, cue, limit, quote.open_at)
        if mention is None or not _INCISE_CLOSING.match(raw, _incise_end(context, cue)):
            continue
        return Attribution(mention=mention, cue=cue, rule="incise")
    return None


def _incise_end(context: _Context, cue: SpeechCue) -> int:
    """Where the incise's subject ends: after "raconte-t-il", else after the first mention that follows the verb."""
    following = [] if cue.pronoun else context.index.between(cue.end, cue.end + 80)
    return following[0].end if following else cue.end


# ", raconte", ", a-t-il ajouté": a comma right before the inverted cue, inside the marks.
_INCISE_OPENING = re.compile(r"[^\s,]\s*,[\s\u00a0\u202f]*(?:ne\s+|n['’]\s*)?(?:(?:lui|leur|se|s['’])\s*)?\Z")
# After the incise's subject: a comma (an apposition may follow) or a full stop.
_INCISE_CLOSING = re.compile(r"[\s\u00a0\u202f]*[,.]")


# Between a quote and an inverted cue: a comma, and maybe a negation and an object or
# reflexive pronoun ("», lui a répondu la ministre", "», s'est félicitée X", "», ne cesse
# de répéter X"). Also read by the pipeline to tell whether a cue follows a quote.
CLITIC_GAP = re.compile(
    r"[\s,\u00a0\u202f]*(?:(?:ne|n['’])[\s\u00a0\u202f]*)?(?:(?:lui|leur|nous|vous|me|m['’]|se|s['’]|y|en)[\s\u00a0\u202f]*)?",
    re.IGNORECASE,
)


# Dotted abbreviations end no sentence: '," U.S. Secretary of State Mike Pompeo said'.
_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.){2,3}|\b(?:Gen|Lt|Col|Maj|Adm|Sgt|Capt|Cmdr|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|St|Jr|Sr)\.")
# A conjunction after a quote opens another clause: '", while Sweden's X said'.
_NEW_CLAUSE = re.compile(r"\b(?:while|whereas|and|but|as|although|though|when)\b", re.IGNORECASE)


# "», a pour sa part déclaré la ministre": an auxiliary and an adverbial phrase the cue
# scan does not take into the cue.
_AUXILIARY_ADVERBIAL = re.compile(
    r"[\s,\u00a0\u202f]*(?:a|ont|avait|avaient|aura)\s+(?:pour\s+sa\s+part|pour\s+leur\s+part|"
    r"de\s+son\s+côté|de\s+leur\s+côté|quant\s+à\s+(?:lui|elle|eux)|lui\s+aussi|elle\s+aussi|"
    r"à\s+son\s+tour|pour\s+sa\s+part\s+aussi)\s*,?\s*",
    re.IGNORECASE,
)


def _cue_before(
    context: _Context,
    quote: QuoteCandidate,
    outside: Sequence[SpeechCue],
    earlier: Sequence[QuoteCandidate],
    results: Sequence[Attribution],
) -> Attribution | None:
    """Rule 2: a cue before the quote in its sentence ("X a déclaré : «", "selon X, «")."""
    raw, index, timeline = context.raw, context.index, context.timeline
    start = context.sentences.start(quote.line_start, quote.open_at)
    cue = None
    noun_source_subject = None
    for position in range(bisect.bisect_left(context.outside_starts, quote.open_at) - 1, -1, -1):
        if outside[position].start < start:
            break
        if outside[position].end <= quote.open_at:
            if is_speech_noun_source(outside[position]):
                noun_source_subject = _noun_source_subject(context, outside[position], quote)
                if noun_source_subject is None:
                    continue  # "X a jugé les propos de Y « insultants »": X's verb, not Y's words
            cue = outside[position]
            main = outside[position - 1] if position else None
            if (main is not None and main.start >= start and main.form == cue.form == "finite" and not cue.pronoun
                    and _THAT_CLAUSE.match(raw, main.end)):
                # "X a assuré que l'Otan défendrait « chaque centimètre »": the verb of
                # the reported clause reports nothing; the main verb's subject speaks.
                cue = main
            break
    if cue is None:
        return None
    if is_speech_noun_source(cue):
        mention = _resolve(noun_source_subject, timeline, quote.open_at)
        return Attribution(mention=mention, cue=cue, rule="before") if mention else None
    if cue.form == "source" and _RELATIVE_SOURCE.search(cue.text):
        # "sa vice-ministre, Simona Cojocaru, pour qui « … »": the antecedent speaks.
        antecedent = next((m for m in reversed(_mentions_before(index, start, cue.start, context.quoted))
                           if m.kind in ("name", "title", "organisation")), None)
        mention = _resolve(antecedent, timeline, quote.open_at)
        return Attribution(mention=mention, cue=cue, rule="before") if mention else None
    if cue.form == "source":
        # "selon ses mots", "selon son entourage"... refer to the sentence's subject;
        # "Pour son homologue roumain, X," names its own person.
        following = subject_after(index, cue.end, min(quote.open_at, cue.end + 30))
        if _POSSESSIVE.match(raw, cue.end) and not (
                following is not None and following.kind == "title" and not _ENTOURAGE.match(raw, cue.end)):
            subject = first_subject(index, start, cue.start, context.quoted)
        else:
            subject = subject_after(index, cue.end, quote.open_at)
            if subject is not None and subject.kind == "title" and not subject.name:
                # "Pour le général de division à la retraite X, «": the name after the title.
                named = next((m for m in index.between(subject.end, quote.open_at)
                              if m.kind == "name" and m.name and "," not in raw[subject.end:m.start]), None)
                subject = named or subject
        if subject is None:
            return None
        mention = _resolve(subject, timeline, quote.open_at)
        return Attribution(mention=mention, cue=cue, rule="before") if mention else None
    if cue.pronoun:
        position = cue.start
        topic = index.between(start, cue.start)[-1:]
        if topic and _INCISE_GAP.fullmatch(raw, topic[0].end, cue.start):
            # "Vladimir Poutine, a-t-il accusé, veut « … »": the name before the incise is
            # what the speaker talks about; "il" refers to someone before it.
            position = topic[0].start
        mention = timeline.resolve(_pronoun_mention(cue.pronoun, position), position)
        return Attribution(mention=mention, cue=cue, rule="before") if mention else None
    if cue.form in ("participle", "infinitive"):
        # "en affirmant : «", "Et d'ajouter : «": the speaker is the sentence's subject,
        # or whoever spoke just before in the same sentence.
        adjacent = _adjacent_subject(raw, index, start, cue.start, context.quoted)
        if adjacent is None and earlier and results and earlier[-1].open_at >= start and results[-1].mention is not None:
            return Attribution(mention=results[-1].mention, cue=cue, rule="before")
        subject = adjacent or first_subject(index, start, cue.start, context.quoted)
        if subject is None and cue.start - start < 40:  # noqa: PLR2004
            # "En proposant d'ouvrir un « débat », le chef de l'État a relancé ...": a
            # gerund opening the sentence speaks for the subject of the main clause.
            end = context.sentences.end(quote.close_at + 1, quote.line_end)
            subject = first_subject(index, quote.close_at + 1, end, context.quoted)
        mention = _resolve(subject, timeline, cue.start) if subject else timeline.last(quote.open_at)
        return Attribution(mention=mention, cue=cue, rule="before") if mention else None
    subject = subject_before(raw, index, start, cue.start, context.quoted)
    if subject is None:
        return None
    mention = _resolve(subject, timeline, cue.start)
    return Attribution(mention=mention, cue=cue, rule="before") if mention else None


_INCISE_GAP = re.compile(r"[\s\u00a0\u202f]*,[\s\u00a0\u202f]*")
# A reported clause right after a verb: "a assuré que", "estime qu'".
# A reported clause after its verb, maybe after the person told: "a assuré que", "avait
# écrit au président américain X que".
_THAT_CLAUSE = re.compile(r"[\s\u00a0\u202f]+(?:(?:à|au|aux|to)\s+[^,;:.!?«»“”\"]{1,60}?\s+)?(?:que|qu['’]|that)\b",
                          re.IGNORECASE)


def _noun_source_subject(context: _Context, cue: SpeechCue, quote: QuoteCandidate) -> Mention | None:
    """
    The speaker of "les déclarations de X sur les alliés « mauvais payeurs »": X, when
    the quote stands in the phrase's complement ("sur", "about") with no punctuation
    between. Right after the name ("les propos de Y « insultants »") the quote judges
    Y's words rather than quoting them.
    """
    subject = subject_after(context.index, cue.end, quote.open_at)
    if subject is None or not _IN_THE_SAME_PHRASE.fullmatch(context.raw, subject.end, quote.open_at):
        return None
    return subject


# Between the speaker of "les propos de X" and a quote of the same phrase: a complement
# ("sur les alliés", "dans un hebdomadaire sur la", "about a"), no punctuation.
_IN_THE_SAME_PHRASE = re.compile(
    r"[^,;:.!?]{0,80}?[\s\u00a0\u202f](?:sur|contre|concernant|à\s+propos\s+d[eu']|about|on|regarding)\b"
    r"[^,;:.!?«»“”\"()]{0,50}",
    re.IGNORECASE,
)
_RELATIVE_SOURCE = re.compile(r"\b(?:qui|lequel|laquelle|lesquels|lesquelles|whom)$", re.IGNORECASE)
_ENTOURAGE = re.compile(r"\s+(?:son|sa|ses|leur|leurs)\s+(?:entourage|proches|services|équipe|camp)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s+(?:ses|son|sa|leurs?|his|her|their)\s", re.IGNORECASE)


def _colon(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """
    Rule 2b: a quote after a colon speaks for its sentence's subject ("X n'a pas caché
    son émotion : «").
    """
    raw = context.raw
    start = context.sentences.start(quote.line_start, quote.open_at)
    if last_char(raw, start, quote.open_at) == ":":
        subject = first_subject(context.index, start, quote.open_at, context.quoted)
        mention = _resolve(subject, context.timeline, quote.open_at) if subject else None
        if mention is not None:
            return Attribution(mention=mention, cue=None, rule="before")
    return None


def _cue_later_in_sentence(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """Rule 2c: an inverted cue later in the sentence ('« ... » au titre de l'accord, a indiqué X')."""
    raw = context.raw
    end = context.sentences.end(quote.close_at + 1, quote.line_end)
    position = bisect.bisect_left(context.cue_starts, quote.close_at + 1)
    while position < len(context.cues) and context.cues[position].start < end:
        cue = context.cues[position]
        position += 1
        if not context.outside_quotes(cue.start) or cue.form != "finite":
            continue
        if not re.search(r"[,;]\s*$", raw[max(quote.close_at, cue.start - 4):cue.start]):
            continue  # an incise follows a comma: ", a indiqué X"
        mention = _inverted_subject(context, cue, end, quote.open_at)
        if mention is not None:
            return Attribution(mention=mention, cue=cue, rule="after")
    return None


def _sentence_subject(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """
    Rule 2d: a fragment embedded in a sentence with no speech verb ("X voit dans ce
    départ « la preuve que... »") is the words of the sentence's subject.
    """
    if quote_kind(context.raw, quote) != "partial":
        return None
    start = context.sentences.start(quote.line_start, quote.open_at)
    subject = first_subject(context.index, start, quote.open_at, context.quoted)
    mention = _resolve(subject, context.timeline, quote.open_at) if subject else None
    return Attribution(mention=mention, cue=None, rule="before") if mention else None


# How many sentences back a quote with no cue looks for the subject it speaks for.
_SUBJECT_SENTENCES_BACK = 3


def _previous_sentence_subject(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """
    Rule 2e: a quote with no cue opening a sentence speaks for the subject of the
    sentence before it in the paragraph, when that sentence quotes nobody ("Le ministre
    hausse les épaules. « Ce n'est pas de la paranoïa. »").
    """
    raw, sentences = context.raw, context.sentences
    if last_char(raw, quote.line_start, quote.open_at) not in (".", "!", "?"):
        return None
    start = sentences.start(quote.line_start, quote.open_at)
    if raw[start:quote.open_at].strip():
        return None  # the quote does not open its sentence
    subject = None
    # The sentence before, or the last one before it with a subject ("Karwan Aziz, lui,
    # est de l'autre côté. Joint par messagerie, ce Kurde irakien dit être coincé. «…»"),
    # a few sentences back at most and never across one that quotes someone.
    for _ in range(_SUBJECT_SENTENCES_BACK):
        previous = sentences.start(quote.line_start, max(quote.line_start, start - 1))
        if previous >= start or context.quoted.overlaps(previous, start):
            return None
        subject = first_subject(context.index, previous, start, context.quoted)
        if subject is not None:
            break
        start = previous
    if subject is None or subject.speaker_kind != "person":
        return None
    mention = _resolve(subject, context.timeline, quote.open_at)
    return Attribution(mention=mention, cue=None, rule="context") if mention and mention.name else None


_OPENING_MARKS = ("«", "“", '"', "‘", "„")
# How many lines back an interview's introduction may name the interviewee ("Trois
# questions à X" then "Chercheuse à l'institut …").
_INTERVIEW_INTRO_LINES = 2
# How many lines of questions and answers an interview may run to.
_INTERVIEW_MAX_LINES = 80


def _interview_answer(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """
    Rule 3b: an answer in a question-and-answer interview speaks for the interviewee.

    The quote opens its line, and the line before is a question ("Kirkenes est-elle
    menacée ?"). The interviewee is the last person named in the introduction: the
    lines before the first question of the exchange ("Trois questions à X").
    """
    raw, line_starts = context.raw, context.timeline.line_starts
    if raw[quote.line_start:quote.open_at].strip():
        return None
    line = bisect.bisect_right(line_starts, quote.line_start) - 1
    if not raw[quote.close_at + 1:quote.line_end].strip() and line + 1 < len(line_starts):
        # A heading that is only a quote, over "Trois questions à X" / "Entretien avec X":
        # the interview's title, in the interviewee's words.
        following = line_starts[line + 1]
        if _INTERVIEW_INTRO.match(raw, following):
            intro_end = raw.find("\n", following)
            named = [m for m in context.index.between(following, len(raw) if intro_end < 0 else intro_end)
                     if m.kind == "name" and m.name and m.speaker_kind == "person"]
            if named:
                return Attribution(mention=named[0], cue=None, rule="interview")
    if line < 1 or not _line_text(raw, line_starts[line - 1]).endswith("?"):
        return None
    # Back over the exchange: questions, and answers that are only a quote.
    line -= 1
    first_question = line
    # Bounded, so that a text of thousands of questions stays linear.
    while line > 0 and first_question - line < _INTERVIEW_MAX_LINES:
        previous = _line_text(raw, line_starts[line - 1])
        if not (previous.endswith("?") or previous.startswith(_OPENING_MARKS)):
            break
        line -= 1
    first_intro = max(0, line - _INTERVIEW_INTRO_LINES)
    intro_start, intro_end = line_starts[first_intro], line_starts[line]
    named = [m for m in context.index.between(intro_start, intro_end)
             if m.kind == "name" and m.name and m.speaker_kind == "person" and not context.quoted.contains(m.start)]
    return Attribution(mention=named[-1], cue=None, rule="interview") if named else None


# The line that opens an interview: "Trois questions à X", "Entretien avec X".
_INTERVIEW_INTRO = re.compile(
    r"[\s\u00a0\u202f]*(?:(?:deux|trois|quatre|cinq|six|\d)\s+questions\s+à|entretien\s+avec|interview\s+(?:avec|with)"
    r"|rencontre\s+avec|questions\s+to)\s", re.IGNORECASE)


def _line_text(raw: str, start: int) -> str:
    """The stripped text of the line starting at ``start``."""
    end = raw.find("\n", start)
    return raw[start:end if end >= 0 else len(raw)].strip()


def _continuation(
    raw: str,
    quote: QuoteCandidate,
    prior: QuoteCandidate | None,
    prior_result: Attribution | None,
    line_starts: Sequence[int],
) -> Attribution | None:
    """Rule 3: a quote that goes on from the previous one (same line, or the next line)."""
    if prior is None or prior_result is None or prior_result.mention is None:
        return None
    same_line = prior.line_start == quote.line_start
    starts_line = last_char(raw, quote.line_start, quote.open_at) == ""
    # The next body line, not one further down: a paragraph between may name someone else.
    next_line = (bisect.bisect_right(line_starts, quote.line_start) - bisect.bisect_right(line_starts, prior.line_start)
                 <= 1)
    if same_line or (starts_line and next_line and not _long_tail(raw, prior.close_at + 1, prior.line_end)):
        return Attribution(mention=prior_result.mention, cue=None, rule="continuation")
    return None


def _paragraph_context(context: _Context, quote: QuoteCandidate) -> Attribution | None:
    """
    Rule 4: a quote opening its line speaks for the last person who spoke; a quote
    opening a later sentence of a paragraph, for the last one who spoke in that paragraph
    ("Pour X, chercheur, la situation est grave. « ... »").
    """
    before = last_char(context.raw, quote.line_start, quote.open_at)
    if not before:
        last = context.timeline.last(quote.open_at)
        return Attribution(mention=last, cue=None, rule="context") if last else None
    if before in ".!?":
        for position, mention in reversed(context.timeline.entries):
            if position < quote.line_start:
                break
            if position < quote.open_at:
                return Attribution(mention=mention, cue=None, rule="context")
    return None


def _reopened_paragraphs(raw: str, quotes: Sequence[QuoteCandidate], results: list[Attribution]) -> None:
    """
    French typography reopens « at each paragraph of a long quote and attributes it at
    the end: an unclosed quote followed by a line that opens with a quote takes that
    quote's speaker when its own came only from context.
    """
    for position in range(len(quotes) - 2, -1, -1):
        quote, following = quotes[position], quotes[position + 1]
        if quote.closed or results[position].rule not in ("context", "none", "continuation"):
            continue
        if following.line_start <= quote.line_start or last_char(raw, following.line_start, following.open_at):
            continue
        if results[position + 1].mention is not None and results[position + 1].rule in ("after", "before"):
            results[position] = Attribution(mention=results[position + 1].mention, cue=None, rule="continuation")
