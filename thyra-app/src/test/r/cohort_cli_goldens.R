# Golden values for the end-to-end CLI tests of `thyra table1`, `thyra paired`, `thyra match` and
# `thyra cox --imputed` (issue 5). Run from the repository root:
#
#   Rscript thyra-app/src/test/r/cohort_cli_goldens.R
#
# Writes the input files under thyra-app/src/test/resources/golden/cli/data/ and one
# golden/cli/NAME.json = {name, args, expected} per case, in the format CliGoldenTest already runs
# (args with "{data}" for the data folder; `expected` uses thyra's JSON field names; numbers compared
# to 1e-6 relative; R's NA <-> null).
#
# table1: base R tests with the test choice of each preset (tableone is not installed here):
#   tableone  numeric oneway.test(var.equal = TRUE) | kruskal.test (--nonnormal);
#             categorical chisq.test() (Yates on 2x2) | fisher.test() (--exact)
#   gtsummary numeric wilcox.test (2 groups) | kruskal.test; categorical chisq.test(correct = FALSE)
#             when every expected count >= 5, else fisher.test
#   SMD as tableone: continuous |m1 - m2| / sqrt((v1 + v2)/2); categorical Yang & Dalton with
#   MASS::ginv; mean of the pairwise SMDs for more than two groups. Rows with a missing group are
#   left out; quantiles type 7; percentages of the non-missing values.
# paired: wilcox.test(x, y, paired = TRUE), mcnemar.test(table(x, y), correct).
# match: MatchIt 4.5 matchit(method = "nearest", distance = "glm") two ways: (1) as called, which
#   in Debian's MatchIt 4.5.1 compares distances through C's integer abs() (thyra --compat
#   matchit-4.5.1 reproduces it); (2) the exact greedy rule through MatchIt's distance-matrix path
#   (thyra's default), with the data put in matching order and the caliper given on the raw scale.
# cox --imputed: mice(nhanes2 / lung) completed data sets written long (.imp), coxph on each,
#   mice::pool -> pooled terms with ubar, b, t, df (Barnard-Rubin), riv, lambda, fmi.
suppressPackageStartupMessages({
  library(survival); library(MatchIt); library(mice); library(MASS); library(jsonlite)
})
out <- "thyra-app/src/test/resources/golden/cli"
datadir <- file.path(out, "data")
dir.create(datadir, recursive = TRUE, showWarnings = FALSE)
golden <- function(name, args, expected) {
  writeLines(toJSON(list(name = name, args = args, expected = expected), digits = NA, auto_unbox = TRUE,
                    null = "null", na = "null", pretty = TRUE),
             file.path(out, paste0(name, ".json")))
}
rd <- function(f) read.csv(file.path(datadir, f), stringsAsFactors = FALSE)
wr <- function(d, f) write.csv(d, file.path(datadir, f), row.names = FALSE, na = "")

# ---- data -----------------------------------------------------------------------------------------
bw <- MASS::birthwt
wr(bw, "birthwt.csv")
data(lalonde, package = "MatchIt")
rownames(lalonde) <- NULL
wr(lalonde, "lalonde.csv")
d <- survival::pbcseq
first <- d[!duplicated(d$id), ]
last <- d[rev(!duplicated(rev(d$id))), ]
wr(data.frame(id = first$id, edema_first = first$edema, edema_last = last$edema,
              ascites_first = first$ascites, ascites_last = last$ascites,
              spiders_first = first$spiders, spiders_last = last$spiders,
              bili_first = first$bili, bili_last = last$bili,
              albumin_first = first$albumin, albumin_last = last$albumin), "pbcseq_first_last.csv")
an <- MASS::anorexia
wr(an, "anorexia.csv")

