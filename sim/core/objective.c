/*
** objective.c -- parse an objective and estimate it from replications.
*/
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "objective.h"
#include "stats.h"

static const char *skip(const char *p) {
  while (isspace((unsigned char)*p)) p++;
  return p;
}

/* One term at *p: [NUMBER '*'] FUNC '(' METRIC ')', with sign. */
static int term(objective *o, const char **p, double sign, char *err, size_t errlen) {
  const char *s = skip(*p), *at = s;
  double coef = 1;
  if (isdigit((unsigned char)*s) || *s == '.') {
    char *end;
    coef = strtod(s, &end);
    s = skip(end);
    if (end == at || !isfinite(coef) || *s != '*')
      return err_set(err, errlen, "objective '%s': at '%s': give NUMBER*FUNC(METRIC)", o->text, at);
    s = skip(s + 1);
  }
  objective_term t = {.coef = sign * coef};
  const char *f = s;
  if (strncmp(s, "mean", 4) == 0) s += 4;
  else if (strncmp(s, "cvar", 4) == 0 && isdigit((unsigned char)s[4])) {
    s += 4;
    while (isdigit((unsigned char)*s) && t.cvar < 100) t.cvar = 10 * t.cvar + (*s++ - '0');
    if (t.cvar < 1 || t.cvar > 99)
      return err_set(err, errlen, "objective '%s': at '%s': cvarNN takes NN from 1 to 99 (percent)",
                     o->text, f);
  } else
    return err_set(err, errlen,
                   "objective '%s': at '%s': a term is mean(METRIC) or cvarNN(METRIC), e.g. "
                   "'mean(npv) + 0.5*cvar05(npv)'",
                   o->text, f);
  s = skip(s);
  if (*s != '(') return err_set(err, errlen, "objective '%s': at '%s': '(' expected", o->text, s);
  s = skip(s + 1);
  size_t len = 0; /* a metric's name: tenants' and sites' names may hold any character */
  while (s[len] && s[len] != ')' && !isspace((unsigned char)s[len])) len++;
  if (len == 0 || len >= sizeof o->metric)
    return err_set(err, errlen, "objective '%s': at '%s': a metric's name expected", o->text, s);
  if (o->nterms == 0) snprintf(o->metric, sizeof o->metric, "%.*s", (int)len, s);
  else if (strlen(o->metric) != len || strncmp(o->metric, s, len) != 0)
    return err_set(err, errlen,
                   "objective '%s': every term takes the same metric ('%s', not '%.*s')", o->text,
                   o->metric, (int)len, s);
  s = skip(s + len);
  if (*s != ')') return err_set(err, errlen, "objective '%s': at '%s': ')' expected", o->text, s);
  if (o->nterms == OBJECTIVE_MAX_TERMS)
    return err_set(err, errlen, "objective '%s': at most %d terms", o->text, OBJECTIVE_MAX_TERMS);
  o->term[o->nterms++] = t;
  *p = s + 1;
  return 0;
}

int objective_parse(const char *text, int minimize, objective *o, char *err, size_t errlen) {
  memset(o, 0, sizeof *o);
  o->minimize = minimize;
  const char *p = skip(text);
  size_t len = strlen(p);
  while (len > 0 && isspace((unsigned char)p[len - 1])) len--;
  if (len >= sizeof o->text)
    return err_set(err, errlen, "objective: longer than %zu characters", sizeof o->text - 1);
  snprintf(o->text, sizeof o->text, "%.*s", (int)len, p);
  double sign = 1;
  if (*p == '-' || *p == '+') {
    sign = *p == '-' ? -1 : 1;
    p++;
  }
  for (;;) {
    if (term(o, &p, sign, err, errlen)) return -1;
    p = skip(p);
    if (!*p) return 0;
    if (*p != '+' && *p != '-')
      return err_set(err, errlen, "objective '%s': at '%s': '+' or '-' expected", o->text, p);
    sign = *p++ == '-' ? -1 : 1;
  }
}

void objective_mean(const char *metric, int minimize, objective *o) {
  memset(o, 0, sizeof *o);
  snprintf(o->metric, sizeof o->metric, "%s", metric);
  snprintf(o->text, sizeof o->text, "%s", metric);
  o->term[0] = (objective_term){.coef = 1};
  o->nterms = 1;
  o->minimize = minimize;
}

int objective_risk_seeking(const objective *o) {
  for (size_t t = 0; t < o->nterms; t++)
    if (o->term[t].cvar && o->term[t].coef < 0) return 1;
  return 0;
}

long objective_min_reps(const objective *o, long tail) {
  long n = 0;
  for (size_t t = 0; t < o->nterms; t++) {
    long c = o->term[t].cvar, need = (100 * tail + c - 1) / (c ? c : 1);
    if (c && need > n) n = need;
  }
  return n;
}

int objective_thresholds(const objective *o, const double *x, size_t n, double *q) {
  double s = o->minimize ? -1 : 1, *z = malloc(n * sizeof *z);
  if (!z) return -1;
  for (size_t i = 0; i < n; i++) z[i] = s * x[i];
  stats_sort(z, n);
  for (size_t t = 0; t < o->nterms; t++)
    q[t] = o->term[t].cvar ? z[stats_rank(0.01 * o->term[t].cvar, n) - 1] : (double)NAN;
  free(z);
  return 0;
}

void objective_values(const objective *o, const double *q, const double *x, size_t n, double *y) {
  double s = o->minimize ? -1 : 1;
  for (size_t i = 0; i < n; i++) {
    double v = 0;
    for (size_t t = 0; t < o->nterms; t++) {
      const objective_term *tm = &o->term[t];
      if (!tm->cvar) {
        v += tm->coef * x[i];
        continue;
      }
      double short_by = q[t] - s * x[i];
      v += tm->coef * s * (q[t] - (short_by > 0 ? short_by : 0) / (0.01 * tm->cvar));
    }
    y[i] = v;
  }
}

int objective_estimate(const objective *o, const double *x, size_t n, double a, double *est,
                       double *lo, double *hi) {
  double q[OBJECTIVE_MAX_TERMS], *y = malloc(n * sizeof *y);
  if (!y || objective_thresholds(o, x, n, q)) {
    free(y);
    return -1;
  }
  objective_values(o, q, x, n, y);
  double sd;
  if (!lo || !hi) stats_mean_sd(y, n, est, &sd);
  else if (n >= 2) stats_mean_interval(y, n, a, est, lo, hi);
  else {
    *est = y[0];
    *lo = *hi = NAN;
  }
  free(y);
  return 0;
}
