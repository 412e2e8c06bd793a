// History: every statement about each input vertex — property values and
// edges in both directions — in valid-time order, regardless of the time
// filter, with the source it came from and the run that recorded it.
#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

Value DateOrNull(Date d) {
  return d.is_min() || d.is_max() ? Value() : Value(d);
}

class HistoryOp final : public BufferedOp {
 public:
  using BufferedOp::BufferedOp;

 protected:
  Status OpenImpl() override {
    std::vector<Row> rows;
    ECG_RETURN_IF_ERROR(DrainChild(&rows));
    for (const Row& in : rows) {
      std::vector<store::HistoryEvent> events;
      ECG_RETURN_IF_ERROR(ctx_->view().History(in.vertex, &events));
      ECG_RETURN_IF_ERROR(ctx_->Charge(events.size()));
      ECG_ASSIGN_OR_RETURN(std::string name, ctx_->Label(in.vertex));
      for (const store::HistoryEvent& ev : events) {
        ECG_RETURN_IF_ERROR(Emit(in.vertex, name, ev));
      }
    }
    return Status::OK();
  }

 private:
  Status Emit(VertexId vertex, const std::string& name, const store::HistoryEvent& ev) {
    const store::StatementMeta& meta = ev.meta();
    std::string event;
    std::string field;
    Value value;
    Row row;
    row.vertex = vertex;
    if (ev.property) {
      event = "property";
      const PropertyDef* def = Catalog::Find(ev.property->property);
      field = def != nullptr ? std::string(def->name) : std::to_string(ev.property->property);
      value = ev.property->value;
    } else {
      const store::EdgeStatement& e = *ev.edge;
      bool out = ev.what == store::HistoryEvent::What::kEdgeOut;
      event = out ? "edge out" : "edge in";
      field = std::string(EdgeTypeName(e.type));
      ECG_ASSIGN_OR_RETURN(std::string other, ctx_->Label(out ? e.dst : e.src));
      std::string props;
      for (const auto& [id, v] : e.props) {
        const PropertyDef* def = Catalog::Find(id);
        props +=
            (props.empty() ? "" : ", ") + std::string(def ? def->name : "?") + "=" + v.ToString();
      }
      value = Value(props.empty() ? other : other + " (" + props + ")");
      row.edge = std::make_shared<const store::EdgeStatement>(e);
    }
    if (!meta.current()) {
      event += " (superseded)";
    }
    Value source;
    if (meta.source.valid()) {
      ECG_ASSIGN_OR_RETURN(store::VertexRecord src, ctx_->Vertex(meta.source));
      source = Value(src.key);
    }
    row.values = {Value(static_cast<int64_t>(vertex.value())),
                  Value(name),
                  DateOrNull(meta.valid.from),
                  DateOrNull(meta.valid.to),
                  Value(event),
                  Value(field),
                  std::move(value),
                  std::move(source),
                  Value(static_cast<int64_t>(meta.recorded.value()))};
    buffer_.push_back(std::move(row));
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Op> NewHistoryOp(std::unique_ptr<Op> child) {
  return std::make_unique<HistoryOp>(std::move(child));
}

}  // namespace ecg::query::exec
