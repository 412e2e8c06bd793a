#include "query/plan/logical_plan.h"

namespace ecg::query {
namespace {

std::string_view DirName(store::Direction d) {
  switch (d) {
    case store::Direction::kOut:
      return "out";
    case store::Direction::kIn:
      return "in";
    case store::Direction::kBoth:
      return "both";
  }
  return "?";
}

std::string DayName(Date d) {
  return d.is_max() ? "today" : d.is_min() ? "any" : d.ToString();
}

std::string Quote(const std::string& s) {
  return "\"" + s + "\"";
}

std::string Items(const std::vector<BoundItem>& items) {
  std::string out;
  for (const BoundItem& item : items) {
    out += out.empty() ? "" : ", ";
    out += item.name + "=" + item.expr->ToString();
    if (item.descending) {
      out += " desc";
    }
  }
  return out;
}

}  // namespace

std::string LogicalOp::Describe() const {
  switch (kind) {
    case LogicalOpKind::kScanKind:
      return "ScanKind " + std::string(VertexKindName(vertex_kind));
    case LogicalOpKind::kLookup:
      return "Lookup " + std::string(VertexKindName(vertex_kind)) + " key-or-name " + Quote(text);
    case LogicalOpKind::kNameIndex:
      return "NameIndex " + std::string(VertexKindName(vertex_kind)) + " " + Quote(text);
    case LogicalOpKind::kFuzzyLookup:
      return "FuzzyName " + std::string(VertexKindName(vertex_kind)) + " " + Quote(text);
    case LogicalOpKind::kFilter:
      return "Filter " + predicate->ToString();
    case LogicalOpKind::kExpand:
    case LogicalOpKind::kExpandVar: {
      std::string out = kind == LogicalOpKind::kExpand ? "Expand " : "ExpandVar ";
      out += std::string(DirName(step.dir)) + " " +
             (step.type ? std::string(EdgeTypeName(*step.type)) : "*");
      if (kind == LogicalOpKind::kExpandVar) {
        out += " hops " + std::to_string(step.min_hops) + ".." +
               (step.max_hops == 0 ? std::string("max_depth") : std::to_string(step.max_hops));
      }
      if (step.target) {
        out += " -> " + std::string(VertexKindName(*step.target));
      }
      if (step.edge_filter) {
        out += " [" + step.edge_filter->ToString() + "]";
      }
      if (track_paths) {
        out += " +paths";
      } else if (keep_edges) {
        out += " +edges";
      }
      return out;
    }
    case LogicalOpKind::kProject:
      return "Project " + Items(items);
    case LogicalOpKind::kDistinct:
      return "Distinct";
    case LogicalOpKind::kKeep:
      return "Keep #" + std::to_string(slot) + " as " + text;
    case LogicalOpKind::kSort:
      return "Sort " + Items(items);
    case LogicalOpKind::kLimit:
      return "Limit " + std::to_string(limit);
    case LogicalOpKind::kAggregate: {
      std::string out = "Aggregate keys [" + Items(items) + "] aggs [";
      bool first = true;
      for (const BoundAggregate& a : aggregates) {
        out += first ? "" : ", ";
        first = false;
        out += a.name + "=" + std::string(AggregateFnName(a.fn));
        if (a.arg) {
          out += "(" + a.arg->ToString() + ")";
        }
      }
      return out + "]";
    }
    case LogicalOpKind::kAffiliates: {
      char buf[32];
      std::snprintf(buf, sizeof(buf), "%g", threshold);
      return std::string("Affiliates threshold ") + buf + "%";
    }
    case LogicalOpKind::kHistory:
      return "History";
    case LogicalOpKind::kDiff:
      return "Diff " + DayName(from) + " .. " + DayName(to);
  }
  return "?";
}

std::string LogicalOp::ToString(int indent) const {
  std::string out = std::string(static_cast<size_t>(indent) * 2, ' ') + Describe() + "\n";
  if (input) {
    out += input->ToString(indent + 1);
  }
  return out;
}

std::string LogicalPlan::ToString() const {
  std::string out = root ? root->ToString() : "";
  out += "Time: valid " + (as_of ? DayName(*as_of) : std::string("today")) + ", known " +
         (known_at && !known_at->is_max() ? known_at->ToString() : std::string("now")) + "\n";
  return out;
}

}  // namespace ecg::query
