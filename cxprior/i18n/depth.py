"""Translations for the CX depth concern (maturity, journey, circle, uncertainty); see cxprior.i18n."""

_COMPETENCIES: dict[str, dict[str, str]] = {
    "depth.competency.customer_understanding": {
        "en": "Customer understanding",
        "fr": "Compréhension du client",
    },
    "depth.competency.strategy_engagement": {
        "en": "Strategy and engagement",
        "fr": "Stratégie et engagement",
    },
    "depth.competency.culture_management": {
        "en": "Culture and management",
        "fr": "Culture et management",
    },
    "depth.competency.design_improvement": {
        "en": "Design and continuous improvement",
        "fr": "Design et amélioration continue",
    },
}

# Five statements per competency, grounded in CX_PRIMER.md; scored 1 (not at all) to 5 (fully).
_STATEMENTS: dict[str, dict[str, str]] = {
    "depth.q.customer_understanding.1": {
        "en": "We listen to customers rigorously: our measurement is representative, regular "
        "and reproducible.",
        "fr": "Nous écoutons nos clients avec rigueur : notre mesure est représentative, "
        "régulière et reproductible.",
    },
    "depth.q.customer_understanding.2": {
        "en": "We have mapped the whole customer journey, before, during and after the purchase, "
        "and we know which phase matters most.",
        "fr": "Nous avons cartographié tout le parcours client, avant, pendant et après l'achat, "
        "et nous savons quelle phase compte le plus.",
    },
    "depth.q.customer_understanding.3": {
        "en": "Behind each indicator we know the customers' behaviours, goals and frustrations.",
        "fr": "Derrière chaque indicateur, nous connaissons les comportements, les objectifs et "
        "les frustrations des clients.",
    },
    "depth.q.customer_understanding.4": {
        "en": "We measure customers' emotions, not only their satisfaction (for example the ratio "
        "of positive to negative experiences).",
        "fr": "Nous mesurons les émotions des clients, pas seulement leur satisfaction (par "
        "exemple le ratio d'expériences positives et négatives).",
    },
    "depth.q.customer_understanding.5": {
        "en": "What customers tell us reaches the teams who can act on it, within weeks.",
        "fr": "Ce que disent les clients parvient en quelques semaines aux équipes qui peuvent agir.",
    },
    "depth.q.strategy_engagement.1": {
        "en": "Our strategic goals state clearly what customer experience must deliver.",
        "fr": "Nos objectifs stratégiques disent clairement ce que l'expérience client doit apporter.",
    },
    "depth.q.strategy_engagement.2": {
        "en": "Every CX initiative is tied, through a KPI, to a strategic goal.",
        "fr": "Chaque initiative CX est reliée, par un indicateur, à un objectif stratégique.",
    },
    "depth.q.strategy_engagement.3": {
        "en": "The executive committee reviews CX indicators regularly and takes decisions on them.",
        "fr": "Le COMEX examine régulièrement les indicateurs CX et prend des décisions à partir d'eux.",
    },
    "depth.q.strategy_engagement.4": {
        "en": "We concentrate our means on a few priority initiatives instead of funding every "
        "pain point a little.",
        "fr": "Nous concentrons nos moyens sur quelques initiatives prioritaires au lieu de "
        "financer un peu chaque irritant.",
    },
    "depth.q.strategy_engagement.5": {
        "en": "Customer experience is part of how the company is run, not a side project.",
        "fr": "L'expérience client fait partie de la conduite de l'entreprise, ce n'est pas un "
        "projet annexe.",
    },
    "depth.q.culture_management.1": {
        "en": "Managers talk about customers and their experience in the teams' regular meetings.",
        "fr": "Les managers parlent des clients et de leur expérience dans les rituels d'équipe.",
    },
    "depth.q.culture_management.2": {
        "en": "We measure employee engagement (eNPS, attrition) and treat it as part of the "
        "customer experience.",
        "fr": "Nous mesurons l'engagement des collaborateurs (eNPS, attrition) et le traitons "
        "comme une part de l'expérience client.",
    },
    "depth.q.culture_management.3": {
        "en": "Front-line employees have the room to solve a customer's problem without escalating it.",
        "fr": "Les collaborateurs en contact avec les clients ont la latitude de résoudre un "
        "problème sans le faire remonter.",
    },
    "depth.q.culture_management.4": {
        "en": "Team objectives and recognition include customer indicators.",
        "fr": "Les objectifs et la reconnaissance des équipes intègrent des indicateurs clients.",
    },
    "depth.q.culture_management.5": {
        "en": "Departments work together on the hand-offs between the journey steps they each own.",
        "fr": "Les directions travaillent ensemble sur les passages de relais entre les étapes "
        "du parcours dont elles ont chacune la charge.",
    },
    "depth.q.design_improvement.1": {
        "en": "We design new services from the customer's point of view, as an experience they will live.",
        "fr": "Nous concevons les nouveaux services du point de vue du client, comme une "
        "expérience qu'il va vivre.",
    },
    "depth.q.design_improvement.2": {
        "en": "We test changes with real customers before rolling them out.",
        "fr": "Nous testons les changements avec de vrais clients avant de les déployer.",
    },
    "depth.q.design_improvement.3": {
        "en": "Irritants found in feedback are fixed through a continuous-improvement loop, with "
        "an owner and a deadline.",
        "fr": "Les irritants relevés dans les retours sont traités dans une boucle "
        "d'amélioration continue, avec un responsable et une échéance.",
    },
    "depth.q.design_improvement.4": {
        "en": "After delivery we measure each initiative's effect on the KPIs it was meant to move.",
        "fr": "Après livraison, nous mesurons l'effet de chaque initiative sur les indicateurs "
        "qu'elle devait faire bouger.",
    },
    "depth.q.design_improvement.5": {
        "en": "Ruptures between journey steps are redesigned end to end, across departments.",
        "fr": "Les ruptures entre étapes du parcours sont reconçues de bout en bout, entre directions.",
    },
}

