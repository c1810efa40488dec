"""Translations for the roadmap: start windows, team capacity and effort (contract v2).

Workbook messages ("wb.road."), template hints ("export.hint.Capacity.", "export.hint.Effort."
and the two new Initiatives columns), optimizer explanations ("opt.road.") and the roadmap
tables' words, the Roadmap view, its charts, the Scenario form's roadmap fields and the pack
("road."); see cxprior.i18n.
"""

_WORKBOOK: dict[str, dict[str, str]] = {
    "wb.road.latest_start_not_period": {
        "en": "“{value}” is not a cost period; write one of: {periods}.",
        "fr": "« {value} » n'est pas une période de coût ; écrivez l'une de : {periods}.",
    },
    "wb.road.latest_start_no_periods": {
        "en": "“{value}”: a latest start needs cost periods, and the Initiatives sheet has no "
        "cost_<period> column (cost_2026, cost_2027…).",
        "fr": "« {value} » : un début au plus tard demande des périodes de coût, et la feuille "
        "Initiatives n'a pas de colonne coût_<période> (coût_2026, coût_2027…).",
    },
    "wb.road.latest_start_before_earliest": {
        "en": "{value} is before its earliest start, {earliest} (its first period with a cost); write "
        "{earliest} or a later period.",
        "fr": "{value} est avant son début au plus tôt, {earliest} (sa première période avec un coût) ; "
        "écrivez {earliest} ou une période plus tardive.",
    },
    "wb.road.latest_start_past_horizon": {
        "en": "Starting in {value} would push its spend past {last}, the last period: its costs run over "
        "{length} periods from {earliest}, so it can start in {latest} at the latest.",
        "fr": "Commencer en {value} repousserait ses dépenses au-delà de {last}, la dernière période : ses "
        "coûts s'étalent sur {length} périodes à partir de {earliest}, elle peut donc commencer au plus "
        "tard en {latest}.",
    },
    "wb.road.latest_start_past_horizon_effort": {
        "en": "Starting in {value} would push its efforts past {last}, the last period: with the Effort "
        "sheet its profile runs over {length} periods from {earliest}, so it can start in {latest} at the "
        "latest.",
        "fr": "Commencer en {value} repousserait ses charges au-delà de {last}, la dernière période : avec "
        "la feuille Charge son profil s'étale sur {length} périodes à partir de {earliest}, elle peut donc "
        "commencer au plus tard en {latest}.",
    },
    "wb.road.starts_after_self": {
        "en": "It starts after itself ({value}); remove its own id from this cell.",
        "fr": "Elle commence après elle-même ({value}) ; retirez son propre identifiant de cette cellule.",
    },
    "wb.road.starts_after_unknown": {
        "en": "Starts after {value}{hint}, which is not on the Initiatives sheet; fix the id or remove it.",
        "fr": "Commence après {value}{hint}, absente de la feuille Initiatives ; corrigez l'identifiant ou "
        "retirez-le.",
    },
    "wb.road.starts_after_cycle": {
        "en": "Start-after cycle: {cycle}. None of them can start first; remove one of these links.",
        "fr": "Cycle de « commence après » : {cycle}. Aucune ne peut commencer en premier ; retirez l'un "
        "de ces liens.",
    },
    "wb.road.starts_after_exclusive": {
        "en": "It starts after {other}, which is in the same exclusive group {group}: at most one of the two "
        "is funded, so this one never could be; remove the link or the group.",
        "fr": "Elle commence après {other}, du même groupe exclusif {group} : une seule des deux peut être "
        "financée, celle-ci ne pourrait donc jamais l'être ; retirez le lien ou le groupe.",
    },
    "wb.road.starts_after_never": {
        "en": "It starts after {other}, which finishes in {finish} at the earliest, but it must start by "
        "{latest}: it could never be funded; give it a later {column} or remove the link.",
        "fr": "Elle commence après {other}, qui finit au plus tôt en {finish}, mais elle doit commencer au "
        "plus tard en {latest} : elle ne pourrait jamais être financée ; donnez-lui un {column} plus "
        "tardif ou retirez le lien.",
    },
    "wb.road.backlog_unknown_after": {
        "en": "{initiative} starts after {value}, which is neither in this backlog nor in the workspace.",
        "fr": "{initiative} commence après {value}, qui n'est ni dans ce backlog ni dans l'espace de "
        "travail.",
    },
    "wb.road.period_unknown": {
        "en": "Period {value} has no cost_{value} column on the Initiatives sheet; use one of: {periods}.",
        "fr": "La période {value} n'a pas de colonne coût_{value} dans la feuille Initiatives ; utilisez "
        "l'une de : {periods}.",
    },
    "wb.road.capacity_twice": {
        "en": "The capacity of team {team} in {period} is already on row {first}; keep only one.",
        "fr": "La capacité de l'équipe {team} en {period} figure déjà en ligne {first} ; n'en gardez qu'une.",
    },
    "wb.road.effort_twice": {
        "en": "The effort of {initiative} for team {team} in {period} is already on row {first}; keep only "
        "one.",
        "fr": "La charge de {initiative} pour l'équipe {team} en {period} figure déjà en ligne {first} ; "
        "n'en gardez qu'une.",
    },
    "wb.road.effort_no_capacity": {
        "en": "Team {team}{hint} has no capacity in {period} on the Capacity sheet; add that row, or fix the "
        "team or the period.",
        "fr": "L'équipe {team}{hint} n'a pas de capacité en {period} dans la feuille Capacité ; ajoutez "
        "cette ligne, ou corrigez l'équipe ou la période.",
    },
    "wb.road.effort_no_capacity_sheet": {
        "en": "Efforts are measured against team capacities: add a Capacity sheet (team, period, capacity).",
        "fr": "Les charges se mesurent aux capacités des équipes : ajoutez une feuille Capacité (équipe, "
        "période, capacité).",
    },
    "wb.road.effort_before_start": {
        "en": "This effort is in {period}, before the earliest start of {initiative}, {earliest} (its first "
        "period with a cost); move it, or give the initiative a cost in {period}.",
        "fr": "Cette charge est en {period}, avant le début au plus tôt de {initiative}, {earliest} (sa "
        "première période avec un coût) ; déplacez-la, ou donnez un coût à l'initiative en {period}.",
    },
    "wb.road.effort_no_capacity_shifted": {
        "en": "{initiative} may start as late as {latest}, which moves this effort to {period}, where team "
        "{team} has no capacity on the Capacity sheet; add that row or give it an earlier latest start.",
        "fr": "{initiative} peut commencer jusqu'en {latest}, ce qui déplace cette charge en {period}, où "
        "l'équipe {team} n'a pas de capacité dans la feuille Capacité ; ajoutez cette ligne ou donnez-lui "
        "un début au plus tard plus tôt.",
    },
}

