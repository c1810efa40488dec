"""Translations for listening data (survey files, key-driver analysis, alignment); see cxprior.i18n."""

_ANALYSIS: dict[str, dict[str, str]] = {
    "listen.matters_most": {
        "en": "{name} matters most: {share} of the explained variance (R² {r2}).",
        "fr": "{name} compte le plus : {share} de la variance expliquée (R² {r2}).",
    },
    "listen.about_as_much": {
        "en": "{first} and {second} matter about as much: {first_share} and {second_share} of the "
        "explained variance (R² {r2}), and their {level} intervals overlap.",
        "fr": "{first} et {second} comptent à peu près autant : {first_share} et {second_share} de "
        "la variance expliquée (R² {r2}), et leurs intervalles à {level} se chevauchent.",
    },
    "listen.sample_complete": {
        "en": "{n} respondents analysed; none left out.",
        "fr": "{n} répondants analysés ; aucun écarté.",
    },
    "listen.sample_dropped": {
        "en": "{n} respondents analysed; left out for a missing answer: {dropped}.",
        "fr": "{n} répondants analysés ; écartés pour une réponse manquante : {dropped}.",
    },
    "listen.warn.collinear": {
        "en": "{a} and {b} move together (correlation {r}): the analysis splits what they share "
        "between them, so their two importances are hard to tell apart.",
        "fr": "{a} et {b} évoluent ensemble (corrélation {r}) : l'analyse partage entre eux ce "
        "qu'ils ont en commun, et leurs deux importances se distinguent mal.",
    },
    "listen.warn.segment_too_small": {
        "en": "Segment {segment}: {rows} complete answers, fewer than the {needed} the analysis "
        "needs (drivers + 10); it is not analysed on its own.",
        "fr": "Segment {segment} : {rows} réponses complètes, moins que les {needed} nécessaires "
        "(facteurs + 10) ; il n'est pas analysé à part.",
    },
    "listen.warn.segment_constant": {
        "en": "Segment {segment}: every respondent gave {column} the same answer; it is not "
        "analysed on its own.",
        "fr": "Segment {segment} : tous les répondants ont donné la même réponse pour {column} ; "
        "il n'est pas analysé à part.",
    },
    "listen.warn.resamples_left_out": {
        "en": "{count} of {total} bootstrap resamples gave everyone the same outcome and were "
        "left out of the intervals.",
        "fr": "{count} des {total} rééchantillonnages donnaient le même résultat à tous et ont été "
        "écartés des intervalles.",
    },
    "listen.no_driver": {
        "en": "No driver column is chosen: name at least one column to explain the outcome.",
        "fr": "Aucune colonne de facteur n'est choisie : indiquez au moins une colonne pour "
        "expliquer le résultat.",
    },
    "listen.too_many_drivers": {
        "en": "{count} drivers are chosen; the analysis takes at most {limit} (it looks at every "
        "combination of them). Keep the journey phases, or group related questions.",
        "fr": "{count} facteurs sont choisis ; l'analyse en accepte au plus {limit} (elle examine "
        "toutes leurs combinaisons). Gardez les phases du parcours, ou regroupez les questions "
        "proches.",
    },
    "listen.duplicate_driver": {
        "en": "{name} is chosen twice as a driver.",
        "fr": "{name} est choisi deux fois comme facteur.",
    },
    "listen.too_few_rows": {
        "en": "Only {rows} respondents answered every chosen question ({dropped} left out for a "
        "missing answer); the analysis needs at least {needed} (the number of drivers + 10).",
        "fr": "Seuls {rows} répondants ont répondu à toutes les questions choisies ({dropped} "
        "écartés pour une réponse manquante) ; l'analyse en demande au moins {needed} (le nombre "
        "de facteurs + 10).",
    },
    "listen.constant_outcome": {
        "en": "Every respondent gave {name} the same answer ({value}): there is nothing to explain.",
        "fr": "Tous les répondants ont donné la même réponse pour {name} ({value}) : il n'y a rien "
        "à expliquer.",
    },
    "listen.constant_driver": {
        "en": "Every respondent gave {name} the same answer ({value}): a constant explains nothing. "
        "Leave this column out.",
        "fr": "Tous les répondants ont donné la même réponse pour {name} ({value}) : une constante "
        "n'explique rien. Retirez cette colonne.",
    },
    "listen.linear_combination": {
        "en": "The drivers {names} are tied by an exact relation (the same answers twice, or one "
        "column the total or average of others): leave one of them out.",
        "fr": "Les facteurs {names} sont liés par une relation exacte (les mêmes réponses deux fois, "
        "ou une colonne total ou moyenne des autres) : retirez-en un.",
    },
}

