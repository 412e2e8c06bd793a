// resolution_eval: measures entity resolution on the graph of ../shared/data
// (built by scripts/real_graph.sh, as docs/ingest.md says) against pairs of
// list records labelled by evidence independent of the resolver:
//   same party     - CSL records of the two shapes that share an entity number;
//                    records of one list in two files whose names agree letter
//                    for letter (and country, when both state one): the eCFR
//                    extracts against the CSL, China's two lists against each
//                    other;
//   distinct party - records of one list (and edition, for a file holding
//                    several) in one file with different record ids.
// Each record is found in the graph by its record key ("rec:<id>"). Prints
// pairwise precision and recall, the clusters that join two records of one
// list file, and for the Entity List, MEU, China's Unreliable Entity List and
// the 1260H list the entities listed today against the newest complete
// file's distinct parties (for a list that no file holds whole, against the
// union of each source's newest file). Records that a curated judgement of
// the graph (ingest/data/judgements.csv) calls one party count as one record
// of their file. Exits 1 when precision < 0.995, recall < 0.98, a cluster
// joins two records of one file, or a count is off by more than 2%.
// Usage: resolution_eval [--db DIR] [--data DIR] [--verbose]
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/lists/detect.h"
#include "ingest/util/csv.h"
#include "store/graph_store.h"

#include "bench/bench_util.h"
#include "resolve/judgements.h"
#include "text/decode.h"
#include "text/normalizer.h"

namespace ecg::bench {
namespace {

// The list files of ../shared/data, in the order scripts/real_graph.sh
// ingests them; `complete` marks the files that hold their lists whole, but
// for the list `partial` names.
struct ListFile {
  const char* path;
  bool complete;
  const char* partial = "";
};
const ListFile kFiles[] = {
    {"bis_entity_list_ecfr_nsfreg/bis_entity_list.json", true},
    {"bis_entity_list_ecfr_nsfreg/bis_meu.json", true},
    // Not whole: its 80 parties are a subset (77 by name) of the 188 of the
    // 2026-06-08 list that the 1260H CSV below holds; the notice's PDF was
    // extracted in part.
    {"bis_entity_list_ecfr_nsfreg/dow_1260h.json", false},
    {"bis_entity_list_ecfr_nsfreg/ofac_nscmic.json", true},
    {"csl_raw_watchman/csl_2019-12_sample.csv", false},
    {"csl_raw_watchman/csl_2023-11_subset.csv", false},
    {"csl_raw_watchman/consolidated_2025-06_sample.csv", false},
    {"csl_compact_seelpeed/screening-list.json", true},
    {"us_lists_opensanctions/bis_mieu.csv", true},
    {"us_lists_opensanctions/dod_chinese_milcorps_1260h.csv", true},
    {"us_lists_opensanctions/fcc_covered_list_table.csv", true},
    // Neither China's sanctions file nor the registry holds the Unreliable
    // Entity List whole: the 2026-08-07 file has none of the 21 parties of
    // MOFCOM's UEL notices of 2025-01-02, 2025-01-14 and 2025-01-15 (it lists
    // most of them on the export control list), which the registry has with
    // those notices' addresses; the registry lacks others the file has.
    {"cn_sanctions_opensanctions/sanctions_2026-06-29.csv", true, "CN-UEL"},
    {"cn_sanctions_opensanctions/sanctions_2026-08-07.csv", true, "CN-UEL"},
    {"cn_lists_xyna/cn.json", true, "CN-UEL"},
};

struct Rec {
  int file = 0;
  std::string list;
  std::string edition;  // of a file holding several editions of its list
  std::string base_id;  // record id without a "~N" repeat suffix
  std::string letters;  // lower-case ASCII letters and digits of the name
  std::string country;
  std::string entity_number;  // CSL only
  VertexId vertex;
  std::string name;
};

std::string Letters(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) != 0) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (c >= 0x80) {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string BaseId(const std::string& id) {
  size_t tilde = id.rfind('~');
  if (tilde != std::string::npos && tilde + 1 < id.size() &&
      id.find_first_not_of("0123456789", tilde + 1) == std::string::npos) {
    return id.substr(0, tilde);
  }
  return id;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Die(Status::NotFound(path + ": cannot open"));
  }
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

// entity_number by line, for a CSL CSV file.
std::map<uint64_t, std::string> EntityNumbers(std::string_view utf8, const std::string& label) {
  std::map<uint64_t, std::string> out;
  auto rows = ingest::util::ReadCsv(utf8, label);
  if (!rows.ok() || rows->empty()) {
    return out;
  }
  const int col = ingest::util::ColumnIndex((*rows)[0].fields, "entity_number");
  if (col < 0) {
    return out;
  }
  for (const auto& r : *rows) {
    if (static_cast<size_t>(col) < r.fields.size() && !r.fields[col].empty() &&
        r.fields[col] != "entity_number") {
      out[r.line] = r.fields[col];
    }
  }
  return out;
}

struct Counts {
  uint64_t positives = 0;
  uint64_t true_positives = 0;
  uint64_t negatives = 0;
  uint64_t false_positives = 0;
};

int Run(int argc, char** argv) {
  std::string db = "build/real-graph.db";
  std::string data = "../shared/data";
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) {
      db = argv[++i];
    } else if (a == "--data" && i + 1 < argc) {
      data = argv[++i];
    } else if (a == "--verbose") {
      verbose = true;
    } else {
      std::fprintf(stderr,
                   "usage: resolution_eval [--db DIR] [--data DIR] [--verbose]\n"
                   "  DIR of --db: a graph built by scripts/real_graph.sh (default %s)\n",
                   db.c_str());
      return 2;
    }
  }
  auto normalizer = Must(text::TextNormalizer::Create());
  store::Options options;
  options.read_only = true;
  options.create_if_missing = false;
  options.normalizer = normalizer.get();
  auto store = Must(store::GraphStore::Open(db, options));
  auto view = store->NewReadView();

