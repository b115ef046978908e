"""``python -m bench`` (with scripts/ on the path): what ``make bench`` runs."""

from bench.run import main

raise SystemExit(main())
