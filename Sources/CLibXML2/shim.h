#ifndef ASSAY_CLIBXML2_SHIM_H
#define ASSAY_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU, so its encoding header pulls in the system ICU headers, which
// clash with the copy Swift's Foundation carries (_FoundationICU). Assay never touches libxml2's
// encoding-handler internals (the only structures ICU changes), so the ICU part is switched off
// for this module's view of the headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#endif
