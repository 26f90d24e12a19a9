// ISA-L igzip: the fast streaming gzip inflate used for .csv.gz inputs (TabularText).
#include <isa-l/igzip_lib.h>
