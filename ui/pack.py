"""The COMEX pack's downloads: two buttons, Excel and PDF, built when clicked by the use case
`cxprior.report.build_comex_pack`, with a small cache of the bytes shared by every session.
When they are there, the pack carries the follow-up page, the alignment chart and the half page
on the weights (`ui.pack_sections`, read while the page is drawn)."""

from __future__ import annotations

import hashlib
import pickle
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace

from cxprior.analysis import Alignment, ScenarioRun
from cxprior.domain import PortfolioResult, Workspace
from cxprior.portfolio import UncertaintyResult
from cxprior.report import DecisionEntry, build_comex_pack
from cxprior.store import Decision
from ui import cached, state, store
from ui.pack_sections import PackSections, read_sections
from ui.robustness import last_uncertainty
from ui.text import lang, t

PACK_MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
PACK_CACHE_SIZE = 8
_packs: OrderedDict[tuple[object, ...], bytes] = OrderedDict()
_packs_lock = threading.Lock()


def pack_bytes(
    kind: str,
    workspace: Workspace,
    result: PortfolioResult,
    *,
    key: str,
    decisions: Sequence[DecisionEntry] = (),
    lang: str = "en",
    company: str = "",
    uncertainty: UncertaintyResult | None = None,
    alignment: Alignment | None = None,
    sections: PackSections | None = None,
) -> bytes:
    """The COMEX pack of a solved portfolio as .xlsx or .pdf bytes, built once per content.

    A download's bytes are built when its button is clicked, outside the page script, so
    this reads no session state: `key` names the workspace and result it is given. The PDF
    takes about a second, hence the small cache shared by every session. The Excel pack
    adds the efficient frontier when the workspace is small enough to draw it at once.
    `sections` adds the follow-up page, the alignment chart (unless `alignment` is given) and
    the weights page; what they take time to compute is computed here, on a cache miss only."""
    entries = tuple(decisions)
    robustness = None if uncertainty is None else (uncertainty.draws, uncertainty.seed)
    sections = sections or PackSections()
    alignment = alignment if alignment is not None else sections.alignment
    cache_key = (kind, key, entries, lang, company, robustness, alignment, sections.key)
    with _packs_lock:
        if cache_key in _packs:
            _packs.move_to_end(cache_key)
            return _packs[cache_key]
    pack = build_comex_pack(
        workspace,
        result,
        formats=(kind,),
        decisions=entries,
        lang=lang,
        company=company,
        uncertainty=uncertainty,
        with_frontier=len(workspace.initiatives) <= cached.FRONTIER_AUTO_LIMIT,
        alignment=alignment,
        tracking=sections.tracking_for(workspace, result, lang),
        sensitivity=sections.sensitivity_for(workspace, result.scenario, lang),
    )
    data = pack.pdf if kind == "pdf" else pack.xlsx
    assert data is not None  # the format asked for is rendered
    with _packs_lock:
        _packs[cache_key] = data
        while len(_packs) > PACK_CACHE_SIZE:
            _packs.popitem(last=False)
    return data


def decision_entries(log: Sequence[Decision]) -> tuple[DecisionEntry, ...]:
    """The store's decision log as the pack's entries: status, author's name, when, comment."""
    return tuple(DecisionEntry(d.to_status.value, d.author.name, d.decided_at, d.comment) for d in log)


def pack_downloads(
    run: ScenarioRun, where: Sequence[object], prefix: str, *, scenario_id: int | None = None
) -> None:
    """Two buttons, the COMEX pack in Excel and in PDF, built only when clicked. A saved
    scenario's pack carries its decision log as it stands at the click, and its latest
    follow-up once approved; a survey analysed for the workspace and the members' weights
    add their pages."""
    if not run.result.is_solved:
        return
    language = lang()
    workspace_key = state.key_of(run.workspace)
    db = store.store() if scenario_id is not None else None
    ref = state.ref_of(run.workspace)
    company = store.company_of(ref)  # the company's name, never the workspace's file name
    safe_name = re.sub(r"[^\w.-]+", "_", run.name).strip("_") or "scenario"
    # read while the page is drawn: the builders run at the click, outside the script run, where
    # session state cannot be read (running the robustness analysis redraws the page anyway)
    uncertainty = last_uncertainty(run)
    sections = read_sections(run, scenario_id)

    def builder(kind: str) -> Callable[[], bytes]:
        def build() -> bytes:
            # the portfolio may be shown before its reasons are written: the pack has them
            full = run.result
            if not run.explained:
                full = cached.explained_result(workspace_key, run.workspace, run.scenario, run.lang)
            result = replace(full, scenario=replace(run.scenario, name=run.name))
            key = hashlib.sha256(pickle.dumps((workspace_key, result), protocol=5)).hexdigest()
            log: Sequence[Decision] = ()
            if db is not None and scenario_id is not None:
                try:
                    log = db.decision_log(scenario_id)
                except Exception:  # the pack still goes out, without its decision log
                    store.LOG.warning("decision log left out of the pack", exc_info=True)
            return pack_bytes(
                kind,
                run.workspace,
                result,
                key=key,
                decisions=decision_entries(log),
                lang=language,
                company=company,
                uncertainty=uncertainty,
                sections=sections,
            )

        return build

    for kind, where_ in zip(("xlsx", "pdf"), where, strict=True):
        where_.download_button(  # type: ignore[attr-defined]
            t(f"ui.pack.download_{kind}"),
            data=builder(kind),
            file_name=t(f"ui.pack.file_{kind}", name=safe_name),
            mime=PACK_MIME[kind],
            key=f"{prefix}_pack_{kind}",
            icon=":material/download:",
        )
