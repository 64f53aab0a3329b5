# Whole-process reference: fread, survfit by group, survdiff by group, print both.
# Prints the fit-only elapsed and CPU time (survfit + survdiff) on stderr.
suppressMessages({library(data.table); library(survival)})
d <- fread(commandArgs(trailingOnly = TRUE)[1])
tm <- system.time({
  km <- survfit(Surv(time, status) ~ group, data = d)
  lr <- survdiff(Surv(time, status) ~ group, data = d)
})
print(km)
print(summary(km, times = c(365, 1095, 1825)))
print(lr)
cat(sprintf("fit_seconds=%.3f fit_cpu_seconds=%.3f\n", tm[["elapsed"]], tm[["user.self"]] + tm[["sys.self"]]), file = stderr())
