"""`python -m cxprior …` — see cxprior.cli.entry."""

from cxprior.cli import main

raise SystemExit(main())
