// zlib: streaming gzip inflate, the portable decoder for .csv.gz inputs (TabularText).
#include <zlib.h>
