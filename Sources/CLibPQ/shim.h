#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H
// PostgreSQL's client library libpq (Debian's libpq-dev): `--data postgresql://…` sources.
#include <libpq-fe.h>
#endif