# ---- table1 ---------------------------------------------------------------------------------------
lev <- function(x) {
  u <- unique(x[!is.na(x)])
  if (is.numeric(u)) sort(u) else sort(u, method = "radix")
}
lab <- function(v) if (is.numeric(v)) as.character(v) else v
summ <- function(x) {
  y <- x[!is.na(x)]
  if (length(y) == 0) return(list(n = 0L, mean = NA, sd = NA, median = NA, q1 = NA, q3 = NA, min = NA, max = NA))
  q <- quantile(y, c(0.25, 0.5, 0.75), type = 7, names = FALSE)
  list(n = length(y), mean = mean(y), sd = if (length(y) > 1) sd(y) else NA, median = q[2], q1 = q[1],
       q3 = q[3], min = min(y), max = max(y))
}
smd_pairs <- function(f, x, g, gl) {
  pr <- combn(length(gl), 2)
  mean(apply(pr, 2, function(p) f(x[g == gl[p[1]]], x[g == gl[p[2]]])))
}
smd_c <- function(a, b) abs(mean(a, na.rm = TRUE) - mean(b, na.rm = TRUE)) /
  sqrt((var(a, na.rm = TRUE) + var(b, na.rm = TRUE)) / 2)
smd_k <- function(levels) function(a, b) {
  prop <- function(v) { tt <- table(factor(v[!is.na(v)], levels = levels)); (tt / sum(tt))[-1] }
  p1 <- prop(a); p2 <- prop(b)
  cv <- function(pp) { s <- -outer(pp, pp); diag(s) <- pp * (1 - pp); s }
  S <- (cv(p1) + cv(p2)) / 2; T <- p1 - p2
  sqrt(drop(t(T) %*% MASS::ginv(S) %*% T))
}
table1 <- function(name, file, by, vars, factor = character(), nonnormal = character(), exact = character(),
                   preset = "tableone") {
  dat <- rd(file)
  dat <- dat[!is.na(dat[[by]]), ]
  g <- dat[[by]]
  gl <- lev(g)
  vs <- lapply(vars, function(v) {
    x <- dat[[v]]
    ok <- !is.na(x)
    categorical <- !is.numeric(x) || v %in% factor
    if (!categorical) {
      nonnorm <- v %in% nonnormal
      gg <- factor(g[ok], levels = gl); xx <- x[ok]
      if (preset == "tableone" && !nonnorm) {
        tt <- oneway.test(xx ~ gg, var.equal = TRUE); test <- "anova"; df <- unname(tt$parameter[1])
      } else if (preset == "gtsummary" && nlevels(droplevels(gg)) == 2) {
        tt <- suppressWarnings(wilcox.test(xx ~ droplevels(gg))); test <- "wilcoxon"; df <- NA
      } else {
        tt <- kruskal.test(xx ~ gg); test <- "kruskal"; df <- unname(tt$parameter)
      }
      groups <- setNames(lapply(gl, function(l) summ(x[g == l])), lab(gl))
      list(variable = v, type = "numeric", test = test, statistic = unname(tt$statistic), df = df,
           p = tt$p.value, smd = smd_pairs(smd_c, x, g, gl),
           missing = list(overall = sum(!ok), groups = setNames(lapply(gl, function(l) sum(is.na(x[g == l]))), lab(gl))),
           levels = list(list(level = NULL, overall = summ(x), groups = groups)))
    } else {
      xl <- lev(x)
      tab <- table(factor(x[ok], levels = xl), factor(g[ok], levels = gl))
      small <- any(suppressWarnings(chisq.test(tab))$expected < 5)
      if (preset == "tableone" && v %in% exact || preset == "gtsummary" && small) {
        tt <- fisher.test(tab); test <- "fisher"; stat <- NA; df <- NA
      } else {
        correct <- preset == "tableone"
        tt <- suppressWarnings(chisq.test(tab, correct = correct))
        test <- if (correct && all(dim(tab) == 2)) "chisq-yates" else "chisq"
        stat <- unname(tt$statistic); df <- unname(tt$parameter)
      }
      cnt <- function(v2) {
        t2 <- table(factor(v2[!is.na(v2)], levels = xl))
        lapply(seq_along(xl), function(i) list(n = unname(t2[i]), percent = 100 * unname(t2[i]) / sum(t2)))
      }
      ov <- cnt(x); by_g <- lapply(gl, function(l) cnt(x[g == l]))
      list(variable = v, type = "categorical", test = test, statistic = stat, df = df, p = tt$p.value,
           smd = smd_pairs(smd_k(xl), x, g, gl),
           missing = list(overall = sum(!ok), groups = setNames(lapply(gl, function(l) sum(is.na(x[g == l]))), lab(gl))),
           levels = lapply(seq_along(xl), function(i)
             list(level = lab(xl)[i], overall = ov[[i]],
                  groups = setNames(lapply(seq_along(gl), function(j) by_g[[j]][[i]]), lab(gl)))))
    }
  })
  args <- c("table1", "--data", paste0("{data}/", file), "--by", by, "--vars", paste(vars, collapse = ","),
            "--preset", preset)
  if (length(factor)) args <- c(args, "--factor", paste(factor, collapse = ","))
  if (length(nonnormal)) args <- c(args, "--nonnormal", paste(nonnormal, collapse = ","))
  if (length(exact)) args <- c(args, "--exact", paste(exact, collapse = ","))
  golden(name, args, list(n = nrow(dat), groups = lapply(gl, function(l) list(group = lab(l), n = sum(g == l))),
                          variables = vs))
}
table1("table1_lung_sex_tableone", "lung.csv", "sex", c("age", "ph.ecog", "wt.loss", "meal.cal", "inst"),
       factor = c("ph.ecog"), nonnormal = c("meal.cal", "inst"))
