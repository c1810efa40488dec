"""Compare: two or more scenarios side by side — the saved scenarios and the runs ticked "Add to
Compare" on the Scenario page, never an infeasible one — their saved status and metrics, the
constraints each one was run under, gains and losses, and the selection matrix."""

from __future__ import annotations

import streamlit as st

import ui
from cxprior.analysis import delta_sentence, metrics_frame, scenario_delta, selection_matrix
from cxprior.report import assumption_sentences

lang = ui.lang()
labels, saved = ui.compare_choices()

st.title(ui.t("ui.page.compare"))
if len(labels) < 2:
    st.info(ui.t("ui.compare.need_saved", count=len(labels)), icon=":material/info:")
    st.stop()

# this session's runs first; with fewer than two, the saved scenarios fill in
session = [name for name in labels if isinstance(name, str)]
default = session if len(session) >= 2 else list(labels)[:3]
chosen = st.multiselect(
    ui.t("ui.compare.choose"), list(labels), default=default, format_func=labels.get, key="compare_runs"
)
compared = ui.compare_runs(chosen, saved)
runs = [run for run, _ in compared]
if len(runs) < 2:
    st.info(ui.t("ui.compare.pick_two"), icon=":material/info:")
    st.stop()
by_name = {run.name: run for run in runs}
stale = [run.name for run in runs if ui.is_stale(run)]
if stale:
    st.caption(ui.md(ui.t("ui.compare.stale", names=", ".join(stale))))

st.subheader(ui.t("ui.compare.metrics"))
metrics = metrics_frame(runs, lang, saved_status=[status for _, status in compared])
st.dataframe(metrics, width="stretch", height=35 * (len(metrics) + 1) + 3)

st.subheader(ui.t("ui.compare.constraints"))
for column, run in zip(st.columns(len(runs)), runs, strict=True):
    column.markdown(f"**{ui.md(run.name)}**")
    column.markdown(
        "\n".join(f"- {ui.md(line)}" for line in assumption_sentences(run.workspace, run.scenario, lang))
    )

st.subheader(ui.t("ui.compare.gains"))
reference_name = st.selectbox(ui.t("ui.compare.reference"), list(by_name), key="compare_reference")
reference = by_name[reference_name]
for run in runs:
    if run.name == reference_name:
        continue
    delta = scenario_delta(reference, run)
    st.markdown(ui.md(delta_sentence(delta, lang)))
    if delta.gained or delta.given_up:
        with st.expander(ui.md(ui.t("ui.compare.details", name=run.name))):
            left, right = st.columns(2)
            left.markdown(f"**{ui.md(ui.t('ui.compare.gained'))}**")
            for iid in delta.gained:
                left.text(f"+ {iid} – {run.workspace.initiative_by_id[iid].name}")
            right.markdown(f"**{ui.md(ui.t('ui.compare.given_up'))}**")
            for iid in delta.given_up:
                right.text(f"− {iid} – {reference.workspace.initiative_by_id[iid].name}")

st.subheader(ui.t("ui.compare.matrix"))
st.caption(ui.t("ui.compare.matrix_help"))
matrix = selection_matrix(runs)
config = {
    "initiative_id": ui.t("ui.col.initiative_id"),
    "name": ui.t("ui.col.name"),
    **{run.name: st.column_config.CheckboxColumn(run.name) for run in runs},
}
st.dataframe(matrix, hide_index=True, width="stretch", column_config=config)
