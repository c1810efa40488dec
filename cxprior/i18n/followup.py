"""Translations for the follow-up of the approved plan (the follow-up workbook, `track`, the
re-plan, the calibration of estimates); see cxprior.i18n for the conventions. Keys: "fu."."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- statuses, as shown ------------------------------------------------------------------
    "fu.status.planned": {"en": "planned", "fr": "prévue"},
    "fu.status.in_progress": {"en": "in progress", "fr": "en cours"},
    "fu.status.delivered": {"en": "delivered", "fr": "livrée"},
    "fu.status.dropped": {"en": "dropped", "fr": "abandonnée"},
    "fu.no_team": {"en": "(no team)", "fr": "(sans équipe)"},
    "fu.no_phase": {"en": "(no journey phase)", "fr": "(sans phase de parcours)"},
    # --- reading the follow-up workbook --------------------------------------------------------
    "fu.sheet_for_track": {
        "en": "This follow-up sheet is read by the track command (--progress), not with the workspace.",
        "fr": "Cette feuille de suivi est lue par la commande track (--progress), pas avec l'espace de "
        "travail.",
    },
    "fu.no_sheet": {
        "en": "No follow-up sheet was found (sheets: {found}). A follow-up workbook needs a Progress "
        "(Avancement) sheet, a Measurements (Mesures) sheet, or both. Start from the follow-up "
        "template (template --followup).",
        "fr": "Aucune feuille de suivi trouvée (feuilles : {found}). Un classeur de suivi demande une "
        "feuille Avancement (Progress), une feuille Mesures (Measurements), ou les deux. Partez du "
        "modèle de suivi (template --followup).",
    },
    "fu.no_periods": {
        "en": "none: the workspace has no cost_<period> columns",
        "fr": "aucune : l'espace de travail n'a pas de colonnes coût_<période>",
    },
    "fu.spent_period_twice": {
        "en": "Period {period} already has a spend column ({other}); keep only one.",
        "fr": "La période {period} a déjà une colonne de dépense ({other}) ; n'en gardez qu'une.",
    },
    "fu.spent_period_unknown": {
        "en": "Spend in {period} is outside the plan's horizon: spend can only be recorded in the "
        "workspace's cost periods ({periods}).",
        "fr": "Une dépense en {period} sort de l'horizon du plan : on ne peut saisir des dépenses que "
        "sur les périodes de coût de l'espace de travail ({periods}).",
    },
    "fu.spent_period_empty": {
        "en": "Period {period} is not one of the workspace's cost periods ({periods}); this empty "
        "column was ignored.",
        "fr": "La période {period} n'est pas une période de coût de l'espace de travail ({periods}) ; "
        "cette colonne vide a été ignorée.",
    },
    "fu.unknown_initiative": {
        "en": "Initiative {value}{hint} is not in the workspace; fix the id or add the initiative to "
        "the workspace first.",
        "fr": "L'initiative {value}{hint} n'est pas dans l'espace de travail ; corrigez l'identifiant "
        "ou ajoutez d'abord l'initiative à l'espace de travail.",
    },
    "fu.unknown_kpi": {
        "en": "KPI {value}{hint} is not in the workspace; fix the id or add the KPI to the workspace first.",
        "fr": "L'indicateur {value}{hint} n'est pas dans l'espace de travail ; corrigez l'identifiant "
        "ou ajoutez d'abord l'indicateur à l'espace de travail.",
    },
    "fu.status_word": {
        "en": '"{value}" is not a status: write planned, in_progress, delivered or dropped (in '
        "French prévue, en_cours, livrée or abandonnée).",
        "fr": "« {value} » n'est pas un statut : écrivez prévue, en_cours, livrée ou abandonnée (en "
        "anglais planned, in_progress, delivered ou dropped).",
    },
    "fu.start_period_unknown": {
        "en": "{value} is not one of the workspace's cost periods ({periods}); the start is the "
        "period in which the initiative actually started.",
        "fr": "{value} n'est pas une période de coût de l'espace de travail ({periods}) ; le début est "
        "la période où l'initiative a réellement commencé.",
    },
    "fu.delivered_without_spend": {
        "en": "Initiative {initiative} is delivered but no spend is recorded for it: check its "
        "spent_<period> cells.",
        "fr": "L'initiative {initiative} est livrée mais aucune dépense n'est saisie pour elle : "
        "vérifiez ses cellules dépensé_<période>.",
    },
    "fu.no_spend_columns": {
        "en": "This sheet has no spent_<period> column: spend and overruns cannot be followed.",
        "fr": "Cette feuille n'a pas de colonne dépensé_<période> : ni les dépenses ni les "
        "dépassements ne peuvent être suivis.",
    },
    "fu.measurement_period_unknown": {
        "en": "KPI {kpi} is measured in {value}, which is not one of the workspace's cost periods "
        "({periods}): a measurement is the KPI's value at the end of a cost period.",
        "fr": "L'indicateur {kpi} est mesuré en {value}, qui n'est pas une période de coût de l'espace "
        "de travail ({periods}) : une mesure est la valeur de l'indicateur à la fin d'une période.",
    },
    "fu.measurement_twice": {
        "en": "KPI {kpi} is already measured in {period} on row {first}; keep one measurement per "
        "KPI and period.",
        "fr": "L'indicateur {kpi} est déjà mesuré en {period} à la ligne {first} ; gardez une seule "
        "mesure par indicateur et par période.",
    },
    # --- the follow-up template ---------------------------------------------------------------
    "fu.template.title": {
        "en": "How to fill this follow-up workbook (cxprior follow-up of the approved plan)",
        "fr": "Comment remplir ce classeur de suivi (cxprior, suivi du plan approuvé)",
    },
    "fu.template.lines": {
        "en": "Row 1 holds the column names: do not rename or delete it. A note on each column name "
        "says what the column expects.\n"
        "Progress: one row per initiative of the approved plan (and any other initiative that was "
        "started): its status (planned, in_progress, delivered, dropped), what was actually spent "
        "in each period (one spent_<period> column per cost period of the workspace, e.g. "
        "spent_2026) and, optionally, the period in which it started. An initiative without a "
        "row counts as planned, with nothing spent.\n"
        "Measurements: one row per KPI and period: the KPI's measured value at the end of that "
        "period, in the KPI's unit.\n"
        "Ids and periods must be those of the workspace. These sheets may also be added to the "
        "workspace workbook itself. Sheet and column names may be written in English or in "
        "French; this sheet is ignored when the workbook is read.",
        "fr": "La ligne 1 porte les noms des colonnes : ne la renommez pas et ne la supprimez pas. "
        "Une note sur chaque nom de colonne indique ce qu'elle attend.\n"
        "Avancement : une ligne par initiative du plan approuvé (et par autre initiative "
        "commencée) : son statut (prévue, en_cours, livrée, abandonnée), ce qui a réellement été "
        "dépensé sur chaque période (une colonne dépensé_<période> par période de coût de "
        "l'espace de travail, par ex. dépensé_2026) et, si vous le souhaitez, la période où elle "
        "a commencé. Une initiative sans ligne compte comme prévue, sans dépense.\n"
        "Mesures : une ligne par indicateur et par période : la valeur mesurée de l'indicateur à "
        "la fin de la période, dans son unité.\n"
        "Les identifiants et les périodes sont ceux de l'espace de travail. Ces feuilles peuvent "
        "aussi être ajoutées au classeur de l'espace de travail lui-même. Les noms de feuilles et "
        "de colonnes s'écrivent en anglais ou en français ; cette feuille est ignorée à la lecture.",
    },
    "fu.hint.Progress.initiative_id": {
        "en": "Required. The id of an initiative of the workspace, once per sheet.",
        "fr": "Obligatoire. L'identifiant d'une initiative de l'espace de travail, une fois par feuille.",
    },
    "fu.hint.Progress.status": {
        "en": "Required. planned, in_progress, delivered or dropped.",
        "fr": "Obligatoire. prévue, en_cours, livrée ou abandonnée.",
    },
    "fu.hint.Progress.spent": {
        "en": "Euros actually spent on this initiative in period {period}, ≥ 0. One column per cost "
        "period of the workspace (spent_<period>).",
        "fr": "Euros réellement dépensés pour cette initiative sur la période {period}, ≥ 0. Une colonne "
        "par période de coût de l'espace de travail (dépensé_<période>).",
    },
    "fu.hint.Progress.start": {
        "en": "Optional. The period in which the initiative actually started, e.g. 2026.",
        "fr": "Facultatif. La période où l'initiative a réellement commencé, par ex. 2026.",
    },
    "fu.hint.Measurements.kpi_id": {
        "en": "Required. The id of a KPI of the workspace.",
        "fr": "Obligatoire. L'identifiant d'un indicateur de l'espace de travail.",
    },
    "fu.hint.Measurements.period": {
        "en": "Required. A cost period of the workspace, e.g. 2026.",
        "fr": "Obligatoire. Une période de coût de l'espace de travail, par ex. 2026.",
    },
    "fu.hint.Measurements.value": {
        "en": "Required. The KPI's measured value at the end of the period, in the KPI's unit.",
        "fr": "Obligatoire. La valeur mesurée de l'indicateur à la fin de la période, dans son unité.",
    },
    # --- plan against actual: alerts and highlights -------------------------------------------
    "fu.alert.kpi_behind": {
        "en": "{kpi} ({name}) is behind plan at the end of {period}: {actual} measured against {planned} "
        "planned ({variance} {unit}, {points} value points).",
        "fr": "{kpi} ({name}) est en retard sur le plan fin {period} : {actual} mesuré contre {planned} "
        "prévu ({variance} {unit}, {points} points de valeur).",
    },
    "fu.highlight.kpi_ahead": {
        "en": "{kpi} ({name}) is ahead of plan at the end of {period}: {actual} measured against "
        "{planned} planned ({variance} {unit}, {points} value points).",
        "fr": "{kpi} ({name}) est en avance sur le plan fin {period} : {actual} mesuré contre {planned} "
        "prévu ({variance} {unit}, {points} points de valeur).",
    },
    "fu.alert.goal_behind": {
        "en": "Goal {goal} ({name}) is {gap} value points behind plan at the end of {period}: {actual} "
        "reached against {planned} planned.",
        "fr": "L'objectif {goal} ({name}) a {gap} points de valeur de retard sur le plan fin {period} : "
        "{actual} atteints contre {planned} prévus.",
    },
    "fu.alert.over_budget": {
        "en": "{initiative} ({name}) is over budget: {spent} spent against {planned} planned ({overrun} "
        "more, +{share}).",
        "fr": "{initiative} ({name}) dépasse son budget : {spent} dépensés contre {planned} prévus "
        "({overrun} de plus, +{share}).",
    },
    "fu.alert.late": {
        "en": "{initiative} ({name}) is late: planned to finish in {finish}, still {status} in {as_of}.",
        "fr": "{initiative} ({name}) est en retard : sa fin était prévue en {finish}, elle est encore "
        "{status} en {as_of}.",
    },
    "fu.alert.dropped": {
        "en": "{initiative} ({name}) was dropped after {spent} spent: the {points} value points the "
        "plan expected from it will not come.",
        "fr": "{initiative} ({name}) a été abandonnée après {spent} dépensés : les {points} points de "
        "valeur que le plan en attendait ne viendront pas.",
    },
    "fu.alert.unplanned": {
        "en": "{initiative} ({name}) is not in the plan, yet it is {status} with {spent} spent.",
        "fr": "{initiative} ({name}) n'est pas dans le plan, mais elle est {status} avec {spent} dépensés.",
    },
    "fu.as_of_unknown": {
        "en": "--as-of {value} is not one of the workspace's cost periods ({periods}).",
        "fr": "--as-of {value} n'est pas une période de coût de l'espace de travail ({periods}).",
    },
    # --- calibration ----------------------------------------------------------------------------
    "fu.calibration.caveat": {
        "en": "Attribution is shared: when several delivered initiatives move the same KPI, its "
        "measured movement is split between them by their planned shares (impact × confidence). "
        "Other causes (the market, the season, work outside the plan) are not separated out, so "
        "read these figures as a first signal, not as a verdict on a team.",
        "fr": "L'attribution est partagée : quand plusieurs initiatives livrées font bouger le même "
        "indicateur, son mouvement mesuré est réparti entre elles selon leurs parts prévues "
        "(impact × confiance). Les autres causes (le marché, la saison, le travail hors plan) ne "
        "sont pas isolées : lisez ces chiffres comme un premier signal, pas comme un jugement "
        "sur une équipe.",
    },
    "fu.calibration.shared": {
        "en": "{kpi}: the measured movement ({movement} {unit} at the end of {period}) is shared between "
        "{shares}, by their planned shares.",
        "fr": "{kpi} : le mouvement mesuré ({movement} {unit} fin {period}) est réparti entre {shares}, "
        "selon leurs parts prévues.",
    },
    "fu.calibration.none": {
        "en": "No delivered initiative has a measured KPI yet: there is nothing to calibrate.",
        "fr": "Aucune initiative livrée n'a encore d'indicateur mesuré : il n'y a rien à calibrer.",
    },
    "fu.calibration.group": {
        "en": {
            "one": "{group}: {count} delivered initiative, estimated at {estimated} value points, "
            "{measured} measured ({ratio} of the estimate).",
            "other": "{group}: {count} delivered initiatives, estimated at {estimated} value points, "
            "{measured} measured ({ratio} of the estimate).",
        },
        "fr": {
            "one": "{group} : {count} initiative livrée, estimée à {estimated} points de valeur, "
            "{measured} mesurés ({ratio} de l'estimation).",
            "other": "{group} : {count} initiatives livrées, estimées à {estimated} points de valeur, "
            "{measured} mesurés ({ratio} de l'estimation).",
        },
    },
    # --- re-plan ----------------------------------------------------------------------------------
    "fu.replan.needs_both": {
        "en": "--progress and --replan-from go together: give the follow-up workbook and the period "
        "to re-plan from.",
        "fr": "--progress et --replan-from vont ensemble : donnez le classeur de suivi et la période à "
        "partir de laquelle re-planifier.",
    },
    "fu.replan.bad_period": {
        "en": "Cannot re-plan from {value}: it is not one of the workspace's cost periods ({periods}).",
        "fr": "Impossible de re-planifier à partir de {value} : ce n'est pas une période de coût de "
        "l'espace de travail ({periods}).",
    },
    "fu.replan.kept_forced_out": {
        "en": "{initiative} is {status}: it stays funded in a re-plan and cannot be left out.",
        "fr": "{initiative} est {status} : elle reste financée dans une re-planification et ne peut "
        "pas être écartée.",
    },
    "fu.replan.out_forced_in": {
        "en": "{initiative} cannot be forced in: {reason}",
        "fr": "{initiative} ne peut pas être imposée : {reason}",
    },
    "fu.replan.name": {
        "en": "{name}, re-plan from {period}",
        "fr": "{name}, re-planifié à partir de {period}",
    },
    "fu.reason.delivered": {
        "en": "delivered: it stays funded, nothing left to spend.",
        "fr": "livrée : elle reste financée, plus rien à dépenser.",
    },
    "fu.reason.in_progress": {
        "en": "in progress: it stays funded for the rest of its cost profile.",
        "fr": "en cours : elle reste financée pour la suite de son profil de coût.",
    },
    "fu.reason.dropped": {
        "en": "dropped, according to the follow-up.",
        "fr": "abandonnée, d'après le suivi.",
    },
    "fu.reason.no_time": {
        "en": {
            "one": "it has not started, and its one period of cost no longer fits between {start} and {end}.",
            "other": "it has not started, and its {count} periods of cost no longer fit between {start} "
            "and {end}.",
        },
        "fr": {
            "one": "elle n'a pas commencé, et sa période de coût ne tient plus entre {start} et {end}.",
            "other": "elle n'a pas commencé, et ses {count} périodes de coût ne tiennent plus entre {start} "
            "et {end}.",
        },
    },
    "fu.replan.context": {
        "en": "Re-plan from {period}: {sunk} spent before {period} is sunk and uses none of the budgets "
        "from {period} on; the budgets before {period} are ignored.",
        "fr": "Re-planification à partir de {period} : les {sunk} dépensés avant {period} sont acquis et "
        "ne consomment aucun budget à partir de {period} ; les budgets d'avant {period} sont ignorés.",
    },
    "fu.replan.kept": {
        "en": {
            "one": "{count} delivered or in-progress initiative stays funded.",
            "other": "{count} delivered or in-progress initiatives stay funded.",
        },
        "fr": {
            "one": "{count} initiative livrée ou en cours reste financée.",
            "other": "{count} initiatives livrées ou en cours restent financées.",
        },
    },
    "fu.replan.dropped": {
        "en": {
            "one": "{count} dropped initiative is out; the rest is re-optimised.",
            "other": "{count} dropped initiatives are out; the rest is re-optimised.",
        },
        "fr": {
            "one": "{count} initiative abandonnée sort ; le reste est ré-optimisé.",
            "other": "{count} initiatives abandonnées sortent ; le reste est ré-optimisé.",
        },
    },
    "fu.replan.total_left": {
        "en": "The total budget is what is left of it: {total} minus {sunk} already spent, {left}.",
        "fr": "Le budget total est ce qu'il en reste : {total} moins {sunk} déjà dépensés, soit {left}.",
    },
    "fu.replan.shifted": {
        "en": {
            "one": "It has not started: its cost profile moves {count} period later, to start in {start}.",
            "other": "It has not started: its cost profile moves {count} periods later, to start in {start}.",
        },
        "fr": {
            "one": "Elle n'a pas commencé : son profil de coût est décalé d'une période, pour commencer en "
            "{start}.",
            "other": "Elle n'a pas commencé : son profil de coût est décalé de {count} périodes, pour "
            "commencer en {start}.",
        },
    },
    "fu.change.removed.dropped": {
        "en": "{initiative} ({name}) leaves the plan: it was dropped ({spent} spent on it is sunk).",
        "fr": "{initiative} ({name}) sort du plan : elle a été abandonnée ({spent} dépensés sont perdus).",
    },
    "fu.change.removed.no_time": {
        "en": "{initiative} ({name}) leaves the plan: {reason}",
        "fr": "{initiative} ({name}) sort du plan : {reason}",
    },
    "fu.change.removed.forced_out": {
        "en": "{initiative} ({name}) leaves the plan: it is left out of this scenario by decision.",
        "fr": "{initiative} ({name}) sort du plan : elle est écartée de ce scénario par décision.",
    },
    "fu.change.removed.reoptimised": {
        "en": "{initiative} ({name}) leaves the plan: {reason}",
        "fr": "{initiative} ({name}) sort du plan : {reason}",
    },
    "fu.change.removed.generic": {
        "en": "the re-optimisation found better uses for its budget from {period} on.",
        "fr": "la ré-optimisation a trouvé un meilleur usage de son budget à partir de {period}.",
    },
    "fu.change.added.kept": {
        "en": "{initiative} ({name}) enters the plan: the follow-up says it is {status}, so it stays funded.",
        "fr": "{initiative} ({name}) entre dans le plan : le suivi la dit {status}, elle reste financée.",
    },
    "fu.change.added.freed": {
        "en": "{initiative} ({name}) enters the plan: with {freed} freed from {period} on by what "
        "leaves it ({ids}), it now fits and brings {points} value points.",
        "fr": "{initiative} ({name}) entre dans le plan : avec {freed} libérés à partir de {period} par "
        "ce qui en sort ({ids}), elle tient désormais et apporte {points} points de valeur.",
    },
    "fu.change.added.fits": {
        "en": "{initiative} ({name}) enters the plan: the budgets from {period} on, re-optimised, fit "
        "it and it brings {points} value points.",
        "fr": "{initiative} ({name}) entre dans le plan : les budgets à partir de {period}, "
        "ré-optimisés, lui font de la place et elle apporte {points} points de valeur.",
    },
    "fu.change.none": {
        "en": "The re-plan funds the same initiatives as the plan.",
        "fr": "La re-planification finance les mêmes initiatives que le plan.",
    },
    "fu.change.plan_infeasible": {
        "en": "The plan itself is infeasible under this scenario: the changes are counted against an "
        "empty plan.",
        "fr": "Le plan lui-même est infaisable dans ce scénario : les changements sont comptés par "
        "rapport à un plan vide.",
    },
    # --- command line --------------------------------------------------------------------------
    "fu.cli.template_written": {
        "en": "Follow-up template written to {path}.",
        "fr": "Modèle de suivi écrit dans {path}.",
    },
    "fu.cli.template_nothing": {
        "en": "Give OUT.xlsx (the workspace template) or --followup OUT.xlsx (the follow-up template).",
        "fr": "Donnez OUT.xlsx (le modèle d'espace de travail) ou --followup OUT.xlsx (le modèle de suivi).",
    },
    "fu.cli.plan_infeasible": {
        "en": "The plan cannot be tracked: this scenario has no feasible portfolio.",
        "fr": "Le plan ne peut pas être suivi : ce scénario n'a pas de portefeuille réalisable.",
    },
    "fu.cli.headline": {
        "en": "Plan against actual: {count} initiatives in the plan, {spent} spent against {planned} "
        "planned; current period {as_of}.",
        "fr": "Plan contre réalisé : {count} initiatives au plan, {spent} dépensés contre {planned} "
        "prévus ; période en cours {as_of}.",
    },
    "fu.cli.kpis": {"en": "KPIs (planned → measured):", "fr": "Indicateurs (prévu → mesuré) :"},
    "fu.cli.kpi_line": {
        "en": "  {kpi} {period}: {planned} → {actual} ({variance} {unit}, {points} value points)",
        "fr": "  {kpi} {period} : {planned} → {actual} ({variance} {unit}, {points} points de valeur)",
    },
    "fu.cli.goals": {
        "en": "Goals (value points planned → reached):",
        "fr": "Objectifs (points de valeur prévus → atteints) :",
    },
    "fu.cli.goal_line": {
        "en": "  {goal} {period}: {planned} → {actual}",
        "fr": "  {goal} {period} : {planned} → {actual}",
    },
    "fu.cli.initiatives": {
        "en": "Initiatives (status, spent / planned):",
        "fr": "Initiatives (statut, dépensé / prévu) :",
    },
    "fu.cli.initiative_line": {
        "en": "  {initiative} {status}: {spent} / {planned}",
        "fr": "  {initiative} {status} : {spent} / {planned}",
    },
    "fu.cli.alerts": {"en": "Alerts:", "fr": "Alertes :"},
    "fu.cli.no_alert": {"en": "No alert: the plan is on track.", "fr": "Aucune alerte : le plan est tenu."},
    "fu.cli.highlights": {"en": "Ahead of plan:", "fr": "En avance sur le plan :"},
    "fu.cli.calibration": {
        "en": "Calibration of the estimates (delivered initiatives with a measured KPI):",
        "fr": "Calibrage des estimations (initiatives livrées dont un indicateur est mesuré) :",
    },
    "fu.cli.by_team": {"en": "By team:", "fr": "Par équipe :"},
    "fu.cli.by_phase": {"en": "By journey phase:", "fr": "Par phase de parcours :"},
    "fu.cli.warning": {"en": "warning: {message}", "fr": "avertissement : {message}"},
    "fu.cli.note": {"en": "note: {message}", "fr": "remarque : {message}"},
    "fu.cli.changes": {"en": "Changes against the plan:", "fr": "Changements par rapport au plan :"},
}
