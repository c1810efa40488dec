"""The "Weights and consensus" section: the members' Weights workbook uploaded (or a person's
own weights entered) on the Strategy page, each goal's weight range in words, the
initiatives × members matrix with the core index, "use the consensus weights" as a new
version of the workspace, and the same section on the COMEX review page."""

from __future__ import annotations

from pathlib import Path

from app_helpers import XLSX, database_path, failures, open_page, shown, start, table_with

from cxprior.store import Store

MEMBERS = Path(__file__).resolve().parent.parent / "sample_data" / "comex_ponderations_fr.xlsx"
# the sample's five members, as the Pondérations sheet names them
NAMES = (
    "Claire Fontaine (directrice générale)",
    "Marc Duval (directeur financier)",
    "Sophie Lambert (directrice clients)",
    "Karim Haddad (DRH)",
    "Élise Moreau (directrice RSE)",
)


def with_members(at, section="strategy"):
    at.file_uploader(key=f"wsens_upload_{section}").set_value((MEMBERS.name, MEMBERS.read_bytes(), XLSX))
    at.run()
    at.button(key=f"wsens_compute_{section}").click().run()
    return at


def sentences(at):
    return shown(at.markdown)


def test_the_strategy_page_shows_each_goal_range_in_words_and_the_members_matrix():
    at = with_members(open_page(start(), "strategy"))
    assert failures(at) == []
    # the sample's goal weights are 35, 25, 15, 15 and 10 points out of 100: Fidéliser nos
    # clients résidentiels weighs 35.0 % today, the sentence of its range says so
    fid = [s for s in sentences(at) if s.startswith("The portfolio holds while Fidéliser nos clients")]
    assert len(fid) == 1 and "(today 35.0%)" in fid[0]
    matrix = table_with(at, "core_index")
    assert [c for c in matrix.columns if c in NAMES] == list(NAMES)
    # the core index over five members is a count of members out of 5
    assert set((matrix["core_index"] * 5).round(9)) <= {0.0, 1.0, 2.0, 3.0, 4.0, 5.0}
    # an initiative in every member's portfolio has index 1, in none has index 0
    everyone = matrix[list(NAMES)].all(axis=1)
    nobody = ~matrix[list(NAMES)].any(axis=1)
    assert (matrix.loc[everyone, "core_index"] == 1.0).all()
    assert (matrix.loc[nobody, "core_index"] == 0.0).all()
    assert any(s.startswith("Over the 5 members' portfolios") or "5 members" in s for s in sentences(at))


def test_the_ranges_are_said_in_french_too():
    at = open_page(start(), "strategy")
    at.selectbox(key="sidebar_language").set_value("fr").run()
    at = with_members(at)
    assert failures(at) == []
    fid = [s for s in sentences(at) if s.startswith("Le portefeuille tient tant que Fidéliser nos clients")]
    assert len(fid) == 1 and "(aujourd'hui 35,0" in fid[0]
    assert any(s.startswith("Sur les portefeuilles des 5 membres") for s in sentences(at))


def test_using_the_consensus_weights_saves_a_new_version_with_its_note():
    at = with_members(open_page(start(), "strategy"))
    db = Store.open(f"sqlite:///{database_path()}")
    name = db.list_workspaces()[0].name
    before = db.list_workspace_versions(name)[0].version
    at.button(key="wsens_consensus_strategy").click().run()
    assert failures(at) == []
    versions = db.list_workspace_versions(name)
    assert versions[0].version == before + 1
    assert versions[0].note == "consensus weights of 5 members"
    # the consensus of direct weights is their normalised geometric mean: it sums to 1, so the
    # new goal weights (points out of 100) sum to 100 up to the rounding to 0.01 of each
    weights = [g.weight for g in at.session_state["workspace"].goals]
    assert abs(sum(weights) - 100.0) < 0.05
    assert weights != [35.0, 25.0, 15.0, 15.0, 10.0]


def test_own_weights_entered_are_kept_with_the_name_and_count_as_a_member():
    at = open_page(start(), "strategy")
    at.number_input(key="wsens_own_strategy_OBJ-CONF").set_value(40.0)
    at.button(key="wsens_own_save_strategy").click().run()
    assert failures(at) == []
    db = Store.open(f"sqlite:///{database_path()}")
    name = db.list_workspaces()[0].name
    kept = db.member_weights_of(name)
    assert kept["Claire Martin"]["OBJ-CONF"] == 40.0
    assert kept["Claire Martin"]["OBJ-FID"] == 35.0  # the workspace's weight, left as it was
    assert any("Claire Martin" in s for s in shown(at.caption))


def test_the_review_page_shows_the_section():
    at = open_page(start(), "scenario")  # the sample, whose goals the members weigh
    at.button(key="scenario_run").click().run()
    at.button(key="scenario_submit_review").click().run()
    # the members' weights are given on the Strategy page; the COMEX page only reads them
    comex = open_page(start(author="Marc Durand"), "strategy")
    comex.file_uploader(key="wsens_upload_strategy").set_value((MEMBERS.name, MEMBERS.read_bytes(), XLSX))
    comex = open_page(comex.run(), "review")
    assert "Weights and consensus" in [s.value for s in comex.subheader]
    assert not comex.get("file_uploader") and not comex.number_input
    comex.button(key="wsens_compute_review").click().run()
    assert failures(comex) == []
    assert any(s.startswith("The portfolio holds while") for s in sentences(comex))
    assert [c for c in table_with(comex, "core_index").columns if c in NAMES] == list(NAMES)
    assert not [b for b in comex.button if b.key == "wsens_consensus_review"]


def test_without_members_weights_the_review_page_says_where_they_are_entered():
    at = open_page(start(), "scenario")
    at.button(key="scenario_run").click().run()
    at.button(key="scenario_submit_review").click().run()
    comex = open_page(start(author="Marc Durand"), "review")
    assert "No member's weights yet: each member enters theirs on the Strategy page." in [
        i.value for i in comex.info
    ]
