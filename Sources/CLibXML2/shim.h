// Debian's libxml2-dev: its HTML parser reads author HTML the way browsers do.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the ICU copy inside Foundation;
// Minbar uses no encoding handler, so their ICU fields are left out of the imported headers.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/globals.h>

// xmlFree is a global function pointer, which strict concurrency rejects: call it here.
static inline void minbar_xml_free(void *pointer) { xmlFree(pointer); }