_SCALE: dict[str, dict[str, str]] = {
    "depth.scale.1": {"en": "1 — not at all true of us", "fr": "1 — pas du tout vrai chez nous"},
    "depth.scale.2": {"en": "2 — rarely true", "fr": "2 — rarement vrai"},
    "depth.scale.3": {"en": "3 — sometimes true", "fr": "3 — parfois vrai"},
    "depth.scale.4": {"en": "4 — mostly true", "fr": "4 — le plus souvent vrai"},
    "depth.scale.5": {"en": "5 — fully, systematically true", "fr": "5 — pleinement, systématiquement vrai"},
}

_STEPS: dict[str, dict[str, str]] = {
    "depth.step.1.name": {"en": "Unaware", "fr": "Méconnaissance"},
    "depth.step.1.description": {
        "en": "Customer experience is not a topic yet; complaints are handled case by case.",
        "fr": "L'expérience client n'est pas encore un sujet ; les réclamations sont traitées au "
        "cas par cas.",
    },
    "depth.step.2.name": {"en": "Exploration", "fr": "Exploration"},
    "depth.step.2.description": {
        "en": "First measurements and isolated initiatives, driven by a few convinced people.",
        "fr": "Premières mesures et initiatives isolées, portées par quelques convaincus.",
    },
    "depth.step.3.name": {"en": "Structuring", "fr": "Structuration"},
    "depth.step.3.description": {
        "en": "A CX team, regular listening and KPIs exist, but are not yet tied to strategy.",
        "fr": "Une équipe CX, une écoute régulière et des indicateurs existent, sans être encore "
        "reliés à la stratégie.",
    },
    "depth.step.4.name": {"en": "Deployment", "fr": "Déploiement"},
    "depth.step.4.description": {
        "en": "CX goals are in the strategy and a prioritised portfolio is deployed across the journey.",
        "fr": "Les objectifs CX sont dans la stratégie et un portefeuille priorisé est déployé "
        "sur tout le parcours.",
    },
    "depth.step.5.name": {"en": "Integration", "fr": "Intégration"},
    "depth.step.5.description": {
        "en": "CX is built into management, objectives and the design of every service.",
        "fr": "Le CX est intégré au management, aux objectifs et à la conception de chaque service.",
    },
    "depth.step.6.name": {"en": "Embedded culture", "fr": "Culture ancrée"},
    "depth.step.6.description": {
        "en": "Customer and employee experience are part of the culture and improve continuously.",
        "fr": "Expérience client et expérience collaborateur font partie de la culture et "
        "progressent en continu.",
    },
}