_HINTS: dict[str, dict[str, str]] = {
    "export.hint.Initiatives.latest_start": {
        "en": "Optional. The latest cost period it may start in, e.g. 2027: it may then start at its "
        "earliest start (its first period with a cost) or later, up to this period, all its costs and "
        "efforts shifting with it. Empty: it starts at its earliest start.",
        "fr": "Facultatif. La dernière période de coût où elle peut commencer, par ex. 2027 : elle peut "
        "alors commencer à son début au plus tôt (sa première période avec un coût) ou plus tard, jusqu'à "
        "cette période, tous ses coûts et charges décalés d'autant. Vide : elle commence au plus tôt.",
    },
    "export.hint.Initiatives.starts_after": {
        "en": "Optional. Ids of initiatives, separated by , or ;, that must be funded and finished before "
        "it starts.",
        "fr": "Facultatif. Identifiants d'initiatives, séparés par , ou ;, qui doivent être financées et "
        "terminées avant qu'elle commence.",
    },
    "export.hint.Capacity.team": {
        "en": "Required. A team that delivers initiatives, e.g. Digital.",
        "fr": "Obligatoire. Une équipe qui réalise des initiatives, par ex. Digital.",
    },
    "export.hint.Capacity.period": {
        "en": "Required. A period that has a cost_<period> column, e.g. 2026.",
        "fr": "Obligatoire. Une période qui a une colonne coût_<période>, par ex. 2026.",
    },
    "export.hint.Capacity.capacity": {
        "en": "Required. What the team can deliver in the period, ≥ 0, e.g. in person-days.",
        "fr": "Obligatoire. Ce que l'équipe peut réaliser sur la période, ≥ 0, par ex. en jours-personnes.",
    },
    "export.hint.Effort.initiative_id": {
        "en": "Required. An id of the Initiatives sheet.",
        "fr": "Obligatoire. Un identifiant de la feuille Initiatives.",
    },
    "export.hint.Effort.team": {
        "en": "Required. A team of the Capacity sheet.",
        "fr": "Obligatoire. Une équipe de la feuille Capacité.",
    },
    "export.hint.Effort.period": {
        "en": "Required. The period of this effort when the initiative starts at its earliest start, e.g. "
        "2026.",
        "fr": "Obligatoire. La période de cette charge quand l'initiative commence au plus tôt, par ex. "
        "2026.",
    },
    "export.hint.Effort.effort": {
        "en": "Required. The work it asks of the team in that period, ≥ 0, in the capacity's unit.",
        "fr": "Obligatoire. Le travail demandé à l'équipe sur cette période, ≥ 0, dans l'unité de la "
        "capacité.",
    },
}

