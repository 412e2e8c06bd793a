// Entity List amendments in Federal Register REGTEXT: the AMDPAR instructions
// ("By adding ... entries for “A,” “B,” and “C”"; "By revising the entry for
// “D”"; "By removing the entry for “E”") and the supplement no. 4 table rows.
#include <map>
#include <optional>
#include <string>

#include <re2/re2.h>

#include "ingest/regs/internal/fr_xml_internal.h"

#include "text/ascii.h"

namespace ecg::ingest::regs_internal {
namespace {

using text::AsciiLower;
using text::CollapseSpace;
using text::SplitTrim;
using text::Trim;

struct Instruction {
  ListChangeKind kind = ListChangeKind::kAdd;
  std::string country;
  bool used = false;  // matched by a table row
};

// Names compare without surrounding punctuation and case-insensitively.
std::string NameKey(std::string_view name) {
  return AsciiLower(Trim(name, " ,.;:\"“”"));
}

std::string CleanName(std::string_view name) {
  return Trim(name, " ,;:\"“”");
}

void ReadInstructions(const std::vector<std::string>& amdpars,
                      std::map<std::string, Instruction>* out, std::vector<std::string>* order) {
  static const RE2 kCountry(
      R"(\bunder\s+(?:the\s+destination\s+of\s+)?([A-Z][A-Z'’.()\-]+(?:,?\s+[A-Z][A-Z'’.()\-]+)*))");
  static const RE2 kVerb(R"((?i)\b(adding|revising|removing)\b)");
  static const RE2 kQuoted(R"re([“"]([^”"]+)[”"])re");
  std::string country;
  for (const std::string& para : amdpars) {
    std::string c;
    if (RE2::PartialMatch(para, kCountry, &c)) {
      country = c;
    }
    // Walk the verbs in order; each governs the quoted names up to the next.
    re2::StringPiece rest(para);
    re2::StringPiece verb;
    std::vector<std::pair<size_t, ListChangeKind>> verbs;
    while (RE2::FindAndConsume(&rest, kVerb, &verb)) {
      std::string v = AsciiLower(std::string_view(verb.data(), verb.size()));
      ListChangeKind kind = v == "adding"     ? ListChangeKind::kAdd
                            : v == "revising" ? ListChangeKind::kRevise
                                              : ListChangeKind::kRemove;
      verbs.emplace_back(static_cast<size_t>(verb.data() - para.data()), kind);
    }
    for (size_t i = 0; i < verbs.size(); ++i) {
      size_t end = i + 1 < verbs.size() ? verbs[i + 1].first : para.size();
      re2::StringPiece span(para.data() + verbs[i].first, end - verbs[i].first);
      std::string name;
      while (RE2::FindAndConsume(&span, kQuoted, &name)) {
        std::string key = NameKey(name);
        if (out->count(key) == 0) {
          order->push_back(CleanName(name));
        }
        (*out)[key] = Instruction{verbs[i].second, country, false};
      }
    }
  }
}

// Drops the period that ends a list item unless it belongs to an abbreviation
// ("ELE Co." keeps it, "Beijing Example Litho." loses it).
std::string TrimFinalPeriod(std::string s) {
  if (s.empty() || s.back() != '.') {
    return s;
  }
  size_t space = s.find_last_of(' ');
  std::string word = s.substr(space == std::string::npos ? 0 : space + 1);
  word.pop_back();
  for (std::string_view abbr : {"Co", "Ltd", "Inc", "Corp", "Bhd", "Pte", "Pvt", "Jr", "St", "No",
                                "Co.,Ltd", "Mfg", "Bros"}) {
    if (word == abbr) {
      return s;
    }
  }
  if (word.find('.') != std::string::npos) {
    return s;  // "S.A." or "L.L.C."
  }
  s.pop_back();
  return s;
}

bool StartsWithDash(std::string_view s) {
  return s.rfind("—", 0) == 0 || s.rfind("–", 0) == 0 || s.rfind("-", 0) == 0;
}

std::string StripDash(std::string_view s) {
  for (std::string_view d : {"—", "–", "-"}) {
    if (s.rfind(d, 0) == 0) {
      s.remove_prefix(d.size());
      break;
    }
  }
  std::string out = Trim(s);
  if (out.size() >= 4 && out.compare(out.size() - 4, 4, " and") == 0) {
    out.resize(out.size() - 4);
  }
  return TrimFinalPeriod(Trim(out, " ;,"));
}

void AddAddresses(std::string_view text, std::vector<std::string>* out) {
  // "...; and Room 1201, ..." separates addresses.
  std::string t;
  size_t pos = 0;
  while (true) {
    size_t found = text.find("; and ", pos);
    if (found == std::string_view::npos) {
      t.append(text.substr(pos));
      break;
    }
    t.append(text.substr(pos, found - pos));
    t.push_back(';');
    pos = found + 6;
  }
  for (const std::string& a : SplitTrim(t, ";")) {
    std::string clean = Trim(a, " .;");
    if (!clean.empty()) {
      out->push_back(clean);
    }
  }
}

// Splits "Name, 18 Sample Lane, ..." where the address starts.
size_t AddressStart(std::string_view s) {
  static const RE2 kAddr(
      R"(, ((?:[0-9]|Room |Rm\. |No\. |Building |Bldg\. |Floor |Suite |Unit |Block |P\.O\. )))");
  re2::StringPiece m;
  if (RE2::PartialMatch(s, kAddr, &m)) {
    return static_cast<size_t>(m.data() - s.data()) - 2;  // at the ", "
  }
  return std::string_view::npos;
}

void ParseEntityCell(xmlNode* ent, EntityListChange* change) {
  std::string head;
  std::vector<std::string> items;
  for (xmlNode* c = ent->children; c != nullptr; c = c->next) {
    if (IsElement(c, "LI")) {
      items.push_back(NodeText(c));
    } else if (items.empty()) {
      std::string t = c->type == XML_TEXT_NODE
                          ? CollapseSpace(reinterpret_cast<const char*>(c->content))
                          : NodeText(c);
      if (!t.empty()) {
        head += head.empty() ? t : " " + t;
      }
    }
  }
  static const RE2 kAka(R"(^(.*?),?\s+a\.k\.a\.?,?\s*(.*)$)");
  static const RE2 kFollowing(R"((?i)^the following [a-z0-9-]+ alias(?:es)?:?\s*(.*)$)");
  std::string name;
  std::string rest;
  if (RE2::FullMatch(head, kAka, &name, &rest)) {
    change->name = CleanName(name);
    std::string tail;
    if (RE2::FullMatch(rest, kFollowing, &tail)) {
      for (const std::string& li : items) {
        if (StartsWithDash(li)) {
          change->aliases.push_back(StripDash(li));
        } else {
          AddAddresses(li, &change->addresses);
        }
      }
      return;
    }
    // One inline alias: "Name, a.k.a. Other Name, 5 Road, City."
    size_t addr = AddressStart(rest);
    change->aliases.push_back(Trim(rest.substr(0, addr), " ,;."));
    if (addr != std::string::npos) {
      AddAddresses(std::string_view(rest).substr(addr + 2), &change->addresses);
    }
  } else if (!items.empty()) {
    change->name = CleanName(head);
  } else {
    size_t addr = AddressStart(head);
    change->name = CleanName(std::string_view(head).substr(0, addr));
    if (addr != std::string::npos) {
      AddAddresses(std::string_view(head).substr(addr + 2), &change->addresses);
    }
  }
  for (const std::string& li : items) {
    AddAddresses(li, &change->addresses);
  }
}

std::vector<xmlNode*> Cells(xmlNode* row) {
  std::vector<xmlNode*> out;
  for (xmlNode* c = row->children; c != nullptr; c = c->next) {
    if (IsElement(c, "ENT")) {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::vector<EntityListChange> ReadEntityListChanges(xmlNode* document) {
  std::vector<EntityListChange> out;
  std::vector<xmlNode*> regtexts;
  Descendants(document, "REGTEXT", &regtexts);
  for (xmlNode* regtext : regtexts) {
    if (Attr(regtext, "PART") != "744") {
      continue;
    }
    std::vector<xmlNode*> nodes;
    Descendants(regtext, "AMDPAR", &nodes);
    std::vector<std::string> amdpars;
    for (xmlNode* n : nodes) {
      amdpars.push_back(NodeText(n));
    }
    std::map<std::string, Instruction> instructions;
    std::vector<std::string> order;
    ReadInstructions(amdpars, &instructions, &order);
    std::vector<xmlNode*> rows;
    Descendants(regtext, "ROW", &rows);
    std::string country;
    for (xmlNode* row : rows) {
      std::vector<xmlNode*> cells = Cells(row);
      if (cells.size() < 2) {
        continue;  // "* * * * *" elision rows
      }
      std::string first = NodeText(cells[0]);
      if (!first.empty()) {
        country = first;
      }
      if (NodeText(cells[1]).empty()) {
        continue;  // the country heading row
      }
      EntityListChange change;
      change.country = country;
      ParseEntityCell(cells[1], &change);
      if (cells.size() > 2) {
        change.license_requirement = NodeText(cells[2]);
      }
      if (cells.size() > 3) {
        change.license_policy = NodeText(cells[3]);
      }
      if (cells.size() > 4) {
        change.citation = NodeText(cells[4]);
      }
      auto it = instructions.find(NameKey(change.name));
      if (it != instructions.end()) {
        change.kind = it->second.kind;
        it->second.used = true;
      }
      out.push_back(std::move(change));
    }
    // Instructions without a table row: removals, and any addition or
    // revision whose row the document leaves out.
    for (const std::string& name : order) {
      const Instruction& ins = instructions[NameKey(name)];
      if (ins.used) {
        continue;
      }
      EntityListChange change;
      change.kind = ins.kind;
      change.country = ins.country;
      change.name = name;
      out.push_back(std::move(change));
    }
  }
  return out;
}

}  // namespace ecg::ingest::regs_internal
