// A dictionary automaton over folded code points: a trie with Aho-Corasick
// failure links. Two match modes over the same trie, measured against each
// other by bench/link_bench: Aho-Corasick (one pass, O(text + matches)) and
// a plain trie walk from every position (O(text x longest name)).
// Thread safety: build with Add/Finish on one thread; after Finish the
// automaton is immutable and safe for concurrent matching.
#ifndef ECG_INGEST_ARTICLES_AUTOMATON_H_
#define ECG_INGEST_ARTICLES_AUTOMATON_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ecg::ingest {

enum class MatchMode : uint8_t { kAhoCorasick, kTrieWalk };

class Automaton {
 public:
  Automaton();
  Automaton(const Automaton&) = delete;
  Automaton& operator=(const Automaton&) = delete;
  Automaton(Automaton&&) = default;
  Automaton& operator=(Automaton&&) = default;
  ~Automaton() = default;

  // Adds a pattern; returns its id (the same id when it was added before).
  // REQUIRES: !pattern.empty(), Finish() not called yet.
  uint32_t Add(std::u32string_view pattern);
  // Computes failure and output links. Add may not be called afterwards.
  void Finish();

  size_t patterns() const { return pattern_length_.size(); }
  size_t nodes() const { return terminal_.size(); }
  uint32_t pattern_length(uint32_t id) const { return pattern_length_[id]; }

  // Calls fn(begin, end, pattern id) for every occurrence of every pattern
  // in `text` ([begin, end) in code points), overlapping ones included.
  // REQUIRES: Finish() called.
  void Match(std::u32string_view text, MatchMode mode,
             const std::function<void(size_t, size_t, uint32_t)>& fn) const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t Next(uint32_t node, char32_t c) const;
  uint32_t NewNode();

  // Transitions keyed by (node << 32 | code point).
  std::unordered_map<uint64_t, uint32_t> edges_;
  // The root's transitions for the Basic Multilingual Plane, dense: every
  // text position starts at (or falls back to) the root, and its fan-out is
  // the widest (every first character of every name).
  std::vector<uint32_t> root_;
  std::vector<uint32_t> fail_;
  std::vector<uint32_t> output_;    // nearest terminal node on the failure chain
  std::vector<uint32_t> terminal_;  // pattern id ending at the node, or kNone
  std::vector<uint32_t> depth_;
  std::vector<std::vector<uint32_t>> children_;  // for the breadth-first pass
  std::vector<char32_t> label_;
  std::vector<uint32_t> pattern_length_;
  bool finished_ = false;
};

}  // namespace ecg::ingest

#endif  // ECG_INGEST_ARTICLES_AUTOMATON_H_
