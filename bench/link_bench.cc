// link_bench: article linking throughput on Chinese text (the hkcnews
// articles and the seed article, repeated), against ICU's word BreakIterator
// alone over the same text, for both automaton modes (Aho-Corasick and a
// trie walk), with the gazetteer of a real graph (technologies, aliases, the
// Entity List) and with 100k synthetic names added. Linking includes the
// screener's name index behind organisation-like spans, as `ecg ingest` does.
//
//   link_bench [--shared DIR] [--mb N] [--index yes|no]
//
// DIR defaults to ../shared/data next to the source tree (found from this
// file's compiled path); N (the text size in MB) to 4.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "ingest/articles/article.h"
#include "ingest/articles/gazetteer.h"
#include "ingest/articles/linker.h"
#include "ingest/run/handlers.h"
#include "ingest/run/ingest_run.h"
#include "store/graph_store.h"

#include "screen/screener.h"
#include "text/normalizer.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

void Fail(const ecg::Status& s) {
  std::fprintf(stderr, "link_bench: %s\n", s.ToString().c_str());
  std::exit(1);  // NOLINT(concurrency-mt-unsafe): the benchmark is single-threaded
}

// The corpus: article texts repeated until `target` bytes.
std::vector<std::string> Corpus(const std::string& shared, size_t target, size_t* distinct) {
  std::vector<std::string> texts;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(shared + "/news_zh_hkcnews")) {
    files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto a = ecg::ingest::ParseArticles(ReadAll(f), ecg::ingest::kFormatArticleMarkdown, f);
    if (!a.ok()) {
      Fail(a.status());
    }
    texts.push_back((*a)[0].text);
  }
  const std::string seed = shared + "/seed_article_zh/000_66573e9969ddc2ed.txt";
  auto a = ecg::ingest::ParseArticles(ReadAll(seed), ecg::ingest::kFormatArticleText, seed);
  if (!a.ok()) {
    Fail(a.status());
  }
  texts.push_back((*a)[0].text);
  *distinct = 0;
  for (const auto& t : texts) {
    *distinct += t.size();
  }
  std::vector<std::string> out;
  size_t total = 0;
  while (total < target) {
    for (const auto& t : texts) {
      out.push_back(t);
      total += t.size();
    }
  }
  return out;
}

size_t Bytes(const std::vector<std::string>& corpus) {
  size_t n = 0;
  for (const auto& t : corpus) {
    n += t.size();
  }
  return n;
}

// ICU's word BreakIterator alone, over UTF-8 through UText (no conversion).
double BreakIteratorSeconds(const std::vector<std::string>& corpus, size_t* words) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    Fail(ecg::Status::Internal("no ICU word break iterator"));
  }
  *words = 0;
  auto t0 = Clock::now();
  for (const auto& text : corpus) {
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    it->setText(ut, status);
    for (int32_t p = it->first(); p != icu::BreakIterator::DONE; p = it->next()) {
      if (it->getRuleStatus() >= UBRK_WORD_LETTER) {
        ++*words;
      }
    }
    utext_close(ut);
  }
  return Seconds(t0, Clock::now());
}

double LinkSeconds(ecg::ingest::Gazetteer* g, const std::vector<std::string>& corpus,
                   ecg::ingest::MatchMode mode, ecg::screen::Screener* screener,
                   const ecg::store::ReadView* view, size_t* mentions) {
  ecg::ingest::LinkOptions options;
  options.mode = mode;
  options.screener = screener;
  options.view = view;
  *mentions = 0;
  auto t0 = Clock::now();
  for (const auto& text : corpus) {
    *mentions += ecg::ingest::LinkText(g, text, options).mentions.size();
  }
  return Seconds(t0, Clock::now());
}

