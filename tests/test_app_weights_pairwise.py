"""A member gives their own weights pair by pair in the "Weights and consensus" section: the
sliders start where their weights stand, the consistency ratio of the judgments is shown, and
the weights the judgments imply are kept with their name (points out of 100, like the goal
weights).

By hand: Fidéliser (OBJ-FID) judged 3 times as important as each of the four other goals,
those four equally important. That is perfectly consistent (consistency ratio 0) and gives
FID 3x and the others x with 3x + 4x = 1: FID 3/7 = 42.86 points, the others 1/7 = 14.29."""

from __future__ import annotations

import pytest
from app_helpers import database_path, failures, open_page, shown, start

from cxprior.store import Store

GOALS = ("OBJ-FID", "OBJ-COUT", "OBJ-VERT", "OBJ-ENG", "OBJ-CONF")


def pairwise(at):
    at.radio(key="wsens_own_how_strategy").set_value("pairwise")
    return at.run()


def slider(at, a, b):
    return at.select_slider(key=f"wsens_own_pair_strategy_{a}__{b}")


def kept_weights():
    with Store.open(str(database_path())) as db:
        return db.member_weights_of(db.list_workspaces()[0].name)


@pytest.fixture
def strategy():
    return pairwise(open_page(start(), "strategy"))


def test_the_sliders_start_from_the_weights_of_the_workspace(strategy):
    # sample weights 35, 25, 15, 15, 10: FID/COUT 1.4 is nearest "equal", FID/CONF 3.5 nearest 4
    assert slider(strategy, "OBJ-FID", "OBJ-COUT").value == 1
    assert slider(strategy, "OBJ-FID", "OBJ-CONF").value == 4
    assert failures(strategy) == []


def test_consistent_judgments_are_kept_as_weights_with_the_name(strategy):
    for n, a in enumerate(GOALS):
        for b in GOALS[n + 1 :]:
            slider(strategy, a, b).set_value(3 if a == "OBJ-FID" else 1)
    strategy.run()
    assert any(s.startswith("Consistent judgments: consistency ratio 0.00") for s in shown(strategy.success))
    # 3/7 = 43 % and 1/7 = 14 % once rounded
    implied = "Fidéliser nos clients résidentiels 43%, Réduire le coût de service 14%"
    assert any(implied in c for c in shown(strategy.caption))
    strategy.button(key="wsens_own_pair_save_strategy").click().run()
    assert failures(strategy) == []
    assert kept_weights()["Claire Martin"] == {
        "OBJ-FID": 42.86,
        "OBJ-COUT": 14.29,
        "OBJ-VERT": 14.29,
        "OBJ-ENG": 14.29,
        "OBJ-CONF": 14.29,
    }
    # they count as a member's weights from now on
    assert any("Members' weights in use: Claire Martin" in c for c in shown(strategy.caption))


def test_contradictory_judgments_show_their_consistency_ratio(strategy):
    slider(strategy, "OBJ-FID", "OBJ-COUT").set_value(9)
    slider(strategy, "OBJ-COUT", "OBJ-VERT").set_value(9)
    slider(strategy, "OBJ-FID", "OBJ-VERT").set_value(-9)
    strategy.run()
    assert any(w.startswith("Inconsistent judgments: consistency ratio ") for w in shown(strategy.warning))


def test_in_french_the_choice_and_the_ratio_are_french():
    at = open_page(start(), "strategy")
    at.selectbox(key="sidebar_language").set_value("fr").run()
    at = pairwise(at)
    assert failures(at) == []
    assert at.radio(key="wsens_own_how_strategy").options == ["Un poids par objectif", "Paire par paire"]
    assert any(
        s.startswith("Jugements cohérents") or s.startswith("Jugements incohérents")
        for s in shown(at.success) + shown(at.warning)
    )