table1("table1_lung_sex_gtsummary", "lung.csv", "sex", c("age", "ph.ecog", "wt.loss", "meal.cal"),
       factor = c("ph.ecog"), preset = "gtsummary")
table1("table1_pbc_trt_tableone", "pbc.csv", "trt",
       c("age", "sex", "bili", "albumin", "stage", "edema", "ascites", "copper"),
       factor = c("stage", "edema", "ascites"), nonnormal = c("bili", "copper"), exact = c("edema"))
table1("table1_pbc_trt_gtsummary", "pbc.csv", "trt", c("age", "sex", "bili", "stage", "edema", "spiders"),
       factor = c("stage", "edema", "spiders"), preset = "gtsummary")
table1("table1_pbc_stage_tableone", "pbc.csv", "stage", c("age", "sex", "bili", "edema", "hepato"),
       factor = c("edema", "hepato"), nonnormal = c("bili"))
table1("table1_birthwt_race_tableone", "birthwt.csv", "race", c("age", "lwt", "bwt", "smoke", "low", "ftv", "ptl"),
       factor = c("smoke", "low", "ftv", "ptl"), exact = c("ftv"))
table1("table1_birthwt_race_gtsummary", "birthwt.csv", "race", c("age", "bwt", "smoke", "ht", "ftv"),
       factor = c("smoke", "ht", "ftv"), preset = "gtsummary")
table1("table1_birthwt_smoke_gtsummary", "birthwt.csv", "smoke", c("age", "bwt", "low", "ui", "race"),
       factor = c("low", "ui", "race"), preset = "gtsummary")
table1("table1_lalonde_treat_tableone", "lalonde.csv", "treat", c("age", "educ", "race", "married", "re74"),
       factor = c("married"), nonnormal = c("re74"))

