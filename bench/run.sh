#!/usr/bin/env bash
# Benchmarks thyra against R on the same machine and the same data (docs/PERFORMANCE.md).
#   bench/run.sh            whole-process runs (thyra and Rscript) with wall time and peak RSS,
#                           then the JMH fit-only benchmarks.
# Needs R with survival and data.table (apt-get install r-base-core r-cran-survival
# r-cran-data.table) and GNU time (/usr/bin/time). Data is generated once into bench/data/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data=bench/data
out=bench/out
mkdir -p "$out"
[ -f "$data/cox_1e6.csv" ] && [ -f "$data/km_1e7.csv" ] || Rscript bench/r/generate.R "$data"

# On a shared machine run both sides at the highest priority (as root), so that other work
# disturbs neither: BENCH_NICE=0 turns this off.
nice_cmd=()
if [ "${BENCH_NICE:-1}" = 1 ] && [ "$(id -u)" = 0 ]; then nice_cmd=(nice -n -19); fi

measure() { # label, command...
  local label=$1; shift
  "${nice_cmd[@]}" /usr/bin/time -f "%e %U %S %M" -o "$out/$label.time" "$@" > "$out/$label.stdout" 2> "$out/$label.stderr"
  read -r wall user sys rss < "$out/$label.time"
  local fit; fit=$(grep -o 'fit_seconds=[0-9.]* fit_cpu_seconds=[0-9.]*' "$out/$label.stderr" || true)
  printf '%-28s wall %7.2f s   cpu %7.2f s   peak RSS %6d MB   %s\n' "$label" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')" $((rss / 1024)) "${fit:+R ${fit}}"
}

./thyra --version > /dev/null   # build outside the measurement
cox_formula="Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + b1 + b2 + b3"
for i in 1 2 3; do
  measure "thyra-cox-1e6-run$i" ./thyra cox --data "$data/cox_1e6.csv" --formula "$cox_formula" --ties efron
  measure "R-cox-1e6-run$i" Rscript bench/r/cox.R "$data/cox_1e6.csv"
  measure "R-cox-zph-1e6-run$i" Rscript bench/r/cox_zph.R "$data/cox_1e6.csv"
  THYRA_JAVA_OPTS="-Xmx2g" measure "thyra-km-1e7-run$i" ./thyra km --data "$data/km_1e7.csv" --time time --event status --group group --at 365,1095,1825
  THYRA_JAVA_OPTS="-Xmx2g" measure "thyra-logrank-1e7-run$i" ./thyra logrank --data "$data/km_1e7.csv" --time time --event status --group group
  measure "R-km-logrank-1e7-run$i" Rscript bench/r/km.R "$data/km_1e7.csv"
done

# Fit-only timings in the JVM: wall and CPU time of repeated fits after warm-up, then JMH.
mvn -q -B -Dstyle.color=never -DskipTests -pl thyra-bench -am package > "$out/bench-build.log" 2>&1
"${nice_cmd[@]}" java -Xmx4g -cp thyra-bench/target/benchmarks.jar org.thyra.bench.FitCpuTime cox 8 | tee "$out/fit-cox.txt"
"${nice_cmd[@]}" java -Xmx2g -cp thyra-bench/target/benchmarks.jar org.thyra.bench.FitCpuTime km 6 | tee "$out/fit-km.txt"
"${nice_cmd[@]}" java -jar thyra-bench/target/benchmarks.jar -rf json -rff "$out/jmh.json" "$@" | tee "$out/jmh.txt"
