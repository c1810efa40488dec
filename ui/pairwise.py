"""Pairwise judgments of the goals (Saaty's scale, one slider per pair), used for the agreed
weights on the Strategy page and for a member's own weights in the Weights section. The
weights and their consistency come from `cxprior.domain.pairwise_weights`."""

from __future__ import annotations

import math

import streamlit as st

from cxprior.domain import SCALE, Goal, pairs, pairwise_weights, ratio_from_scale
from cxprior.i18n import tr
from ui.text import lang, md, t


def step_from_weights(first: float, second: float) -> int:
    """The scale step nearest (on a log scale, as the judgments multiply) to first / second:
    where the sliders start, so that they say what the current weights already say."""
    if first <= 0 or second <= 0:
        return 1
    ratio = math.log(first / second)
    return min(SCALE, key=lambda step: abs(math.log(ratio_from_scale(step)) - ratio))


def pairwise_sliders(
    goals: tuple[Goal, ...] | list[Goal], weights: dict[str, float], key: str
) -> object | None:
    """A slider per pair of goals, starting where `weights` put it (keys `{key}_{a}__{b}`);
    the weights the judgments imply and their consistency (`pairwise_weights`' result), None
    with fewer than two goals."""
    language = lang()
    names = {g.goal_id: g.name for g in goals}

    def step_label(step: int) -> str:
        # format functions may run outside the script (tests): no session lookups here
        if step == 1:
            return tr("ui.pairwise.equal", language)
        return tr("ui.pairwise.left" if step > 1 else "ui.pairwise.right", language, times=abs(step))

    judgments = {}
    for a, b in pairs([g.goal_id for g in goals]):
        left, middle, right = st.columns([2, 3, 2], vertical_alignment="center")
        left.text(names[a])
        step = middle.select_slider(
            md(t("ui.pairwise.label", first=names[a], second=names[b])),
            options=list(SCALE),
            value=step_from_weights(weights.get(a, 1.0), weights.get(b, 1.0)),
            format_func=step_label,
            key=f"{key}_{a}__{b}",
            label_visibility="collapsed",
        )
        right.text(names[b])
        judgments[(a, b)] = ratio_from_scale(step)
    if len(goals) < 2:
        return None
    return pairwise_weights([g.goal_id for g in goals], judgments)
