# Whole-process reference: read with data.table::fread, fit coxph (Efron), print the summary.
# Prints the fit-only elapsed and CPU time (system.time of coxph) on stderr.
suppressMessages({library(data.table); library(survival)})
d <- fread(commandArgs(trailingOnly = TRUE)[1])
tm <- system.time(fit <- coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + b1 + b2 + b3,
                               data = d, ties = "efron"))
print(summary(fit))
cat(sprintf("fit_seconds=%.3f fit_cpu_seconds=%.3f\n", tm[["elapsed"]], tm[["user.self"]] + tm[["sys.self"]]), file = stderr())
