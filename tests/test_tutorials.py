"""
The tutorial notebooks run top to bottom in a fresh kernel, and are committed clean.

Each notebook in ``tutorials/`` is executed with nbclient (kernel ``python3``, the
tutorials folder as working directory, ``MPLBACKEND=Agg``); any cell error fails its test.
Running them from pytest keeps the README's single ``python -m pytest`` command covering
the tutorials.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

TUTORIALS = Path(__file__).resolve().parents[1] / "tutorials"
NOTEBOOKS = sorted(TUTORIALS.glob("*.ipynb"))
TIMEOUT = 120  # seconds per cell
KEPT_METADATA = {"kernelspec", "language_info"}
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def test_the_tutorials_are_there() -> None:
    """The getting-started notebook, one per seed article, own articles and cross-article."""
    names = [path.name for path in NOTEBOOKS]
    assert len(NOTEBOOKS) >= 8, f"expected at least 8 notebooks in {TUTORIALS}, found {names}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_notebook_runs(path: Path) -> None:
    """Every cell of the notebook runs without error in a fresh kernel."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=TIMEOUT,
        resources={"metadata": {"path": str(TUTORIALS)}},
    )
    env = {**os.environ, "MPLBACKEND": "Agg"}
    try:
        client.execute(cwd=str(TUTORIALS), env=env)
    except CellExecutionError as error:
        message = ANSI_COLOUR.sub("", str(error))
        pytest.fail(f"{path.name}: a cell failed\n{message}", pytrace=False)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_notebook_is_committed_clean(path: Path) -> None:
    """No stored outputs or execution counts, and no metadata beyond the kernel's name."""
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.get("kernelspec", {}).get("name") == "python3"
    assert set(notebook.metadata) <= KEPT_METADATA, f"{path.name}: extra metadata {set(notebook.metadata) - KEPT_METADATA}"
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type == "code":
            assert not cell.outputs, f"{path.name}: cell {number} has stored outputs; clear them"
            assert cell.execution_count is None, f"{path.name}: cell {number} has an execution count"
        assert not cell.metadata, f"{path.name}: cell {number} has metadata {dict(cell.metadata)}"
