/* stats.c -- the panel's statistics: mean, trimmed mean, linearly weighted kappa, ICC(2,1).
 *
 * Plain double arithmetic over at most a few thousand numbers; every function says what it
 * returns when the statistic does not exist (NAN), and none divides by zero. */
#include <math.h>
#include <stdlib.h>

#include "qs_panel.h"

double qs_panel_mean(const double *x, size_t n) {
  if (n == 0)
    return NAN;
  double s = 0;
  for (size_t i = 0; i < n; i++)
    s += x[i];
  return s / (double)n;
}

/* 去掉一个最高分和一个最低分: one highest and one lowest dropped (one each, even when several
 * reviewers gave the same highest points), from trim_min reviewers on. */
double qs_panel_trimmed_mean(const double *x, size_t n, int trim_min) {
  if (n == 0)
    return NAN;
  if (n < 3 || trim_min < 3 || n < (size_t)trim_min)
    return qs_panel_mean(x, n);
  double s = 0, lo = x[0], hi = x[0];
  for (size_t i = 0; i < n; i++) {
    s += x[i];
    if (x[i] < lo)
      lo = x[i];
    if (x[i] > hi)
      hi = x[i];
  }
  return (s - lo - hi) / (double)(n - 2);
}

/* Cohen (1968): kappa_w = 1 - sum(w_d * o) / sum(w_d * e) with disagreement weights
 * w_d = |i-j|/(k-1), o the observed proportions, e the products of the margins. Equal to
 * (po - pe) / (1 - pe) with agreement weights 1 - w_d. */
double qs_panel_kappa_linear(const int *a, const int *b, size_t n, int k) {
  if (n == 0 || k < 2)
    return NAN;
  double *ma = calloc((size_t)k, sizeof *ma), *mb = calloc((size_t)k, sizeof *mb);
  if (!ma || !mb) {
    free(ma);
    free(mb);
    return NAN;
  }
  double obs = 0;
  for (size_t i = 0; i < n; i++) {
    int x = a[i] < 0 ? 0 : a[i] >= k ? k - 1 : a[i];
    int y = b[i] < 0 ? 0 : b[i] >= k ? k - 1 : b[i];
    ma[x] += 1.0 / (double)n;
    mb[y] += 1.0 / (double)n;
    obs += fabs((double)(x - y)) / (double)(k - 1) / (double)n;
  }
  double exp = 0;
  for (int i = 0; i < k; i++)
    for (int j = 0; j < k; j++)
      exp += ma[i] * mb[j] * fabs((double)(i - j)) / (double)(k - 1);
  free(ma);
  free(mb);
  if (exp < 1e-12)
    return obs < 1e-12 ? 1.0 : NAN;
  return 1.0 - obs / exp;
}

/* Shrout & Fleiss (1979), case 2 (two-way random), single rater, absolute agreement:
 *   ICC(2,1) = (BMS - EMS) / (BMS + (k-1) EMS + k (JMS - EMS) / n)
 * with BMS the between-subjects mean square, JMS the between-raters (judges) mean square and
 * EMS the residual mean square of the two-way ANOVA without replication. */
double qs_panel_icc21(const double *x, size_t n, size_t k) {
  if (n < 2 || k < 2)
    return NAN;
  double grand = 0;
  for (size_t i = 0; i < n * k; i++)
    grand += x[i];
  grand /= (double)(n * k);
  double ssr = 0, ssc = 0, sst = 0;
  for (size_t i = 0; i < n; i++) {
    double m = 0;
    for (size_t j = 0; j < k; j++)
      m += x[i * k + j];
    m /= (double)k;
    ssr += (double)k * (m - grand) * (m - grand);
  }
  for (size_t j = 0; j < k; j++) {
    double m = 0;
    for (size_t i = 0; i < n; i++)
      m += x[i * k + j];
    m /= (double)n;
    ssc += (double)n * (m - grand) * (m - grand);
  }
  for (size_t i = 0; i < n * k; i++)
    sst += (x[i] - grand) * (x[i] - grand);
  double sse = sst - ssr - ssc;
  if (sse < 0)
    sse = 0;
  double bms = ssr / (double)(n - 1), jms = ssc / (double)(k - 1);
  double ems = sse / (double)((n - 1) * (k - 1));
  double den = bms + (double)(k - 1) * ems + (double)k * (jms - ems) / (double)n;
  if (fabs(den) < 1e-12)
    return NAN;
  return (bms - ems) / den;
}