# ---- paired ---------------------------------------------------------------------------------------
paired_w <- function(name, file, a, b, extra = character()) {
  dat <- rd(file); x <- dat[[a]]; y <- dat[[b]]; ok <- !is.na(x) & !is.na(y)
  w <- suppressWarnings(wilcox.test(x, y, paired = TRUE))
  golden(name, c("paired", "--data", paste0("{data}/", file), "--before", a, "--after", b, extra),
         list(test = "wilcoxon", n = sum(ok), dropped_missing = sum(!ok), statistic = unname(w$statistic),
              p = w$p.value, n_nonzero = sum(x[ok] != y[ok])))
}
paired_m <- function(name, file, a, b, test, correct = TRUE, extra = character(), levels = NULL) {
  dat <- rd(file); x <- dat[[a]]; y <- dat[[b]]; ok <- !is.na(x) & !is.na(y)
  l <- if (is.null(levels)) lev(c(x, y)) else levels
  t <- table(factor(x[ok], levels = l), factor(y[ok], levels = l))
  m <- mcnemar.test(t, correct = correct)
  golden(name, c("paired", "--data", paste0("{data}/", file), "--before", a, "--after", b, extra),
         list(test = test, n = sum(ok), dropped_missing = sum(!ok), statistic = unname(m$statistic),
              df = unname(m$parameter), p = m$p.value, levels = lab(l),
              table = unname(lapply(seq_len(nrow(t)), function(i) as.integer(t[i, ])))))
}
paired_w("paired_pbcseq_bili", "pbcseq_first_last.csv", "bili_first", "bili_last")
paired_w("paired_pbcseq_albumin", "pbcseq_first_last.csv", "albumin_first", "albumin_last")
paired_w("paired_anorexia_weight", "anorexia.csv", "Prewt", "Postwt", c("--test", "wilcoxon"))
an_ft <- an[an$Treat == "FT", ]
wr(an_ft, "anorexia_ft.csv")
paired_w("paired_anorexia_ft_exact", "anorexia_ft.csv", "Prewt", "Postwt")
paired_m("paired_pbcseq_ascites_mcnemar", "pbcseq_first_last.csv", "ascites_first", "ascites_last", "mcnemar")
paired_m("paired_pbcseq_spiders_uncorrected", "pbcseq_first_last.csv", "spiders_first", "spiders_last",
         "mcnemar", correct = FALSE, extra = c("--correct", "false"))
paired_m("paired_pbcseq_edema_bowker", "pbcseq_first_last.csv", "edema_first", "edema_last", "bowker",
         extra = c("--factor"))
# a k x k table where one level appears only after: the union of levels, as `table(factor(levels = l))`
resp <- data.frame(first = c("SD", "PR", "SD", "PD", "PR", "SD", "CR", "SD", "PR", "SD", "SD", "PD", "PR", "SD"),
                   last = c("PD", "PR", "PD", "PD", "SD", "PR", "PR", "SD", "PD", "PD", "PR", "PD", "CR", "PD"))
wr(resp, "response_first_last.csv")
# RECIST categories: thyra orders a recognised response scale clinically (CR, PR, SD, PD; docs/CLI.md)
paired_m("paired_response_bowker", "response_first_last.csv", "first", "last", "bowker",
         levels = c("CR", "PR", "SD", "PD"))

