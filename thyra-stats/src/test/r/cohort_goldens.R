# Golden values for the cohort-comparison numerics (issue 5).
# Run from the repository root:  Rscript thyra-stats/src/test/r/cohort_goldens.R
# Writes JSON (full precision, digits = NA) with the input data under
# thyra-stats/src/test/resources/golden/cohort/. R 4.2, MatchIt 4.5, mice 3.15, survival, MASS.
suppressPackageStartupMessages({
  library(jsonlite); library(survival); library(MASS); library(MatchIt); library(mice)
})
out_dir <- "thyra-stats/src/test/resources/golden/cohort"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
write_golden <- function(x, name) {
  writeLines(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE),
             file.path(out_dir, name))
}
data(lalonde, package = "MatchIt")
rownames(lalonde) <- NULL
bw <- MASS::birthwt
pbc0 <- survival::pbc[1:312, ]          # randomised part of pbc (trt not missing)

# ---- 1. Student t, Welch t, one-way ANOVA (tableone: oneway.test(var.equal = TRUE)) -------------
num_cases <- list(
  list("birthwt bwt by smoke", bw$bwt, bw$smoke),
  list("birthwt bwt by race", bw$bwt, bw$race),
  list("birthwt lwt by ht", bw$lwt, bw$ht),
  list("lung age by sex", lung$age, lung$sex),
  list("lung wt.loss by ph.ecog (0-2)", lung$wt.loss, ifelse(lung$ph.ecog < 3, lung$ph.ecog, NA)),
  list("lung meal.cal by sex", lung$meal.cal, lung$sex),
  list("pbc bili by trt", pbc0$bili, pbc0$trt),
  list("pbc albumin by stage", pbc0$albumin, pbc0$stage),
  list("lalonde age by treat", lalonde$age, lalonde$treat),
  list("lalonde re74 by race", lalonde$re74, as.integer(lalonde$race)))
means_cases <- lapply(num_cases, function(cs) {
  x <- cs[[2]]; g <- cs[[3]]; ok <- !is.na(x) & !is.na(g); xx <- x[ok]; gg <- factor(g[ok])
  a <- oneway.test(xx ~ gg, var.equal = TRUE)
  res <- list(name = cs[[1]], x = x, g = g, groups = nlevels(gg),
              anova = list(statistic = unname(a$statistic), df1 = unname(a$parameter[1]),
                           df2 = unname(a$parameter[2]), p = a$p.value))
  if (nlevels(gg) == 2) {
    s <- t.test(xx ~ gg, var.equal = TRUE); w <- t.test(xx ~ gg)
    res$student <- list(statistic = unname(s$statistic), df = unname(s$parameter), p = s$p.value)
    res$welch <- list(statistic = unname(w$statistic), df = unname(w$parameter), p = w$p.value)
  }
  k <- kruskal.test(xx ~ gg)
  res$kruskal <- list(statistic = unname(k$statistic), df = unname(k$parameter), p = k$p.value)
  res
})
write_golden(list(cases = means_cases), "location_tests.json")

# ---- chi-square, Fisher ---------------------------------------------------------------------------
tab_cases <- list(
  list("birthwt low x smoke", table(bw$low, bw$smoke)),
  list("birthwt ht x low", table(bw$ht, bw$low)),
  list("birthwt ui x low", table(bw$ui, bw$low)),
  list("birthwt race x smoke", table(bw$race, bw$smoke)),
  list("birthwt race x low", table(bw$race, bw$low)),
  list("birthwt ftv x low", table(bw$ftv, bw$low)),
  list("birthwt ptl x low", table(bw$ptl, bw$low)),
  list("lung sex x status", table(lung$sex, lung$status)),
  list("lung ph.ecog x sex", table(lung$ph.ecog, lung$sex)),
  list("pbc stage x trt", table(pbc0$stage, pbc0$trt)),
  list("pbc edema x trt", table(pbc0$edema, pbc0$trt)),
  list("pbc ascites x trt", table(pbc0$ascites, pbc0$trt)),
  list("pbc sex x trt", table(pbc0$sex, pbc0$trt)),
  list("pbc stage x edema", table(pbc0$stage, pbc0$edema)),
  list("lalonde race x treat", table(lalonde$race, lalonde$treat)),
  list("lalonde married x treat", table(lalonde$married, lalonde$treat)),
  list("lalonde nodegree x treat", table(lalonde$nodegree, lalonde$treat)),
  list("lung ph.ecog x status (first 40)", table(lung$ph.ecog[1:40], lung$status[1:40])))
