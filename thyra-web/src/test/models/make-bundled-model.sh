#!/usr/bin/env bash
# Makes the web calculator's bundled model (src/main/resources/org/thyra/web/models/seed004-os.json)
# and the calculator's goldens (src/test/resources/golden/nomogram/): seed 004's OS nomogram
# (bundled study 'nomogram', analysis nomogram_os) fitted by `thyra nomogram` on the training set of
# the bundled study's synthetic cohort, selected by thyra-studies exactly as the study runner does
# (StudyTrainingSet). The goldens are `thyra nomogram --predict` outputs, which the web calculator
# must reproduce from the model file alone. Run from the repository root:
#   bash thyra-web/src/test/models/make-bundled-model.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./thyra synth --design nomogram --seed 2024 --out "$work/synth.csv"
mvn -B -q -pl thyra-web -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/model-classpath.txt
( cd thyra-web && java -cp "target/classes:target/test-classes:$(cat target/model-classpath.txt)" \
    org.thyra.web.nomogram.StudyTrainingSet "$work/synth.csv" "$work/training.csv" )
os='Surv(os_months, death) ~ sex + age_group + site + activity_mci + uptake + nodule_cm + stg_group'
refs=(--ref sex=female --ref 'age_group=<55' --ref site=lung --ref 'uptake=primary non-uptake' --ref 'stg_group=<500')
golden=thyra-web/src/test/resources/golden/nomogram
mkdir -p "$golden"
./thyra nomogram --data "$work/training.csv" --formula "$os" --horizons 36,60,120 "${refs[@]}" \
  --format json --out thyra-web/src/main/resources/org/thyra/web/models/seed004-os.json
for p in "$golden"/patient-[0-9].json; do
  name="$(basename "$p" .json)"
  ./thyra nomogram --data "$work/training.csv" --formula "$os" --horizons 36,60,120 "${refs[@]}" \
    --format json --predict "$p" --out "$golden/seed004-os-$name.expected.json"
done
# a logistic model (death by 5 years is not what it predicts: it is the model family under test)
lr='death ~ sex + age_group + activity_mci + nodule_cm'
./thyra nomogram --data "$work/training.csv" --formula "$lr" --ref sex=female --ref 'age_group=<55' \
  --format json --out "$golden/logistic.json"
./thyra nomogram --data "$work/training.csv" --formula "$lr" --ref sex=female --ref 'age_group=<55' \
  --format json --predict "$golden/logistic-patient.json" --out "$golden/logistic-patient.expected.json"
