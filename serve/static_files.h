// The web page and the OpenAPI document, compiled into the binary from
// serve/web/ (CMake generates static_files.cc), so `ecg serve` needs no
// files at run time. Immutable data: thread-safe.
#ifndef ECG_SERVE_STATIC_FILES_H_
#define ECG_SERVE_STATIC_FILES_H_

#include <string_view>

namespace ecg::serve {

struct StaticFile {
  std::string_view path;  // "/", "/openapi.json", ...
  std::string_view content_type;
  std::string_view body;
};

// The file served at `path`; nullptr when none.
const StaticFile* FindStaticFile(std::string_view path);

}  // namespace ecg::serve

#endif  // ECG_SERVE_STATIC_FILES_H_