mat <- function(t) unname(lapply(seq_len(nrow(t)), function(i) as.integer(t[i, ])))
tab_out <- lapply(tab_cases, function(cs) {
  t <- cs[[2]]
  res <- list(name = cs[[1]], table = mat(t))
  cw <- tryCatch(withCallingHandlers(chisq.test(t, correct = FALSE),
                 warning = function(w) invokeRestart("muffleWarning")), error = function(e) NULL)
  small <- any(chisq.test(t)$expected < 5)
  res$chisq <- list(statistic = unname(cw$statistic), df = unname(cw$parameter), p = cw$p.value,
                    expected = unname(lapply(seq_len(nrow(t)), function(i) cw$expected[i, ])),
                    small_expected = small)
  if (all(dim(t) == 2)) {
    cy <- suppressWarnings(chisq.test(t, correct = TRUE))
    res$chisq_yates <- list(statistic = unname(cy$statistic), df = unname(cy$parameter), p = cy$p.value)
  }
  f <- fisher.test(t)
  res$fisher <- list(p = f$p.value)
  if (all(dim(t) == 2)) res$fisher$odds_ratio <- unname(f$estimate)
  res
})
# larger r x c tables (synthetic shapes) to exercise the enumeration beyond the real-data tables
stress <- list(matrix(c(68, 4, 0, 82, 3, 1, 69, 13, 4, 44, 9, 15), 4, byrow = TRUE),
               matrix(c(50, 30, 20, 10, 5, 3, 1, 40, 35, 15, 12, 2, 1, 0), 2, byrow = TRUE),
               matrix(c(200, 150, 100, 40, 3, 180, 170, 90, 50, 1), 2, byrow = TRUE),
               matrix(c(30, 20, 10, 5, 25, 22, 8, 6, 20, 15, 12, 4), 3, byrow = TRUE))
fisher_stress <- lapply(stress, function(t) list(table = mat(t), p = fisher.test(t, workspace = 2e8)$p.value))
write_golden(list(cases = tab_out, fisher_stress = fisher_stress), "tables.json")

# ---- Wilcoxon rank-sum -----------------------------------------------------------------------------
two <- function(name, x, y) {
  w <- suppressWarnings(wilcox.test(x, y))
  list(name = name, x = x, y = y, statistic = unname(w$statistic), p = w$p.value, method = w$method)
}
set_no_ties <- function(v) v[!duplicated(v)]
rs <- list(
  two("birthwt bwt smoke 0 vs 1", bw$bwt[bw$smoke == 0], bw$bwt[bw$smoke == 1]),
  two("birthwt age low 0 vs 1", bw$age[bw$low == 0], bw$age[bw$low == 1]),
  two("lung age male vs female", lung$age[lung$sex == 1], lung$age[lung$sex == 2]),
  two("lung wt.loss male vs female (NA)", lung$wt.loss[lung$sex == 1], lung$wt.loss[lung$sex == 2]),
  two("pbc bili trt 1 vs 2", pbc0$bili[pbc0$trt == 1], pbc0$bili[pbc0$trt == 2]),
  two("lalonde re78 treated vs control", lalonde$re78[lalonde$treat == 1], lalonde$re78[lalonde$treat == 0]),
  two("lung time first 15 male vs 12 female (exact)",
      head(set_no_ties(lung$time[lung$sex == 1]), 15), head(set_no_ties(lung$time[lung$sex == 2]), 12)),
  two("pbc chol trt (exact, 49 vs 30)", head(set_no_ties(na.omit(pbc0$chol[pbc0$trt == 1])), 49),
      head(set_no_ties(na.omit(pbc0$chol[pbc0$trt == 2])), 30)),
  two("birthwt lwt smoke first 20 vs 20 (ties, small)", head(bw$lwt[bw$smoke == 1], 20), head(bw$lwt[bw$smoke == 0], 20)),
  two("lalonde re78 first 3 vs 4 (exact tiny)", lalonde$re78[c(1, 2, 3)], lalonde$re78[c(200, 201, 202, 203)]))
