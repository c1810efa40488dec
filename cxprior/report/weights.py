"""The COMEX pack's half page on the goal weights: the robust core whatever the weights and
the disputed initiatives, from a `cxprior.portfolio.weight_sensitivity` result with members."""

from __future__ import annotations

import math
from dataclasses import dataclass

from cxprior.domain import Workspace
from cxprior.portfolio import SensitivityResult, core_sentences, members_frame
from cxprior.workbook import neutralise


@dataclass(frozen=True)
class DisputedLine:
    """An initiative some members fund and others do not (the borderline set over the members)."""

    initiative_id: str
    name: str
    funded_by: int  # members whose own portfolio funds it
    members: int
    core_index: float  # funded_by / members
    agreed: bool  # in the portfolio presented


@dataclass(frozen=True)
class ReportWeights:
    sentences: tuple[str, ...]  # the core, borderline and exterior in words, then the consensus
    core: tuple[str, ...]  # ids funded whatever the member
    disputed: tuple[DisputedLine, ...]  # most members first


def report_weights(ws: Workspace, sensitivity: SensitivityResult, lang: str = "en") -> ReportWeights:
    frame = members_frame(sensitivity, ws)
    members = list(sensitivity.members)
    core = sensitivity.member_core
    disputed: list[DisputedLine] = []
    if core is not None and members:
        for row in frame.to_dict("records"):
            index = float(row["core_index"])
            if math.isnan(index) or row["category"] != "borderline":
                continue
            disputed.append(
                DisputedLine(
                    initiative_id=neutralise(row["initiative_id"]),
                    name=neutralise(row["name"]),
                    funded_by=round(index * len(members)),
                    members=len(members),
                    core_index=index,
                    agreed=bool(row["agreed"]),
                )
            )
    disputed.sort(key=lambda d: (-d.core_index, d.initiative_id))
    return ReportWeights(
        sentences=tuple(neutralise(s) for s in core_sentences(sensitivity, lang)),
        core=tuple(core.core) if core is not None else (),
        disputed=tuple(disputed),
    )
