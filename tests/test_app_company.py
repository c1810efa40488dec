"""The COMEX pack names the company, not a file: the bundled sample's workspace starts as
Hélios Énergie's and an editor renames the company on the Backlog page. (The packs downloaded
in a browser carry it: tests/browser/test_browser_ten_packs.py.)"""

from __future__ import annotations

from app_helpers import database_path, failures, open_page, shown, start

from cxprior.store import Store

NAME = "cx_workspace_fr"  # the stored workspace the bundled sample starts


def stored_company() -> str:
    with Store.open(str(database_path())) as db:
        return db.company_of(NAME)


def test_the_sample_s_workspace_starts_as_helios_energie_s_and_an_editor_renames_it():
    at = open_page(start(author="Claire Martin"), "backlog")
    assert failures(at) == []
    field = at.text_input(key=f"backlog_company_{NAME}")
    assert field.value == "Hélios Énergie"
    assert "COMEX packs" in field.help
    field.set_value("Hélios Énergie SA").run()
    at.button(key="backlog_company_save").click().run()
    assert failures(at) == []
    assert stored_company() == "Hélios Énergie SA"
    assert "The COMEX packs of this workspace now carry the name “Hélios Énergie SA”." in shown(at.toast)
