// Typed property ids: one constant per property of the catalog
// (schema/catalog.cc), so that a misspelt property is a compile error rather
// than a lookup that fails at run time. Stored on disk: never renumber.
// CatalogTest checks that every constant names its catalog entry.
#ifndef ECG_SCHEMA_PROPS_H_
#define ECG_SCHEMA_PROPS_H_

#include <cstdint>

namespace ecg {

using PropertyId = uint16_t;

namespace prop {

inline constexpr PropertyId kName = 1;                 // "name"
inline constexpr PropertyId kAlias = 2;                // "alias"
inline constexpr PropertyId kCountry = 3;              // "country"
inline constexpr PropertyId kType = 4;                 // "type"
inline constexpr PropertyId kAddress = 5;              // "address"
inline constexpr PropertyId kCode = 6;                 // "code"
inline constexpr PropertyId kDate = 7;                 // "date"
inline constexpr PropertyId kSubtype = 8;              // "subtype"
inline constexpr PropertyId kIdentifier = 9;           // "identifier"
inline constexpr PropertyId kLegalForm = 10;           // "legal_form"
inline constexpr PropertyId kRemarks = 11;             // "remarks"
inline constexpr PropertyId kUrl = 12;                 // "url"
inline constexpr PropertyId kDocumentNumber = 20;      // "document_number"
inline constexpr PropertyId kCitation = 21;            // "citation"
inline constexpr PropertyId kTitle = 22;               // "title"
inline constexpr PropertyId kPublicationDate = 23;     // "publication_date"
inline constexpr PropertyId kEffectiveDate = 24;       // "effective_date"
inline constexpr PropertyId kAction = 25;              // "action"
inline constexpr PropertyId kAgency = 26;              // "agency"
inline constexpr PropertyId kAbstract = 27;            // "abstract"
inline constexpr PropertyId kRin = 28;                 // "rin"
inline constexpr PropertyId kCfrPart = 29;             // "cfr_part"
inline constexpr PropertyId kEntitiesAdded = 30;       // "entities_added"
inline constexpr PropertyId kEntriesAdded = 31;        // "entries_added"
inline constexpr PropertyId kEntitiesRemoved = 32;     // "entities_removed"
inline constexpr PropertyId kEntitiesRevised = 33;     // "entities_revised"
inline constexpr PropertyId kHeading = 40;             // "heading"
inline constexpr PropertyId kReason = 41;              // "reason"
inline constexpr PropertyId kLicenseException = 42;    // "license_exception"
inline constexpr PropertyId kRelatedControls = 43;     // "related_controls"
inline constexpr PropertyId kTpp = 44;                 // "tpp"
inline constexpr PropertyId kPerformanceDensity = 45;  // "performance_density"
inline constexpr PropertyId kOperations = 46;          // "operations"
inline constexpr PropertyId kCategory = 47;            // "category"
inline constexpr PropertyId kGroup = 50;               // "group"
inline constexpr PropertyId kLang = 60;                // "lang"
inline constexpr PropertyId kText = 61;                // "text"
inline constexpr PropertyId kPath = 70;                // "path"
inline constexpr PropertyId kSha256 = 71;              // "sha256"
inline constexpr PropertyId kFormat = 72;              // "format"
inline constexpr PropertyId kBytes = 73;               // "bytes"
inline constexpr PropertyId kFeed = 74;                // "feed"
inline constexpr PropertyId kSnapshotDate = 75;        // "snapshot_date"
inline constexpr PropertyId kPct = 80;                 // "pct"
inline constexpr PropertyId kEntityNumber = 81;        // "entity_number"
inline constexpr PropertyId kLicenseRequirement = 82;  // "license_requirement"
inline constexpr PropertyId kLicensePolicy = 83;       // "license_policy"
inline constexpr PropertyId kPrograms = 84;            // "programs"
inline constexpr PropertyId kStartDate = 85;           // "start_date"
inline constexpr PropertyId kOffset = 86;              // "offset"
inline constexpr PropertyId kLength = 87;              // "length"
inline constexpr PropertyId kByteOffset = 88;          // "byte_offset"
inline constexpr PropertyId kConfidence = 89;          // "confidence"
inline constexpr PropertyId kSurface = 90;             // "surface"
inline constexpr PropertyId kRole = 91;                // "role"
inline constexpr PropertyId kListName = 92;            // "list_name"
inline constexpr PropertyId kNote = 93;                // "note"
inline constexpr PropertyId kResolution = 100;         // "resolution"
inline constexpr PropertyId kDatePrecision = 101;      // "date_precision"
inline constexpr PropertyId kDatedBy = 102;            // "dated_by"
inline constexpr PropertyId kListedFrom = 103;         // "listed_from"
inline constexpr PropertyId kJudgement = 104;          // "judgement"
inline constexpr PropertyId kCountryCounts = 150;      // "country_counts"
inline constexpr PropertyId kRelation = 151;           // "relation"
inline constexpr PropertyId kControl = 152;            // "control"
inline constexpr PropertyId kSourceNote = 153;         // "source_note"
inline constexpr PropertyId kUnlinked = 200;           // "unlinked"
inline constexpr PropertyId kContext = 201;            // "context"
inline constexpr PropertyId kScore = 202;              // "score"
inline constexpr PropertyId kFeatures = 203;           // "features"

}  // namespace prop
}  // namespace ecg

#endif  // ECG_SCHEMA_PROPS_H_
