"""The robustness (Monte Carlo) of a solved portfolio: run on a button on the Scenario page,
read-only on the COMEX page, and carried by the COMEX pack.

An analysis runs on a button, never on a rerun, with a progress bar and the time left; its
draws are solved by worker processes, started as soon as the button is shown. Its result is
kept per portfolio (workspace, scenario, selection), draws and seed for every session of the
server (`cached.robustness_memo`) and in the store with who ran it, so the COMEX page and
the pack read the last one.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import replace
from datetime import UTC, datetime

import streamlit as st

from cxprior import charts
from cxprior.analysis import ScenarioRun
from cxprior.domain import CxpriorError
from cxprior.i18n import format_number
from cxprior.portfolio import (
    DEFAULT_DRAWS,
    UncertaintyResult,
    distribution_frame,
    monte_carlo,
    robustness_frame,
    start_workers,
    summary_sentences,
)
from cxprior.store import RobustnessRecord, dumps, format_when, scenario_to_json
from ui import access, cached, state, store
from ui.runs import scores_of
from ui.tables import show_table
from ui.text import lang, md, t

MAX_DRAWS = 5_000


def portfolio_key(run: ScenarioRun) -> str:
    """What a robustness analysis depends on: the data, the constraints, the portfolio chosen —
    the same for a run of this session and for that run saved and opened on the COMEX page."""
    scenario = replace(run.scenario, name="", force_reasons={})
    parts = [state.key_of(run.workspace), dumps(scenario_to_json(scenario)), *sorted(run.result.selected)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def last_analysis(run: ScenarioRun) -> RobustnessRecord | None:
    """The latest robustness analysis of this run's portfolio: seen by this server, else
    saved in the store (by anyone, before a restart too); None when there is none."""
    memo, key = cached.robustness_memo(), portfolio_key(run)
    found = memo.last(key)
    if found is not None:
        return found
    db = store.store()
    if db is None:
        return None
    try:
        record = db.find_robustness(key)
    except CxpriorError as error:
        store.store_failed(error)
        return None
    return None if record is None else memo.remember(record)


def last_uncertainty(run: ScenarioRun) -> UncertaintyResult | None:
    """The latest robustness analysis of this run's portfolio, or None (for the pack)."""
    record = last_analysis(run)
    return None if record is None else record.result


def _analyse(run: ScenarioRun, draws: int, seed: int) -> RobustnessRecord | None:
    access.require("optimize")  # the page filter is not enough: check the action itself
    memo, key = cached.robustness_memo(), portfolio_key(run)
    record = memo.get(key, draws, seed) or _stopped_early(memo.last(key), draws, seed)
    if record is None:
        result = _draw(run, draws, seed)
        if result is None:
            return None
        record = RobustnessRecord(key, datetime.now(UTC), None, result)
    return memo.remember(_saved(record))


def _stopped_early(record: RobustnessRecord | None, draws: int, seed: int) -> RobustnessRecord | None:
    """The last analysis when it is the one asked for but stopped early (it is kept under the
    draws it ran): the same portfolio, draws asked and seed stop at the same draw."""
    if record is None or not record.result.stopped_early:
        return None
    return record if (record.result.draws_asked, record.result.seed) == (draws, seed) else None


def _draw(run: ScenarioRun, draws: int, seed: int) -> UncertaintyResult | None:
    bar = st.progress(0.0, text=t("depth.ui.mc.progress", done=0, total=draws))
    shown = {"at": 0.0}

    def progress(done: int, total: int, seconds_left: float | None) -> None:
        # at most ~10 updates a second: each one is a message to the browser
        now = time.monotonic()
        if now - shown["at"] < 0.1 and done < total:
            return
        shown["at"] = now
        bar.progress(min(1.0, done / total), text=progress_text(done, total, seconds_left))

    try:
        return monte_carlo(
            run.workspace,
            run.scenario,
            draws=draws,
            seed=seed,
            chosen=tuple(run.result.selected),
            progress=progress,
            lang=lang(),
            scores=scores_of(run.workspace),
        )
    except CxpriorError as error:
        st.error(md(error.message))
        return None
    finally:
        bar.empty()


