#!/usr/bin/env bash
# Redraws docs/figures/*.png, one figure of every kind, from the example data in examples/ with
# ./thyra (so the gallery shows exactly what the command line draws). Run from anywhere:
#   docs/figures/make-gallery.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/docs/figures"
d="$root/examples/data"
f="$root/examples/figures"
t() { "$root/thyra" "$@" > /dev/null; }
opts=(--dpi 150)

t km --data "$d/lung.csv" --time time --event status --group sex --time-unit days \
  --x-breaks 0,200,400,600,800,1000 --conf-band --median-lines --figure "$out/km.png" "${opts[@]}"
t logrank --data "$d/veteran.csv" --time time --event status --group celltype --time-unit days \
  --x-breaks 0,100,200,300,400,500,600 --kmunicate --figure "$out/km-kmunicate-pairwise.png" \
  --figure-size 170x160 "${opts[@]}"
# IPTW-weighted curves: weights from thyra weight, written to a temporary file (not an input's place)
w="$(mktemp -d)"; trap 'rm -rf "$w"' EXIT
t weight --data "$d/veteran.csv" --treatment trt --covariates age,karno,celltype,prior \
  --out-weighted "$w/vet_iptw.csv"
t logrank --data "$w/vet_iptw.csv" --time time --event status --group trt --weights iptw --time-unit days \
  --x-breaks 0,100,200,300,400,500,600 --conf-band --figure "$out/km-weighted.png" "${opts[@]}"
t km --data "$d/colon.csv" --time time --event status --group rx --time-unit days --fun event \
  --x-breaks 0,365,730,1095,1460,1825,2190,2555,2920,3285 --style nejm --figure "$out/km-event-nejm.png" "${opts[@]}"
t cox --data "$d/lung.csv" --formula "Surv(time, status) ~ age + factor(sex) + factor(ph.ecog) + wt.loss" \
  --figure "$out/forest-cox.png" "${opts[@]}"
t cox --data "$d/lung.csv" --formula "Surv(time, status) ~ age + factor(sex) + factor(ph.ecog) + wt.loss" \
  --impute 5 --seed 2 --figure "$out/forest-cox-imputed.png" "${opts[@]}"
t screen --model cox --data "$d/lung.csv" \
  --formula "Surv(time, status) ~ age + factor(sex) + factor(ph.ecog) + wt.loss + ph.karno" \
  --figure "$out/forest-screen.png" "${opts[@]}"
t logistic --data "$d/pbc.csv" --formula "ascites ~ age + bili + albumin + factor(edema)" \
  --figure "$out/forest-logistic.png" --style lancet "${opts[@]}"
t roc --data "$d/pbc.csv" --outcome ascites --marker bili --compare albumin --figure "$out/roc.png" "${opts[@]}"
t tdroc --data "$d/lung.csv" --time time --event status --marker ph.karno --at 180,365,540,730 \
  --time-unit days --figure "$out/tdroc.png" "${opts[@]}"
t validate --data "$d/lung.csv" --formula "Surv(time, status) ~ age + factor(sex) + ph.ecog" \
  --bootstrap 40 --seed 1 --horizon 365,730 --time-unit days --risk-groups lp \
  --figure "$out/calibration.png" --figure-size 250x95 "${opts[@]}"
t cutpoint --data "$d/lung.csv" --time time --event status --variable ph.karno --time-unit days \
  --figure "$out/cutpoint.png" --style grey "${opts[@]}"
t nomogram --data "$d/lung.csv" --formula "Surv(time, status) ~ age + factor(sex) + ph.ecog" \
  --horizons 365,730 --time-unit days --figure "$out/nomogram.png" "${opts[@]}"
t paired --data "$f/rai_response.csv" --before first_response --after last_response \
  --figure "$out/sankey.png" "${opts[@]}"
t plot volume --data "$f/lesion_volumes.csv" --id lesion --time visit_month --volume volume_ml \
  --group location --time-unit months --figure "$out/volume-vrr.png" "${opts[@]}"
t plot box --data "$d/pbc.csv" --variable bili --group ascites --log --figure "$out/box.png" "${opts[@]}"
t plot bars --data "$d/pbc.csv" --outcome ascites,hepato,spiders --by stage \
  --figure "$out/bars.png" "${opts[@]}"
t plot flow --data "$f/selection_steps.csv" --figure "$out/flow.png" "${opts[@]}"
echo "gallery written to $out"
