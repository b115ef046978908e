"""Entry point for ``python -m inspections``."""

import sys

from inspections.cli import main

sys.exit(main())
