# Golden values for the end-to-end CLI tests of `thyra weight`, `km --weights`, `logrank --weights`,
# `cox --weights` and counting-process `cox` (WeightedCliGoldenTest). Run from the repository root:
#
#   Rscript thyra-app/src/test/r/weighted_cli_goldens.R
#
# R 4.2, survival 3.5. WeightIt and cobalt are not installed: the IPTW weights and the balance are
# computed by hand from glm(binomial) with the documented formulas:
#   ATE w = t/e + (1-t)/(1-e) (stabilised: times P(T = t)); ATT w = t + (1-t) e/(1-e);
#   SMD = (weighted mean_t - weighted mean_c) / s, s from the unweighted sample: ATE pooled
#   sqrt((s_t^2 + s_c^2)/2), ATT s_t (cobalt's defaults); s^2 = var() for numeric columns,
#   p(1-p) for 0/1 columns; ESS = (sum w)^2 / sum w^2 per group.
# Weighted KM: survfit(weights = ) (robust IJ SE for non-integer weights, its default); weighted
# log-rank: the robust score test of coxph(Surv ~ factor(group), weights = w, robust = TRUE)
# (fit$rscore) and weighted O/E; cox: coxph(weights = ) with its default variance.
suppressMessages({library(survival); library(jsonlite)})
out <- "thyra-app/src/test/resources/golden/weighted"
datadir <- file.path(out, "data")
dir.create(datadir, recursive = TRUE, showWarnings = FALSE)
wr <- function(d, f) write.csv(d, file.path(datadir, f), row.names = FALSE, na = "")
vet <- survival::veteran; wr(vet, "veteran.csv")
lung <- survival::lung; wr(lung, "lung.csv")
save_case <- function(name, args, expected)
  write_json(list(name = name, args = args, expected = expected), file.path(out, paste0(name, ".json")),
             auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE)

iptw <- function(d, treat, covs, factors = character(0), estimand = "ate", stabilize = FALSE) {
  d <- d[complete.cases(d[, c(treat, covs)]), ]
  t <- as.integer(factor(d[[treat]])) - 1L
  # thyra sorts text levels by code point, numeric ones numerically (the first is the reference)
  for (v in covs) if (is.character(d[[v]]) || is.factor(d[[v]])) d[[v]] <- factor(as.character(d[[v]]))
  for (f in factors) d[[f]] <- factor(d[[f]])
  fit <- glm(reformulate(covs, response = "t"), family = binomial, data = cbind(d, t = t))
  e <- unname(fitted(fit))
  w <- if (estimand == "ate") ifelse(t == 1, 1 / e, 1 / (1 - e)) else ifelse(t == 1, 1, e / (1 - e))
  if (stabilize) w <- w * ifelse(t == 1, mean(t), 1 - mean(t))
  cols <- list(propensity = e)
  for (v in covs) {
    if (is.factor(d[[v]])) for (l in levels(d[[v]])) cols[[paste0(v, "=", l)]] <- as.numeric(d[[v]] == l)
    else cols[[v]] <- d[[v]]
  }
  bal <- lapply(names(cols), function(nm) {
    x <- cols[[nm]]
    binary <- all(x %in% c(0, 1))
    v <- function(g) { y <- x[t == g]; if (binary) mean(y) * (1 - mean(y)) else var(y) }
    s <- if (estimand == "ate") sqrt((v(1) + v(0)) / 2) else sqrt(v(1))
    wm <- function(g, ww) sum(ww[t == g] * x[t == g]) / sum(ww[t == g])
    one <- rep(1, length(x))
    list(covariate = nm, mean_treated_before = wm(1, one), mean_control_before = wm(0, one),
         smd_before = (wm(1, one) - wm(0, one)) / s, mean_treated_after = wm(1, w),
         mean_control_after = wm(0, w), smd_after = (wm(1, w) - wm(0, w)) / s)
  })
  ess <- function(g) sum(w[t == g])^2 / sum(w[t == g]^2)
  cf <- coef(fit)
  list(d = d, w = w, e = e, t = t,
       expected = list(n = nrow(d), n_treated = sum(t), n_control = sum(1 - t),
                       ess_treated = ess(1), ess_control = ess(0), max_weight = max(w),
                       propensity_model = list(intercept = unname(cf[1])),
                       balance = bal,
                       weights = lapply(seq_along(w), function(i) list(propensity = e[i], weight = w[i]))))
}