# ---- match ----------------------------------------------------------------------------------------
covs <- c("age", "educ", "race", "married", "nodegree", "re74", "re75")
fml <- treat ~ age + educ + race + married + nodegree + re74 + re75
bal_names <- function(rn) sub("^race(black|hispan|white)$", "race=\\1", rn)
balance <- function(s, rows) {
  b <- s$sum.all[rows, , drop = FALSE]; a <- s$sum.matched[rows, , drop = FALSE]
  lapply(seq_along(rows), function(i) list(
    covariate = bal_names(rows[i]),
    mean_treated_before = unname(b[i, "Means Treated"]), mean_control_before = unname(b[i, "Means Control"]),
    smd_before = unname(b[i, "Std. Mean Diff."]), var_ratio_before = unname(b[i, "Var. Ratio"]),
    mean_treated_after = unname(a[i, "Means Treated"]), mean_control_after = unname(a[i, "Means Control"]),
    smd_after = unname(a[i, "Std. Mean Diff."]), var_ratio_after = unname(a[i, "Var. Ratio"])))
}
pairs_of <- function(mm) {
  out <- list(); id <- 0
  for (i in seq_len(nrow(mm))) {
    c <- mm[i, ][!is.na(mm[i, ])]
    if (length(c) == 0) next
    id <- id + 1
    for (cc in c) out[[length(out) + 1]] <- list(pair_id = id, treated_row = as.integer(rownames(mm)[i]),
                                                 control_row = as.integer(cc))
  }
  out
}
cli_args <- function(file, treat, distance, ratio, caliper, std.caliper, order, replace, exact, compat) {
  a <- c("match", "--data", paste0("{data}/", file), "--treatment", treat, "--covariates", paste(covs, collapse = ","),
         "--distance", distance, "--ratio", as.character(ratio), "--order", order)
  if (!is.null(caliper)) a <- c(a, "--caliper", format(caliper, digits = 17), "--std-caliper", tolower(std.caliper))
  if (replace) a <- c(a, "--replace")
  if (!is.null(exact)) a <- c(a, "--exact", paste(exact, collapse = ","))
  if (compat) a <- c(a, "--compat", "matchit-4.5.1")
  a
}
ps_model <- function(dat) {
  f <- glm(fml, data = dat, family = binomial)
  cf <- coef(f)
  list(intercept = unname(cf[1]),
       terms = lapply(2:length(cf), function(j) list(term = bal_names(names(cf)[j]), coef = unname(cf[j]),
                                                    se = unname(sqrt(diag(vcov(f)))[j]))))
}
# (1) MatchIt as called (Debian 4.5.1: integer-truncated comparison) <-> --compat matchit-4.5.1
match_compat <- function(name, file = "lalonde.csv", distance = "probability", ratio = 1, caliper = NULL,
                         std.caliper = TRUE, order = "largest", replace = FALSE, exact = NULL) {
  dat <- rd(file)
  args <- list(fml, data = dat, method = "nearest", distance = "glm",
               link = if (distance == "logit") "linear.logit" else "logit",
               ratio = ratio, m.order = order, replace = replace)
  if (!is.null(caliper)) { args$caliper <- caliper; args$std.caliper <- std.caliper }
  if (!is.null(exact)) args$exact <- exact
  m <- suppressWarnings(do.call(matchit, args))
  s <- summary(m, standardize = TRUE)
  rows <- c("distance", "age", "educ", "raceblack", "racehispan", "racewhite", "married", "nodegree", "re74", "re75")
  golden(name, cli_args(file, "treat", distance, ratio, caliper, std.caliper, order, replace, exact, TRUE),
         list(n = nrow(dat), propensity_model = ps_model(dat),
              caliper_abs = if (is.null(caliper)) NULL else if (std.caliper) caliper * sd(m$distance) else caliper,
              n_treated = sum(dat$treat == 1), n_control = sum(dat$treat == 0),
              matched_treated = unname(s$nn["Matched", "Treated"]), matched_control = unname(s$nn["Matched", "Control"]),
              pairs = pairs_of(m$match.matrix), balance = balance(s, rows)))
}
# (2) the exact greedy rule through MatchIt's distance-matrix path <-> thyra's default
match_exact <- function(name, file = "lalonde.csv", distance = "probability", ratio = 1, caliper = NULL,
                        order = "largest", replace = FALSE, exact = NULL, treat = "treat") {
  dat <- rd(file)
  if (treat != "treat") dat$treat <- dat[[treat]]
  f <- glm(fml, data = dat, family = binomial)
  dist <- if (distance == "logit") unname(predict(f, type = "link")) else unname(fitted(f))
  n <- nrow(dat)
  perm <- switch(order, largest = order(dist[dat$treat == 1], decreasing = TRUE),
                 smallest = order(dist[dat$treat == 1]), data = seq_len(sum(dat$treat == 1)))
  # permute the treated units only (controls keep data order, so ties go to the lowest row)
  tr_rows <- which(dat$treat == 1)[perm]; ct_rows <- which(dat$treat == 0)
  ord <- c(tr_rows, ct_rows)
  d2 <- dat[ord, ]; d2$distance <- dist[ord]; rownames(d2) <- as.character(ord)
  dm <- abs(outer(dist[tr_rows], dist[ct_rows], "-"))
  args <- list(update(fml, . ~ . + distance), data = d2, method = "nearest", distance = dm, ratio = ratio,
               m.order = "data", replace = replace)
  if (!is.null(caliper)) { args$caliper <- caliper * sd(dist); args$std.caliper <- FALSE }
  if (!is.null(exact)) args$exact <- exact
  m <- suppressWarnings(do.call(matchit, args))
  mm <- m$match.matrix
  mm <- mm[order(as.integer(rownames(mm))), , drop = FALSE]
  s <- summary(m, standardize = TRUE)
  rows <- c("distance", "age", "educ", "raceblack", "racehispan", "racewhite", "married", "nodegree", "re74", "re75")
  golden(name, cli_args(file, treat, distance, ratio, caliper, TRUE, order, replace, exact, FALSE),
         list(n = n, caliper_abs = if (is.null(caliper)) NULL else caliper * sd(dist),
              n_treated = sum(dat$treat == 1), n_control = sum(dat$treat == 0),
              matched_treated = sum(!is.na(mm[, 1])), matched_control = length(unique(na.omit(as.vector(mm)))),
              pairs = pairs_of(mm), balance = balance(s, rows)))
}
match_compat("match_lalonde_compat_nocaliper")
match_compat("match_lalonde_compat_caliper005", caliper = 0.05)
match_compat("match_lalonde_compat_logit_caliper02", distance = "logit", caliper = 0.2)
match_compat("match_lalonde_compat_ratio2", ratio = 2)
match_compat("match_lalonde_compat_smallest", order = "smallest")
match_exact("match_lalonde_nocaliper")
match_exact("match_lalonde_caliper005", caliper = 0.05)
match_exact("match_lalonde_logit_caliper02", distance = "logit", caliper = 0.2)
match_exact("match_lalonde_smallest_caliper01", order = "smallest", caliper = 0.1)
match_exact("match_lalonde_data_order", order = "data")
match_exact("match_lalonde_ratio2_caliper02", ratio = 2, caliper = 0.2)
match_exact("match_lalonde_replace_caliper01", replace = TRUE, caliper = 0.1)
match_exact("match_lalonde_exact_married_caliper01", exact = "married", caliper = 0.1)
match_exact("match_lalonde_exact_married_nodegree_logit_caliper025", distance = "logit",
            exact = c("married", "nodegree"), caliper = 0.25)
