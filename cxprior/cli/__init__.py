"""The command line, `python -m cxprior COMMAND …` (docs/command-line.md).

One module per family of commands; each command maps errors to one-line messages and to the
exit codes of the contract (0 success, 1 invalid input, 2 infeasible).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxprior.lazy import lazy_face

# what readers, type checkers and import-linter see; at run time a name loads on first use
if TYPE_CHECKING:
    from cxprior.cli.entry import main
    from cxprior.cli.workbook import format_problem

__all__ = ["format_problem", "main"]

__getattr__, __dir__ = lazy_face(__name__)
