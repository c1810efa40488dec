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
    "sec.role.local": {"en": "single user (local mode)", "fr": "utilisateur unique (mode local)"},
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
    # --- sign-in in the app ----------------------------------------------------------------
    "sec.local_mode": {
        "en": "Local mode: one user, no sign-in. Anyone who can open this address can do everything; "
        "set up sign-in before sharing it.",
        "fr": "Mode local : un seul utilisateur, sans connexion. Quiconque ouvre cette adresse peut "
        "tout faire ; mettez en place la connexion avant de la partager.",
    },
    "sec.local_mode_help": {
        "en": "Sign-in is set up by whoever runs the server: an `[auth]` section (your identity "
        "provider) and a `[cxprior.roles]` section in `.streamlit/secrets.toml`. The README's "
        "“Sign-in and roles” shows an example.",
        "fr": "La connexion se met en place par la personne qui gère le serveur : une section "
        "`[auth]` (votre fournisseur d'identité) et une section `[cxprior.roles]` dans "
        "`.streamlit/secrets.toml`. La partie « Sign-in and roles » du README en donne un exemple.",
    },
    "sec.sign_in_title": {"en": "Sign in to cxprior", "fr": "Connexion à cxprior"},
    "sec.sign_in_intro": {
        "en": "Your company's identity provider confirms who you are; what you can see and do "
        "depends on the role your address has.",
        "fr": "Le fournisseur d'identité de votre entreprise confirme qui vous êtes ; ce que vous "
        "pouvez voir et faire dépend du rôle de votre adresse.",
    },
    "sec.sign_in": {"en": "Sign in", "fr": "Se connecter"},
    "sec.sign_out": {"en": "Sign out", "fr": "Se déconnecter"},
    "sec.signed_in": {
        "en": "Your role: {role} ({email})",
        "fr": "Votre rôle : {role} ({email})",
    },
    "sec.not_allowed": {
        "en": "{email} may not use this application. Ask the CX director to give your address a "
        "role, or sign in with another account.",
        "fr": "{email} n'a pas accès à cette application. Demandez à la direction CX de donner un "
        "rôle à votre adresse, ou connectez-vous avec un autre compte.",
    },
    "sec.no_address": {
        "en": "Your identity provider gave no e-mail address, and the app needs one to know your "
        "role. Sign in with another account.",
        "fr": "Votre fournisseur d'identité n'a pas transmis d'adresse e-mail, et l'application en a "
        "besoin pour connaître votre rôle. Connectez-vous avec un autre compte.",
    },
    "sec.config_broken": {
        "en": "Sign-in is configured but the roles cannot be read, so nobody may come in until "
        ".streamlit/secrets.toml is fixed: {reason}",
        "fr": "La connexion est configurée mais les rôles sont illisibles : personne ne peut entrer "
        "tant que .streamlit/secrets.toml n'est pas corrigé. {reason}",
    },
    "sec.read_only": {
        "en": "Read only: your role ({role}) does not allow you to {action}.",
        "fr": "Lecture seule : votre rôle ({role}) ne vous permet pas {action}.",
    },
}
