// ingest_bench: the list ingest of ../shared/data, timed by stage, with the
// raw simdjson parse rate of the same JSON in the same run, then the Consolidated
// Screening List written 10 times with perturbed names into one growing graph,
// to show how resolution and writes scale with the graph.
// Usage: ingest_bench [--data DIR] [--copies N]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <simdjson.h>

#include "ingest/lists/detect.h"
#include "ingest/lists/writer.h"
#include "ingest/run/ingest_run.h"
#include "store/graph_store.h"

#include "bench/bench_util.h"
#include "text/normalizer.h"

namespace {

using ecg::bench::Clock;
using ecg::bench::Die;
using ecg::bench::Must;
using ecg::bench::Since;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Deterministic name perturbations: a typo, a dropped legal form, a suffix.
std::string Perturb(const std::string& name, int copy) {
  std::string out = name;
  switch (copy % 3) {
    case 0:
      if (out.size() > 4) {
        std::swap(out[out.size() / 2], out[out.size() / 2 + 1]);
      }
      break;
    case 1:
      out += " Branch " + std::to_string(copy);
      break;
    default:
      out = "New " + out + " " + std::to_string(copy);
      break;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(ECG_SOURCE_DIR) + "/../shared/data";
  int copies = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--data") {
      data = argv[i + 1];
    } else if (flag == "--copies") {
      copies = std::stoi(argv[i + 1]);
    }
  }
  const std::vector<std::string> files = {
      "csl_compact_seelpeed/screening-list.json",
      "csl_raw_watchman/consolidated_2025-06_sample.csv",
      "csl_raw_watchman/csl_2019-12_sample.csv",
      "csl_raw_watchman/csl_2023-11_subset.csv",
      "bis_entity_list_ecfr_nsfreg/bis_entity_list.json",
      "bis_entity_list_ecfr_nsfreg/bis_meu.json",
      "bis_entity_list_ecfr_nsfreg/dow_1260h.json",
      "bis_entity_list_ecfr_nsfreg/ofac_nscmic.json",
      "us_lists_opensanctions/bis_mieu.csv",
      "us_lists_opensanctions/dod_chinese_milcorps_1260h.csv",
      "us_lists_opensanctions/fcc_covered_list_table.csv",
      "cn_sanctions_opensanctions/sanctions_2026-06-29.csv",
      "cn_sanctions_opensanctions/sanctions_2026-08-07.csv",
      "cn_lists_xyna/cn.json",
  };
  std::vector<std::string> paths;
  std::vector<std::string> bytes;
  uint64_t total_bytes = 0;
  uint64_t json_bytes = 0;
  for (const auto& f : files) {
    paths.push_back(data + "/" + f);
    bytes.push_back(Slurp(paths.back()));
    if (bytes.back().empty()) {
      std::fprintf(stderr, "ingest_bench: cannot read %s\n", paths.back().c_str());
      return 1;
    }
    total_bytes += bytes.back().size();
    if (f.ends_with(".json")) {
      json_bytes += bytes.back().size();
    }
  }
  auto normalizer = Must(ecg::text::TextNormalizer::Create());