_OPTIMIZER: dict[str, dict[str, str]] = {
    "opt.road.unit": {"en": "person-days", "fr": "jours-personnes"},
    "opt.road.scenario.unknown_teams": {
        "en": "Capacity given for unknown teams: {teams}. Teams of the Capacity sheet: {known}.",
        "fr": "Capacité donnée pour des équipes inconnues : {teams}. Équipes de la feuille Capacité : "
        "{known}.",
    },
    "opt.road.scenario.unknown_periods": {
        "en": "Capacity of team {team} given for unknown periods: {periods}. Cost periods: {known}.",
        "fr": "Capacité de l'équipe {team} donnée pour des périodes inconnues : {periods}. Périodes de "
        "coût : {known}.",
    },
    "opt.road.scenario.bad_capacity": {
        "en": "The capacity of team {team} in {period} must be a number ≥ 0.",
        "fr": "La capacité de l'équipe {team} en {period} doit être un nombre ≥ 0.",
    },
    "opt.road.why.capacity": {
        "en": "Left out for want of capacity in {where}; it would fit if {needs}{later}.",
        "fr": "Écartée faute de capacité : {where} ; elle passerait si {needs}{later}.",
    },
    "opt.road.where": {"en": "team {team} in {period}", "fr": "équipe {team} en {period}"},
    "opt.road.need_one": {
        "en": "{team} had {more} more {unit}",
        "fr": "{team} avait {more} {unit} de plus",
    },
    "opt.road.need_in": {
        "en": "{team} had {more} more {unit} in {period}",
        "fr": "{team} avait {more} {unit} de plus en {period}",
    },
    "opt.road.and": {"en": " and ", "fr": " et "},
    "opt.road.or_later": {
        "en": ", or if it could start in {period}",
        "fr": ", ou si elle pouvait commencer en {period}",
    },
    "opt.road.why.after_unfunded": {
        "en": "It starts after {prerequisites}, which is not funded; funding them together does not pay.",
        "fr": "Elle commence après {prerequisites}, non financée ; les financer ensemble n'est pas rentable.",
    },
    "opt.road.why.after_late": {
        "en": "It must start after {other} finishes, in {finish}, and it cannot start later than {latest}.",
        "fr": "Elle doit commencer après la fin de {other}, en {finish}, et ne peut pas commencer après "
        "{latest}.",
    },
    "opt.road.conflict.capacity": {
        "en": "Team {team} has {capacity} {unit} in {period}, but the mandatory and forced-in initiatives "
        "(with their prerequisites) need at least {needed} there: {items}.",
        "fr": "L'équipe {team} a {capacity} {unit} en {period}, mais les initiatives obligatoires et "
        "imposées (avec leurs prérequis) y demandent au moins {needed} : {items}.",
    },
    "opt.road.conflict.after_late": {
        "en": "{item} must start after {other} finishes ({finish} at the earliest), but it cannot start "
        "later than {latest}, and both are required.",
        "fr": "{item} doit commencer après la fin de {other} ({finish} au plus tôt), mais ne peut pas "
        "commencer après {latest}, et les deux sont requises.",
    },
    "opt.road.relax.capacity": {
        "en": "give team {team} at least {more} more {unit} in {period} (it has {capacity})",
        "fr": "donner à l'équipe {team} au moins {more} {unit} de plus en {period} (elle en a {capacity})",
    },
    "opt.road.relax.capacity_users": {
        "en": ", which the mandatory and forced-in initiatives may need there: {items}",
        "fr": ", dont les initiatives obligatoires et imposées peuvent avoir besoin : {items}",
    },
    "opt.road.moved.budget": {
        "en": "Starts in {start} instead of {earliest}: starting in {earliest} would exceed the {budget}.",
        "fr": "Commence en {start} au lieu de {earliest} : commencer en {earliest} dépasserait le {budget}.",
    },
    "opt.road.moved.capacity": {
        "en": "Starts in {start} instead of {earliest}: starting in {earliest}, team {team} would lack "
        "capacity in {period}.",
        "fr": "Commence en {start} au lieu de {earliest} : en commençant en {earliest}, l'équipe {team} "
        "manquerait de capacité en {period}.",
    },
    "opt.road.moved.after": {
        "en": "Starts in {start} instead of {earliest}: it must start after {other} finishes, in {finish}.",
        "fr": "Commence en {start} au lieu de {earliest} : elle doit commencer après la fin de {other}, en "
        "{finish}.",
    },
    "opt.road.moved.other": {
        "en": "Starts in {start} instead of {earliest}: starting earlier would break another rule of the "
        "scenario.",
        "fr": "Commence en {start} au lieu de {earliest} : commencer plus tôt enfreindrait une autre règle "
        "du scénario.",
    },
    "opt.road.shift_gain": {
        "en": "Letting initiatives start later funds {gain} more value points ({share}) than fixed starts, "
        "at the same budgets: {shifted} vs {fixed}.",
        "fr": "Laisser des initiatives commencer plus tard finance {gain} points de valeur de plus ({share}) "
        "qu'avec des débuts fixes, aux mêmes budgets : {shifted} contre {fixed}.",
    },
    "opt.road.cli.roadmap": {
        "en": "Roadmap (start → finish; * = later than its earliest start):",
        "fr": "Feuille de route (début → fin ; * = plus tard que son début au plus tôt) :",
    },
    "opt.road.cli.team": {
        "en": "  Team {team}, {period}: {used} of {capacity} {unit}",
        "fr": "  Équipe {team}, {period} : {used} sur {capacity} {unit}",
    },
    "opt.road.cli.capacity": {
        "en": "Team capacity used:",
        "fr": "Capacité des équipes utilisée :",
    },
}