a <- iptw(vet, "trt", c("age", "karno", "celltype", "prior"))
save_case("weight_veteran_ate",
          list("weight", "--data", "{data}/veteran.csv", "--treatment", "trt", "--covariates",
               "age,karno,celltype,prior"), a$expected)
b <- iptw(lung, "sex", c("age", "ph.ecog", "wt.loss"), estimand = "att")
b$expected$dropped_missing <- nrow(lung) - nrow(b$d)
save_case("weight_lung_att_missing",
          list("weight", "--data", "{data}/lung.csv", "--treatment", "sex", "--covariates",
               "age,ph.ecog,wt.loss", "--estimand", "att"), b$expected)
c3 <- iptw(lung, "sex", c("age", "ph.karno"), factors = "ph.karno", stabilize = TRUE)
save_case("weight_lung_ate_stabilized_factor",
          list("weight", "--data", "{data}/lung.csv", "--treatment", "sex", "--covariates",
               "age,ph.karno", "--factor", "ph.karno", "--stabilize"), c3$expected)

# the weighted data the KM, log-rank and Cox cases read (as thyra weight --out-weighted writes it)
vw <- a$d; vw$iptw <- a$w; wr(vw, "veteran_iptw.csv")

km_expected <- function(d, w) {
  f <- survfit(Surv(time, status) ~ trt, data = d, weights = w)
  at <- c(30, 90, 180)
  groups <- lapply(seq_along(f$strata), function(g) {
    fg <- f[g]
    s <- summary(fg, times = fg$time)
    sa <- summary(fg, times = at)
    q <- quantile(fg, 0.5)
    rows <- lapply(seq_along(s$time), function(i)
      list(time = s$time[i], n_risk = s$n.risk[i], n_event = s$n.event[i], n_censor = s$n.censor[i],
           survival = s$surv[i], std_err = s$std.err[i], lower = s$lower[i], upper = s$upper[i]))
    ats <- lapply(seq_along(at), function(i)
      list(time = at[i], n_risk = sa$n.risk[i], survival = sa$surv[i], std_err = sa$std.err[i],
           lower = sa$lower[i], upper = sa$upper[i]))
    list(n = sum(d$trt == sort(unique(d$trt))[g]), weighted_n = sum(w[d$trt == sort(unique(d$trt))[g]]),
         events = sum(w[d$trt == sort(unique(d$trt))[g] & d$status == 1]),
         median = list(estimate = unname(q$quantile), lower = unname(q$lower), upper = unname(q$upper)),
         at = ats, table = rows)
  })
  list(n = nrow(d), groups = groups)
}
save_case("km_weighted_veteran",
          list("km", "--data", "{data}/veteran_iptw.csv", "--time", "time", "--event", "status",
               "--group", "trt", "--weights", "iptw", "--at", "30,90,180"),
          km_expected(vw, vw$iptw))