_MATURITY: dict[str, dict[str, str]] = {
    "depth.maturity.overall": {
        "en": "Overall, the company is on step {step} of 6, {name}. French companies were said to "
        "be on step {benchmark_step}, {benchmark_name}.",
        "fr": "Globalement, l'entreprise est sur la marche {step} sur 6, {name}. Les entreprises "
        "françaises étaient décrites sur la marche {benchmark_step}, {benchmark_name}.",
    },
    "depth.maturity.overall_above": {
        "en": "Overall, the company is on step {step} of 6, {name}: above step {benchmark_step}, "
        "{benchmark_name}, where French companies were said to be.",
        "fr": "Globalement, l'entreprise est sur la marche {step} sur 6, {name} : au-dessus de la "
        "marche {benchmark_step}, {benchmark_name}, où étaient décrites les entreprises françaises.",
    },
    "depth.maturity.recommendation": {
        "en": "Build “{competency}” first: it is your weakest competency (step {step}, {step_name}). "
        "Put at least {share} of the portfolio's budget on initiatives that build it — the "
        "company climbs the staircase only as fast as its weakest competency.",
        "fr": "Développez d'abord « {competency} » : c'est votre compétence la plus faible (marche {step}, "
        "{step_name}). Consacrez-lui au moins {share} du budget du portefeuille — l'entreprise "
        "ne monte l'escalier qu'au rythme de sa compétence la plus faible.",
    },
    "depth.maturity.no_recommendation": {
        "en": "All four competencies are on the top step: no minimum budget share needs imposing.",
        "fr": "Les quatre compétences sont sur la marche la plus haute : aucune part minimale de "
        "budget n'est à imposer.",
    },
    "depth.maturity.no_initiative": {
        "en": "No initiative in the backlog builds “{competency}”: add some (column competency) "
        "before applying this minimum share, or no portfolio can meet it.",
        "fr": "Aucune initiative du portefeuille ne développe « {competency} » : "
        "ajoutez-en (colonne compétence) avant d'appliquer cette part minimale, sinon aucun "
        "portefeuille ne peut la respecter.",
    },
    "depth.err.unknown_competency": {
        "en": "Unknown competency “{name}”. Expected one of: {expected}.",
        "fr": "Compétence inconnue « {name} ». Valeurs attendues : {expected}.",
    },
    "depth.err.missing_competency": {
        "en": "No answers for “{competency}”: score its {count} statements.",
        "fr": "Aucune réponse pour « {competency} » : notez ses {count} affirmations.",
    },
    "depth.err.wrong_count": {
        "en": "“{competency}”: {given} answers for {count} statements.",
        "fr": "« {competency} » : {given} réponses pour {count} affirmations.",
    },
    "depth.err.bad_score": {
        "en": "“{competency}”, statement {number}: “{value}” is not a score from 1 to 5.",
        "fr": "« {competency} », affirmation {number} : « {value} » n'est pas une note de 1 à 5.",
    },
}

_JOURNEY: dict[str, dict[str, str]] = {
    "depth.journey.most_significant": {
        "en": "The phase with the most value at stake is {phase}: {share} of the backlog's value "
        "potential ({value} value points).",
        "fr": "La phase où l'enjeu est le plus fort est {phase} : {share} du potentiel de valeur "
        "de l'ensemble des initiatives ({value} points de valeur).",
    },
    "depth.journey.no_phase": {
        "en": "No initiative with positive value names a journey phase: fill the journey_phase "
        "column to see which phase matters most.",
        "fr": "Aucune initiative de valeur positive n'indique de phase du parcours : remplissez la "
        "colonne phase_parcours pour voir quelle phase compte le plus.",
    },
    "depth.journey.concentration_within": {
        "en": "The portfolio touches {touched} phases, within the scenario's limit of {limit}; "
        "{top_share} of its spend goes to {top_phase} (concentration index {hhi}, 1 = a single phase).",
        "fr": "Le portefeuille touche {touched} phases, dans la limite de {limit} du scénario ; "
        "{top_share} de la dépense va à {top_phase} (indice de concentration {hhi}, 1 = une seule phase).",
    },
    "depth.journey.concentration_over": {
        "en": "The portfolio touches {touched} phases, more than the scenario's limit of {limit} "
        "once gaps count in both their phases; {top_share} of its spend goes to {top_phase} "
        "(concentration index {hhi}, 1 = a single phase).",
        "fr": "Le portefeuille touche {touched} phases, plus que la limite de {limit} du scénario "
        "quand un passage compte dans ses deux phases ; {top_share} de la dépense va à {top_phase} "
        "(indice de concentration {hhi}, 1 = une seule phase).",
    },
    "depth.journey.concentration_no_limit": {
        "en": "The portfolio touches {touched} phases (the scenario sets no limit); {top_share} of "
        "its spend goes to {top_phase} (concentration index {hhi}, 1 = a single phase).",
        "fr": "Le portefeuille touche {touched} phases (le scénario ne fixe pas de limite) ; "
        "{top_share} de la dépense va à {top_phase} (indice de concentration {hhi}, 1 = une seule phase).",
    },
    "depth.journey.no_spend": {
        "en": "The portfolio spends nothing on any journey phase ({touched} phases touched).",
        "fr": "Le portefeuille ne dépense rien sur les phases du parcours ({touched} phases touchées).",
    },
    "depth.journey.gap_label": {
        "en": "Gap {from_phase} → {to_phase}",
        "fr": "Passage {from_phase} → {to_phase}",
    },
    "depth.journey.gap_sentence": {
        "en": {
            "one": "{count} initiative ({funded} funded) works on the gap between {from_phase} and "
            "{to_phase}, where customers feel ruptures.",
            "other": "{count} initiatives ({funded} funded) work on the gap between {from_phase} and "
            "{to_phase}, where customers feel ruptures.",
        },
        "fr": {
            "one": "{count} initiative (financées : {funded}) porte sur le passage entre {from_phase} et "
            "{to_phase}, là où les clients ressentent les ruptures.",
            "other": "{count} initiatives (financées : {funded}) portent sur le passage entre {from_phase} "
            "et {to_phase}, là où les clients ressentent les ruptures.",
        },
    },
}

