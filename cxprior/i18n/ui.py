"""Translations for the ui concern (dashboard pages, charts, insights); see cxprior.i18n."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- app frame -------------------------------------------------------------------
    "ui.app.title": {"en": "CX portfolio prioritisation", "fr": "Priorisation du portefeuille CX"},
    "ui.app.language": {"en": "Language", "fr": "Langue"},
    "ui.app.workspace_caption": {
        "en": "Workspace: {origin} — {goals} goals, {kpis} KPIs, {initiatives} initiatives",
        "fr": "Espace de travail : {origin} — {goals} objectifs, {kpis} indicateurs, {initiatives} "
        "initiatives",
    },
    "ui.app.origin_sample": {"en": "bundled sample", "fr": "exemple fourni"},
    "ui.app.origin_empty": {"en": "empty workspace", "fr": "espace de travail vide"},
    "ui.app.origin_upload": {"en": "uploaded {file}", "fr": "fichier importé {file}"},
    "ui.app.origin_merge": {"en": "merged with {file}", "fr": "fusionné avec {file}"},
    "ui.app.origin_edit": {"en": "edited in the app", "fr": "modifié dans l'application"},
    "ui.app.sample_missing": {
        "en": "The bundled sample workspace could not be loaded ({reason}). Upload a workbook on the "
        "Backlog page.",
        "fr": "L'espace de travail d'exemple n'a pas pu être chargé ({reason}). Importez un classeur "
        "depuis la "
        "page Backlog.",
    },
    "ui.app.unexpected": {
        "en": "Something went wrong on this page; nothing you loaded has been lost. Details were written to "
        "the server log.",
        "fr": "Un problème est survenu sur cette page ; rien de ce que vous avez chargé n'est perdu. Le "
        "détail "
        "figure dans le journal du serveur.",
    },
    "ui.page.overview": {"en": "Overview", "fr": "Vue d'ensemble"},
    "ui.page.backlog": {"en": "Backlog", "fr": "Backlog"},
    "ui.page.strategy": {"en": "Strategy", "fr": "Stratégie"},
    "ui.page.scenario": {"en": "Scenario", "fr": "Scénario"},
    "ui.page.compare": {"en": "Compare", "fr": "Comparer"},
    "ui.page.review": {"en": "COMEX review", "fr": "Revue COMEX"},
    # --- statuses, metrics, columns --------------------------------------------------
    "ui.status.optimal": {"en": "the best portfolio possible", "fr": "le meilleur portefeuille possible"},
    "ui.status.feasible": {
        "en": "a good portfolio, not shown to be the best",
        "fr": "un bon portefeuille, sans preuve que ce soit le meilleur",
    },
    "ui.status.infeasible": {"en": "infeasible", "fr": "impossible"},
    "ui.status.time_limit": {
        "en": "stopped at the computing time allowed",
        "fr": "arrêté au temps de calcul accordé",
    },
    "ui.metric.header": {"en": "Metric", "fr": "Indicateur"},
    "ui.metric.status": {"en": "Status", "fr": "Statut"},
    "ui.metric.value": {"en": "Value (points)", "fr": "Valeur (points)"},
    "ui.metric.total_cost": {"en": "Cost", "fr": "Coût"},
    "ui.metric.budget": {"en": "Budget", "fr": "Budget"},
    "ui.metric.count": {"en": "Initiatives funded", "fr": "Initiatives financées"},
    "ui.metric.phases": {"en": "Journey phases touched", "fr": "Phases du parcours touchées"},
    "ui.metric.top_phase_share": {"en": "Spend in the top phase", "fr": "Part de la phase principale"},
    "ui.metric.value_per_meur": {"en": "Value per M€", "fr": "Valeur par M€"},
    "ui.metric.cost_in": {"en": "Cost {period}", "fr": "Coût {period}"},
    "ui.metric.concentration": {"en": "Concentration index", "fr": "Indice de concentration"},
    "ui.metric.goals": {"en": "Strategic goals", "fr": "Objectifs stratégiques"},
    "ui.metric.kpis": {"en": "KPIs linked to a goal", "fr": "Indicateurs reliés à un objectif"},
    "ui.metric.initiatives": {"en": "Initiatives", "fr": "Initiatives"},
    "ui.metric.asked": {"en": "Total asked", "fr": "Total demandé"},
    "ui.metric.asked_vs_budget": {"en": "{ratio}× the budget", "fr": "{ratio} × le budget"},
    "ui.metric.no_budget": {"en": "no budget set", "fr": "aucun budget défini"},
    "ui.metric.of_kpis": {"en": "of {count}", "fr": "sur {count}"},
    "ui.metric.mandatory": {"en": "{count} mandatory", "fr": "{count} obligatoires"},
    "ui.col.initiative_id": {"en": "Id", "fr": "Id"},
    "ui.col.name": {"en": "Name", "fr": "Nom"},
    "ui.col.team": {"en": "Team", "fr": "Équipe"},
    "ui.col.owner": {"en": "Owner", "fr": "Responsable"},
    "ui.col.depends_on": {"en": "Depends on", "fr": "Dépend de"},
    "ui.col.exclusive_group": {"en": "Exclusive group", "fr": "Groupe exclusif"},
    "ui.col.competency": {"en": "CX competency", "fr": "Compétence CX"},
    "ui.col.journey_phase": {"en": "Journey phase", "fr": "Phase du parcours"},
    "ui.col.cost": {"en": "Cost", "fr": "Coût"},
    "ui.col.cost_period": {"en": "Cost {period}", "fr": "Coût {period}"},
    "ui.col.confidence": {"en": "Confidence", "fr": "Confiance"},
    "ui.col.mandatory": {"en": "Mandatory", "fr": "Obligatoire"},
    "ui.col.value": {"en": "Value", "fr": "Valeur"},
    "ui.col.value_per_meur": {"en": "Value per M€", "fr": "Valeur par M€"},
    "ui.col.main_goal": {"en": "Main goal", "fr": "Objectif principal"},
    "ui.col.reason": {"en": "Why it is left out", "fr": "Pourquoi elle est écartée"},
    "ui.col.goal": {"en": "Goal", "fr": "Objectif"},
    "ui.col.goal_id": {"en": "Goal id", "fr": "Id objectif"},
    "ui.col.weight": {"en": "Weight", "fr": "Poids"},
    "ui.col.normalised_weight": {"en": "Share of weight", "fr": "Part du poids"},
    "ui.col.description": {"en": "Description", "fr": "Description"},
    "ui.col.kpi": {"en": "KPI", "fr": "Indicateur"},
    "ui.col.unit": {"en": "Unit", "fr": "Unité"},
    "ui.col.direction": {"en": "Direction", "fr": "Sens"},
    "ui.col.baseline": {"en": "Baseline", "fr": "Valeur initiale"},
    "ui.col.projected": {"en": "Projected", "fr": "Projetée"},
    "ui.col.projected_range": {"en": "Range", "fr": "Fourchette"},
    "ui.col.target": {"en": "Target", "fr": "Cible"},
    "ui.col.progress": {"en": "Way to target", "fr": "Chemin vers la cible"},
    "ui.col.linked_goals": {"en": "Serves goals", "fr": "Sert les objectifs"},
    "ui.col.strategic_weight": {"en": "Strategic weight", "fr": "Poids stratégique"},
    "ui.col.connection": {"en": "Connection", "fr": "Connexion"},
    "ui.col.strength": {"en": "Strength", "fr": "Force"},
    "ui.col.sheet": {"en": "Sheet", "fr": "Feuille"},
    "ui.col.row": {"en": "Row", "fr": "Ligne"},
    "ui.col.column": {"en": "Column", "fr": "Colonne"},
    "ui.col.message": {"en": "Problem", "fr": "Problème"},
    "ui.col.count": {"en": "Initiatives", "fr": "Initiatives"},
    "ui.col.share": {"en": "Share", "fr": "Part"},
    "ui.col.points": {"en": "Value points", "fr": "Points de valeur"},
    "ui.col.field": {"en": "Field", "fr": "Champ"},
    "ui.col.before": {"en": "Before", "fr": "Avant"},
    "ui.col.after": {"en": "After", "fr": "Après"},
    "ui.col.initiatives_moving": {"en": "Initiatives moving it", "fr": "Initiatives qui le font bouger"},
    "ui.direction.increase": {"en": "increase", "fr": "hausse"},
    "ui.direction.decrease": {"en": "decrease", "fr": "baisse"},
    "ui.yes": {"en": "yes", "fr": "oui"},
    "ui.no": {"en": "no", "fr": "non"},
    "ui.no_goal": {"en": "(no goal)", "fr": "(aucun objectif)"},
    "ui.no_phase": {"en": "(no phase)", "fr": "(sans phase)"},
    # --- insights ---------------------------------------------------------------------
    "ui.insight.many_small": {
        "en": "Fragmentation sign: {count} of {total} initiatives ({share}) each ask less than half the "
        "average cost ({threshold}); together they take only {spend_share} of the money asked. Funding many "
        "things a little funds none enough: concentrate means on fewer, structural initiatives.",
        "fr": "Signe de fragmentation : {count} initiatives sur {total} ({share}) demandent chacune "
        "moins de la "
        "moitié du coût moyen ({threshold}) ; ensemble elles ne pèsent que {spend_share} des montants "
        "demandés. "
        "Financer un peu de tout ne finance rien assez : concentrez les moyens sur moins d'initiatives, plus "
        "structurantes.",
    },
    "ui.insight.spread_phases": {
        "en": "Fragmentation sign: spend is spread over all {count} journey phases (the largest, {phase}, "
        "takes only {share}). No phase of the journey stands out as the priority: find the phase that "
        "matters "
        "most to customers and concentrate there.",
        "fr": "Signe de fragmentation : les dépenses sont réparties sur les {count} phases du parcours "
        "(la plus "
        "importante, {phase}, n'en prend que {share}). Aucune phase ne ressort comme prioritaire : trouvez "
        "celle qui compte le plus pour les clients et concentrez-vous dessus.",
    },
    # --- pairwise comparison and weights ----------------------------------------------
    "ui.pairwise.consistent": {
        "en": "Consistent judgments: consistency ratio {ratio} (at most {threshold} is acceptable).",
        "fr": "Jugements cohérents : ratio de cohérence {ratio} (au plus {threshold} est acceptable).",
    },
    "ui.pairwise.inconsistent": {
        "en": "Inconsistent judgments: consistency ratio {ratio}, above {threshold}. The comparison of "
        "“{first}” with “{second}” disagrees most with the others: revisit it before using these weights.",
        "fr": "Jugements incohérents : ratio de cohérence {ratio}, au-dessus de {threshold}. La "
        "comparaison de "
        "« {first} » avec « {second} » contredit le plus les autres : revoyez-la avant d'utiliser ces poids.",
    },
    "ui.weights.unknown_goal": {
        "en": "No goal has the id {ids}.",
        "fr": "Aucun objectif n'a l'identifiant {ids}.",
    },
    "ui.weights.not_positive": {
        "en": "A goal weight must be greater than 0 (goal {ids}).",
        "fr": "Le poids d'un objectif doit être supérieur à 0 (objectif {ids}).",
    },
    # --- comparison -------------------------------------------------------------------
    "ui.compare.same": {
        "en": "{other} funds exactly the same initiatives as {reference}.",
        "fr": "{other} finance exactement les mêmes initiatives que {reference}.",
    },
    "ui.compare.delta": {
        "en": "Compared with {reference}, {other} adds initiatives worth {gained_value} points ({gained} "
        "for {gained_cost}) and gives up initiatives worth {given_up_value} points ({given_up} for "
        "{given_up_cost}): {value_change} points overall.",
        "fr": "Par rapport à {reference}, {other} ajoute des initiatives valant {gained_value} points "
        "({gained} pour {gained_cost}) et en abandonne valant {given_up_value} points ({given_up} pour "
        "{given_up_cost}) : {value_change} points au total.",
    },
    # --- charts -----------------------------------------------------------------------
    "ui.chart.selected": {"en": "Funded", "fr": "Financée"},
    "ui.chart.excluded": {"en": "Left out", "fr": "Écartée"},
    "ui.chart.cost": {"en": "Cost", "fr": "Coût"},
    "ui.chart.value": {"en": "Value (points)", "fr": "Valeur (points)"},
    "ui.chart.confidence": {"en": "Confidence", "fr": "Confiance"},
    "ui.chart.status": {"en": "Status", "fr": "Statut"},
    "ui.chart.share": {"en": "Share", "fr": "Part"},
    "ui.chart.budget": {"en": "Budget", "fr": "Budget"},
    "ui.chart.best_value": {
        "en": "Best value attainable (value points)",
        "fr": "Meilleure valeur atteignable (points de valeur)",
    },
    "ui.chart.spent": {"en": "Spent", "fr": "Dépensé"},
    "ui.chart.this_scenario": {"en": "this scenario", "fr": "ce scénario"},
    "ui.chart.scenario": {"en": "Scenario", "fr": "Scénario"},
    "ui.chart.target_reached": {"en": "Target reached", "fr": "Cible atteinte"},
    "ui.chart.target_not_reached": {"en": "Short of target", "fr": "En deçà de la cible"},
    "ui.chart.progress": {"en": "Share of the way to target", "fr": "Part du chemin vers la cible"},
    "ui.chart.dead_end": {"en": "Serves no goal", "fr": "Ne sert aucun objectif"},
    "ui.chart.serves_goal": {"en": "Serves a goal", "fr": "Sert un objectif"},
    "ui.chart.stage": {"en": "Level", "fr": "Niveau"},
    "ui.chart.stage_initiative": {"en": "Initiative", "fr": "Initiative"},
    "ui.chart.stage_kpi": {"en": "KPI", "fr": "Indicateur"},
    "ui.chart.stage_goal": {"en": "Goal", "fr": "Objectif"},
    "ui.chart.from": {"en": "From", "fr": "De"},
    "ui.chart.to": {"en": "To", "fr": "Vers"},
    "ui.chart.flow": {"en": "Weight", "fr": "Poids"},
    "ui.chart.goal_axis": {"en": "Goal", "fr": "Objectif"},
    "ui.chart.phase_axis": {"en": "Journey phase", "fr": "Phase du parcours"},
    # --- overview ---------------------------------------------------------------------
    "ui.overview.intro": {
        "en": "Your strategic goals, the KPIs that measure them and the initiatives competing for budget.",
        "fr": "Vos objectifs stratégiques, les indicateurs qui les mesurent et les initiatives en "
        "concurrence "
        "pour le budget.",
    },
    "ui.overview.budget_help": {
        "en": "Budget (Budget sheet): {budget}",
        "fr": "Budget (feuille Budget) : {budget}",
    },
    "ui.overview.period_budget": {"en": "budget {budget}", "fr": "budget {budget}"},
    "ui.overview.warnings": {"en": "What needs attention", "fr": "Points d'attention"},
    "ui.overview.no_warning": {
        "en": "Every KPI serves a goal and no sign of fragmentation was found.",
        "fr": "Chaque indicateur sert un objectif et aucun signe de fragmentation n'a été détecté.",
    },
    "ui.overview.goals": {"en": "Strategic goals", "fr": "Objectifs stratégiques"},
    "ui.overview.asked_by_goal": {"en": "Asked, by goal served", "fr": "Demandé, par objectif servi"},
    "ui.overview.asked_by_phase": {"en": "Asked, by journey phase", "fr": "Demandé, par phase du parcours"},
    "ui.overview.phase_caption": {
        "en": "{count} phases; the largest takes {share} of the money asked.",
        "fr": "{count} phases ; la plus importante prend {share} des montants demandés.",
    },
    "ui.overview.value_vs_cost": {"en": "Value against cost", "fr": "Valeur au regard du coût"},
    "ui.overview.value_vs_cost_caption": {
        "en": "One bubble per initiative. **How to read value points:** one point is one percent of the "
        "way from baseline to target on a KPI whose strategic weight is 1 (a KPI's strategic weight adds, "
        "over the goals it serves, the goal's share × the link's strength). A KPI brought all the way to "
        "its target is worth 100 × its strategic weight; here every KPI at its target would be worth "
        "{full} points. Compare points between initiatives, portfolios and scenarios of this workspace: "
        "they are not a percentage of the strategy.",
        "fr": "Une bulle par initiative. **Lire les points de valeur :** un point est un pour cent du "
        "chemin entre la valeur de départ et la cible d'un indicateur de poids stratégique 1 (le poids "
        "stratégique d'un indicateur additionne, sur les objectifs qu'il sert, la part de l'objectif × "
        "la force du lien). Un indicateur amené jusqu'à sa cible vaut 100 × son poids stratégique ; ici, "
        "tous les indicateurs à leur cible vaudraient {full} points. Comparez les points entre "
        "initiatives, portefeuilles et scénarios de cet espace de travail : ce n'est pas un pourcentage "
        "de la stratégie.",
    },
    # --- backlog ----------------------------------------------------------------------
    "ui.backlog.download_template": {
        "en": "Download the empty template",
        "fr": "Télécharger le modèle vierge",
    },
    "ui.backlog.download_workspace": {
        "en": "Download the current workspace",
        "fr": "Télécharger l'espace de travail actuel",
    },
    "ui.backlog.template_file": {"en": "cxprior_template.xlsx", "fr": "cxprior_modele.xlsx"},
    "ui.backlog.workspace_file": {"en": "cxprior_workspace.xlsx", "fr": "cxprior_espace_de_travail.xlsx"},
    "ui.backlog.upload_title": {"en": "Upload a workbook", "fr": "Importer un classeur"},
    "ui.backlog.upload": {
        "en": "A full workspace workbook, or a team backlog to merge (.xlsx)",
        "fr": "Un classeur complet d'espace de travail, ou le backlog d'une équipe à fusionner (.xlsx)",
    },
    "ui.backlog.upload_help": {
        "en": "A full workbook replaces the workspace once it is valid. A team backlog (Initiatives and "
        "Impacts only) is previewed before you confirm the merge.",
        "fr": "Un classeur complet remplace l'espace de travail une fois validé. Le backlog d'une équipe "
        "(Initiatives et Impacts seulement) est prévisualisé avant que vous confirmiez la fusion.",
    },
    "ui.backlog.invalid": {
        "en": {
            "one": "{file} cannot be used ({count} problem below). Nothing was replaced: the current "
            "workspace is kept.",
            "other": "{file} cannot be used ({count} problems below). Nothing was replaced: the current "
            "workspace is kept.",
        },
        "fr": {
            "one": "{file} n'est pas utilisable ({count} problème ci-dessous). Rien n'a été remplacé : "
            "l'espace de travail actuel est conservé.",
            "other": "{file} n'est pas utilisable ({count} problèmes ci-dessous). Rien n'a été remplacé : "
            "l'espace de travail actuel est conservé.",
        },
    },
    "ui.backlog.replaced": {
        "en": "{file} is valid and is now the workspace.",
        "fr": "{file} est valide et constitue désormais l'espace de travail.",
    },
    "ui.backlog.merged": {
        "en": "The team backlog {file} has been merged into the workspace.",
        "fr": "Le backlog d'équipe {file} a été fusionné dans l'espace de travail.",
    },
    "ui.backlog.preview": {
        "en": "Team backlog {file}: {added}, {changed}, {unchanged}. Nothing changes until you confirm.",
        "fr": "Backlog d'équipe {file} : {added}, {changed}, {unchanged}. Rien ne change tant que vous "
        "n'avez pas confirmé.",
    },
    "ui.backlog.count_added": {
        "en": {"one": "{count} initiative to add", "other": "{count} initiatives to add"},
        "fr": {"one": "{count} initiative à ajouter", "other": "{count} initiatives à ajouter"},
    },
    "ui.backlog.count_changed": {
        "en": {"one": "{count} to change", "other": "{count} to change"},
        "fr": {"one": "{count} à modifier", "other": "{count} à modifier"},
    },
    "ui.backlog.count_unchanged": {
        "en": {"one": "{count} unchanged", "other": "{count} unchanged"},
        "fr": {"one": "{count} inchangée", "other": "{count} inchangées"},
    },
    "ui.backlog.blocked": {
        "en": "Team backlog {file} cannot be merged: {reasons}. Fix the backlog and upload it again; "
        "nothing has changed in the workspace.",
        "fr": "Le backlog d'équipe {file} ne peut pas être fusionné : {reasons}. Corrigez le backlog et "
        "importez-le de nouveau ; rien n'a changé dans l'espace de travail.",
    },
    "ui.backlog.blocked_problems": {
        "en": {
            "one": "{count} problem, listed below with its sheet and row",
            "other": "{count} problems, listed below with their sheet and row",
        },
        "fr": {
            "one": "{count} problème, listé ci-dessous avec sa feuille et sa ligne",
            "other": "{count} problèmes, listés ci-dessous avec leur feuille et leur ligne",
        },
    },
    "ui.backlog.blocked_conflicts": {
        "en": {
            "one": "{count} initiative that belongs to another team or clashes with an existing id",
            "other": "{count} initiatives that belong to another team or clash with an existing id",
        },
        "fr": {
            "one": "{count} initiative appartient à une autre équipe ou se confond avec un identifiant "
            "existant",
            "other": "{count} initiatives appartiennent à une autre équipe ou se confondent avec un "
            "identifiant existant",
        },
    },
    "ui.backlog.and": {"en": " and ", "fr": " et "},
    "ui.backlog.read_as_backlog": {
        "en": "{file} is read as a team backlog (initiatives and impacts): its empty sheets {sheets} "
        "were ignored.",
        "fr": "{file} est lu comme un backlog d'équipe (initiatives et impacts) : ses feuilles vides "
        "{sheets} ont été ignorées.",
    },
    "ui.backlog.confirm_merge": {"en": "Confirm the merge", "fr": "Confirmer la fusion"},
    "ui.table.in_full": {
        "en": {
            "one": "Read the long text in full ({count})",
            "other": "Read the long texts in full ({count})",
        },
        "fr": {
            "one": "Lire le texte long en entier ({count})",
            "other": "Lire les textes longs en entier ({count})",
        },
    },
    "ui.table.row": {"en": "row {row}", "fr": "ligne {row}"},
    "ui.backlog.total_cost": {
        "en": {
            "one": "{count} initiative, asking {total} in all.",
            "other": "{count} initiatives, asking {total} in all.",
        },
        "fr": {
            "one": "{count} initiative, qui demande {total} au total.",
            "other": "{count} initiatives, qui demandent {total} au total.",
        },
    },
    "ui.backlog.notes": {"en": "Remarks ({count})", "fr": "Remarques ({count})"},
    "ui.backlog.initiatives": {"en": "Initiatives ({count})", "fr": "Initiatives ({count})"},
    "ui.backlog.editor_help": {
        "en": "Edit cells, add or delete rows: every change is checked on the server before it is taken.",
        "fr": "Modifiez des cellules, ajoutez ou supprimez des lignes : chaque changement est vérifié sur le "
        "serveur avant d'être pris en compte.",
    },
    "ui.backlog.edit_refused": {
        "en": {
            "one": "This edit was not taken ({count} problem below); the workspace is unchanged.",
            "other": "This edit was not taken ({count} problems below); the workspace is unchanged.",
        },
        "fr": {
            "one": "Cette modification n'a pas été prise en compte ({count} problème ci-dessous) ; "
            "l'espace de travail est inchangé.",
            "other": "Cette modification n'a pas été prise en compte ({count} problèmes ci-dessous) ; "
            "l'espace de travail est inchangé.",
        },
    },
    # --- strategy ---------------------------------------------------------------------
    "ui.strategy.intro": {
        "en": "Every initiative is worth what it moves on KPIs that serve the strategic goals: a KPI "
        "linked to "
        "no goal is worth nothing.",
        "fr": "Chaque initiative vaut ce qu'elle fait bouger sur des indicateurs qui servent les objectifs "
        "stratégiques : un indicateur relié à aucun objectif ne vaut rien.",
    },
    "ui.strategy.weights": {"en": "Goal weights", "fr": "Poids des objectifs"},
    "ui.strategy.direct": {"en": "Direct entry", "fr": "Saisie directe"},
    "ui.strategy.pairwise": {"en": "Pairwise comparison", "fr": "Comparaison par paires"},
    "ui.strategy.apply_weights": {"en": "Apply these weights", "fr": "Appliquer ces poids"},
    "ui.strategy.pairwise_help": {
        "en": "For each pair of goals, say which matters more and how much (1 = equal, 9 = overwhelmingly "
        "more). The weights follow, with a consistency check.",
        "fr": "Pour chaque paire d'objectifs, indiquez lequel compte le plus et de combien (1 = autant, 9 = "
        "infiniment plus). Les poids en découlent, avec un contrôle de cohérence.",
    },
    "ui.pairwise.equal": {"en": "equally important", "fr": "aussi important"},
    "ui.pairwise.left": {"en": "← {times}× more important", "fr": "← {times} × plus important"},
    "ui.pairwise.right": {"en": "{times}× more important →", "fr": "{times} × plus important →"},
    "ui.pairwise.label": {"en": "{first} compared with {second}", "fr": "{first} comparé à {second}"},
    "ui.strategy.current_share": {"en": "Current weight", "fr": "Poids actuel"},
    "ui.strategy.pairwise_share": {"en": "Pairwise weight", "fr": "Poids par paires"},
    "ui.strategy.use_pairwise": {"en": "Use the pairwise weights", "fr": "Utiliser les poids par paires"},
    "ui.strategy.kpis": {"en": "KPIs and the goals they serve", "fr": "Indicateurs et objectifs servis"},
    "ui.strategy.kpi_orphan": {
        "en": "KPI {kpi_id} ({name}) serves no goal: whatever initiatives move it is worth nothing.",
        "fr": "L'indicateur {kpi_id} ({name}) ne sert aucun objectif : ce que les initiatives y font "
        "bouger ne "
        "vaut rien.",
    },
    "ui.strategy.connected": {"en": "✓ serves a goal", "fr": "✓ sert un objectif"},
    "ui.strategy.disconnected": {"en": "⚠ serves no goal", "fr": "⚠ ne sert aucun objectif"},
    "ui.strategy.chain": {
        "en": "Value chain: initiative → KPI → goal",
        "fr": "Chaîne de valeur : initiative → indicateur → objectif",
    },
    "ui.strategy.chain_help": {
        "en": "Line width is the flow of value; orange lines end in a KPI that serves no goal. The {shown} "
        "initiatives of largest value are drawn, out of {total}; the table below lists every one.",
        "fr": "L'épaisseur des traits figure le flux de valeur ; les traits orange aboutissent à un "
        "indicateur qui ne sert aucun objectif. Les {shown} initiatives de plus grande valeur sont "
        "représentées, sur {total} ; le tableau ci-dessous les liste toutes.",
    },
    "ui.strategy.chain_table": {
        "en": {
            "one": "See all: the value chain as a table ({count} initiative)",
            "other": "See all: the value chain as a table ({count} initiatives)",
        },
        "fr": {
            "one": "Tout voir : la chaîne de valeur en tableau ({count} initiative)",
            "other": "Tout voir : la chaîne de valeur en tableau ({count} initiatives)",
        },
    },
    # --- scenario ---------------------------------------------------------------------
    "ui.scenario.default_name": {"en": "Scenario {n}", "fr": "Scénario {n}"},
    "ui.scenario.name": {"en": "Scenario name", "fr": "Nom du scénario"},
    "ui.scenario.budget_mode": {"en": "Budget", "fr": "Budget"},
    "ui.scenario.mode_total": {"en": "one total", "fr": "un total"},
    "ui.scenario.mode_period": {"en": "per period", "fr": "par période"},
    "ui.scenario.mode_both": {"en": "total and per period", "fr": "total et par période"},
    "ui.scenario.time_limit": {
        "en": "Maximum computing time (seconds)",
        "fr": "Temps de calcul maximal (secondes)",
    },
    "ui.scenario.budget_total": {"en": "Total budget (€)", "fr": "Budget total (€)"},
    "ui.scenario.budget_period": {"en": "Budget {period} (€)", "fr": "Budget {period} (€)"},
    "ui.result.explaining": {
        "en": "Writing why each initiative is in or out…",
        "fr": "Rédaction des raisons de chaque choix…",
    },
    "ui.scenario.budget_echo": {"en": "Budgets entered: {amounts}", "fr": "Budgets saisis : {amounts}"},
    "ui.scenario.echo_total": {"en": "total {amount}", "fr": "total {amount}"},
    "ui.scenario.echo_period": {"en": "{period} {amount}", "fr": "{period} {amount}"},
    "ui.scenario.budget_help": {
        "en": "Starts from the workbook's Budget sheet.",
        "fr": "Part de la feuille Budget du classeur.",
    },
    "ui.scenario.focus": {"en": "Focus constraints", "fr": "Contraintes de concentration"},
    "ui.scenario.focus_help": {
        "en": "Against fragmentation: fund fewer initiatives, touch fewer journey phases, and keep a minimum "
        "share of value for each goal.",
        "fr": "Contre la fragmentation : financer moins d'initiatives, toucher moins de phases du "
        "parcours, et "
        "garantir une part minimale de valeur à chaque objectif.",
    },
    "ui.scenario.max_initiatives": {
        "en": "At most this many initiatives",
        "fr": "Au plus ce nombre d'initiatives",
    },
    "ui.scenario.max_phases": {
        "en": "At most this many journey phases",
        "fr": "Au plus ce nombre de phases du parcours",
    },
    "ui.scenario.no_cap": {"en": "no limit", "fr": "sans limite"},
    "ui.scenario.min_share": {
        "en": "Minimum share of the portfolio's value for each goal (%)",
        "fr": "Part minimale de la valeur du portefeuille pour chaque objectif (%)",
    },
    "ui.scenario.choose": {"en": "Choose initiatives", "fr": "Choisir des initiatives"},
    "ui.scenario.forced": {"en": "Force in / force out", "fr": "Imposer / exclure"},
    "ui.scenario.force_in": {"en": "Fund whatever happens", "fr": "Financer quoi qu'il arrive"},
    "ui.scenario.force_out": {"en": "Leave out whatever happens", "fr": "Écarter quoi qu'il arrive"},
    "ui.scenario.reason": {"en": "Reason for {item}", "fr": "Motif pour {item}"},
    "ui.scenario.run": {"en": "Run the optimizer", "fr": "Lancer l'optimisation"},
    "ui.scenario.solving": {
        "en": "Choosing the best portfolio among {count} initiatives…",
        "fr": "Recherche du meilleur portefeuille parmi {count} initiatives…",
    },
    "ui.scenario.not_run": {
        "en": "Set the budget and constraints, then run the optimizer.",
        "fr": "Fixez le budget et les contraintes, puis lancez l'optimisation.",
    },
    "ui.scenario.result_title": {"en": "Result: {name}", "fr": "Résultat : {name}"},
    "ui.scenario.stale": {
        "en": "This result was computed on an earlier version of the workspace; run the optimizer again.",
        "fr": "Ce résultat a été calculé sur une version antérieure de l'espace de travail ; relancez "
        "l'optimisation.",
    },
    "ui.scenario.changed": {
        "en": "The parameters above have changed since this result: run the optimizer to update it.",
        "fr": "Les paramètres ci-dessus ont changé depuis ce résultat : relancez l'optimisation pour le "
        "mettre "
        "à jour.",
    },
    "ui.scenario.submit_review": {"en": "Hand to COMEX for review", "fr": "Soumettre à la revue COMEX"},
    "ui.scenario.submitted": {
        "en": "{name} is now the scenario COMEX reviews.",
        "fr": "{name} est désormais le scénario soumis au COMEX.",
    },
    # --- results ----------------------------------------------------------------------
    "ui.result.top_phase": {"en": "{share} in the top phase", "fr": "{share} dans la phase principale"},
    "ui.result.focus_help": {
        "en": "Largest phase: {phase} ({share} of spend); concentration index {index} (1 = all in one "
        "phase).",
        "fr": "Phase principale : {phase} ({share} des dépenses) ; indice de concentration {index} (1 = tout "
        "dans une phase).",
    },
    "ui.result.status_line": {
        "en": "Result: {status}. No portfolio can be worth more than {gap} above it; computed in "
        "{seconds} s.",
        "fr": "Résultat : {status}. Aucun portefeuille ne peut valoir plus de {gap} au-dessus ; calculé en "
        "{seconds} s.",
    },
    "ui.result.infeasible": {
        "en": "No portfolio satisfies this scenario. Here is what conflicts:",
        "fr": "Aucun portefeuille ne respecte ce scénario. Voici ce qui est en conflit :",
    },
    "ui.result.infeasible_default": {
        "en": "The constraints cannot all be met together; loosen the budget or the focus constraints.",
        "fr": "Les contraintes ne peuvent pas être toutes respectées ensemble ; desserrez le budget ou les "
        "contraintes de concentration.",
    },
    "ui.result.translating": {
        "en": "Writing the explanations in English…",
        "fr": "Rédaction des explications en français…",
    },
    "ui.result.view": {"en": "What to show", "fr": "Que montrer"},
    "ui.result.tab_portfolio": {"en": "In and out", "fr": "Retenues et écartées"},
    "ui.result.tab_bubble": {"en": "Value vs cost", "fr": "Valeur / coût"},
    "ui.result.tab_spend": {"en": "Spend", "fr": "Dépenses"},
    "ui.result.tab_frontier": {"en": "Efficient frontier", "fr": "Frontière efficiente"},
    "ui.result.tab_greedy": {"en": "Gain over ranking", "fr": "Gain sur le classement"},
    "ui.result.selected": {"en": "Funded initiatives ({count})", "fr": "Initiatives financées ({count})"},
    "ui.result.excluded": {"en": "Left out, and why ({count})", "fr": "Écartées, et pourquoi ({count})"},
    "ui.result.no_reason": {"en": "—", "fr": "—"},
    "ui.result.forced_cost": {
        "en": "Forcing {item} in costs {value} value points.",
        "fr": "Imposer {item} coûte {value} points de valeur.",
    },
    "ui.result.marginal": {
        "en": "Another €100,000 on {period} would buy about {value} more value points.",
        "fr": "100 000 € de plus sur {period} apporteraient environ {value} points de valeur.",
    },
    "ui.result.total_budget": {"en": "the total budget", "fr": "le budget total"},
    "ui.result.bubble_size": {"en": "Bubble size", "fr": "Taille des bulles"},
    "ui.result.spend_by_goal": {"en": "Spend by goal served", "fr": "Dépenses par objectif servi"},
    "ui.result.spend_by_phase": {"en": "Spend by journey phase", "fr": "Dépenses par phase du parcours"},
    "ui.result.frontier_help": {
        "en": "The best value reachable at each budget level, with the same constraints; the diamond is this "
        "scenario.",
        "fr": "La meilleure valeur atteignable à chaque niveau de budget, avec les mêmes contraintes ; le "
        "losange est ce scénario.",
    },
    "ui.result.frontier_button": {
        "en": "Draw the efficient frontier",
        "fr": "Tracer la frontière efficiente",
    },
    "ui.result.frontier_running": {
        "en": "Solving the scenario at every budget level…",
        "fr": "Résolution du scénario à chaque niveau de budget…",
    },
    "ui.result.frontier_empty": {
        "en": "No budget level gives a feasible portfolio with these constraints.",
        "fr": "Aucun niveau de budget ne donne de portefeuille réalisable avec ces contraintes.",
    },
    "ui.result.greedy_help": {
        "en": "What a score-and-rank tool would fund with the same budget (mandatory items first, then down "
        "the ranking while money lasts), against the optimized portfolio.",
        "fr": "Ce qu'un outil de notation et classement financerait avec le même budget (obligatoires "
        "d'abord, "
        "puis dans l'ordre du classement tant qu'il reste de l'argent), face au portefeuille optimisé.",
    },
    "ui.result.greedy_sentence": {
        "en": "Optimizing buys {gain} more value points ({share} more) than the best score-and-rank "
        "portfolio ({method}) for the same budget.",
        "fr": "L'optimisation apporte {gain} points de valeur de plus ({share} de plus) que le meilleur "
        "portefeuille obtenu par classement ({method}) pour le même budget.",
    },
    "ui.result.rank_value": {"en": "Ranking by value", "fr": "Classement par valeur"},
    "ui.result.rank_value_per_euro": {"en": "Ranking by value per €", "fr": "Classement par valeur par €"},
    "ui.result.optimizer": {"en": "Optimized portfolio", "fr": "Portefeuille optimisé"},
    "ui.result.greedy_method": {"en": "Method", "fr": "Méthode"},
    "ui.result.greedy_value": {"en": "Value (points)", "fr": "Valeur (points)"},
    "ui.result.greedy_cost": {"en": "Cost", "fr": "Coût"},
    "ui.result.greedy_count": {"en": "Initiatives", "fr": "Initiatives"},
    "ui.result.greedy_gain": {"en": "Optimizer gain (points)", "fr": "Gain de l'optimisation (points)"},
    "ui.result.greedy_gain_share": {"en": "Gain (%)", "fr": "Gain (%)"},
    # --- compare ----------------------------------------------------------------------
    "ui.compare.need_two": {
        "en": "Run or save at least two scenarios on the Scenario page (give each its own name) to compare "
        "them. Scenarios so far: {count}.",
        "fr": "Lancez ou enregistrez au moins deux scénarios depuis la page Scénario (chacun sous son propre "
        "nom) pour les comparer. Scénarios jusqu'ici : {count}.",
    },
    "ui.compare.choose": {"en": "Scenarios to compare", "fr": "Scénarios à comparer"},
    "ui.compare.pick_two": {
        "en": "Pick at least two scenarios.",
        "fr": "Choisissez au moins deux scénarios.",
    },
    "ui.compare.stale": {
        "en": "Solved on an earlier version of the workspace: {names}.",
        "fr": "Résolus sur une version antérieure de l'espace de travail : {names}.",
    },
    "ui.compare.metrics": {"en": "Key figures", "fr": "Chiffres clés"},
    "ui.compare.gains": {
        "en": "What each scenario gains and gives up",
        "fr": "Ce que chaque scénario gagne et abandonne",
    },
    "ui.compare.reference": {"en": "Compared with", "fr": "Par rapport à"},
    "ui.compare.details": {
        "en": "Initiatives in and out: {name}",
        "fr": "Initiatives entrées et sorties : {name}",
    },
    "ui.compare.gained": {"en": "Gained", "fr": "Gagnées"},
    "ui.compare.given_up": {"en": "Given up", "fr": "Abandonnées"},
    "ui.compare.matrix": {"en": "Who funds what", "fr": "Qui finance quoi"},
    "ui.compare.matrix_help": {
        "en": "Initiatives funded by at least one scenario; the ones every scenario funds come first.",
        "fr": "Initiatives financées par au moins un scénario ; celles que tous financent viennent d'abord.",
    },
    # --- review -----------------------------------------------------------------------
    "ui.review.none": {
        "en": "No scenario has been handed to COMEX yet: run one on the Scenario page and hand it over.",
        "fr": "Aucun scénario n'a encore été soumis au COMEX : lancez-en un depuis la page Scénario et "
        "soumettez-le.",
    },
    "ui.review.choose": {"en": "Scenario to review", "fr": "Scénario à examiner"},
    "ui.review.stale": {
        "en": "The workspace has changed since this scenario was solved; the figures below are those of the "
        "version it was solved on.",
        "fr": "L'espace de travail a changé depuis la résolution de ce scénario ; les chiffres "
        "ci-dessous sont "
        "ceux de la version résolue.",
    },
    "ui.review.funded_by_goal": {
        "en": "Funded initiatives by goal",
        "fr": "Initiatives financées par objectif",
    },
    "ui.review.goal_line": {
        "en": {"one": "{count} initiative, {cost}", "other": "{count} initiatives, {cost}"},
        "fr": {"one": "{count} initiative, {cost}", "other": "{count} initiatives, {cost}"},
    },
    "ui.review.kpis": {"en": "Expected KPI movement", "fr": "Évolution attendue des indicateurs"},
    "ui.review.kpis_help": {
        "en": "Baseline → projected level if the funded initiatives deliver their expected impacts (weighted "
        "by confidence), against the target; the range uses the pessimistic and optimistic impacts.",
        "fr": "Valeur initiale → niveau projeté si les initiatives financées produisent leurs impacts "
        "attendus "
        "(pondérés par la confiance), face à la cible ; la fourchette reprend les impacts pessimistes et "
        "optimistes.",
    },
    # --- who is acting ----------------------------------------------------------------
    "ui.identity.name": {"en": "Your name", "fr": "Votre nom"},
    "ui.identity.placeholder": {"en": "e.g. Claire Martin", "fr": "par exemple Claire Martin"},
    "ui.identity.help": {
        "en": "Recorded with every version you save, every scenario you save or submit, and every COMEX "
        "decision you take.",
        "fr": "Enregistré avec chaque version que vous sauvegardez, chaque scénario que vous enregistrez "
        "ou soumettez, et chaque décision COMEX que vous prenez.",
    },
    "ui.identity.required": {
        "en": "Enter your name in the sidebar first: every save, submission and decision records who "
        "made it.",
        "fr": "Saisissez d'abord votre nom dans le panneau latéral : chaque enregistrement, soumission et "
        "décision garde la trace de son auteur.",
    },
    "ui.identity.signed_in": {"en": "Signed in as {name}", "fr": "Connecté en tant que {name}"},
    # --- workspace versions ------------------------------------------------------------
    "ui.app.origin_stored": {
        "en": "“{name}” version {version}, saved by {who} on {when}",
        "fr": "« {name} » version {version}, enregistrée par {who} le {when}",
    },
    "ui.app.origin_restore": {
        "en": "version {restored_from} restored by {who}",
        "fr": "version {restored_from} restaurée par {who}",
    },
    "ui.note.sample": {"en": "bundled sample {file}", "fr": "exemple fourni {file}"},
    "ui.note.upload": {"en": "upload of {file}", "fr": "import de {file}"},
    "ui.note.merge": {"en": "merge of team backlog {file}", "fr": "fusion du backlog d'équipe {file}"},
    "ui.note.edit": {"en": "edit in the backlog table", "fr": "modification dans le tableau du backlog"},
    "ui.note.weights": {"en": "goal weights changed", "fr": "poids des objectifs modifiés"},
    "ui.note.pairwise": {
        "en": "goal weights from the pairwise comparison",
        "fr": "poids des objectifs issus de la comparaison par paires",
    },
    "ui.note.restore": {"en": "restore of version {version}", "fr": "restauration de la version {version}"},
    "ui.versions.saved_as": {
        "en": "Saved as version {version} of “{name}”.",
        "fr": "Enregistré comme version {version} de « {name} ».",
    },
    "ui.versions.not_saved": {
        "en": "Not saved to the database: {reason} Your work is kept in this browser session only.",
        "fr": "Non enregistré dans la base de données : {reason} Votre travail n'est conservé que dans "
        "cette session du navigateur.",
    },
    "ui.versions.title": {"en": "Saved versions", "fr": "Versions enregistrées"},
    "ui.versions.help": {
        "en": "Every upload, merge or edit is saved as a new version; ✓ marks the one you are working on. "
        "Restoring an old version saves it again as the newest: nothing is ever overwritten.",
        "fr": "Chaque import, fusion ou modification est enregistré comme une nouvelle version ; ✓ marque "
        "celle sur laquelle vous travaillez. Restaurer une ancienne version l'enregistre à nouveau comme "
        "la plus récente : rien n'est jamais écrasé.",
    },
    "ui.versions.unavailable": {
        "en": "The version history is not available: the workspace is not saved in a database.",
        "fr": "L'historique des versions n'est pas disponible : l'espace de travail n'est pas enregistré "
        "dans une base de données.",
    },
    "ui.versions.col_version": {"en": "Version", "fr": "Version"},
    "ui.versions.col_saved_at": {"en": "Saved", "fr": "Enregistrée"},
    "ui.versions.col_author": {"en": "By", "fr": "Par"},
    "ui.versions.col_note": {"en": "What changed", "fr": "Ce qui a changé"},
    "ui.versions.col_initiatives": {"en": "Initiatives", "fr": "Initiatives"},
    "ui.versions.restore_choice": {"en": "Version to restore", "fr": "Version à restaurer"},
    "ui.versions.restore": {"en": "Restore this version", "fr": "Restaurer cette version"},
    "ui.versions.restored": {
        "en": "Version {version} restored: it is now version {new}.",
        "fr": "Version {version} restaurée : c'est désormais la version {new}.",
    },
    "ui.versions.workspace": {"en": "Saved workspace", "fr": "Espace de travail enregistré"},
    "ui.versions.open": {"en": "Open", "fr": "Ouvrir"},
    "ui.versions.newer": {
        "en": "{who} saved a newer version ({version}) on {when}.",
        "fr": "{who} a enregistré une version plus récente ({version}) le {when}.",
    },
    "ui.versions.take_latest": {
        "en": "Open the latest version (drop my change)",
        "fr": "Ouvrir la dernière version (abandonner ma modification)",
    },
    "ui.versions.save_copy": {"en": "Save mine as a copy", "fr": "Enregistrer la mienne comme copie"},
    "ui.versions.copy_saved": {
        "en": "Your version is saved as the workspace “{name}”.",
        "fr": "Votre version est enregistrée comme espace de travail « {name} ».",
    },
    "ui.versions.latest_loaded": {
        "en": "Version {version} of “{name}” is open.",
        "fr": "La version {version} de « {name} » est ouverte.",
    },
    # --- saved scenarios ---------------------------------------------------------------
    "ui.saved.title": {"en": "Saved scenarios ({count})", "fr": "Scénarios enregistrés ({count})"},
    "ui.saved.none": {
        "en": "No scenario is saved yet: run one, then save it.",
        "fr": "Aucun scénario n'est encore enregistré : lancez-en un, puis enregistrez-le.",
    },
    "ui.saved.choose": {"en": "Saved scenario", "fr": "Scénario enregistré"},
    "ui.saved.option": {
        "en": "{name} — {status}, {who}, {when} (#{id})",
        "fr": "{name} — {status}, {who}, {when} (n° {id})",
    },
    "ui.saved.open": {"en": "Open", "fr": "Ouvrir"},
    "ui.saved.opened": {"en": "Scenario “{name}” is open.", "fr": "Le scénario « {name} » est ouvert."},
    "ui.saved.duplicate": {"en": "Duplicate", "fr": "Dupliquer"},
    "ui.saved.duplicated": {
        "en": "“{name}” is a new draft: change it, then save it.",
        "fr": "« {name} » est un nouveau brouillon : modifiez-le, puis enregistrez-le.",
    },
    "ui.saved.delete": {"en": "Delete", "fr": "Supprimer"},
    "ui.saved.deleted": {
        "en": "Scenario “{name}” is deleted; its decision log is kept.",
        "fr": "Le scénario « {name} » est supprimé ; son journal des décisions est conservé.",
    },
    "ui.saved.no_result": {
        "en": "Scenario “{name}” has no portfolio saved with it: it cannot be opened here.",
        "fr": "Le scénario « {name} » n'a pas de portefeuille enregistré : il ne peut pas être ouvert ici.",
    },
    "ui.saved.save": {"en": "Save", "fr": "Enregistrer"},
    "ui.saved.saved": {"en": "Scenario “{name}” is saved.", "fr": "Le scénario « {name} » est enregistré."},
    "ui.saved.save_copy": {"en": "Save as a copy", "fr": "Enregistrer comme copie"},
    "ui.saved.withdraw": {"en": "Withdraw from COMEX", "fr": "Retirer de la revue COMEX"},
    "ui.saved.withdrawn": {
        "en": "“{name}” is withdrawn: it is a draft again.",
        "fr": "« {name} » est retiré : c'est de nouveau un brouillon.",
    },
    "ui.saved.status": {
        "en": "Saved as scenario #{id}, version {version}, status “{status}”.",
        "fr": "Enregistré comme scénario n° {id}, version {version}, statut « {status} ».",
    },
    "ui.saved.changed": {
        "en": "Changed since it was saved as scenario #{id} (version {version}, “{status}”): save it again "
        "to keep this result.",
        "fr": "Modifié depuis son enregistrement comme scénario n° {id} (version {version}, « {status} ») : "
        "enregistrez-le à nouveau pour garder ce résultat.",
    },
    "ui.saved.moved_on": {
        "en": "{who} changed “{name}” on {when}: it is now version {version}, status “{status}”. Open it "
        "from the saved scenarios to carry on from there.",
        "fr": "{who} a modifié « {name} » le {when} : c'est désormais la version {version}, statut "
        "« {status} ». Ouvrez-le depuis les scénarios enregistrés pour repartir de là.",
    },
    "ui.saved.no_store": {
        "en": "Scenarios cannot be saved: the database is not available.",
        "fr": "Les scénarios ne peuvent pas être enregistrés : la base de données n'est pas disponible.",
    },
    "ui.saved.workspace_unsaved": {
        "en": "This result was computed on a workspace that is not saved, so it cannot be saved: run the "
        "optimizer again on the saved workspace.",
        "fr": "Ce résultat a été calculé sur un espace de travail non enregistré ; il ne peut donc pas être "
        "enregistré : relancez l'optimisation sur l'espace de travail enregistré.",
    },
    # --- COMEX decision ----------------------------------------------------------------
    "ui.decision.title": {"en": "COMEX decision", "fr": "Décision du COMEX"},
    "ui.decision.status": {
        "en": "Status: {status} — last step by {who} on {when}.",
        "fr": "Statut : {status} — dernière étape par {who} le {when}.",
    },
    "ui.decision.comment": {
        "en": "Comment (required to send it back)",
        "fr": "Commentaire (obligatoire pour renvoyer)",
    },
    "ui.decision.approve": {"en": "Approve", "fr": "Approuver"},
    "ui.decision.send_back": {"en": "Send back", "fr": "Renvoyer"},
    "ui.decision.approve_done": {
        "en": "Scenario “{name}” is approved.",
        "fr": "Le scénario « {name} » est approuvé.",
    },
    "ui.decision.send_back_done": {
        "en": "Scenario “{name}” is sent back with your comment.",
        "fr": "Le scénario « {name} » est renvoyé avec votre commentaire.",
    },
    "ui.decision.log": {"en": "Decision log", "fr": "Journal des décisions"},
    "ui.decision.col_when": {"en": "When", "fr": "Quand"},
    "ui.decision.col_who": {"en": "Who", "fr": "Qui"},
    "ui.decision.col_status": {"en": "Status", "fr": "Statut"},
    "ui.decision.col_comment": {"en": "Comment", "fr": "Commentaire"},
    # --- COMEX pack --------------------------------------------------------------------
    "ui.pack.download_xlsx": {"en": "COMEX pack (Excel)", "fr": "Dossier COMEX (Excel)"},
    "ui.pack.download_pdf": {"en": "COMEX pack (PDF)", "fr": "Dossier COMEX (PDF)"},
    "ui.pack.file_xlsx": {"en": "comex_pack_{name}.xlsx", "fr": "dossier_comex_{name}.xlsx"},
    "ui.pack.file_pdf": {"en": "comex_pack_{name}.pdf", "fr": "dossier_comex_{name}.pdf"},
}
