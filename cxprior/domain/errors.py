"""Named failures. Every one carries a message meant for the user, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass

from cxprior.i18n import format_money, tr


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a workbook, located the way Excel users locate things.

    `row` is Excel's row number (header = row 1); None when the problem is about a whole
    sheet or column. `column` is the header as the user wrote it, or "" for a sheet.
    """

    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = [self.sheet or "workbook"]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(self.column)
        return f"{', '.join(where)}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


class CxpriorError(Exception):
    """Base of every error the user can cause; `message` is safe to show as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WorkbookError(CxpriorError):
    """The workbook cannot be used; `problems` lists every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], message: str | None = None) -> None:
        self.problems = tuple(problems)
        if message is None:
            count = len(self.problems)
            message = f"The workbook has {count} problem{'s' if count != 1 else ''}."
        super().__init__(message)


class UnsafeFileError(WorkbookError):
    """The file was refused before parsing (not an xlsx, too large, a zip bomb, …)."""

    def __init__(self, message: str) -> None:
        super().__init__([Problem("", None, "", message)], message)


class ScenarioError(CxpriorError):
    """The scenario asks for something that does not exist (unknown id, bad number)."""


class NegativeBudgetError(ScenarioError):
    """A budget cap below zero (or not a number): refused when the scenario is made, so no
    path (form, command line, stored scenario, code) can quietly solve it as zero."""

    def __init__(self, period: str, amount: object, *, is_total: bool) -> None:
        self.period = period
        self.amount = amount
        self.is_total = is_total
        super().__init__(self.in_language("en"))

    def in_language(self, lang: str) -> str:
        budget = (
            tr("opt.total_budget", lang)
            if self.is_total
            else tr("opt.period_budget", lang, period=self.period)
        )
        amount = self.amount
        shown = (
            format_money(amount, lang)
            if isinstance(amount, int | float) and amount == amount
            else str(amount)
        )
        return tr("opt.scenario.negative_budget", lang, budget=budget, amount=shown)


class InfeasibleScenario(CxpriorError):
    """No portfolio satisfies the scenario; `explanation` says which constraints conflict."""

    def __init__(self, explanation: list[str] | tuple[str, ...]) -> None:
        self.explanation = tuple(explanation)
        super().__init__(" ".join(self.explanation) or "No portfolio satisfies this scenario.")


class SolverError(CxpriorError):
    """The solver failed for a reason other than infeasibility (not installed, crashed)."""