write_golden(list(cases = rs), "wilcoxon_ranksum.json")

# ---- 2. Paired: signed rank, McNemar, Bowker -------------------------------------------------------
pair <- function(name, x, y) {
  w <- suppressWarnings(wilcox.test(x, y, paired = TRUE))
  list(name = name, x = x, y = y, statistic = unname(w$statistic), p = w$p.value, method = w$method)
}
an <- MASS::anorexia
sr <- list(
  pair("anorexia post vs pre (all)", an$Postwt, an$Prewt),
  pair("anorexia CBT post vs pre", an$Postwt[an$Treat == "CBT"], an$Prewt[an$Treat == "CBT"]),
  pair("anorexia FT post vs pre (exact)", an$Postwt[an$Treat == "FT"], an$Prewt[an$Treat == "FT"]),
  pair("immer Y1 vs Y2", MASS::immer$Y1, MASS::immer$Y2),
  pair("sleep drug 1 vs 2", sleep$extra[1:10], sleep$extra[11:20]),
  pair("lung ph.karno vs pat.karno (zeros, NA)", lung$ph.karno, lung$pat.karno))
write_golden(list(cases = sr), "wilcoxon_signedrank.json")

first_last <- function(var) {
  ps <- pbcseq[order(pbcseq$id, pbcseq$day), ]
  f <- ps[!duplicated(ps$id), var]; l <- ps[!duplicated(ps$id, fromLast = TRUE), var]
  list(first = f, last = l)
}
mc_case <- function(name, t) {
  m <- mcnemar.test(t)
  list(name = name, table = mat(t), statistic = unname(m$statistic), df = unname(m$parameter),
       p = m$p.value, method = m$method)
}
mc_case_nc <- function(name, t) {
  m <- mcnemar.test(t, correct = FALSE)
  list(name = name, table = mat(t), statistic = unname(m$statistic), df = unname(m$parameter),
       p = m$p.value, method = m$method)
}
asc <- first_last("ascites"); ede <- first_last("edema"); hep <- first_last("hepato")
perf <- matrix(c(794, 86, 150, 570), nrow = 2)
mcs <- list(
  mc_case("pbcseq ascites first vs last", table(factor(asc$first, 0:1), factor(asc$last, 0:1))),
  mc_case_nc("pbcseq ascites first vs last (no correction)", table(factor(asc$first, 0:1), factor(asc$last, 0:1))),
  mc_case("pbcseq hepato first vs last", table(factor(hep$first, 0:1), factor(hep$last, 0:1))),
  mc_case("Agresti presidential approval", perf),
  mc_case("pbcseq edema first vs last (Bowker 3x3)",
          table(factor(ede$first, c(0, 0.5, 1)), factor(ede$last, c(0, 0.5, 1)))),
  mc_case("occupationalStatus (Bowker 8x8)", unclass(occupationalStatus)),
  mc_case("lalonde married vs nodegree", table(lalonde$married, lalonde$nodegree)))
write_golden(list(cases = mcs), "mcnemar.json")