_CIRCLE: dict[str, dict[str, str]] = {
    "depth.circle.employee": {"en": "Employee side", "fr": "Côté collaborateurs"},
    "depth.circle.customer": {"en": "Customer side", "fr": "Côté clients"},
    "depth.circle.split": {
        "en": "Employee-side KPIs ({kpis}) bring {share} of the portfolio's value ({employee} of "
        "{total} value points): engaged employees make satisfied customers.",
        "fr": "Les indicateurs côté collaborateurs ({kpis}) apportent {share} de la valeur du "
        "portefeuille ({employee} points sur {total}) : des collaborateurs engagés font des "
        "clients satisfaits.",
    },
    "depth.circle.no_employee_kpi": {
        "en": "No KPI is marked employee-side: add eNPS or attrition with side “employee” so that "
        "employee engagement counts in customer value.",
        "fr": "Aucun indicateur n'est marqué côté collaborateurs : ajoutez l'eNPS ou l'attrition "
        "avec le côté « salarié » pour que l'engagement des collaborateurs compte dans la valeur "
        "client.",
    },
    "depth.circle.benchmark": {
        "en": "CX leaders' benchmark: 3 positive experiences for 1 negative",
        "fr": "Repère des leaders CX : 3 expériences positives pour 1 négative",
    },
    "depth.circle.emotion_leader": {
        "en": "{name} is {baseline} : 1, at or above the {benchmark} : 1 of CX leaders.",
        "fr": "{name} : {baseline} pour 1, au niveau des leaders CX ({benchmark} pour 1) ou au-dessus.",
    },
    "depth.circle.emotion_below": {
        "en": "{name} is {baseline} : 1, below the {benchmark} : 1 of CX leaders.",
        "fr": "{name} : {baseline} pour 1, sous le repère des leaders CX ({benchmark} pour 1).",
    },
    "depth.circle.emotion_projected_leader": {
        "en": "{name} goes from {baseline} : 1 to {projected} : 1 with this portfolio, reaching the "
        "{benchmark} : 1 of CX leaders.",
        "fr": "{name} passe de {baseline} : 1 à {projected} : 1 avec ce portefeuille et atteint le "
        "repère des leaders CX ({benchmark} : 1).",
    },
    "depth.circle.emotion_projected_below": {
        "en": "{name} goes from {baseline} : 1 to {projected} : 1 with this portfolio, still below "
        "the {benchmark} : 1 of CX leaders.",
        "fr": "{name} passe de {baseline} : 1 à {projected} : 1 avec ce portefeuille, encore sous "
        "le repère des leaders CX ({benchmark} : 1).",
    },
}

_UNCERTAINTY: dict[str, dict[str, str]] = {
    "depth.mc.unknown_chosen": {
        "en": "The portfolio to assess names initiatives that are not in the workspace: {ids}.",
        "fr": "Le portefeuille à évaluer cite des initiatives absentes de l'espace de travail : {ids}.",
    },
    "depth.mc.bad_draws": {
        "en": "The number of draws must be a whole number of at least 1, not {draws}.",
        "fr": "Le nombre de tirages doit être un entier au moins égal à 1, pas {draws}.",
    },
    "depth.mc.method": {
        "en": "Each draw picks every impact between its low and high estimates (most often near "
        "the expected one) and lets each initiative deliver with the probability of its "
        "confidence, then finds the best portfolio again. An initiative can only be in the robust "
        "core if its confidence is at least {threshold}.",
        "fr": "Chaque tirage choisit chaque impact entre ses estimations basse et haute (le plus "
        "souvent près de la valeur attendue) et fait livrer chaque initiative avec la probabilité "
        "de sa confiance, puis recherche à nouveau le meilleur portefeuille. Une initiative ne "
        "peut faire partie du noyau robuste que si sa confiance atteint {threshold}.",
    },
    "depth.mc.method_impacts_only": {
        "en": "Each draw picks every impact between its low and high estimates (most often near "
        "the expected one), weighted by the initiative's confidence, then finds the best "
        "portfolio again.",
        "fr": "Chaque tirage choisit chaque impact entre ses estimations basse et haute (le plus "
        "souvent près de la valeur attendue), pondéré par la confiance de l'initiative, puis "
        "recherche à nouveau le meilleur portefeuille.",
    },
    "depth.mc.range": {
        "en": "Over {draws} draws of the impacts, the portfolio's value lies between {p10} and {p90} "
        "value points 8 times out of 10 (median {p50}; {expected} expected).",
        "fr": "Sur {draws} tirages des impacts, la valeur du portefeuille est comprise entre {p10} et "
        "{p90} points 8 fois sur 10 (médiane {p50} ; {expected} attendus).",
    },
    "depth.mc.core": {
        "en": "{core} of its {count} initiatives are in the robust core: the best portfolio keeps "
        "them in at least {threshold} of the draws.",
        "fr": "{core} de ses {count} initiatives forment le noyau robuste : le meilleur portefeuille "
        "les garde dans au moins {threshold} des tirages.",
    },
    "depth.mc.infeasible": {
        "en": "In {count} draws ({share}) no portfolio met the scenario's constraints (usually a "
        "minimum goal share when the initiatives serving that goal fail to deliver).",
        "fr": "Dans {count} tirages ({share}), aucun portefeuille ne respectait les contraintes du "
        "scénario (le plus souvent une part minimale d'objectif quand les initiatives qui le "
        "servent ne livrent pas).",
    },
    "depth.mc.unproven": {
        "en": "{count} draws hit the time limit before the best portfolio was proven.",
        "fr": "{count} tirages ont atteint la limite de temps avant que le meilleur portefeuille "
        "soit prouvé.",
    },
    "depth.mc.stopped_early": {
        "en": "The analysis stopped after {draws} of the {asked} draws asked for: every "
        "initiative's core index was then known within ± {points} points (95% confidence), "
        "so more draws would not have changed the picture.",
        "fr": "L'analyse s'est arrêtée après {draws} des {asked} tirages demandés : l'indice "
        "de noyau de chaque initiative était alors connu à ± {points} points près "
        "(confiance de 95 %), d'autres tirages n'auraient pas changé le tableau.",
    },
    "depth.mc.category.core": {"en": "Robust core", "fr": "Noyau robuste"},
    "depth.mc.category.borderline": {"en": "Borderline", "fr": "À la marge"},
    "depth.mc.category.rare": {"en": "Rare", "fr": "Rare"},
    "depth.mc.category.never": {"en": "Never", "fr": "Jamais"},
}

