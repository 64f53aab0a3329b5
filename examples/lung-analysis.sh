#!/usr/bin/env bash
# The example analysis (the main job until `thyra demo` exists): the NCCTG advanced lung cancer
# data (R survival::lung, examples/data/lung.csv), analysed as the seed studies analyse theirs:
# Kaplan–Meier rates with CIs, a log-rank comparison with pairwise hazard ratios, and a
# multivariable Cox model with its proportional-hazards check. Results go to standard output and,
# as JSON, to examples/out/.
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
echo "JSON results written to $out/"