_SURVEY: dict[str, dict[str, str | dict[str, str]]] = {
    "listen.survey.problems": {
        "en": {"one": "The survey has {count} problem.", "other": "The survey has {count} problems."},
        "fr": {
            "one": "L'enquête présente {count} problème.",
            "other": "L'enquête présente {count} problèmes.",
        },
    },
    "listen.survey.file_missing": {
        "en": "No file at {path}. Check the path and try again.",
        "fr": "Aucun fichier à l'emplacement {path}. Vérifiez le chemin et réessayez.",
    },
    "listen.survey.not_a_file": {
        "en": "{path} is a folder, not a survey file. Give the path of a .csv or .xlsx file.",
        "fr": "{path} est un dossier, pas un fichier d'enquête. Indiquez le chemin d'un fichier "
        ".csv ou .xlsx.",
    },
    "listen.survey.unreadable": {
        "en": "The file {path} cannot be read ({reason}).",
        "fr": "Le fichier {path} ne peut pas être lu ({reason}).",
    },
    "listen.survey.too_large": {
        "en": "The file is {size} MB; a survey file may hold at most {limit} MB.",
        "fr": "Le fichier fait {size} Mo ; un fichier d'enquête peut faire au plus {limit} Mo.",
    },
    "listen.survey.empty_file": {
        "en": "The file is empty: it should hold a header row (the column names) and one row per respondent.",
        "fr": "Le fichier est vide : il doit contenir une ligne d'en-tête (les noms de colonnes) et "
        "une ligne par répondant.",
    },
    "listen.survey.encoding": {
        "en": "The file is neither UTF-8 nor Windows (cp1252) text: byte {byte} cannot be read. "
        "In Excel, save it as “CSV UTF-8 (comma delimited)”, or send the .xlsx file.",
        "fr": "Le fichier n'est ni du texte UTF-8 ni du texte Windows (cp1252) : l'octet {byte} est "
        "illisible. Dans Excel, enregistrez-le en « CSV UTF-8 (délimité par des virgules) », ou "
        "envoyez le fichier .xlsx.",
    },
    "listen.survey.binary": {
        "en": "The file is not text (it holds zero bytes): a survey is a .csv or an .xlsx file.",
        "fr": "Le fichier n'est pas du texte (il contient des octets nuls) : une enquête est un "
        "fichier .csv ou .xlsx.",
    },
    "listen.survey.damaged_csv": {
        "en": "This line cannot be read as CSV ({reason}).",
        "fr": "Cette ligne n'est pas lisible en CSV ({reason}).",
    },
    "listen.survey.too_many_rows": {
        "en": "The survey has more than {limit} respondents; reading stopped there. Split the file, "
        "or keep a sample.",
        "fr": "L'enquête compte plus de {limit} répondants ; la lecture s'est arrêtée là. Divisez le "
        "fichier, ou gardez un échantillon.",
    },
    "listen.survey.too_many_columns": {
        "en": "The survey has more than {limit} columns.",
        "fr": "L'enquête compte plus de {limit} colonnes.",
    },
    "listen.survey.no_header": {
        "en": "Row 1 should hold the column names (the outcome, the drivers), and it is empty.",
        "fr": "La ligne 1 doit contenir les noms de colonnes (le résultat, les facteurs), et elle est vide.",
    },
    "listen.survey.no_rows": {
        "en": "The survey holds column names but no answers.",
        "fr": "L'enquête contient des noms de colonnes mais aucune réponse.",
    },
    "listen.survey.header_twice": {
        "en": "Two columns are named {name} (also column {other}); rename one of them.",
        "fr": "Deux colonnes s'appellent {name} (aussi la colonne {other}) ; renommez l'une d'elles.",
    },
    "listen.survey.unknown_column": {
        "en": "There is no column {name} in the survey. Did you mean {suggestion}? Columns: {columns}.",
        "fr": "Il n'y a pas de colonne {name} dans l'enquête. Vouliez-vous dire {suggestion} ? "
        "Colonnes : {columns}.",
    },
    "listen.survey.unknown_column_no_guess": {
        "en": "There is no column {name} in the survey. Columns: {columns}.",
        "fr": "Il n'y a pas de colonne {name} dans l'enquête. Colonnes : {columns}.",
    },
    "listen.survey.no_outcome": {
        "en": "Choose the outcome column (e.g. the likelihood to recommend).",
        "fr": "Choisissez la colonne du résultat (par exemple la probabilité de recommander).",
    },
    "listen.survey.outcome_as_driver": {
        "en": "{name} is the outcome; it cannot be a driver as well.",
        "fr": "{name} est le résultat ; ce ne peut pas être aussi un facteur.",
    },
    "listen.survey.segment_as_driver": {
        "en": "{name} is the segment column; it cannot be a driver or the outcome as well.",
        "fr": "{name} est la colonne de segment ; ce ne peut pas être aussi un facteur ou le résultat.",
    },
    "listen.survey.no_numeric_driver": {
        "en": "No column besides the outcome holds numbers: name the driver columns.",
        "fr": "Aucune colonne autre que le résultat ne contient de nombres : indiquez les colonnes "
        "de facteurs.",
    },
    "listen.survey.not_a_number": {
        "en": "“{text}” is not a number: this column holds scores. Type a number, or leave the cell "
        "empty for no answer.",
        "fr": "« {text} » n'est pas un nombre : cette colonne contient des notes. Saisissez un "
        "nombre, ou laissez la cellule vide s'il n'y a pas de réponse.",
    },
    "listen.survey.not_a_number_yesno": {
        "en": "{text} is a yes/no cell, not a score.",
        "fr": "{text} est une case oui/non, pas une note.",
    },
    "listen.survey.more_not_numbers": {
        "en": "and {count} more cells that are not numbers in this column.",
        "fr": "et {count} autres cellules de cette colonne qui ne sont pas des nombres.",
    },
    "listen.survey.empty_column": {
        "en": "This column is empty: no respondent answered it.",
        "fr": "Cette colonne est vide : aucun répondant n'y a répondu.",
    },
    "listen.survey.constant_column": {
        "en": "Every respondent gave the same answer ({value}): a constant explains nothing. Leave "
        "this column out.",
        "fr": "Tous les répondants ont donné la même réponse ({value}) : une constante n'explique "
        "rien. Retirez cette colonne.",
    },
    "listen.survey.constant_outcome": {
        "en": "Every respondent gave the same answer ({value}): there is nothing to explain.",
        "fr": "Tous les répondants ont donné la même réponse ({value}) : il n'y a rien à expliquer.",
    },
}

