#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
// SQLite's C API (Debian's libsqlite3-dev): database sources read with `--data sqlite:PATH`.
#include <sqlite3.h>
#endif
