"""Build the bundled sample workbooks from the data below.

    .venv/bin/python scripts/build_sample.py

writes sample_data/cx_workspace_fr.xlsx (the workspace the app opens on) and
sample_data/team_backlog_fr.xlsx (a team backlog that merges into it cleanly). The .xlsx
files are committed; tests check they still equal this data, so edit here and rebuild.
sample_data/cx_workspace_fr_v1.xlsx is the sample as it was before the roadmap (contract
v1, `sample_workspace_v1`): it is not rewritten, and a test checks it still equals that data.

The company is fictional: Hélios Énergie, a French electricity and gas supplier for
households. Its backlog mixes a few structural initiatives (unified CRM, a dedicated
complaints unit, advisor empowerment, move-in within 48 h…) with many small, scattered
ones (goodies, newsletter redesign, social-media contests…) — the fragmentation the
primer warns about. One KPI (newsletter open rate) serves no strategic goal, so the app
shows the "disconnected from strategy" warning. Budgets are about 45 % of what is asked,
so an optimiser has to choose.

Its roadmap: five delivery teams with their capacity in person-days per year (the digital
squad is the bottleneck of 2026, the year of the CRM), each initiative's work per team and
year, and a third of the initiatives free to start a year or two later. At the same budgets,
shifting funds more value than fixed starts; `main` prints by how much.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cxprior.domain import (
    TOTAL_PERIOD,
    Budget,
    Capacity,
    Competency,
    Direction,
    Effort,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    TeamBacklog,
    Workspace,
)
from cxprior.workbook import write_backlog, write_workspace

WORKSPACE_PATH = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
BACKLOG_PATH = ROOT / "sample_data" / "team_backlog_fr.xlsx"
PERIODS = ("2026", "2027", "2028")

GOALS = (
    Goal(
        "OBJ-FID", "Fidéliser nos clients résidentiels", 35.0, "Réduire les résiliations de 25 % d'ici 2028."
    ),
    Goal(
        "OBJ-COUT",
        "Réduire le coût de service",
        25.0,
        "Moins de contacts répétés, plus de résolution au premier appel.",
    ),
    Goal(
        "OBJ-VERT",
        "Réussir la bascule vers les offres vertes",
        15.0,
        "Un tiers des souscriptions en offre verte.",
    ),
    Goal(
        "OBJ-ENG",
        "Engager nos conseillers",
        15.0,
        "Le cercle vertueux : des conseillers engagés font des clients satisfaits.",
    ),
    Goal(
        "OBJ-CONF",
        "Restaurer la confiance",
        10.0,
        "Moins de réclamations, traitées plus vite, moins de saisines du médiateur.",
    ),
)

D_UP, D_DOWN = Direction.INCREASE, Direction.DECREASE
KPIS = (
    Kpi("NPS", "Net Promoter Score relationnel", D_UP, 8.0, 25.0, "pts"),
    Kpi("CSAT", "Satisfaction après contact (CSAT)", D_UP, 74.0, 85.0, "%"),
    Kpi("CES", "Effort client (CES, 1 à 7)", D_DOWN, 3.6, 2.6, "pts"),
    Kpi("CHURN", "Taux de résiliation annuel", D_DOWN, 13.5, 10.0, "%"),
    Kpi("FCR", "Résolution au premier contact", D_UP, 62.0, 78.0, "%"),
    Kpi("RECLA", "Réclamations pour 1 000 clients", D_DOWN, 11.0, 6.0, "‰"),
    Kpi("DELAI", "Délai moyen de résolution d'une réclamation", D_DOWN, 9.0, 4.0, "jours"),
    Kpi("VERT", "Part des souscriptions en offre verte", D_UP, 18.0, 35.0, "%"),
    Kpi("ENPS", "eNPS des conseillers", D_UP, -12.0, 10.0, "pts", side="employee"),
    Kpi("ATTRITION", "Attrition annuelle des conseillers", D_DOWN, 31.0, 20.0, "%", side="employee"),
    Kpi("EMOTIONS", "Ratio émotions positives : négatives", D_UP, 1.7, 3.0, "ratio"),
    # deliberately linked to no goal: the app must say its impacts are worth nothing
    Kpi("NEWSLETTER", "Taux d'ouverture de la newsletter", D_UP, 21.0, 30.0, "%"),
)

LINKS = (
    KpiGoalLink("NPS", "OBJ-FID", 1.0),
    KpiGoalLink("NPS", "OBJ-VERT", 0.3),
    KpiGoalLink("CSAT", "OBJ-FID", 0.6),
    KpiGoalLink("CSAT", "OBJ-CONF", 0.5),
    KpiGoalLink("CES", "OBJ-FID", 0.5),
    KpiGoalLink("CES", "OBJ-COUT", 0.5),
    KpiGoalLink("CHURN", "OBJ-FID", 1.0),
    KpiGoalLink("FCR", "OBJ-COUT", 1.0),
    KpiGoalLink("FCR", "OBJ-FID", 0.4),
    KpiGoalLink("RECLA", "OBJ-CONF", 1.0),
    KpiGoalLink("RECLA", "OBJ-COUT", 0.3),
    KpiGoalLink("DELAI", "OBJ-CONF", 0.8),
    KpiGoalLink("VERT", "OBJ-VERT", 1.0),
    KpiGoalLink("ENPS", "OBJ-ENG", 1.0),
    KpiGoalLink("ATTRITION", "OBJ-ENG", 0.8),
    KpiGoalLink("ATTRITION", "OBJ-COUT", 0.4),
    KpiGoalLink("EMOTIONS", "OBJ-FID", 0.4),
    KpiGoalLink("EMOTIONS", "OBJ-CONF", 0.3),
)

DISCOVER, SUBSCRIBE, MOVE_IN = "Découvrir", "Souscrire", "Emménager"
USE, HELP, RENEW = "Consommer et payer", "Obtenir de l'aide", "Renouveler ou déménager"
# an initiative on the gap between two phases, where customers feel the rupture
SUBSCRIBE_TO_MOVE_IN = f"{SUBSCRIBE} > {MOVE_IN}"

CU = Competency.CUSTOMER_UNDERSTANDING
SE = Competency.STRATEGY_ENGAGEMENT
CM = Competency.CULTURE_MANAGEMENT
DI = Competency.DESIGN_IMPROVEMENT

# id, name, team, owner, phase, costs (2026, 2027, 2028) in k€, confidence, mandatory,
# depends_on, exclusive group, competency, description, impacts (kpi, impact[, low, high])
# fmt: off
INITIATIVES = (
    ("HEL-01", "CRM unifié 360° pour les conseillers", "Digital", "Claire Lefèvre", HELP,
     (380, 300, 80), 0.8, False, (), "", CU, "Une seule vue du client, de la souscription aux réclamations.",
     (("FCR", 8.0, 4.0, 10.0), ("CSAT", 4.0), ("DELAI", -2.0), ("ENPS", 5.0), ("CHURN", -0.3))),
    ("HEL-02", "Refonte de l'espace client et de l'application", "Digital", "Claire Lefèvre", USE,
     (400, 300, 100), 0.7, False, (), "ESPACE-CLIENT", DI,
     "Parcours repensés avec des clients, tests utilisateurs à chaque sprint.",
     (("CES", -0.4, -0.6, -0.2), ("NPS", 3.0), ("CHURN", -0.4))),
    ("HEL-03", "Lifting de l'espace client existant", "Digital", "Claire Lefèvre", USE,
     (120, 40, 0), 0.9, False, (), "ESPACE-CLIENT", DI, "Corrections d'ergonomie sans refonte.",
     (("CES", -0.15), ("NPS", 1.0))),
    ("HEL-04", "Conseiller référent pour les clients fragiles", "Service client", "Karim Benali", HELP,
     (150, 200, 200), 0.8, False, ("HEL-01",), "", CM,
     "Un interlocuteur unique pour les clients en difficulté.",
     (("CHURN", -0.8, -1.2, -0.4), ("NPS", 2.0), ("RECLA", -1.0), ("EMOTIONS", 0.2))),
    ("HEL-05", "Internalisation du centre d'appels de niveau 1", "Service client", "Karim Benali", HELP,
     (300, 500, 400), 0.6, False, (), "CENTRE-APPELS", CM,
     "Reprise en interne des 120 positions externalisées.",
     (("FCR", 7.0, 3.0, 9.0), ("CSAT", 4.0), ("ENPS", 3.0), ("EMOTIONS", 0.3))),
    ("HEL-06", "Contrat d'externalisation renégocié avec objectifs qualité",
     "Service client", "Karim Benali", HELP,
     (40, 60, 60), 0.8, False, (), "CENTRE-APPELS", SE,
     "Bonus-malus du prestataire indexé sur la résolution.",
     (("FCR", 2.0), ("CSAT", 1.5))),
    ("HEL-07", "Formation et autonomie des conseillers (empowerment)",
     "RH et formation", "Sophie Garnier", HELP,
     (120, 120, 80), 0.8, False, (), "", CM,
     "Geste commercial et remboursement accordés sans escalade.",
     (("ENPS", 8.0, 4.0, 10.0), ("ATTRITION", -4.0), ("FCR", 3.0), ("EMOTIONS", 0.2))),
    ("HEL-08", "Facture simplifiée et lisible", "Facturation", "Thomas Moreau", USE,
     (180, 80, 0), 0.85, False, (), "", DI,
     "Une page, la consommation expliquée, le prochain prélèvement annoncé.",
     (("RECLA", -2.0, -2.5, -1.0), ("CES", -0.2), ("NPS", 1.5))),
    ("HEL-09", "Alerte proactive de surconsommation", "Digital", "Claire Lefèvre", USE,
     (90, 60, 30), 0.75, False, ("HEL-02",), "", DI, "Avant la facture de régularisation, pas après.",
     (("RECLA", -1.2), ("CHURN", -0.5), ("NPS", 2.0), ("EMOTIONS", 0.2))),
    ("HEL-10", "Cellule réclamations : réponse en 48 h", "Service client", "Karim Benali", HELP,
     (130, 130, 130), 0.85, False, (), "", DI, "Une équipe dédiée, un engagement de délai affiché.",
     (("DELAI", -3.0, -4.0, -2.0), ("RECLA", -1.0), ("CSAT", 2.0), ("EMOTIONS", 0.15))),
    ("HEL-11", "Programme Voix du client : écoute représentative et régulière",
     "Marketing", "Julie Fontaine", USE,
     (60, 60, 60), 0.9, False, (), "", CU, "Panel représentatif, mesures trimestrielles reproductibles.",
     (("NPS", 1.0), ("CSAT", 1.0))),
    ("HEL-12", "Accessibilité RGAA de l'espace client", "Conformité", "Marc Rousseau", USE,
     (80, 40, 0), 1.0, True, (), "", DI, "Obligation légale d'accessibilité numérique.",
     (("CES", -0.05),)),
    ("HEL-13", "Traçabilité des réclamations pour le médiateur de l'énergie",
     "Conformité", "Marc Rousseau", HELP,
     (50, 30, 20), 1.0, True, (), "", SE, "Exigence réglementaire : délais de réponse tracés.",
     (("DELAI", -0.5), ("RECLA", -0.3))),
    ("HEL-14", "Conformité RGPD des enregistrements d'appels", "Conformité", "Marc Rousseau", HELP,
     (40, 20, 10), 1.0, True, (), "", SE, "Purge et consentement des enregistrements.",
     (("RECLA", -0.2),)),
    ("HEL-15", "Chatbot développé en interne", "Digital", "Claire Lefèvre", HELP,
     (150, 80, 40), 0.5, False, (), "CHATBOT", DI, "",
     (("FCR", 1.5), ("CES", -0.15))),
    ("HEL-16", "Assistant conversationnel d'un éditeur (SaaS)", "Digital", "Claire Lefèvre", HELP,
     (60, 60, 60), 0.7, False, ("HEL-01",), "CHATBOT", DI,
     "Branché sur le CRM pour répondre avec le contexte du client.",
     (("FCR", 1.2), ("CES", -0.12))),
    ("HEL-17", "Comparateur d'offres vertes transparent", "Marketing", "Julie Fontaine", DISCOVER,
     (70, 20, 0), 0.8, False, (), "", CU, "",
     (("VERT", 4.0, 2.0, 6.0), ("NPS", 0.5))),
    ("HEL-18", "Souscription en ligne en 5 minutes", "Digital", "Claire Lefèvre", SUBSCRIBE,
     (120, 60, 0), 0.8, False, (), "", DI, "",
     (("VERT", 3.0), ("CES", -0.15), ("NPS", 1.0))),
    ("HEL-19", "Garantie d'origine affichée sur la facture", "Marketing", "Julie Fontaine", USE,
     (30, 10, 10), 0.9, False, (), "", SE, "",
     (("VERT", 1.5),)),
    ("HEL-20", "Offre verte proposée au renouvellement", "Marketing", "Julie Fontaine", RENEW,
     (40, 30, 30), 0.8, False, (), "", SE, "",
     (("VERT", 5.0, 3.0, 6.0), ("CHURN", -0.3))),
    ("HEL-21", "Mise en service en 48 h à l'emménagement",
     "Opérations terrain", "Nicolas Faure", SUBSCRIBE_TO_MOVE_IN,
     (150, 150, 50), 0.75, False, (), "", DI,
     "La rupture entre la vente et l'activation, là où les clients décrochent.",
     (("CES", -0.2), ("NPS", 2.0), ("RECLA", -0.8), ("EMOTIONS", 0.2), ("CHURN", -0.2))),
    ("HEL-22", "Kit de bienvenue numérique", "Marketing", "Julie Fontaine", MOVE_IN,
     (25, 5, 5), 0.9, False, (), "", None, "",
     (("NPS", 0.3), ("NEWSLETTER", 3.0))),
    ("HEL-23", "Relevé de compteur guidé à l'emménagement", "Digital", "Claire Lefèvre", MOVE_IN,
     (45, 10, 0), 0.8, False, ("HEL-02",), "", DI, "Photo du compteur dans l'application.",
     (("RECLA", -0.4), ("CES", -0.05))),
    ("HEL-24", "Déménagement sans coupure en un seul appel", "Service client", "Karim Benali", RENEW,
     (90, 60, 30), 0.8, False, (), "", DI, "",
     (("CHURN", -0.6, -0.9, -0.3), ("CES", -0.15), ("NPS", 1.0))),
    ("HEL-25", "Programme de points fidélité", "Marketing", "Julie Fontaine", RENEW,
     (200, 200, 200), 0.6, False, (), "", None, "Cadeaux et remises selon l'ancienneté.",
     (("CHURN", -0.4), ("NPS", 0.5), ("NEWSLETTER", 2.0))),
    ("HEL-26", "Appel de courtoisie avant échéance", "Service client", "Karim Benali", RENEW,
     (30, 30, 30), 0.8, False, (), "", CU, "",
     (("CHURN", -0.15), ("EMOTIONS", 0.05))),
    ("HEL-27", "Refonte graphique de la newsletter", "Marketing", "Julie Fontaine", DISCOVER,
     (20, 0, 0), 0.9, False, (), "", None, "",
     (("NEWSLETTER", 4.0),)),
    ("HEL-28", "Jeu-concours sur les réseaux sociaux", "Marketing", "Julie Fontaine", DISCOVER,
     (15, 15, 0), 0.7, False, (), "", None, "",
     (("NEWSLETTER", 2.0), ("NPS", 0.1))),
    ("HEL-29", "Nouvelle FAQ illustrée", "Digital", "Claire Lefèvre", HELP,
     (12, 3, 3), 0.8, False, (), "", DI, "",
     (("CES", -0.03), ("FCR", 0.3))),
    ("HEL-30", "Musique d'attente personnalisée", "Service client", "Karim Benali", HELP,
     (8, 0, 0), 0.6, False, (), "", None, "",
     (("EMOTIONS", 0.02),)),
    ("HEL-31", "Vidéos tutoriels sur la facture", "Facturation", "Thomas Moreau", USE,
     (18, 5, 5), 0.7, False, (), "", DI, "",
     (("RECLA", -0.2), ("CES", -0.02))),
    ("HEL-32", "Enquête de satisfaction à chaud par SMS", "Marketing", "Julie Fontaine", HELP,
     (10, 10, 10), 0.9, False, (), "", CU, "",
     (("CSAT", 0.3),)),
    ("HEL-33", "Badge « client fidèle » dans l'application", "Digital", "Claire Lefèvre", USE,
     (22, 8, 0), 0.6, False, (), "", None, "",
     (("NPS", 0.2),)),
    ("HEL-34", "Goodies pour les salons de l'habitat", "Marketing", "Julie Fontaine", DISCOVER,
     (12, 12, 12), 0.5, False, (), "", None, "",
     (("VERT", 0.2),)),
    ("HEL-35", "Page Facebook animée par la communauté", "Marketing", "Julie Fontaine", DISCOVER,
     (15, 15, 15), 0.6, False, (), "", None, "",
     (("NEWSLETTER", 1.0), ("NPS", 0.1))),
    ("HEL-36", "Chèque cadeau de parrainage", "Marketing", "Julie Fontaine", SUBSCRIBE,
     (40, 40, 40), 0.7, False, (), "", None, "",
     (("VERT", 0.8), ("CHURN", -0.05))),
    ("HEL-37", "Serveur vocal simplifié", "Service client", "Karim Benali", HELP,
     (35, 5, 0), 0.8, False, (), "", DI, "Trois choix au lieu de neuf.",
     (("CES", -0.1), ("FCR", 1.0), ("CSAT", 0.5))),
    ("HEL-38", "Rappel automatique aux heures de pointe", "Service client", "Karim Benali", HELP,
     (50, 20, 20), 0.8, False, (), "", DI, "",
     (("CES", -0.12), ("CSAT", 1.0), ("EMOTIONS", 0.1))),
    ("HEL-39", "Échéancier de paiement en ligne pour clients en difficulté",
     "Facturation", "Thomas Moreau", USE,
     (60, 20, 10), 0.8, False, (), "", DI, "",
     (("RECLA", -0.8), ("CHURN", -0.2), ("EMOTIONS", 0.1))),
    ("HEL-40", "Rituels managériaux : 15 minutes d'équipe par jour",
     "RH et formation", "Sophie Garnier", HELP,
     (10, 10, 10), 0.8, False, (), "", CM, "",
     (("ENPS", 2.0), ("ATTRITION", -1.0))),
    ("HEL-41", "Parcours d'intégration des nouveaux conseillers", "RH et formation", "Sophie Garnier", HELP,
     (40, 30, 30), 0.8, False, (), "", CM, "",
     (("ATTRITION", -2.5, -3.5, -1.0), ("ENPS", 2.0), ("FCR", 1.0))),
    ("HEL-42", "Baromètre trimestriel de l'engagement des conseillers",
     "RH et formation", "Sophie Garnier", HELP,
     (15, 15, 15), 0.9, False, (), "", SE, "",
     (("ENPS", 1.0),)),
    ("HEL-43", "Comité expérience client mensuel en COMEX", "Direction CX", "Hélène Marchand", "",
     (5, 5, 5), 0.9, False, (), "", SE, "Transverse à tout le parcours.",
     (("NPS", 0.3), ("ENPS", 0.5))),
    ("HEL-44", "Tableau de bord CX partagé avec les équipes", "Direction CX", "Hélène Marchand", "",
     (30, 10, 10), 0.8, False, ("HEL-11",), "", SE, "Transverse à tout le parcours.",
     (("CSAT", 0.3), ("FCR", 0.5))),
    ("HEL-45", "Cartographie des irritants de la souscription", "Marketing", "Julie Fontaine", SUBSCRIBE,
     (25, 0, 0), 0.9, False, (), "", CU, "",
     (("CES", -0.05), ("VERT", 0.5))),
    ("HEL-46", "Chat en ligne avec un conseiller", "Service client", "Karim Benali", HELP,
     (70, 50, 50), 0.8, False, (), "", DI, "",
     (("FCR", 1.2), ("CES", -0.1), ("CSAT", 0.8))),
    ("HEL-47", "Forum d'entraide entre clients", "Digital", "Claire Lefèvre", HELP,
     (35, 15, 15), 0.6, False, (), "", None, "",
     (("FCR", 0.3), ("NEWSLETTER", 1.0))),
    ("HEL-48", "Prime qualité des conseillers indexée sur la résolution",
     "RH et formation", "Sophie Garnier", HELP,
     (0, 80, 80), 0.7, False, (), "", CM, "",
     (("ENPS", 3.0), ("FCR", 1.5), ("ATTRITION", -1.5))),
)

# The customer-care team's backlog: two updates of its own initiatives, three new ones.
BACKLOG_INITIATIVES = (
    ("HEL-26", "Appel de courtoisie avant échéance", "Service client", "Karim Benali", RENEW,
     (25, 35, 35), 0.8, False, (), "", CU, "Ciblé sur les clients à risque de résiliation.",
     (("CHURN", -0.25, -0.35, -0.1), ("EMOTIONS", 0.05))),
    ("HEL-37", "Serveur vocal simplifié et reconnaissance vocale", "Service client", "Karim Benali", HELP,
     (35, 5, 0), 0.9, False, (), "", DI, "Trois choix au lieu de neuf.",
     (("CES", -0.1), ("FCR", 1.0), ("CSAT", 0.5))),
    ("HEL-49", "Conseillers spécialisés précarité énergétique", "Service client", "Karim Benali", HELP,
     (60, 60, 60), 0.8, False, ("HEL-01",), "", CM, "",
     (("RECLA", -0.6), ("CHURN", -0.2), ("EMOTIONS", 0.1))),
    ("HEL-50", "Réponse aux avis en ligne sous 24 h", "Service client", "Karim Benali", HELP,
     (15, 15, 15), 0.8, False, (), "", CU, "",
     (("NPS", 0.3), ("EMOTIONS", 0.05))),
    ("HEL-51", "Messagerie instantanée pour les demandes simples", "Service client", "Karim Benali", HELP,
     (40, 20, 20), 0.7, False, ("HEL-46",), "", DI, "",
     (("CES", -0.08), ("FCR", 0.5))),
)

# fmt: on

# --- the roadmap (contract v2): when each initiative may start, and which teams deliver it ----
# The v1 sample above is kept as it was (sample_data/cx_workspace_fr_v1.xlsx, for the
# regression tests); the bundled sample adds this roadmap to it.
TEAMS = ("Digital", "Service client", "Facturation", "Marketing", "RH et formation")
# person-days each team can give to projects per year, beside running the business (about
# 180 working days a person): the digital squad (3.5 people on projects in 2026, 5.5 from 2027
# when two developers join), the advisors seconded to projects (under 3 in 2026 while the
# call centre is short-staffed, then 4), the billing, marketing and training teams
CAPACITIES = {
    "Digital": (650, 1000, 1000),
    "Service client": (500, 700, 700),
    "Facturation": (200, 250, 250),
    "Marketing": (250, 300, 300),
    "RH et formation": (250, 300, 300),
}
# a few profiles end a year earlier in the roadmap sample (same total cost), so that these
# initiatives can start a year later
ROADMAP_PROFILES = {
    "HEL-21": (150, 200, 0),
    "HEL-31": (28, 0, 0),
    "HEL-38": (50, 40, 0),
    "HEL-39": (60, 30, 0),
    "HEL-47": (35, 30, 0),
}
# a third of the initiatives may start later, up to this period (their costs and efforts
# shift with them); the others start at their earliest start (the legal ones, the CRM…)
LATEST_STARTS = {
    "HEL-03": "2027",
    "HEL-08": "2027",
    "HEL-17": "2027",
    "HEL-18": "2027",
    "HEL-21": "2027",
    "HEL-23": "2027",
    "HEL-27": "2028",
    "HEL-28": "2027",
    "HEL-30": "2028",
    "HEL-31": "2028",
    "HEL-33": "2027",
    "HEL-37": "2027",
    "HEL-38": "2027",
    "HEL-39": "2027",
    "HEL-45": "2028",
    "HEL-47": "2027",
}
# the hold music is redone once the voice server is simplified; the billing videos film the
# new bill
STARTS_AFTER = {"HEL-30": ("HEL-37",), "HEL-31": ("HEL-08",)}
# which teams deliver each initiative, as shares of its work (default: its own team); the work
# is EFFORT_PER_KEUR person-days per k€ spent in the year
EFFORT_PER_KEUR = 1.0
DELIVERY = {
    "Conformité": {"Digital": 0.5, "Service client": 0.5},
    "Opérations terrain": {"Service client": 0.6, "Digital": 0.4},
    "Direction CX": {"Marketing": 1.0},
}
SHARES = {
    "HEL-01": {"Digital": 0.7, "Service client": 0.3},
    "HEL-02": {"Digital": 0.8, "Marketing": 0.2},
    "HEL-04": {"Service client": 0.8, "RH et formation": 0.2},
    "HEL-05": {"Service client": 0.6, "RH et formation": 0.4},
    "HEL-07": {"RH et formation": 0.6, "Service client": 0.4},
    "HEL-08": {"Facturation": 0.6, "Digital": 0.4},
    "HEL-09": {"Digital": 0.7, "Facturation": 0.3},
    "HEL-18": {"Digital": 0.8, "Marketing": 0.2},
    "HEL-39": {"Facturation": 0.5, "Digital": 0.5},
    "HEL-46": {"Service client": 0.6, "Digital": 0.4},
    "HEL-48": {"RH et formation": 0.5, "Service client": 0.5},
}

# Share of the asked cost that the budgets allow: the optimiser must choose.
BUDGET_SHARE_BY_YEAR = {"2026": 0.46, "2027": 0.48, "2028": 0.52}
BUDGET_SHARE_TOTAL = 0.45


def _initiatives(rows, roadmap: bool = False) -> tuple[tuple[Initiative, ...], tuple[Impact, ...]]:
    initiatives, impacts = [], []
    for iid, name, team, owner, phase, costs, conf, mandatory, deps, group, comp, desc, effects in rows:
        if roadmap:
            costs = ROADMAP_PROFILES.get(iid, costs)
        period_costs = {p: float(c * 1000) for p, c in zip(PERIODS, costs, strict=True)}
        initiatives.append(
            Initiative(
                initiative_id=iid,
                name=name,
                cost=sum(period_costs.values()),
                period_costs=period_costs,
                team=team,
                owner=owner,
                journey_phase=phase,
                confidence=conf,
                mandatory=mandatory,
                depends_on=deps,
                exclusive_group=group,
                competency=comp,
                description=desc,
                latest_start=LATEST_STARTS.get(iid) if roadmap else None,
                starts_after=STARTS_AFTER.get(iid, ()) if roadmap else (),
            )
        )
        for kpi_id, impact, *bounds in effects:
            low, high = bounds if bounds else (None, None)
            impacts.append(Impact(iid, kpi_id, impact, low, high))
    return tuple(initiatives), tuple(impacts)


def _round_budget(amount: float) -> float:
    return float(round(amount, -4))


def _efforts(initiatives: tuple[Initiative, ...]) -> tuple[Effort, ...]:
    efforts = []
    for initiative in initiatives:
        shares = (
            SHARES.get(initiative.initiative_id) or DELIVERY.get(initiative.team) or {initiative.team: 1.0}
        )
        for team, share in shares.items():
            for period in PERIODS:
                work = round(EFFORT_PER_KEUR * share * initiative.period_costs[period] / 1000)
                if work > 0:
                    efforts.append(Effort(initiative.initiative_id, team, period, float(work)))
    return tuple(efforts)


def sample_workspace() -> Workspace:
    """The bundled sample: the v1 workspace with its roadmap (teams, efforts, start windows)."""
    v1 = sample_workspace_v1()
    initiatives, _ = _initiatives(INITIATIVES, roadmap=True)
    capacities = tuple(
        Capacity(team, period, float(amount))
        for team, amounts in CAPACITIES.items()
        for period, amount in zip(PERIODS, amounts, strict=True)
    )
    return replace(v1, initiatives=initiatives, capacities=capacities, efforts=_efforts(initiatives))


def sample_workspace_v1() -> Workspace:
    """The sample as it was before the roadmap (sample_data/cx_workspace_fr_v1.xlsx)."""
    initiatives, impacts = _initiatives(INITIATIVES)
    budgets = [
        Budget(p, _round_budget(share * sum(i.period_costs[p] for i in initiatives)))
        for p, share in BUDGET_SHARE_BY_YEAR.items()
    ]
    budgets.append(Budget(TOTAL_PERIOD, _round_budget(BUDGET_SHARE_TOTAL * sum(i.cost for i in initiatives))))
    return Workspace(
        goals=GOALS,
        kpis=KPIS,
        links=LINKS,
        initiatives=initiatives,
        impacts=impacts,
        budgets=tuple(budgets),
        periods=PERIODS,
    )


def sample_backlog() -> TeamBacklog:
    initiatives, impacts = _initiatives(BACKLOG_INITIATIVES)
    return TeamBacklog(initiatives=initiatives, impacts=impacts, periods=PERIODS)


def main() -> int:
    WORKSPACE_PATH.parent.mkdir(exist_ok=True)
    workspace = sample_workspace()
    WORKSPACE_PATH.write_bytes(write_workspace(workspace, lang="fr"))
    BACKLOG_PATH.write_bytes(write_backlog(sample_backlog(), lang="fr"))
    asked = sum(i.cost for i in workspace.initiatives)
    total = workspace.budget_by_period[TOTAL_PERIOD]
    print(
        f"{WORKSPACE_PATH.relative_to(ROOT)}: {len(workspace.initiatives)} initiatives, "
        f"asked {asked:,.0f} €, budget {total:,.0f} € ({total / asked:.0%})"
    )
    print(f"{BACKLOG_PATH.relative_to(ROOT)}: {len(sample_backlog().initiatives)} initiatives")
    # the roadmap's story: at the same budgets, letting a third of the initiatives start later
    # funds more value than fixed starts
    from cxprior.domain import default_scenario
    from cxprior.portfolio import shifting_gain

    gain = shifting_gain(workspace, default_scenario(workspace))
    print(gain.message("en"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