  std::vector<Rec> recs;
  struct Newest {
    int file = -1;
    size_t parties = 0;
    Date date;
  };
  std::map<std::string, Newest> newest_complete;  // by list code
  // The newest complete file of each source (folder) per list, with the
  // name keys of each party it lists today: the reference when two sources
  // that each hold the list whole disagree on who is on it.
  struct SourceParties {
    int file = -1;
    Date date;
    std::map<std::string, std::set<std::string>> keys;  // base id -> name keys
  };
  std::map<std::string, std::map<std::string, SourceParties>> by_source;  // list -> folder ->
  const int nfiles = static_cast<int>(std::size(kFiles));
  for (int f = 0; f < nfiles; ++f) {
    const std::string path = data + "/" + kFiles[f].path;
    std::string bytes = ReadFile(path);
    std::string utf8 = Must(text::DecodeToUtf8(bytes, "", path));
    ingest::ParsedList parsed = Must(ingest::DetectAndParseListFile(utf8, path));
    std::map<uint64_t, std::string> numbers;
    if (parsed.format == "csl-csv") {
      numbers = EntityNumbers(utf8, path);
    }
    // list -> ids of the records the file lists today, and their name keys.
    std::map<std::string, std::set<std::string>> parties;
    std::map<std::string, std::map<std::string, std::set<std::string>>> party_keys;
    for (const auto& r : parsed.records) {
      Rec rec;
      rec.file = f;
      rec.list = r.list_code;
      rec.edition = r.edition;
      rec.base_id = BaseId(r.record_id);
      rec.letters = Letters(r.name);
      rec.country = r.country;
      rec.name = r.name;
      if (parsed.format == "csl-compact-json" &&
          r.record_id.find_first_not_of("0123456789") == std::string::npos) {
        rec.entity_number = r.record_id;
      } else if (auto it = numbers.find(r.line); it != numbers.end()) {
        rec.entity_number = it->second;
      }
      rec.vertex = Must(view->FindByKey(VertexKind::kEntity, "rec:" + r.record_id));
      if (!rec.vertex.valid()) {
        continue;  // quarantined at ingest (no usable name)
      }
      if (!r.end_date || Date::Today() < *r.end_date) {  // on the list today
        parties[r.list_code].insert(rec.base_id);
        std::set<std::string>& keys = party_keys[r.list_code][rec.base_id];
        std::vector<std::string> names = r.aliases;
        names.push_back(r.name);
        for (const std::string& n : names) {
          if (std::string k = Letters(n); k.size() >= 6) {
            keys.insert(std::move(k));
          }
        }
      }
      recs.push_back(std::move(rec));
    }
    if (kFiles[f].complete) {
      // The file's own date; undated files count as of the order given.
      // A file holding several editions is of its newest record's date.
      Date date = parsed.snapshot_date.value_or(Date());
      for (const auto& r : parsed.records) {
        if (r.start_date && date < *r.start_date && !r.edition.empty()) {
          date = *r.start_date;
        }
      }
      for (const auto& [list, ids] : parties) {
        if (list != kFiles[f].partial) {
          Newest& n = newest_complete[list];
          if (n.file < 0 || !(date < n.date)) {
            n = Newest{f, ids.size(), date};
          }
        }
        const std::string file_path = kFiles[f].path;
        SourceParties& sp = by_source[list][file_path.substr(0, file_path.find('/'))];
        if (sp.file < 0 || !(date < sp.date)) {
          sp = SourceParties{f, date, party_keys[list]};
        }
      }
    }
  }

