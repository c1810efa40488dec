"""Translations for the store concern (and saved documents); see cxprior.i18n for the conventions."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- what kind of thing a saved document holds (with its article) ---
    "store.kind.workspace": {"en": "a workspace", "fr": "un espace de travail"},
    "store.kind.scenario": {"en": "a scenario", "fr": "un scénario"},
    "store.kind.portfolio_result": {"en": "a portfolio result", "fr": "un résultat de portefeuille"},
    "store.kind.robustness": {"en": "a robustness analysis", "fr": "une analyse de robustesse"},
    "store.kind.survey_analysis": {"en": "a survey analysis", "fr": "une analyse d'enquête"},
    "store.kind.followup": {"en": "a follow-up", "fr": "un suivi"},
    # --- saved documents (cxprior.store.serialize) ---
    "store.json_not_cxprior": {
        "en": "This is not a saved cxprior document: {expected} was expected.",
        "fr": "Ce n'est pas un document cxprior enregistré : {expected} était attendu.",
    },
    "store.json_wrong_kind": {
        "en": "This document holds “{found}”, not {expected}.",
        "fr": "Ce document contient « {found} », et non {expected}.",
    },
    "store.json_damaged": {
        "en": "The saved document ({kind}) is damaged at {where}: {reason}.",
        "fr": "Le document enregistré ({kind}) est endommagé à l'emplacement {where} : {reason}.",
    },
    "store.json_too_new": {
        "en": "This document ({kind}) was saved by a newer version of cxprior (format {found}; "
        "this version reads up to format {supported}). Update the application to open it.",
        "fr": "Ce document ({kind}) a été enregistré par une version plus récente de cxprior "
        "(format {found} ; cette version lit jusqu'au format {supported}). Mettez l'application "
        "à jour pour l'ouvrir.",
    },
    "store.json_invalid": {
        "en": "The saved document is not valid JSON: {reason}.",
        "fr": "Le document enregistré n'est pas du JSON valide : {reason}.",
    },
    # --- dates in messages ---
    "store.when": {"en": "{date} at {time} {zone}", "fr": "{date} à {time} {zone}"},
    "store.date_format": {"en": "%Y-%m-%d", "fr": "%d/%m/%Y"},
    # --- scenario statuses and the steps between them ---
    "store.status.draft": {"en": "draft", "fr": "brouillon"},
    "store.status.submitted": {"en": "submitted", "fr": "soumis"},
    "store.status.approved": {"en": "approved", "fr": "approuvé"},
    "store.status.sent_back": {"en": "sent back", "fr": "renvoyé"},
    "store.status.deleted": {"en": "deleted", "fr": "supprimé"},
    "store.action.submit": {"en": "submitted", "fr": "soumis"},
    "store.action.withdraw": {"en": "withdrawn", "fr": "retiré"},
    "store.action.approve": {"en": "approved", "fr": "approuvé"},
    "store.action.send_back": {"en": "sent back", "fr": "renvoyé"},
    "store.action.reopen": {"en": "reopened", "fr": "rouvert"},
    "store.action.delete": {"en": "deleted", "fr": "supprimé"},
    "store.action.edit": {"en": "changed", "fr": "modifié"},
    "store.hint.draft": {
        "en": "A draft is still being prepared; it goes to the COMEX once submitted.",
        "fr": "Un brouillon est encore en préparation ; il va au COMEX une fois soumis.",
    },
    "store.hint.submitted": {
        "en": "It awaits the COMEX decision: withdraw it to change it.",
        "fr": "Il attend la décision du COMEX : retirez-le pour le modifier.",
    },
    "store.hint.approved": {
        "en": "An approved scenario is final: duplicate it to start a new draft.",
        "fr": "Un scénario approuvé est définitif : dupliquez-le pour repartir d'un brouillon.",
    },
    "store.hint.sent_back": {
        "en": "The COMEX sent it back: change it, then submit it again.",
        "fr": "Le COMEX l'a renvoyé : modifiez-le, puis soumettez-le à nouveau.",
    },
    "store.hint.deleted": {
        "en": "It was deleted: duplicate it to work on it again.",
        "fr": "Il a été supprimé : dupliquez-le pour le reprendre.",
    },
    "store.transition_refused": {
        "en": "Scenario “{name}” cannot be {action}: its status is “{status}”. {hint}",
        "fr": "Le scénario « {name} » ne peut pas être {action} : son statut est « {status} ». {hint}",
    },
    "store.submit_needs_result": {
        "en": "Scenario “{name}” has no portfolio yet: optimise it before submitting it.",
        "fr": "Le scénario « {name} » n'a pas encore de portefeuille : optimisez-le avant de le soumettre.",
    },
    "store.comment_required": {
        "en": "Say why the scenario is sent back: a comment is required.",
        "fr": "Dites pourquoi le scénario est renvoyé : un commentaire est obligatoire.",
    },
    # --- someone else saved first ---
    "store.workspace_exists": {
        "en": "A workspace named “{name}” already exists: {who} saved it on {when}. Nothing was "
        "saved. Open it to work on it, or save yours as a copy.",
        "fr": "Un espace de travail nommé « {name} » existe déjà : {who} l'a enregistré le {when}. "
        "Rien n'a été enregistré. Ouvrez-le pour y travailler, ou enregistrez le vôtre comme copie.",
    },
    "store.stale_workspace": {
        "en": "{who} changed workspace “{name}” on {when} (it is now at version {current}; your "
        "work started from version {expected}). Nothing was saved. Reload it to see their "
        "changes, or save yours as a copy.",
        "fr": "{who} a modifié l'espace de travail « {name} » le {when} (il en est à la version "
        "{current} ; votre travail part de la version {expected}). Rien n'a été enregistré. "
        "Rechargez-le pour voir ses modifications, ou enregistrez les vôtres comme copie.",
    },
    "store.stale_scenario": {
        "en": "{who} changed scenario “{name}” on {when} (it is now at version {current}, status "
        "“{status}”; your work started from version {expected}). Nothing was saved. Reload it "
        "to see the changes, or save yours as a copy.",
        "fr": "{who} a modifié le scénario « {name} » le {when} (il en est à la version {current}, "
        "statut « {status} » ; votre travail part de la version {expected}). Rien n'a été "
        "enregistré. Rechargez-le pour voir les modifications, ou enregistrez les vôtres comme copie.",
    },
    "store.scenario_deleted": {
        "en": "{who} deleted scenario “{name}” on {when}. Nothing was saved. Save yours as a copy "
        "to keep it.",
        "fr": "{who} a supprimé le scénario « {name} » le {when}. Rien n'a été enregistré. "
        "Enregistrez le vôtre comme copie pour le conserver.",
    },
    "store.copy_name": {"en": "{name} (copy)", "fr": "{name} (copie)"},
    "store.copy_name_n": {"en": "{name} (copy {n})", "fr": "{name} (copie {n})"},
    "store.too_many_copies": {
        "en": "There are already too many copies of “{name}”: choose a new name.",
        "fr": "Il existe déjà trop de copies de « {name} » : choisissez un nouveau nom.",
    },
    # --- unknown names and numbers ---
    "store.workspace_not_found": {
        "en": "There is no workspace named “{name}”.",
        "fr": "Aucun espace de travail ne s'appelle « {name} ».",
    },
    "store.workspace_version_not_found": {
        "en": "Workspace “{name}” has no version {version}.",
        "fr": "L'espace de travail « {name} » n'a pas de version {version}.",
    },
    "store.scenario_not_found": {
        "en": "There is no scenario number {scenario_id}; it may never have been saved.",
        "fr": "Il n'y a pas de scénario numéro {scenario_id} ; il n'a peut-être jamais été enregistré.",
    },
    # --- what the user typed ---
    "store.author_required": {
        "en": "Enter your name first: every save records who made it.",
        "fr": "Saisissez d'abord votre nom : chaque enregistrement garde la trace de son auteur.",
    },
    "store.author_too_long": {
        "en": "A name or user id can be at most {limit} characters long.",
        "fr": "Un nom ou un identifiant ne peut pas dépasser {limit} caractères.",
    },
    "store.workspace_name_required": {
        "en": "Give the workspace a name.",
        "fr": "Donnez un nom à l'espace de travail.",
    },
    "store.scenario_name_required": {
        "en": "Give the scenario a name.",
        "fr": "Donnez un nom au scénario.",
    },
    "store.workspace_name_too_long": {
        "en": "A workspace name can be at most {limit} characters long.",
        "fr": "Le nom d'un espace de travail ne peut pas dépasser {limit} caractères.",
    },
    "store.company_too_long": {
        "en": "A company name can be at most {limit} characters long.",
        "fr": "Le nom d'une entreprise ne peut pas dépasser {limit} caractères.",
    },
    "store.scenario_name_too_long": {
        "en": "A scenario name can be at most {limit} characters long.",
        "fr": "Le nom d'un scénario ne peut pas dépasser {limit} caractères.",
    },
    # --- the database itself ---
    "store.unavailable": {
        "en": "The database cannot be opened ({where}): {reason}",
        "fr": "La base de données ne peut pas être ouverte ({where}) : {reason}",
    },
    "store.db_newer": {
        "en": "The database ({where}) was upgraded by a newer version of cxprior (schema "
        "{revision}). Update the application before using it.",
        "fr": "La base de données ({where}) a été mise à jour par une version plus récente de "
        "cxprior (schéma {revision}). Mettez l'application à jour avant de l'utiliser.",
    },
    "store.member_weights_not_positive": {
        "en": "Goal weights must be positive numbers.",
        "fr": "Les poids des objectifs doivent être des nombres positifs.",
    },
}
