# Golden values for org.thyra.stats.survival.CoxCounting (case weights, counting-process
# Surv(start, stop, event), strata, cluster) and weighted Kaplan-Meier. R 4.2, survival 3.5.
# Run from the repository root:
#   Rscript thyra-stats/src/test/r/weighted_counting_goldens.R
# Writes thyra-stats/src/test/resources/golden/weighted/cox.json. Each case holds the inputs exactly
# as coxph saw them (start, stop, status, weights, model.matrix columns, strata and cluster codes)
# and coxph's results. Variance: coxph's default, i.e. robust (sandwich) when there is a cluster or
# a non-integer weight, model-based (naive) otherwise; both are written (se = naive, robust_se).
suppressMessages({library(survival); library(jsonlite)})
out_dir <- "thyra-stats/src/test/resources/golden/weighted"
num <- function(x) if (is.null(x)) NULL else unname(as.numeric(x))
cox_case <- function(name, formula, data, weights = NULL, cluster = NULL, ties = "efron") {
  d <- data
  args <- list(formula = formula, data = d, ties = ties)
  if (!is.null(weights)) args$weights <- d[[weights]]
  if (!is.null(cluster)) args$cluster <- d[[cluster]]
  fit <- do.call(coxph, args)
  X <- model.matrix(fit)
  y <- fit$y
  ny <- ncol(y)
  s <- summary(fit)
  strat <- NULL
  st <- attr(terms(fit), "specials")$strata
  if (!is.null(st)) {
    sv <- all.vars(formula)[grepl("strata", deparse(formula))]
    mf <- model.frame(fit)
    sc <- mf[[grep("strata", names(mf))]]
    strat <- as.integer(sc) - 1L
  }
  robust <- !is.null(fit$naive.var)
  zph <- cox.zph(fit)
  w <- if (is.null(weights)) rep(1, nrow(y)) else d[[weights]]
  list(name = name, ties = ties,
       start = if (ny == 3) num(y[, 1]) else NULL,
       stop = num(y[, ny - 1]), status = num(y[, ny]),
       weights = if (is.null(weights)) NULL else num(w),
       columns = lapply(seq_len(ncol(X)), function(j) num(X[, j])), names = colnames(X),
       assign = as.integer(unlist(lapply(seq_along(fit$assign), function(k) rep(k - 1L, length(fit$assign[[k]]))))),
       terms = names(fit$assign),
       strata = strat,
       cluster = if (is.null(cluster)) NULL else as.integer(factor(d[[cluster]])) - 1L,
       robust = robust,
       coef = num(coef(fit)),
       se = num(sqrt(diag(if (robust) fit$naive.var else fit$var))),
       robust_se = if (robust) num(sqrt(diag(fit$var))) else NULL,
       z = num(s$coefficients[, "z"]), p = num(s$coefficients[, "Pr(>|z|)"]),
       loglik = num(fit$loglik), iter = fit$iter, means = num(fit$means),
       lr = num(s$logtest["test"]), wald = num(fit$wald.test), score = num(fit$score),
       rscore = if (robust) num(fit$rscore) else NULL,
       concordance = num(fit$concordance["concordance"]),
       concordance_se = num(fit$concordance["std"]),
       zph_terms = num(zph$table[-nrow(zph$table), "chisq"]),
       zph_df = num(zph$table[-nrow(zph$table), "df"]),
       zph_global = num(zph$table[nrow(zph$table), "chisq"]))
}
lung <- survival::lung
lung <- lung[complete.cases(lung[, c("time", "status", "age", "sex", "ph.ecog", "ph.karno")]), ]
lung$status <- lung$status - 1
lung$row <- seq_len(nrow(lung))
# a non-integer weight (as an IPTW weight is) and an integer (frequency) weight
lung$w <- 0.5 + lung$ph.karno / 100
lung$fw <- 1 + (lung$row %% 3)
veteran <- survival::veteran
vet2 <- survSplit(Surv(time, status) ~ ., data = veteran, cut = c(90, 180), episode = "tgroup", id = "id")
vet2$karno1 <- vet2$karno * (vet2$tgroup == 1)
vet2$karno2 <- vet2$karno * (vet2$tgroup == 2)
vet2$karno3 <- vet2$karno * (vet2$tgroup == 3)
write.csv(vet2[, c("id", "trt", "celltype", "tstart", "time", "status", "karno", "karno1", "karno2",
                   "karno3", "age", "prior")], file.path(out_dir, "veteran_split.csv"), row.names = FALSE)
pbc <- survival::pbc
pbc <- pbc[complete.cases(pbc[, c("time", "status", "age", "bili", "albumin", "edema")]), ]
pbc$death <- as.integer(pbc$status == 2)
pbc2 <- survSplit(Surv(time, death) ~ ., data = pbc, cut = c(1000, 2000), episode = "period")
pbc2$w <- 1 + (pbc2$id %% 4) / 3
colon <- survival::colon
colon <- colon[complete.cases(colon[, c("time", "status", "rx", "extent", "node4")]), ]
colon$w <- ifelse(colon$sex == 1, 1.25, 0.8)
cases <- list(
  cox_case("lung: non-integer weights (robust by default)", Surv(time, status) ~ age + sex + ph.ecog,
           lung, weights = "w"),
  cox_case("lung: integer weights, Breslow (naive variance)", Surv(time, status) ~ age + sex + ph.ecog,
           lung, weights = "fw", ties = "breslow"),
  cox_case("lung: non-integer weights, strata(sex)", Surv(time, status) ~ age + ph.ecog + strata(sex),
           lung, weights = "w"),
  cox_case("veteran split at 90, 180: counting process, strata(celltype)",
           Surv(tstart, time, status) ~ trt + prior + karno1 + karno2 + karno3 + strata(celltype), vet2),
  cox_case("veteran split: counting process, Breslow", Surv(tstart, time, status) ~ trt + karno + age,
           vet2, ties = "breslow"),
  cox_case("veteran split: counting process, cluster(id)", Surv(tstart, time, status) ~ trt + karno,
           vet2, cluster = "id"),
  cox_case("pbc split: counting process, weights, cluster(id)",
           Surv(tstart, time, death) ~ age + log(bili) + albumin + edema, 
           transform(pbc2, lbili = log(bili)), weights = "w", cluster = "id"),
  cox_case("colon: weights and cluster(id)", Surv(time, status) ~ factor(rx) + extent + node4, colon,
           weights = "w", cluster = "id"),
  cox_case("lung: clusters of one row", Surv(time, status) ~ age + sex, lung, weights = "w",
           cluster = "row")
)
write_json(list(cox = cases), file.path(out_dir, "cox.json"), digits = NA, auto_unbox = TRUE,
           null = "null", na = "null")
cat("wrote cox.json\n")