# ---- SMD as tableone (formulas transcribed from tableone::StdDiff / StdDiffMulti; tableone itself
# is not installable here). Continuous: (m1 - m2) / sqrt((v1 + v2) / 2); categorical: Yang & Dalton
# sqrt(T' S^-1 T) with S the average multinomial covariance (first level dropped), MASS::ginv as
# tableone; more than two groups: the mean of all pairwise SMDs (tableone's default summary).
smd_cont <- function(x, g) {
  lv <- sort(unique(g[!is.na(g)])); pr <- combn(length(lv), 2)
  vals <- apply(pr, 2, function(p) {
    a <- x[g == lv[p[1]] & !is.na(g)]; b <- x[g == lv[p[2]] & !is.na(g)]
    abs(mean(a, na.rm = TRUE) - mean(b, na.rm = TRUE)) / sqrt((var(a, na.rm = TRUE) + var(b, na.rm = TRUE)) / 2)
  })
  list(pairwise = vals, mean = mean(vals))
}
smd_cat <- function(x, g) {
  ok <- !is.na(g); xf <- factor(x[ok]); gg <- g[ok]
  lv <- sort(unique(gg)); pr <- combn(length(lv), 2)
  vals <- apply(pr, 2, function(p) {
    prop <- function(k) { tt <- table(xf[gg == lv[k]]); (tt / sum(tt))[-1] }
    p1 <- prop(p[1]); p2 <- prop(p[2])
    cv <- function(pp) { s <- -outer(pp, pp); diag(s) <- pp * (1 - pp); s }
    S <- (cv(p1) + cv(p2)) / 2; T <- p1 - p2
    sqrt(drop(t(T) %*% MASS::ginv(S) %*% T))
  })
  list(pairwise = vals, mean = mean(vals))
}
smd_out <- list(
  continuous = list(
    c(list(name = "birthwt bwt by smoke", x = bw$bwt, g = bw$smoke), smd_cont(bw$bwt, bw$smoke)),
    c(list(name = "birthwt lwt by race", x = bw$lwt, g = bw$race), smd_cont(bw$lwt, bw$race)),
    c(list(name = "lung wt.loss by sex (NA)", x = lung$wt.loss, g = lung$sex), smd_cont(lung$wt.loss, lung$sex)),
    c(list(name = "pbc bili by stage (NA group)", x = survival::pbc$bili, g = survival::pbc$stage),
      smd_cont(survival::pbc$bili, survival::pbc$stage)),
    c(list(name = "lalonde re75 by treat", x = lalonde$re75, g = lalonde$treat), smd_cont(lalonde$re75, lalonde$treat))),
  categorical = list(
    c(list(name = "birthwt race by smoke", x = bw$race, g = bw$smoke), smd_cat(bw$race, bw$smoke)),
    c(list(name = "birthwt low by smoke", x = bw$low, g = bw$smoke), smd_cat(bw$low, bw$smoke)),
    c(list(name = "lalonde race by treat", x = as.integer(lalonde$race), g = lalonde$treat),
      smd_cat(as.integer(lalonde$race), lalonde$treat)),
    c(list(name = "pbc edema by stage (NA group)", x = survival::pbc$edema * 2, g = survival::pbc$stage),
      smd_cat(survival::pbc$edema * 2, survival::pbc$stage)),
    c(list(name = "birthwt ftv by race", x = bw$ftv, g = bw$race), smd_cat(bw$ftv, bw$race))))
write_golden(smd_out, "smd.json")

# ---- 3. Matching as MatchIt 4.5 nearest, distance supplied as a vector -----------------------------
ps_fit <- glm(treat ~ age + educ + race + married + nodegree + re74 + re75, data = lalonde, family = binomial)
ps <- unname(fitted(ps_fit)); lps <- unname(predict(ps_fit, type = "link"))
X <- with(lalonde, cbind(age = age, educ = educ, raceblack = as.numeric(race == "black"),
          racehispan = as.numeric(race == "hispan"), racewhite = as.numeric(race == "white"),
          married = married, nodegree = nodegree, re74 = re74, re75 = re75))
