"""Translations for value scoring and domain-wide words; see cxprior.i18n."""

MESSAGES: dict[str, dict[str, str]] = {
    "value.kpi_disconnected": {
        "en": "KPI {kpi_id} ({name}) is linked to no strategic goal: its impacts are worth "
        "nothing. Link it to a goal on the KPI_Goals sheet, or drop it.",
        "fr": "L'indicateur {kpi_id} ({name}) n'est relié à aucun objectif stratégique : ses "
        "impacts ne valent rien. Reliez-le à un objectif (feuille Liens) ou retirez-le.",
    },
    "value.initiative_disconnected": {
        "en": "Initiative {initiative_id} ({name}) is worth nothing: it only moves KPIs that "
        "serve no strategic goal ({kpis}). It is disconnected from strategy.",
        "fr": "L'initiative {initiative_id} ({name}) ne vaut rien : elle ne fait bouger que des "
        "indicateurs qui ne servent aucun objectif ({kpis}). Elle est déconnectée de la stratégie.",
    },
    "value.initiative_no_impact": {
        "en": "Initiative {initiative_id} ({name}) has no expected impact on any KPI.",
        "fr": "L'initiative {initiative_id} ({name}) n'a aucun impact attendu sur un indicateur.",
    },
}
