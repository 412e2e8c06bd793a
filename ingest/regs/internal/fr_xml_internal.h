// Internal to the FR XML parser: libxml2 tree helpers and the Entity List
// amendment reader, split out of fr_xml.cc. Not for use outside ingest/regs.
#ifndef ECG_INGEST_REGS_INTERNAL_FR_XML_INTERNAL_H_
#define ECG_INGEST_REGS_INTERNAL_FR_XML_INTERNAL_H_

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "ingest/regs/fr_document.h"

namespace ecg::ingest::regs_internal {

// True when `node` is an element named `name`.
bool IsElement(const xmlNode* node, std::string_view name);
// All text under `node`, whitespace collapsed.
std::string NodeText(const xmlNode* node);
// First child element named `name` (direct children only), or nullptr.
xmlNode* Child(const xmlNode* node, std::string_view name);
// Every descendant element named `name`, in document order.
void Descendants(xmlNode* node, std::string_view name, std::vector<xmlNode*>* out);
// An attribute value, "" when absent.
std::string Attr(const xmlNode* node, const char* name);

// Reads the Entity List amendments in the REGTEXT elements of `document`
// (PART="744"): AMDPAR instructions say which names are added, revised or
// removed under which country; GPOTABLE rows give names, aliases, addresses,
// license requirement, license review policy and citation.
std::vector<EntityListChange> ReadEntityListChanges(xmlNode* document);

}  // namespace ecg::ingest::regs_internal

#endif  // ECG_INGEST_REGS_INTERNAL_FR_XML_INTERNAL_H_
