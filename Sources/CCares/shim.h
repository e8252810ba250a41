#ifndef CCARES_SHIM_H
#define CCARES_SHIM_H
/* c-ares (Debian libc-ares-dev, pkg-config libcares): asynchronous DNS, here for ENUM NAPTR queries (RFC 6116). */
#include <sys/select.h>
#include <arpa/nameser.h>
#include <ares.h>

/* Macros Swift does not import: the bit masks of ares_getsock (ARES_GETSOCK_READABLE/WRITABLE) as functions. */
static inline int ccares_getsock_readable(int bits, int index) { return ARES_GETSOCK_READABLE(bits, index); }
static inline int ccares_getsock_writable(int bits, int index) { return ARES_GETSOCK_WRITABLE(bits, index); }

/* RFC 1035 §3.2.4 class IN, RFC 3403 §4 type NAPTR (35): C enums of <arpa/nameser.h>. */
static const int ccares_class_in = ns_c_in;
static const int ccares_type_naptr = ns_t_naptr;
#endif
