#ifndef DNSLINT_CLDNS_SHIM_H
#define DNSLINT_CLDNS_SHIM_H
// stdbool first: without it every ldns `bool` imports as Int8.
#include <stdbool.h>
#include <stdlib.h>
#include <malloc.h>
#include <ldns/ldns.h>

// Function-like macros do not import into Swift.
static inline void dnslint_free(void *p) { free(p); }
#endif
