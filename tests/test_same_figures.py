"""The same portfolio gives the same figures wherever a committee reads them: the Scenario
page, the Customer journey page, the COMEX review page (another person's session, reading
the stored scenario), the Excel pack, the PDF pack and `optimize --json`.

Each workspace is solved under its own Budget sheet in the app and on the command line. The
command line's JSON is the reference: every other place must show its value, cost, count and
cost per period, written the way that place writes numbers, and the pages and packs that
show focus (phases touched, share of the top phase) must agree among themselves."""

from __future__ import annotations

import io
import json
import re

import pytest
from app_helpers import open_page, shown, start, upload
from openpyxl import load_workbook
from pypdf import PdfReader

from cxprior.cli import main
from cxprior.domain import synthetic_workspace
from cxprior.i18n import format_money, format_number
from cxprior.workbook import write_workspace
from ui import pack

SAMPLE = "sample_data/cx_workspace_fr.xlsx"
CASES = {
    "the bundled sample": None,
    "a synthetic workspace of 30 initiatives": (30, 7),
    "a synthetic workspace of 60 initiatives": (60, 11),
}


def workbook_of(case, tmp_path):
    if CASES[case] is None:
        return SAMPLE, None
    n, seed = CASES[case]
    content = write_workspace(synthetic_workspace(n, seed=seed))
    path = tmp_path / f"synthetic_{n}.xlsx"
    path.write_bytes(content)
    return str(path), content


def json_result(book, tmp_path) -> dict:
    out = tmp_path / "result.json"
    assert main(["optimize", book, "--json", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def pdf_text(content: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def summary_cells(content: bytes) -> dict[str, object]:
    sheet = load_workbook(io.BytesIO(content), read_only=True)["Summary"]
    return {row[0]: row[1] for row in sheet.iter_rows(max_col=2, values_only=True) if row[0]}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(CASES))
def test_every_page_both_packs_and_the_json_give_the_same_figures(case, tmp_path):
    book, content = workbook_of(case, tmp_path)
    expected = json_result(book, tmp_path)
    assert expected["status"] == "optimal"
    value = format_number(expected["objective"], "en", 1)
    cost = format_money(expected["total_cost"], "en")
    count = str(len(expected["selected"]))

    author = start(author="Claire Martin")
    if content is not None:
        upload(open_page(author, "backlog"), "workspace.xlsx", content)
    scenario = open_page(author, "scenario")
    scenario.button(key="scenario_run").click().run()
    on_scenario = metrics(scenario)
    assert on_scenario["Value (points)"] == value
    assert on_scenario["Cost"] == cost
    assert on_scenario["Initiatives funded"] == count
    for period, amount in expected["cost_by_period"].items():
        assert on_scenario[f"Cost {period}"] == format_money(amount, "en")
    phases = on_scenario["Journey phases touched"]
    (focus,) = [m for m in scenario.metric if m.label == "Journey phases touched"]
    top_share = focus.delta

    journey = open_page(author, "journey")
    sentences = " ".join(shown(journey.markdown))
    assert re.search(rf"\b{phases} (journey )?phases?\b", sentences), sentences
    assert top_share.split()[0] in sentences  # the top phase's share of the spend, e.g. "61%"
    # the concentration index, in the Journey's sentence and behind the Scenario's help icon
    index = re.search(r"concentration index (\d\.\d\d)", sentences).group(1)
    assert index in focus.help
    (table,) = [frame for frame in (d.value for d in journey.dataframe) if "Cost funded" in frame]
    # a phase with no initiative funded has no funded cost: no money shown where nothing is funded
    assert (table.loc[table["Funded"] == 0, "Cost funded"] == 0).all()
    assert (table["Funded"] > 0).sum() >= int(phases)

    scenario = open_page(author, "scenario")
    run = scenario.session_state["scenario_runs"][scenario.text_input(key="scenario_name").value]
    scenario.button(key="scenario_save").click().run()
    scenario.button(key="scenario_submit_review").click().run()
    review = open_page(start(author="Marc Durand"), "review")
    on_review = metrics(review)
    for label in ("Value (points)", "Cost", "Initiatives funded", "Journey phases touched"):
        assert on_review[label] == on_scenario[label], label
    for period in expected["cost_by_period"]:
        assert on_review[f"Cost {period}"] == on_scenario[f"Cost {period}"]

    workbook = summary_cells(pack.pack_bytes("xlsx", run.workspace, run.result, key=f"same-{case}"))
    assert workbook["Portfolio value (value points)"] == pytest.approx(expected["objective"])
    assert workbook["Total cost"] == pytest.approx(expected["total_cost"])
    assert workbook["Initiatives funded"] == len(expected["selected"])

    text = pdf_text(pack.pack_bytes("pdf", run.workspace, run.result, key=f"same-{case}"))
    funded = f"Funded: {count} initiatives for {cost}, worth {value} value points."
    assert funded in text, text[:600]
    for period, amount in expected["cost_by_period"].items():
        assert format_money(amount, "en") in text, period
    # page 1's headline (phases, then the top phase's share) and the focus table say the same
    assert re.search(rf"Journey phases {phases} {re.escape(top_share.split()[0])} →", text), text[:900]
    assert f"Journey phases touched {phases} " in text
