# Golden of `thyra logrank --weights W --strata S` (WeightedCliGoldenTest), written beside the
# goldens of weighted_cli_goldens.R, on its veteran_iptw.csv. Run from the repository root:
#
#   Rscript thyra-app/src/test/r/weighted_strata_golden.R
#
# The stratified weighted log-rank test R users run: the robust score test of
# coxph(Surv ~ factor(trt) + strata(prior), weights = iptw, robust = TRUE) (fit$rscore), with the
# model-based score test beside it; observed and expected are weighted event counts summed over the
# strata, each stratum with its own risk sets (as survdiff(... + strata()) on weighted counts).
suppressMessages({library(survival); library(jsonlite)})
out <- "thyra-app/src/test/resources/golden/weighted"
vw <- read.csv(file.path(out, "data", "veteran_iptw.csv"))
lr <- coxph(Surv(time, status) ~ factor(trt) + strata(prior), data = vw, weights = iptw,
            robust = TRUE)
obs <- tapply(vw$iptw * vw$status, vw$trt, sum)
e <- c(0, 0)
for (s in unique(vw$prior)) {
  d <- vw[vw$prior == s, ]
  for (t in sort(unique(d$time[d$status == 1]))) {
    r <- d$time >= t
    dd <- sum(d$iptw[d$time == t & d$status == 1])
    nr <- tapply(d$iptw * r, factor(d$trt, levels = c(1, 2)), sum)
    nr[is.na(nr)] <- 0
    e <- e + dd * nr / sum(d$iptw[r])
  }
}
write_json(
  list(name = "logrank_weighted_veteran_strata",
       args = list("logrank", "--data", "{data}/veteran_iptw.csv", "--time", "time", "--event",
                   "status", "--group", "trt", "--strata", "prior", "--weights", "iptw"),
       expected = list(n = nrow(vw), statistic = as.numeric(lr$rscore), df = 1,
                       p = pchisq(as.numeric(lr$rscore), 1, lower.tail = FALSE),
                       score_test_naive = list(statistic = as.numeric(lr$score)),
                       groups = list(list(n = sum(vw$trt == 1), observed = unname(obs[1]),
                                          expected = unname(e[1])),
                                     list(n = sum(vw$trt == 2), observed = unname(obs[2]),
                                          expected = unname(e[2]))))),
  file.path(out, "logrank_weighted_veteran_strata.json"),
  auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE)