lr <- coxph(Surv(time, status) ~ factor(trt), data = vw, weights = iptw, robust = TRUE)
obs <- tapply(vw$iptw * vw$status, vw$trt, sum)
ex <- function() {
  tt <- sort(unique(vw$time[vw$status == 1]))
  e <- c(0, 0)
  for (s in tt) {
    r <- vw$time >= s
    dd <- sum(vw$iptw[vw$time == s & vw$status == 1])
    nr <- tapply(vw$iptw * r, vw$trt, sum)
    e <- e + dd * nr / sum(vw$iptw[r])
  }
  e
}
e <- ex()
save_case("logrank_weighted_veteran",
          list("logrank", "--data", "{data}/veteran_iptw.csv", "--time", "time", "--event", "status",
               "--group", "trt", "--weights", "iptw"),
          list(n = nrow(vw), statistic = as.numeric(lr$rscore), df = 1,
               p = pchisq(as.numeric(lr$rscore), 1, lower.tail = FALSE),
               score_test_naive = list(statistic = as.numeric(lr$score)),
               groups = list(list(n = sum(vw$trt == 1), observed = unname(obs[1]), expected = e[1]),
                             list(n = sum(vw$trt == 2), observed = unname(obs[2]), expected = e[2]))))

cox_expected <- function(fit) {
  s <- summary(fit)$coefficients
  robust <- !is.null(fit$naive.var)
  q <- qnorm(0.975)
  se <- if (robust) s[, "robust se"] else s[, "se(coef)"]
  terms <- lapply(seq_len(nrow(s)), function(j) {
    r <- list(coef = s[j, "coef"], se = s[j, "se(coef)"], hr = s[j, "exp(coef)"],
              lower = exp(s[j, "coef"] - q * se[j]), upper = exp(s[j, "coef"] + q * se[j]),
              z = s[j, "z"], p = s[j, "Pr(>|z|)"])
    if (robust) r$robust_se <- s[j, "robust se"]
    r
  })
  zph <- cox.zph(fit)
  zt <- zph$table
  list(n = fit$n, events = fit$nevent, terms = terms,
       loglik = list(null = fit$loglik[1], model = fit$loglik[2]),
       tests = c(list(likelihood_ratio = list(statistic = unname(2 * diff(fit$loglik))),
                      wald = list(statistic = unname(fit$wald.test)),
                      score = list(statistic = unname(fit$score))),
                 if (robust) list(robust_score = list(statistic = as.numeric(fit$rscore)))),
       concordance = list(c = unname(fit$concordance["concordance"]),
                          se = unname(fit$concordance["std"])),
       ph_test = list(terms = lapply(seq_len(nrow(zt) - 1), function(k)
                        list(chisq = zt[k, "chisq"], df = zt[k, "df"], p = zt[k, "p"])),
                      global = list(chisq = zt[nrow(zt), "chisq"], df = zt[nrow(zt), "df"],
                                    p = zt[nrow(zt), "p"])))
}
save_case("cox_weighted_veteran_iptw",
          list("cox", "--data", "{data}/veteran_iptw.csv", "--formula", "Surv(time, status) ~ factor(trt)",
               "--weights", "iptw"),
          cox_expected(coxph(Surv(time, status) ~ factor(trt), data = vw, weights = iptw)))
lw <- lung; lw$fw <- 1 + (seq_len(nrow(lw)) %% 3); lw$dead <- lw$status - 1; wr(lw, "lung_fw.csv")
lwc <- lw[complete.cases(lw[, c("time", "dead", "age", "sex", "ph.ecog")]), ]
e4 <- cox_expected(coxph(Surv(time, dead) ~ age + sex + ph.ecog, data = lwc, weights = fw,
                         ties = "breslow"))
e4$dropped_missing <- nrow(lw) - nrow(lwc)
save_case("cox_integer_weights_breslow_lung",
          list("cox", "--data", "{data}/lung_fw.csv", "--formula", "Surv(time, dead) ~ age + sex + ph.ecog",
               "--weights", "fw", "--ties", "breslow"), e4)
v2 <- survSplit(Surv(time, status) ~ ., data = vet, cut = c(90, 180), episode = "tgroup", id = "id")
v2$karno_late <- v2$karno * (v2$tgroup > 1)
wr(v2, "veteran_split.csv")
save_case("cox_counting_veteran_strata",
          list("cox", "--data", "{data}/veteran_split.csv", "--formula",
               "Surv(tstart, time, status) ~ trt + karno + karno_late + strata(celltype)"),
          cox_expected(coxph(Surv(tstart, time, status) ~ trt + karno + karno_late + strata(celltype),
                             data = v2)))
