"""Translations for COMEX members' weights and the goal-weight sensitivity; see cxprior.i18n."""

_MEMBERS: dict[str, dict[str, str]] = {
    "weights.member.unknown_goal": {
        "en": "{member} weighs goals that do not exist: {ids}.",
        "fr": "{member} pondère des objectifs qui n'existent pas : {ids}.",
    },
    "weights.member.missing_goals": {
        "en": "{member} gives no weight to {ids}: every member weighs every goal (one that matters "
        "little gets a small weight, e.g. 1).",
        "fr": "{member} ne donne aucun poids à {ids} : chaque membre pondère tous les objectifs (un "
        "objectif qui compte peu reçoit un petit poids, par exemple 1).",
    },
    "weights.member.not_positive": {
        "en": "{member}'s weights must be numbers greater than 0 ({ids}).",
        "fr": "Les poids de {member} doivent être des nombres supérieurs à 0 ({ids}).",
    },
    "weights.member.no_name": {
        "en": "A member has no name.",
        "fr": "Un membre n'a pas de nom.",
    },
    "weights.member.none": {
        "en": "No member's weights were given.",
        "fr": "Aucune pondération de membre n'a été donnée.",
    },
    "weights.members_other_goals": {
        "en": "The members' weights are for goals {theirs}, but the workspace's goals are {ours}.",
        "fr": "Les pondérations des membres portent sur les objectifs {theirs}, mais ceux de l'espace "
        "de travail sont {ours}.",
    },
    "weights.bad_samples": {
        "en": "The number of drawn weightings must be a whole number ≥ 0 (got {samples}).",
        "fr": "Le nombre de pondérations tirées doit être un entier ≥ 0 (reçu {samples}).",
    },
}

_SHEET: dict[str, dict[str, str]] = {
    "wb.weights.sheet_for_sensitivity": {
        "en": "This sheet holds the COMEX members' weights: the sensitivity command reads it; it does "
        "not change the workspace.",
        "fr": "Cette feuille contient les pondérations des membres du COMEX : la commande sensitivity "
        "la lit ; elle ne change pas l'espace de travail.",
    },
    "wb.weights.no_sheet_found": {
        "en": "No Weights sheet (Pondérations) was found (sheets: {found}).",
        "fr": "Aucune feuille Pondérations (Weights) trouvée (feuilles : {found}).",
    },
    "wb.weights.no_sheet": {
        "en": "{path} has no Weights sheet (Pondérations): one row per member and goal, with the "
        "columns member, goal_id and weight.",
        "fr": "{path} n'a pas de feuille Pondérations (Weights) : une ligne par membre et par "
        "objectif, avec les colonnes membre, goal_id et poids.",
    },
    "wb.weights.empty": {
        "en": "This sheet has no weights: add one row per member and goal.",
        "fr": "Cette feuille ne contient aucun poids : ajoutez une ligne par membre et par objectif.",
    },
    "wb.weights.duplicate": {
        "en": "{member} already weighs {goal} on row {first}; give each goal once per member.",
        "fr": "{member} pondère déjà {goal} à la ligne {first} ; donnez chaque objectif une seule "
        "fois par membre.",
    },
    "wb.weights.missing_goals": {
        "en": "{member} gives no weight to {ids}: every member weighs every goal (one that matters "
        "little gets a small weight, e.g. 1).",
        "fr": "{member} ne donne aucun poids à {ids} : chaque membre pondère tous les objectifs (un "
        "objectif qui compte peu reçoit un petit poids, par exemple 1).",
    },
    "export.hint.Weights.member": {
        "en": "Required. The COMEX member's name; one row per member and goal.",
        "fr": "Obligatoire. Le nom du membre du COMEX ; une ligne par membre et par objectif.",
    },
    "export.hint.Weights.goal_id": {
        "en": "Required. A goal id of the Goals sheet; every member weighs every goal.",
        "fr": "Obligatoire. Un identifiant de la feuille Objectifs ; chaque membre pondère tous les "
        "objectifs.",
    },
    "export.hint.Weights.weight": {
        "en": "Required. A number > 0; normalised per member like the goal weights.",
        "fr": "Obligatoire. Un nombre > 0 ; normalisé par membre comme les poids des objectifs.",
    },
}

