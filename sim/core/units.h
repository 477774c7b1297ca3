/*
** units.h -- the units neosim counts in, named once.  Simulated time is
** hours (a double) from the scenario start; the results speak of days;
** a year is 365.25 days and a month a twelfth of it (the model's months
** for rates, terms and billing; calendar months, for closing the books,
** come from calendar.h).  Power is in kW per node and MW per site.
** Conversions are written as the one multiplication or division they
** are, so a result does not depend on which spelling a file uses.
*/
#ifndef NEOSIM_UNITS_H
#define NEOSIM_UNITS_H

#define HOURS_PER_DAY 24.0
#define DAYS_PER_YEAR 365.25
#define MONTHS_PER_YEAR 12.0
#define HOURS_PER_YEAR (HOURS_PER_DAY * DAYS_PER_YEAR)     /* 8766 */
#define HOURS_PER_MONTH (HOURS_PER_YEAR / MONTHS_PER_YEAR) /* 730.5 */
#define DAYS_PER_MONTH (DAYS_PER_YEAR / MONTHS_PER_YEAR)   /* 30.4375 */
#define KW_PER_MW 1000.0
/* Wall-clock durations (progress and timings), in seconds. */
#define SECONDS_PER_MINUTE 60.0
#define SECONDS_PER_HOUR 3600.0

static inline double days_to_hours(double days) { return days * HOURS_PER_DAY; }
static inline double hours_to_days(double hours) { return hours / HOURS_PER_DAY; }
static inline double hours_to_years(double hours) { return hours / HOURS_PER_YEAR; }
static inline double months_to_hours(double months) { return months * HOURS_PER_MONTH; }

#endif
