/*
** calendar.h -- proleptic Gregorian dates as day numbers (days since
** 1970-01-01), ISO YYYY-MM-DD parsing and formatting, month arithmetic.
** Simulation time is hours since the scenario start; the calendar maps
** it to dates and month boundaries.
*/
#ifndef NEOSIM_CALENDAR_H
#define NEOSIM_CALENDAR_H

#include <stddef.h>

/* Days since 1970-01-01 of a valid date (Hinnant's days_from_civil). */
long cal_days(int y, int m, int d);
/* The date of a day number. */
void cal_civil(long days, int *y, int *m, int *d);
/* Parse exactly "YYYY-MM-DD" (a real date, year 1..9999): 0 ok, -1 bad. */
int cal_parse(const char *s, long *days);
/* Format a day number as YYYY-MM-DD into buf (size >= 11). */
void cal_format(long days, char *buf, size_t len);
/* Day number of the first day of the month `months` after that of `days`. */
long cal_month_start(long days, int months);

#endif
