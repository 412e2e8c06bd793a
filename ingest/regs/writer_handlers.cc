// The regulation FormatHandler: detects the regulation formats by content,
// parses with ParseRegFile and writes with RegWriter into the file's batch.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/regs/detect.h"
#include "ingest/regs/writer.h"
#include "ingest/run/handlers.h"
#include "ingest/run/ingest_run.h"

namespace ecg::ingest {
namespace {

class RegHandler final : public FormatHandler {
 public:
  std::string_view name() const override { return "regs"; }

  std::vector<std::string> formats() const override {
    return {std::string(kFormatFrPost),        std::string(kFormatFrXml),
            std::string(kFormatFrJson),        std::string(kFormatCcl),
            std::string(kFormatCountryGroups), std::string(kFormatCountryChart),
            std::string(kFormatCclIndex),      std::string(kFormatTechnologies)};
  }

  std::optional<std::string> Detect(std::string_view utf8,
                                    std::string_view file_name) const override {
    Result<std::string> format = DetectRegFormat(utf8, file_name);
    if (!format.ok()) {
      return std::nullopt;
    }
    return *format;
  }

  // Regulation files are documents, not snapshots of a feed: nothing is
  // closed because a later file lacks it (docs/data-model.md).
  std::string FeedKey(std::string_view /*format*/, std::string_view /*utf8*/,
                      std::string_view /*file_name*/) const override {
    return std::string();
  }

  Status Apply(std::string_view utf8, SourceContext* ctx) const override {
    ECG_ASSIGN_OR_RETURN(RegFile file, ParseRegFile(utf8, ctx->file_label()));
    if (file.format != ctx->format()) {
      return Status::InvalidArgument(ctx->file_label() + ": the content is " + file.format +
                                     ", not " + ctx->format());
    }
    std::string issued = !file.ccl.ecfr_issue_date.empty() ? file.ccl.ecfr_issue_date
                                                           : file.countries.ecfr_issue_date;
    if (!issued.empty()) {
      Result<Date> d = Date::Parse(issued);
      if (d.ok()) {
        ctx->set_snapshot_date(*d);
      }
    }
    RegWriter writer(ctx->batch(), ctx->source(), &ctx->view(), &ctx->normalizer());
    ECG_RETURN_IF_ERROR(writer.WriteRegFile(file));
    const RegWriteCounts& c = writer.counts();
    IngestCounts& report = ctx->report()->counts;
    report.records_read += c.records;
    report.entities_new += c.entities_new;
    report.entities_merged += c.entities_merged;
    report.edges_opened += c.edges_written;
    for (const std::string& warning : writer.warnings()) {
      ctx->Quarantine(0, 0, warning);
    }
    return Status::OK();
  }
};

}  // namespace

void RegisterRegHandlers(Ingester* ingester) {
  ingester->Register(std::make_unique<RegHandler>());
}

}  // namespace ecg::ingest
