"""Translations for the workbook concern (reading, validation, hostile files, `template` and
`validate` commands); see cxprior.i18n for the conventions. Keys start with "wb."."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- the file itself ----------------------------------------------------------------
    "wb.file_missing": {
        "en": "No file at {path}. Check the path and try again.",
        "fr": "Aucun fichier à l'emplacement {path}. Vérifiez le chemin et réessayez.",
    },
    "wb.not_a_file": {
        "en": "{path} is a folder, not a workbook file. Give the path of an .xlsx file.",
        "fr": "{path} est un dossier, pas un classeur. Indiquez le chemin d'un fichier .xlsx.",
    },
    "wb.unreadable": {
        "en": "The file {path} cannot be read ({reason}).",
        "fr": "Le fichier {path} ne peut pas être lu ({reason}).",
    },
    "wb.file_too_large": {
        "en": "The file is {size} MB; the limit is {limit} MB. Remove unused sheets, images or "
        "formatting, or split the backlog into several files.",
        "fr": "Le fichier pèse {size} Mo ; la limite est de {limit} Mo. Supprimez les feuilles, "
        "images ou mises en forme inutiles, ou découpez le backlog en plusieurs fichiers.",
    },
    "wb.not_xlsx": {
        "en": "This file is not an Excel workbook (.xlsx). Open it in Excel or LibreOffice and save "
        "it as “Excel Workbook (.xlsx)”, or start from the template.",
        "fr": "Ce fichier n'est pas un classeur Excel (.xlsx). Ouvrez-le dans Excel ou LibreOffice "
        "et enregistrez-le au format « Classeur Excel (.xlsx) », ou partez du modèle.",
    },
    "wb.legacy_xls": {
        "en": "This is an old-format Excel file (.xls). Open it in Excel or LibreOffice and save it "
        "as “Excel Workbook (.xlsx)”.",
        "fr": "Ce fichier est au format Excel ancien (.xls). Ouvrez-le dans Excel ou LibreOffice et "
        "enregistrez-le au format « Classeur Excel (.xlsx) ».",
    },
    "wb.encrypted": {
        "en": "This workbook is password-protected (encrypted) and cannot be read. Remove the password "
        "(File › Info › Protect Workbook › Encrypt with Password, empty it) and save it again as .xlsx.",
        "fr": "Ce classeur est protégé par un mot de passe (chiffré) et ne peut pas être lu. Retirez le "
        "mot de passe (Fichier › Informations › Protéger le classeur › Chiffrer avec mot de passe, "
        "videz-le) et enregistrez-le à nouveau en .xlsx.",
    },
    "wb.macro": {
        "en": "This workbook contains macros (.xlsm); for safety, workbooks with macros are refused. "
        "Save it as “Excel Workbook (.xlsx)”, which removes the macros, and upload it again.",
        "fr": "Ce classeur contient des macros (.xlsm) ; par sécurité, les classeurs avec macros sont "
        "refusés. Enregistrez-le au format « Classeur Excel (.xlsx) », qui retire les macros, puis "
        "chargez-le à nouveau.",
    },
    "wb.xlsb": {
        "en": "This is a binary Excel workbook (.xlsb). Save it as “Excel Workbook (.xlsx)”.",
        "fr": "Ce classeur est au format binaire Excel (.xlsb). Enregistrez-le au format « Classeur "
        "Excel (.xlsx) ».",
    },
    "wb.damaged": {
        "en": "The file is damaged or incomplete and cannot be opened as a workbook. Save it again from "
        "Excel or LibreOffice, or download it again if it came by e-mail.",
        "fr": "Le fichier est endommagé ou incomplet et ne peut pas être ouvert comme classeur. "
        "Enregistrez-le à nouveau depuis Excel ou LibreOffice, ou téléchargez-le de nouveau s'il est "
        "arrivé par courriel.",
    },
    "wb.not_workbook_zip": {
        "en": "This file is a zip archive but not an Excel workbook (it has no workbook inside). Upload "
        "the .xlsx file itself.",
        "fr": "Ce fichier est une archive zip mais pas un classeur Excel (il ne contient aucun "
        "classeur). Chargez le fichier .xlsx lui-même.",
    },
    "wb.unsupported_compression": {
        "en": "The part {part} of the file is compressed in a way Excel never uses; the file is refused. "
        "Save it again from Excel or LibreOffice.",
        "fr": "La partie {part} du fichier est compressée d'une façon qu'Excel n'utilise jamais ; le "
        "fichier est refusé. Enregistrez-le à nouveau depuis Excel ou LibreOffice.",
    },
    "wb.too_many_parts": {
        "en": "The file holds {count} internal parts (limit {limit}); it is refused. Save it again from "
        "Excel or LibreOffice as a plain workbook.",
        "fr": "Le fichier contient {count} parties internes (limite {limit}) ; il est refusé. "
        "Enregistrez-le à nouveau depuis Excel ou LibreOffice comme un classeur simple.",
    },
    "wb.zip_bomb_total": {
        "en": "The workbook is too large to read: once opened it would take {size} MB (limit {limit} MB), "
        "more than a backlog of {rows} initiatives needs. Split the backlog into several files, or remove "
        "unused sheets, images or formatting.",
        "fr": "Le classeur est trop volumineux pour être lu : une fois ouvert, il occuperait {size} Mo "
        "(limite {limit} Mo), plus qu'il n'en faut pour un backlog de {rows} initiatives. Découpez le "
        "backlog en plusieurs fichiers, ou supprimez les feuilles, images ou mises en forme inutiles.",
    },
    "wb.zip_bomb_ratio": {
        "en": "The part {part} is compressed {ratio} times (limit {limit}); the file is refused as a "
        "possible zip bomb.",
        "fr": "La partie {part} est compressée {ratio} fois (limite {limit}) ; le fichier est refusé "
        "comme possible bombe de décompression.",
    },
    "wb.zip_lying": {
        "en": "The part {part} expands beyond the size it declares; the file is refused as damaged or "
        "hostile. Save it again from Excel or LibreOffice.",
        "fr": "La partie {part} dépasse à la décompression la taille qu'elle annonce ; le fichier est "
        "refusé comme endommagé ou malveillant. Enregistrez-le à nouveau depuis Excel ou LibreOffice.",
    },
    "wb.part_too_large": {
        "en": "The part {part} of the file is unusually large ({size} MB); the file is refused. Save it "
        "again from Excel or LibreOffice.",
        "fr": "La partie {part} du fichier est anormalement grande ({size} Mo) ; le fichier est refusé. "
        "Enregistrez-le à nouveau depuis Excel ou LibreOffice.",
    },
    "wb.xml_dtd": {
        "en": "The file contains an XML document type declaration (DTD) in {part}; Excel never writes one "
        "and it can hide an entity-expansion attack, so the file is refused. Save it again from Excel "
        "or LibreOffice.",
        "fr": "Le fichier contient une déclaration de type de document XML (DTD) dans {part} ; Excel n'en "
        "écrit jamais et elle peut cacher une attaque par expansion d'entités : le fichier est refusé. "
        "Enregistrez-le à nouveau depuis Excel ou LibreOffice.",
    },
    "wb.problems": {
        "en": "Problems found in the workbook: {count}.",
        "fr": "Problèmes trouvés dans le classeur : {count}.",
    },
    # --- sheets -------------------------------------------------------------------------
    "wb.no_contract_sheet": {
        "en": "No sheet of the workbook template was found (sheets: {found}). A workspace needs the "
        "sheets Goals, KPIs, KPI_Goals and Initiatives (Impacts and Budget are optional); a team "
        "backlog needs an Initiatives sheet. Start from the template.",
        "fr": "Aucune feuille du modèle de classeur n'a été trouvée (feuilles : {found}). Un espace de "
        "travail a besoin des feuilles Objectifs, Indicateurs, Liens et Initiatives (Impacts et Budget "
        "sont facultatives) ; un backlog d'équipe a besoin d'une feuille Initiatives. Partez du modèle.",
    },
    "wb.sheet_missing": {
        "en": "This sheet is missing; add a sheet named {names}.",
        "fr": "Cette feuille manque ; ajoutez une feuille nommée {names}.",
    },
    "wb.sheet_twice": {
        "en": "This sheet and the sheet {other} are the same sheet of the template; keep only one.",
        "fr": "Cette feuille et la feuille {other} correspondent à la même feuille du modèle ; n'en "
        "gardez qu'une.",
    },
    "wb.sheet_ignored": {
        "en": "This sheet is not part of the template and was ignored.",
        "fr": "Cette feuille ne fait pas partie du modèle et a été ignorée.",
    },
    "wb.backlog_sheet_ignored": {
        "en": "A team backlog only brings initiatives and impacts: this sheet was ignored.",
        "fr": "Un backlog d'équipe n'apporte que des initiatives et des impacts : cette feuille a été "
        "ignorée.",
    },
    "wb.not_a_table": {
        "en": "This sheet is a chart, not a table; replace it with a table sheet.",
        "fr": "Cette feuille est un graphique, pas un tableau ; remplacez-la par une feuille de calcul.",
    },
    "wb.damaged_sheet": {
        "en": "This sheet is damaged and cannot be read. Save the file again from Excel or LibreOffice.",
        "fr": "Cette feuille est endommagée et ne peut pas être lue. Enregistrez à nouveau le fichier "
        "depuis Excel ou LibreOffice.",
    },
    "wb.header_missing": {
        "en": "Row 1 must hold the column headers, and it is empty. Copy the header row from the template.",
        "fr": "La ligne 1 doit contenir les en-têtes de colonnes, et elle est vide. Copiez la ligne "
        "d'en-têtes du modèle.",
    },
    "wb.too_many_rows": {
        "en": "The sheet has more than {limit} rows of data; reading stopped there. Split the backlog "
        "into several files.",
        "fr": "La feuille compte plus de {limit} lignes de données ; la lecture s'est arrêtée là. "
        "Découpez le backlog en plusieurs fichiers.",
    },
    "wb.too_many_columns": {
        "en": "The sheet has cells beyond column {limit}; those cells were not read. Delete the columns "
        "you do not need.",
        "fr": "La feuille a des cellules au-delà de la colonne {limit} ; elles n'ont pas été lues. "
        "Supprimez les colonnes inutiles.",
    },
    "wb.too_many_cells": {
        "en": "The workbook has more than {limit} cells to read; reading stopped there. Split it into "
        "several files.",
        "fr": "Le classeur compte plus de {limit} cellules à lire ; la lecture s'est arrêtée là. "
        "Découpez-le en plusieurs fichiers.",
    },
    "wb.too_many_impacts": {
        "en": "The impact columns hold more than {limit} values; keep one column per KPI that initiatives "
        "really move, and leave the other cells empty.",
        "fr": "Les colonnes d'impact contiennent plus de {limit} valeurs ; gardez une colonne par indicateur "
        "que les initiatives font réellement bouger, et laissez les autres cellules vides.",
    },
    "wb.no_goals": {
        "en": "The sheet has no goal; add at least one strategic goal with its weight.",
        "fr": "La feuille ne contient aucun objectif ; ajoutez au moins un objectif stratégique avec "
        "son poids.",
    },
    "wb.no_kpis": {
        "en": "The sheet has no KPI; add at least one KPI with its baseline and target.",
        "fr": "La feuille ne contient aucun indicateur ; ajoutez au moins un indicateur avec sa valeur "
        "initiale et sa cible.",
    },
    "wb.no_initiatives": {
        "en": "The sheet has no initiative; add at least one initiative with its cost.",
        "fr": "La feuille ne contient aucune initiative ; ajoutez au moins une initiative avec son coût.",
    },
    # --- columns ------------------------------------------------------------------------
    "wb.column_missing": {
        "en": "This required column is missing; add a column headed {names}.",
        "fr": "Cette colonne obligatoire manque ; ajoutez une colonne intitulée {names}.",
    },
    "wb.cost_column_missing": {
        "en": "The cost is missing: add a column headed {names}, or one cost_<period> column per budget "
        "period (e.g. cost_2026).",
        "fr": "Le coût manque : ajoutez une colonne intitulée {names}, ou une colonne coût_<période> par "
        "période budgétaire (par ex. coût_2026).",
    },
    "wb.column_twice": {
        "en": "This column and the column {other} are the same column of the template; keep only one.",
        "fr": "Cette colonne et la colonne {other} correspondent à la même colonne du modèle ; n'en "
        "gardez qu'une.",
    },
    "wb.period_twice": {
        "en": "Period {period} already has a cost column ({other}); keep only one.",
        "fr": "La période {period} a déjà une colonne de coût ({other}) ; n'en gardez qu'une.",
    },
    "wb.column_ignored": {
        "en": "This column is not part of the template and was ignored.",
        "fr": "Cette colonne ne fait pas partie du modèle et a été ignorée.",
    },
    "wb.column_no_header": {
        "en": "This column has values but no header in row 1; it was ignored.",
        "fr": "Cette colonne contient des valeurs mais pas d'en-tête en ligne 1 ; elle a été ignorée.",
    },
    "wb.wide_unknown_kpi": {
        "en": "This column gives impacts on KPI {value}{hint}, which is not on the KPIs sheet. Fix the "
        "KPI id after “impact:” or add the KPI.",
        "fr": "Cette colonne donne des impacts sur l'indicateur {value}{hint}, absent de la feuille "
        "Indicateurs. Corrigez l'identifiant après « impact: » ou ajoutez l'indicateur.",
    },
    # --- cells --------------------------------------------------------------------------
    "wb.formula_no_result": {
        "en": "The cell contains a formula with no saved result; open and save the file in Excel or "
        "LibreOffice, or type the value.",
        "fr": "La cellule contient une formule sans résultat enregistré ; ouvrez et enregistrez le "
        "fichier dans Excel ou LibreOffice, ou tapez la valeur.",
    },
    "wb.excel_error": {
        "en": "The cell shows the Excel error {code}; fix its formula or type the value.",
        "fr": "La cellule affiche l'erreur Excel {code} ; corrigez sa formule ou tapez la valeur.",
    },
    "wb.cell_too_long": {
        "en": "The cell holds {length} characters (limit {limit}); shorten it.",
        "fr": "La cellule contient {length} caractères (limite {limit}) ; raccourcissez-la.",
    },
    "wb.damaged_cell": {
        "en": "The cell is damaged and cannot be read; type its value again.",
        "fr": "La cellule est endommagée et ne peut pas être lue ; tapez à nouveau sa valeur.",
    },
    "wb.required": {
        "en": "This cell is empty, but {column} is required.",
        "fr": "Cette cellule est vide, mais {column} est obligatoire.",
    },
    "wb.not_a_number": {
        "en": "“{value}” is not a number; type a number such as 1200 or 1 200,50.",
        "fr": "« {value} » n'est pas un nombre ; tapez un nombre comme 1200 ou 1 200,50.",
    },
    "wb.ambiguous_number": {
        "en": "“{value}” is ambiguous: it could be {thousands} or {decimal}. Type it without a thousands "
        "separator ({thousands}) or with a decimal point ({decimal}).",
        "fr": "« {value} » est ambigu : ce peut être {thousands} ou {decimal}. Tapez-le sans séparateur "
        "de milliers ({thousands}) ou avec un point décimal ({decimal}).",
    },
    "wb.percent_not_allowed": {
        "en": "“{value}”: a percentage is not accepted in this column; type the number in the column's "
        "unit, without %.",
        "fr": "« {value} » : un pourcentage n'est pas accepté dans cette colonne ; tapez le nombre dans "
        "l'unité de la colonne, sans %.",
    },
    "wb.positive": {
        "en": "{value} must be greater than 0.",
        "fr": "{value} doit être supérieur à 0.",
    },
    "wb.non_negative": {
        "en": "{value} must not be negative.",
        "fr": "{value} ne doit pas être négatif.",
    },
    "wb.share_range": {
        "en": "{value} must be between 0 and 1 (or between 0 % and 100 %).",
        "fr": "{value} doit être compris entre 0 et 1 (ou entre 0 % et 100 %).",
    },
    "wb.strength_range": {
        "en": "{value} must be greater than 0 and at most 1 (or 100 %).",
        "fr": "{value} doit être supérieur à 0 et au plus égal à 1 (ou 100 %).",
    },
    "wb.direction_word": {
        "en": "“{value}” is not a direction; write increase or decrease (hausse or baisse).",
        "fr": "« {value} » n'est pas un sens ; écrivez hausse ou baisse (increase ou decrease).",
    },
    "wb.side_word": {
        "en": "“{value}” is not a side; write customer or employee (client or salarié), or leave it "
        "empty for customer.",
        "fr": "« {value} » n'est pas un côté ; écrivez client ou salarié (customer ou employee), ou "
        "laissez vide pour client.",
    },
    "wb.yes_no_word": {
        "en": "“{value}” is not yes or no; write yes or no (oui/non, true/false and 1/0 also work).",
        "fr": "« {value} » n'est ni oui ni non ; écrivez oui ou non (yes/no, vrai/faux et 1/0 "
        "fonctionnent aussi).",
    },
    "wb.competency_word": {
        "en": "“{value}” is not a CX competency; write customer_understanding, strategy_engagement, "
        "culture_management or design_improvement (French labels accepted), or leave it empty.",
        "fr": "« {value} » n'est pas une compétence CX ; écrivez compréhension_client, "
        "stratégie_engagement, culture_management ou design_amélioration (les libellés anglais sont "
        "acceptés), ou laissez vide.",
    },
    "wb.duplicate_id": {
        "en": "{value} is already used on row {first}; each id must appear once.",
        "fr": "{value} est déjà utilisé en ligne {first} ; chaque identifiant ne doit apparaître qu'une "
        "fois.",
    },
    # --- meaning ------------------------------------------------------------------------
    "wb.target_equals_baseline": {
        "en": "The target equals the baseline ({value}): the KPI has no way to go. Set a target different "
        "from the baseline.",
        "fr": "La cible est égale à la valeur initiale ({value}) : l'indicateur n'a aucun chemin à "
        "parcourir. Fixez une cible différente de la valeur initiale.",
    },
    "wb.target_below_baseline": {
        "en": "The target {target} is below the baseline {baseline}, but the direction is “{direction}”. "
        "Fix the target, or set the direction to decrease.",
        "fr": "La cible {target} est inférieure à la valeur initiale {baseline}, mais le sens est "
        "« {direction} ». Corrigez la cible, ou mettez le sens à baisse.",
    },
    "wb.target_above_baseline": {
        "en": "The target {target} is above the baseline {baseline}, but the direction is “{direction}”. "
        "Fix the target, or set the direction to increase.",
        "fr": "La cible {target} est supérieure à la valeur initiale {baseline}, mais le sens est "
        "« {direction} ». Corrigez la cible, ou mettez le sens à hausse.",
    },
    "wb.did_you_mean": {
        "en": " (did you mean {value}?)",
        "fr": " (vouliez-vous dire {value} ?)",
    },
    "wb.unknown_kpi": {
        "en": "KPI {value}{hint} is not on the KPIs sheet; fix the id or add the KPI.",
        "fr": "L'indicateur {value}{hint} est absent de la feuille Indicateurs ; corrigez l'identifiant "
        "ou ajoutez l'indicateur.",
    },
    "wb.unknown_goal": {
        "en": "Goal {value}{hint} is not on the Goals sheet; fix the id or add the goal.",
        "fr": "L'objectif {value}{hint} est absent de la feuille Objectifs ; corrigez l'identifiant ou "
        "ajoutez l'objectif.",
    },
    "wb.unknown_initiative": {
        "en": "Initiative {value}{hint} is not on the Initiatives sheet; fix the id or add the initiative.",
        "fr": "L'initiative {value}{hint} est absente de la feuille Initiatives ; corrigez l'identifiant "
        "ou ajoutez l'initiative.",
    },
    "wb.unknown_dependency": {
        "en": "Depends on {value}{hint}, which is not on the Initiatives sheet; fix the id or remove it.",
        "fr": "Dépend de {value}{hint}, absente de la feuille Initiatives ; corrigez l'identifiant ou "
        "retirez-le.",
    },
    "wb.id_separator": {
        "en": "The id “{value}” contains a comma or a semicolon, which separate ids in depends_on; choose "
        "an id without them.",
        "fr": "L'identifiant « {value} » contient une virgule ou un point-virgule, qui séparent les "
        "identifiants dans dépend_de ; choisissez un identifiant sans eux.",
    },
    "wb.self_dependency": {
        "en": "The initiative depends on itself ({value}); remove its own id from this cell.",
        "fr": "L'initiative dépend d'elle-même ({value}) ; retirez son propre identifiant de cette cellule.",
    },
    "wb.cycle": {
        "en": "Dependency cycle: {cycle}. No initiative can come first; remove one of these dependencies.",
        "fr": "Cycle de dépendances : {cycle}. Aucune initiative ne peut passer en premier ; retirez "
        "l'une de ces dépendances.",
    },
    "wb.duplicate_link": {
        "en": "The link from KPI {kpi} to goal {goal} is already on row {first}; keep only one.",
        "fr": "Le lien de l'indicateur {kpi} vers l'objectif {goal} figure déjà en ligne {first} ; n'en "
        "gardez qu'un.",
    },
    "wb.duplicate_impact": {
        "en": "The impact of {initiative} on {kpi} is already given ({sheet}, row {row}, {column}); keep "
        "only one.",
        "fr": "L'impact de {initiative} sur {kpi} est déjà donné ({sheet}, ligne {row}, {column}) ; n'en "
        "gardez qu'un.",
    },
    "wb.cost_missing": {
        "en": "The cost is empty; type the initiative's cost (0 if it costs nothing).",
        "fr": "Le coût est vide ; tapez le coût de l'initiative (0 si elle ne coûte rien).",
    },
    "wb.cost_mismatch": {
        "en": "The cost {cost} differs from the sum of the period costs {total} ({columns}); fix one of "
        "them or leave the cost empty to use the sum.",
        "fr": "Le coût {cost} diffère de la somme des coûts par période {total} ({columns}) ; corrigez "
        "l'un d'eux ou laissez le coût vide pour prendre la somme.",
    },
    "wb.low_above_impact": {
        "en": "impact_low {low} is above impact {impact}; impact_low is the smallest expected change.",
        "fr": "impact_bas {low} est supérieur à impact {impact} ; impact_bas est la plus petite "
        "variation attendue.",
    },
    "wb.high_below_impact": {
        "en": "impact_high {high} is below impact {impact}; impact_high is the largest expected change.",
        "fr": "impact_haut {high} est inférieur à impact {impact} ; impact_haut est la plus grande "
        "variation attendue.",
    },
    "wb.budget_period_unknown": {
        "en": "Period {value} has no cost_{value} column on the Initiatives sheet; use one of: {choices}.",
        "fr": "La période {value} n'a pas de colonne coût_{value} dans la feuille Initiatives ; utilisez "
        "l'une de : {choices}.",
    },
    # --- team backlog against the workspace ----------------------------------------------
    "wb.backlog_unknown_kpi": {
        "en": "Initiative {initiative} has an impact on KPI {value}{hint}, which the workspace does not "
        "have; use one of the workspace's KPI ids.",
        "fr": "L'initiative {initiative} a un impact sur l'indicateur {value}{hint}, que l'espace de "
        "travail n'a pas ; utilisez un identifiant d'indicateur de l'espace de travail.",
    },
    "wb.backlog_unknown_dependency": {
        "en": "Initiative {initiative} depends on {value}, which is neither in the backlog nor in the "
        "workspace.",
        "fr": "L'initiative {initiative} dépend de {value}, qui n'est ni dans le backlog ni dans l'espace "
        "de travail.",
    },
    "wb.backlog_period_unknown": {
        "en": "The backlog has costs for period {period}, which the workspace does not plan (its periods: "
        "{periods}); rename or remove this column.",
        "fr": "Le backlog a des coûts pour la période {period}, que l'espace de travail ne prévoit pas "
        "(ses périodes : {periods}) ; renommez ou retirez cette colonne.",
    },
    "wb.backlog_periods_missing": {
        "en": "The workspace plans costs by period ({periods}), but the backlog has no cost_<period> "
        "columns; add one per period.",
        "fr": "L'espace de travail prévoit les coûts par période ({periods}), mais le backlog n'a aucune "
        "colonne coût_<période> ; ajoutez-en une par période.",
    },
    "wb.none": {"en": "none", "fr": "aucune"},
    # --- command line ---------------------------------------------------------------------
    "wb.cli.template_written": {
        "en": "Template written to {path}.",
        "fr": "Modèle écrit dans {path}.",
    },
    "wb.cli.valid_workspace": {
        "en": "{path}: valid workspace.",
        "fr": "{path} : espace de travail valide.",
    },
    "wb.cli.valid_backlog": {
        "en": "{path}: valid team backlog (its KPI and dependency ids are checked when it is merged).",
        "fr": "{path} : backlog d'équipe valide (ses identifiants d'indicateurs et de dépendances sont "
        "vérifiés lors de la fusion).",
    },
    "wb.cli.invalid": {
        "en": {"one": "{path}: {count} problem to fix:", "other": "{path}: {count} problems to fix:"},
        "fr": {
            "one": "{path} : {count} problème à corriger :",
            "other": "{path} : {count} problèmes à corriger :",
        },
    },
    "wb.cli.row": {"en": "row {row}", "fr": "ligne {row}"},
    "wb.cli.workbook": {"en": "workbook", "fr": "classeur"},
    "wb.cli.warnings": {"en": "Warnings:", "fr": "Avertissements :"},
    "wb.cli.notes": {"en": "Notes:", "fr": "Remarques :"},
    "wb.cli.count.goals": {"en": "goals", "fr": "objectifs"},
    "wb.cli.count.kpis": {"en": "KPIs", "fr": "indicateurs"},
    "wb.cli.count.links": {"en": "KPI–goal links", "fr": "liens indicateur–objectif"},
    "wb.cli.count.initiatives": {"en": "initiatives", "fr": "initiatives"},
    "wb.cli.count.impacts": {"en": "impacts", "fr": "impacts"},
    "wb.cli.count.periods": {"en": "cost periods", "fr": "périodes de coût"},
    "wb.cli.count.budgets": {"en": "budgets", "fr": "budgets"},
}
