"""The Streamlit UI of cxprior: what the pages (views/*_page.py) and the entry point (app.py)
build on. Pages use only the names below; the modules inside import each other one way, from
the sections down to the state and the caches (checked by lint-imports, "ui layers"):

    frame | saved | review | backlog | strategy     the frame; page sections that act
      | weights                                     goal weights' sensitivity, members, consensus
      | followup                                    the Follow-up page (plan against actual, re-plan)
    pack | versions | maturity | results | journey  sections that show (and their actions)
      | listening                                   the survey's key drivers (Journey page)
      | scenario_form | scenarios                   the Scenario form; saved scenarios' use cases
      | pairwise                                    the goals judged pair by pair (two sections use it)
    robustness | roadmap | pack_sections            Monte Carlo; the Roadmap view; the pack's extra pages
    store | runs                                    the store and the workspace; scenario runs
    access | tables                                 who is here and may do what; tables as read
    text                                            language, catalog messages, safe Markdown
    state                                           every st.session_state key and its accessors
    cached                                          every st.cache_* and the workspace fingerprint

`state` is the only module that touches `st.session_state`; pages never do.
"""

from __future__ import annotations

from ui.access import allowed, author_input, can, door, gate, read_only_note
from ui.backlog import initiatives_editor, upload_section
from ui.followup import (
    alerts_section,
    approved_run,
    calibration_section,
    current_followup,
    followup_data_section,
    followup_pack_section,
    followup_versions_section,
    late_section,
    replan_changes_section,
    replan_section,
    scorecard_section,
    tracking_of,
    trajectory_section,
)
from ui.frame import run_in_frame
from ui.journey import circle_section, journey_section
from ui.listening import listening_section
from ui.maturity import apply_section, constraint_section, history_section, maturity_result, questionnaire
from ui.pack import pack_downloads
from ui.results import excluded_section, explain_infeasible, headline, result_sections
from ui.review import (
    assumptions_section,
    decision_section,
    funded_section,
    projected_kpis_section,
    review_picker,
)
from ui.robustness import uncertainty_section
from ui.runs import in_language, is_stale, scores, scores_of, solve, solved_run, starting_scenario
from ui.saved import library, run_actions
from ui.scenario_form import scenario_from_form
from ui.scenarios import compare_choices, compare_runs, submit_for_review
from ui.state import current_run, workspace
from ui.store import set_workspace, start_session
from ui.strategy import direct_weights, kpi_section, pairwise_section
from ui.tables import goal_names, initiative_labels, period_label, show_table
from ui.text import lang, language_switch, md, t
from ui.versions import versions_section
from ui.weights import weights_section

__all__ = [
    "alerts_section",
    "allowed",
    "apply_section",
    "approved_run",
    "assumptions_section",
    "author_input",
    "calibration_section",
    "can",
    "circle_section",
    "compare_choices",
    "compare_runs",
    "constraint_section",
    "current_followup",
    "current_run",
    "decision_section",
    "direct_weights",
    "door",
    "excluded_section",
    "explain_infeasible",
    "followup_data_section",
    "followup_pack_section",
    "followup_versions_section",
    "funded_section",
    "gate",
    "goal_names",
    "headline",
    "history_section",
    "in_language",
    "initiative_labels",
    "initiatives_editor",
    "is_stale",
    "journey_section",
    "kpi_section",
    "lang",
    "language_switch",
    "late_section",
    "library",
    "listening_section",
    "maturity_result",
    "md",
    "pack_downloads",
    "pairwise_section",
    "period_label",
    "projected_kpis_section",
    "questionnaire",
    "read_only_note",
    "replan_changes_section",
    "replan_section",
    "result_sections",
    "review_picker",
    "run_actions",
    "run_in_frame",
    "scenario_from_form",
    "scorecard_section",
    "scores",
    "scores_of",
    "set_workspace",
    "show_table",
    "solve",
    "solved_run",
    "start_session",
    "starting_scenario",
    "submit_for_review",
    "t",
    "tracking_of",
    "trajectory_section",
    "uncertainty_section",
    "upload_section",
    "versions_section",
    "weights_section",
    "workspace",
]
