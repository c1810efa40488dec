"""Translations for scenario editing across pages: what Compare takes (saved or ticked
scenarios), each scenario's constraints, the assumptions on the COMEX page, and the COMEX
comment shown back to the author; see cxprior.i18n."""

MESSAGES: dict[str, dict[str, str]] = {
    "ui.compare.tick": {"en": "Add to Compare", "fr": "Ajouter à la comparaison"},
    "ui.compare.tick_help": {
        "en": "Compare lists the saved scenarios and the runs ticked here.",
        "fr": "La comparaison reprend les scénarios enregistrés et les résultats cochés ici.",
    },
    "ui.compare.need_saved": {
        "en": "Save at least two scenarios on the Scenario page, or tick “Add to Compare” under their "
        "results, to compare them. Scenarios so far: {count}.",
        "fr": "Enregistrez au moins deux scénarios depuis la page Scénario, ou cochez « Ajouter à la "
        "comparaison » sous leurs résultats, pour les comparer. Scénarios jusqu'ici : {count}.",
    },
    "ui.compare.saved_status": {"en": "Saved status", "fr": "Statut enregistré"},
    "ui.compare.not_saved": {"en": "not saved", "fr": "non enregistré"},
    "ui.compare.constraints": {"en": "Constraints of each scenario", "fr": "Contraintes de chaque scénario"},
    "ui.review.assumptions": {"en": "Assumptions", "fr": "Hypothèses"},
    "ui.saved.sent_back_comment": {
        "en": "COMEX sent this scenario back: {who}, on {when}: “{comment}”",
        "fr": "Le COMEX a renvoyé ce scénario : {who}, le {when} : « {comment} »",
    },
}
