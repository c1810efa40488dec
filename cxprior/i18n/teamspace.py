"""The team's default workspace in the app: which one every new session opens, the picker of
the other saved workspaces (owners, dates), making one the default, and the way back to it."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "ui.team.title": {"en": "Team workspace", "fr": "Espace de travail de l'équipe"},
    "ui.team.default_is": {
        "en": "The team's default workspace is “{name}”, set by {who} on {when}: every new session opens it.",
        "fr": "L'espace de travail par défaut de l'équipe est « {name} », choisi par {who} le {when} : "
        "chaque nouvelle session l'ouvre.",
    },
    "ui.team.no_default": {
        "en": "No default workspace is set yet: new sessions open the workspace saved last. "
        "An editor can make one the team's default below.",
        "fr": "Aucun espace de travail par défaut n'est encore choisi : les nouvelles sessions ouvrent "
        "celui enregistré en dernier. Un éditeur peut en choisir un ci-dessous.",
    },
    "ui.team.not_default": {
        "en": "You are working on “{name}”, not on the team's default workspace “{default}”.",
        "fr": "Vous travaillez sur « {name} », pas sur l'espace de travail par défaut de l'équipe "
        "« {default} ».",
    },
    "ui.team.back": {
        "en": "Back to the team's workspace “{name}”",
        "fr": "Revenir à l'espace de travail de l'équipe « {name} »",
    },
    "ui.team.make_default": {
        "en": "Make “{name}” the team's default",
        "fr": "Faire de « {name} » l'espace par défaut de l'équipe",
    },
    "ui.team.company": {"en": "Company name", "fr": "Nom de l'entreprise"},
    "ui.team.company_help": {
        "en": "Written under the title of this workspace's COMEX packs (PDF and Excel). Leave it "
        "empty and the packs carry the title only.",
        "fr": "Figure sous le titre des dossiers COMEX de cet espace de travail (PDF et Excel). "
        "Laissé vide, les dossiers ne portent que le titre.",
    },
    "ui.team.company_save": {"en": "Save the name", "fr": "Enregistrer le nom"},
    "ui.team.company_is": {
        "en": "Company on the COMEX pack: {company}",
        "fr": "Entreprise du dossier COMEX : {company}",
    },
    "ui.team.company_set": {
        "en": "The COMEX packs of this workspace now carry the name “{company}”.",
        "fr": "Les dossiers COMEX de cet espace de travail portent désormais le nom « {company} ».",
    },
    "ui.team.company_cleared": {
        "en": "The COMEX packs of this workspace no longer carry a company name.",
        "fr": "Les dossiers COMEX de cet espace de travail ne portent plus de nom d'entreprise.",
    },
    "ui.team.default_set": {
        "en": "“{name}” is now the team's default workspace: every new session opens it.",
        "fr": "« {name} » est désormais l'espace de travail par défaut de l'équipe : chaque nouvelle "
        "session l'ouvre.",
    },
    "ui.team.picker": {"en": "Saved workspaces", "fr": "Espaces de travail enregistrés"},
    "ui.team.col_name": {"en": "Workspace", "fr": "Espace de travail"},
    "ui.team.col_default": {"en": "Team default", "fr": "Par défaut"},
    "ui.team.col_version": {"en": "Latest version", "fr": "Dernière version"},
    "ui.team.col_owner": {"en": "Last saved by", "fr": "Enregistré par"},
    "ui.team.col_updated": {"en": "Last saved", "fr": "Enregistré le"},
    "ui.team.col_created": {"en": "Created", "fr": "Créé le"},
    "ui.team.log_title": {
        "en": "Changes of the team's default workspace",
        "fr": "Changements de l'espace de travail par défaut",
    },
    "ui.team.col_set_at": {"en": "When", "fr": "Quand"},
    "ui.team.col_set_by": {"en": "By", "fr": "Par"},
    "ui.team.copy_saved": {
        "en": "Your version is saved as a new workspace, “{name}”, and is now open. The team's workspace "
        "“{team}” is unchanged: to get back to it, use “Back to the team's workspace” in the sidebar, "
        "or pick it under Backlog → Team workspace.",
        "fr": "Votre version est enregistrée comme nouvel espace de travail, « {name} », désormais ouvert. "
        "L'espace de l'équipe « {team} » n'a pas changé : pour y revenir, utilisez « Revenir à l'espace "
        "de travail de l'équipe » dans la barre latérale, ou choisissez-le sous Backlog → Espace de "
        "travail de l'équipe.",
    },
}
