# Reference timing for issue 4 item 8: time-dependent AUC on n = 10^5.
#   Rscript bench/r/tdroc.R FILE [TIMES=12,36,60]
# riskRegression::Score(list(risk), Hist(time, status) ~ 1, metrics = "auc", cens.model = "marginal",
# se.fit = TRUE) on FILE (bench/r/generate_prediction.R; marker column `risk`, higher = higher risk).
# Prints the AUC table, then on stderr "score_seconds=<elapsed> score_cpu_seconds=<user+sys>".
suppressMessages({library(data.table); library(survival); library(riskRegression); library(prodlim)})
args <- commandArgs(trailingOnly = TRUE)
d <- as.data.frame(fread(args[1]))
times <- if (length(args) > 1) as.numeric(strsplit(args[2], ",")[[1]]) else c(12, 36, 60)
tm <- system.time(sc <- Score(list(risk = d$risk), formula = Hist(time, status) ~ 1, data = d,
                              metrics = "auc", cens.model = "marginal", times = times, se.fit = TRUE,
                              null.model = FALSE))
print(sc$AUC$score)
cat("\n")
cat(sprintf("score_seconds=%.3f score_cpu_seconds=%.3f\n", tm[["elapsed"]], tm[["user.self"]] + tm[["sys.self"]]),
    file = stderr())