covnames <- colnames(X)
dfX <- data.frame(treat = lalonde$treat, X)
fml <- treat ~ age + educ + raceblack + racehispan + racewhite + married + nodegree + re74 + re75
bal <- function(tab) {
  tab <- tab[covnames, , drop = FALSE]
  list(mean_treated = unname(tab[, "Means Treated"]), mean_control = unname(tab[, "Means Control"]),
       smd = unname(tab[, "Std. Mean Diff."]), var_ratio = unname(tab[, "Var. Ratio"]))
}
run_match <- function(name, treat, distance, ratio = 1, caliper = NULL, std.caliper = TRUE,
                      order = "largest", replace = FALSE, exact = NULL) {
  d <- dfX; d$treat <- treat
  args <- list(fml, data = d, method = "nearest", distance = distance, ratio = ratio,
               m.order = order, replace = replace)
  if (!is.null(caliper)) { args$caliper <- caliper; args$std.caliper <- std.caliper }
  if (!is.null(exact)) args$exact <- exact
  m <- suppressWarnings(do.call(matchit, args))
  mm <- m$match.matrix
  s <- summary(m, standardize = TRUE)
  cal_abs <- if (is.null(caliper)) NULL else if (std.caliper) caliper * sd(distance) else caliper
  list(name = name, treat = treat, distance_scale = if (identical(distance, lps)) "logit" else "probability",
       ratio = ratio, caliper = caliper, std_caliper = std.caliper, caliper_abs = cal_abs,
       order = order, replace = replace, exact = if (is.null(exact)) NULL else all.vars(exact),
       treated_rows = as.integer(rownames(mm)),
       match_matrix = unname(lapply(seq_len(nrow(mm)), function(i) as.integer(mm[i, ]))),
       n_matched_treated = unname(s$nn["Matched", "Treated"]),
       n_matched_control = unname(s$nn["Matched", "Control"]),
       balance_before = bal(s$sum.all), balance_after = bal(s$sum.matched))
}
tr <- lalonde$treat
match_cases <- list(
  run_match("1:1 largest, no caliper", tr, ps),
  run_match("1:1 caliper 0.05 SD (seed 001)", tr, ps, caliper = 0.05),
  run_match("1:1 caliper 0.2 SD, logit", tr, lps, caliper = 0.2),
  run_match("1:1 smallest, caliper 0.1 SD", tr, ps, caliper = 0.1, order = "smallest"),
  run_match("1:1 data order", tr, ps, order = "data"),
  run_match("1:2 caliper 0.2 SD", tr, ps, ratio = 2, caliper = 0.2),
  run_match("1:2 no caliper", tr, ps, ratio = 2),
  run_match("1:1 with replacement", tr, ps, replace = TRUE),
  run_match("1:3 with replacement, caliper 0.1 SD", tr, ps, ratio = 3, replace = TRUE, caliper = 0.1),
  run_match("1:1 exact married", tr, ps, exact = ~married),
  run_match("1:1 exact married + nodegree, caliper 0.25 SD logit", tr, lps, exact = ~married + nodegree, caliper = 0.25),
  run_match("1:1 raw caliper 0.01", tr, ps, caliper = 0.01, std.caliper = FALSE),
  run_match("reversed treatment: more treated than controls", 1L - tr, 1 - ps),
  run_match("reversed treatment with caliper 0.1 SD", 1L - tr, 1 - ps, caliper = 0.1))
