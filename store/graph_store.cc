#include "store/graph_store.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/sst_file_manager.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/checkpoint.h>

#include "store/internal/codec.h"
#include "store/internal/disk_space.h"
#include "store/internal/impl.h"
#include "store/internal/rocks_status.h"
#include "store/key_codec.h"

namespace ecg::store {

const Value& EdgeStatement::Get(PropertyId id) const {
  static const Value kNull;
  for (const auto& [pid, value] : props) {
    if (pid == id) {
      return value;
    }
  }
  return kNull;
}

bool TimeFilter::Visible(const StatementMeta& meta) const {
  if (known_at.has_value()) {
    if (meta.recorded > *known_at) {
      return false;
    }
    if (meta.superseded.valid() && meta.superseded <= *known_at) {
      return false;
    }
  } else if (meta.superseded.valid()) {
    return false;
  }
  return !as_of.has_value() || meta.valid.Contains(*as_of);
}

namespace internal {

Db::~Db() {
  if (abandoned) {
    return;
  }
  for (auto* h : handles) {
    if (db != nullptr) {
      db->DestroyColumnFamilyHandle(h);
    }
  }
  handles.clear();
  delete db;
  db = nullptr;
  if (!secondary_dir.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(secondary_dir, ec);
  }
}

rocksdb::ColumnFamilyHandle* Db::Cf(std::string_view name) const {
  for (auto* h : handles) {
    if (h->GetName() == name) {
      return h;
    }
  }
  return nullptr;
}

void PutCounters(const Db& db, const Counters& c, rocksdb::WriteBatchBase* wb) {
  auto put = [&](std::string_view key, uint64_t v) {
    std::string value;
    PutFixed64(&value, v);
    (void)wb->Put(db.meta, rocksdb::Slice(key.data(), key.size()), value);
  };
  put(kMetaNextVertex, c.next_vertex);
  put(kMetaNextStatement, c.next_statement);
  put(kMetaNextRun, c.next_run);
}

namespace {

constexpr const char* kCfNames[] = {kCfVertex, kCfKey,  kCfKind, kCfProp, kCfOut,
                                    kCfIn,     kCfName, kCfProv, kCfGrams};

rocksdb::Options MakeOptions(const Options& options) {
  rocksdb::Options o;
  o.create_if_missing = options.create_if_missing;
  o.create_missing_column_families = true;
  o.IncreaseParallelism(2);
  o.max_open_files = -1;  // required by secondary instances
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10, false));
  // Index and filter blocks stay in the table readers (bounded by the number
  // of SST files), so point reads and seeks skip a cache lookup for them.
  table.cache_index_and_filter_blocks = false;
  table.data_block_index_type = rocksdb::BlockBasedTableOptions::kDataBlockBinaryAndHash;
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  o.compression = rocksdb::kLZ4Compression;
  if (!options.in_memory && !options.read_only && options.min_free_bytes > 0) {
    // RocksDB's own guard, as its docs advise for a disk that may fill: no
    // compaction starts unless it leaves the reserve free, and a background
    // "no space" error is cleared once space comes back.
    std::shared_ptr<rocksdb::SstFileManager> sst(
        rocksdb::NewSstFileManager(rocksdb::Env::Default()));
    sst->SetCompactionBufferSize(options.min_free_bytes);
    o.sst_file_manager = std::move(sst);
  }
  return o;
}

Result<uint64_t> ReadU64(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, std::string_view key,
                         uint64_t fallback) {
  std::string value;
  auto s = db->Get(rocksdb::ReadOptions(), cf, rocksdb::Slice(key.data(), key.size()), &value);
  if (s.IsNotFound()) {
    return fallback;
  }
  ECG_RETURN_IF_ERROR(FromRocks(s, "read meta"));
  std::string_view in(value);
  uint64_t v = 0;
  if (!GetFixed64(&in, &v)) {
    return Status::Corruption("meta key '" + std::string(key) + "' is malformed");
  }
  return v;
}

bool IsLockError(const rocksdb::Status& s) {
  std::string msg = s.ToString();
  return s.IsIOError() && (msg.find("lock") != std::string::npos ||
                           msg.find("Resource temporarily unavailable") != std::string::npos);
}

// Checks (or, for a new database, writes) the format version and normalizer id.
Status CheckFormat(Db* db, const std::string& path, bool read_only) {
  std::string value;
  auto s = db->db->Get(rocksdb::ReadOptions(), db->meta, std::string(kMetaFormat), &value);
  if (s.IsNotFound()) {
    if (read_only) {
      return Status::Corruption("'" + path + "' is not an ecgraph database (no format version)");
    }
    std::string v;
    PutFixed32(&v, kFormatVersion);
    rocksdb::WriteBatch wb;
    (void)wb.Put(db->meta, std::string(kMetaFormat), v);
    (void)wb.Put(db->meta, std::string(kMetaNormalizer), std::string(db->normalizer->id()));
    PutCounters(*db, Counters{}, &wb);
    return FromRocks(db->db->Write(rocksdb::WriteOptions(), &wb), "initialise '" + path + "'");
  }
  ECG_RETURN_IF_ERROR(FromRocks(s, "read format version of '" + path + "'"));
  std::string_view in(value);
  uint32_t version = 0;
  if (!GetFixed32(&in, &version)) {
    return Status::Corruption("'" + path + "': malformed format version");
  }
  if (version != kFormatVersion) {
    return Status::NotSupported("'" + path + "' has format version " + std::to_string(version) +
                                "; this build of ecg reads version " +
                                std::to_string(kFormatVersion) +
                                (version > kFormatVersion ? " (the database is newer: upgrade ecg)"
                                                          : " (no upgrade path)"));
  }
  std::string norm;
  s = db->db->Get(rocksdb::ReadOptions(), db->meta, std::string(kMetaNormalizer), &norm);
  ECG_RETURN_IF_ERROR(FromRocks(s, "read normalizer id of '" + path + "'"));
  if (norm != db->normalizer->id()) {
    return Status::NotSupported("'" + path + "' was indexed with name normalizer '" + norm +
                                "' but is opened with '" + std::string(db->normalizer->id()) + "'");
  }
  return Status::OK();
}

}  // namespace

