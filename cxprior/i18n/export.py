"""Translations for the export concern (workbook writer, template hints, team-backlog
merge); see cxprior.i18n for the conventions. Keys: "export." and "merge."."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- template: the Instructions sheet -------------------------------------------
    "export.instructions.sheet": {"en": "Instructions", "fr": "Mode d'emploi"},
    "export.instructions.title": {
        "en": "How to fill this workbook (cxprior workbook contract v1)",
        "fr": "Comment remplir ce classeur (contrat de classeur cxprior v1)",
    },
    "export.instructions.lines": {
        "en": "Fill one row per item on each sheet; row 1 holds the column names, do not rename "
        "or delete it. A note on each column name says what the column expects.\n"
        "Goals: the company's strategic goals and their relative weights.\n"
        "KPIs: the indicators you measure (NPS, CSAT, churn…), where they stand today "
        "(baseline) and where you want them (target).\n"
        "KPI_Goals: which KPI serves which goal. A KPI linked to no goal is worth nothing.\n"
        "Initiatives: your CX initiatives, their cost (one cost_<period> column per budget "
        "period, e.g. cost_2026, or a single cost column), team, journey phase, confidence.\n"
        "Impacts: the expected change of each KPI per initiative, in the KPI's unit. You may "
        "instead add impact:<kpi_id> columns to the Initiatives sheet.\n"
        "Budget: optional default budgets, one row per period and/or a row 'total'.\n"
        "A team backlog only needs the Initiatives and Impacts sheets: it is merged into the "
        "workspace, whose goals and KPIs it must reference.\n"
        "Sheet and column names may be written in English or in French; this sheet is ignored "
        "when the workbook is read.",
        "fr": "Remplissez une ligne par élément sur chaque feuille ; la ligne 1 porte les noms des "
        "colonnes, ne la renommez pas et ne la supprimez pas. Une note sur chaque nom de "
        "colonne indique ce qu'elle attend.\n"
        "Objectifs : les objectifs stratégiques de l'entreprise et leurs poids relatifs.\n"
        "Indicateurs : les indicateurs mesurés (NPS, CSAT, attrition…), leur valeur actuelle "
        "(valeur_initiale) et la valeur visée (cible).\n"
        "Liens : quel indicateur sert quel objectif. Un indicateur relié à aucun objectif ne "
        "vaut rien.\n"
        "Initiatives : vos initiatives CX, leur coût (une colonne coût_<période> par période "
        "budgétaire, par ex. coût_2026, ou une seule colonne coût), équipe, phase du parcours, "
        "confiance.\n"
        "Impacts : la variation attendue de chaque indicateur par initiative, dans l'unité de "
        "l'indicateur. Vous pouvez aussi ajouter des colonnes impact:<id_indicateur> à la "
        "feuille Initiatives.\n"
        "Budget : budgets par défaut facultatifs, une ligne par période et/ou une ligne "
        "« total ».\n"
        "Le backlog d'une équipe n'a besoin que des feuilles Initiatives et Impacts : il est "
        "fusionné dans l'espace de travail, dont il doit citer les objectifs et indicateurs.\n"
        "Les noms de feuilles et de colonnes peuvent être écrits en anglais ou en français ; "
        "cette feuille est ignorée à la lecture du classeur.",
    },
    # --- header notes: what each column expects ------------------------------------
    "export.hint.Goals.goal_id": {
        "en": "Required. A short unique id for the goal, e.g. G1.",
        "fr": "Obligatoire. Un identifiant court et unique pour l'objectif, par ex. G1.",
    },
    "export.hint.Goals.name": {
        "en": "Required. The strategic goal in words.",
        "fr": "Obligatoire. L'objectif stratégique en toutes lettres.",
    },
    "export.hint.Goals.weight": {
        "en": "Required. Relative importance, a number > 0 (weights are normalised).",
        "fr": "Obligatoire. Importance relative, un nombre > 0 (les poids sont normalisés).",
    },
    "export.hint.Goals.description": {
        "en": "Optional. Free text.",
        "fr": "Facultatif. Texte libre.",
    },
    "export.hint.KPIs.kpi_id": {
        "en": "Required. A short unique id for the KPI, e.g. NPS.",
        "fr": "Obligatoire. Un identifiant court et unique pour l'indicateur, par ex. NPS.",
    },
    "export.hint.KPIs.name": {
        "en": "Required. The KPI in words.",
        "fr": "Obligatoire. L'indicateur en toutes lettres.",
    },
    "export.hint.KPIs.unit": {
        "en": 'Optional. Unit of the KPI, e.g. "pts", "%", "days".',
        "fr": "Facultatif. Unité de l'indicateur, par ex. « pts », « % », « jours ».",
    },
    "export.hint.KPIs.direction": {
        "en": "Required. increase (higher is better) or decrease (lower is better).",
        "fr": "Obligatoire. hausse (plus c'est haut, mieux c'est) ou baisse (plus c'est bas, mieux c'est).",
    },
    "export.hint.KPIs.baseline": {
        "en": "Required. The KPI's value today.",
        "fr": "Obligatoire. La valeur actuelle de l'indicateur.",
    },
    "export.hint.KPIs.target": {
        "en": "Required. The value you aim for: different from the baseline, on the direction's side.",
        "fr": "Obligatoire. La valeur visée : différente de la valeur initiale, du côté du sens.",
    },
    "export.hint.KPIs.side": {
        "en": "Optional. customer (default) or employee: employee KPIs (eNPS, attrition…) count too.",
        "fr": "Facultatif. client (par défaut) ou salarié : les indicateurs salariés (eNPS, "
        "attrition…) comptent aussi.",
    },
    "export.hint.KPI_Goals.kpi_id": {
        "en": "Required. A kpi_id of the KPIs sheet.",
        "fr": "Obligatoire. Un id_indicateur de la feuille Indicateurs.",
    },
    "export.hint.KPI_Goals.goal_id": {
        "en": "Required. A goal_id of the Goals sheet.",
        "fr": "Obligatoire. Un id_objectif de la feuille Objectifs.",
    },
    "export.hint.KPI_Goals.strength": {
        "en": "Optional. How strongly the KPI serves the goal, in (0, 1]; default 1.",
        "fr": "Facultatif. À quel point l'indicateur sert l'objectif, dans ]0, 1] ; 1 par défaut.",
    },
    "export.hint.Initiatives.initiative_id": {
        "en": "Required. A short unique id for the initiative, e.g. I-001.",
        "fr": "Obligatoire. Un identifiant court et unique pour l'initiative, par ex. I-001.",
    },
    "export.hint.Initiatives.name": {
        "en": "Required. The initiative in words.",
        "fr": "Obligatoire. L'initiative en toutes lettres.",
    },
    "export.hint.Initiatives.team": {
        "en": "Optional. The team that carries it.",
        "fr": "Facultatif. L'équipe qui la porte.",
    },
    "export.hint.Initiatives.owner": {
        "en": "Optional. The person accountable.",
        "fr": "Facultatif. La personne responsable.",
    },
    "export.hint.Initiatives.journey_phase": {
        "en": "Optional. Customer journey phase, e.g. Discover, Buy, Onboard, Use, Get help, Renew.",
        "fr": "Facultatif. Phase du parcours client, par ex. Découvrir, Acheter, S'équiper, "
        "Utiliser, Obtenir de l'aide, Renouveler.",
    },
    "export.hint.Initiatives.cost": {
        "en": "Total cost in euros, ≥ 0. Required unless cost_<period> columns are filled; then "
        "leave it empty or give their sum.",
        "fr": "Coût total en euros, ≥ 0. Obligatoire sauf si les colonnes coût_<période> sont "
        "remplies ; laissez-le alors vide ou donnez leur somme.",
    },
    "export.hint.Initiatives.cost_period": {
        "en": "Cost in euros in budget period {period}, ≥ 0. Rename or add columns to match "
        "your periods (cost_<period>).",
        "fr": "Coût en euros sur la période budgétaire {period}, ≥ 0. Renommez ou ajoutez des "
        "colonnes selon vos périodes (coût_<période>).",
    },
    "export.hint.Initiatives.confidence": {
        "en": "Optional. How sure you are of the impacts, in [0, 1]; default 1.",
        "fr": "Facultatif. Votre certitude sur les impacts, dans [0, 1] ; 1 par défaut.",
    },
    "export.hint.Initiatives.mandatory": {
        "en": "Optional. yes if it must be funded (e.g. regulatory); default no.",
        "fr": "Facultatif. oui si elle doit être financée (par ex. réglementaire) ; non par défaut.",
    },
    "export.hint.Initiatives.depends_on": {
        "en": "Optional. Ids of initiatives it needs, separated by , or ;",
        "fr": "Facultatif. Identifiants des initiatives dont elle a besoin, séparés par , ou ;",
    },
    "export.hint.Initiatives.exclusive_group": {
        "en": "Optional. Initiatives sharing a group name are alternatives: at most one is funded.",
        "fr": "Facultatif. Les initiatives d'un même groupe sont des alternatives : une seule "
        "au plus est financée.",
    },
    "export.hint.Initiatives.competency": {
        "en": "Optional. CX competency it builds: customer_understanding, strategy_engagement, "
        "culture_management or design_improvement.",
        "fr": "Facultatif. Compétence CX qu'elle développe : compréhension_client, "
        "stratégie_engagement, culture_management ou design_amélioration.",
    },
    "export.hint.Initiatives.description": {
        "en": "Optional. Free text.",
        "fr": "Facultatif. Texte libre.",
    },
    "export.hint.Impacts.initiative_id": {
        "en": "Required. An initiative_id of the Initiatives sheet.",
        "fr": "Obligatoire. Un id_initiative de la feuille Initiatives.",
    },
    "export.hint.Impacts.kpi_id": {
        "en": "Required. A kpi_id of the KPIs sheet.",
        "fr": "Obligatoire. Un id_indicateur de la feuille Indicateurs.",
    },
    "export.hint.Impacts.impact": {
        "en": "Required. Expected change of the KPI, in its unit (-0.5 on churn is an improvement).",
        "fr": "Obligatoire. Variation attendue de l'indicateur, dans son unité (-0,5 sur "
        "l'attrition est une amélioration).",
    },
    "export.hint.Impacts.impact_low": {
        "en": "Optional. Pessimistic change, for uncertainty analysis.",
        "fr": "Facultatif. Variation pessimiste, pour l'analyse d'incertitude.",
    },
    "export.hint.Impacts.impact_high": {
        "en": "Optional. Optimistic change, for uncertainty analysis.",
        "fr": "Facultatif. Variation optimiste, pour l'analyse d'incertitude.",
    },
    "export.hint.Budget.period": {
        "en": "Required. total, or a period that has a cost_<period> column, e.g. 2026.",
        "fr": "Obligatoire. total, ou une période qui a une colonne coût_<période>, par ex. 2026.",
    },
    "export.hint.Budget.budget": {
        "en": "Required. Budget in euros, ≥ 0.",
        "fr": "Obligatoire. Budget en euros, ≥ 0.",
    },
    # --- data validation messages (shown by Excel) ---------------------------------
    "export.validation.title": {"en": "Check this value", "fr": "Vérifiez cette valeur"},
    "export.validation.list": {
        "en": "Expected one of: {choices}.",
        "fr": "Valeur attendue parmi : {choices}.",
    },
    "export.validation.fraction": {
        "en": "Expected a number between 0 and 1.",
        "fr": "Nombre attendu entre 0 et 1.",
    },
    "export.validation.positive": {
        "en": "Expected a number greater than 0.",
        "fr": "Nombre attendu strictement positif.",
    },
    "export.validation.non_negative": {
        "en": "Expected an amount in euros, 0 or more.",
        "fr": "Montant en euros attendu, positif ou nul.",
    },
    # --- team-backlog merge ---------------------------------------------------------
    "merge.team_conflict": {
        "en": "{initiative_id} already exists in the workspace under team {team}; this backlog "
        "gives team {backlog_team}. A team can only update its own initiatives: use a new id "
        "or ask team {team}.",
        "fr": "{initiative_id} existe déjà dans l'espace de travail pour l'équipe {team} ; ce "
        "backlog indique l'équipe {backlog_team}. Une équipe ne peut modifier que ses propres "
        "initiatives : prenez un nouvel identifiant ou adressez-vous à l'équipe {team}.",
    },
    "merge.team_missing": {
        "en": "{initiative_id} already exists in the workspace under team {team}; this backlog "
        "gives no team. Fill in the team column to update it.",
        "fr": "{initiative_id} existe déjà dans l'espace de travail pour l'équipe {team} ; ce "
        "backlog n'indique pas d'équipe. Renseignez la colonne équipe pour la modifier.",
    },
    "merge.case_clash": {
        "en": "{initiative_id} differs from the existing initiative {existing_id} only by upper/lower "
        "case. Use exactly {existing_id} to update it, or a clearly different id.",
        "fr": "{initiative_id} ne diffère de l'initiative existante {existing_id} que par les "
        "majuscules/minuscules. Écrivez exactement {existing_id} pour la modifier, ou un "
        "identifiant nettement différent.",
    },
    "merge.refused": {
        "en": {
            "one": "The backlog cannot be merged yet: {count} problem or conflict remains.",
            "other": "The backlog cannot be merged yet: {count} problems or conflicts remain.",
        },
        "fr": {
            "one": "Le backlog ne peut pas encore être fusionné : il reste {count} problème ou conflit.",
            "other": "Le backlog ne peut pas encore être fusionné : il reste {count} problèmes ou conflits.",
        },
    },
    "merge.stale_preview": {
        "en": "The workspace or the backlog changed since this merge preview: preview the merge again.",
        "fr": "L'espace de travail ou le backlog a changé depuis cet aperçu de fusion : relancez l'aperçu.",
    },
    "merge.empty_sheet_ignored": {
        "en": "This sheet is empty: the workbook is read as a team backlog and the sheet was ignored.",
        "fr": "Cette feuille est vide : le classeur est lu comme un backlog d'équipe et la feuille a été "
        "ignorée.",
    },
    "merge.status.added": {"en": "added", "fr": "ajoutée"},
    "merge.status.changed": {"en": "changed", "fr": "modifiée"},
    "merge.status.unchanged": {"en": "unchanged", "fr": "inchangée"},
    "merge.status.conflict": {"en": "conflict", "fr": "conflit"},
    "merge.column.status": {"en": "Status", "fr": "Statut"},
    "merge.column.initiative_id": {"en": "Initiative", "fr": "Initiative"},
    "merge.column.field": {"en": "Field", "fr": "Champ"},
    "merge.column.old": {"en": "Before", "fr": "Avant"},
    "merge.column.new": {"en": "After", "fr": "Après"},
    "merge.column.message": {"en": "Message", "fr": "Message"},
    "merge.field.impacts": {"en": "impacts", "fr": "impacts"},
    "merge.field.period_costs": {"en": "costs per period", "fr": "coûts par période"},
    "merge.yes": {"en": "yes", "fr": "oui"},
    "merge.no": {"en": "no", "fr": "non"},
}
