#include "query/exec/op.h"

namespace ecg::query::exec {

Status Op::Open(ExecContext* ctx) {
  ctx_ = ctx;
  if (child_) {
    ECG_RETURN_IF_ERROR(child_->Open(ctx));
  }
  ECG_RETURN_IF_ERROR(ctx_->CheckDeadline());
  return OpenImpl();
}

Status Op::Next(Chunk* out) {
  out->clear();
  ECG_RETURN_IF_ERROR(ctx_->CheckDeadline());
  return NextImpl(out);
}

Status Op::DrainChild(std::vector<Row>* rows) {
  Chunk chunk;
  while (true) {
    ECG_RETURN_IF_ERROR(child_->Next(&chunk));
    if (chunk.empty()) {
      return Status::OK();
    }
    for (Row& r : chunk) {
      rows->push_back(std::move(r));
    }
  }
}

Status BufferedOp::NextImpl(Chunk* out) {
  while (next_ < buffer_.size() && out->size() < kChunkRows) {
    out->push_back(std::move(buffer_[next_++]));
  }
  return Status::OK();
}

}  // namespace ecg::query::exec
