# Line editing for `ecg shell` (GNU readline, Debian libreadline-dev).
pkg_check_modules(READLINE REQUIRED IMPORTED_TARGET readline)
target_link_libraries(ecg PRIVATE PkgConfig::READLINE)
