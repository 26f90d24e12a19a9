#ifndef ASSAY_CLIBXML2_SHIM_H
#define ASSAY_CLIBXML2_SHIM_H
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#endif