# --- dashboard: page titles (registered in app.py), pages and sections (ui/journey.py, …) ---
_UI: dict[str, dict[str, str]] = {
    "ui.page.maturity": {"en": "CX maturity", "fr": "Maturité CX"},
    "ui.page.journey": {"en": "Customer journey", "fr": "Parcours client"},
    "depth.ui.maturity.intro": {
        "en": "Score each statement from 1 (not at all true of us) to 5 (fully, systematically "
        "true). The diagnostic places the company on the six-step CX maturity staircase and says "
        "which competency to build first.",
        "fr": "Notez chaque affirmation de 1 (pas du tout vrai chez nous) à 5 (pleinement, "
        "systématiquement vrai). Le diagnostic situe l'entreprise sur l'escalier de maturité CX à "
        "six marches et indique la compétence à développer en premier.",
    },
    "depth.ui.maturity.questionnaire": {"en": "Self-assessment", "fr": "Autodiagnostic"},
    "depth.ui.maturity.result": {"en": "Where the company stands", "fr": "Où en est l'entreprise"},
    "depth.ui.maturity.answer_all": {
        "en": "Score every statement to see where the company stands ({answered} of {total} scored).",
        "fr": "Notez chaque affirmation pour voir où en est l'entreprise ({answered} sur {total} notées).",
    },
    "depth.ui.maturity.overall_metric": {"en": "Overall step", "fr": "Marche globale"},
    "depth.ui.maturity.step_of": {"en": "{step} of 6", "fr": "{step} sur 6"},
    "depth.ui.maturity.weakest_line": {
        "en": "Weakest competency: {competency} (score {score} of 5, step {step}, {step_name}).",
        "fr": "Compétence la plus faible : {competency} (note {score} sur 5, marche {step}, {step_name}).",
    },
    "depth.ui.maturity.apply": {"en": "Apply to the scenario", "fr": "Appliquer au scénario"},
    "depth.ui.maturity.applied": {
        "en": "Applied: scenarios now keep at least {share} of their budget for “{competency}”.",
        "fr": "Appliqué : les scénarios réservent désormais au moins {share} de leur budget à "
        "« {competency} ».",
    },
    "depth.ui.maturity.applied_run": {
        "en": "Scenario “{name}” solved again with at least {share} of its budget on “{competency}”.",
        "fr": "Scénario « {name} » recalculé avec au moins {share} de son budget sur « {competency} ».",
    },
    "depth.ui.maturity.save": {"en": "Save this assessment", "fr": "Enregistrer ce diagnostic"},
    "depth.ui.maturity.saved": {
        "en": "Assessment saved by {author}.",
        "fr": "Diagnostic enregistré par {author}.",
    },
    "depth.ui.maturity.history": {"en": "History of assessments", "fr": "Historique des diagnostics"},
    "depth.ui.maturity.no_history": {
        "en": "No assessment saved yet: save this one to start the history.",
        "fr": "Aucun diagnostic enregistré : enregistrez celui-ci pour commencer l'historique.",
    },
    "depth.ui.store_unavailable": {
        "en": "The history cannot be read or saved: {reason}",
        "fr": "L'historique ne peut être ni lu ni enregistré : {reason}",
    },
    "depth.ui.journey.backlog_only": {
        "en": "No scenario has been run yet: these are the backlog's figures (value at stake and "
        "cost asked per phase). Run the optimizer on the Scenario page to see what the portfolio "
        "funds.",
        "fr": "Aucun scénario n'a encore été calculé : voici les chiffres de l'ensemble des "
        "initiatives (enjeu de valeur et coût demandé par phase). Lancez l'optimisation sur la "
        "page Scénario pour voir ce que le portefeuille finance.",
    },
    "depth.ui.journey.of_run": {
        "en": "Funded figures are those of the scenario “{name}”.",
        "fr": "Les montants financés sont ceux du scénario « {name} ».",
    },
    "depth.ui.journey.stale": {
        "en": "This scenario was solved on an earlier version of the workspace: the figures are "
        "those of the data it was solved on.",
        "fr": "Ce scénario a été calculé sur une version antérieure de l'espace de travail : les "
        "chiffres sont ceux des données sur lesquelles il a été calculé.",
    },
    "depth.ui.journey.phases": {
        "en": "Value and cost along the journey",
        "fr": "Valeur et coût le long du parcours",
    },
    "depth.ui.journey.unphased": {
        "en": {
            "one": "{count} initiative names no journey phase ({cost} asked): it counts in the totals but "
            "in no phase.",
            "other": "{count} initiatives name no journey phase ({cost} asked): they count in the totals "
            "but in no phase.",
        },
        "fr": {
            "one": "{count} initiative sans phase du parcours ({cost} demandés) : elle compte dans les "
            "totaux mais dans aucune phase.",
            "other": "{count} initiatives sans phase du parcours ({cost} demandés) : elles comptent dans "
            "les totaux mais dans aucune phase.",
        },
    },
    "depth.ui.journey.circle": {
        "en": "The employee–customer circle",
        "fr": "Le cercle vertueux collaborateurs–clients",
    },
    "depth.ui.journey.employee_kpis": {"en": "Employee-side KPIs", "fr": "Indicateurs côté collaborateurs"},
    "depth.ui.journey.split_backlog": {
        "en": "Without a portfolio, the split is that of every initiative in the backlog.",
        "fr": "Sans portefeuille, la répartition est celle de toutes les initiatives.",
    },
    "depth.ui.journey.emotions": {"en": "Emotion ratio", "fr": "Ratio d'émotions"},
    "depth.ui.journey.no_emotion": {
        "en": "No KPI measures the ratio of positive to negative emotions (unit “ratio”, or "
        "“emotion” in its name): add one to compare with the 3 : 1 of CX leaders.",
        "fr": "Aucun indicateur ne mesure le ratio d'émotions positives et négatives (unité "
        "« ratio », ou « émotion » dans son nom) : ajoutez-en un pour vous comparer au 3 : 1 des "
        "leaders CX.",
    },
    "depth.ui.mc.title": {"en": "How robust is this portfolio?", "fr": "Ce portefeuille est-il robuste ?"},
    "depth.ui.mc.help": {
        "en": "Impact estimates are uncertain and some initiatives may not deliver. The analysis "
        "draws many possible worlds and finds the best portfolio in each one: initiatives chosen "
        "in at least 90 % of them form the robust core.",
        "fr": "Les impacts estimés sont incertains et certaines initiatives peuvent ne pas livrer. "
        "L'analyse tire de nombreux mondes possibles et cherche le meilleur portefeuille dans "
        "chacun : les initiatives retenues dans au moins 90 % d'entre eux forment le noyau robuste.",
    },
    "depth.ui.mc.draws": {"en": "Number of draws", "fr": "Nombre de tirages"},
    "depth.ui.mc.seed": {"en": "Draw series", "fr": "Série de tirages"},
    "depth.ui.mc.seed_help": {
        "en": "The same series number gives the same draws, so anyone can check this analysis "
        "again and find the same figures (technically: the random seed).",
        "fr": "Un même numéro de série donne les mêmes tirages : chacun peut refaire cette analyse "
        "et retrouver les mêmes chiffres (techniquement : la graine aléatoire).",
    },
    "depth.ui.mc.run": {"en": "Run the robustness analysis", "fr": "Lancer l'analyse de robustesse"},
    "depth.ui.mc.progress": {"en": "Draw {done} of {total}", "fr": "Tirage {done} sur {total}"},
    "depth.ui.mc.progress_left": {
        "en": "Draw {done} of {total}, about {seconds} s left",
        "fr": "Tirage {done} sur {total}, encore {seconds} s environ",
    },
    "depth.ui.mc.computed": {
        "en": "{draws} draws (series {seed}), computed in {seconds} s by {who} on {when}.",
        "fr": "{draws} tirages (série {seed}), calculés en {seconds} s par {who} le {when}.",
    },
    "depth.ui.mc.computed_unsaved": {
        "en": "{draws} draws (series {seed}), computed in {seconds} s; not kept for the COMEX: enter your "
        "name in the sidebar and run it again to keep it.",
        "fr": "{draws} tirages (série {seed}), calculés en {seconds} s ; non conservés pour le COMEX : "
        "saisissez votre nom dans le panneau latéral et relancez l'analyse pour la conserver.",
    },
    "depth.ui.mc.p10": {"en": "Pessimistic (P10)", "fr": "Pessimiste (P10)"},
    "depth.ui.mc.p50": {"en": "Median (P50)", "fr": "Médiane (P50)"},
    "depth.ui.mc.p90": {"en": "Optimistic (P90)", "fr": "Optimiste (P90)"},
    "depth.ui.mc.expected": {"en": "Expected value", "fr": "Valeur attendue"},
    "depth.ui.mc.core_title": {"en": "Core index per initiative", "fr": "Indice de noyau par initiative"},
    "depth.ui.mc.distribution_title": {
        "en": "Value of the portfolio across the draws",
        "fr": "Valeur du portefeuille selon les tirages",
    },
    "depth.ui.mc.review_none": {
        "en": "No robustness analysis has been run for this portfolio yet: it is run on the Scenario page.",
        "fr": "Aucune analyse de robustesse n'a encore été faite pour ce portefeuille : elle se "
        "lance sur la page Scénario.",
    },
    "depth.ui.rec.active": {
        "en": "Maturity constraint in force: at least {share} of the budget on initiatives that "
        "build “{competency}”.",
        "fr": "Contrainte de maturité en vigueur : au moins {share} du budget sur des initiatives "
        "qui développent « {competency} ».",
    },
    "depth.ui.rec.pending": {
        "en": "The maturity diagnostic recommends at least {share} of the budget on “{competency}”, "
        "but this result was computed without it.",
        "fr": "Le diagnostic de maturité recommande au moins {share} du budget sur « {competency} », "
        "mais ce résultat a été calculé sans cette contrainte.",
    },
    "depth.ui.rec.apply_run": {"en": "Apply and run again", "fr": "Appliquer et recalculer"},
    "depth.ui.rec.remove": {"en": "Remove this constraint", "fr": "Retirer cette contrainte"},
    "depth.ui.rec.removed": {
        "en": "Maturity constraint removed: scenario “{name}” solved again without it.",
        "fr": "Contrainte de maturité retirée : scénario « {name} » recalculé sans elle.",
    },
    "depth.ui.yes": {"en": "Yes", "fr": "Oui"},
    "depth.ui.no": {"en": "No", "fr": "Non"},
    "depth.col.when": {"en": "Date", "fr": "Date"},
    "depth.col.author": {"en": "Author", "fr": "Auteur"},
    "depth.col.step": {"en": "Step", "fr": "Marche"},
    "depth.col.step_name": {"en": "Staircase step", "fr": "Marche de l'escalier"},
    "depth.col.weakest": {"en": "Weakest competency", "fr": "Compétence la plus faible"},
    "depth.col.phase": {"en": "Journey phase or gap", "fr": "Phase ou passage du parcours"},
    "depth.col.value_potential": {"en": "Value at stake (points)", "fr": "Enjeu de valeur (points)"},
    "depth.col.asked_cost": {"en": "Cost asked", "fr": "Coût demandé"},
    "depth.col.funded_cost": {"en": "Cost funded", "fr": "Coût financé"},
    "depth.col.count": {"en": "Initiatives", "fr": "Initiatives"},
    "depth.col.funded_count": {"en": "Funded", "fr": "Financées"},
    "depth.col.kpi": {"en": "KPI", "fr": "Indicateur"},
    "depth.col.name": {"en": "Name", "fr": "Nom"},
    "depth.col.unit": {"en": "Unit", "fr": "Unité"},
    "depth.col.baseline": {"en": "Baseline", "fr": "Valeur initiale"},
    "depth.col.target": {"en": "Target", "fr": "Cible"},
    "depth.col.initiative_id": {"en": "Id", "fr": "Id"},
    "depth.col.core_index": {"en": "Core index", "fr": "Indice de noyau"},
    "depth.col.category": {"en": "Robustness", "fr": "Robustesse"},
    "depth.col.in_portfolio": {"en": "In the portfolio", "fr": "Dans le portefeuille"},
}