  // 1. Parse.
  auto t = Clock::now();
  std::vector<ecg::ingest::ParsedList> parsed;
  uint64_t records = 0;
  double parse_json_s = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    auto ti = Clock::now();
    parsed.push_back(Must(ecg::ingest::DetectAndParseListFile(bytes[i], paths[i])));
    if (files[i].ends_with(".json")) {
      parse_json_s += Since(ti);
    }
    records += parsed.back().records.size();
  }
  double parse_s = Since(t);

  // 1b. Raw simdjson DOM parse of the same JSON files (a lower bound for parsing).
  t = Clock::now();
  simdjson::dom::parser parser;
  size_t elements = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!files[i].ends_with(".json")) {
      continue;
    }
    simdjson::dom::element doc;
    if (parser.parse(bytes[i]).get(doc) != simdjson::SUCCESS) {
      std::fprintf(stderr, "simdjson failed on %s\n", paths[i].c_str());
      return 1;
    }
    elements += doc.is_object() ? 1 : 0;
  }
  double simdjson_s = Since(t);

  // 2. Normalise every name and alias.
  t = Clock::now();
  uint64_t names = 0;
  for (const auto& list : parsed) {
    for (const auto& r : list.records) {
      auto a = normalizer->Analyze(r.name);
      names += a.core.empty() ? 0 : 1;
      for (const auto& alias : r.aliases) {
        (void)normalizer->Keys(alias);
        ++names;
      }
    }
  }
  double normalise_s = Since(t);

  // 3. The whole ingest (parse, normalise, resolve, write) into a fresh store.
  std::string dir = (std::filesystem::temp_directory_path() / "ecg_ingest_bench").string();
  std::filesystem::remove_all(dir);
  ecg::store::Options options;
  options.normalizer = normalizer.get();
  double ingest_s = 0;
  double resolve_s = 0;
  {
    auto store = Must(ecg::store::GraphStore::Open(dir + "/db", options));
    ecg::ingest::Ingester ingester(store.get(), normalizer.get());
    ingester.RegisterDefaultHandlers();
    t = Clock::now();
    ecg::ingest::RunReport report;
    if (auto s = ingester.IngestFiles(paths, {}, &report); !s.ok()) {
      Die(s);
    }
    ingest_s = Since(t);
    for (const ecg::ingest::FileReport& f : report.files) {
      resolve_s += f.resolve_seconds;
    }
  }

  // 4. Growth: the compact CSL written `copies` times with perturbed names.
  std::vector<double> copy_s;
  uint64_t csl_records = parsed[0].records.size();
  {
    std::filesystem::remove_all(dir);
    auto store = Must(ecg::store::GraphStore::Open(dir + "/db", options));
    for (int c = 0; c < copies; ++c) {
      ecg::ingest::ParsedList copy = parsed[0];
      for (auto& r : copy.records) {
        r.name = Perturb(r.name, c);
        r.record_id += "~copy" + std::to_string(c);
        for (auto& a : r.aliases) {
          a = Perturb(a, c);
        }
      }
      auto run = Must(store->BeginRun("copy"));
      auto batch = Must(store->NewBatch(run));
      auto source = Must(batch->Vertex(ecg::VertexKind::kSource, "bench:copy" + std::to_string(c)));
      ecg::ingest::FileReport report;
      auto view = store->NewReadView();
      ecg::ingest::SourceContext ctx(batch.get(), view.get(), source, "csl-compact-json", "copy",
                                     ecg::Date::Today(), normalizer.get(), &report);
      t = Clock::now();
      if (auto s = ecg::ingest::WriteParsedList(copy, &ctx); !s.ok()) {
        Die(s);
      }
      if (auto s = batch->Commit(); !s.ok()) {
        Die(s);
      }
      copy_s.push_back(Since(t));
    }
  }
  std::filesystem::remove_all(dir);

  const double mb = static_cast<double>(total_bytes) / (1 << 20);
  const double json_mb = static_cast<double>(json_bytes) / (1 << 20);
  std::printf("list files: %zu, %.1f MiB, %llu records, %llu names and aliases\n", files.size(), mb,
              static_cast<unsigned long long>(records), static_cast<unsigned long long>(names));
  std::printf("parse            %7.2f s  %9.0f records/s  %6.1f MiB/s\n", parse_s,
              records / parse_s, mb / parse_s);
  std::printf(
      "  JSON files     %7.2f s  %6.1f MiB/s; raw simdjson DOM %6.3f s  %7.1f MiB/s "
      "(our parse / simdjson = %.1f)\n",
      parse_json_s, json_mb / parse_json_s, simdjson_s, json_mb / simdjson_s,
      parse_json_s / simdjson_s);
  std::printf("normalise        %7.2f s  %9.0f names/s\n", normalise_s, names / normalise_s);
  std::printf("full ingest      %7.2f s  %9.0f records/s (parse + normalise + resolve + write)\n",
              ingest_s, records / ingest_s);
  std::printf("  resolve+write  %7.2f s  (full ingest minus parse and normalise)\n",
              ingest_s - parse_s - normalise_s);
  std::printf("    of which resolution %5.2f s  %9.0f records/s (EntityResolver::Resolve)\n",
              resolve_s, records / resolve_s);
  std::printf(
      "CSL x%d with perturbed names (%llu records per copy), seconds and records/s per "
      "copy:\n",
      copies, static_cast<unsigned long long>(csl_records));
  for (size_t c = 0; c < copy_s.size(); ++c) {
    std::printf("  copy %2zu  %6.2f s  %8.0f records/s\n", c + 1, copy_s[c],
                csl_records / copy_s[c]);
  }
  return elements == 0 ? 1 : 0;
}
