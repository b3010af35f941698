"""``python -m careerstats.cli``: the same as the ``careerstats`` command."""

import sys

from . import main

sys.exit(main())
