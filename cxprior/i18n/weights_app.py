"""Translations for the "Weights and consensus" section of the app and the COMEX pack's half
page on weight sensitivity; see cxprior.i18n for the conventions."""

MESSAGES: dict[str, dict[str, str]] = {
    "ui.wsens.enter_on_strategy": {
        "en": "Each member gives their weights on the Strategy page; the analysis below uses them.",
        "fr": "Chaque membre donne ses pondérations sur la page Stratégie ; l'analyse ci-dessous "
        "les utilise.",
    },
    "ui.wsens.title": {"en": "Weights and consensus", "fr": "Pondérations et consensus"},
    "ui.wsens.intro": {
        "en": "How far each goal's weight can move before the portfolio changes, each COMEX "
        "member's own portfolio, and the initiatives funded whatever the weights.",
        "fr": "Jusqu'où le poids de chaque objectif peut bouger avant que le portefeuille change, "
        "le portefeuille de chaque membre du COMEX, et les initiatives financées quels que soient les poids.",
    },
    "ui.wsens.upload": {
        "en": "Members' weights workbook (Weights sheet)",
        "fr": "Classeur des pondérations des membres (feuille Pondérations)",
    },
    "ui.wsens.uploaded": {
        "en": {
            "one": "{count} member's weights read from {file}.",
            "other": "{count} members' weights read from {file}.",
        },
        "fr": {
            "one": "Pondérations de {count} membre lues dans {file}.",
            "other": "Pondérations de {count} membres lues dans {file}.",
        },
    },
    "ui.wsens.own": {"en": "Your own weights", "fr": "Vos propres poids"},
    "ui.wsens.own_help": {
        "en": "Enter how much each goal matters to you; they are kept with your name ({name}).",
        "fr": "Indiquez le poids de chaque objectif pour vous ; ils sont enregistrés à votre nom ({name}).",
    },
    "ui.wsens.own_save": {"en": "Save my weights", "fr": "Enregistrer mes poids"},
    "ui.wsens.own_how": {"en": "How you give them", "fr": "Comment vous les donnez"},
    "ui.wsens.own_how.direct": {"en": "A weight per goal", "fr": "Un poids par objectif"},
    "ui.wsens.own_how.pairwise": {"en": "Pair by pair", "fr": "Paire par paire"},
    "ui.wsens.own_pairwise_help": {
        "en": "Say, for each pair of goals, which matters more to you and how many times more; "
        "your weights follow from the judgments, with their consistency.",
        "fr": "Dites, pour chaque paire d'objectifs, lequel compte le plus pour vous et combien de fois "
        "plus ; vos poids découlent de ces jugements, avec leur cohérence.",
    },
    "ui.wsens.own_pairwise_weights": {
        "en": "Your judgments give these weights: {weights}.",
        "fr": "Vos jugements donnent ces poids : {weights}.",
    },
    "ui.wsens.own_saved": {"en": "Your weights are saved.", "fr": "Vos poids sont enregistrés."},
    "ui.wsens.own_no_store": {
        "en": "Your weights are kept for this session only: there is no database to save them to.",
        "fr": "Vos poids ne sont gardés que pour cette session : aucune base de données où les enregistrer.",
    },
    "ui.wsens.members": {
        "en": "Members' weights in use: {names}.",
        "fr": "Pondérations des membres utilisées : {names}.",
    },
    "ui.wsens.no_members": {
        "en": "No member's weights yet: upload a Weights workbook or enter your own.",
        "fr": "Aucune pondération de membre pour l'instant : chargez un classeur Pondérations "
        "ou saisissez les vôtres.",
    },
    "ui.wsens.no_members_review": {
        "en": "No member's weights yet: each member enters theirs on the Strategy page.",
        "fr": "Aucune pondération de membre pour l'instant : chaque membre saisit les siennes sur "
        "la page Stratégie.",
    },
    "ui.wsens.compute": {"en": "Compute the weight sensitivity", "fr": "Calculer la sensibilité aux poids"},
    "ui.wsens.computing": {
        "en": "Re-solving the portfolio under other weights…",
        "fr": "Nouvelle résolution du portefeuille sous d'autres poids…",
    },
    "ui.wsens.ranges": {"en": "How far each weight can move", "fr": "Jusqu'où chaque poids peut bouger"},
    "ui.wsens.matrix": {
        "en": "Initiatives × members (funded or not) and the core index",
        "fr": "Initiatives × membres (financées ou non) et indice de noyau",
    },
    "ui.wsens.core": {"en": "Core, borderline, exterior", "fr": "Noyau, limite, extérieur"},
    "ui.wsens.use_consensus": {"en": "Use the consensus weights", "fr": "Utiliser les poids de consensus"},
    "ui.wsens.consensus_note": {
        "en": {
            "one": "consensus weights of {count} member",
            "other": "consensus weights of {count} members",
        },
        "fr": {
            "one": "poids de consensus de {count} membre",
            "other": "poids de consensus de {count} membres",
        },
    },
    "ui.wsens.consensus_used": {
        "en": {
            "one": "The consensus weights of {count} member are now the workspace's goal weights.",
            "other": "The consensus weights of {count} members are now the workspace's goal weights.",
        },
        "fr": {
            "one": "Les poids de consensus de {count} membre sont désormais les poids des objectifs.",
            "other": "Les poids de consensus de {count} membres sont désormais les poids des objectifs.",
        },
    },
    "ui.wsens.col.agreed": {"en": "Agreed portfolio", "fr": "Portefeuille retenu"},
    "ui.wsens.col.core_index": {"en": "Core index (members)", "fr": "Indice de noyau (membres)"},
    "ui.wsens.col.sampled_index": {"en": "Core index (drawn weights)", "fr": "Indice de noyau (poids tirés)"},
    "ui.wsens.col.category": {"en": "Set", "fr": "Ensemble"},
    "ui.wsens.category.core": {"en": "core", "fr": "noyau"},
    "ui.wsens.category.borderline": {"en": "borderline", "fr": "limite"},
    "ui.wsens.category.exterior": {"en": "exterior", "fr": "extérieur"},
    # --- the chart ---
    "chart.wsens.goal": {"en": "Goal", "fr": "Objectif"},
    "chart.wsens.weight": {"en": "Normalised weight", "fr": "Poids normalisé"},
    "chart.wsens.low": {"en": "Holds from", "fr": "Tient à partir de"},
    "chart.wsens.high": {"en": "Holds up to", "fr": "Tient jusqu'à"},
    "chart.wsens.current": {"en": "Today", "fr": "Aujourd'hui"},
    # --- the pack's half page ---
    "report.wsens.title": {
        "en": "Robust core whatever the weights",
        "fr": "Noyau robuste quels que soient les poids",
    },
    "report.wsens.sheet": {"en": "Weights", "fr": "Pondérations"},
    "report.wsens.disputed": {"en": "Disputed initiatives", "fr": "Initiatives disputées"},
    "report.wsens.none_disputed": {
        "en": "No initiative depends on the members' weights.",
        "fr": "Aucune initiative ne dépend des poids des membres.",
    },
    "report.wsens.col.initiative": {"en": "Initiative", "fr": "Initiative"},
    "report.wsens.col.name": {"en": "Name", "fr": "Nom"},
    "report.wsens.col.funded_by": {"en": "Members funding it", "fr": "Membres qui la financent"},
    "report.wsens.col.core_index": {"en": "Core index", "fr": "Indice de noyau"},
    "report.wsens.col.category": {"en": "Set", "fr": "Ensemble"},
    "report.wsens.col.agreed": {"en": "In this portfolio", "fr": "Dans ce portefeuille"},
    "report.wsens.yes": {"en": "yes", "fr": "oui"},
}
