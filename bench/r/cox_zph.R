# The same output as `thyra cox`: coxph (Efron) with its summary (concordance, tests) and the
# proportional-hazards test cox.zph(transform = "km", terms = TRUE), read with data.table::fread.
# Prints the fit-only elapsed and CPU time (coxph + cox.zph) on stderr.
suppressMessages({library(data.table); library(survival)})
d <- fread(commandArgs(trailingOnly = TRUE)[1])
tm <- system.time({
  fit <- coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + b1 + b2 + b3,
               data = d, ties = "efron")
  zph <- cox.zph(fit, transform = "km", terms = TRUE)
})
print(summary(fit))
print(zph)
cat(sprintf("fit_seconds=%.3f fit_cpu_seconds=%.3f\n", tm[["elapsed"]], tm[["user.self"]] + tm[["sys.self"]]), file = stderr())