match_exact("match_lalonde_exact_race_ratio2", exact = "race", ratio = 2)
# more treated than controls without replacement (treatment reversed)
lal_rev <- lalonde; lal_rev$treat <- 1L - lal_rev$treat
wr(lal_rev, "lalonde_reversed.csv")
match_exact("match_lalonde_reversed", file = "lalonde_reversed.csv")
match_exact("match_lalonde_reversed_caliper01", file = "lalonde_reversed.csv", caliper = 0.1)
cat("cohort CLI goldens written to", out, "\n")

# ---- cox --imputed: mice's completed data sets (long format) pooled as mice::pool ----------------
pooled_cox <- function(name, file, formula_text, dat, m, seed, term_names) {
  imp <- mice(dat, m = m, seed = seed, printFlag = FALSE)
  long <- complete(imp, "long", include = TRUE)   # .imp = 0 is the original data: thyra skips it
  wr(long, file)
  fits <- with(imp, coxph(as.formula(formula_text)))
  p <- pool(fits)
  pp <- p$pooled
  s <- summary(p, conf.int = TRUE)
  f1 <- fits$analyses[[1]]
  golden(name, c("cox", "--data", paste0("{data}/", file), "--formula", formula_text, "--imputed", ".imp"),
         list(n = f1$n, events = f1$nevent, imputations = m,
              terms = lapply(seq_len(nrow(pp)), function(j) list(
                term = term_names[j], coef = pp$estimate[j], se = s$std.error[j], hr = exp(pp$estimate[j]),
                lower = exp(s[["2.5 %"]][j]), upper = exp(s[["97.5 %"]][j]), statistic = s$statistic[j],
                df = pp$df[j], p = s$p.value[j], ubar = pp$ubar[j], b = pp$b[j], t = pp$t[j], riv = pp$riv[j],
                lambda = pp$lambda[j], fmi = pp$fmi[j]))))
}
lung0 <- rd("lung.csv")[, c("time", "status", "age", "sex", "ph.ecog", "wt.loss", "meal.cal")]
pooled_cox("cox_imputed_lung", "lung_mice_long.csv", "Surv(time, status) ~ age + sex + ph.ecog + wt.loss",
           lung0, m = 5, seed = 11, c("age", "sex", "ph.ecog", "wt.loss"))
