"""The team's workspace stays the team's: the first workspace becomes the team's default, every
new session opens the default (never the copy someone saved after a conflict), an editor makes
another one the default from a picker listing who saved each and when, the change is logged
(who, when), and "Save mine as a copy" says where the copy went and how to get back."""

from __future__ import annotations

from app_helpers import database_path, failures, open_page, shown, start, unescape, upload
from test_app_scenario import SMALL

from cxprior.store import Store
from cxprior.workbook import write_workspace

NAME = "cx_workspace_fr"  # the workspace the bundled sample starts
COPY = f"{NAME} (copy)"


def default_log() -> list[tuple[str, str]]:
    with Store.open(str(database_path())) as db:
        return [(c.name, c.author.name) for c in db.default_workspace_log()]


def opened(at) -> str:
    return at.session_state["workspace_ref"].name


def bob_saves_a_copy_after_alice(two_goal_workspace):
    alice = open_page(start(author="Alice"), "backlog")
    bob = open_page(start(author="Bob"), "backlog")  # both start from version 1
    upload(alice, "small.xlsx", write_workspace(SMALL))
    upload(bob, "mine.xlsx", write_workspace(two_goal_workspace))  # refused: Alice saved first
    bob.button(key="app_conflict_copy").click().run()
    return alice, bob


def test_the_first_start_makes_the_sample_s_workspace_the_team_s_default():
    at = open_page(start(), "backlog")
    assert failures(at) == []
    assert default_log() == [(NAME, "cxprior")]
    assert any(f"The team's default workspace is “{NAME}”, set by cxprior" in c for c in shown(at.caption))


def test_after_a_copy_is_saved_every_new_session_still_opens_the_team_s_workspace(two_goal_workspace):
    _, bob = bob_saves_a_copy_after_alice(two_goal_workspace)
    assert opened(bob) == COPY  # Bob works on his copy...

    carol = start(author="Carol")  # ...but a new session opens the team's workspace, Alice's version 2
    assert failures(carol) == []
    assert opened(carol) == NAME
    assert len(carol.session_state["workspace"].initiatives) == 5  # SMALL has 5 initiatives


def test_saving_mine_as_a_copy_says_where_it_went_and_how_to_get_back(two_goal_workspace):
    _, bob = bob_saves_a_copy_after_alice(two_goal_workspace)
    toast = unescape(" ".join(str(t.value) for t in bob.toast))
    assert f"Your version is saved as a new workspace, “{COPY}”, and is now open." in toast
    assert f"The team's workspace “{NAME}” is unchanged" in toast
    assert f"You are working on “{COPY}”, not on the team's default workspace “{NAME}”." in shown(
        bob.sidebar.caption
    )

    bob.button(key="app_back_to_default").click().run()  # the way back, from the sidebar
    assert failures(bob) == []
    assert opened(bob) == NAME
    assert len(bob.session_state["workspace"].initiatives) == 5


def test_the_picker_lists_every_saved_workspace_with_who_saved_it_last(two_goal_workspace):
    _, bob = bob_saves_a_copy_after_alice(two_goal_workspace)
    frame = next(df.value for df in bob.dataframe if "Last saved by" in df.value.columns)
    # by name: the team's (Alice saved version 2) then Bob's copy (his version 1)
    assert frame[["Workspace", "Team default", "Latest version", "Last saved by"]].values.tolist() == [
        [NAME, "✓", 2, "Alice"],
        [COPY, "", 1, "Bob"],
    ]
    assert bob.selectbox(key="backlog_workspace").options == [NAME, COPY]


def test_an_editor_makes_another_workspace_the_default_and_new_sessions_open_it(two_goal_workspace):
    _, bob = bob_saves_a_copy_after_alice(two_goal_workspace)
    bob.selectbox(key="backlog_workspace").set_value(COPY).run()
    bob.button(key="backlog_make_default").click().run()
    assert failures(bob) == []
    assert default_log() == [(COPY, "Bob"), (NAME, "cxprior")]  # newest first: who changed it

    dana = start(author="Dana")
    assert opened(dana) == COPY
    assert len(dana.session_state["workspace"].initiatives) == 4  # Bob's two-goal workspace
    dana = open_page(dana, "backlog")
    assert any(f"The team's default workspace is “{COPY}”, set by Bob on" in c for c in shown(dana.caption))


def test_a_store_without_a_default_opens_the_sample_s_workspace_not_the_copy_saved_last(two_goal_workspace):
    with Store.open(str(database_path())) as db:  # a store from before defaults: two workspaces, no default
        db.save_workspace(NAME, two_goal_workspace, "Alice", None)
        db.save_workspace_as_copy(NAME, SMALL, "Bob")
    at = start()
    assert opened(at) == NAME
    assert default_log() == []
