"""Translations for the report concern (the COMEX pack: Excel and PDF); see cxprior.i18n."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # --- document and title block
    "report.title": {"en": "CX portfolio for the executive committee", "fr": "Portefeuille CX pour le COMEX"},
    "report.company": {"en": "Company", "fr": "Entreprise"},
    "report.scenario": {"en": "Scenario", "fr": "Scénario"},
    "report.date": {"en": "Date", "fr": "Date"},
    "report.status": {"en": "Status", "fr": "Statut"},
    "report.date_format": {"en": "{day:%d %b %Y}", "fr": "{day:%d/%m/%Y}"},
    "report.datetime_format": {"en": "{moment:%d %b %Y %H:%M}", "fr": "{moment:%d/%m/%Y à %H:%M}"},
    "report.footer": {
        "en": "{company} · {scenario} · page {page} of {pages}",
        "fr": "{company} · {scenario} · page {page} sur {pages}",
    },
    # --- workflow status of the scenario (draft → submitted → approved | sent back)
    "report.workflow.draft": {"en": "Draft", "fr": "Brouillon"},
    "report.workflow.submitted": {"en": "Submitted for approval", "fr": "Soumis au COMEX"},
    "report.workflow.approved": {"en": "Approved", "fr": "Approuvé"},
    "report.workflow.sent_back": {"en": "Sent back", "fr": "Renvoyé pour révision"},
    # --- solver status
    "report.solver.optimal": {"en": "the best possible (proven)", "fr": "le meilleur possible (prouvé)"},
    "report.solver.feasible": {
        "en": "good, not proven the best",
        "fr": "bon, sans preuve qu'il soit le meilleur",
    },
    "report.solver.time_limit": {
        "en": "the best found in the time allowed",
        "fr": "le meilleur trouvé dans le temps imparti",
    },
    "report.solver.infeasible": {
        "en": "impossible under these constraints",
        "fr": "impossible sous ces contraintes",
    },
    # --- sheet names (Excel allows 31 characters, no []:*?/\)
    "report.sheet.summary": {"en": "Summary", "fr": "Synthèse"},
    "report.sheet.portfolio": {"en": "Portfolio", "fr": "Portefeuille"},
    "report.sheet.left_out": {"en": "Left out", "fr": "Écartées"},
    "report.sheet.frontier": {"en": "Frontier", "fr": "Frontière"},
    "report.sheet.parameters": {"en": "Scenario parameters", "fr": "Paramètres"},
    "report.sheet.decisions": {"en": "Decisions", "fr": "Décisions"},
    # --- section titles
    "report.section.headline": {"en": "Key figures", "fr": "Chiffres clés"},
    "report.section.periods": {
        "en": "Cost per period against budget",
        "fr": "Coût par période face au budget",
    },
    "report.section.goals": {"en": "Value by strategic goal", "fr": "Valeur par objectif stratégique"},
    "report.section.kpis": {
        "en": "Expected KPI movement: baseline → projected, against target",
        "fr": "Évolution attendue des indicateurs : initial → projeté, face à la cible",
    },
    "report.section.funded": {"en": "Funded initiatives", "fr": "Initiatives financées"},
    "report.section.left_out": {
        "en": "Initiatives left out, and why",
        "fr": "Initiatives écartées, et pourquoi",
    },
    "report.section.focus": {"en": "How focused the portfolio is", "fr": "Concentration du portefeuille"},
    "report.section.decision": {"en": "Decision", "fr": "Décision"},
    # --- headline figures
    "report.head.value": {"en": "Portfolio value", "fr": "Valeur du portefeuille"},
    "report.head.value_unit": {"en": "value points", "fr": "points de valeur"},
    "report.head.cost": {"en": "Total cost", "fr": "Coût total"},
    "report.head.budget_used": {
        "en": "{share} of the {budget} budget",
        "fr": "{share} du budget de {budget}",
    },
    "report.head.no_budget": {"en": "no budget cap", "fr": "sans plafond de budget"},
    "report.head.funded": {"en": "Initiatives funded", "fr": "Initiatives financées"},
    "report.head.funded_of": {"en": "out of {candidates} proposed", "fr": "sur {candidates} proposées"},
    "report.head.solution": {"en": "Result", "fr": "Résultat"},
    "report.head.phases": {"en": "Journey phases", "fr": "Phases du parcours"},
    "report.head.gap": {"en": "proven gap {gap}", "fr": "écart prouvé {gap}"},
    "report.head.value_per_meur": {"en": "Value per M€", "fr": "Valeur par M€"},
    # --- chart titles and axes
    "report.chart.goals": {"en": "Value by strategic goal (points)", "fr": "Valeur par objectif (points)"},
    "report.chart.periods": {"en": "Cost and budget per period", "fr": "Coût et budget par période"},
    "report.chart.kpis": {
        "en": "Progress toward target (% of the way)",
        "fr": "Progression vers la cible (% du chemin)",
    },
    "report.chart.amount": {"en": "Amount (€)", "fr": "Montant (€)"},
    "report.chart.cost": {"en": "Cost", "fr": "Coût"},
    "report.chart.budget": {"en": "Budget", "fr": "Budget"},
    # --- column headings
    "report.col.id": {"en": "ID", "fr": "ID"},
    "report.col.name": {"en": "Initiative", "fr": "Initiative"},
    "report.col.team": {"en": "Team", "fr": "Équipe"},
    "report.col.owner": {"en": "Owner", "fr": "Responsable"},
    "report.col.phase": {"en": "Journey phase", "fr": "Phase du parcours"},
    "report.col.cost": {"en": "Cost (€)", "fr": "Coût (€)"},
    "report.col.cost_period": {"en": "Cost {period} (€)", "fr": "Coût {period} (€)"},
    "report.col.value": {"en": "Value (points)", "fr": "Valeur (points)"},
    "report.col.value_per_meur": {"en": "Value per M€", "fr": "Valeur par M€"},
    "report.col.kpis": {"en": "KPIs moved", "fr": "Indicateurs visés"},
    "report.col.goals": {"en": "Goals served", "fr": "Objectifs servis"},
    "report.col.main_goal": {"en": "Main goal", "fr": "Objectif principal"},
    "report.col.flag": {"en": "Mandatory / forced", "fr": "Obligatoire / imposée"},
    "report.col.reason": {"en": "Why it is left out", "fr": "Pourquoi elle est écartée"},
    "report.col.period": {"en": "Period", "fr": "Période"},
    "report.col.budget": {"en": "Budget (€)", "fr": "Budget (€)"},
    "report.col.used": {"en": "Budget used", "fr": "Budget consommé"},
    "report.col.goal": {"en": "Strategic goal", "fr": "Objectif stratégique"},
    "report.col.weight": {"en": "Weight", "fr": "Poids"},
    "report.col.share": {"en": "Share of value", "fr": "Part de la valeur"},
    "report.col.kpi": {"en": "KPI", "fr": "Indicateur"},
    "report.col.unit": {"en": "Unit", "fr": "Unité"},
    "report.col.baseline": {"en": "Baseline", "fr": "Initial"},
    "report.col.projected": {"en": "Projected", "fr": "Projeté"},
    "report.col.target": {"en": "Target", "fr": "Cible"},
    "report.col.progress": {"en": "Way to target", "fr": "Chemin vers la cible"},
    "report.col.count": {"en": "Initiatives", "fr": "Initiatives"},
    "report.col.solver_status": {"en": "Result", "fr": "Résultat"},
    "report.col.gap": {"en": "Proven gap", "fr": "Écart prouvé"},
    "report.col.workflow": {"en": "Status", "fr": "Statut"},
    "report.col.author": {"en": "By", "fr": "Par"},
    "report.col.when": {"en": "When", "fr": "Quand"},
    "report.col.comment": {"en": "Comment", "fr": "Commentaire"},
    "report.col.parameter": {"en": "Parameter", "fr": "Paramètre"},
    "report.col.setting": {"en": "Setting", "fr": "Réglage"},
    "report.col.indicator": {"en": "Indicator", "fr": "Indicateur"},
    "report.col.portfolio": {"en": "This portfolio", "fr": "Ce portefeuille"},
    "report.col.limit": {"en": "Scenario limit", "fr": "Limite du scénario"},
    "report.total": {"en": "Total", "fr": "Total"},
    "report.count_of": {
        "en": {
            "one": "{count} of {candidates} initiatives",
            "other": "{count} of {candidates} initiatives",
        },
        "fr": {
            "one": "{count} initiative sur {candidates}",
            "other": "{count} initiatives sur {candidates}",
        },
    },
    "report.count": {
        "en": {
            "one": "{count} initiative",
            "other": "{count} initiatives",
        },
        "fr": {
            "one": "{count} initiative",
            "other": "{count} initiatives",
        },
    },
    "report.flag.mandatory": {"en": "mandatory", "fr": "obligatoire"},
    "report.flag.forced_in": {"en": "forced in", "fr": "imposée"},
    "report.reason.not_selected": {
        "en": "Not selected: the budget buys more value elsewhere.",
        "fr": "Non retenue : le budget rapporte plus de valeur ailleurs.",
    },
    "report.none": {"en": "none", "fr": "aucun"},
    "report.no_initiative": {"en": "none", "fr": "aucune"},
    "report.no_left_out": {
        "en": "Every proposed initiative is funded.",
        "fr": "Toutes les initiatives proposées sont financées.",
    },
    "report.more_left_out": {
        "en": {
            "one": "… and {count} more, listed in the Excel pack.",
            "other": "… and {count} more, listed in the Excel pack.",
        },
        "fr": {
            "one": "… et {count} autre, listée dans le classeur Excel.",
            "other": "… et {count} autres, listées dans le classeur Excel.",
        },
    },
    # --- focus indicators
    "report.focus.count": {"en": "Initiatives funded", "fr": "Initiatives financées"},
    "report.focus.phases": {"en": "Journey phases touched", "fr": "Phases du parcours couvertes"},
    "report.focus.top_phase": {"en": "Phase with the most spend", "fr": "Phase la plus financée"},
    "report.focus.top_share": {
        "en": "Share of spend in that phase",
        "fr": "Part des dépenses dans cette phase",
    },
    "report.focus.hhi": {
        "en": "Concentration index across phases (1 = all in one phase)",
        "fr": "Indice de concentration entre phases (1 = tout dans une phase)",
    },
    "report.focus.no_limit": {"en": "no limit", "fr": "sans limite"},
    "report.focus.at_most": {"en": "at most {limit}", "fr": "au plus {limit}"},
    # --- decision
    "report.decision.approved": {
        "en": "Approved by {author} on {when}.",
        "fr": "Approuvé par {author} le {when}.",
    },
    "report.decision.sent_back": {
        "en": "Sent back by {author} on {when}.",
        "fr": "Renvoyé pour révision par {author} le {when}.",
    },
    "report.decision.comment": {"en": "Comment: “{comment}”", "fr": "Commentaire : « {comment} »"},
    "report.decision.pending": {
        "en": "No decision yet: the scenario is {status}.",
        "fr": "Pas encore de décision : le scénario est au statut « {status} ».",
    },
    # --- scenario parameters
    "report.param.name": {"en": "Scenario", "fr": "Scénario"},
    # --- page one in words
    "report.summary": {
        "en": {
            "one": "Funded: {count} initiative for {cost}, worth {value} value points. Given up: {left} "
            "asking {left_cost}, worth {left_value} points.",
            "other": "Funded: {count} initiatives for {cost}, worth {value} value points. Given up: {left} "
            "asking {left_cost}, worth {left_value} points.",
        },
        "fr": {
            "one": "Financée : {count} initiative pour {cost}, soit {value} points de valeur. Écartées : "
            "{left} demandant {left_cost}, soit {left_value} points.",
            "other": "Financées : {count} initiatives pour {cost}, soit {value} points de valeur. "
            "Écartées : {left} demandant {left_cost}, soit {left_value} points.",
        },
    },
    "report.summary.left": {
        "en": {"one": "{count} initiative", "other": "{count} initiatives"},
        "fr": {"one": "{count} initiative", "other": "{count} initiatives"},
    },
    "report.assumptions": {"en": "Assumptions of this scenario", "fr": "Hypothèses de ce scénario"},
    "report.assume.budget_total": {"en": "Total budget: {amount}.", "fr": "Budget total : {amount}."},
    "report.assume.budget_period": {"en": "Budget {period}: {amount}.", "fr": "Budget {period} : {amount}."},
    "report.assume.no_budget": {
        "en": "No budget cap: every initiative worth something may be funded.",
        "fr": "Aucun plafond de budget : toute initiative qui apporte de la valeur peut être financée.",
    },
    "report.assume.max_initiatives": {
        "en": {"one": "At most {count} initiative.", "other": "At most {count} initiatives."},
        "fr": {"one": "Au plus {count} initiative.", "other": "Au plus {count} initiatives."},
    },
    "report.assume.max_phases": {
        "en": {
            "one": "At most {count} journey phase touched.",
            "other": "At most {count} journey phases touched.",
        },
        "fr": {
            "one": "Au plus {count} phase du parcours touchée.",
            "other": "Au plus {count} phases du parcours touchées.",
        },
    },
    "report.assume.min_goal_share": {
        "en": "At least {share} of the value goes to {goal}.",
        "fr": "Au moins {share} de la valeur pour {goal}.",
    },
    "report.assume.min_competency_share": {
        "en": "At least {share} of the spend builds {competency}.",
        "fr": "Au moins {share} des dépenses pour {competency}.",
    },
    "report.assume.force_in": {"en": "Imposed: {item}.", "fr": "Imposée : {item}."},
    "report.assume.force_in_because": {
        "en": "Imposed: {item}, because {reason}.",
        "fr": "Imposée : {item}, car {reason}.",
    },
    "report.assume.force_out": {"en": "Excluded: {item}.", "fr": "Exclue d'office : {item}."},
    "report.assume.force_out_because": {
        "en": "Excluded: {item}, because {reason}.",
        "fr": "Exclue d'office : {item}, car {reason}.",
    },
    "report.param.budget_total": {"en": "Total budget (€)", "fr": "Budget total (€)"},
    "report.param.budget_period": {"en": "Budget {period} (€)", "fr": "Budget {period} (€)"},
    "report.param.no_cap": {"en": "no cap", "fr": "sans plafond"},
    "report.param.max_initiatives": {
        "en": "Maximum number of initiatives",
        "fr": "Nombre maximal d'initiatives",
    },
    "report.param.max_phases": {
        "en": "Maximum journey phases touched",
        "fr": "Nombre maximal de phases du parcours",
    },
    "report.param.min_goal_share": {
        "en": "Minimum share of value for {goal}",
        "fr": "Part minimale de la valeur pour {goal}",
    },
    "report.param.min_competency_share": {
        "en": "Minimum share of budget for {competency}",
        "fr": "Part minimale du budget pour {competency}",
    },
    "report.param.force_in": {"en": "Forced in", "fr": "Imposées"},
    "report.param.force_out": {"en": "Forced out", "fr": "Exclues d'office"},
    "report.param.solver": {"en": "Solver", "fr": "Solveur"},
    "report.param.time_limit": {"en": "Time limit (s)", "fr": "Temps limite (s)"},
    "report.param.gap": {"en": "Gap required for “optimal”", "fr": "Écart exigé pour « optimal »"},
    "report.param.status": {"en": "Result", "fr": "Résultat"},
    "report.param.proven_gap": {"en": "Proven gap", "fr": "Écart prouvé"},
    "report.param.solve_seconds": {"en": "Solve time (s)", "fr": "Temps de résolution (s)"},
    "report.param.marginal": {
        "en": "Value of 1,000 € more budget ({period}), points",
        "fr": "Valeur de 1 000 € de budget en plus ({period}), points",
    },
    "report.param.forced_cost": {
        "en": "Value given up by forcing {initiative}, points",
        "fr": "Valeur perdue en imposant {initiative}, points",
    },
    "report.competency.customer_understanding": {
        "en": "customer understanding",
        "fr": "compréhension du client",
    },
    "report.competency.strategy_engagement": {
        "en": "strategy and engagement",
        "fr": "stratégie et engagement",
    },
    "report.competency.culture_management": {"en": "culture and management", "fr": "culture et management"},
    "report.competency.design_improvement": {
        "en": "design and continuous improvement",
        "fr": "design et amélioration continue",
    },
    # --- command line
    "report.cli.written": {"en": "Wrote {path}", "fr": "Écrit : {path}"},
    "report.cli.summary": {
        "en": {
            "one": "{count} initiative funded for {cost}: {value} value points; the portfolio is {status}.",
            "other": "{count} initiatives funded for {cost}: {value} value points; the portfolio is "
            "{status}.",
        },
        "fr": {
            "one": "{count} initiative financée pour {cost} : {value} points de valeur ; le portefeuille "
            "est {status}.",
            "other": "{count} initiatives financées pour {cost} : {value} points de valeur ; le "
            "portefeuille est {status}.",
        },
    },
    "report.cli.no_folder": {
        "en": "Cannot write {path}: the folder {folder} does not exist.",
        "fr": "Impossible d'écrire {path} : le dossier {folder} n'existe pas.",
    },
    "report.cli.infeasible": {
        "en": "No portfolio satisfies this scenario, so no pack was written:",
        "fr": "Aucun portefeuille ne respecte ce scénario ; aucun dossier n'a été écrit :",
    },
    "report.cli.backlog": {
        "en": "{path} is a team backlog (initiatives only): the COMEX pack needs a full workbook "
        "with goals and KPIs.",
        "fr": "{path} est un backlog d'équipe (initiatives seules) : le dossier COMEX demande un "
        "classeur complet avec objectifs et indicateurs.",
    },
    "report.not_solved": {
        "en": "The portfolio has no solution to present ({status}).",
        "fr": "Le portefeuille n'a pas de solution à présenter ({status}).",
    },
}
