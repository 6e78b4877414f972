"""Docstrings: every example runs, the main classes have one, and the public API is documented."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

import natocorpus

OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
MAIN_CLASSES = {
    "Corpus": "natocorpus.corpus",
    "QuoteCollection": "natocorpus.corpus",
    "Article": "natocorpus.records",
    "Quote": "natocorpus.records",
}


def _modules() -> list[str]:
    names = ["natocorpus"]
    for info in pkgutil.walk_packages(natocorpus.__path__, "natocorpus."):
        if info.name.rsplit(".", 1)[-1] == "__main__":
            continue  # importing it runs the command line
        names.append(info.name)
    return names


def _examples(obj: object, globs: dict) -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder()
    return [test for test in finder.find(obj, module=False, globs=globs) if test.examples]


def _public_members(cls: type) -> list[tuple[str, object]]:
    members = []
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, (classmethod, staticmethod)):
            value = value.__func__
        if inspect.isfunction(value) or isinstance(value, property):
            members.append((name, value))
    return members


class TestDoctests:
    @pytest.mark.parametrize("name", _modules())
    def test_module(self, name: str) -> None:
        """The module's doctests pass."""
        module = importlib.import_module(name)
        result = doctest.testmod(module, extraglobs={"natocorpus": natocorpus}, optionflags=OPTIONS, report=True)
        assert 0 == result.failed

    @pytest.mark.parametrize("name", sorted(MAIN_CLASSES))
    def test_main_class_has_example(self, name: str) -> None:
        """Corpus, QuoteCollection, Article and Quote open with an example."""
        cls = getattr(natocorpus, name)
        own = doctest.DocTestParser().get_examples(cls.__doc__ or "")
        assert len(own) >= 1

    @pytest.mark.parametrize("name", sorted(MAIN_CLASSES))
    def test_main_class_examples_run(self, name: str) -> None:
        """The examples of a main class and its methods pass.

        The classes are re-exported with ``__module__ = "natocorpus"``, so ``testmod`` of the
        defining module skips them and ``testmod(natocorpus)`` skips their methods: run them here.
        """
        cls = getattr(natocorpus, name)
        globs = {**vars(importlib.import_module(MAIN_CLASSES[name])), "natocorpus": natocorpus}
        runner = doctest.DocTestRunner(optionflags=OPTIONS)
        tests = _examples(cls, globs)
        for test in tests:
            runner.run(test)
        assert tests
        assert 0 == runner.failures


class TestDocumented:
    @pytest.mark.parametrize("name", natocorpus.__all__)
    def test_public_name(self, name: str) -> None:
        """Every name in natocorpus.__all__ has a docstring."""
        assert (getattr(natocorpus, name).__doc__ or "").strip()

    @pytest.mark.parametrize("name", [n for n in natocorpus.__all__ if inspect.isclass(getattr(natocorpus, n))])
    def test_public_methods(self, name: str) -> None:
        """Every public method and property of a public class has a docstring."""
        cls = getattr(natocorpus, name)
        undocumented = [member for member, value in _public_members(cls) if not (value.__doc__ or "").strip()]
        assert [] == undocumented

    @pytest.mark.parametrize("name", [n for n in natocorpus.__all__ if isinstance(getattr(natocorpus, n), ModuleType)])
    def test_public_module_functions(self, name: str) -> None:
        """Every function a public module exports (plot, tables) has a docstring."""
        module = getattr(natocorpus, name)
        undocumented = [n for n in module.__all__ if not (getattr(module, n).__doc__ or "").strip()]
        assert [] == undocumented
