#ifndef LIAISON_CLMDB_SHIM_H
#define LIAISON_CLMDB_SHIM_H
#include <lmdb.h>
#endif
