// fs.h — small filesystem helpers used by the driver and codegen.
#pragma once

#include <string>

namespace molt::support {

/// Reads a whole file. On failure returns false and sets *error to a
/// message like "No such file or directory".
bool read_file(const std::string& path, std::string* out, std::string* error);
/// Writes `data` to a temporary file next to `path`, then renames it over
/// `path`, so concurrent readers never see a partial file.
bool write_file_atomic(const std::string& path, const std::string& data, std::string* error);
/// mkdir -p.
bool make_dirs(const std::string& path, std::string* error);
bool file_exists(const std::string& path);
bool is_directory(const std::string& path);
/// Absolute path of the running executable.
std::string executable_path();
/// The directory part of a path ("a/b/c" -> "a/b", "c" -> ".").
std::string dir_name(const std::string& path);
/// The final component of a path.
std::string base_name(const std::string& path);
/// A fresh, unique path prefix under $TMPDIR (or /tmp).
std::string temp_path(const std::string& stem);
/// Size of a file in bytes, or -1.
long long file_size(const std::string& path);

}  // namespace molt::support