save_case("cox_counting_veteran_cluster",
          list("cox", "--data", "{data}/veteran_split.csv", "--formula",
               "Surv(tstart, time, status) ~ trt + karno + cluster(id)"),
          cox_expected(coxph(Surv(tstart, time, status) ~ trt + karno, cluster = id, data = v2)))
cat("wrote weighted CLI goldens\n")

# screen --firth: univariable penalised likelihood-ratio tests as logistf's (Heinze & Schemper 2002),
# computed by hand: l*(b) = l(b) + 1/2 log det(X'WX); the statistic 2 (l*(b_hat) - max l*(b | b_v = 0))
# with the penalty of the same design X = (1, x_v) in both, b_hat the brglm2 AS_mean estimate (which
# maximises l* for the logit link), the constrained maximum over the intercept by optimize(); entry
# at p < 0.1, the multivariable Firth fit of the entered variables.
suppressMessages(library(brglm2))
data(endometrial, package = "brglm2"); wr(endometrial, "endometrial.csv")
bw <- MASS::birthwt; wr(bw, "birthwt.csv")
ctl <- brglmControl(epsilon = 1e-12, maxit = 500)
firth <- function(f, d) glm(f, family = binomial, data = d, method = "brglmFit", type = "AS_mean",
                            control = ctl)
pstar <- function(X, y, b) {
  eta <- drop(X %*% b); mu <- plogis(eta)
  sum(dbinom(y, 1, mu, log = TRUE)) +
    0.5 * as.numeric(determinant(crossprod(X, X * (mu * (1 - mu))))$modulus)
}
plr <- function(fit) {
  X <- model.matrix(fit); y <- fit$y
  full <- pstar(X, y, coef(fit))
  opt <- optimize(function(a) pstar(X, y, c(a, rep(0, ncol(X) - 1))), c(-30, 30), maximum = TRUE,
                  tol = 1e-12)
  2 * (full - opt$objective)
}
term_rows <- function(fit) {
  s <- summary(fit)$coefficients; q <- qnorm(0.975)
  lapply(2:nrow(s), function(j) list(coef = s[j, 1], se = s[j, 2], or = exp(s[j, 1]),
                                     lower = exp(s[j, 1] - q * s[j, 2]), upper = exp(s[j, 1] + q * s[j, 2]),
                                     z = s[j, 3], p = s[j, 4]))
}
screen_firth <- function(y, vars, d, entry = 0.1) {
  d <- d[complete.cases(d[, c(y, gsub("factor\\((.*)\\)", "\\1", vars))]), ]
  uni <- lapply(vars, function(v) {
    f <- firth(as.formula(paste(y, "~", v)), d)
    stat <- plr(f); df <- length(coef(f)) - 1
    list(terms = term_rows(f), statistic = stat, df = df, p = pchisq(stat, df, lower.tail = FALSE))
  })
  entered <- vars[sapply(uni, function(u) u$p < entry)]
  fm <- firth(as.formula(paste(y, "~", paste(entered, collapse = " + "))), d)
  list(n = nrow(d), univariable = uni,
       multivariable = list(terms = term_rows(fm), loglik = list(model = as.numeric(logLik(fm))),
                            aic = AIC(fm)))
}
save_case("screen_firth_endometrial_separation",
          list("screen", "--data", "{data}/endometrial.csv", "--formula", "HG ~ NV + PI + EH",
               "--model", "logistic", "--firth"),
          screen_firth("HG", c("NV", "PI", "EH"), endometrial))
save_case("screen_firth_birthwt",
          list("screen", "--data", "{data}/birthwt.csv", "--formula",
               "low ~ age + lwt + factor(race) + smoke + ht", "--model", "logistic", "--firth"),
          screen_firth("low", c("age", "lwt", "factor(race)", "smoke", "ht"), bw))
cat("wrote screen --firth goldens\n")
