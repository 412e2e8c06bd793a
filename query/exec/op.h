// Op: the base of exec operators, a pull model over chunks of rows. Open()
// opens the inputs first; Next() returns the next chunk, and an empty chunk
// means the end. The non-virtual wrappers check the deadline so that every
// operator stops cleanly when a limit is hit. One tree per execution; not
// thread-safe.
#ifndef ECG_QUERY_EXEC_OP_H_
#define ECG_QUERY_EXEC_OP_H_

#include <memory>
#include <vector>

#include "query/exec/context.h"
#include "query/exec/row.h"
#include "schema/status.h"

namespace ecg::query::exec {

class Op {
 public:
  explicit Op(std::unique_ptr<Op> child = nullptr) : child_(std::move(child)) {}
  Op(const Op&) = delete;
  Op& operator=(const Op&) = delete;
  Op(Op&&) = delete;
  Op& operator=(Op&&) = delete;
  virtual ~Op() = default;

  // REQUIRES: `ctx` outlives the op.
  Status Open(ExecContext* ctx);
  // Clears `out` and fills it with the next rows; empty at the end.
  Status Next(Chunk* out);

 protected:
  virtual Status OpenImpl() { return Status::OK(); }
  virtual Status NextImpl(Chunk* out) = 0;
  // Pulls every remaining row of the child (for blocking operators).
  Status DrainChild(std::vector<Row>* rows);

  ExecContext* ctx_ = nullptr;
  std::unique_ptr<Op> child_;
};

// An op that emits rows it buffered in OpenImpl, a chunk at a time.
class BufferedOp : public Op {
 public:
  using Op::Op;

 protected:
  Status NextImpl(Chunk* out) override;
  std::vector<Row> buffer_;
  size_t next_ = 0;
};

}  // namespace ecg::query::exec

#endif  // ECG_QUERY_EXEC_OP_H_
