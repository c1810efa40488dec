"""The per-column rules (required, unique, ranges, allowed words) run on numpy arrays, declared
once in cxprior.workbook.tables (`RULES`, `SHEET_RULES`, `UNIQUE`, `column_rules`). pandera
is the declaration's reference: this test translates the same catalog into a pandera
`DataFrameSchema` and checks, on random small sheets, that both report exactly the same
cells with the same messages, in the same order (a cell is reported once: its first problem).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pandera.pandas as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandera.errors import SchemaErrors

from cxprior.workbook import contract
from cxprior.workbook.contract import SheetSpec
from cxprior.workbook.tables import RULES, RawSheet, Table, build_table, check_columns, column_rules, show

SPECS = (*contract.SHEETS, *contract.FOLLOWUP_SHEETS, contract.WEIGHTS)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- the reference: the same catalog read by pandera ------------------------------------------


def _pandera_check(name: str) -> pa.Check:
    rule = RULES[name]

    def passes(series: pd.Series) -> pd.Series:
        cells = series.to_numpy(dtype=float) if series.dtype == float else series.tolist()
        return pd.Series(rule.passes(cells), index=series.index)

    return pa.Check(passes, name=rule.message, ignore_na=True)


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """The table's `column_rules` as a pandera schema (repeats reported after the first)."""
    columns = {
        column.key: pa.Column(
            None,
            nullable=not column.required,
            unique=column.unique,
            report_duplicates="exclude_first",
            checks=[_pandera_check(name) for name in column.rules],
        )
        for column in column_rules(table)
    }
    return pa.DataFrameSchema(columns, strict=False)


def report_as_pandera_does(table: Table) -> None:
    """Every cell pandera's lazy validation fails, reported on `table` like the numpy rules."""
    index = pd.Index(table.rows, dtype="int64")
    frame = pd.DataFrame(
        {
            key: pd.Series(values, index=index, dtype=float if isinstance(values, np.ndarray) else object)
            for key, values in table.columns.items()
        },
        index=index,
    )
    try:
        pandera_schema(table).validate(frame, lazy=True)
    except SchemaErrors as errors:
        failures = errors.failure_cases[["column", "check", "failure_case", "index"]]
    else:
        return
    for column, check, value, row in failures.itertuples(index=False):
        row = int(row)
        if not table.ok(row, column):
            continue
        if check == "not_nullable":
            table.add(row, column, "wb.required", column=table.column_name(column))
        elif check == "field_uniqueness":
            first = frame.index[frame[column].to_numpy() == value][0]
            table.add(row, column, "wb.duplicate_id", value=show(value), first=int(first))
        else:
            table.add(row, column, str(check), value=show(value))


# --- random sheets -------------------------------------------------------------------------------

NUMBER_CELLS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=32),
    st.integers(-3, 3),
    st.sampled_from([0.0, 1.0, -1.0, 0.5, 1.5, 1e-9, math.nan, None, "", "  ", "12,5", "80 %", "abc", True]),
)
WORD_CELLS = st.sampled_from(
    [
        *("increase", "Baisse", "hausse ", "up", "customer", "internal", "client", "interne", "side"),
        *("yes", "Non", "vrai", "0", "maybe", "customer_understanding", "design_improvement", "design"),
        *(None, "", "  ", True, False, 1.0),
    ]
)
ID_CELLS = st.sampled_from(["A", "B", "a", "A ", "2026", "total", None, "", "  ", 2026.0, "C; A", "A,B"])


def _cells(spec: SheetSpec, key: str) -> st.SearchStrategy:
    if key.startswith(("cost:", "spent:")):
        return NUMBER_CELLS
    column = spec.column(key)
    if column.kind == "number":
        return NUMBER_CELLS
    if column.kind == "yesno" or key in {"direction", "side", "competency"}:
        return WORD_CELLS
    return ID_CELLS


@st.composite
def sheets(draw: st.DrawFn) -> tuple[SheetSpec, RawSheet, str]:
    """A sheet of one of the contract's specs: some of its columns, a few period columns, up
    to eight rows of numbers (NaN, negative, out of range, text), words, repeated ids, blanks;
    and the language of its messages."""
    spec = draw(st.sampled_from(SPECS))
    keys = draw(st.lists(st.sampled_from([c.key for c in spec.columns]), min_size=1, unique=True))
    headers = dict(enumerate(keys, start=1))
    prefix = {"Initiatives": "cost", "Progress": "spent"}.get(spec.key)
    if prefix:
        for period in draw(st.lists(st.sampled_from(["2026", "2027"]), max_size=2, unique=True)):
            headers[len(headers) + 1] = f"{prefix}_{period}"
    size = draw(st.integers(0, 8))
    rows = list(range(2, 2 + size))
    values = {}
    for position, header in headers.items():
        key = header if position <= len(keys) else f"{prefix}:{header.split('_', 1)[1]}"
        values[position] = draw(st.lists(_cells(spec, key), min_size=size, max_size=size))
    return spec, RawSheet(spec.key, headers, rows, values), draw(st.sampled_from(["en", "fr"]))


# --- the properties ----------------------------------------------------------------------------


@SETTINGS
@given(sheets())
def test_the_numpy_rules_report_exactly_the_cells_a_pandera_schema_of_the_same_catalog_reports(sheet):
    spec, raw, lang = sheet
    ours, reference = build_table(spec, raw, lang), build_table(spec, raw, lang)
    check_columns(ours)
    report_as_pandera_does(reference)
    assert ours.problems == reference.problems
    assert ours.failed == reference.failed


# --- a few cases worked by hand ------------------------------------------------------------------


def _goals(ids: list[object], weights: list[object]) -> Table:
    raw = RawSheet("Goals", {1: "goal_id", 2: "name", 3: "weight"}, list(range(2, 2 + len(ids))))
    raw.values = {1: ids, 2: ["n"] * len(ids), 3: weights}
    table = build_table(contract.GOALS, raw, "en")
    check_columns(table)
    return table


def test_each_repeat_of_an_id_is_reported_with_the_row_of_its_first_use():
    table = _goals(["G1", "G2", "G1", "G1"], [1.0, 1.0, 1.0, 1.0])
    assert [(p.row, p.column) for p in table.problems] == [(4, "goal_id"), (5, "goal_id")]
    assert all("row 2" in p.message for p in table.problems)


def test_an_empty_required_cell_is_reported_once_and_empty_ids_are_not_repeats():
    table = _goals([None, "G1", None], [None, -2.0, 3.0])
    assert [(p.row, p.column) for p in table.problems] == [
        (2, "goal_id"),
        (4, "goal_id"),
        (2, "weight"),
        (3, "weight"),
    ]
    assert "-2" in table.problems[-1].message


def test_a_cell_already_refused_while_converting_is_not_reported_again():
    table = _goals(["G1"], ["abc"])
    assert len(table.problems) == 1
