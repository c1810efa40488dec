"""Translations for hardening: hidden characters, misplaced headers, roles and sign-in; see
cxprior.i18n."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- hostile or careless files ---------------------------------------------------------
    "sec.id_hidden_char": {
        "en": "The id “{value}” contains an invisible or control character ({code}); ids must be "
        "plain visible text. Retype it.",
        "fr": "L'identifiant « {value} » contient un caractère invisible ou de contrôle ({code}) ; un "
        "identifiant doit être du texte visible. Retapez-le.",
    },
    "sec.text_control_char": {
        "en": "The cell contains a control character ({code}) that has no place in text; remove it.",
        "fr": "La cellule contient un caractère de contrôle ({code}) qui n'a pas sa place dans un "
        "texte ; supprimez-le.",
    },
    "sec.headers_not_on_row_1": {
        "en": "The column headers must be on row 1, and they are on row {row}. Delete the rows above them.",
        "fr": "Les en-têtes de colonnes doivent être sur la ligne 1, et ils sont sur la ligne {row}. "
        "Supprimez les lignes au-dessus.",
    },
    # --- roles and sign-in ------------------------------------------------------------------
    "sec.role.editor": {"en": "editor", "fr": "éditeur"},
    "sec.role.reviewer": {"en": "reviewer (COMEX)", "fr": "relecteur (COMEX)"},
    "sec.role.viewer": {"en": "viewer (read only)", "fr": "lecteur (lecture seule)"},
    "sec.role.none": {"en": "no role", "fr": "aucun rôle"},
    "sec.action.upload": {"en": "upload a workbook", "fr": "de charger un classeur"},
    "sec.action.edit": {"en": "edit the workspace", "fr": "de modifier l'espace de travail"},
    "sec.action.optimize": {"en": "run the optimizer", "fr": "de lancer l'optimiseur"},
    "sec.action.save": {"en": "save a scenario", "fr": "d'enregistrer un scénario"},
    "sec.action.submit": {"en": "submit a scenario to COMEX", "fr": "de soumettre un scénario au COMEX"},
    "sec.action.decide": {
        "en": "approve or send back a scenario",
        "fr": "d'approuver ou de renvoyer un scénario",
    },
    "sec.denied": {
        "en": "Your role ({role}) does not allow you to {action}. Ask the CX director for the editor "
        "role if you need it.",
        "fr": "Votre rôle ({role}) ne vous permet pas {action}. Demandez le rôle d'éditeur à la "
        "direction CX si vous en avez besoin.",
    },
    "sec.config.unknown_key": {
        "en": "The [cxprior.roles] configuration has unknown keys ({keys}); use editors, reviewers, "
        "viewers and default.",
        "fr": "La configuration [cxprior.roles] contient des clés inconnues ({keys}) ; utilisez "
        "editors, reviewers, viewers et default.",
    },
    "sec.config.not_a_list": {
        "en": 'In [cxprior.roles], {setting} must be a list, e.g. {setting} = ["ana@acme.fr", "@acme.fr"].',
        "fr": 'Dans [cxprior.roles], {setting} doit être une liste, par exemple {setting} = ["ana@acme.fr", '
        '"@acme.fr"].',
    },
    "sec.config.bad_entry": {
        "en": "In [cxprior.roles], {setting} lists “{entry}”, which is neither an e-mail address "
        "(ana@acme.fr) nor a domain (@acme.fr).",
        "fr": "Dans [cxprior.roles], {setting} contient « {entry} », qui n'est ni une adresse e-mail "
        "(ana@acme.fr) ni un domaine (@acme.fr).",
    },
    "sec.config.bad_default": {
        "en": "In [cxprior.roles], default is “{value}”; use editor, reviewer, viewer or none.",
        "fr": "Dans [cxprior.roles], default vaut « {value} » ; utilisez editor, reviewer, viewer ou none.",
    },
}
