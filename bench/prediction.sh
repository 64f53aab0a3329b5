#!/usr/bin/env bash
# Issue-4 prediction benchmarks (docs/PERFORMANCE.md, "Prediction (issue 4)"): thyra against R on
# the same machine and the same data. Run on a quiet machine:
#   bench/prediction.sh                 n = 10^4 (validate, calibrate, B = 200), n = 10^5 (tdroc)
#   N_VALIDATE=2000 N_TDROC=2000 B=5 REPEATS=1 DATA=/tmp/pred bench/prediction.sh   (smoke run)
# Needs R with rms, riskRegression, prodlim and data.table, and GNU time (/usr/bin/time).
#   1. whole process: `thyra validate --bootstrap B --threads 2` without and with
#      `--horizon 36 --group-size m` (skipped when this build has no `validate` command), `thyra tdroc`, and Rscript bench/r/validate.R / bench/r/tdroc.R (which also print
#      R's system.time of the call alone on stderr);
#   2. in process: org.thyra.bench.PredictionCpuTime (BootstrapValidation.cox / coxCalibration on
#      both cores, TimeDependentAuc), wall and CPU per run after a warm-up, and their medians.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data=${DATA:-bench/data}
out=${OUT:-bench/out}
n_validate=${N_VALIDATE:-10000}
n_tdroc=${N_TDROC:-100000}
b=${B:-200}
repeats=${REPEATS:-3}
horizon=${HORIZON:-36}
group_size=${GROUP_SIZE:-$((n_validate / 10))}
times=${TIMES:-12,36,60}
threads=${THREADS:-2}
mkdir -p "$out"
vfile="$data/validate_$n_validate.csv"
tfile="$data/tdroc_$n_tdroc.csv"
[ -f "$vfile" ] && [ -f "$tfile" ] || Rscript bench/r/generate_prediction.R "$data" "$n_validate" "$n_tdroc"

nice_cmd=()
if [ "${BENCH_NICE:-1}" = 1 ] && [ "$(id -u)" = 0 ]; then nice_cmd=(nice -n -19); fi

measure() { # label, command...
  local label=$1; shift
  if ! "${nice_cmd[@]}" /usr/bin/time -f "%e %U %S %M" -o "$out/$label.time" "$@" > "$out/$label.stdout" 2> "$out/$label.stderr"; then
    printf '%-34s FAILED (exit status; see %s)\n' "$label" "$out/$label.stderr"
    return 0
  fi
  read -r wall user sys rss < "$out/$label.time"
  local inner; inner=$(grep -o '[a-z]*_seconds=[0-9.]* [a-z]*_cpu_seconds=[0-9.]*' "$out/$label.stderr" | tr '\n' ' ' || true)
  printf '%-34s wall %7.2f s   cpu %7.2f s   peak RSS %6d MB   %s\n' "$label" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')" $((rss / 1024)) "${inner:+R: ${inner}}"
}

./thyra --version > /dev/null   # build outside the measurement
formula="Surv(time, status) ~ x1 + x2 + x3 + x4 + f1 + f2"
have_validate=0
if ./thyra --help | grep -qE '^  validate +'; then have_validate=1; else
  echo "thyra validate: not in this build, whole-process validate runs skipped"
fi
for i in $(seq 1 "$repeats"); do
  if [ "$have_validate" = 1 ]; then
    # VALIDATE_ARGS: extra options, should the command's interface change
    # shellcheck disable=SC2086
    measure "thyra-validate-n$n_validate-B$b-run$i" ./thyra validate --data "$vfile" --formula "$formula" \
      --bootstrap "$b" --seed 20261122 --threads "$threads" ${VALIDATE_ARGS:-}
    # shellcheck disable=SC2086
    measure "thyra-validate-calib-n$n_validate-B$b-run$i" ./thyra validate --data "$vfile" --formula "$formula" \
      --bootstrap "$b" --seed 20261122 --threads "$threads" --horizon "$horizon" --group-size "$group_size" \
      ${VALIDATE_ARGS:-}
  fi
  measure "R-validate-n$n_validate-B$b-run$i" Rscript bench/r/validate.R "$vfile" "$b" validate "$horizon" "$group_size"
  measure "R-calibrate-n$n_validate-B$b-run$i" Rscript bench/r/validate.R "$vfile" "$b" calibrate "$horizon" "$group_size"
  measure "thyra-tdroc-n$n_tdroc-run$i" ./thyra tdroc --data "$tfile" --time time --event status --marker risk --at "$times"
  measure "R-tdroc-n$n_tdroc-run$i" Rscript bench/r/tdroc.R "$tfile" "$times"
done

# In-process timings after warm-up (both cores for the bootstrap).
mvn -q -B -Dstyle.color=never -DskipTests -pl thyra-bench -am package > "$out/bench-build.log" 2>&1
jar=thyra-bench/target/benchmarks.jar
"${nice_cmd[@]}" java -cp "$jar" org.thyra.bench.PredictionCpuTime validate "$vfile" "$repeats" "$b" "$threads" \
  | tee "$out/prediction-validate.txt"
"${nice_cmd[@]}" java -cp "$jar" org.thyra.bench.PredictionCpuTime calibrate "$vfile" "$repeats" "$b" "$threads" \
  "$horizon" "$group_size" | tee "$out/prediction-calibrate.txt"
"${nice_cmd[@]}" java -cp "$jar" org.thyra.bench.PredictionCpuTime tdroc "$tfile" "$((repeats * 3))" "$times" \
  | tee "$out/prediction-tdroc.txt"