_CLI: dict[str, dict[str, str]] = {
    "listen.cli.summary": {
        "en": {
            "one": "{path}: outcome {outcome} (average {mean}), {count} driver, R² {r2}.",
            "other": "{path}: outcome {outcome} (average {mean}), {count} drivers, R² {r2}.",
        },
        "fr": {
            "one": "{path} : résultat {outcome} (moyenne {mean}), {count} facteur, R² {r2}.",
            "other": "{path} : résultat {outcome} (moyenne {mean}), {count} facteurs, R² {r2}.",
        },
    },
    "listen.cli.segment": {
        "en": "Segment {segment} ({n} respondents, R² {r2}):",
        "fr": "Segment {segment} ({n} répondants, R² {r2}) :",
    },
    "listen.cli.driver": {"en": "Driver", "fr": "Facteur"},
    "listen.cli.importance": {"en": "Importance", "fr": "Importance"},
    "listen.cli.share": {"en": "Share", "fr": "Part"},
    "listen.cli.interval": {"en": "{level} interval", "fr": "Intervalle à {level}"},
    "listen.cli.mean": {"en": "Mean", "fr": "Moyenne"},
    "listen.cli.no_interval": {"en": "–", "fr": "–"},
    "listen.cli.json_written": {
        "en": "JSON result written to {path}.",
        "fr": "Résultat JSON écrit dans {path}.",
    },
    "listen.cli.bad_drivers": {
        "en": '--drivers: expected column names separated by commas, e.g. "Découvrir,Souscrire"',
        "fr": "--drivers : des noms de colonnes séparés par des virgules sont attendus, par exemple "
        '"Découvrir,Souscrire"',
    },
    "listen.cli.bad_resamples": {
        "en": "--resamples: expected a whole number from 0 to {limit}, got {value}",
        "fr": "--resamples : un nombre entier de 0 à {limit} est attendu, et non {value}",
    },
}

