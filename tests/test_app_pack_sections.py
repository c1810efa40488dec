"""The COMEX pack downloaded from the review page carries what the store holds for the approved
scenario and its workspace: its latest follow-up (the follow-up page), the workspace's latest
survey analysis (the alignment chart) and the members' own weights (the half page on the
weights). The bytes are built at the click, outside the script run: the test keeps the
buttons' builders and calls them as the browser's click would."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from app_helpers import database_path, failures, open_page, start
from openpyxl import load_workbook
from pypdf import PdfReader
from streamlit.delta_generator import DeltaGenerator
from test_app_followup import FOLLOWUP, approve_the_sample_plan

from cxprior.store import Store, SurveyAnalysis
from cxprior.workbook import read_followup
from ui import pack

WORKSPACE = "cx_workspace_fr"  # the stored workspace the bundled sample starts
# a survey of two phases: "Obtenir de l'aide" explains 0.30 of R², "Souscrire" 0.10, so among
# the phases compared their shares of importance are 0.30 / 0.40 = 75 % and 25 %
SURVEY = {
    "n": 800,
    "dropped": 0,
    "r2": 0.40,
    "drivers": [
        {"name": "Obtenir de l'aide", "importance": 0.30, "share": 0.75, "low": None, "high": None},
        {"name": "Souscrire", "importance": 0.10, "share": 0.25, "low": None, "high": None},
    ],
    "most_significant": "Obtenir de l'aide",
}
for driver, mean in zip(SURVEY["drivers"], (5.1, 7.0), strict=True):
    driver["mean"] = mean
# the sample's goal weights (35, 25, 15, 15, 10 points): two members who weigh exactly so,
# one in points and one in shares, each fund the agreed portfolio
AGREED = {"OBJ-FID": 35.0, "OBJ-COUT": 25.0, "OBJ-VERT": 15.0, "OBJ-ENG": 15.0, "OBJ-CONF": 10.0}
MEMBERS = {"Ana": AGREED, "Bo": {g: w / 100 for g, w in AGREED.items()}}


@pytest.fixture
def builders(monkeypatch):
    """Each download button's `data` (a builder) by its key, as the page last drew it."""
    kept: dict[str, object] = {}
    original = DeltaGenerator.download_button

    def keep(self, label, data=None, *args, **kwargs):
        kept[kwargs.get("key")] = data
        return original(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", keep)
    return kept


@pytest.fixture
def reports(monkeypatch):
    """The ReportData of every pack built, in order."""
    built = []
    original = pack.build_comex_pack

    def build(*args, **kwargs):
        result = original(*args, **kwargs)
        built.append(result.report)
        return result

    monkeypatch.setattr(pack, "build_comex_pack", build)
    pack._packs.clear()  # a pack built by another test must not answer from the cache
    return built


def store_everything(scenario_id: int) -> None:
    """What the Follow-up, Journey and Strategy pages keep: a follow-up, a survey, two members."""
    with Store.open(str(database_path())) as db:
        ws = db.load_workspace(WORKSPACE).workspace
        followup = read_followup(FOLLOWUP.read_bytes(), ws).followup
        db.save_followup(scenario_id, followup, "Claire", source=FOLLOWUP.name)
        survey = SurveyAnalysis(
            source="enquete.csv",
            respondents=800,
            columns=("recommandation", "Obtenir de l'aide", "Souscrire"),
            outcome="recommandation",
            drivers=("Obtenir de l'aide", "Souscrire"),
            segment=None,
            n=800,
            dropped=0,
            r2=0.40,
            most_significant="Obtenir de l'aide",
            analysis=json.dumps(SURVEY),
        )
        db.save_survey_analysis(survey, "Claire", workspace_name=WORKSPACE)
        for member, weights in MEMBERS.items():
            db.save_member_weights(WORKSPACE, member, weights)


def review_page():
    start()  # the first session saves the sample workspace
    scenario_id = approve_the_sample_plan()
    store_everything(scenario_id)
    at = open_page(start(author="Marc Durand"), "review")
    assert failures(at) == []
    return at


def test_the_review_pack_has_the_follow_up_the_alignment_and_the_weights(builders, reports):
    review_page()
    book = load_workbook(io.BytesIO(builders["review_pack_xlsx"]()))
    assert {"Follow-up", "Listening", "Weights"} <= set(book.sheetnames)
    report = reports[-1]
    # the follow-up: the sample's HEL-08, €299,000 spent against its €260,000 profile
    over = {i.initiative_id: i.overrun for i in report.tracking.late_or_over}
    assert over["HEL-08"] == pytest.approx(39_000.0)
    # the alignment from the stored survey: 75 % and 25 % of the importance
    shares = {p.phase: p.importance_share for p in report.alignment.alignment.phases}
    assert shares == pytest.approx({"Obtenir de l'aide": 0.75, "Souscrire": 0.25})
    # both members weigh like the workspace: their portfolios are the agreed one, nothing disputed
    funded = sorted(line.initiative_id for line in report.funded)
    assert sorted(report.weights.core) == funded and report.weights.disputed == ()


def test_the_pdf_pack_names_the_three_sections_in_french(builders, reports):
    at = review_page()
    at.selectbox(key="sidebar_language").set_value("fr").run()
    data = builders["review_pack_pdf"]()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    assert "Pilotage du plan approuvé" in text
    assert "Ce que vivent les clients et là où va l'argent" in text
    assert "Noyau robuste quels que soient les poids" in text
    assert reports[-1].lang == "fr"


def test_without_anything_stored_the_pack_has_none_of_the_three(builders, reports):
    start()
    approve_the_sample_plan()
    at = open_page(start(author="Marc Durand"), "review")
    assert failures(at) == []
    book = load_workbook(io.BytesIO(builders["review_pack_xlsx"]()))
    assert not {"Follow-up", "Listening", "Weights"} & set(book.sheetnames)
    assert (reports[-1].tracking, reports[-1].alignment, reports[-1].weights) == (None, None, None)


def test_the_same_content_is_built_once_and_a_new_follow_up_builds_again(builders, reports):
    at = review_page()
    builders["review_pack_xlsx"]()
    builders["review_pack_xlsx"]()  # the same content: the cache answers
    assert len(reports) == 1
    with Store.open(str(database_path())) as db:
        scenario_id = db.list_scenarios()[0].scenario_id
        ws = db.load_workspace(WORKSPACE).workspace
        followup = read_followup(FOLLOWUP.read_bytes(), ws).followup
        # the next follow-up, without its measurements: no KPI is tracked any more
        db.save_followup(scenario_id, replace(followup, measurements=()), "Claire", source="v2")
    at.run()
    builders["review_pack_xlsx"]()
    assert len(reports) == 2 and reports[-1].tracking.kpis == ()
