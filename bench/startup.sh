#!/usr/bin/env bash
# Start-up and the issue-16 speed case (docs/PERFORMANCE.md "Start-up and Cox at n = 2*10^5"):
#   bench/startup.sh [runs]
# Whole-process wall and CPU time (GNU time) of `./thyra --version`, a 228-row `thyra cox` (lung),
# and `thyra cox` (Efron) vs `Rscript bench/r/cox.R` (data.table::fread + coxph + summary) on
# bench/data/cox_2e5.csv (made once by bench/r/generate_cox_2e5.R). Prints the load average before
# each block: the machine is shared, so state it with the numbers.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=${1:-5}
data=bench/data
[ -f "$data/cox_2e5.csv" ] || Rscript bench/r/generate_cox_2e5.R "$data"
./thyra --version > /dev/null   # build (and the CDS archive) outside the measurement

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o /tmp/thyra-bench.time "$@" > /dev/null 2> /tmp/thyra-bench.err
  read -r wall user sys rss < /tmp/thyra-bench.time
  printf '%-22s wall %6.2f s   cpu %6.2f s   peak RSS %5d MB\n' "$label" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u + s}')" $((rss / 1024))
}

echo "load: $(uptime)"
for i in $(seq "$runs"); do measure "thyra --version" ./thyra --version; done
for i in $(seq "$runs"); do
  measure "thyra cox lung (228)" ./thyra cox --data examples/data/lung.csv \
    --formula "Surv(time, status) ~ age + factor(sex) + ph.ecog"
done
echo "load: $(uptime)"
f="Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + b1 + b2 + b3"
for i in $(seq "$runs"); do
  measure "thyra cox 2e5" ./thyra cox --data "$data/cox_2e5.csv" --formula "$f" --ties efron
  measure "R fread+coxph 2e5" Rscript bench/r/cox.R "$data/cox_2e5.csv"
done
echo "load: $(uptime)"
