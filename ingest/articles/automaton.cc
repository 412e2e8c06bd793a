#include "ingest/articles/automaton.h"

#include <cassert>
#include <deque>

namespace ecg::ingest {
namespace {

uint64_t EdgeKey(uint32_t node, char32_t c) {
  return (static_cast<uint64_t>(node) << 32) | static_cast<uint64_t>(c);
}

}  // namespace

Automaton::Automaton() : root_(0x10000, kNone) {
  NewNode();
}

uint32_t Automaton::NewNode() {
  fail_.push_back(0);
  output_.push_back(kNone);
  terminal_.push_back(kNone);
  depth_.push_back(0);
  children_.emplace_back();
  label_.push_back(0);
  return static_cast<uint32_t>(terminal_.size() - 1);
}

uint32_t Automaton::Next(uint32_t node, char32_t c) const {
  if (node == 0 && c < root_.size()) {
    return root_[c];
  }
  auto it = edges_.find(EdgeKey(node, c));
  return it == edges_.end() ? kNone : it->second;
}

uint32_t Automaton::Add(std::u32string_view pattern) {
  assert(!finished_ && !pattern.empty());
  uint32_t node = 0;
  for (char32_t c : pattern) {
    uint32_t next = Next(node, c);
    if (next == kNone) {
      next = NewNode();
      depth_[next] = depth_[node] + 1;
      label_[next] = c;
      if (node == 0 && c < root_.size()) {
        root_[c] = next;
      } else {
        edges_.emplace(EdgeKey(node, c), next);
      }
      children_[node].push_back(next);
    }
    node = next;
  }
  if (terminal_[node] == kNone) {
    terminal_[node] = static_cast<uint32_t>(pattern_length_.size());
    pattern_length_.push_back(static_cast<uint32_t>(pattern.size()));
  }
  return terminal_[node];
}

void Automaton::Finish() {
  // Breadth-first: a node's failure link is the longest proper suffix of its
  // path that is also a path in the trie.
  std::deque<uint32_t> queue;
  for (uint32_t child : children_[0]) {
    fail_[child] = 0;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    uint32_t node = queue.front();
    queue.pop_front();
    uint32_t f = fail_[node];
    output_[node] = terminal_[f] != kNone ? f : output_[f];
    for (uint32_t child : children_[node]) {
      char32_t c = label_[child];
      uint32_t g = f;
      uint32_t target = kNone;
      while (true) {
        target = Next(g, c);
        if (target != kNone || g == 0) {
          break;
        }
        g = fail_[g];
      }
      fail_[child] = (target != kNone && target != child) ? target : 0;
      queue.push_back(child);
    }
  }
  children_.clear();
  children_.shrink_to_fit();
  label_.clear();
  label_.shrink_to_fit();
  finished_ = true;
}

void Automaton::Match(std::u32string_view text, MatchMode mode,
                      const std::function<void(size_t, size_t, uint32_t)>& fn) const {
  if (mode == MatchMode::kTrieWalk) {
    for (size_t begin = 0; begin < text.size(); ++begin) {
      uint32_t node = 0;
      for (size_t i = begin; i < text.size(); ++i) {
        node = Next(node, text[i]);
        if (node == kNone) {
          break;
        }
        if (terminal_[node] != kNone) {
          fn(begin, i + 1, terminal_[node]);
        }
      }
    }
    return;
  }
  uint32_t node = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    uint32_t next = Next(node, c);
    while (next == kNone && node != 0) {
      node = fail_[node];
      next = Next(node, c);
    }
    node = next == kNone ? 0 : next;
    for (uint32_t out = terminal_[node] != kNone ? node : output_[node]; out != kNone;
         out = output_[out]) {
      uint32_t len = depth_[out];
      fn(i + 1 - len, i + 1, terminal_[out]);
    }
  }
}

}  // namespace ecg::ingest
