# Goldens of `thyra logrank --weights W --pairwise ADJ` (WeightedCliGoldenTest), written beside the
# goldens of weighted_cli_goldens.R and read from its data files. Run from the repository root:
#
#   Rscript thyra-app/src/test/r/weighted_pairwise_golden.R
#
# R 4.2, survival 3.5. R's survdiff takes no weights, and survminer's pairwise_survdiff calls
# survdiff; the weighted test R users run on each pair is the one of the overall weighted log-rank:
# the robust score test of coxph(Surv ~ factor(G) [+ strata(S)], weights = W, robust = TRUE) (its
# fit$rscore, Efron ties, one cluster per row) on the rows of the pair, then p.adjust over the
# pairs. The hazard ratio of the second group relative to the first is that model's exp(coef) with
# the robust Wald interval (summary(fit)$conf.int). A pair without events has no test (coxph's
# coefficient is NA, rscore NULL): NA, left out of p.adjust's family (p.adjust's default n counts
# the non-NA p-values only).
suppressMessages({library(survival); library(jsonlite)})
out <- "thyra-app/src/test/resources/golden/weighted"
datadir <- file.path(out, "data")
save_case <- function(name, args, expected)
  write_json(list(name = name, args = args, expected = expected), file.path(out, paste0(name, ".json")),
             auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE)

# weighted observed and expected events per group (each stratum its own risk sets)
obs_exp <- function(d, time, event, group, w, strata = NULL) {
  lev <- levels(d[[group]])
  o <- tapply(d[[w]] * d[[event]], d[[group]], sum)
  e <- setNames(rep(0, length(lev)), lev)
  layers <- if (is.null(strata)) list(d) else split(d, d[[strata]])
  for (s in layers) {
    for (t in sort(unique(s[[time]][s[[event]] == 1]))) {
      r <- s[[time]] >= t
      dd <- sum(s[[w]][s[[time]] == t & s[[event]] == 1])
      nr <- tapply(s[[w]] * r, s[[group]], sum)
      nr[is.na(nr)] <- 0
      e <- e + dd * nr / sum(s[[w]][r])
    }
  }
  lapply(seq_along(lev), function(g) list(group = lev[g], n = sum(d[[group]] == lev[g]),
                                          observed = unname(o[g]), expected = unname(e[g])))
}

rscore <- function(fit) if (is.null(fit$rscore)) NA else as.numeric(fit$rscore)

weighted_pairwise <- function(d, time, event, group, w, adjust, level = 0.95, strata = NULL) {
  d[[group]] <- factor(d[[group]])
  d$case_weight <- d[[w]]  # coxph evaluates weights = inside the data, where a column may be "w"
  rhs <- paste0(group, if (is.null(strata)) "" else paste0(" + strata(", strata, ")"))
  f <- as.formula(paste0("Surv(", time, ", ", event, ") ~ ", rhs))
  overall <- coxph(f, data = d, weights = case_weight, robust = TRUE)
  lev <- levels(d[[group]])
  pairs <- list()
  for (i in seq_along(lev)) for (j in seq_along(lev)) if (i < j) {
    s <- d[d[[group]] %in% lev[c(i, j)], ]
    s[[group]] <- factor(s[[group]], levels = lev[c(i, j)])
    if (sum(s[[event]]) == 0) {
      pairs[[length(pairs) + 1]] <- list(a = lev[i], b = lev[j], statistic = NA, p = NA, hr = NA,
                                         hr_lower = NA, hr_upper = NA)
      next
    }
    fit <- coxph(f, data = s, weights = case_weight, robust = TRUE)
    ci <- summary(fit, conf.int = level)$conf.int
    x <- rscore(fit)
    rs <- if (is.na(x)) c(pvalue = NA) else summary(fit)$robscore
    pairs[[length(pairs) + 1]] <- list(a = lev[i], b = lev[j], statistic = x,
                                       p = unname(rs["pvalue"]),
                                       hr = unname(ci[1, "exp(coef)"]),
                                       hr_lower = unname(ci[1, 3]), hr_upper = unname(ci[1, 4]))
  }
  adj <- p.adjust(sapply(pairs, function(p) p$p), adjust)
  for (k in seq_along(pairs)) {
    pr <- pairs[[k]]
    pairs[[k]] <- list(a = pr$a, b = pr$b, statistic = pr$statistic, p = pr$p,
                       p_adjusted = adj[k], hr = pr$hr, hr_lower = pr$hr_lower,
                       hr_upper = pr$hr_upper)
  }
  rs <- summary(overall)$robscore  # df: the non-aliased coefficients, as coxph counts them
  list(n = nrow(d), statistic = unname(rs["test"]), df = unname(rs["df"]),
       p = unname(rs["pvalue"]),
       method = list(pairwise_adjustment = adjust),
       groups = obs_exp(d, time, event, group, w, strata), pairwise = pairs)
}

