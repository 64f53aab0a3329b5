# Table 1 benchmark data: 10^6 rows, a 2-level group, 4 numeric and 4 categorical variables, 5 % missing.
suppressMessages(library(data.table))
out <- commandArgs(trailingOnly = TRUE)[1]
set.seed(20261122)
n <- 1e6
g <- sample(c("once", "multiple"), n, replace = TRUE)
miss <- function(x) { x[runif(n) < 0.05] <- NA; x }
d <- data.table(group = g,
  age = miss(round(rnorm(n, 45 + 3 * (g == "multiple"), 14), 1)),
  tg = miss(round(rlnorm(n, 3, 1.5), 2)),
  size = miss(round(rgamma(n, 2, 1.5), 2)),
  activity = miss(round(runif(n, 30, 200))),
  sex = miss(sample(c("F", "M"), n, TRUE, prob = c(.7, .3))),
  stage = miss(sample(c("I", "II", "III", "IV"), n, TRUE)),
  site = miss(sample(c("lung", "bone", "node"), n, TRUE)),
  rai = miss(sample(c("avid", "non-avid"), n, TRUE)))
fwrite(d, out, na = "NA")
