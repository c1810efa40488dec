"""The hostile-file corpus uploaded in the app: each file gets its message on the Backlog
page, the workspace already loaded (and its saved versions) stays as it was, and nothing
crashes. The same files on the command line: test_hostile_corpus.py."""

from __future__ import annotations

import pytest
from app_helpers import (
    database_path,
    failures,
    open_page,
    shown,
    start,
    table_with,
    unescape,
    upload,
)
from hostile_files import CORPUS, EMOJI_RTL, LONGEST
from test_hostile_corpus import EXPECTED

from cxprior.store import Store


@pytest.fixture(scope="module")
def corpus() -> dict[str, bytes]:
    return {name: build() for name, build in CORPUS.items()}


def versions() -> list[int]:
    with Store.open(str(database_path())) as db:
        return [v.version for h in db.list_workspaces() for v in db.list_workspace_versions(h.name)]


def located(report) -> list[str]:
    """The report's rows as `validate` prints them: `sheet, row, column: message`."""
    lines = []
    for sheet, row, column, message in report[["Sheet", "Row", "Column", "Problem"]].itertuples(index=False):
        where = [sheet or "workbook", *([f"row {row}"] if row else []), *([column] if column else [])]
        lines.append(f"{', '.join(where)}: {message}")
    return lines


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_hostile_upload_says_why_and_keeps_the_workspace_and_its_versions(corpus, name):
    at = open_page(start(), "backlog")
    before, saved = at.session_state["workspace"], versions()
    upload(at, f"{name}.xlsx", corpus[name])
    assert at.exception == []
    count = len(EXPECTED[name])
    assert [unescape(e.value) for e in at.error] == [
        f"{name}.xlsx cannot be used ({count} problem{'s' if count > 1 else ''} below). Nothing was "
        "replaced: the current "
        "workspace is kept."
    ]
    assert located(table_with(at, "Problem")) == EXPECTED[name]
    assert at.session_state["workspace"] is before
    assert versions() == saved
    assert "bundled sample" in shown(at.sidebar.caption)[0]


def test_a_hostile_upload_is_explained_in_french_too(corpus):
    at = open_page(start(locale="fr-FR"), "backlog")
    upload(at, "titre.xlsx", corpus["headers_not_on_row_1"])
    assert [unescape(e.value) for e in at.error] == [
        "titre.xlsx n'est pas utilisable (1 problème ci-dessous). Rien n'a été remplacé : l'espace de "
        "travail actuel est conservé."
    ]
    assert list(table_with(at, "Problème")["Problème"]) == [
        "Les en-têtes de colonnes doivent être sur la ligne 1, et ils sont sur la ligne 3. Supprimez les "
        "lignes au-dessus."
    ]


def test_after_hostile_uploads_a_good_one_is_still_taken(corpus):
    at = open_page(start(), "backlog")
    for name in ("zip_bomb", "entity_expansion", "macro_workbook_renamed"):
        upload(at, f"{name}.xlsx", corpus[name])
    upload(at, "emoji.xlsx", corpus["emoji_and_right_to_left"])
    assert failures(at) == []
    assert shown(at.success) == ["emoji.xlsx is valid and is now the workspace."]


def test_emoji_right_to_left_and_the_longest_cells_load_and_show_as_written(corpus):
    at = open_page(start(), "backlog")
    upload(at, "emoji.xlsx", corpus["emoji_and_right_to_left"])
    initiatives = table_with(at, "initiative_id")  # the editable table
    assert EMOJI_RTL["initiative"] in list(initiatives["name"])
    assert EMOJI_RTL["id"] in list(initiatives["initiative_id"])
    assert EMOJI_RTL["team"] in list(initiatives["team"])
    upload(at, "longest.xlsx", corpus["longest_cells"])
    assert failures(at) == []
    assert [len(i.name) for i in at.session_state["workspace"].initiatives] == [LONGEST] * 4
