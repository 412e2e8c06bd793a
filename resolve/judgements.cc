#include "resolve/judgements.h"

namespace ecg::resolve {

std::string EncodeJudgement(const Judgement& j) {
  return std::string(j.same ? "same" : "distinct") + "\t" + j.record + "\t" + j.other + "\t" +
         j.reason;
}

std::optional<Judgement> DecodeJudgement(std::string_view value) {
  std::vector<std::string_view> parts;
  for (size_t start = 0; parts.size() < 3;) {
    const size_t tab = value.find('\t', start);
    if (tab == std::string_view::npos) {
      return std::nullopt;
    }
    parts.push_back(value.substr(start, tab - start));
    start = tab + 1;
    if (parts.size() == 3) {
      parts.push_back(value.substr(start));
    }
  }
  if ((parts[0] != "same" && parts[0] != "distinct") || parts[1].empty() || parts[2].empty()) {
    return std::nullopt;
  }
  Judgement j;
  j.same = parts[0] == "same";
  j.record = std::string(parts[1]);
  j.other = std::string(parts[2]);
  j.reason = std::string(parts[3]);
  return j;
}

void AddJudgement(const Judgement& j, JudgementIndex* index) {
  (*index)[j.record].push_back(j);
  Judgement mirror = j;
  std::swap(mirror.record, mirror.other);
  (*index)[mirror.record].push_back(std::move(mirror));
}

Result<JudgementIndex> LoadJudgements(const store::ReadView& view) {
  JudgementIndex index;
  std::vector<VertexId> sources;
  ECG_RETURN_IF_ERROR(view.ScanKind(VertexKind::kSource, [&](VertexId id) {
    sources.push_back(id);
    return true;
  }));
  for (VertexId s : sources) {
    std::vector<store::PropertyStatement> props;
    ECG_RETURN_IF_ERROR(view.GetProperties(s, prop::kJudgement, &props));
    for (const auto& p : props) {
      if (p.value.type() != PropertyType::kString) {
        continue;
      }
      if (auto j = DecodeJudgement(p.value.as_string())) {
        AddJudgement(*j, &index);
      }
    }
  }
  return index;
}

}  // namespace ecg::resolve
