"""Build the bundled survey sample, sample_data/enquete_fr.csv, from a seeded model.

    .venv/bin/python scripts/build_survey_sample.py [--out sample_data/enquete_fr.csv] [--seed 2026]

About 800 synthetic respondents of Hélios Énergie (the company of the sample workspace), as a
French Excel would export them: UTF-8 with a byte-order mark, `;` between cells. Columns:
`répondant` (an id), `segment` (particuliers / professionnels), `recommandation` (likelihood
to recommend, 0–10), then the satisfaction (1–10) with each of the six journey phases,
named exactly like the phases of sample_data/cx_workspace_fr.xlsx, in journey order.

How the answers are made (so that the analysis has a story to find):
- each respondent has a general mood g ~ N(0, 1); the satisfaction with each phase is
  its mean + its loading × g + its own noise, rounded and kept within 1–10: the phases
  correlate (0.3–0.5), as real survey answers do;
- the recommendation is a weighted sum of the phase satisfactions plus noise, rounded and
  kept within 0–10. "Obtenir de l'aide" (getting help) weighs most and is also the phase
  customers rate lowest, so it is both the most significant phase (about 80 % of the
  explained variance) and a weak point; for professionals, "Consommer et payer" (billing)
  comes second. The sample portfolio spends far more on billing than its weight, so the
  alignment view has something to say;
- seven cells are left empty and one says "NSP" (ne sait pas): those respondents are left
  out of the analysis and counted.
The file is committed; tests check this script still writes it byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cxprior.analysis import phase_order
from cxprior.workbook import read_workbook

WORKSPACE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
OUT = ROOT / "sample_data" / "enquete_fr.csv"
RESPONDENTS = 800
PROFESSIONALS = 0.25
SEED = 2026

# per phase, in journey order (Découvrir, Souscrire, Emménager, Consommer et payer, Obtenir de
# l'aide, Renouveler ou déménager): mean satisfaction, loading on the mood, own noise, and the
# weight in the recommendation for households and for professionals
MEANS = (7.6, 7.2, 6.9, 6.6, 5.4, 6.8)
LOADINGS = (0.9, 1.0, 1.0, 1.1, 1.3, 1.0)
NOISE = (1.5, 1.5, 1.6, 1.6, 1.8, 1.6)
# getting help carries about 80 % of the explained variance (households 81 %, professionals
# 65 %), while the sample portfolio funds billing well beyond its weight: the alignment's story
WEIGHTS_HOUSEHOLDS = (0.02, 0.04, 0.04, 0.06, 0.90, 0.04)
WEIGHTS_PROFESSIONALS = (0.02, 0.04, 0.04, 0.30, 0.70, 0.04)
OUTCOME_NOISE = 1.3
OUTCOME_SHIFT = -0.9
EMPTY_CELLS = 7


def phases() -> tuple[str, ...]:
    """The six journey phases of the sample workspace, in journey order."""
    found = phase_order(read_workbook(WORKSPACE).workspace)
    if len(found) != len(MEANS):
        raise SystemExit(f"expected {len(MEANS)} journey phases in {WORKSPACE.name}, found {found}")
    return found


def answers(seed: int = SEED, respondents: int = RESPONDENTS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(segment is professional, recommendation, satisfaction per phase), seeded."""
    rng = np.random.default_rng(seed)
    professional = rng.random(respondents) < PROFESSIONALS
    mood = rng.normal(size=(respondents, 1))
    latent = np.array(MEANS) + mood * np.array(LOADINGS) + rng.normal(size=(respondents, 6)) * np.array(NOISE)
    satisfaction = np.clip(np.rint(latent), 1, 10)
    weights = np.where(professional[:, None], WEIGHTS_PROFESSIONALS, WEIGHTS_HOUSEHOLDS)
    centred = satisfaction - np.array(MEANS)
    score = (
        7.0 + OUTCOME_SHIFT + (centred * weights).sum(axis=1) + rng.normal(size=respondents) * OUTCOME_NOISE
    )
    recommendation = np.clip(np.rint(score), 0, 10)
    return professional, recommendation, satisfaction


def survey_text(seed: int = SEED) -> str:
    names = phases()
    professional, recommendation, satisfaction = answers(seed)
    rng = np.random.default_rng(seed + 1)
    cells = [[f"{int(v)}" for v in row] for row in satisfaction]
    outcome = [f"{int(v)}" for v in recommendation]
    blanks = rng.choice(RESPONDENTS, size=EMPTY_CELLS + 1, replace=False)
    for k, row in enumerate(blanks):
        column = int(rng.integers(0, 7))
        marker = "NSP" if k == EMPTY_CELLS else ""
        if column == 6:
            outcome[row] = marker
        else:
            cells[row][column] = marker
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["répondant", "segment", "recommandation", *names])
    for k in range(RESPONDENTS):
        segment = "professionnels" if professional[k] else "particuliers"
        writer.writerow([f"R{k + 1:04d}", segment, outcome[k], *cells[k]])
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    # Excel's "CSV UTF-8": a byte-order mark, so that Excel shows the accents right
    args.out.write_bytes("\ufeff".encode() + survey_text(args.seed).encode("utf-8"))
    print(f"wrote {args.out} ({RESPONDENTS} respondents)")


if __name__ == "__main__":
    main()