# MatchIt 4.5.1 as built in Debian compares distances through C's integer abs() in
# nn_matchC_vec (the fast path used when `distance` is a vector): |difference| is truncated to an
# integer, so a caliper below 1 never binds on the probability scale and the left neighbour always
# wins. The cases above record that behaviour (Java: MatchItCompatibility.TRUNCATED_4_5_1). The
# correct greedy nearest-neighbour rule is recorded below through MatchIt's distance-matrix path
# (nn_matchC, exact |difference|): the data are put in the matching order first so that
# m.order = "data" reproduces largest/smallest, and the caliper is given on the raw scale
# (caliper * sd(distance)), as the matrix path requires.
run_match_exact <- function(name, treat, distance, ratio = 1, caliper = NULL, order = "largest",
                            replace = FALSE, exact = NULL) {
  n <- length(treat)
  perm <- switch(order, largest = order(distance, decreasing = TRUE), smallest = order(distance),
                 data = seq_len(n))
  d <- dfX[perm, ]; d$treat <- treat[perm]; dist <- distance[perm]
  rownames(d) <- as.character(perm)
  dm <- abs(outer(dist[d$treat == 1], dist[d$treat == 0], "-"))
  args <- list(fml, data = d, method = "nearest", distance = dm, ratio = ratio,
               m.order = "data", replace = replace)
  if (!is.null(caliper)) { args$caliper <- caliper * sd(distance); args$std.caliper <- FALSE }
  if (!is.null(exact)) args$exact <- exact
  m <- suppressWarnings(do.call(matchit, args))
  mm <- m$match.matrix
  rows <- as.integer(rownames(mm)); o <- order(rows)
  mmo <- mm[o, , drop = FALSE]
  list(name = name, treat = treat, distance_scale = if (identical(distance, lps)) "logit" else "probability",
       ratio = ratio, caliper = caliper, std_caliper = TRUE,
       caliper_abs = if (is.null(caliper)) NULL else caliper * sd(distance),
       order = order, replace = replace, exact = if (is.null(exact)) NULL else all.vars(exact),
       treated_rows = rows[o],
       match_matrix = unname(lapply(seq_len(nrow(mmo)), function(i) as.integer(mmo[i, ]))),
       n_matched_treated = sum(!is.na(mmo[, 1])),
       n_matched_control = length(unique(na.omit(as.vector(mmo)))),
       balance_after = bal(summary(m, standardize = TRUE)$sum.matched))
}
exact_cases <- list(
  run_match_exact("1:1 largest, no caliper", tr, ps),
  run_match_exact("1:1 caliper 0.05 SD (seed 001)", tr, ps, caliper = 0.05),
  run_match_exact("1:1 caliper 0.2 SD, logit", tr, lps, caliper = 0.2),
  run_match_exact("1:1 smallest, caliper 0.1 SD", tr, ps, caliper = 0.1, order = "smallest"),
  run_match_exact("1:1 data order, caliper 0.1 SD", tr, ps, caliper = 0.1, order = "data"),
  run_match_exact("1:2 caliper 0.2 SD", tr, ps, ratio = 2, caliper = 0.2),
  run_match_exact("1:3 no caliper", tr, ps, ratio = 3),
  run_match_exact("1:1 with replacement, caliper 0.1 SD", tr, ps, replace = TRUE, caliper = 0.1),
  run_match_exact("1:1 exact married, caliper 0.1 SD", tr, ps, exact = ~married, caliper = 0.1),
  run_match_exact("1:1 exact married + nodegree, caliper 0.25 SD logit", tr, lps, exact = ~married + nodegree, caliper = 0.25),
  run_match_exact("reversed treatment: more treated than controls", 1L - tr, 1 - ps),
  run_match_exact("reversed treatment with caliper 0.1 SD", 1L - tr, 1 - ps, caliper = 0.1))
write_golden(list(covariates = covnames, X = unname(lapply(seq_len(ncol(X)), function(j) unname(X[, j]))),
                  ps = ps, logit_ps = lps, cases = match_cases,
                  exact_distance_cases = exact_cases), "matching_lalonde.json")

# ---- 4. Rubin pooling as mice::pool on fixed imputations ------------------------------------------
imp <- mice(nhanes2, m = 5, seed = 123, printFlag = FALSE)
pool_case <- function(name, fits) {
  est <- lapply(fits$analyses, function(f) unname(coef(f)))
  vr <- lapply(fits$analyses, function(f) unname(diag(vcov(f))))
  p <- pool(fits)$pooled
  list(name = name, terms = names(coef(fits$analyses[[1]])), estimates = est, variances = vr,
       dfcom = unname(p$dfcom[1]),
       pooled = list(estimate = p$estimate, ubar = p$ubar, b = p$b, t = p$t, df = p$df, riv = p$riv,
                     lambda = p$lambda, fmi = p$fmi))
}
imp20 <- mice(nhanes2, m = 20, seed = 7, printFlag = FALSE)
rub <- list(
  pool_case("nhanes2 lm chl ~ age + bmi (m = 5)", with(imp, lm(chl ~ age + bmi))),
  pool_case("nhanes2 glm hyp ~ bmi + chl (m = 5)", with(imp, glm(hyp ~ bmi + chl, family = binomial))),
  pool_case("nhanes2 lm bmi ~ age + hyp + chl (m = 20)", with(imp20, lm(bmi ~ age + hyp + chl))))
