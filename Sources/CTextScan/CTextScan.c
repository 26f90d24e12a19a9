// The functions are `static inline` in the header; this file gives the target its one source.
#include "CTextScan.h"