GraphStoreImpl::GraphStoreImpl(std::string path, const Options& options, std::unique_ptr<Db> db,
                               Counters counters)
    : path_(std::move(path)), options_(options), db_(std::move(db)), counters_(counters) {}

GraphStoreImpl::~GraphStoreImpl() {
  // Flush what the writer left in memtables, so that the next open (a
  // read-only secondary in particular) does not replay a long write-ahead log.
  // Not after a failed write: what was committed is in the log already, and
  // a flush onto a full disk is one more write for RocksDB to fail.
  bool failed = false;
  {
    std::lock_guard<std::mutex> lock(write_error_mu_);
    failed = !write_error_.ok();
  }
  if (!options_.read_only && !failed && db_ != nullptr && db_->db != nullptr &&
      BeforeWrite(0, "a flush").ok()) {
    (void)db_->db->Flush(rocksdb::FlushOptions(), db_->handles);
  }
  if (failed && db_ != nullptr) {
    db_->abandoned = true;
  }
}

Status GraphStoreImpl::BeforeWrite(uint64_t bytes, const std::string& what) {
  {
    std::lock_guard<std::mutex> lock(write_error_mu_);
    if (!write_error_.ok()) {
      return Status(write_error_.code(), "database '" + path_ +
                                             "' stopped writing after an earlier error (" +
                                             write_error_.message() + "); reopen it to retry");
    }
  }
  if (options_.in_memory || options_.min_free_bytes == 0) {
    return Status::OK();
  }
  uint64_t memtables = 0;
  (void)db_->db->GetAggregatedIntProperty("rocksdb.cur-size-all-mem-tables", &memtables);
  return internal::CheckFreeSpace(path_, BytesNeeded(bytes, memtables, options_.min_free_bytes),
                                  what);
}

