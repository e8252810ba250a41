#ifndef COSIP2_SHIM_H
#define COSIP2_SHIM_H
/* libosip2 (Debian libosip2-dev, pkg-config libosip2). Its headers need these two first. */
#include <sys/time.h>
#include <time.h>
#include <osipparser2/osip_parser.h>
#include <osipparser2/osip_port.h>

/* osip_free is a macro: expose it to Swift as a function. */
static inline void cosip2_free(void *pointer) { osip_free(pointer); }
#endif
