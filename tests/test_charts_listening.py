"""The importance × performance quadrant speaks the sentences' unit: each phase's share of what
the phases explain (the shares add up to 100 %), its interval scaled alike, and labels placed
on the inner side of their points so that none runs off the chart."""

from __future__ import annotations

import numpy as np

from cxprior.analysis import analyse_drivers
from cxprior.charts import quadrant_chart


def test_the_quadrant_plots_shares_of_the_explained_variance_that_add_up_to_one():
    rng = np.random.default_rng(3)
    drivers = rng.normal(size=(400, 3))
    # the outcome leans on the first driver three times as much as on the second, not on the third
    outcome = 3 * drivers[:, 0] + drivers[:, 1] + rng.normal(size=400)
    analysis = analyse_drivers(outcome, drivers, ["Get help", "Buy", "Discover"], resamples=40, seed=0)
    spec = quadrant_chart(analysis).to_dict()
    (rows,) = [d for d in spec["datasets"].values() if len(d) == 3]  # one row per driver
    table = {r["name"]: r for r in rows}
    assert abs(sum(r["importance"] for r in rows) - 1) < 1e-9
    # with independent drivers each share is its squared weight over the sum: 9 / 10 and 1 / 10
    assert abs(table["Get help"]["importance"] - 0.9) < 0.03
    assert abs(table["Buy"]["importance"] - 0.1) < 0.03
    for row in table.values():
        assert row["low"] <= row["importance"] <= row["high"]
    # the point furthest left is labelled on its right, the point furthest right on its left
    means = sorted(table.values(), key=lambda r: r["mean"])
    assert means[0]["side"] == "left" and means[-1]["side"] == "right"
