#!/usr/bin/env bash
# Makes the calculator's goldens for nomograms with rcs() splines and numeric x factor interactions
# (src/test/resources/golden/nomogram/lung-*.json): two Cox models of examples/data/lung.csv written
# by `thyra nomogram --format json`, and for each patient file the `thyra nomogram --predict`
# output, which the calculator must reproduce from the model file alone (NomogramCalculatorTest).
# `thyra nomogram --predict` itself agrees with rms / survfit on these designs (thyra-app's
# NomogramCliGoldenTest: lung_cox_rcs_by_sex, lung_cox_age_by_sex). Run from the repository root:
#   bash thyra-web/src/test/models/make-spline-interaction-models.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
cd "$root"
golden=thyra-web/src/test/resources/golden/nomogram
data=examples/data/lung.csv
# an rcs(age, 4) by sex interaction (one spline axis per sex) and a factor
rcs='Surv(time, status) ~ rcs(age, 4) + factor(sex) + factor(ph.ecog) + rcs(age, 4):factor(sex)'
# a linear age by sex interaction and an rcs(ph.karno, 3) spline (non-monotone axis)
lin='Surv(time, status) ~ age + factor(sex) + rcs(ph.karno, 3) + age:factor(sex)'
nomogram() { ./thyra nomogram --data "$data" --horizons 180,365 --format json "$@"; }
nomogram --formula "$rcs" --out "$golden/lung-rcs-by-sex.json"
nomogram --formula "$lin" --out "$golden/lung-age-by-sex-karno.json"
for p in "$golden"/lung-rcs-by-sex-patient-[0-9].json; do
  nomogram --formula "$rcs" --predict "$p" --out "${p%.json}.expected.json"
done
for p in "$golden"/lung-age-by-sex-karno-patient-[0-9].json; do
  nomogram --formula "$lin" --predict "$p" --out "${p%.json}.expected.json"
done