Status GraphStoreImpl::WriteHealth() const {
  std::lock_guard<std::mutex> lock(write_error_mu_);
  return write_error_;
}

Status GraphStoreImpl::AfterWrite(Status s) {
  if (!s.ok() && (s.code() == StatusCode::kIOError || s.code() == StatusCode::kNoSpace ||
                  s.code() == StatusCode::kCorruption)) {
    std::lock_guard<std::mutex> lock(write_error_mu_);
    if (write_error_.ok()) {
      write_error_ = s;
    }
  }
  return s;
}

std::unique_ptr<ReadView> GraphStoreImpl::NewReadView(TimeFilter filter) const {
  return NewReadViewImpl(db_.get(), filter);
}

Counters GraphStoreImpl::counters() const {
  std::lock_guard<std::mutex> lock(counters_mu_);
  return counters_;
}

Status GraphStoreImpl::CommitBatch(rocksdb::WriteBatch* wb, const Counters& counters) {
  PutCounters(*db_, counters, wb);
  rocksdb::WriteOptions wo;
  ECG_RETURN_IF_ERROR(BeforeWrite(wb->GetDataSize(), "this commit"));
  ECG_RETURN_IF_ERROR(AfterWrite(FromRocks(db_->db->Write(wo, wb), "commit batch")));
  std::lock_guard<std::mutex> lock(counters_mu_);
  counters_ = counters;
  return Status::OK();
}

Result<RunId> GraphStoreImpl::BeginRun(std::string_view label) {
  if (options_.read_only) {
    return Status::NotSupported("database '" + path_ + "' is open read-only");
  }
  std::unique_lock<std::mutex> writer(writer_mu_);
  Counters c = counters();
  RunId run(c.next_run++);
  auto now = std::chrono::system_clock::now().time_since_epoch();
  std::string value;
  PutFixed64(&value,
             static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(now).count()));
  value.append(label);
  rocksdb::WriteBatch wb;
  (void)wb.Put(db_->meta, RunKey(run), value);
  ECG_RETURN_IF_ERROR(CommitBatch(&wb, c));
  return run;
}

Result<std::unique_ptr<Batch>> GraphStoreImpl::NewBatch(RunId run) {
  if (options_.read_only) {
    return Status::NotSupported("database '" + path_ + "' is open read-only");
  }
  if (!run.valid() || run.value() >= counters().next_run) {
    return Status::InvalidArgument("batch for unknown run " + std::to_string(run.value()));
  }
  std::unique_lock<std::mutex> lock(writer_mu_);
  return NewBatchImpl(this, run, std::move(lock));
}

Result<std::unique_ptr<BulkWriter>> GraphStoreImpl::NewBulkWriter(RunId run, BulkMode mode) {
  if (options_.read_only) {
    return Status::NotSupported("database '" + path_ + "' is open read-only");
  }
  std::unique_lock<std::mutex> lock(writer_mu_);
  return NewBulkWriterImpl(this, run, mode, std::move(lock));
}

Result<std::vector<RunInfo>> GraphStoreImpl::Runs() const {
  std::vector<RunInfo> out;
  std::unique_ptr<rocksdb::Iterator> it(db_->db->NewIterator(rocksdb::ReadOptions(), db_->meta));
  std::string prefix(kMetaRunPrefix);
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    KeyReader r(it->key().ToStringView().substr(prefix.size()));
    uint64_t id = 0;
    std::string_view v = it->value().ToStringView();
    uint64_t started = 0;
    if (!r.U64(&id) || !GetFixed64(&v, &started)) {
      return Status::Corruption("malformed run record");
    }
    out.push_back(RunInfo{RunId(id), static_cast<int64_t>(started), std::string(v)});
  }
  ECG_RETURN_IF_ERROR(FromRocks(it->status(), "scan runs"));
  return out;
}

Result<RunId> GraphStoreImpl::RunAt(Date day) const {
  ECG_ASSIGN_OR_RETURN(auto runs, Runs());
  const int64_t end_of_day = (static_cast<int64_t>(day.days()) + 1) * 86400;
  RunId best;
  for (const auto& r : runs) {
    if (r.started_unix_seconds < end_of_day) {
      best = r.id;
    }
  }
  return best;
}

