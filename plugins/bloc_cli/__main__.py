"""`python -m bloc_cli` runs the `bloc` command."""

from .main import main

raise SystemExit(main())