vw <- read.csv(file.path(datadir, "veteran_iptw.csv"))
save_case("logrank_weighted_pairwise_veteran_celltype",
          list("logrank", "--data", "{data}/veteran_iptw.csv", "--time", "time", "--event", "status",
               "--group", "celltype", "--weights", "iptw", "--pairwise", "holm"),
          weighted_pairwise(vw, "time", "status", "celltype", "iptw", "holm"))
save_case("logrank_weighted_pairwise_veteran_strata",
          list("logrank", "--data", "{data}/veteran_iptw.csv", "--time", "time", "--event", "status",
               "--group", "celltype", "--strata", "prior", "--weights", "iptw", "--pairwise", "BH",
               "--conf-level", "0.9"),
          weighted_pairwise(vw, "time", "status", "celltype", "iptw", "BH", level = 0.9,
                            strata = "prior"))

# lung with integer frequency weights, ph.ecog 0-3 (ph.ecog 3 is one patient; one row has no
# ph.ecog and is dropped)
lw <- read.csv(file.path(datadir, "lung_fw.csv"))
lwc <- lw[!is.na(lw$ph.ecog), ]
e <- weighted_pairwise(lwc, "time", "dead", "ph.ecog", "fw", "bonferroni")
e$dropped_missing <- nrow(lw) - nrow(lwc)
save_case("logrank_weighted_pairwise_lung_ecog",
          list("logrank", "--data", "{data}/lung_fw.csv", "--time", "time", "--event", "dead",
               "--group", "ph.ecog", "--weights", "fw", "--pairwise", "bonferroni"), e)

# a pair without events: veteran with every row of cell types large and squamous censored
# (status 0), the other two types as observed; the pairs of an event-free type with a type that has
# events have an infinite coefficient (R warns "coefficient may be infinite")
ne <- vw
ne$status[ne$celltype %in% c("large", "squamous")] <- 0
write.csv(ne, file.path(datadir, "veteran_iptw_pair_no_events.csv"), row.names = FALSE, na = "")
save_case("logrank_weighted_pairwise_pair_without_events",
          list("logrank", "--data", "{data}/veteran_iptw_pair_no_events.csv", "--time", "time",
               "--event", "status", "--group", "celltype", "--weights", "iptw", "--pairwise", "holm"),
          weighted_pairwise(ne, "time", "status", "celltype", "iptw", "holm"))
# a pair whose events all happen while only one of its groups is at risk: every row of group a is
# censored before group c's first event, so coxph's coefficient is NA (no information), rscore NULL
ni <- data.frame(time = c(1, 2, 3, 4, 5, 10, 7, 8, 9, 6, 11, 12),
                 status = c(0, 0, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1),
                 w = c(1.2, 0.8, 1, 2, 1.5, 1, 1, 0.5, 2, 1.1, 0.7, 1.3),
                 g = c("a", "a", "a", "b", "b", "b", "c", "c", "c", "b", "c", "b"))
write.csv(ni, file.path(datadir, "pair_no_information.csv"), row.names = FALSE, na = "")
save_case("logrank_weighted_pairwise_no_information",
          list("logrank", "--data", "{data}/pair_no_information.csv", "--time", "time",
               "--event", "status", "--group", "g", "--weights", "w", "--pairwise", "holm"),
          weighted_pairwise(ni, "time", "status", "g", "w", "holm"))
cat("wrote weighted pairwise log-rank goldens\n")
