"""`python -m cxprior …` — see cxprior.cli."""

from cxprior.cli import main

raise SystemExit(main())
