#ifndef DNSLINT_CLDNS_SHIM_H
#define DNSLINT_CLDNS_SHIM_H
// stdbool first: without it every ldns `bool` imports as Int8.
#include <stdbool.h>
#include <stdlib.h>
#include <malloc.h>
#include <ldns/ldns.h>

// Function-like macros do not import into Swift.
static inline void dnslint_free(void *p) { free(p); }
// A builtin: Swift has no way to ask for a cache line ahead of its use.
static inline void dnslint_prefetch_for_write(const void *p) { __builtin_prefetch(p, 1, 3); }
#endif
