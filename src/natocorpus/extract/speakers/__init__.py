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

The package's modules, each with one job, in the order data flows through them:

- ``registry``: what the people registry says of a name or an office;
- ``words``: the word lists and phrase patterns the finders share;
- ``mention``: the :class:`Mention` record;
- ``subject``: whether a mention stands where a sentence's subject stands;
- ``names``: runs of capitalised words and the person each names;
- ``anaphors``: pronouns and demonyms standing for a person named elsewhere;
- ``titles``: offices named in the text, with the body they belong to;
- ``appositions``: the name a title stands beside;
- ``holders``: who a title names (resolving titles);
- ``organisations`` and ``documents``: the bodies that speak, and their texts;
- ``find``: :func:`find_mentions`, which runs the finders in order and resolves.
"""

from __future__ import annotations

from natocorpus.extract.speakers.find import find_mentions
from natocorpus.extract.speakers.holders import is_former_title
from natocorpus.extract.speakers.mention import Mention, ResolvedMentions, mention_prefix
from natocorpus.extract.speakers.registry import (
    left_office_before,
    nationalities,
    offices_held,
    registry_gender,
    registry_holder,
    registry_predecessor,
)

# find_mentions for the pipeline, and the helpers attribution.py imports from here.
__all__ = [
    "Mention",
    "ResolvedMentions",
    "find_mentions",
    "is_former_title",
    "left_office_before",
    "mention_prefix",
    "nationalities",
    "offices_held",
    "registry_gender",
    "registry_holder",
    "registry_predecessor",
]

# The records keep showing (and pickling) as natocorpus.extract.speakers.Mention, the
# name they had before speakers became a package.
Mention.__module__ = ResolvedMentions.__module__ = __name__
