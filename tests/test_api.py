"""The public namespace: __all__, re-exported names, version and typing marker."""

from __future__ import annotations

import inspect
from importlib import metadata, resources

import pytest

import natocorpus

CLASSES = [name for name in natocorpus.__all__ if inspect.isclass(getattr(natocorpus, name, None))]


class TestAll:
    def test_sorted(self) -> None:
        """__all__ is sorted."""
        assert sorted(natocorpus.__all__) == natocorpus.__all__

    def test_unique(self) -> None:
        """__all__ names each object once."""
        assert len(set(natocorpus.__all__)) == len(natocorpus.__all__)

    @pytest.mark.parametrize("name", natocorpus.__all__)
    def test_exists(self, name: str) -> None:
        """Every name in __all__ is importable from natocorpus."""
        assert hasattr(natocorpus, name)

    def test_star_import(self) -> None:
        """`from natocorpus import *` gives exactly __all__."""
        namespace: dict[str, object] = {}
        exec("from natocorpus import *", namespace)  # noqa: S102
        assert set(natocorpus.__all__) == set(namespace) - {"__builtins__"}

    def test_main_names(self) -> None:
        """The names the issue promises are public."""
        expected = {"Corpus", "Article", "Quote", "QuoteCollection", "Speaker", "load", "evaluate", "plot", "tables",
                    "UnknownSpeakerError", "UnknownCountryError", "UnknownArticleError", "GoldFormatError"}
        assert set() == expected - set(natocorpus.__all__)


class TestModuleNames:
    @pytest.mark.parametrize("name", CLASSES)
    def test_classes_show_as_natocorpus(self, name: str) -> None:
        """Public classes have __module__ 'natocorpus'."""
        assert "natocorpus" == getattr(natocorpus, name).__module__

    def test_repr_path(self) -> None:
        """A class prints as natocorpus.Corpus."""
        assert "<class 'natocorpus.Corpus'>" == repr(natocorpus.Corpus)


class TestExceptions:
    @pytest.mark.parametrize(
        ("name", "builtin"),
        [
            ("UnknownSpeakerError", KeyError),
            ("UnknownCountryError", KeyError),
            ("UnknownArticleError", KeyError),
            ("GoldFormatError", ValueError),
            ("EmptyCorpusError", ValueError),
            ("DuplicateArticleError", ValueError),
            ("ArticleReadError", OSError),
            ("ArticleDecodeError", UnicodeError),
        ],
    )
    def test_hierarchy(self, name: str, builtin: type) -> None:
        """Each error derives from NatoCorpusError and the matching built-in."""
        cls = getattr(natocorpus, name)
        assert (True, True) == (issubclass(cls, natocorpus.NatoCorpusError), issubclass(cls, builtin))

    def test_key_errors_read_as_sentences(self) -> None:
        """Key errors print their message unquoted."""
        assert "speaker='x' is unknown" == str(natocorpus.UnknownSpeakerError("speaker='x' is unknown"))


class TestPackaging:
    def test_version_is_a_string(self) -> None:
        """__version__ is a string, the installed distribution's version."""
        assert isinstance(natocorpus.__version__, str)
        assert metadata.version("natocorpus") == natocorpus.__version__

    def test_py_typed_ships(self) -> None:
        """The py.typed marker is in the package."""
        assert resources.files("natocorpus").joinpath("py.typed").is_file()

    def test_typed_classifier(self) -> None:
        """The distribution declares 'Typing :: Typed'."""
        assert "Classifier: Typing :: Typed" in metadata.metadata("natocorpus").as_string()
