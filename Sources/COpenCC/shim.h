#ifndef COPENCC_SHIM_H
#define COPENCC_SHIM_H
#include <opencc/opencc.h>
#endif