_ALIGNMENT: dict[str, dict[str, str]] = {
    "listen.align.aligned": {
        "en": "Money follows what customers feel: the misalignment index is {index} (0 = spend "
        "shared exactly like importance, 1 = spent only where nothing matters).",
        "fr": "L'argent suit ce que vivent les clients : l'indice de désalignement est de {index} "
        "(0 = dépense répartie exactement comme l'importance, 1 = dépense uniquement là où rien "
        "ne compte).",
    },
    "listen.align.misaligned": {
        "en": "Money does not follow what customers feel (misalignment index {index}): {over} gets "
        "{over_spend} of the spend for {over_importance} of the importance, {under} {under_spend} "
        "for {under_importance}. Moving {index_share} of the spend would align them.",
        "fr": "L'argent ne suit pas ce que vivent les clients (indice de désalignement {index}) : "
        "{over} reçoit {over_spend} de la dépense pour {over_importance} de l'importance, {under} "
        "{under_spend} pour {under_importance}. Déplacer {index_share} de la dépense suffirait à "
        "les aligner.",
    },
    "listen.align.no_spend": {
        "en": "The portfolio funds none of the surveyed phases: all its spend goes elsewhere.",
        "fr": "Le portefeuille ne finance aucune des phases étudiées : toute sa dépense va ailleurs.",
    },
    "listen.align.no_phase": {
        "en": "No driver is named like a journey phase of the workspace ({phases}); name the "
        "survey's columns after the phases to compare importance with spend.",
        "fr": "Aucun facteur ne porte le nom d'une phase du parcours de l'espace ({phases}) ; "
        "nommez les colonnes de l'enquête comme les phases pour comparer importance et dépense.",
    },
    "listen.align.unsolved": {
        "en": "No portfolio to compare with: the scenario has no solution.",
        "fr": "Aucun portefeuille à comparer : le scénario n'a pas de solution.",
    },
}

_PHASE_SHARE: dict[str, dict[str, str]] = {
    "cli.expect.phase_share": {
        "en": 'PHASE=SHARE, e.g. "Get help=0.4", with a share from 0 to 1',
        "fr": 'PHASE=PART, par ex. "Obtenir de l\'aide=0,4", avec une part entre 0 et 1',
    },
    "listen.scenario.unknown_phases": {
        "en": "Unknown journey phases in the minimum phase shares: {phases} (phases of the "
        "backlog: {known}).",
        "fr": "Phases du parcours inconnues dans les parts minimales par phase : {phases} (phases du "
        "portefeuille : {known}).",
    },
    "listen.relax.phase_share": {
        "en": "lower the minimum share of spend in the journey phase {phase} below {share}",
        "fr": "abaisser la part minimale de dépense dans la phase du parcours {phase} sous {share}",
    },
}

