#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
// OpenSSL's message digests (SHA-256 for the run manifest's fingerprints).
#include <openssl/evp.h>
#endif
