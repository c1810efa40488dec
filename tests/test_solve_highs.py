"""The HiGHS adapter refuses what this highspy version does not know, instead of ignoring it."""

from __future__ import annotations

import pytest

from cxprior.domain import SolverError
from cxprior.portfolio import new_highs, set_option


def test_an_option_this_highs_version_does_not_know_is_refused_with_its_name():
    with pytest.raises(SolverError, match="no option 'mip_heuristic_run_crystal_ball'"):
        set_option(new_highs(), "mip_heuristic_run_crystal_ball", True)


def test_a_known_option_is_set():
    highs = new_highs()
    set_option(highs, "mip_rel_gap", 0.25)
    assert highs.getOptionValue("mip_rel_gap")[-1] == 0.25  # (status, value) on 1.11 and 1.16