  // Records judged one party (resolve/judgements.h) count as one id: the
  // judgement says that their file split one party in two.
  const resolve::JudgementIndex judgements = Must(resolve::LoadJudgements(*view));
  std::map<std::string, std::string> judged_as;  // record id -> its group's least id
  std::function<std::string(const std::string&)> group = [&](const std::string& id) {
    auto it = judged_as.find(id);
    if (it == judged_as.end() || it->second == id) {
      return id;
    }
    return it->second = group(it->second);
  };
  for (const auto& [key, list] : judgements) {
    for (const resolve::Judgement& j : list) {
      if (j.same) {
        const std::string x = group(key.substr(4));
        const std::string y = group(j.other.substr(4));  // past "rec:"
        judged_as[std::max(x, y)] = std::min(x, y);
        judged_as.emplace(std::min(x, y), std::min(x, y));
      }
    }
  }
  uint64_t judged_same = 0;
  for (Rec& r : recs) {
    if (judged_as.count(r.base_id) != 0) {
      r.base_id = group(r.base_id);
      ++judged_same;
    }
  }
  if (judged_same > 0) {
    std::printf("records in groups that judgements call one party: %llu\n",
                static_cast<unsigned long long>(judged_same));
  }

  // Distinct pairs: records of one list in one file, different ids.
  Counts c;
  uint64_t joined_clusters = 0;
  {
    std::map<std::pair<int, std::string>, std::map<uint64_t, std::map<std::string, uint64_t>>>
        groups;
    std::map<std::pair<int, std::string>, std::map<std::string, uint64_t>> ids;
    for (const Rec& r : recs) {
      const std::string scope = r.list + "@" + r.edition;
      groups[{r.file, scope}][r.vertex.value()][r.base_id]++;
      ids[{r.file, scope}][r.base_id]++;
    }
    for (const auto& [g, by_id] : ids) {
      uint64_t n = 0;
      uint64_t same = 0;
      for (const auto& [id, k] : by_id) {
        n += k;
        same += k * k;
      }
      c.negatives += (n * n - same) / 2;
    }
    for (const auto& [g, by_vertex] : groups) {
      for (const auto& [v, by_id] : by_vertex) {
        if (by_id.size() < 2) {
          continue;
        }
        ++joined_clusters;
        uint64_t n = 0;
        uint64_t same = 0;
        for (const auto& [id, k] : by_id) {
          n += k;
          same += k * k;
        }
        c.false_positives += (n * n - same) / 2;
        if (verbose) {
          std::printf("joined in %s %s: vertex %llu holds", kFiles[g.first].path, g.second.c_str(),
                      static_cast<unsigned long long>(v));
          for (const auto& [id, k] : by_id) {
            std::printf(" %s", id.c_str());
          }
          std::printf("\n");
        }
      }
    }
  }

  // Same-party pairs.
  std::map<std::string, Counts> by_evidence;
  auto pair = [&](const Rec& a, const Rec& b, const std::string& evidence) {
    Counts& e = by_evidence[evidence];
    ++e.positives;
    ++c.positives;
    if (a.vertex == b.vertex) {
      ++e.true_positives;
      ++c.true_positives;
    } else if (verbose) {
      std::printf("missed (%s): '%s' [%s] / '%s' [%s]\n", evidence.c_str(), a.name.c_str(),
                  kFiles[a.file].path, b.name.c_str(), kFiles[b.file].path);
    }
  };
  {
    std::map<std::string, std::vector<const Rec*>> by_number;
    for (const Rec& r : recs) {
      if (!r.entity_number.empty()) {
        by_number[r.list + "|" + r.entity_number].push_back(&r);
      }
    }
    for (const auto& [n, rs] : by_number) {
      for (size_t i = 0; i < rs.size(); ++i) {
        for (size_t j = i + 1; j < rs.size(); ++j) {
          if (rs[i]->file != rs[j]->file) {
            pair(*rs[i], *rs[j], "CSL entity number");
          }
        }
      }
    }
    // One name, letter for letter, on one list in two files.
    std::map<std::string, std::vector<const Rec*>> by_name;
    for (const Rec& r : recs) {
      if (r.letters.size() >= 6) {
        by_name[r.list + "|" + r.letters].push_back(&r);
      }
    }
    for (const auto& [n, rs] : by_name) {
      for (size_t i = 0; i < rs.size(); ++i) {
        for (size_t j = i + 1; j < rs.size(); ++j) {
          const Rec& a = *rs[i];
          const Rec& b = *rs[j];
          if (a.file == b.file || (!a.entity_number.empty() && !b.entity_number.empty()) ||
              (!a.country.empty() && !b.country.empty() && a.country != b.country)) {
            continue;
          }
          const bool ecfr_a = std::string_view(kFiles[a.file].path).starts_with("bis_");
          const bool ecfr_b = std::string_view(kFiles[b.file].path).starts_with("bis_");
          const bool cn = std::string_view(a.list).starts_with("CN-");
          if (ecfr_a != ecfr_b) {
            pair(a, b, "eCFR vs CSL, one name");
          } else if (cn) {
            pair(a, b, "China's lists, one name");
          }
        }
      }
    }
  }

