"""Translations for the optimizer concern; see cxprior.i18n for the conventions."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # --- scenario checks (ScenarioError) ---------------------------------------------------
    "opt.scenario.unknown_force_in": {
        "en": "Unknown initiative ids to force in: {ids}.",
        "fr": "Identifiants d'initiative inconnus à imposer : {ids}.",
    },
    "opt.scenario.unknown_force_out": {
        "en": "Unknown initiative ids to leave out: {ids}.",
        "fr": "Identifiants d'initiative inconnus à écarter : {ids}.",
    },
    "opt.scenario.unknown_goals": {
        "en": "Unknown goal ids in the minimum goal shares: {ids} (known goals: {known}).",
        "fr": "Identifiants d'objectif inconnus dans les parts minimales : {ids} (objectifs connus : "
        "{known}).",
    },
    "opt.scenario.unknown_periods": {
        "en": "Unknown budget periods: {periods} (periods with cost columns: {known}).",
        "fr": "Périodes budgétaires inconnues : {periods} (périodes ayant une colonne de coût : {known}).",
    },
    "opt.scenario.unknown_competencies": {
        "en": "Unknown CX competencies in the minimum budget shares: {ids}.",
        "fr": "Compétences CX inconnues dans les parts minimales de budget : {ids}.",
    },
    "opt.scenario.negative_budget": {
        "en": "The {budget} cannot be {amount}: a budget is an amount in euros, zero or more.",
        "fr": "Le {budget} ne peut pas être de {amount} : un budget est un montant en euros, positif ou nul.",
    },
    "opt.scenario.bad_budget": {
        "en": "The budget for {period} must be a number of euros, zero or more.",
        "fr": "Le budget de {period} doit être un montant en euros, positif ou nul.",
    },
    "opt.scenario.bad_share": {
        "en": "The minimum share for {subject} must be between 0 and 1 (e.g. 0.2 for 20 %).",
        "fr": "La part minimale de {subject} doit être comprise entre 0 et 1 (par ex. 0,2 pour 20 %).",
    },
    "opt.scenario.bad_count": {
        "en": "{option} must be zero or more.",
        "fr": "{option} doit être positif ou nul.",
    },
    "opt.scenario.bad_solver": {
        "en": "Unknown solver {solver!r}: use highs or cbc.",
        "fr": "Solveur inconnu {solver!r} : utilisez highs ou cbc.",
    },
    "opt.scenario.bad_time_limit": {
        "en": "The time limit must be a positive number of seconds.",
        "fr": "La limite de temps doit être un nombre de secondes positif.",
    },
    "opt.scenario.bad_gap": {
        "en": "The optimality gap must be at least 0 and below 1 (e.g. 1e-6).",
        "fr": "L'écart d'optimalité doit être au moins 0 et inférieur à 1 (par ex. 1e-6).",
    },
    # --- solve outcome ---------------------------------------------------------------------
    "opt.time_limit": {
        "en": "Stopped at the time limit of {seconds} s: this is the best portfolio found, proven within "
        "{gap} of the best possible value.",
        "fr": "Arrêt à la limite de temps de {seconds} s : c'est le meilleur portefeuille trouvé, à moins de "
        "{gap} de la meilleure valeur possible (prouvé).",
    },
    "opt.no_solution_in_time": {
        "en": "No portfolio was found within the time limit of {seconds} s. Allow more time.",
        "fr": "Aucun portefeuille trouvé dans la limite de temps de {seconds} s. Accordez plus de temps.",
    },
    "opt.and_more": {
        "en": {
            "one": "and {count} more",
            "other": "and {count} more",
        },
        "fr": {
            "one": "et {count} autre",
            "other": "et {count} autres",
        },
    },
    "opt.total_budget": {"en": "total budget", "fr": "budget total"},
    "opt.period_budget": {"en": "{period} budget", "fr": "budget {period}"},
    # --- direct conflicts ------------------------------------------------------------------
    "opt.conflict.mandatory_and_out": {
        "en": "{item} is mandatory but is also left out by the scenario.",
        "fr": "{item} est obligatoire mais le scénario l'écarte aussi.",
    },
    "opt.conflict.in_and_out": {
        "en": "{item} is both forced in and left out by the scenario.",
        "fr": "{item} est à la fois imposée et écartée par le scénario.",
    },
    "opt.conflict.prerequisite_out": {
        "en": "{item} must be funded but needs {prerequisite}, which the scenario leaves out.",
        "fr": "{item} doit être financée mais dépend de {prerequisite}, que le scénario écarte.",
    },
    "opt.conflict.exclusive": {
        "en": "Exclusive group {group} allows one initiative, but the scenario requires several: {items}.",
        "fr": "Le groupe exclusif {group} n'admet qu'une initiative, mais le scénario en impose plusieurs : "
        "{items}.",
    },
    "opt.conflict.budget": {
        "en": "The mandatory and forced-in initiatives (with their prerequisites) cost {needed}, more than "
        "the {budget} of {amount}: {items}.",
        "fr": "Les initiatives obligatoires et imposées (avec leurs prérequis) coûtent {needed}, plus que le "
        "{budget} de {amount} : {items}.",
    },
    "opt.conflict.max_initiatives": {
        "en": {
            "one": "The scenario requires {count} initiative (mandatory, forced in or a prerequisite) but "
            "allows at most {limit}: {items}.",
            "other": "The scenario requires {count} initiatives (mandatory, forced in and their "
            "prerequisites) but allows at most {limit}: {items}.",
        },
        "fr": {
            "one": "Le scénario impose {count} initiative (obligatoire, imposée ou prérequis) mais en "
            "autorise au plus {limit} : {items}.",
            "other": "Le scénario impose {count} initiatives (obligatoires, imposées et leurs prérequis) "
            "mais en autorise au plus {limit} : {items}.",
        },
    },
    "opt.conflict.max_phases": {
        "en": {
            "one": "The required initiatives touch {count} journey phase ({phases}) but at most {limit} are "
            "allowed.",
            "other": "The required initiatives touch {count} journey phases ({phases}) but at most {limit} "
            "are allowed.",
        },
        "fr": {
            "one": "Les initiatives imposées touchent {count} phase du parcours ({phases}) alors qu'au plus "
            "{limit} est autorisée.",
            "other": "Les initiatives imposées touchent {count} phases du parcours ({phases}) alors que "
            "{limit} au plus sont autorisées.",
        },
    },
    "opt.conflict.shares_over_100": {
        "en": "The minimum goal shares add up to {total}, more than all of the portfolio's value.",
        "fr": "Les parts minimales par objectif totalisent {total}, plus que toute la valeur du "
        "portefeuille.",
    },
    "opt.conflict.goal_unserved": {
        "en": "No initiative that may be funded serves goal {goal}: no portfolio can give it {share} of its "
        "value.",
        "fr": "Aucune initiative finançable ne sert l'objectif {goal} : aucun portefeuille ne peut lui "
        "consacrer {share} de sa valeur.",
    },
    "opt.conflict.goal_unreachable": {
        "en": "Goal {goal} cannot reach {share} of the portfolio's value: the required initiatives serve "
        "other goals and even every initiative serving {goal_id} would not make up for it.",
        "fr": "L'objectif {goal} ne peut pas atteindre {share} de la valeur du portefeuille : les "
        "initiatives imposées servent d'autres objectifs et même toutes celles qui servent {goal_id} ne "
        "suffiraient pas à compenser.",
    },
    # --- elastic relaxation ----------------------------------------------------------------
    "opt.infeasible.intro": {
        "en": "No portfolio meets all the constraints of this scenario together.",
        "fr": "Aucun portefeuille ne respecte toutes les contraintes de ce scénario à la fois.",
    },
    "opt.infeasible.relax": {
        "en": "The smallest change that makes it feasible: {changes}.",
        "fr": "Le plus petit changement qui le rend réalisable : {changes}.",
    },
    "opt.infeasible.unknown": {
        "en": "No portfolio meets all the constraints of this scenario together, and no single set of "
        "constraints to relax could be found in time.",
        "fr": "Aucun portefeuille ne respecte toutes les contraintes de ce scénario, et aucun ensemble de "
        "contraintes à relâcher n'a pu être trouvé à temps.",
    },
    "opt.relax.budget": {
        "en": "raise the {budget} of {amount} by at least {more}",
        "fr": "augmenter le {budget} de {amount} d'au moins {more}",
    },
    "opt.relax.max_initiatives": {
        "en": {
            "one": "raise the maximum of {limit} initiative by at least {more}",
            "other": "raise the maximum of {limit} initiatives by at least {more}",
        },
        "fr": {
            "one": "relever le maximum de {limit} initiative d'au moins {more}",
            "other": "relever le maximum de {limit} initiatives d'au moins {more}",
        },
    },
    "opt.relax.max_phases": {
        "en": {
            "one": "raise the maximum of {limit} journey phase by at least {more}",
            "other": "raise the maximum of {limit} journey phases by at least {more}",
        },
        "fr": {
            "one": "relever le maximum de {limit} phase du parcours d'au moins {more}",
            "other": "relever le maximum de {limit} phases du parcours d'au moins {more}",
        },
    },
    "opt.relax.goal_share": {
        "en": "lower the minimum share of goal {goal} below {share}",
        "fr": "abaisser la part minimale de l'objectif {goal} sous {share}",
    },
    "opt.relax.competency_share": {
        "en": "lower the minimum budget share of the competency {competency} below {share}",
        "fr": "abaisser la part minimale de budget de la compétence {competency} sous {share}",
    },
    "opt.relax.positive_value": {
        "en": "drop the minimum goal shares (only a portfolio worth nothing meets them)",
        "fr": "renoncer aux parts minimales par objectif (seul un portefeuille sans valeur les respecte)",
    },
    "opt.relax.force_in": {"en": "stop forcing in {item}", "fr": "ne plus imposer {item}"},
    "opt.relax.mandatory": {
        "en": "make {item} optional (it is mandatory)",
        "fr": "rendre {item} facultative (elle est obligatoire)",
    },
    "opt.relax.force_out": {"en": "stop leaving out {item}", "fr": "ne plus écarter {item}"},
    "opt.competency.customer_understanding": {
        "en": "Customer understanding",
        "fr": "Compréhension du client",
    },
    "opt.competency.strategy_engagement": {"en": "Strategy and engagement", "fr": "Stratégie et engagement"},
    "opt.competency.culture_management": {"en": "Culture and management", "fr": "Culture et management"},
    "opt.competency.design_improvement": {
        "en": "Design and continuous improvement",
        "fr": "Design et amélioration continue",
    },
    # --- why an initiative is left out -----------------------------------------------------
    "opt.why.forced_out": {
        "en": "Left out by decision in this scenario.",
        "fr": "Écartée par décision dans ce scénario.",
    },
    "opt.why.forced_out_reason": {
        "en": "Left out by decision in this scenario: {reason}",
        "fr": "Écartée par décision dans ce scénario : {reason}",
    },
    "opt.why.prerequisite_out": {
        "en": "It needs {prerequisites}, which this scenario leaves out.",
        "fr": "Elle dépend de {prerequisites}, que ce scénario écarte.",
    },
    "opt.why.no_value": {
        "en": "It adds no value to the strategic goals ({value} points): its KPIs serve no goal or it has no "
        "expected impact.",
        "fr": "Elle n'apporte aucune valeur aux objectifs stratégiques ({value} points) : ses indicateurs ne "
        "servent aucun objectif ou elle n'a pas d'impact attendu.",
    },
    "opt.why.negative_value": {
        "en": "It moves KPIs away from their targets: its value is {value} points.",
        "fr": "Elle éloigne des indicateurs de leur cible : sa valeur est de {value} points.",
    },
    "opt.why.prerequisite": {
        "en": "It needs {prerequisites}, which is not funded; funding them together does not pay.",
        "fr": "Elle dépend de {prerequisites}, non financée ; les financer ensemble n'est pas rentable.",
    },
    "opt.why.exclusive": {
        "en": "Its exclusive group {group} went to {winner}, which serves the portfolio better.",
        "fr": "Son groupe exclusif {group} est revenu à {winner}, plus utile au portefeuille.",
    },
    "opt.why.focus_count": {
        "en": {
            "one": "The portfolio is at its maximum of {limit} initiative, and the funded one is worth more.",
            "other": "The portfolio is at its maximum of {limit} initiatives, and each funded one is worth "
            "more.",
        },
        "fr": {
            "one": "Le portefeuille a atteint son maximum de {limit} initiative, et celle retenue vaut plus.",
            "other": "Le portefeuille a atteint son maximum de {limit} initiatives, et chacune de celles "
            "retenues vaut plus.",
        },
    },
    "opt.why.focus_phases": {
        "en": {
            "one": "The portfolio already touches its maximum of {limit} journey phase, and it is not "
            "{phase}.",
            "other": "The portfolio already touches its maximum of {limit} journey phases and {phase} is "
            "not one of them.",
        },
        "fr": {
            "one": "Le portefeuille touche déjà son maximum de {limit} phase du parcours, et ce n'est pas "
            "{phase}.",
            "other": "Le portefeuille touche déjà son maximum de {limit} phases du parcours et {phase} n'en "
            "fait pas partie.",
        },
    },
    "opt.why.no_room": {
        "en": "No room at the margin: the budget buys more value elsewhere.",
        "fr": "Pas de place à la marge : le budget rapporte plus de valeur ailleurs.",
    },
    "opt.margin.estimate": {"en": "Estimate:", "fr": "Estimation :"},
    "opt.margin.tie": {
        "en": "A portfolio with it is worth as much; the one with fewer initiatives was preferred.",
        "fr": "Un portefeuille qui l'inclut vaut autant ; celui qui compte le moins d'initiatives a été "
        "préféré.",
    },
    "opt.margin.both": {
        "en": "To get in it would need to cost {cut} less ({new} instead of {cost}) or bring {gain} more "
        "value points.",
        "fr": "Pour entrer, elle devrait coûter {cut} de moins ({new} au lieu de {cost}) ou apporter {gain} "
        "points de valeur de plus.",
    },
    "opt.margin.value_only": {
        "en": "Even free it would not get in; it would need {gain} more value points.",
        "fr": "Même gratuite elle n'entrerait pas ; il lui faudrait {gain} points de valeur de plus.",
    },
    "opt.margin.cost_only": {
        "en": "To get in it would need to cost {cut} less ({new} instead of {cost}).",
        "fr": "Pour entrer, elle devrait coûter {cut} de moins ({new} au lieu de {cost}).",
    },
    "opt.margin.none": {
        "en": "No change to its cost or value alone would bring it into this scenario.",
        "fr": "Aucun changement de son coût ou de sa valeur ne suffirait à la faire entrer dans ce scénario.",
    },
    # --- greedy comparison -----------------------------------------------------------------
    "opt.greedy.share_unmet": {
        "en": "This ranked list gives goal {goal} {reached} of its value, below the minimum of {share}: a "
        "ranked list cannot plan for shares.",
        "fr": "Cette liste classée donne à l'objectif {goal} {reached} de sa valeur, sous le minimum de "
        "{share} : une liste classée ne sait pas viser des parts.",
    },
    "opt.greedy.gain": {
        "en": "At the same budget the optimizer buys {gain} more value points ({share}) than funding down "
        "the list ranked by {rank_by}.",
        "fr": "À budget égal, l'optimiseur obtient {gain} points de valeur de plus ({share}) qu'un "
        "financement dans l'ordre du classement par {rank_by}.",
    },
    "opt.greedy.not_comparable": {
        "en": "Its value is not comparable with the optimizer's, which meets every share.",
        "fr": "Sa valeur n'est pas comparable à celle de l'optimiseur, qui respecte toutes les parts.",
    },
    "opt.greedy.no_comparison": {
        "en": "No comparison with the ranked list: one of the two has no portfolio.",
        "fr": "Pas de comparaison avec la liste classée : l'un des deux n'a pas de portefeuille.",
    },
    "opt.greedy.rank_by.value": {"en": "value", "fr": "valeur"},
    "opt.greedy.rank_by.value_per_euro": {"en": "value per euro", "fr": "valeur par euro"},
    # --- portfolio workbook (--out) ----------------------------------------------------------
    "opt.status.optimal": {"en": "optimal (proven)", "fr": "optimal (prouvé)"},
    "opt.status.feasible": {
        "en": "feasible (not proven optimal)",
        "fr": "réalisable (optimalité non prouvée)",
    },
    "opt.status.infeasible": {"en": "infeasible", "fr": "irréalisable"},
    "opt.status.time_limit": {"en": "stopped at the time limit", "fr": "arrêté à la limite de temps"},
    # --- command line ---------------------------------------------------------------------
    "opt.cli.bad_pair": {
        "en": "{option} expects KEY=NUMBER, e.g. 2026=500000; got {text!r}.",
        "fr": "{option} attend CLÉ=NOMBRE, par ex. 2026=500000 ; reçu {text!r}.",
    },
    "opt.cli.backlog": {
        "en": "{path} is a team backlog (initiatives only): optimizing needs a whole workspace with "
        "goals and KPIs.",
        "fr": "{path} est un backlog d'équipe (initiatives seules) : l'optimisation demande un espace de "
        "travail complet, avec objectifs et indicateurs.",
    },
    "opt.cli.infeasible": {
        "en": "No portfolio for this scenario:",
        "fr": "Aucun portefeuille pour ce scénario :",
    },
    "opt.cli.json_written": {
        "en": "JSON result written to {path}.",
        "fr": "Résultat JSON écrit dans {path}.",
    },
    "opt.cli.out_written": {
        "en": "Portfolio workbook written to {path}.",
        "fr": "Classeur du portefeuille écrit dans {path}.",
    },
    "opt.cli.headline": {
        "en": "Portfolio {status}: {value} value points (proven gap {gap}), solved by {solver} in {seconds} "
        "s.",
        "fr": "Portefeuille {status} : {value} points de valeur (écart prouvé {gap}), résolu par {solver} en "
        "{seconds} s.",
    },
    "opt.cli.spend": {
        "en": {
            "one": "{count} initiative funded for {cost}.",
            "other": "{count} initiatives funded for {cost}.",
        },
        "fr": {
            "one": "{count} initiative financée pour {cost}.",
            "other": "{count} initiatives financées pour {cost}.",
        },
    },
    "opt.cli.period": {
        "en": "  {period}: {cost} spent of a {budget} budget",
        "fr": "  {period} : {cost} dépensés sur un budget de {budget}",
    },
    "opt.cli.goal": {
        "en": "  value for goal {goal}: {value} points",
        "fr": "  valeur pour l'objectif {goal} : {value} points",
    },
    "opt.cli.selected": {"en": "Funded:", "fr": "Financées :"},
    "opt.cli.excluded": {"en": "Left out ({count}):", "fr": "Écartées ({count}) :"},
    "opt.cli.more": {
        "en": {
            "one": "… and {count} more (write them all with --out PORTFOLIO.xlsx)",
            "other": "… and {count} more (write them all with --out PORTFOLIO.xlsx)",
        },
        "fr": {
            "one": "… et {count} autre (toutes avec --out PORTEFEUILLE.xlsx)",
            "other": "… et {count} autres (toutes avec --out PORTEFEUILLE.xlsx)",
        },
    },
    "opt.cli.focus": {
        "en": "Focus: {count} initiatives over {phases} journey phases; top phase {top} takes {share} of the "
        "spend (concentration {hhi}).",
        "fr": "Concentration : {count} initiatives sur {phases} phases du parcours ; la phase {top} reçoit "
        "{share} de la dépense (concentration {hhi}).",
    },
    "opt.cli.marginal": {
        "en": "€100,000 more on the {budget} budget would buy {value} value points.",
        "fr": "100 000 € de plus sur le budget {budget} rapporteraient {value} points de valeur.",
    },
    "opt.cli.forced_cost": {
        "en": "Forcing {item} in costs {value} value points.",
        "fr": "Imposer {item} coûte {value} points de valeur.",
    },
    "opt.cli.bad_points": {"en": "--points must be at least 2.", "fr": "--points doit valoir au moins 2."},
    "opt.cli.frontier_head": {
        "en": "Best value at {points} budget levels ({seconds} s):",
        "fr": "Meilleure valeur à {points} niveaux de budget ({seconds} s) :",
    },
    "opt.cli.frontier_point": {
        "en": {
            "one": "  budget {budget}: {value} points for {cost}, {count} initiative ({status})",
            "other": "  budget {budget}: {value} points for {cost}, {count} initiatives ({status})",
        },
        "fr": {
            "one": "  budget {budget} : {value} points pour {cost}, {count} initiative ({status})",
            "other": "  budget {budget} : {value} points pour {cost}, {count} initiatives ({status})",
        },
    },
}
