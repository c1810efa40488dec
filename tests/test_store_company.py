"""The store keeps the company a workspace belongs to, for the subtitle of its COMEX packs:
empty until someone names it, one line, and never a new version of the workbook."""

from __future__ import annotations

import pytest

from cxprior.store import InvalidInput, NotFoundError


def test_a_new_workspace_has_no_company_until_someone_names_it(store, two_goal_workspace):
    store.save_workspace("cx_workspace_fr", two_goal_workspace, "Ana", None)
    assert store.company_of("cx_workspace_fr") == ""
    assert store.set_company("cx_workspace_fr", "  Hélios\n Énergie ", "Ana") == "Hélios Énergie"
    assert store.company_of("cx_workspace_fr") == "Hélios Énergie"
    (head,) = store.list_workspaces()
    assert head.company == "Hélios Énergie"
    assert head.updated_by.name == "Ana"
    # naming the company is not an edit of the workbook: the workspace is still version 1
    assert head.current_version == 1
    assert store.set_company("cx_workspace_fr", "", "Ana") == ""
    assert store.company_of("cx_workspace_fr") == ""


def test_a_company_name_longer_than_a_line_of_200_characters_is_refused(store, two_goal_workspace):
    store.save_workspace("Acme", two_goal_workspace, "Ana", None)
    with pytest.raises(InvalidInput, match="at most 200 characters"):
        store.set_company("Acme", "x" * 201, "Ana")
    assert store.company_of("Acme") == ""


def test_the_company_of_an_unknown_workspace_is_a_named_error(store):
    with pytest.raises(NotFoundError):
        store.company_of("Nobody")