Status GraphStoreImpl::Flush() {
  if (options_.read_only) {
    return Status::OK();
  }
  rocksdb::FlushOptions fo;
  ECG_RETURN_IF_ERROR(BeforeWrite(0, "a flush"));
  return AfterWrite(FromRocks(db_->db->Flush(fo, db_->handles), "flush"));
}

Status GraphStoreImpl::Checkpoint(const std::string& dir) {
  // A secondary instance cannot pin the primary's files while it links
  // them, and an in-memory store has no files: only the writer can do it.
  if (options_.read_only || options_.in_memory) {
    return Status::NotSupported("a checkpoint needs the database opened for writing");
  }
  if (std::filesystem::exists(dir)) {
    return Status::AlreadyExists("'" + dir + "' exists; a checkpoint goes to a new directory");
  }
  rocksdb::Checkpoint* raw = nullptr;
  ECG_RETURN_IF_ERROR(FromRocks(rocksdb::Checkpoint::Create(db_->db, &raw), "checkpoint"));
  std::unique_ptr<rocksdb::Checkpoint> cp(raw);
  return FromRocks(cp->CreateCheckpoint(dir), "checkpoint to '" + dir + "'");
}

Status GraphStoreImpl::Check(std::vector<std::string>* problems) const {
  return CheckImpl(*db_, problems);
}

Status GraphStoreImpl::TEST_RawPut(std::string_view cf, std::string_view key,
                                   std::string_view value) {
  auto* h = db_->Cf(cf);
  if (h == nullptr) {
    return Status::InvalidArgument("no column family '" + std::string(cf) + "'");
  }
  return FromRocks(db_->db->Put(rocksdb::WriteOptions(), h, key, value), "raw put");
}

Status GraphStoreImpl::TEST_RawDelete(std::string_view cf, std::string_view key) {
  auto* h = db_->Cf(cf);
  if (h == nullptr) {
    return Status::InvalidArgument("no column family '" + std::string(cf) + "'");
  }
  return FromRocks(db_->db->Delete(rocksdb::WriteOptions(), h, key), "raw delete");
}

}  // namespace internal

namespace internal {
namespace {

Result<std::unique_ptr<GraphStore>> OpenDb(const std::string& path, const Options& options,
                                           std::unique_ptr<Db> db, rocksdb::Options ro) {
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  cfs.emplace_back(rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions(ro));
  std::vector<std::string> existing;
  if (options.read_only) {
    (void)rocksdb::DB::ListColumnFamilies(ro, path, &existing);
  }
  for (const char* name : internal::kCfNames) {
    // A read-only open of a database written before `grams` existed must not
    // ask for it (a secondary instance cannot create column families).
    if (options.read_only && std::string_view(name) == internal::kCfGrams &&
        std::find(existing.begin(), existing.end(), name) == existing.end()) {
      continue;
    }
    cfs.emplace_back(name, rocksdb::ColumnFamilyOptions(ro));
  }
  rocksdb::Status s;
  if (options.read_only) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ecg_secondary_XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) {
      return Status::IOError("cannot create a temporary directory for a read-only open");
    }
    db->secondary_dir = tmpl;
    s = rocksdb::DB::OpenAsSecondary(ro, path, db->secondary_dir, cfs, &db->handles, &db->db);
    if (s.ok()) {
      s = db->db->TryCatchUpWithPrimary();
    }
  } else {
    s = rocksdb::DB::Open(ro, path, cfs, &db->handles, &db->db);
  }
  if (!s.ok()) {
    if (internal::IsLockError(s)) {
      return Status::Busy("database '" + path +
                          "' is in use by another writer (an ingest or load is running); "
                          "retry when it finishes, or open it read-only");
    }
    if (s.IsInvalidArgument() && s.ToString().find("does not exist") != std::string::npos) {
      return Status::NotFound("no database at '" + path + "'");
    }
    return internal::FromRocks(s, "open '" + path + "'");
  }
  db->meta = db->handles[0];
  db->vertex = db->handles[1];
  db->nkey = db->handles[2];
  db->bykind = db->handles[3];
  db->prop = db->handles[4];
  db->out = db->handles[5];
  db->in = db->handles[6];
  db->names = db->handles[7];
  db->prov = db->handles[8];
  db->grams = db->Cf(internal::kCfGrams);
  ECG_RETURN_IF_ERROR(internal::CheckFormat(db.get(), path, options.read_only));
  internal::Counters c;
  ECG_ASSIGN_OR_RETURN(c.next_vertex,
                       internal::ReadU64(db->db, db->meta, internal::kMetaNextVertex, 1));
  ECG_ASSIGN_OR_RETURN(c.next_statement,
                       internal::ReadU64(db->db, db->meta, internal::kMetaNextStatement, 1));
  ECG_ASSIGN_OR_RETURN(c.next_run, internal::ReadU64(db->db, db->meta, internal::kMetaNextRun, 1));
  return std::unique_ptr<GraphStore>(new internal::GraphStoreImpl(path, options, std::move(db), c));
}

}  // namespace
}  // namespace internal

