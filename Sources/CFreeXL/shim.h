#ifndef CFREEXL_SHIM_H
#define CFREEXL_SHIM_H
// FreeXL reads Excel 97–2003 workbooks (.xls, BIFF8 in a compound file); Debian's libfreexl-dev.
#include <freexl.h>
#endif
