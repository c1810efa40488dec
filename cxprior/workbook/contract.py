"""Workbook contract v1 (DESIGN.md, "Workbook contract"): sheets, columns and aliases.

The reader and the writer both take sheet and column names from here, so the template,
the parser and the tests change together. Names match case-insensitively, ignoring
surrounding spaces; French names are accepted aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ColumnKind = Literal["text", "number", "yesno", "ids"]

CONTRACT_VERSION = 1


@dataclass(frozen=True)
class ColumnSpec:
    key: str  # the canonical (English) name, also the field name in the domain
    kind: ColumnKind
    required: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.key, *self.aliases)


@dataclass(frozen=True)
class SheetSpec:
    key: str  # canonical sheet name
    aliases: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    required_in_workspace: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        return (self.key, *self.aliases)

    def column(self, key: str) -> ColumnSpec:
        return next(c for c in self.columns if c.key == key)


def normalise_name(name: object) -> str:
    """How headers and sheet names are compared: stripped and case-folded."""
    return str(name).strip().casefold() if name is not None else ""


GOALS = SheetSpec(
    "Goals",
    ("Objectifs",),
    (
        ColumnSpec("goal_id", "text", True, ("id_objectif",)),
        ColumnSpec("name", "text", True, ("nom",)),
        ColumnSpec("weight", "number", True, ("poids",)),
        ColumnSpec("description", "text"),
    ),
)
KPIS = SheetSpec(
    "KPIs",
    ("Indicateurs",),
    (
        ColumnSpec("kpi_id", "text", True, ("id_indicateur",)),
        ColumnSpec("name", "text", True, ("nom",)),
        ColumnSpec("unit", "text", False, ("unité", "unite")),
        ColumnSpec("direction", "text", True, ("sens",)),
        ColumnSpec("baseline", "number", True, ("valeur_initiale",)),
        ColumnSpec("target", "number", True, ("cible",)),
        # optional: customer (default) or employee (client/salarié accepted)
        ColumnSpec("side", "text", False, ("côté", "cote")),
    ),
)
KPI_GOALS = SheetSpec(
    "KPI_Goals",
    ("Liens",),
    (
        ColumnSpec("kpi_id", "text", True, ("id_indicateur",)),
        ColumnSpec("goal_id", "text", True, ("id_objectif",)),
        ColumnSpec("strength", "number", False, ("force",)),
    ),
)
INITIATIVES = SheetSpec(
    "Initiatives",
    (),
    (
        ColumnSpec("initiative_id", "text", True, ("id_initiative",)),
        ColumnSpec("name", "text", True, ("nom",)),
        ColumnSpec("team", "text", False, ("équipe", "equipe")),
        ColumnSpec("owner", "text", False, ("responsable",)),
        ColumnSpec("journey_phase", "text", False, ("phase_parcours",)),
        # required unless cost_<period> columns are given; the reader enforces that rule
        ColumnSpec("cost", "number", False, ("coût", "cout")),
        ColumnSpec("confidence", "number", False, ("confiance",)),
        ColumnSpec("mandatory", "yesno", False, ("obligatoire",)),
        ColumnSpec("depends_on", "ids", False, ("dépend_de", "depend_de")),
        ColumnSpec("exclusive_group", "text", False, ("groupe_exclusif",)),
        ColumnSpec("competency", "text", False, ("compétence", "competence")),
        ColumnSpec("description", "text"),
        # roadmap (contract v2): a start window and start-after-finish prerequisites
        ColumnSpec("latest_start", "text", False, ("début_au_plus_tard", "debut_au_plus_tard")),
        ColumnSpec("starts_after", "ids", False, ("commence_après", "commence_apres")),
    ),
)
IMPACTS = SheetSpec(
    "Impacts",
    (),
    (
        ColumnSpec("initiative_id", "text", True, ("id_initiative",)),
        ColumnSpec("kpi_id", "text", True, ("id_indicateur",)),
        ColumnSpec("impact", "number", True),
        ColumnSpec("impact_low", "number", False, ("impact_bas",)),
        ColumnSpec("impact_high", "number", False, ("impact_haut",)),
    ),
    required_in_workspace=False,
)
BUDGET = SheetSpec(
    "Budget",
    (),
    (
        ColumnSpec("period", "text", True, ("période", "periode")),
        ColumnSpec("budget", "number", True),
    ),
    required_in_workspace=False,
)

# roadmap (DESIGN.md, "Contract v2 › When and by whom"): what each team can deliver per
# period, and what each initiative asks of it (when it starts at its earliest start)
CAPACITY = SheetSpec(
    "Capacity",
    ("Capacité", "Capacite"),
    (
        ColumnSpec("team", "text", True, ("équipe", "equipe")),
        ColumnSpec("period", "text", True, ("période", "periode")),
        ColumnSpec("capacity", "number", True, ("capacité", "capacite")),
    ),
    required_in_workspace=False,
)
EFFORT = SheetSpec(
    "Effort",
    ("Charge",),
    (
        ColumnSpec("initiative_id", "text", True, ("id_initiative",)),
        ColumnSpec("team", "text", True, ("équipe", "equipe")),
        ColumnSpec("period", "text", True, ("période", "periode")),
        ColumnSpec("effort", "number", True, ("charge",)),
    ),
    required_in_workspace=False,
)

SHEETS: tuple[SheetSpec, ...] = (GOALS, KPIS, KPI_GOALS, INITIATIVES, IMPACTS, BUDGET, CAPACITY, EFFORT)

# Follow-up of the approved plan (DESIGN.md, "Contract v2 › Follow-up"): a workbook of its own,
# or the same sheets inside the workspace workbook. Not part of the workspace: `read_workbook`
# leaves them to `read_followup`, and the workspace template does not carry them.
PROGRESS = SheetSpec(
    "Progress",
    ("Avancement",),
    (
        ColumnSpec("initiative_id", "text", True, ("id_initiative",)),
        # planned / in_progress / delivered / dropped (prévue / en_cours / livrée / abandonnée)
        ColumnSpec("status", "text", True, ("statut",)),
        ColumnSpec("start", "text", False, ("début", "debut")),
    ),
    required_in_workspace=False,
)
MEASUREMENTS = SheetSpec(
    "Measurements",
    ("Mesures",),
    (
        ColumnSpec("kpi_id", "text", True, ("id_indicateur",)),
        ColumnSpec("period", "text", True, ("période", "periode")),
        ColumnSpec("value", "number", True, ("valeur",)),
    ),
    required_in_workspace=False,
)
FOLLOWUP_SHEETS: tuple[SheetSpec, ...] = (PROGRESS, MEASUREMENTS)

# COMEX members' own goal weights (DESIGN.md, "Contract v2 › COMEX members' weights"): a
# workbook of its own or a sheet of the workspace workbook; `read_member_weights` reads it,
# `read_workbook` leaves it alone (it does not change the workspace).
WEIGHTS = SheetSpec(
    "Weights",
    ("Pondérations", "Ponderations"),
    (
        ColumnSpec("member", "text", True, ("membre",)),
        ColumnSpec("goal_id", "text", True, ("id_objectif",)),
        ColumnSpec("weight", "number", True, ("poids",)),
    ),
    required_in_workspace=False,
)

# `cost_2026` / `coût_2026`: one column per budget period
PERIOD_COST_PATTERN = re.compile(r"^\s*(?:cost|co[uû]t)_(?P<period>.+?)\s*$", re.IGNORECASE)
# `spent_2026` / `dépensé_2026`: actual spend per cost period, on the Progress sheet
PERIOD_SPENT_PATTERN = re.compile(r"^\s*(?:spent|d[ée]pens[ée])_(?P<period>.+?)\s*$", re.IGNORECASE)
# `impact:NPS`: wide form of the Impacts sheet
WIDE_IMPACT_PATTERN = re.compile(r"^\s*impact\s*:\s*(?P<kpi_id>.+?)\s*$", re.IGNORECASE)

DIRECTION_WORDS = {"increase": "increase", "hausse": "increase", "decrease": "decrease", "baisse": "decrease"}
YES_WORDS = frozenset({"yes", "oui", "true", "vrai", "1", "y", "o"})
NO_WORDS = frozenset({"no", "non", "false", "faux", "0", "n", ""})
ID_SEPARATORS = re.compile(r"[,;]")