  const double precision =
      c.true_positives + c.false_positives == 0
          ? 1.0
          : static_cast<double>(c.true_positives) / (c.true_positives + c.false_positives);
  const double recall =
      c.positives == 0 ? 0.0 : static_cast<double>(c.true_positives) / c.positives;
  std::printf("records: %zu in %d list files\n", recs.size(), nfiles);
  std::printf("same-party pairs: %llu, joined: %llu\n",
              static_cast<unsigned long long>(c.positives),
              static_cast<unsigned long long>(c.true_positives));
  for (const auto& [e, k] : by_evidence) {
    std::printf("  %-28s %6llu pairs, recall %.4f\n", e.c_str(),
                static_cast<unsigned long long>(k.positives),
                k.positives == 0 ? 0.0 : static_cast<double>(k.true_positives) / k.positives);
  }
  std::printf("distinct pairs: %llu, joined: %llu (in %llu clusters)\n",
              static_cast<unsigned long long>(c.negatives),
              static_cast<unsigned long long>(c.false_positives),
              static_cast<unsigned long long>(joined_clusters));
  std::printf("pairwise precision %.4f, recall %.4f\n", precision, recall);

  bool ok = precision >= 0.995 && recall >= 0.98 && joined_clusters == 0;
  const Date today = Date::Today();
  store::TimeFilter now;
  now.as_of = today;
  auto today_view = store->NewReadView(now);
  // Distinct parties over the newest complete file of each source: parties
  // of two sources that share a name key (letter for letter, six or more)
  // are one.
  auto union_of_sources = [&](const std::string& list) -> size_t {
    std::vector<int> parent;
    std::map<std::string, int> by_key;
    std::function<int(int)> root = [&](int x) {
      return parent[x] == x ? x : parent[x] = root(parent[x]);
    };
    for (const auto& [folder, sp] : by_source[list]) {
      std::map<std::string, int> seen_here;  // a key shared inside one file joins nothing
      for (const auto& [id, keys] : sp.keys) {
        const int me = static_cast<int>(parent.size());
        parent.push_back(me);
        for (const std::string& k : keys) {
          if (seen_here.count(k) != 0) {
            continue;
          }
          seen_here[k] = me;
          auto [it, fresh] = by_key.emplace(k, me);
          if (!fresh) {
            parent[root(me)] = root(it->second);
          }
        }
      }
    }
    size_t roots = 0;
    for (int i = 0; i < static_cast<int>(parent.size()); ++i) {
      roots += root(i) == i ? 1 : 0;
    }
    return roots;
  };
  std::printf("%-8s %10s %14s %7s %14s %7s  newest complete file\n", "list", "listed now",
              "file parties", "diff", "all sources", "diff");
  for (const char* list : {"EL", "MEU", "CN-UEL", "1260H"}) {
    VertexId lv = Must(today_view->FindByKey(VertexKind::kList, list));
    std::set<uint64_t> listed;
    if (lv.valid()) {
      Status s = today_view->ForEachEdge(lv, store::Direction::kIn, EdgeType::kListedOn,
                                         [&](const store::EdgeStatement& e) {
                                           listed.insert(e.src.value());
                                           return true;
                                         });
      if (!s.ok()) {
        Die(s);
      }
    }
    auto it = newest_complete.find(list);
    const bool whole = it != newest_complete.end();
    const size_t parties = whole ? it->second.parties : 0;
    auto off = [&](size_t reference) {
      return reference == 0
                 ? 1.0
                 : (static_cast<double>(listed.size()) - static_cast<double>(reference)) /
                       static_cast<double>(reference);
    };
    const size_t all = union_of_sources(list);
    // A list that no file holds whole is checked against the union of sources.
    ok = ok && std::fabs(off(whole ? parties : all)) <= 0.02;
    char file_cols[64] = "             -       -";
    if (whole) {
      std::snprintf(file_cols, sizeof(file_cols), "%14zu %+6.1f%%", parties, 100 * off(parties));
    }
    std::printf(
        "%-8s %10zu %s %14zu %+6.1f%%  %s\n", list, listed.size(), file_cols, all, 100 * off(all),
        whole ? kFiles[it->second.file].path : "none whole: checked against the union of sources");
  }
  std::printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace ecg::bench

int main(int argc, char** argv) {
  return ecg::bench::Run(argc, argv);
}
