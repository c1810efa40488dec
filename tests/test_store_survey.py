"""The store keeps survey analyses (summary and figures) with who and when; the raw answers only
when the user asks, since they can be personal data. Runs on SQLite (and PostgreSQL when
CXPRIOR_TEST_DATABASE_URL is set, like tests/test_store.py)."""

from __future__ import annotations

import json

import pytest
from alembic import command
from sqlalchemy import inspect, text

from cxprior.analysis import analyse_drivers
from cxprior.store import Store, summarise_survey
from cxprior.store.config import make_engine, resolve_url
from cxprior.store.migrate import alembic_config
from cxprior.workbook import read_survey, select_survey

# four respondents; "aide" is the outcome's twin, "achat" is noise: by hand, "aide" explains it all
SURVEY = "id;reco;aide;achat\nR1;2;1;3\nR2;4;2;1\nR3;6;3;4\nR4;8;4;2\nR5;10;5;3\nR6;7;3.5;1\nR7;5;2.5;4\n"
SURVEY += "".join(f"R{k};{k % 9};{(k % 9) / 2};{k % 3}\n" for k in range(8, 20))


@pytest.fixture
def analysed():
    survey = read_survey(SURVEY.encode(), name="clients.csv")
    selection = select_survey(survey, "reco", ["aide", "achat"])
    analysis = analyse_drivers(
        selection.outcome, selection.drivers, selection.driver_names, outcome_name="reco", resamples=0
    )
    return survey, selection, analysis


def test_an_analysis_is_kept_with_its_author_and_without_the_answers(store, analysed):
    survey, selection, analysis = analysed
    record = store.save_survey_analysis(
        summarise_survey(survey, selection, analysis), "Alice", workspace_name="Hélios"
    )
    assert record.author.name == "Alice" and record.analysed_at is not None
    kept = store.survey_history("Hélios")[0].survey
    assert (kept.source, kept.respondents, kept.outcome, kept.drivers) == (
        "clients.csv",
        19,
        "reco",
        ("aide", "achat"),
    )
    assert kept.most_significant == "aide"  # reco = 2 × aide exactly
    assert json.loads(kept.analysis)["most_significant"] == "aide"
    assert kept.answers is None
    with store._session(write=False) as session:
        payload = session.execute(text("select payload, with_answers from survey_analyses")).one()
    assert "R1" not in payload[0] and not payload[1]
    assert store.survey_history(None) == ()


def test_the_answers_are_kept_only_when_asked(store, analysed):
    survey, selection, analysis = analysed
    store.save_survey_analysis(summarise_survey(survey, selection, analysis, keep_answers=True), "Bob")
    kept = store.survey_history(None)[0].survey
    assert kept.answers is not None and kept.answers[0][:2] == ("R1", "R2")


def test_a_database_at_the_third_schema_gains_the_survey_table(db_url):
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0003")
        assert "survey_analyses" not in inspect(engine).get_table_names()
        with Store.open(db_url):
            pass
        assert "survey_analyses" in inspect(engine).get_table_names()
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0003")
        assert "survey_analyses" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
