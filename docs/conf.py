"""
Sphinx configuration of the natocorpus documentation.

Build (warnings are errors, every reference checked)::

    python -m sphinx -W --keep-going -n -b html docs docs/_build/html

The build needs no network. Intersphinx links to the Python, pandas and matplotlib docs
are added only when docs.python.org answers within two seconds (set
``NATOCORPUS_DOCS_OFFLINE=1`` to skip the check); offline, references to those external
types are rendered as plain text instead of failing the nitpicky build.

The tutorials are the notebooks of ``tutorials/`` at the top of the repository. Sphinx
only reads inside ``docs/``, so each build copies them into ``docs/tutorials/`` (git
ignored), where myst-nb executes them.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _distribution_version
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent

# Figures are drawn without a display; the notebook kernels inherit this variable.
os.environ["MPLBACKEND"] = "Agg"

try:
    import natocorpus  # noqa: F401 - installed (pip install ".[docs]")
except ImportError:  # a bare source checkout: document the sources in src/
    sys.path.insert(0, str(ROOT / "src"))

# -- Project -------------------------------------------------------------------------------

project = "natocorpus"
author = "natocorpus developers"
copyright = "natocorpus developers"  # noqa: A001 - the name Sphinx reads
try:
    release = _distribution_version("natocorpus")
except PackageNotFoundError:
    release = "0.0.0"
version = ".".join(release.split(".")[:2])

# -- General -------------------------------------------------------------------------------

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
    "myst_nb",  # MyST markdown pages and Jupyter notebooks (provides myst_parser)
]

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
templates_path = ["_templates"]
exclude_patterns = [
    "_build",
    "jupyter_execute",
    "**.ipynb_checkpoints",
    # Inside the copied tutorials only the notebooks are pages; anything else (data
    # folders, a README) is material the notebooks read.
    "tutorials/*/**",
    "tutorials/**.md",
    "tutorials/**.rst",
]
language = "en"
nitpicky = True

# -- autodoc, autosummary, napoleon --------------------------------------------------------

autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_class_signature = "mixed"
autodoc_typehints_description_target = "documented_params"
autosummary_generate = True
autosummary_ignore_module_all = False
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_admonition_for_examples = False
napoleon_attr_annotations = True

# -- doctest (python -m sphinx -b doctest docs docs/_build/doctest) -------------------------

# Docstring examples use the names of their own module, as pytest's doctests do.
doctest_global_setup = """
import natocorpus
from natocorpus import *
from natocorpus.export import *
from natocorpus.io import *
from natocorpus.plot import *
from natocorpus.tables import *
"""

# -- MyST and notebooks --------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
nb_execution_mode = "force"
nb_execution_timeout = 120
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True

TUTORIALS_SOURCE = ROOT / "tutorials"
TUTORIALS_COPY = DOCS / "tutorials"


def _copy_tutorials() -> int:
    """Copy the notebooks (and the data folders they read) into docs/tutorials/."""
    if TUTORIALS_COPY.exists():
        shutil.rmtree(TUTORIALS_COPY)
    if TUTORIALS_SOURCE.is_dir():
        shutil.copytree(
            TUTORIALS_SOURCE,
            TUTORIALS_COPY,
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc"),
        )
    else:
        TUTORIALS_COPY.mkdir()
    return len(list(TUTORIALS_COPY.glob("*.ipynb")))


TUTORIAL_COUNT = _copy_tutorials()


def _no_tutorials_yet(app, docname, source):  # type: ignore[no-untyped-def]
    """Without any notebook, replace the (empty, hence warning) glob toctree by a note."""
    if docname == "tutorials" and TUTORIAL_COUNT == 0:
        import re

        note = "*No notebook in `tutorials/` yet.*"
        source[0] = re.sub(r"```\{toctree\}.*?```", note, source[0], flags=re.DOTALL)

# -- Intersphinx, only with a network --------------------------------------------------------


def _online(host: str = "docs.python.org", port: int = 443, timeout: float = 2.0) -> bool:
    if os.environ.get("NATOCORPUS_DOCS_OFFLINE"):
        return False
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


ONLINE = _online()
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
intersphinx_timeout = 10
if ONLINE:
    intersphinx_mapping = {
        "python": ("https://docs.python.org/3", None),
        "pandas": ("https://pandas.pydata.org/docs", None),
        "matplotlib": ("https://matplotlib.org/stable", None),
    }

# References no configured inventory covers, online or not: optional dependencies, attrs.
nitpick_ignore_regex = [
    (r"py:.*", r"(pyarrow|pa|pafs|dask|distributed|numpy|np|attrs?)(\.[\w.]+)?"),
]
if not ONLINE:
    # Offline, types from Python, pandas and matplotlib cannot be linked: they are shown as
    # plain text. (Built-in types such as str, int or KeyError never warn.)
    nitpick_ignore_regex += [
        (r"py:.*", r"(datetime|dt|pathlib|os|collections\.abc|typing|re|io)\.\w+"),
        (r"py:.*", r"(pandas|pd|matplotlib)(\.[\w.]+)?"),
        (r"py:.*", r"(Axes|Figure|DataFrame|Path)"),
    ]

# -- Cross-references: public names and shorthand ------------------------------------------

# Names that annotations use under ``if TYPE_CHECKING:`` imports or module aliases, and the
# full names the inventories of Python, pandas and matplotlib know them by.
EXTERNAL_ALIASES = {
    "dt": "datetime",
    "pd": "pandas",
    "np": "numpy",
    "Axes": "matplotlib.axes.Axes",
    "Figure": "matplotlib.figure.Figure",
    "DataFrame": "pandas.DataFrame",
    "Path": "pathlib.Path",
}


def _full_external_name(app, env, node, contnode):  # type: ignore[no-untyped-def]
    """Rewrite ``dt.date``, ``pd.DataFrame``, ``Axes``... to their full names, for intersphinx."""
    if node.get("refdomain") != "py":
        return None
    head, dot, rest = node.get("reftarget", "").partition(".")
    if head in EXTERNAL_ALIASES:
        node["reftarget"] = EXTERNAL_ALIASES[head] + dot + rest
    return None  # let intersphinx (or the nitpick list) deal with the full name


def _public_alias(app, env, node, contnode):  # type: ignore[no-untyped-def]
    """
    Resolve ``natocorpus.<module>.<Name>`` to ``natocorpus.<Name>``.

    The public classes and functions are documented where users import them, at the top
    level; docstrings and annotations sometimes name them by the module that defines them
    (``natocorpus.records.Article``, ``natocorpus.io.SkippedFile``).
    """
    if node.get("refdomain") != "py":
        return None
    parts = node.get("reftarget", "").split(".")
    if parts[0] != "natocorpus":
        return None
    import natocorpus

    for position in range(2, len(parts)):
        if parts[position] in natocorpus.__all__:
            public = ".".join(["natocorpus", *parts[position:]])
            return env.get_domain("py").resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], public, node, contnode
            )
    return None


def _no_inline_type(app, what, name, obj, options, lines):  # type: ignore[no-untyped-def]
    """
    Keep napoleon from reading a property's first words as a type.

    Napoleon takes ``"Text: more text"`` on the first line of a property docstring as
    ``type: description``. Types live in the annotations here, so the docstring is prose:
    an empty type before a leading colon tells napoleon so.
    """
    if what == "property" and lines and ":" in lines[0]:
        lines[0] = ": " + lines[0]


def _check_api_complete(app):  # type: ignore[no-untyped-def]
    """Warn (an error with -W) when a name of ``natocorpus.__all__`` is missing from api.rst."""
    import re

    import natocorpus
    from sphinx.util import logging

    entry = re.compile(r"^ {3}(?:~?natocorpus\.)?(\w+)\s*$", re.MULTILINE)
    listed = set(entry.findall((DOCS / "api.rst").read_text(encoding="utf-8")))
    missing = sorted(set(natocorpus.__all__) - listed)
    if missing:
        logging.getLogger(__name__).warning(
            "api.rst does not list these public names of natocorpus.__all__: %s; add them to "
            "an autosummary table", ", ".join(missing), location="api",
        )


def _drop_object_base(app, name, obj, options, bases):  # type: ignore[no-untyped-def]
    """Leave out "Bases: object", which says nothing, and private helper bases."""
    if list(bases) == [object]:
        bases.clear()
    # Line and Quote share a private mixin (their text is a slice of the article): an
    # implementation detail, not part of the API.
    bases[:] = [base for base in bases if not getattr(base, "__name__", "").startswith("_")]


def setup(app):  # type: ignore[no-untyped-def]
    app.connect("builder-inited", _check_api_complete)
    app.connect("source-read", _no_tutorials_yet)
    app.connect("autodoc-process-bases", _drop_object_base)
    app.connect("missing-reference", _full_external_name, priority=100)
    app.connect("missing-reference", _public_alias)
    app.connect("autodoc-process-docstring", _no_inline_type, priority=100)


# -- HTML ------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"natocorpus {release}"
html_static_path: list[str] = []
