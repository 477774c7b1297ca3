/*
** calendar.c -- Gregorian day numbers (H. Hinnant, "chrono-Compatible
** Low-Level Date Algorithms").
*/
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "invariant.h"

long cal_days(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void cal_civil(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

int cal_parse(const char *s, long *days) {
  int y, m, d, n = 0;
  if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10) return -1;
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return -1;
  if (y < 1 || m < 1 || m > 12 || d < 1) return -1;
  int yy, mm, dd;
  long z = cal_days(y, m, d);
  cal_civil(z, &yy, &mm, &dd);
  if (yy != y || mm != m || dd != d) return -1; /* 2026-02-30 and the like */
  *days = z;
  return 0;
}

void cal_format(long days, char *buf, size_t len) {
  int y, m, d;
  NEO_ASSERT(len >= 11);
  cal_civil(days, &y, &m, &d);
  snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
}

long cal_month_start(long days, int months) {
  int y, m, d;
  cal_civil(days, &y, &m, &d);
  long idx = (long)y * 12 + (m - 1) + months;
  return cal_days((int)(idx / 12), (int)(idx % 12) + 1, 1);
}
