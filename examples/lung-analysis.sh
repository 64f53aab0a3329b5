#!/usr/bin/env bash
# The example analysis (the main job until `thyra demo` exists): the NCCTG advanced lung cancer
# data (R survival::lung, examples/data/lung.csv), analysed as the seed studies analyse theirs:
# Kaplan–Meier rates with CIs, a log-rank comparison with pairwise hazard ratios, and a
# multivariable Cox model with its proportional-hazards check; then a prediction model built as seed
# 004 builds one (nomogram, seeded 70/30 split with bootstrap validation, calibration and risk
# groups, time-dependent ROC). Results go to standard output and, as JSON and SVG, to examples/out/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
data=examples/data/lung.csv
out=examples/out
mkdir -p "$out"

echo "== Overall survival by sex: Kaplan-Meier, survival at 6, 12 and 24 months"
./thyra km --data "$data" --time time --event status --group sex --at 182.625,365.25,730.5
./thyra km --data "$data" --time time --event status --group sex --at 182.625,365.25,730.5 \
  --format json --out "$out/km_by_sex.json"

echo
echo "== Log-rank test by ECOG performance status, pairwise with Holm adjustment"
./thyra logrank --data "$data" --time time --event status --group ph.ecog --pairwise holm
./thyra logrank --data "$data" --time time --event status --group ph.ecog --pairwise holm \
  --format json --out "$out/logrank_by_ecog.json"

echo
echo "== Multivariable Cox model (Efron ties) with the proportional-hazards test"
formula="Surv(time, status) ~ age + factor(sex) + ph.ecog + wt.loss"
./thyra cox --data "$data" --formula "$formula"
./thyra cox --data "$data" --formula "$formula" --format json --out "$out/cox.json"

echo
echo "== Prediction model (as seed 004): nomogram for 6- and 12-month survival, drawn as SVG"
model="Surv(time, status) ~ age + factor(sex) + ph.ecog"
./thyra nomogram --data "$data" --formula "$model" --horizons 182.625,365.25 --svg "$out/nomogram.svg"
./thyra nomogram --data "$data" --formula "$model" --horizons 182.625,365.25 --format json --out "$out/nomogram.json"

echo
echo "== Seeded 70/30 split: bootstrap validation (B = 200) in the development part, C-index in both"
echo "   parts, calibration at 12 months, risk groups by nomogram points (maximally selected log-rank)"
./thyra validate --data "$data" --formula "$model" --split 0.7 --seed 2026 --bootstrap 200 \
  --horizon 365.25 --group-size 30 --risk-groups points
./thyra validate --data "$data" --formula "$model" --split 0.7 --seed 2026 --bootstrap 200 \
  --horizon 365.25 --group-size 30 --risk-groups points --format json --out "$out/validate.json"

echo
echo "== Time-dependent ROC of the model's linear predictor at 6 and 12 months (IPCW, marginal weights)"
./thyra tdroc --data "$data" --formula "$model" --at 182.625,365.25
./thyra tdroc --data "$data" --formula "$model" --at 182.625,365.25 --format json --out "$out/tdroc.json"

echo
echo "Results (JSON, SVG) written to $out/"
