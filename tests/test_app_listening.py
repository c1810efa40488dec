"""The Listening section of the Journey page ("Écoute client"), on the sample survey and the
sample workspace (sample_data/enquete_fr.csv: 800 synthetic respondents of Hélios Énergie).

The sample is built (scripts/build_survey_sample.py) so that "Obtenir de l'aide" weighs most in
the recommendation: it is the most significant phase, the one the minimum-share button names.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import failures, open_page, shown

from cxprior.store import Store

SURVEY = Path(__file__).resolve().parent.parent / "sample_data" / "enquete_fr.csv"
HELP = "Obtenir de l'aide"


def upload_survey(at):
    at.file_uploader(key="listening_upload").set_value(("enquete_fr.csv", SURVEY.read_bytes(), "text/csv"))
    return at.run()


@pytest.fixture
def analysed():
    from app_helpers import start

    at = start(timeout=120)
    at = open_page(at, "scenario")
    at.button(key="scenario_run").click().run()
    at = upload_survey(open_page(at, "journey"))
    assert failures(at) == []
    # the phase-named columns are proposed, the recommendation is the outcome
    assert at.selectbox(key="listening_outcome").value == "recommandation"
    assert HELP in at.multiselect(key="listening_drivers").value
    at.button(key="listening_run").click().run()
    assert failures(at) == []
    return at


def test_the_survey_says_which_phase_matters_most_and_where_the_money_goes(analysed):
    texts = shown(analysed.markdown)
    # getting help carries ~80 % of the explained variance by construction of the sample (weights
    # 0.90 / 0.70 of scripts/build_survey_sample.py); 8 answers are left empty or "NSP"
    assert f"{HELP} matters most: 79% of the explained variance (R² 0.69)." in texts
    assert "792 respondents analysed; left out for a missing answer: 8." in texts
    # the default portfolio over-funds billing: the sample's story
    assert any(
        text.startswith("Money does not follow what customers feel") and "Consommer et payer gets" in text
        for text in texts
    )
    # the journey's four charts, then the quadrant and the alignment
    assert len(analysed.get("vega_lite_chart")) == 6


def test_following_the_survey_aligns_the_money(analysed):
    at = analysed
    at.button(key="listening_set_share").click().run()
    at = open_page(at, "scenario")
    at.button(key="scenario_run").click().run()
    at = open_page(at, "journey")
    assert failures(at) == []
    assert any(text.startswith("Money follows what customers feel") for text in shown(at.markdown))


def test_the_section_speaks_french(analysed):
    at = analysed
    at.selectbox(key="sidebar_language").set_value("fr").run()
    assert failures(at) == []
    assert "Écoute client" in shown(at.subheader)
    assert f"{HELP} compte le plus : 79\u00a0% de la variance expliquée (R² 0,69)." in shown(at.markdown)


def test_setting_the_minimum_share_puts_it_in_the_scenario(analysed):
    at = analysed
    # the button asks for the phase's share of importance as a share of the spend
    assert at.button(key="listening_set_share").label == (
        f"Set a minimum share for this phase: 79% of the spend in {HELP}"
    )
    at.button(key="listening_set_share").click().run()
    assert failures(at) == []
    at = open_page(at, "scenario")
    assert any(text.startswith("Listening: at least ") and HELP in text for text in shown(at.info))
    at.button(key="scenario_run").click().run()
    assert failures(at) == []
    at.button(key="scenario_phase_share_clear").click().run()
    assert not any(text.startswith("Listening: at least ") for text in shown(at.info))


def test_the_analysis_is_kept_with_its_author_but_not_the_answers(analysed):
    from app_helpers import AUTHOR, database_path

    db = Store.open(f"sqlite:///{database_path()}")
    records = [r for name in (None, *{r.name for r in db.list_workspaces()}) for r in db.survey_history(name)]
    assert len(records) == 1
    assert records[0].author.name == AUTHOR
    assert records[0].survey.most_significant == HELP
    assert records[0].survey.answers is None
