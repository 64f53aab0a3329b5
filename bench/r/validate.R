# Reference timing for issue 4 item 8: rms::validate and rms::calibrate of a Cox model.
#   Rscript bench/r/validate.R FILE [B=200] [what=validate|calibrate|both] [u=36] [m=1000]
# Fits cph(Surv(time, status) ~ x1 + x2 + x3 + x4 + f1 + f2, x = TRUE, y = TRUE, surv = TRUE) on
# FILE (bench/r/generate_prediction.R) and times, separately,
#   validate(fit, B = B)                                  (optimism bootstrap of Dxy, slope ...)
#   calibrate(fit, cmethod = "KM", u = u, m = m, B = B)   (KM calibration at u months)
# with a fixed seed. R is single-threaded here. Prints the results, then on stderr one line per
# call: "<what>_seconds=<elapsed> <what>_cpu_seconds=<user+sys>".
suppressMessages({library(data.table); library(rms)})
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]
B <- if (length(args) > 1) as.integer(args[2]) else 200L
what <- if (length(args) > 2) args[3] else "both"
u <- if (length(args) > 3) as.numeric(args[4]) else 36
m <- if (length(args) > 4) as.integer(args[5]) else 1000L
d <- as.data.frame(fread(file))
d$f1 <- factor(d$f1); d$f2 <- factor(d$f2)
dd <- datadist(d); options(datadist = "dd")
report <- function(label, tm) {
  cat(sprintf("%s_seconds=%.3f %s_cpu_seconds=%.3f\n", label, tm[["elapsed"]], label,
              tm[["user.self"]] + tm[["sys.self"]]), file = stderr())
}
tm <- system.time(fit <- cph(Surv(time, status) ~ x1 + x2 + x3 + x4 + f1 + f2, data = d,
                             x = TRUE, y = TRUE, surv = TRUE, time.inc = u))
report("fit", tm)
if (what %in% c("validate", "both")) {
  set.seed(20261122)
  tm <- system.time(v <- validate(fit, B = B))
  print(v)
  report("validate", tm)
}
if (what %in% c("calibrate", "both")) {
  set.seed(20261122)
  tm <- system.time(cal <- calibrate(fit, cmethod = "KM", u = u, m = m, B = B))
  print(cal)
  report("calibrate", tm)
}