# the Roadmap view, its charts, the Scenario form's roadmap fields and the COMEX pack ("road.")
_VIEW: dict[str, dict[str, str | dict[str, str]]] = {
    # the Scenario page's result view (its siblings "ui.result.tab_…" are in cxprior.i18n.ui)
    "ui.result.tab_roadmap": {"en": "Roadmap", "fr": "Feuille de route"},
    "road.chart.period": {"en": "Period", "fr": "Période"},
    "road.chart.initiative": {"en": "Initiative", "fr": "Initiative"},
    "road.chart.phase": {"en": "Journey phase", "fr": "Phase du parcours"},
    "road.chart.team": {"en": "Team", "fr": "Équipe"},
    "road.chart.goal": {"en": "Main goal", "fr": "Objectif principal"},
    "road.chart.no_team": {"en": "No team", "fr": "Sans équipe"},
    "road.chart.no_goal": {"en": "No goal", "fr": "Sans objectif"},
    "road.chart.earliest": {"en": "Earliest start", "fr": "Début au plus tôt"},
    "road.chart.start": {"en": "Start", "fr": "Début"},
    "road.chart.finish": {"en": "Finish", "fr": "Fin"},
    "road.chart.why": {"en": "Why it starts later", "fr": "Pourquoi elle commence plus tard"},
    "road.chart.on_time": {"en": "Starts at its earliest start", "fr": "Commence à son début au plus tôt"},
    "road.chart.runs": {"en": "Runs", "fr": "En cours"},
    "road.chart.waits": {"en": "Could have started", "fr": "Aurait pu commencer"},
    "road.chart.gantt_title": {
        "en": "When each funded initiative runs",
        "fr": "Quand chaque initiative financée se déroule",
    },
    "road.chart.gantt_note": {
        "en": "Dashed outline: the periods between its earliest start and its start.",
        "fr": "Contour en pointillés : les périodes entre son début au plus tôt et son début.",
    },
    "road.chart.others": {
        "en": {
            "one": "The {shown} most valuable of {count} funded initiative are drawn; the table of starts "
            "lists them all.",
            "other": "The {shown} most valuable of {count} funded initiatives are drawn; the table of starts "
            "lists them all.",
        },
        "fr": {
            "one": "Les {shown} plus précieuses des {count} initiative financée sont dessinées ; le tableau "
            "des débuts les liste toutes.",
            "other": "Les {shown} plus précieuses des {count} initiatives financées sont dessinées ; le "
            "tableau des débuts les liste toutes.",
        },
    },
    "road.chart.capacity": {"en": "Capacity", "fr": "Capacité"},
    "road.chart.used": {"en": "Used", "fr": "Utilisée"},
    "road.chart.share_used": {"en": "Share used", "fr": "Part utilisée"},
    "road.chart.within": {"en": "Used, with room left", "fr": "Utilisée, avec de la marge"},
    "road.chart.full": {"en": "Used at 95% or more", "fr": "Utilisée à 95 % ou plus"},
    "road.chart.spend": {"en": "Spend", "fr": "Dépense"},
    "road.chart.budget": {"en": "Budget", "fr": "Budget"},
    "road.chart.amount": {"en": "Amount", "fr": "Montant"},
    "road.chart.no_budget": {"en": "no budget", "fr": "sans budget"},
    "road.ui.values_toggle": {
        "en": "What would more capacity buy?",
        "fr": "Que rapporterait plus de capacité ?",
    },
    "road.ui.values_help": {
        "en": "Solves the scenario again once per team and period, with that capacity raised by a "
        "tenth (at least 1), the rest unchanged: the value points the extra capacity buys.",
        "fr": "Résout à nouveau le scénario une fois par équipe et par période, avec cette capacité "
        "augmentée d'un dixième (au moins 1), le reste inchangé : les points de valeur que rapporte "
        "la capacité en plus.",
    },
    "road.ui.values_running": {
        "en": "Solving once per team and period…",
        "fr": "Une résolution par équipe et par période…",
    },
    "road.ui.values_none": {
        "en": "A tenth more capacity for any one team, in any one period, would fund nothing more.",
        "fr": "Un dixième de capacité en plus pour une seule équipe, sur une seule période, ne "
        "financerait rien de plus.",
    },
    "road.ui.values_best": {
        "en": "The most useful extra capacity: **{step} {unit}** more for **{team}** in {period} "
        "would fund **{value}** more value points.",
        "fr": "La capacité en plus la plus utile : **{step} {unit}** de plus pour **{team}** en "
        "{period} financeraient **{value}** points de valeur de plus.",
    },
    "road.ui.values_col.team": {"en": "Team", "fr": "Équipe"},
    "road.ui.values_col.period": {"en": "Period", "fr": "Période"},
    "road.ui.values_col.capacity": {"en": "Capacity ({unit})", "fr": "Capacité ({unit})"},
    "road.ui.values_col.used": {"en": "Used ({unit})", "fr": "Utilisée ({unit})"},
    "road.ui.values_col.step": {"en": "Extra ({unit})", "fr": "En plus ({unit})"},
    "road.ui.values_col.value_gain": {"en": "Value gained (points)", "fr": "Valeur gagnée (points)"},
    "road.ui.values_col.per_unit": {"en": "Points per {unit}", "fr": "Points par {unit}"},
    "road.ui.group_by": {"en": "Group the initiatives by", "fr": "Grouper les initiatives par"},
    "road.ui.group_team": {"en": "Team", "fr": "Équipe"},
    "road.ui.group_goal": {"en": "Main goal", "fr": "Objectif principal"},
    "road.ui.capacity": {"en": "Team capacity used", "fr": "Capacité des équipes utilisée"},
    "road.ui.capacity_help": {
        "en": "Bars: what the funded initiatives ask of each team, in {unit}, period by period, after "
        "shifting. Line: the team's capacity in this scenario. Each team has its own scale.",
        "fr": "Barres : ce que les initiatives financées demandent à chaque équipe, en {unit}, période par "
        "période, après décalage. Trait : la capacité de l'équipe dans ce scénario. Chaque équipe a sa "
        "propre échelle.",
    },
    "road.ui.spend_help": {
        "en": "Bars: the spend of the funded initiatives, their costs moved with their starts. Line: the "
        "period's budget.",
        "fr": "Barres : la dépense des initiatives financées, leurs coûts décalés avec leurs débuts. Trait : "
        "le budget de la période.",
    },
    "road.ui.spend": {"en": "Spend per period against budget", "fr": "Dépense par période face au budget"},
    "road.ui.moved": {
        "en": "Initiatives moved from their earliest start, and why",
        "fr": "Initiatives décalées après leur début au plus tôt, et pourquoi",
    },
    "road.ui.none_moved": {
        "en": "Every funded initiative starts at its earliest start: nothing had to move.",
        "fr": "Chaque initiative financée commence à son début au plus tôt : rien n'a dû être décalé.",
    },
    "road.ui.no_periods": {
        "en": "The initiatives of this workspace have one cost each, not a cost per period: there is no "
        "roadmap to draw. Give them cost_2026, cost_2027… columns to see when they run.",
        "fr": "Les initiatives de cet espace ont chacune un coût unique, pas un coût par période : il n'y a "
        "pas de feuille de route à dessiner. Donnez-leur des colonnes coût_2026, coût_2027… pour voir "
        "quand elles se déroulent.",
    },
    "road.ui.no_capacity": {
        "en": "This workspace has no Capacity sheet: team capacity does not limit the plan. Add the "
        "Capacity and Effort sheets (see the template) to plan within what your teams can deliver.",
        "fr": "Cet espace n'a pas de feuille Capacité : la capacité des équipes ne limite pas le plan. "
        "Ajoutez les feuilles Capacité et Charge (voir le modèle) pour planifier selon ce que vos "
        "équipes peuvent réaliser.",
    },
    "road.ui.no_flexible": {
        "en": "No initiative has a latest start: each one starts at its earliest start, the first period "
        "it costs something.",
        "fr": "Aucune initiative n'a de début au plus tard : chacune commence à son début au plus tôt, la "
        "première période où elle coûte quelque chose.",
    },
    "road.ui.shift_off": {
        "en": "Later starts are off in this scenario: every initiative starts at its earliest start.",
        "fr": "Les débuts décalés sont désactivés dans ce scénario : chaque initiative commence à son "
        "début au plus tôt.",
    },
    "road.ui.col.teams": {"en": "Teams that deliver it", "fr": "Équipes qui la réalisent"},
    "road.ui.col.earliest_start": {"en": "Earliest start", "fr": "Début au plus tôt"},
    "road.ui.col.start": {"en": "Start", "fr": "Début"},
    "road.ui.col.finish": {"en": "Finish", "fr": "Fin"},
    "road.ui.col.why": {"en": "Why it starts later", "fr": "Pourquoi elle commence plus tard"},
    "road.form.section": {
        "en": "Start dates and team capacity",
        "fr": "Dates de début et capacité des équipes",
    },
    "road.form.allow_shift": {
        "en": "Let initiatives start later, up to their latest start",
        "fr": "Permettre aux initiatives de commencer plus tard, jusqu'à leur début au plus tard",
    },
    "road.form.allow_shift_help": {
        "en": "On: an initiative with a latest start may start at its earliest start or later, its costs "
        "and efforts moving with it, when that funds more value. Off: every initiative starts at its "
        "earliest start.",
        "fr": "Activé : une initiative qui a un début au plus tard peut commencer à son début au plus tôt "
        "ou plus tard, ses coûts et charges décalés d'autant, si cela finance plus de valeur. Désactivé : "
        "chaque initiative commence à son début au plus tôt.",
    },
    "road.form.no_flexible_help": {
        "en": "No initiative of this workspace has a latest start (the latest_start column of the "
        "Initiatives sheet): every initiative starts at its earliest start.",
        "fr": "Aucune initiative de cet espace n'a de début au plus tard (la colonne début_au_plus_tard de "
        "la feuille Initiatives) : chaque initiative commence à son début au plus tôt.",
    },
    "road.form.capacity": {
        "en": "Team capacity per period, in {unit}. Leave a field empty to keep the Capacity sheet's "
        "figure, shown in grey.",
        "fr": "Capacité des équipes par période, en {unit}. Laissez un champ vide pour garder le chiffre "
        "de la feuille Capacité, affiché en gris.",
    },
    "road.form.sheet_value": {"en": "{amount} (sheet)", "fr": "{amount} (feuille)"},
    "road.form.overrides": {
        "en": "Capacity changed in this scenario: {items}.",
        "fr": "Capacité modifiée dans ce scénario : {items}.",
    },
    "road.form.override": {
        "en": "{team} in {period}, {amount} {unit} instead of {sheet}",
        "fr": "{team} en {period}, {amount} {unit} au lieu de {sheet}",
    },
    "road.report.section": {
        "en": "Roadmap: when each initiative starts",
        "fr": "Feuille de route : quand chaque initiative commence",
    },
    "road.report.sheet": {"en": "Roadmap", "fr": "Feuille de route"},
    "road.report.starts": {"en": "Table of starts", "fr": "Tableau des débuts"},
    "road.report.col.initiative": {"en": "Initiative", "fr": "Initiative"},
    "road.report.col.teams": {"en": "Teams that deliver it", "fr": "Équipes qui la réalisent"},
    "road.report.col.earliest_start": {"en": "Earliest start", "fr": "Début au plus tôt"},
    "road.report.col.start": {"en": "Start", "fr": "Début"},
    "road.report.col.finish": {"en": "Finish", "fr": "Fin"},
    "road.report.col.moved": {"en": "Moved?", "fr": "Décalée ?"},
    "road.report.col.why": {"en": "Why", "fr": "Pourquoi"},
    "road.report.yes": {"en": "Yes", "fr": "Oui"},
    "road.report.no": {"en": "No", "fr": "Non"},
    "road.report.moved_count": {
        "en": {
            "one": "{count} funded initiative starts later than its earliest start; the others start as "
            "early as they can.",
            "other": "{count} funded initiatives start later than their earliest start; the others start "
            "as early as they can.",
        },
        "fr": {
            "one": "{count} initiative financée commence après son début au plus tôt ; les autres "
            "commencent dès qu'elles le peuvent.",
            "other": "{count} initiatives financées commencent après leur début au plus tôt ; les autres "
            "commencent dès qu'elles le peuvent.",
        },
    },
}

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {**_WORKBOOK, **_HINTS, **_OPTIMIZER, **_VIEW}