_RANGES: dict[str, dict[str, str | dict[str, str]]] = {
    "weights.range.between": {
        "en": "The portfolio holds while {goal} weighs between {low} and {high} (today {current}).",
        "fr": "Le portefeuille tient tant que {goal} pèse entre {low} et {high} (aujourd'hui {current}).",
    },
    "weights.range.below": {
        "en": "The portfolio holds whatever {goal} weighs below {high} (today {current}).",
        "fr": "Le portefeuille tient quel que soit le poids de {goal} sous {high} (aujourd'hui {current}).",
    },
    "weights.range.above": {
        "en": "The portfolio holds whatever {goal} weighs above {low} (today {current}).",
        "fr": "Le portefeuille tient quel que soit le poids de {goal} au-dessus de {low} "
        "(aujourd'hui {current}).",
    },
    "weights.range.always": {
        "en": "The portfolio holds whatever {goal} weighs (today {current}).",
        "fr": "Le portefeuille tient quel que soit le poids de {goal} (aujourd'hui {current}).",
    },
    "weights.range.only_here": {
        "en": "The portfolio is optimal only at today's weight of {goal} ({current}): another "
        "portfolio is as good there.",
        "fr": "Le portefeuille n'est optimal qu'au poids actuel de {goal} ({current}) : un autre "
        "portefeuille le vaut à ce poids.",
    },
    "weights.range.only_goal": {
        "en": "{goal} is the only goal: its weight is always 100%, so the portfolio does not depend on it.",
        "fr": "{goal} est le seul objectif : son poids vaut toujours 100\u00a0%, le portefeuille n'en "
        "dépend pas.",
    },
    "weights.range.no_kpi": {
        "en": "The portfolio holds whatever {goal} weighs below 100% (today {current}): no KPI is "
        "linked to this goal, so its weight only scales every initiative's value by the same factor "
        "(at 100% every value would be zero).",
        "fr": "Le portefeuille tient quel que soit le poids de {goal} sous 100\u00a0% (aujourd'hui "
        "{current}) : aucun indicateur n'est relié à cet objectif, son poids ne fait donc que "
        "multiplier la valeur de toutes les initiatives par le même facteur (à 100\u00a0%, toutes "
        "vaudraient zéro).",
    },
    "weights.range.no_impact": {
        "en": "The portfolio holds whatever {goal} weighs below 100% (today {current}): no initiative "
        "moves the KPIs linked to this goal, so its weight only scales every initiative's value by "
        "the same factor (at 100% every value would be zero).",
        "fr": "Le portefeuille tient quel que soit le poids de {goal} sous 100\u00a0% (aujourd'hui "
        "{current}) : aucune initiative ne fait bouger les indicateurs reliés à cet objectif, son "
        "poids ne fait donc que multiplier la valeur de toutes les initiatives par le même facteur "
        "(à 100\u00a0%, toutes vaudraient zéro).",
    },
    "weights.side.above": {"en": "Above {weight}", "fr": "Au-dessus de {weight}"},
    "weights.side.below": {"en": "Below {weight}", "fr": "Sous {weight}"},
    "weights.change.plain": {"en": "{side}, {change}.", "fr": "{side}, {change}."},
    "weights.change.shares": {
        "en": "{side}, the minimum goal shares no longer allow this portfolio: {change}.",
        "fr": "{side}, les parts minimales par objectif n'autorisent plus ce portefeuille : {change}.",
    },
    "weights.change.replace": {
        "en": {"one": "{enter} replaces {leave}", "other": "{enter} replace {leave}"},
        "fr": {"one": "{enter} remplace {leave}", "other": "{enter} remplacent {leave}"},
    },
    "weights.change.enter": {
        "en": {"one": "{enter} joins the portfolio", "other": "{enter} join the portfolio"},
        "fr": {"one": "{enter} entre dans le portefeuille", "other": "{enter} entrent dans le portefeuille"},
    },
    "weights.change.leave": {
        "en": {"one": "{leave} leaves the portfolio", "other": "{leave} leave the portfolio"},
        "fr": {"one": "{leave} sort du portefeuille", "other": "{leave} sortent du portefeuille"},
    },
    "weights.change.same": {
        "en": "another portfolio as good takes over",
        "fr": "un autre portefeuille aussi bon prend le relais",
    },
    "weights.change.infeasible": {
        "en": "{side}, no portfolio meets the minimum goal shares.",
        "fr": "{side}, aucun portefeuille ne respecte les parts minimales par objectif.",
    },
    "weights.range.unproven": {
        "en": "(A time limit stopped some solves: these limits are the best found, not proven.)",
        "fr": "(Une limite de temps a arrêté certaines résolutions : ces bornes sont les meilleures "
        "trouvées, non prouvées.)",
    },
    "weights.and": {"en": "and", "fr": "et"},
}

