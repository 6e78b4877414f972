"""``python -m natocorpus``: the command line."""

import sys

from natocorpus.cli import main

sys.exit(main())