write_golden(list(cases = rub), "rubin_nhanes2.json")
cat("goldens written to", out_dir, "\n")

# ---- Group summaries (mean, SD, median, IQR by quantile type 7) and Table 1 test routing ----------
summ <- function(x) {
  y <- x[!is.na(x)]
  if (length(y) == 0) return(list(n = 0L, missing = length(x), mean = NA, sd = NA, median = NA, q1 = NA, q3 = NA, min = NA, max = NA))
  q <- quantile(y, c(0.25, 0.5, 0.75), type = 7, names = FALSE)
  list(n = length(y), missing = sum(is.na(x)), mean = mean(y), sd = if (length(y) > 1) sd(y) else NA,
       median = q[2], q1 = q[1], q3 = q[3], min = min(y), max = max(y))
}
sum_case <- function(name, x, g) {
  lv <- sort(unique(g[!is.na(g)]))
  list(name = name, x = x, g = g, overall = summ(x[!is.na(g)]), groups = lv,
       by_group = lapply(lv, function(l) summ(x[!is.na(g) & g == l])))
}
route_num <- function(name, x, g) {
  ok <- !is.na(x) & !is.na(g); gg <- factor(g[ok]); xx <- x[ok]
  gt <- if (nlevels(gg) == 2) suppressWarnings(wilcox.test(xx ~ gg))$p.value else kruskal.test(xx ~ gg)$p.value
  list(name = name, x = x, g = g, tableone_normal = oneway.test(xx ~ gg, var.equal = TRUE)$p.value,
       tableone_nonnormal = kruskal.test(xx ~ gg)$p.value, gtsummary = gt)
}
route_cat <- function(name, x, g) {
  ok <- !is.na(x) & !is.na(g); t <- table(x[ok], g[ok])
  small <- any(suppressWarnings(chisq.test(t))$expected < 5)
  list(name = name, x = x, g = g,
       tableone_approx = suppressWarnings(chisq.test(t))$p.value, tableone_exact = fisher.test(t)$p.value,
       gtsummary_test = if (small) "fisher" else "chisq",
       gtsummary = if (small) fisher.test(t)$p.value else suppressWarnings(chisq.test(t, correct = FALSE))$p.value)
}
write_golden(list(
  summaries = list(
    sum_case("lung age by sex", lung$age, lung$sex),
    sum_case("lung wt.loss by ph.ecog (NA values and group)", lung$wt.loss, lung$ph.ecog),
    sum_case("pbc bili by stage", survival::pbc$bili, survival::pbc$stage),
    sum_case("lalonde re74 by treat", lalonde$re74, lalonde$treat),
    sum_case("birthwt bwt by race", bw$bwt, bw$race),
    sum_case("lung meal.cal by sex, 3 rows", lung$meal.cal[c(1, 2, 3)], lung$sex[c(1, 2, 3)])),
  numeric_routes = list(
    route_num("birthwt bwt by smoke", bw$bwt, bw$smoke),
    route_num("birthwt bwt by race", bw$bwt, bw$race),
    route_num("pbc albumin by trt", pbc0$albumin, pbc0$trt)),
  categorical_routes = list(
    route_cat("birthwt low by smoke", bw$low, bw$smoke),
    route_cat("birthwt ftv by low", bw$ftv, bw$low),
    route_cat("lung ph.ecog by sex", lung$ph.ecog, lung$sex),
    route_cat("pbc stage by trt", pbc0$stage, pbc0$trt),
    route_cat("lalonde race by treat", as.integer(lalonde$race), lalonde$treat))), "table1.json")