lung1 <- lung0; lung1$ph.ecog <- factor(lung1$ph.ecog)
pooled_cox("cox_imputed_lung_factor", "lung_mice_long_factor.csv",
           "Surv(time, status) ~ age + factor(sex) + wt.loss + meal.cal",
           lung0, m = 10, seed = 5, c("age", "sex=2", "wt.loss", "meal.cal"))
pbcd <- rd("pbc_dead.csv")[, c("time", "dead", "age", "bili", "albumin", "copper", "chol", "edema")]
pooled_cox("cox_imputed_pbc", "pbc_mice_long.csv", "Surv(time, dead) ~ age + bili + albumin + copper + chol",
           pbcd, m = 20, seed = 2026, c("age", "bili", "albumin", "copper", "chol"))
cat("pooling goldens written\n")

# ---- logistic --imputed: glm on mice's completed data sets, pooled as mice::pool ----------------
# every coefficient including "(Intercept)"; complete-data df = residual df (mice's get.dfcom for glm)
pooled_glm <- function(name, file, formula_text, dat, m, seed, term_names) {
  imp <- mice(dat, m = m, seed = seed, printFlag = FALSE)
  long <- complete(imp, "long", include = TRUE)
  wr(long, file)
  fits <- with(imp, glm(as.formula(formula_text), family = binomial))
  p <- pool(fits); pp <- p$pooled; s <- summary(p, conf.int = TRUE)
  f1 <- fits$analyses[[1]]
  golden(name, c("logistic", "--data", paste0("{data}/", file), "--formula", formula_text, "--imputed", ".imp"),
         list(n = length(f1$y), events = sum(f1$y), imputations = m,
              terms = lapply(seq_len(nrow(pp)), function(j) list(
                term = term_names[j], coef = pp$estimate[j], se = s$std.error[j], or = exp(pp$estimate[j]),
                lower = exp(s[["2.5 %"]][j]), upper = exp(s[["97.5 %"]][j]), statistic = s$statistic[j],
                df = pp$df[j], p = s$p.value[j], ubar = pp$ubar[j], b = pp$b[j], t = pp$t[j], riv = pp$riv[j],
                lambda = pp$lambda[j], fmi = pp$fmi[j]))))
}
pooled_glm("logistic_imputed_nhanes2", "nhanes2_mice_long.csv", "hyp ~ bmi + chl", nhanes2, m = 5, seed = 123,
           c("(Intercept)", "bmi", "chl"))
pooled_glm("logistic_imputed_nhanes2_age", "nhanes2_mice_long_age.csv", "hyp ~ factor(age) + bmi", nhanes2,
           m = 20, seed = 7, c("(Intercept)", "age=40-59", "age=60-99", "bmi"))
bw2 <- MASS::birthwt[, c("low", "age", "lwt", "smoke", "ptl", "ht")]
set.seed(3); bw2$lwt[sample(nrow(bw2), 40)] <- NA; bw2$age[sample(nrow(bw2), 25)] <- NA
pooled_glm("logistic_imputed_birthwt", "birthwt_mice_long.csv", "low ~ age + lwt + smoke + ht", bw2, m = 10,
           seed = 99, c("(Intercept)", "age", "lwt", "smoke", "ht"))
cat("logistic pooling goldens written\n")
