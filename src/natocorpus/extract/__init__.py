"""
The extraction engine: one article's text in, one :class:`~natocorpus.Article` out.

Extraction is a pure function of the text and the shipped data files: no corpus, no
pandas, no plotting inside. That makes it testable, parallel and easy to reason about.
"""

from natocorpus.extract.pipeline import extract_article

__all__ = ["extract_article"]