_CHART: dict[str, dict[str, str]] = {
    "listen.chart.performance": {"en": "Performance (mean answer)", "fr": "Performance (note moyenne)"},
    "listen.chart.importance": {
        "en": "Importance (share explained)",
        "fr": "Importance (part expliquée)",
    },
    "listen.chart.driver": {"en": "Driver", "fr": "Facteur"},
    "listen.chart.share": {"en": "Share", "fr": "Part"},
    "listen.chart.interval": {"en": "Interval", "fr": "Intervalle"},
    "listen.chart.phase": {"en": "Phase", "fr": "Phase"},
    "listen.chart.importance_share": {"en": "Share of importance", "fr": "Part de l'importance"},
    "listen.chart.spend_share": {"en": "Share of funded spend", "fr": "Part de la dépense financée"},
}

_REPORT: dict[str, dict[str, str]] = {
    "listen.report.section": {
        "en": "What customers feel against where the money goes",
        "fr": "Ce que vivent les clients et là où va l'argent",
    },
    "listen.report.sheet": {"en": "Listening", "fr": "Écoute client"},
    "listen.report.assume": {
        "en": "At least {share} of the spend goes to the journey phase {phase}.",
        "fr": "Au moins {share} des dépenses dans la phase du parcours {phase}.",
    },
    "listen.report.spend": {"en": "Funded spend", "fr": "Dépense financée"},
    "listen.report.index": {"en": "Misalignment index", "fr": "Indice de désalignement"},
}