_MEMBERS_WORDS: dict[str, dict[str, str | dict[str, str]]] = {
    "weights.members.portfolio": {
        "en": {
            "one": "{member}: {count} initiative, {own} points under their weights, {agreed} under the "
            "agreed weights ({regret} points less than the agreed portfolio).",
            "other": "{member}: {count} initiatives, {own} points under their weights, {agreed} under the "
            "agreed weights ({regret} points less than the agreed portfolio).",
        },
        "fr": {
            "one": "{member} : {count} initiative, {own} points avec ses poids, {agreed} avec les poids "
            "retenus ({regret} points de moins que le portefeuille retenu).",
            "other": "{member} : {count} initiatives, {own} points avec ses poids, {agreed} avec les poids "
            "retenus ({regret} points de moins que le portefeuille retenu).",
        },
    },
    "weights.members.same": {
        "en": "{member}: the agreed portfolio ({own} points under their weights).",
        "fr": "{member} : le portefeuille retenu ({own} points avec ses poids).",
    },
    "weights.members.infeasible": {
        "en": "{member}: under these weights no portfolio meets the minimum goal shares.",
        "fr": "{member} : avec ces poids, aucun portefeuille ne respecte les parts minimales par objectif.",
    },
    "weights.core.members": {
        "en": {
            "one": "Over the {count} member's portfolio: {core}, {borderline}, {exterior}.",
            "other": "Over the {count} members' portfolios: {core}, {borderline}, {exterior}.",
        },
        "fr": {
            "one": "Sur le portefeuille de {count} membre : {core}, {borderline}, {exterior}.",
            "other": "Sur les portefeuilles des {count} membres : {core}, {borderline}, {exterior}.",
        },
    },
    "weights.core.sampled": {
        "en": {
            "one": "Over {count} weighting drawn within the members' ranges: {core}, {borderline}, "
            "{exterior}.",
            "other": "Over {count} weightings drawn within the members' ranges: {core}, {borderline}, "
            "{exterior}.",
        },
        "fr": {
            "one": "Sur {count} pondération tirée dans les fourchettes des membres : {core}, {borderline}, "
            "{exterior}.",
            "other": "Sur {count} pondérations tirées dans les fourchettes des membres : {core}, "
            "{borderline}, {exterior}.",
        },
    },
    "weights.core.part.core_members": {
        "en": {
            "one": "{count} initiative is funded whatever the member (core)",
            "other": "{count} initiatives are funded whatever the member (core)",
        },
        "fr": {
            "one": "{count} initiative est financée quel que soit le membre (noyau)",
            "other": "{count} initiatives sont financées quel que soit le membre (noyau)",
        },
    },
    "weights.core.part.borderline_members": {
        "en": {
            "one": "{count} depends on whose weights are used (borderline)",
            "other": "{count} depend on whose weights are used (borderline)",
        },
        "fr": {
            "one": "{count} dépend des poids retenus (limite)",
            "other": "{count} dépendent des poids retenus (limite)",
        },
    },
    "weights.core.part.core_sampled": {
        "en": {
            "one": "{count} initiative is funded whatever the weights (core)",
            "other": "{count} initiatives are funded whatever the weights (core)",
        },
        "fr": {
            "one": "{count} initiative est financée quels que soient les poids (noyau)",
            "other": "{count} initiatives sont financées quels que soient les poids (noyau)",
        },
    },
    "weights.core.part.borderline_sampled": {
        "en": {
            "one": "{count} depends on them (borderline)",
            "other": "{count} depend on them (borderline)",
        },
        "fr": {
            "one": "{count} en dépend (limite)",
            "other": "{count} en dépendent (limite)",
        },
    },
    "weights.core.part.exterior": {
        "en": {
            "one": "{count} is never funded (exterior)",
            "other": "{count} are never funded (exterior)",
        },
        "fr": {
            "one": "{count} n'est jamais financée (extérieur)",
            "other": "{count} ne sont jamais financées (extérieur)",
        },
    },
    "weights.core.disputed": {
        "en": "Disputed: {ids}.",
        "fr": "Disputées : {ids}.",
    },
    "weights.core.sampled_infeasible": {
        "en": {
            "one": "{count} drawn weighting left no portfolio meeting the minimum goal shares; it is not "
            "counted.",
            "other": "{count} drawn weightings left no portfolio meeting the minimum goal shares; they are "
            "not counted.",
        },
        "fr": {
            "one": "{count} pondération tirée ne laissait aucun portefeuille respectant les parts minimales "
            "; elle n'est pas comptée.",
            "other": "{count} pondérations tirées ne laissaient aucun portefeuille respectant les parts "
            "minimales ; elles ne sont pas comptées.",
        },
    },
    "weights.consensus": {
        "en": "Consensus weights (geometric mean of the members' judgements): {weights}; consistency "
        "ratio {ratio}.",
        "fr": "Poids de consensus (moyenne géométrique des jugements des membres) : {weights} ; "
        "ratio de cohérence {ratio}.",
    },
    "weights.category.core": {"en": "Core", "fr": "Noyau"},
    "weights.category.borderline": {"en": "Borderline", "fr": "Limite"},
    "weights.category.exterior": {"en": "Exterior", "fr": "Extérieur"},
    "weights.column.goal": {"en": "Goal", "fr": "Objectif"},
    "weights.column.current": {"en": "Today", "fr": "Aujourd'hui"},
    "weights.column.low": {"en": "Holds from", "fr": "Tient de"},
    "weights.column.high": {"en": "Holds up to", "fr": "Tient jusqu'à"},
    "weights.column.initiative": {"en": "Initiative", "fr": "Initiative"},
    "weights.column.name": {"en": "Name", "fr": "Nom"},
    "weights.column.core_index": {"en": "Core index (members)", "fr": "Indice de noyau (membres)"},
    "weights.column.sampled_index": {
        "en": "Core index (drawn weights)",
        "fr": "Indice de noyau (poids tirés)",
    },
    "weights.column.category": {"en": "Set", "fr": "Ensemble"},
    "weights.column.agreed": {"en": "Agreed portfolio", "fr": "Portefeuille retenu"},
}

_CLI: dict[str, dict[str, str | dict[str, str]]] = {
    "weights.cli.head": {
        "en": {
            "one": "Portfolio of the scenario: {count} initiative, {value} points, {status}. {solves} "
            "solves in {seconds} s.",
            "other": "Portfolio of the scenario: {count} initiatives, {value} points, {status}. {solves} "
            "solves in {seconds} s.",
        },
        "fr": {
            "one": "Portefeuille du scénario : {count} initiative, {value} points, {status}. {solves} "
            "résolutions en {seconds} s.",
            "other": "Portefeuille du scénario : {count} initiatives, {value} points, {status}. {solves} "
            "résolutions en {seconds} s.",
        },
    },
    "weights.cli.members": {"en": "COMEX members:", "fr": "Membres du COMEX :"},
    "weights.cli.from_book": {
        "en": "Members' weights read from the Weights sheet of {path}.",
        "fr": "Pondérations des membres lues dans la feuille Pondérations de {path}.",
    },
    "weights.cli.bad_samples": {
        "en": "--samples must be ≥ 0.",
        "fr": "--samples doit être ≥ 0.",
    },
}

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    **_MEMBERS,
    **_SHEET,
    **_RANGES,
    **_MEMBERS_WORDS,
    **_CLI,
}