// Synthetic organisation names: half Chinese (3-8 Han characters with a
// legal form), half Latin ("Xoravid Photonics Co., Ltd.").
std::vector<std::string> SyntheticNames(size_t n) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> han(0x4E00, 0x9FA5);
  std::uniform_int_distribution<int> len(3, 8);
  std::uniform_int_distribution<int> letter('a', 'z');
  const char* forms_zh[] = {"有限公司", "集团", "研究所", "科技有限公司"};
  const char* words_en[] = {"Photonics", "Semiconductor", "Systems", "Microelectronics"};
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    std::string s;
    if (i % 2 == 0) {
      icu::UnicodeString u;
      for (int k = len(rng); k > 0; --k) {
        u.append(static_cast<UChar32>(han(rng)));
      }
      u.toUTF8String(s);
      s += forms_zh[i % 4 / 2 + (i % 7 == 0 ? 2 : 0)];
    } else {
      s.push_back(static_cast<char>(letter(rng) - 'a' + 'A'));
      for (int k = len(rng); k > 0; --k) {
        s.push_back(static_cast<char>(letter(rng)));
      }
      s += std::string(" ") + words_en[i % 4] + " Co., Ltd.";
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string src = fs::path(__FILE__).parent_path().parent_path().string();
  std::string shared = src + "/../shared/data";
  double mb = 4;
  bool with_index = true;  // --index no: without the screener's name index
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--shared") == 0) {
      shared = argv[i + 1];
    } else if (std::strcmp(argv[i], "--index") == 0) {
      with_index = std::strcmp(argv[i + 1], "no") != 0;
    } else if (std::strcmp(argv[i], "--mb") == 0) {
      mb = std::atof(argv[i + 1]);
    }
  }
  auto normalizer = ecg::text::TextNormalizer::Create();
  if (!normalizer.ok()) {
    Fail(normalizer.status());
  }
  // A real graph: technologies, the curated aliases and the Entity List.
  const fs::path dir = fs::temp_directory_path() / ("link_bench_" + std::to_string(::getpid()));
  ecg::store::Options options;
  options.normalizer = normalizer->get();
  auto store = ecg::store::GraphStore::Open(dir.string(), options);
  if (!store.ok()) {
    Fail(store.status());
  }
  ecg::ingest::Ingester ingester(store->get(), normalizer->get());
  ingester.RegisterDefaultHandlers();
  ecg::ingest::RunReport report;
  ecg::Status s =
      ingester.IngestFiles({src + "/ingest/data/technologies.csv", src + "/ingest/data/aliases.csv",
                            shared + "/bis_entity_list_ecfr_nsfreg/bis_entity_list.json"},
                           {}, &report);
  if (!s.ok() || report.rejected() != 0) {
    Fail(s.ok() ? ecg::Status::Internal(report.ToText()) : s);
  }
  auto view = (*store)->NewReadView();
  // The name index behind organisation-like spans, as `ecg ingest` links.
  auto entities = ecg::screen::Screener::CountEntities(*view);
  if (!entities.ok()) {
    Fail(entities.status());
  }
  auto screener = ecg::screen::Screener::Create(nullptr, normalizer->get(), *entities);
  if (!screener.ok()) {
    Fail(screener.status());
  }

  size_t distinct = 0;
  std::vector<std::string> corpus = Corpus(shared, static_cast<size_t>(mb * 1e6), &distinct);
  const double total_mb = static_cast<double>(Bytes(corpus)) / 1e6;
  std::printf("text: %.2f MB (%zu distinct bytes of %zu articles, repeated)\n", total_mb, distinct,
              size_t{15});

  size_t words = 0;
  const double icu_s = BreakIteratorSeconds(corpus, &words);
  std::printf("%-44s %8.1f MB/s  (%zu words)\n", "ICU word BreakIterator alone", total_mb / icu_s,
              words);

  for (size_t synthetic : {size_t{0}, size_t{100000}}) {
    auto t0 = Clock::now();
    ecg::ingest::Gazetteer g(normalizer->get());
    ecg::Status added = g.AddGraph(*view);
    if (!added.ok()) {
      Fail(added);
    }
    std::vector<std::string> names = SyntheticNames(synthetic);
    for (size_t i = 0; i < names.size(); ++i) {
      g.AddName(names[i], ecg::VertexId(1000000 + i), ecg::VertexKind::kEntity,
                ecg::ingest::NameRole::kName, "CN");
    }
    g.Finish();
    const double build_s = Seconds(t0, Clock::now());
    std::printf("gazetteer: %zu folded names (%zu synthetic), %zu trie nodes, built in %.2f s\n",
                g.names(), synthetic, g.automaton().nodes(), build_s);
    for (auto mode : {ecg::ingest::MatchMode::kAhoCorasick, ecg::ingest::MatchMode::kTrieWalk}) {
      size_t mentions = 0;
      // Warm the fold cache once, then measure.
      ecg::screen::Screener* index = with_index ? screener->get() : nullptr;
      LinkSeconds(&g, {corpus.begin(), corpus.begin() + 15}, mode, index, view.get(), &mentions);
      const double link_s = LinkSeconds(&g, corpus, mode, index, view.get(), &mentions);
      std::printf("%-44s %8.1f MB/s  (%zu mentions; link time / BreakIterator time = %.2f)\n",
                  mode == ecg::ingest::MatchMode::kAhoCorasick ? "  link, Aho-Corasick"
                                                               : "  link, trie walk",
                  total_mb / link_s, mentions, link_s / icu_s);
    }
  }
  view.reset();
  store->reset();
  fs::remove_all(dir);
  return 0;
}
