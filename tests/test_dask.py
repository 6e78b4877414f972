"""
Extraction on a Dask cluster (two local worker processes, no network beyond localhost):
the Parquet tables it writes load back into the corpus a single process would build.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import natocorpus
from natocorpus import Corpus
from natocorpus.export import extract_to_parquet_dask, read_parquet

pytest.importorskip("dask.bag")
pytest.importorskip("pyarrow")
distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
SEED_PATHS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(name="client", scope="module")
def fixture_client() -> Iterator[Any]:
    """A LocalCluster of two worker processes with one thread each, and its client."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, host="127.0.0.1")
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(name="folder", scope="module")
def fixture_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds copied four times under different names (20 articles)."""
    folder = tmp_path_factory.mktemp("articles")
    for copy in range(4):
        for path in SEED_PATHS:
            shutil.copy(path, folder / f"copy{copy}_{path.name}")
    return folder


class TestDask:
    def test_tables_load_back_into_the_same_corpus(self, client: Any, folder: Path, tmp_path: Path) -> None:
        """Two workers, four partitions: the tables read back equal Corpus.from_dir."""
        assert 2 == len(client.scheduler_info()["workers"])
        counts = extract_to_parquet_dask(folder, tmp_path / "out", npartitions=4)
        assert {"articles": 20, "skipped": 0} == counts
        assert 4 == len(list((tmp_path / "out" / "quotes").glob("*.parquet")))
        back = read_parquet(tmp_path / "out")
        expected = Corpus.from_dir(folder)
        assert expected == back
        assert expected.speakers == back.speakers
        assert [(q.article_id, q.start, q.end) for q in expected.quotes] == \
            [(q.article_id, q.start, q.end) for q in back.quotes]

    def test_work_is_spread_over_both_workers(self, client: Any, folder: Path, tmp_path: Path) -> None:
        """Both worker processes run extraction tasks."""
        with distributed.get_task_stream(client=client) as stream:
            extract_to_parquet_dask(folder, tmp_path / "out", npartitions=8)
        keys = [str(task["key"]) for task in stream.data]
        workers = {task["worker"] for task in stream.data}
        assert 2 == len(workers), keys

    def test_bad_file_is_skipped_and_recorded(self, client: Any, folder: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
        """on_error='skip': the bad file goes to the skipped table and to stderr."""
        mixed = tmp_path / "in"
        shutil.copytree(folder, mixed)
        bad = mixed / "zz_latin.txt"
        bad.write_bytes("Défense".encode("latin-1"))
        counts = extract_to_parquet_dask(mixed, tmp_path / "out", npartitions=3, on_error="skip")
        assert {"articles": 20, "skipped": 1} == counts
        back = read_parquet(tmp_path / "out")
        assert [str(bad)] == [s.path for s in back.skipped]
        assert f"natocorpus: skipped {bad}: line 1, column 2" in capsys.readouterr().err
        assert Corpus.from_dir(mixed, on_error="skip") == back

    def test_bad_file_raises_on_the_client(self, client: Any, folder: Path, tmp_path: Path) -> None:
        """on_error='raise': the worker's ArticleDecodeError reaches the caller."""
        mixed = tmp_path / "in"
        shutil.copytree(folder, mixed)
        bad = mixed / "zz_latin.txt"
        bad.write_bytes("Défense".encode("latin-1"))
        with pytest.raises(natocorpus.ArticleDecodeError, match=re.escape(f"{bad}: line 1, column 2")):
            extract_to_parquet_dask(mixed, tmp_path / "out", npartitions=3)

    def test_duplicate_ids_fail_before_any_work(self, client: Any, folder: Path, tmp_path: Path) -> None:
        """Two files with one id are refused before the cluster is used."""
        other = tmp_path / "other"
        other.mkdir()
        shutil.copy(SEED_PATHS[0], other / f"copy0_{SEED_PATHS[0].name}")
        with pytest.raises(natocorpus.DuplicateArticleError):
            extract_to_parquet_dask([folder, other], tmp_path / "out")
        assert not (tmp_path / "out").exists()


class TestRecipe:
    def test_recipe_script(self, client: Any, folder: Path, tmp_path: Path) -> None:
        """benchmarks/dask_recipe.py runs against a scheduler and analyses the tables with dask.dataframe."""
        spec = importlib.util.spec_from_file_location("dask_recipe", ROOT / "benchmarks" / "dask_recipe.py")
        assert spec is not None and spec.loader is not None
        recipe = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(recipe)
        result = recipe.run([folder], tmp_path / "out", scheduler=client.scheduler.address, npartitions=2)
        corpus = Corpus.from_parquet(tmp_path / "out")
        assert 20 == result["articles"] == len(corpus)
        expected = {name: int(count) for name, count in
                    corpus.get_quotes_dataframe().dropna(subset=["speaker"]).groupby("speaker").size().items()}
        assert expected == {name: int(count) for name, count in result["quotes_per_speaker"].items()}
