/*
** invariant.h -- NEO_ASSERT(cond): a precondition a header states, or an
** invariant of a data structure, checked where neosim is built to find
** bugs (make SANITIZE=..., make fuzz, make DEBUG=1: NEOSIM_CHECKS is
** defined) and free in a release build, where cond is not evaluated.
** A failed check prints "neosim: internal error: FILE:LINE: FUNCTION:
** COND" on stderr and aborts: it is a bug in neosim, never a user error.
*/
#ifndef NEOSIM_INVARIANT_H
#define NEOSIM_INVARIANT_H

#ifdef NEOSIM_CHECKS
#define NEO_ASSERT(cond) ((cond) ? (void)0 : neo_assert_fail(#cond, __FILE__, __LINE__, __func__))
#else
#define NEO_ASSERT(cond) ((void)sizeof(!(cond))) /* type-checked, not evaluated */
#endif

_Noreturn void neo_assert_fail(const char *cond, const char *file, int line, const char *func);

#endif
