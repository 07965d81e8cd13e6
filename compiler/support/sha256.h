// sha256.h — SHA-256 (FIPS 180-4), used for build-cache keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace molt::support {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  /// The digest as 64 lowercase hex characters. Call once.
  std::string hex_digest();

 private:
  void block(const uint8_t* p);
  uint32_t h_[8];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

}  // namespace molt::support
