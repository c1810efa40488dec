"""The store keeps each COMEX member's own goal weights per workspace, with who and when; a
member's latest entry replaces their earlier ones."""

from __future__ import annotations

import pytest

from cxprior.store import InvalidInput, Person


def test_each_member_keeps_their_latest_weights_in_the_order_they_first_entered(store):
    store.save_member_weights("Acme", "Ana", {"G1": 3, "G2": 1})
    store.save_member_weights("Acme", Person("Bo", "bo@example.com"), {"G1": 1, "G2": 3})
    store.save_member_weights("Acme", "Ana", {"G1": 2, "G2": 2})
    store.save_member_weights("Other", "Cy", {"G1": 1, "G2": 1})
    kept = store.member_weights_of("Acme")
    assert list(kept) == ["Ana", "Bo"]
    assert kept["Ana"] == {"G1": 2.0, "G2": 2.0}  # as entered, not normalised
    assert kept["Bo"] == {"G1": 1.0, "G2": 3.0}
    assert store.member_weights_of("Nobody") == {}


@pytest.mark.parametrize("weights", [{}, {"G1": 0}, {"G1": -1.0}, {"G1": float("nan")}])
def test_weights_that_are_not_positive_numbers_are_refused(store, weights):
    with pytest.raises(InvalidInput):
        store.save_member_weights("Acme", "Ana", weights)
    assert store.member_weights_of("Acme") == {}
