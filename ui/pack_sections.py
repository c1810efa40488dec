"""What the COMEX pack adds to the portfolio when it is there: the follow-up page (the approved
scenario's latest follow-up), the alignment chart (the session's survey analysis, else the
workspace's latest one kept in the store) and the half page on the weights (the members'
weights given on the Strategy page or kept in the store, read here for the Weights section too).

The pack is built when its button is clicked, outside the script run, where session state
cannot be read: `read_sections` reads everything while the page is drawn; the figures that
take time (the tracking, the weight sensitivity, seconds on the sample) are computed at the
click, once per content and shared by every session."""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
import threading
from collections import OrderedDict
from dataclasses import dataclass

from cxprior.analysis import (
    Alignment,
    DriverAnalysis,
    ScenarioRun,
    Tracking,
    phase_alignment,
    track,
)
from cxprior.domain import (
    CxpriorError,
    FollowUp,
    MemberWeights,
    PortfolioResult,
    Scenario,
    Workspace,
    member_weights,
)
from cxprior.portfolio import SensitivityResult, weight_sensitivity
from ui import state, store
from ui.text import lang

LOG = logging.getLogger("cxprior.app")
SAMPLES = 40  # weightings drawn within the members' ranges: enough for a core index to 1/40
KEPT = 8  # weight sensitivities kept by the server for the packs (a few seconds each)
_sensitivities: OrderedDict[tuple[str, str], SensitivityResult] = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True)
class PackSections:
    """The pack's optional sections, as read while the page was drawn; `key` names their content."""

    alignment: Alignment | None = None
    followup: FollowUp | None = None
    members: MemberWeights | None = None
    sensitivity: SensitivityResult | None = None  # computed already in this session, for these members
    basis: str = ""  # what a weight sensitivity is computed on (workspace, scenario, members)
    key: str = ""

    def tracking_for(self, workspace: Workspace, result: PortfolioResult, lang: str) -> Tracking | None:
        if self.followup is None:
            return None
        try:
            return track(workspace, result, self.followup, lang=lang)
        except CxpriorError:  # the pack still goes out, without its follow-up page
            LOG.warning("follow-up page left out of the pack", exc_info=True)
            return None

    def sensitivity_for(
        self, workspace: Workspace, scenario: Scenario | None, lang: str
    ) -> SensitivityResult | None:
        if self.members is None or scenario is None:
            return None
        found = self.sensitivity
        if found is None:
            with _lock:
                found = _sensitivities.get((self.basis, lang))
        if found is None:
            try:
                found = weight_sensitivity(
                    workspace, scenario, members=self.members, samples=SAMPLES, lang=lang
                )
            except CxpriorError:  # the pack still goes out, without its weights page
                LOG.warning("weights page left out of the pack", exc_info=True)
                return None
            with _lock:
                _sensitivities[(self.basis, lang)] = found
                while len(_sensitivities) > KEPT:
                    _sensitivities.popitem(last=False)
        return found if found.is_solved and found.members else None


def read_sections(run: ScenarioRun, scenario_id: int | None) -> PackSections:
    """The pack's optional sections for `run` (saved as `scenario_id`, when it is), read now."""
    analysis = survey_analysis(run.workspace)
    alignment = None if analysis is None else phase_alignment(analysis, run.workspace, run.result)
    followup = _followup(scenario_id)
    members = members_of(run.workspace)
    basis, sensitivity = "", None
    if members is not None:
        basis = basis_of(run.workspace, run.scenario, members)
        found = (state.sensitivity(where, basis) for where in ("review", "strategy"))
        sensitivity = next((s for s in found if s is not None), None)
    # the follow-up's rows, not the object: its cached properties would change the pickle
    rows = None if followup is None else (followup.progress, followup.measurements)
    content = (rows, None if members is None else members.weights, basis)
    key = hashlib.sha256(pickle.dumps(content, protocol=5)).hexdigest()
    return PackSections(alignment, followup, members, sensitivity, basis, key)  # type: ignore[arg-type]


def survey_analysis(workspace: Workspace) -> DriverAnalysis | None:
    """The survey analysed on the Journey page in this session, else the latest one kept in the
    store for the workspace (its importances, as the `drivers` JSON keeps them)."""
    analysis = getattr(state.listening(), "analysis", None)
    if analysis is not None:
        return analysis
    db = store.store()
    ref = state.ref_of(workspace) or state.workspace_ref()
    if db is None or ref is None:
        return None
    try:
        history = db.survey_history(ref.name, limit=1)
        return DriverAnalysis.from_json(json.loads(history[0].survey.analysis)) if history else None
    except (CxpriorError, ValueError, KeyError, TypeError) as error:
        LOG.warning("stored survey analysis left out of the pack: %s", error)
        return None


def _followup(scenario_id: int | None) -> FollowUp | None:
    """The scenario's follow-up: this session's, else the latest version kept in the store."""
    if scenario_id is None:
        return None
    found = state.followup(scenario_id)
    if isinstance(found, FollowUp):
        return found
    db = store.store()
    if db is None:
        return None
    try:
        history = db.followup_history(scenario_id, limit=1)
    except CxpriorError as error:
        store.store_failed(error)
        return None
    return history[0].followup if history else None


# --- the members' weights: the Weights section's and the pack's -----------------------------------


def workspace_name() -> str:
    """The stored workspace the members' weights are kept for: the session's."""
    ref = state.workspace_ref()
    return ref.name if ref is not None else store.WORKSPACE_NAME


def saved_weights(db: object) -> dict[str, dict[str, float]]:
    """Each member's latest weights kept in the store for the session's workspace."""
    if db is None:
        return {}
    try:
        return db.member_weights_of(workspace_name())  # type: ignore[attr-defined]
    except CxpriorError as error:
        store.store_failed(error)
        return {}


def members_raw(workspace: Workspace) -> dict[str, dict[str, float]]:
    """The uploaded members, then those who entered their own (theirs replace an upload's row
    of the same name); only weightings of exactly this workspace's goals count."""
    goals = {g.goal_id for g in workspace.goals}
    read = state.members_read()
    raw = dict(read[2]) if read is not None else {}
    raw.update(saved_weights(store.store()))
    raw.update(state.own_weights())
    return {m: w for m, w in raw.items() if set(w) == goals}


def members_of(workspace: Workspace) -> MemberWeights | None:
    """The members' weights for `workspace` (uploaded, entered, kept in the store), normalised;
    None when there are none or they do not read (the Weights section says why)."""
    raw = members_raw(workspace) if workspace.goals else {}
    if not raw:
        return None
    try:
        return member_weights(raw, [g.goal_id for g in workspace.goals], lang())
    except CxpriorError:
        return None


def basis_of(workspace: Workspace, scenario: Scenario, members: MemberWeights) -> str:
    """What a weight sensitivity is computed on, as a key (the section's and the pack's)."""
    text = json.dumps([state.key_of(workspace), repr(scenario), members.weights], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()