_CHART: dict[str, dict[str, str]] = {
    "depth.chart.step": {"en": "Step", "fr": "Marche"},
    "depth.chart.step_name": {"en": "Name", "fr": "Nom"},
    "depth.chart.description": {"en": "What it looks like", "fr": "À quoi elle ressemble"},
    "depth.chart.you_are_here": {"en": "You are here", "fr": "Vous êtes ici"},
    "depth.chart.benchmark": {"en": "French companies", "fr": "Entreprises françaises"},
    "depth.chart.competency": {"en": "Competency", "fr": "Compétence"},
    "depth.chart.score": {"en": "Score (1 to 5)", "fr": "Note (1 à 5)"},
    "depth.chart.weakest": {"en": "Weakest", "fr": "La plus faible"},
    "depth.chart.other": {"en": "Other competencies", "fr": "Autres compétences"},
    "depth.chart.when": {"en": "Date", "fr": "Date"},
    "depth.chart.author": {"en": "Author", "fr": "Auteur"},
    "depth.chart.overall_step": {"en": "Overall step", "fr": "Marche globale"},
    "depth.chart.phase": {"en": "Journey phase", "fr": "Phase du parcours"},
    "depth.chart.value_potential": {"en": "Value at stake (points)", "fr": "Enjeu de valeur (points)"},
    "depth.chart.cost": {"en": "Cost", "fr": "Coût"},
    "depth.chart.asked_cost": {"en": "Asked", "fr": "Demandé"},
    "depth.chart.funded_cost": {"en": "Funded", "fr": "Financé"},
    "depth.chart.count": {"en": "Initiatives (funded)", "fr": "Initiatives (financées)"},
    "depth.chart.kind": {"en": "Where", "fr": "Où"},
    "depth.chart.kind_phase": {"en": "Phase", "fr": "Phase"},
    "depth.chart.kind_gap": {"en": "Gap between phases", "fr": "Passage entre phases"},
    "depth.chart.most_significant": {"en": "Most value at stake", "fr": "Plus fort enjeu"},
    "depth.chart.side": {"en": "Side", "fr": "Côté"},
    "depth.chart.value": {"en": "Value (points)", "fr": "Valeur (points)"},
    "depth.chart.share": {"en": "Share", "fr": "Part"},
    "depth.chart.ratio": {"en": "Positive : negative", "fr": "Positives : négatives"},
    "depth.chart.level": {"en": "Level", "fr": "Niveau"},
    "depth.chart.baseline": {"en": "Baseline", "fr": "Valeur initiale"},
    "depth.chart.projected": {"en": "With the portfolio", "fr": "Avec le portefeuille"},
    "depth.chart.target": {"en": "Target", "fr": "Cible"},
    "depth.chart.initiative": {"en": "Initiative", "fr": "Initiative"},
    "depth.chart.core_index": {
        "en": "Share of draws where the best portfolio keeps it",
        "fr": "Part des tirages où le meilleur portefeuille la garde",
    },
    "depth.chart.category": {"en": "Robustness", "fr": "Robustesse"},
    "depth.chart.in_portfolio": {"en": "In the portfolio", "fr": "Dans le portefeuille"},
    "depth.chart.portfolio_value": {
        "en": "Value of the portfolio (points)",
        "fr": "Valeur du portefeuille (points)",
    },
    "depth.chart.draws": {"en": "Draws", "fr": "Tirages"},
    "depth.chart.value_range": {"en": "Value between", "fr": "Valeur entre"},
    "depth.chart.range": {"en": "{low} and {high}", "fr": "{low} et {high}"},
}