Result<std::unique_ptr<GraphStore>> GraphStore::Open(const std::string& path,
                                                     const Options& options) {
  static const LowercaseNormalizer kLowercase;
  auto db = std::make_unique<internal::Db>();
  db->normalizer = options.normalizer != nullptr ? options.normalizer : &kLowercase;
  rocksdb::Options ro = internal::MakeOptions(options);
  // A database this call creates is removed again when the creation fails
  // (a full disk, most often), so that no directory without CURRENT is left
  // for the next command to trip on.
  bool creating = false;
  if (options.in_memory) {
    db->mem_env.reset(rocksdb::NewMemEnv(rocksdb::Env::Default()));
    ro.env = db->mem_env.get();
  } else if (!std::filesystem::exists(path)) {
    if (!options.create_if_missing || options.read_only) {
      return Status::NotFound("no database at '" + path + "'");
    }
    creating = true;
    std::error_code ec;
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
      std::filesystem::create_directories(parent, ec);
      if (ec) {
        return Status::IOError("cannot create '" + parent.string() + "': " + ec.message());
      }
    }
  }
  if (!options.in_memory && options.read_only &&
      !std::filesystem::exists(std::filesystem::path(path) / "CURRENT")) {
    // A directory, but no database in it (or one whose creation never
    // finished): not an I/O error.
    return Status::NotFound("no database at '" + path + "' (the directory holds no CURRENT file)");
  }
  if (creating) {
    ECG_RETURN_IF_ERROR(
        internal::CheckFreeSpace(std::filesystem::path(path).parent_path().empty()
                                     ? std::string(".")
                                     : std::filesystem::path(path).parent_path().string(),
                                 options.min_free_bytes, "creating a database"));
  }
  if (!creating) {
    return internal::OpenDb(path, options, std::move(db), ro);
  }
  // A new database is made whole in a sibling directory (RocksDB's files,
  // the format version, the counters) and renamed into place, so that a
  // crash or kill during creation never leaves a directory that looks like
  // a database and is not one.
  const std::string staging = path + ".creating-" + std::to_string(getpid());
  std::error_code ec;
  std::filesystem::remove_all(staging, ec);
  {
    auto made = internal::OpenDb(staging, options, std::move(db), ro);
    if (!made.ok()) {
      std::filesystem::remove_all(staging, ec);
      return made.status();
    }
  }
  std::filesystem::rename(staging, path, ec);
  if (ec) {
    std::filesystem::remove_all(staging, ec);
    return Status::IOError("cannot create '" + path + "': " + ec.message());
  }
  auto again = std::make_unique<internal::Db>();
  again->normalizer = options.normalizer != nullptr ? options.normalizer : &kLowercase;
  return internal::OpenDb(path, options, std::move(again), internal::MakeOptions(options));
}

}  // namespace ecg::store
