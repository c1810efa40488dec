"""CX maturity: the self-diagnostic (five statements per competency), where the company stands
on the six-step staircase, which competency to build first — applied to the scenarios as a
minimum share of their budget — and the history of saved assessments."""

from __future__ import annotations

import streamlit as st

import ui
from cxprior.analysis import COMPETENCIES, STATEMENTS_PER_COMPETENCY, MaturityAnswers, assess

st.title(ui.t("ui.page.maturity"))
st.caption(ui.t("depth.ui.maturity.intro"))

st.subheader(ui.t("depth.ui.maturity.questionnaire"))
answers = ui.questionnaire()

st.subheader(ui.t("depth.ui.maturity.result"))
total = len(COMPETENCIES) * STATEMENTS_PER_COMPETENCY
answered = sum(score is not None for scores in answers.values() for score in scores)
assessment = None
if answered < total:
    st.info(ui.t("depth.ui.maturity.answer_all", answered=answered, total=total), icon=":material/quiz:")
else:
    assessment = assess(MaturityAnswers({c: tuple(v) for c, v in answers.items()}), lang=ui.lang())
    ui.maturity_result(assessment)
    ui.apply_section(assessment, ui.workspace())

ui.history_section(assessment)
