"""Shared fixtures: the bundled corpus, its gold, and a folder of test articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import natocorpus

TESTS = Path(__file__).parent
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"
UNSEEN = TESTS / "data" / "unseen"


@pytest.fixture(name="corpus", scope="session")
def fixture_corpus() -> natocorpus.Corpus:
    """The bundled corpus, extracted once per test session."""
    return natocorpus.load()


@pytest.fixture(name="gold", scope="session")
def fixture_gold() -> list[dict]:
    """The gold annotations of the seeds."""
    return json.loads((SEEDS / "annotations.json").read_text(encoding="utf-8"))


@pytest.fixture(name="gold_by_id", scope="session")
def fixture_gold_by_id(gold: list[dict]) -> dict[str, dict]:
    """The seeds' gold annotations by article id."""
    return {entry["id"]: entry for entry in gold}


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace: dict) -> None:
    doctest_namespace["natocorpus"] = natocorpus