_UI: dict[str, dict[str, str]] = {
    "listen.ui.title": {"en": "Listening", "fr": "Écoute client"},
    "listen.ui.intro": {
        "en": "Upload a survey (one row per respondent: an outcome such as recommendation 0–10, and "
        "the satisfaction with each journey phase) to see which phase matters most to customers, "
        "and whether the money follows it. The file's format is described in docs/survey.md.",
        "fr": "Déposez une enquête (une ligne par répondant : un résultat comme la recommandation "
        "de 0 à 10, et la satisfaction pour chaque phase du parcours) pour voir quelle phase compte "
        "le plus pour les clients, et si l'argent la suit. Le format du fichier est décrit dans "
        "docs/survey.md.",
    },
    "listen.ui.upload": {"en": "Survey file (.csv or .xlsx)", "fr": "Fichier d'enquête (.csv ou .xlsx)"},
    "listen.ui.no_numbers": {
        "en": "The survey has no column of numbers to analyse.",
        "fr": "L'enquête n'a aucune colonne de nombres à analyser.",
    },
    "listen.ui.outcome": {
        "en": "Outcome (what the drivers explain)",
        "fr": "Résultat (ce que les facteurs expliquent)",
    },
    "listen.ui.segment": {"en": "Segment (optional)", "fr": "Segment (facultatif)"},
    "listen.ui.no_segment": {"en": "No segment", "fr": "Aucun segment"},
    "listen.ui.drivers": {"en": "Drivers", "fr": "Facteurs"},
    "listen.ui.drivers_help": {
        "en": "Columns named like a journey phase of the workspace come first and are chosen by "
        "default: only they can be compared with the spend. At most 15.",
        "fr": "Les colonnes nommées comme une phase du parcours de l'espace viennent en premier et "
        "sont choisies par défaut : elles seules se comparent à la dépense. 15 au plus.",
    },
    "listen.ui.keep_answers": {
        "en": "Also keep the raw answers in the database",
        "fr": "Garder aussi les réponses brutes dans la base",
    },
    "listen.ui.keep_why": {
        "en": "Survey answers can be personal data (GDPR): keep them only if you have a reason and "
        "the right to.",
        "fr": "Les réponses d'une enquête peuvent être des données personnelles (RGPD) : ne les "
        "gardez que si vous en avez une raison et le droit.",
    },
    "listen.ui.privacy": {
        "en": "What is kept, with your name and the time: the file's name, the columns chosen and "
        "the analysis. The answers themselves stay out of the database unless you tick the box, "
        "because they can be personal data.",
        "fr": "Ce qui est gardé, avec votre nom et l'heure : le nom du fichier, les colonnes "
        "choisies et l'analyse. Les réponses elles-mêmes restent hors de la base sauf si vous "
        "cochez la case, car elles peuvent être des données personnelles.",
    },
    "listen.ui.run": {"en": "Analyse the drivers", "fr": "Analyser les facteurs"},
    "listen.ui.progress": {
        "en": "Bootstrap intervals (500 resamples)…",
        "fr": "Intervalles par rééchantillonnage (500 tirages)…",
    },
    "listen.ui.not_kept": {
        "en": "This analysis is shown but not kept: type your name in the sidebar (or open the "
        "store) to keep it.",
        "fr": "Cette analyse est affichée mais pas gardée : saisissez votre nom dans la barre "
        "latérale (ou ouvrez la base) pour la garder.",
    },
    "listen.ui.kept": {
        "en": "Survey analysis kept, by {author} (without the raw answers).",
        "fr": "Analyse de l'enquête gardée, par {author} (sans les réponses brutes).",
    },
    "listen.ui.kept_with_answers": {
        "en": "Survey analysis kept, by {author}, with the raw answers.",
        "fr": "Analyse de l'enquête gardée, par {author}, avec les réponses brutes.",
    },
    "listen.ui.of_survey": {
        "en": "Survey {source}, outcome {outcome}:",
        "fr": "Enquête {source}, résultat {outcome} :",
    },
    "listen.ui.quadrant_help": {
        "en": "Top left (important, performing below average): fix first. The bars are the 90 % "
        "intervals of the importance.",
        "fr": "En haut à gauche (important, sous la moyenne) : à traiter d'abord. Les barres sont "
        "les intervalles à 90 % de l'importance.",
    },
    "listen.ui.needs_run": {
        "en": "Run a scenario to compare what customers feel with where the portfolio's money goes.",
        "fr": "Lancez un scénario pour comparer ce que vivent les clients avec là où va l'argent "
        "du portefeuille.",
    },
    "listen.ui.set_share": {
        "en": "Set a minimum share for this phase: {share} of the spend in {phase}",
        "fr": "Fixer une part minimale pour cette phase : {share} de la dépense dans {phase}",
    },
    "listen.ui.share_set": {
        "en": "The Scenario form now asks for at least {share} of the spend in {phase}; run the "
        "scenario again to apply it.",
        "fr": "Le formulaire de scénario demande désormais au moins {share} de la dépense dans "
        "{phase} ; relancez le scénario pour l'appliquer.",
    },
    "listen.ui.share_pending": {
        "en": "A minimum share per phase is set in the Scenario form.",
        "fr": "Une part minimale par phase est fixée dans le formulaire de scénario.",
    },
    "listen.ui.share_in_form": {
        "en": "Listening: at least {share} of the spend in the journey phase {phase}.",
        "fr": "Écoute client : au moins {share} de la dépense dans la phase du parcours {phase}.",
    },
    "listen.ui.share_clear": {"en": "Remove", "fr": "Retirer"},
}

MESSAGES: dict[str, dict[str, str]] = {
    **_ANALYSIS,
    **_SURVEY,
    **_CLI,
    **_ALIGNMENT,
    **_PHASE_SHARE,
    **_CHART,
    **_UI,
    **_REPORT,
}
