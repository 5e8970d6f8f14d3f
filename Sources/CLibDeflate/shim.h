#ifndef CLIBDEFLATE_SHIM_H
#define CLIBDEFLATE_SHIM_H
// libdeflate (Debian's libdeflate-dev): whole-buffer DEFLATE, zlib and CRC-32 for our own PNG
// files and ZIP entries, faster than zlib at equal or better ratio.
#include <libdeflate.h>
#endif
