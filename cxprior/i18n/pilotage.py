"""Strings of the Follow-up page ("Pilotage"), its chart, its stored versions and its page of
the COMEX pack. Keys: "ui.page.followup", "ui.fu.", "chart.fu.", "report.fu."."""

MESSAGES: dict[str, dict[str, str]] = {
    "ui.page.followup": {"en": "Follow-up", "fr": "Pilotage"},
    "ui.fu.none": {
        "en": "No scenario is approved yet. The follow-up tracks the portfolio the COMEX approved: "
        "hand a scenario over and have it approved on the COMEX review page first.",
        "fr": "Aucun scénario n'est encore approuvé. Le pilotage suit le portefeuille approuvé par le "
        "COMEX : soumettez d'abord un scénario et faites-le approuver dans la revue COMEX.",
    },
    "ui.fu.to_review": {"en": "Go to the COMEX review", "fr": "Aller à la revue COMEX"},
    "ui.fu.no_store": {
        "en": "The follow-up needs the store, which is not available: approved scenarios live there.",
        "fr": "Le pilotage a besoin de la base, indisponible : les scénarios approuvés y sont gardés.",
    },
    "ui.fu.scenario": {"en": "Approved scenario", "fr": "Scénario approuvé"},
    "ui.fu.intro": {
        "en": "The plan approved by the COMEX against what happened: progress, spend and measured KPIs.",
        "fr": "Le plan approuvé par le COMEX face à ce qui s'est passé : avancement, dépenses "
        "et KPI mesurés.",
    },
    "ui.fu.data": {"en": "Progress and measurements", "fr": "Avancement et mesures"},
    "ui.fu.upload": {
        "en": "Follow-up workbook (Progress and Measurements sheets)",
        "fr": "Classeur de suivi (onglets Avancement et Mesures)",
    },
    "ui.fu.template": {"en": "Download the follow-up template", "fr": "Télécharger le modèle de suivi"},
    "ui.fu.edit": {"en": "Or edit the tables", "fr": "Ou modifiez les tableaux"},
    "ui.fu.apply": {"en": "Use these tables", "fr": "Utiliser ces tableaux"},
    "ui.fu.read": {
        "en": "Follow-up read: {progress} initiatives, {measurements} measurements.",
        "fr": "Suivi lu : {progress} initiatives, {measurements} mesures.",
    },
    "ui.fu.saved": {
        "en": "Follow-up version {version} saved by {who} on {when}.",
        "fr": "Version {version} du suivi enregistrée par {who} le {when}.",
    },
    "ui.fu.versions": {"en": "Follow-up versions", "fr": "Versions du suivi"},
    "ui.fu.col.version": {"en": "Version", "fr": "Version"},
    "ui.fu.col.who": {"en": "By", "fr": "Par"},
    "ui.fu.col.when": {"en": "When", "fr": "Quand"},
    "ui.fu.col.source": {"en": "Source", "fr": "Source"},
    "ui.fu.waiting": {
        "en": "No follow-up yet for this scenario: upload the workbook or fill the tables.",
        "fr": "Pas encore de suivi pour ce scénario : chargez le classeur ou remplissez les tableaux.",
    },
    "ui.fu.as_of": {"en": "Situation at {period}", "fr": "Situation en {period}"},
    "ui.fu.alerts": {"en": "Alerts", "fr": "Alertes"},
    "ui.fu.no_alerts": {"en": "Nothing drifts from the plan.", "fr": "Rien ne s'écarte du plan."},
    "ui.fu.trajectory": {"en": "KPI trajectory", "fr": "Trajectoire des KPI"},
    "ui.fu.trajectory_help": {
        "en": "The plan steps up when a planned initiative finishes; the dots are the measurements.",
        "fr": "Le plan progresse par paliers à la fin de chaque initiative prévue ; "
        "les points sont les mesures.",
    },
    "ui.fu.kpi": {"en": "KPI", "fr": "KPI"},
    "ui.fu.scorecard": {
        "en": "Goal scorecard (value points)",
        "fr": "Tableau de bord des objectifs (points de valeur)",
    },
    "ui.fu.no_scorecard": {
        "en": "No goal has a measured KPI yet.",
        "fr": "Aucun objectif n'a encore de KPI mesuré.",
    },
    "ui.fu.late_over": {
        "en": "Initiatives late or over budget",
        "fr": "Initiatives en retard ou hors budget",
    },
    "ui.fu.none_late": {
        "en": "No initiative is late or over budget.",
        "fr": "Aucune initiative n'est en retard ni hors budget.",
    },
    "ui.fu.calibration": {"en": "Calibration of the estimates", "fr": "Calibrage des estimations"},
    "ui.fu.no_calibration": {
        "en": "No delivered initiative has a measured KPI yet: nothing to calibrate.",
        "fr": "Aucune initiative livrée n'a encore de KPI mesuré : rien à calibrer.",
    },
    "ui.fu.pack": {
        "en": "COMEX pack with the follow-up",
        "fr": "Dossier COMEX avec le pilotage",
    },
    "ui.fu.replan": {"en": "Re-plan", "fr": "Replanifier"},
    "ui.fu.replan_help": {
        "en": "Keeps what is delivered or under way, drops what was abandoned, counts the money already "
        "spent and optimises the rest from the chosen period.",
        "fr": "Garde ce qui est livré ou en cours, retire ce qui a été abandonné, compte l'argent déjà "
        "dépensé et optimise le reste à partir de la période choisie.",
    },
    "ui.fu.replan_from": {"en": "Re-plan from", "fr": "Replanifier à partir de"},
    "ui.fu.replan_button": {"en": "Re-plan from {period}", "fr": "Replanifier à partir de {period}"},
    "ui.fu.replan_infeasible": {
        "en": "The re-plan has no feasible portfolio:",
        "fr": "La replanification n'a pas de portefeuille réalisable :",
    },
    "ui.fu.enters": {"en": "Enters the portfolio", "fr": "Entre dans le portefeuille"},
    "ui.fu.leaves": {"en": "Leaves the portfolio", "fr": "Sort du portefeuille"},
    "ui.fu.no_change": {"en": "Nothing.", "fr": "Rien."},
    "ui.fu.replan_figures": {
        "en": "Plan: {plan_count} initiatives, {plan_cost}. Re-plan: {count} initiatives, {cost}.",
        "fr": "Plan : {plan_count} initiatives, {plan_cost}. Replanification : {count} initiatives, {cost}.",
    },
    "ui.fu.save_replan": {"en": "Save as a new scenario", "fr": "Enregistrer comme nouveau scénario"},
    "ui.fu.replan_name": {
        "en": "{name} — re-plan from {period}",
        "fr": "{name} — replanifié à partir de {period}",
    },
    "ui.fu.replan_saved": {
        "en": "Saved as the draft scenario “{name}”, on version {version} of the workspace (what is "
        "delivered and spent fixed): it is open here.",
        "fr": "Enregistré comme scénario brouillon « {name} », sur la version {version} de l'espace de "
        "travail (ce qui est livré et dépensé est fixé) : il est ouvert ici.",
    },
    "ui.fu.replan_changes": {
        "en": "Changes against the approved plan, from {period}",
        "fr": "Changements par rapport au plan approuvé, à partir de {period}",
    },
    "ui.note.replan": {
        "en": "re-plan of “{name}” from {period}: delivered and in-progress initiatives kept, "
        "dropped ones out, {sunk} spent before {period} sunk",
        "fr": "replanification de « {name} » à partir de {period} : initiatives livrées et en cours "
        "gardées, abandonnées retirées, {sunk} dépensés avant {period} comptés comme engagés",
    },
    "ui.fu.col.initiative": {"en": "Initiative", "fr": "Initiative"},
    "ui.fu.col.status": {"en": "Status", "fr": "Statut"},
    "ui.fu.col.planned_cost": {"en": "Planned cost", "fr": "Coût prévu"},
    "ui.fu.col.spent": {"en": "Spent", "fr": "Dépensé"},
    "ui.fu.col.overrun": {"en": "Overrun", "fr": "Dépassement"},
    "ui.fu.col.finish": {"en": "Planned finish", "fr": "Fin prévue"},
    "ui.fu.col.late": {"en": "Late", "fr": "En retard"},
    "ui.fu.col.why": {"en": "Why", "fr": "Pourquoi"},
    "report.fu.section": {"en": "Follow-up of the approved plan", "fr": "Pilotage du plan approuvé"},
    "report.fu.sheet": {"en": "Follow-up", "fr": "Pilotage"},
    "report.fu.as_of": {"en": "Situation at {period}.", "fr": "Situation en {period}."},
    "report.fu.no_alerts": {"en": "Nothing drifts from the plan.", "fr": "Rien ne s'écarte du plan."},
    "report.fu.alerts": {"en": "Alerts", "fr": "Alertes"},
    "report.fu.highlights": {"en": "Ahead of plan", "fr": "En avance sur le plan"},
    "report.fu.kpis": {"en": "KPIs at their latest measurement", "fr": "KPI à leur dernière mesure"},
    "report.fu.goals": {"en": "Goals (value points)", "fr": "Objectifs (points de valeur)"},
    "report.fu.initiatives": {
        "en": "Initiatives late or over budget",
        "fr": "Initiatives en retard ou hors budget",
    },
    "report.fu.none_late": {
        "en": "No initiative is late or over budget.",
        "fr": "Aucune initiative n'est en retard ni hors budget.",
    },
    "report.fu.col.kpi": {"en": "KPI", "fr": "KPI"},
    "report.fu.col.goal": {"en": "Goal", "fr": "Objectif"},
    "report.fu.col.period": {"en": "Period", "fr": "Période"},
    "report.fu.col.planned": {"en": "Planned", "fr": "Prévu"},
    "report.fu.col.actual": {"en": "Actual", "fr": "Réalisé"},
    "report.fu.col.variance": {"en": "Variance", "fr": "Écart"},
    "report.fu.col.variance_points": {"en": "Variance (value points)", "fr": "Écart (points de valeur)"},
    "report.fu.col.initiative": {"en": "Initiative", "fr": "Initiative"},
    "report.fu.col.status": {"en": "Status", "fr": "Statut"},
    "report.fu.col.planned_cost": {"en": "Planned cost", "fr": "Coût prévu"},
    "report.fu.col.spent": {"en": "Spent", "fr": "Dépensé"},
    "report.fu.col.overrun": {"en": "Overrun", "fr": "Dépassement"},
    "report.fu.col.late": {"en": "Late", "fr": "En retard"},
    "report.fu.yes": {"en": "yes", "fr": "oui"},
    "chart.fu.series.baseline": {"en": "Baseline", "fr": "Référence"},
    "chart.fu.series.plan": {"en": "Plan", "fr": "Plan"},
    "chart.fu.series.actual": {"en": "Actual", "fr": "Réalisé"},
    "chart.fu.series.target": {"en": "Target", "fr": "Cible"},
    "chart.fu.series": {"en": "Series", "fr": "Série"},
    "chart.fu.period": {"en": "Period", "fr": "Période"},
    "chart.fu.value": {"en": "Value", "fr": "Valeur"},
    "chart.fu.goal": {"en": "Goal", "fr": "Objectif"},
    "chart.fu.points": {"en": "Value points", "fr": "Points de valeur"},
    "chart.fu.planned_points": {"en": "Planned", "fr": "Prévu"},
    "chart.fu.actual_points": {"en": "Actual", "fr": "Réalisé"},
}
