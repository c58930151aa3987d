/*
 * banned.h — libc calls our code may not make, turned into compile errors (git's technique).
 *
 * The build force-includes this file into every source of ours (-include, through the
 * lab_warnings interface target in the top CMakeLists.txt); generated protobuf code and
 * system headers are not touched. A use then fails to compile with an error naming
 * 'sorry_<name>_is_banned', and the replacement is in common/str.h:
 *
 *   strcpy strcat          str_copy(), or snprintf() into a bounded buffer
 *   sprintf vsprintf       snprintf() / vsnprintf()
 *   gets                   fgets() (or getline())
 *   strtok                 strchr()/strcspn() loops (strtok keeps hidden state)
 *   atoi atol atoll atof   parse_u64() / parse_i64() / parse_double()
 *   strtol and family      the same: they accept "12x", " 12" and "" and report
 *                          overflow only through errno, so every call went unchecked
 *
 * The strtol family is allowed in one file, common/str.c, which wraps it once with every
 * check. That file re-includes this header after defining LAB_STR_IMPL, which lifts the
 * strtol-family ban (and only it) for the rest of that file.
 *
 * Because the file comes first (it is force-included), it pulls in the libc headers that
 * declare the banned functions before defining the macros: their declarations are then
 * already seen and the include guards keep later #includes from expanding the macros
 * inside libc's own declarations.
 */
#ifndef LAB_COMMON_BANNED_H
#define LAB_COMMON_BANNED_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LAB_BANNED(func) sorry_##func##_is_banned

#undef strcpy
#define strcpy(...) LAB_BANNED(strcpy)
#undef strcat
#define strcat(...) LAB_BANNED(strcat)
#undef sprintf
#define sprintf(...) LAB_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) LAB_BANNED(vsprintf)
#undef gets
#define gets(...) LAB_BANNED(gets)
#undef strtok
#define strtok(...) LAB_BANNED(strtok)
#undef atoi
#define atoi(...) LAB_BANNED(atoi)
#undef atol
#define atol(...) LAB_BANNED(atol)
#undef atoll
#define atoll(...) LAB_BANNED(atoll)
#undef atof
#define atof(...) LAB_BANNED(atof)

#define LAB_BANNED_STRTOL 1
#undef strtol
#define strtol(...) LAB_BANNED(strtol)
#undef strtoul
#define strtoul(...) LAB_BANNED(strtoul)
#undef strtoll
#define strtoll(...) LAB_BANNED(strtoll)
#undef strtoull
#define strtoull(...) LAB_BANNED(strtoull)
#undef strtoimax
#define strtoimax(...) LAB_BANNED(strtoimax)
#undef strtoumax
#define strtoumax(...) LAB_BANNED(strtoumax)
#undef strtod
#define strtod(...) LAB_BANNED(strtod)
#undef strtof
#define strtof(...) LAB_BANNED(strtof)
#undef strtold
#define strtold(...) LAB_BANNED(strtold)

#endif

/* common/str.c only: the one wrapper of the strtol family. */
#if defined(LAB_STR_IMPL) && defined(LAB_BANNED_STRTOL)
#undef LAB_BANNED_STRTOL
#undef strtol
#undef strtoul
#undef strtoll
#undef strtoull
#undef strtoimax
#undef strtoumax
#undef strtod
#undef strtof
#undef strtold
#endif