def progress_text(done: int, total: int, seconds_left: float | None) -> str:
    """ "Draw 120 of 500, about 3 s left" (the time once a first draw tells the pace)."""
    if seconds_left is None or done == 0 or done >= total:
        return t("depth.ui.mc.progress", done=done, total=total)
    seconds = format_number(max(1.0, round(seconds_left)), lang())
    return t("depth.ui.mc.progress_left", done=done, total=total, seconds=seconds)


def _saved(record: RobustnessRecord) -> RobustnessRecord:
    """The analysis kept in the store for the COMEX, with who ran it; left as it is (shown,
    not kept) when no name is known yet or the store cannot be reached."""
    author = access.current_author()
    db = store.store()
    if record.author is not None or author is None or db is None:
        return record
    try:
        return db.save_robustness(record.portfolio_key, record.result, author)
    except CxpriorError as error:
        store.store_failed(error)  # the sidebar says so; the analysis is still shown
        return record


def uncertainty_section(run: ScenarioRun, *, readonly: bool = False) -> None:
    """Robustness of a solved run: run on a button (Scenario page), or read-only (COMEX page)."""
    if not run.result.is_solved:
        return
    st.subheader(t("depth.ui.mc.title"))
    st.caption(t("depth.ui.mc.help"))
    analysis = last_analysis(run)
    if not readonly:
        # the draws' worker processes load while the page is read (once per server)
        start_workers()
        cols = st.columns([1, 1, 2], vertical_alignment="bottom")
        draws = cols[0].number_input(
            t("depth.ui.mc.draws"), 1, MAX_DRAWS, DEFAULT_DRAWS, 100, key="scenario_mc_draws"
        )
        seed = cols[1].number_input(t("depth.ui.mc.seed"), 0, 2**31 - 1, 0, 1, key="scenario_mc_seed")
        if cols[2].button(t("depth.ui.mc.run"), key="scenario_mc_run", icon=":material/casino:"):
            analysis = _analyse(run, int(draws), int(seed)) or analysis
    if analysis is None:
        if readonly:
            st.info(t("depth.ui.mc.review_none"), icon=":material/casino:")
        return
    _show_uncertainty(run, analysis)


def _show_uncertainty(run: ScenarioRun, analysis: RobustnessRecord) -> None:
    language, result = lang(), analysis.result
    p = result.percentiles("chosen")
    figures = [("p10", p[10]), ("p50", p[50]), ("p90", p[90]), ("expected", result.expected_chosen_value)]
    for col, (key, value) in zip(st.columns(4), figures, strict=True):
        col.metric(t(f"depth.ui.mc.{key}"), format_number(value, language, 1))
    sentences = summary_sentences(result, language)
    for sentence in sentences[1:]:
        st.markdown(md(sentence))
    seconds = format_number(result.seconds, language, 1)
    done = {"draws": result.draws, "seed": result.seed, "seconds": seconds}
    if analysis.author is None:
        st.caption(md(t("depth.ui.mc.computed_unsaved", **done)))
    else:
        when = format_when(analysis.computed_at, language)
        st.caption(md(t("depth.ui.mc.computed", **done, who=analysis.author.name, when=when)))
    st.caption(md(sentences[0]))
    st.markdown(f"**{md(t('depth.ui.mc.distribution_title'))}**")
    values = distribution_frame(result)["chosen_value"]
    st.altair_chart(charts.value_distribution_chart(values, p, language), width="stretch")
    frame = robustness_frame(result, run.workspace, language)
    st.markdown(f"**{md(t('depth.ui.mc.core_title'))}**")
    st.altair_chart(charts.core_index_chart(frame, language), width="stretch")
    yes, no = t("depth.ui.yes"), t("depth.ui.no")
    frame["in_portfolio"] = [yes if c else no for c in frame["in_chosen"]]
    labels = {k: t(f"depth.col.{k}") for k in ("initiative_id", "name", "core_index")}
    labels |= {"category_label": t("depth.col.category"), "in_portfolio": t("depth.col.in_portfolio")}
    show_table(frame, labels, percent=["core_index"], height=min(400, 35 * (len(frame) + 1) + 3))
