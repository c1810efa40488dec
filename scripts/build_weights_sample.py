"""Build the bundled sample of COMEX members' weights from the data below.

    .venv/bin/python scripts/build_weights_sample.py

writes sample_data/comex_ponderations_fr.xlsx: the Weights [Pondérations] sheet of five
members of Hélios Énergie's executive committee, each weighing the sample workspace's five
goals (sample_data/cx_workspace_fr.xlsx) in points, as they would on a card in a meeting. The
.xlsx is committed; tests check it still equals this data, so edit here and rebuild.

The members disagree the way a COMEX does: the managing director holds the agreed weights
(35 / 25 / 15 / 15 / 10), the CFO puts cost to serve first, the customer director loyalty
and trust, the HR director the advisors' engagement, the CSR director the move to green
offers. Against the sample's budgets about twenty initiatives are funded whatever the
member, about ten depend on whose weights are used, and the rest are never funded.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cxprior.workbook import write_member_weights

WEIGHTS_PATH = ROOT / "sample_data" / "comex_ponderations_fr.xlsx"

GOALS = ("OBJ-FID", "OBJ-COUT", "OBJ-VERT", "OBJ-ENG", "OBJ-CONF")

# fmt: off
# member: points per goal, in the order of GOALS (normalised per member by the reader)
MEMBERS: dict[str, tuple[float, ...]] = {
    "Claire Fontaine (directrice générale)":     (35, 25, 15, 15, 10),
    "Marc Duval (directeur financier)":          (25, 40, 10, 15, 10),
    "Sophie Lambert (directrice clients)":       (45, 15, 10, 15, 15),
    "Karim Haddad (DRH)":                        (30, 20, 10, 30, 10),
    "Élise Moreau (directrice RSE)":             (30, 20, 30, 10, 10),
}
# fmt: on


def sample_weights() -> dict[str, dict[str, float]]:
    return {member: dict(zip(GOALS, map(float, points), strict=True)) for member, points in MEMBERS.items()}


def main() -> int:
    WEIGHTS_PATH.parent.mkdir(exist_ok=True)
    WEIGHTS_PATH.write_bytes(write_member_weights(sample_weights(), lang="fr"))
    print(f"{WEIGHTS_PATH.relative_to(ROOT)}: {len(MEMBERS)} members × {len(GOALS)} goals")
    return 0


if __name__ == "__main__":
    sys.exit(main())
