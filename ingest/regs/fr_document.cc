#include "ingest/regs/fr_document.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <utility>

namespace ecg::ingest {

std::string_view EccnRoleName(EccnRole role) {
  return role == EccnRole::kAmends ? "amends" : "mentions";
}

// Names indexed by the enumerator (the enums are dense, from 0, in this order).
std::string_view RuleRelationName(RuleRelation relation) {
  static constexpr std::string_view kNames[] = {"corrects", "revises", "rescinds", "suspends",
                                                "supersedes"};
  static_assert(std::size(kNames) == static_cast<size_t>(RuleRelation::kSupersedes) + 1);
  return kNames[static_cast<size_t>(relation)];
}

std::string_view ListChangeKindName(ListChangeKind kind) {
  static constexpr std::string_view kNames[] = {"adds", "revises", "removes"};
  static_assert(std::size(kNames) == static_cast<size_t>(ListChangeKind::kRemove) + 1);
  return kNames[static_cast<size_t>(kind)];
}

std::string CleanFrTypography(std::string_view text) {
  // A stray trailing backtick after the final sentence: the FR API emits it
  // for an opening quote whose text was cut off.
  size_t last = text.find_last_not_of(" \t\r\n");
  if (last != std::string_view::npos && text[last] == '`' && (last == 0 || text[last - 1] != '`')) {
    text = text.substr(0, last);
  }
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (c == '`' && i + 1 < text.size() && text[i + 1] == '`') {
      out.push_back('"');
      ++i;
    } else if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
      out.push_back('"');
      ++i;
    } else if (c == '`') {
      out.push_back('\'');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

namespace {

void FillString(std::string* dst, const std::string& src) {
  if (dst->empty()) {
    *dst = src;
  }
}

template <typename T>
void FillOptional(std::optional<T>* dst, const std::optional<T>& src) {
  if (!dst->has_value()) {
    *dst = src;
  }
}

template <typename T, typename Eq>
void Union(std::vector<T>* dst, const std::vector<T>& src, Eq eq) {
  for (const T& v : src) {
    bool found = std::any_of(dst->begin(), dst->end(), [&](const T& d) { return eq(d, v); });
    if (!found) {
      dst->push_back(v);
    }
  }
}

}  // namespace

Status MergeFrDocument(FrDocument* base, const FrDocument& other) {
  if (base->document_number != other.document_number) {
    return Status::InvalidArgument("cannot merge Federal Register document " +
                                   other.document_number + " into " + base->document_number);
  }
  if (base->publication_date && other.publication_date &&
      *base->publication_date != *other.publication_date) {
    return Status::InvalidArgument(
        "document " + base->document_number + " has two publication dates: " +
        base->publication_date->ToString() + " and " + other.publication_date->ToString());
  }
  // One line per field: each fills what `base` lacks from `other`.
  FillString(&base->item_id, other.item_id);
  FillString(&base->type, other.type);
  FillString(&base->title, other.title);
  FillOptional(&base->publication_date, other.publication_date);
  FillString(&base->action, other.action);
  FillString(&base->agency, other.agency);
  // The longest abstract wins: some posts cut the summary short.
  if (other.abstract.size() > base->abstract.size()) {
    base->abstract = other.abstract;
  }
  FillString(&base->url, other.url);
  FillOptional(&base->effective_date, other.effective_date);
  FillString(&base->citation, other.citation);
  FillOptional(&base->volume, other.volume);
  FillOptional(&base->start_page, other.start_page);
  FillString(&base->rin, other.rin);
  Union(&base->cfr_parts, other.cfr_parts, std::equal_to<>());
  // An ECCN amended in one source and mentioned in another is amended.
  for (const EccnRef& ref : other.eccns) {
    auto it = std::find_if(base->eccns.begin(), base->eccns.end(),
                           [&](const EccnRef& e) { return e.code == ref.code; });
    if (it == base->eccns.end()) {
      base->eccns.push_back(ref);
    } else if (ref.role == EccnRole::kAmends) {
      it->role = EccnRole::kAmends;
    }
  }
  FillOptional(&base->counts.entities_added, other.counts.entities_added);
  FillOptional(&base->counts.entries_added, other.counts.entries_added);
  FillOptional(&base->counts.entities_revised, other.counts.entities_revised);
  FillOptional(&base->counts.entities_removed, other.counts.entities_removed);
  Union(&base->counts.per_country, other.counts.per_country, std::equal_to<>());
  Union(&base->related, other.related, [](const RuleRef& a, const RuleRef& b) {
    return a.relation == b.relation && a.document_number == b.document_number &&
           a.citation == b.citation && a.title == b.title && a.target_date == b.target_date;
  });
  Union(&base->changes, other.changes, [](const EntityListChange& a, const EntityListChange& b) {
    return a.kind == b.kind && a.country == b.country && a.name == b.name;
  });
  Union(&base->source_files, other.source_files, std::equal_to<>());
  return Status::OK();
}

Result<std::vector<FrDocument>> MergeFrDocuments(std::vector<FrDocument> docs) {
  std::vector<FrDocument> out;
  std::map<std::string, size_t> index;
  for (FrDocument& doc : docs) {
    if (doc.document_number.empty()) {
      out.push_back(std::move(doc));
      continue;
    }
    auto [it, inserted] = index.emplace(doc.document_number, out.size());
    if (inserted) {
      out.push_back(std::move(doc));
    } else {
      ECG_RETURN_IF_ERROR(MergeFrDocument(&out[it->second], doc));
    }
  }
  return out;
}

}  // namespace ecg::ingest