_REPORT: dict[str, dict[str, str]] = {
    "depth.report.sheet": {"en": "Robustness", "fr": "Robustesse"},
    "depth.report.other_portfolio": {
        "en": "The robustness analysis was run on another portfolio than this one: run it again "
        "for this scenario before making the pack.",
        "fr": "L'analyse de robustesse porte sur un autre portefeuille que celui-ci : relancez-la "
        "pour ce scénario avant de produire le dossier.",
    },
    "depth.report.section": {"en": "Robustness of the choice", "fr": "Robustesse du choix"},
    "depth.report.draws": {"en": "Draws", "fr": "Tirages"},
    "depth.report.p10": {
        "en": "Portfolio value, pessimistic (P10)",
        "fr": "Valeur du portefeuille, pessimiste (P10)",
    },
    "depth.report.p50": {
        "en": "Portfolio value, median (P50)",
        "fr": "Valeur du portefeuille, médiane (P50)",
    },
    "depth.report.p90": {
        "en": "Portfolio value, optimistic (P90)",
        "fr": "Valeur du portefeuille, optimiste (P90)",
    },
    "depth.report.expected": {"en": "Portfolio value, expected", "fr": "Valeur du portefeuille, attendue"},
    "depth.report.core": {"en": "Robust core", "fr": "Noyau robuste"},
    "depth.report.borderline": {"en": "Borderline", "fr": "À la marge"},
    "depth.report.rare": {"en": "Rarely kept", "fr": "Rarement gardées"},
    "depth.report.none": {"en": "none", "fr": "aucune"},
    "depth.report.col.id": {"en": "Id", "fr": "Id"},
    "depth.report.col.name": {"en": "Initiative", "fr": "Initiative"},
    "depth.report.col.funded": {"en": "Funded", "fr": "Financée"},
    "depth.report.col.core_index": {"en": "Core index", "fr": "Indice de noyau"},
    "depth.report.col.category": {"en": "Robustness", "fr": "Robustesse"},
}

MESSAGES: dict[str, dict[str, str]] = {
    **_COMPETENCIES,
    **_STATEMENTS,
    **_SCALE,
    **_STEPS,
    **_MATURITY,
    **_JOURNEY,
    **_CIRCLE,
    **_UNCERTAINTY,
    **_UI,
    **_CHART,
    **_REPORT,
}
