"""Translations for the command line's own messages: arguments it cannot use, files it cannot
write; see cxprior.i18n. Each message follows `error: ARGUMENT: …` on one line."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- the line: which argument, then what is wrong ----------------------------------------
    "cli.usage.line": {"en": "{argument}: {message}", "fr": "{argument} : {message}"},
    "cli.usage.got": {"en": "expected {what}, got '{text}'", "fr": "attendu {what} ; reçu « {text} »"},
    "cli.usage.missing_value": {
        "en": "a value is missing: expected {what}",
        "fr": "valeur manquante ; attendu {what}",
    },
    "cli.usage.required": {"en": "missing: expected {what}", "fr": "manquant ; attendu {what}"},
    "cli.usage.no_value": {
        "en": "takes no value, got '{text}'",
        "fr": "ne prend pas de valeur ; reçu « {text} »",
    },
    "cli.usage.unknown_option": {
        "en": "not an option of {command}; see {command} --help",
        "fr": "n'est pas une option de {command} ; voir {command} --help",
    },
    "cli.usage.extra_argument": {
        "en": "one argument too many for {command}; see {command} --help",
        "fr": "un argument de trop pour {command} ; voir {command} --help",
    },
    "cli.usage.ambiguous": {
        "en": "ambiguous: could be {matches}; write the option in full",
        "fr": "ambigu : peut être {matches} ; écrivez l'option en entier",
    },
    "cli.usage.or": {"en": "{first} or {last}", "fr": "{first} ou {last}"},
    # --- what each argument expects -------------------------------------------------------
    "cli.expect.command": {"en": "a command: {choices}", "fr": "une commande : {choices}"},
    "cli.expect.choice": {"en": "{choices}", "fr": "{choices}"},
    "cli.expect.euros": {
        "en": "a number of euros, zero or more",
        "fr": "un montant en euros, positif ou nul",
    },
    "cli.expect.period_budget": {
        "en": "PERIOD=AMOUNT, e.g. 2026=500000, with an amount in euros, zero or more",
        "fr": "PÉRIODE=MONTANT, par ex. 2026=500000, avec un montant en euros positif ou nul",
    },
    "cli.expect.goal_share": {
        "en": "GOAL=SHARE, e.g. OBJ-VERT=0.2, with a share from 0 to 1",
        "fr": "OBJECTIF=PART, par ex. OBJ-VERT=0,2, avec une part entre 0 et 1",
    },
    "cli.expect.count": {"en": "a whole number, zero or more", "fr": "un nombre entier, positif ou nul"},
    "cli.expect.points": {"en": "a whole number, at least 2", "fr": "un nombre entier, au moins 2"},
    "cli.expect.whole": {"en": "a whole number", "fr": "un nombre entier"},
    "cli.expect.number": {"en": "a number", "fr": "un nombre"},
    "cli.expect.seconds": {
        "en": "a number of seconds, above 0",
        "fr": "un nombre de secondes, supérieur à 0",
    },
    "cli.expect.gap": {
        "en": "a number from 0 up to (not including) 1, e.g. 1e-6",
        "fr": "un nombre de 0 à 1 (exclu), par ex. 1e-6",
    },
    "cli.expect.ids": {
        "en": "initiative ids separated by , or ;",
        "fr": "des identifiants d'initiative séparés par , ou ;",
    },
    "cli.expect.book": {"en": "the path of a workbook (.xlsx)", "fr": "le chemin d'un classeur (.xlsx)"},
    "cli.expect.output": {"en": "the path of the file to write", "fr": "le chemin du fichier à écrire"},
    "cli.expect.json_output": {
        "en": "the path of the JSON file to write, or - for standard output",
        "fr": "le chemin du fichier JSON à écrire, ou - pour la sortie standard",
    },
    "cli.expect.text": {"en": "a text", "fr": "un texte"},
    "cli.expect.value": {"en": "a value", "fr": "une valeur"},
    "cli.expect.named": {"en": "a value ({metavar})", "fr": "une valeur ({metavar})"},
    # --- what the workbook does not hold ---------------------------------------------------
    "cli.unknown_initiatives": {
        "en": "unknown initiative ids {ids}: they are not on the workbook's Initiatives sheet",
        "fr": "identifiants d'initiative inconnus {ids} : ils ne sont pas sur la feuille Initiatives du "
        "classeur",
    },
    "cli.unknown_goals": {
        "en": "unknown goal ids {ids} (the workbook's goals: {known})",
        "fr": "identifiants d'objectif inconnus {ids} (objectifs du classeur : {known})",
    },
    "cli.unknown_periods": {
        "en": "unknown budget periods {ids} (periods with a cost column: {known})",
        "fr": "périodes budgétaires inconnues {ids} (périodes ayant une colonne de coût : {known})",
    },
    # --- files the command writes ----------------------------------------------------------
    "cli.file.no_folder": {
        "en": "cannot write {path}: the folder {folder} does not exist",
        "fr": "impossible d'écrire {path} : le dossier {folder} n'existe pas",
    },
    "cli.file.not_a_folder": {
        "en": "cannot write {path}: {folder} is not a folder",
        "fr": "impossible d'écrire {path} : {folder} n'est pas un dossier",
    },
    "cli.file.is_folder": {
        "en": "{path} is a folder: give the name of a file to write in it",
        "fr": "{path} est un dossier : donnez le nom d'un fichier à y écrire",
    },
    "cli.file.denied": {
        "en": "cannot write {path}: no permission to write in the folder {folder}",
        "fr": "impossible d'écrire {path} : pas de droit d'écriture dans le dossier {folder}",
    },
    "cli.file.full": {
        "en": "cannot write {path}: the disk is full",
        "fr": "impossible d'écrire {path} : le disque est plein",
    },
    "cli.file.failed": {
        "en": "cannot write {path}: {reason}",
        "fr": "impossible d'écrire {path} : {reason}",
    },
}
