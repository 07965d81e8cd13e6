// unicode.cc — lookups over the generated Unicode tables: identifier
// classes, printability, NFKC normalisation, character names, UTF-8 and the
// single-byte codecs.
#include "lex/unicode.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include "lex/unicode_data.h"

namespace molt::lex::unicode {

namespace ud = unicode_data;

namespace {

bool in_ranges(const ud::Range* ranges, size_t count, uint32_t cp) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (ranges[mid].hi < cp) {
      lo = mid + 1;
    } else if (ranges[mid].lo > cp) {
      hi = mid;
    } else {
      return true;
    }
  }
  return false;
}

// Hangul syllable arithmetic (Unicode 3.12, "Conjoining Jamo Behavior").
constexpr uint32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr uint32_t kLCount = 19, kVCount = 21, kTCount = 28;
constexpr uint32_t kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

uint8_t combining_class(uint32_t cp) {
  size_t lo = 0, hi = ud::kCombiningCount;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (ud::kCombining[mid].hi < cp) {
      lo = mid + 1;
    } else if (ud::kCombining[mid].lo > cp) {
      hi = mid;
    } else {
      return ud::kCombining[mid].ccc;
    }
  }
  return 0;
}

void decompose(uint32_t cp, std::vector<uint32_t>& out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    uint32_t s = cp - kSBase;
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount != 0) out.push_back(kTBase + s % kTCount);
    return;
  }
  const ud::Decomposition* begin = ud::kDecompositions;
  const ud::Decomposition* end = begin + ud::kDecompositionCount;
  const ud::Decomposition* it =
      std::lower_bound(begin, end, cp, [](const ud::Decomposition& d, uint32_t c) { return d.cp < c; });
  if (it != end && it->cp == cp) {
    out.insert(out.end(), ud::kDecompositionData + it->offset,
               ud::kDecompositionData + it->offset + it->length);
  } else {
    out.push_back(cp);
  }
}

// Returns the primary composite of (a, b), or 0.
uint32_t compose(uint32_t a, uint32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount) {
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  }
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase &&
      b < kTBase + kTCount) {
    return a + (b - kTBase);
  }
  const ud::Composition* begin = ud::kCompositions;
  const ud::Composition* end = begin + ud::kCompositionCount;
  const ud::Composition* it = std::lower_bound(
      begin, end, std::make_pair(a, b), [](const ud::Composition& c, std::pair<uint32_t, uint32_t> k) {
        return c.first < k.first || (c.first == k.first && c.second < k.second);
      });
  if (it != end && it->first == a && it->second == b) return it->composite;
  return 0;
}

}  // namespace

bool is_xid_start(uint32_t cp) {
  if (cp < 128) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  return in_ranges(ud::kXidStart, ud::kXidStartCount, cp);
}

bool is_xid_continue(uint32_t cp) {
  if (cp < 128) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
  }
  return in_ranges(ud::kXidContinue, ud::kXidContinueCount, cp);
}

bool is_printable(uint32_t cp) {
  if (cp < 128) return cp >= 0x20 && cp < 0x7F;
  return in_ranges(ud::kPrintable, ud::kPrintableCount, cp);
}

std::string nfkc(std::string_view utf8) {
  std::vector<uint32_t> buf;
  buf.reserve(utf8.size());
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) {
    uint32_t cp;
    size_t len = decode_utf8(p, end, &cp);
    if (len == 0) {  // not reachable for validated input; keep the byte
      cp = static_cast<unsigned char>(*p);
      len = 1;
    }
    decompose(cp, buf);
    p += len;
  }
  // Canonical ordering: stable sort of every run of non-starters by class.
  for (size_t i = 0; i < buf.size();) {
    if (combining_class(buf[i]) == 0) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < buf.size() && combining_class(buf[j]) != 0) ++j;
    // Runs are short: a stable insertion sort.
    for (size_t k = i + 1; k < j; ++k) {
      uint32_t v = buf[k];
      uint8_t cv = combining_class(v);
      size_t m = k;
      while (m > i && combining_class(buf[m - 1]) > cv) {
        buf[m] = buf[m - 1];
        --m;
      }
      buf[m] = v;
    }
    i = j;
  }
  // Canonical composition.
  std::vector<uint32_t> result;
  result.reserve(buf.size());
  ptrdiff_t starter = -1;
  int last_class = 0;
  for (uint32_t c : buf) {
    int cc = combining_class(c);
    if (starter >= 0 && (last_class < cc || last_class == 0)) {
      uint32_t composite = compose(result[static_cast<size_t>(starter)], c);
      if (composite != 0) {
        result[static_cast<size_t>(starter)] = composite;
        continue;
      }
    }
    if (cc == 0) {
      starter = static_cast<ptrdiff_t>(result.size());
      last_class = 0;
    } else {
      last_class = cc;
    }
    result.push_back(c);
  }
  std::string out;
  out.reserve(utf8.size());
  for (uint32_t c : result) append_utf8(out, c);
  return out;
}

namespace {

const char* const kJamoL[kLCount] = {"G",  "GG", "N", "D",  "DD", "R", "M", "B", "BB", "S",
                                     "SS", "",   "J", "JJ", "C",  "K", "T", "P", "H"};
const char* const kJamoV[kVCount] = {"A",  "AE", "YA", "YAE", "EO", "E",  "YEO", "YE", "O",  "WA", "WAE",
                                     "OE", "YO", "U",  "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
const char* const kJamoT[kTCount] = {"",   "G",  "GG", "GS", "N",  "NJ", "NH", "D", "L",  "LG",
                                     "LM", "LB", "LS", "LT", "LP", "LH", "M",  "B", "BS", "S",
                                     "SS", "NG", "J",  "C",  "K",  "T",  "P",  "H"};

// Longest jamo short name at the start of `s`; returns its index or -1.
int find_jamo(std::string_view s, const char* const* table, uint32_t count, size_t* len) {
  int best = -1;
  size_t best_len = 0;
  for (uint32_t i = 0; i < count; ++i) {
    size_t n = std::strlen(table[i]);
    if (best >= 0 && n <= best_len) continue;
    if (s.substr(0, n) == table[i]) {
      best = static_cast<int>(i);
      best_len = n;
    }
  }
  *len = best_len;
  return best;
}

bool iequal_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i];
    if (a >= 'a' && a <= 'z') a = static_cast<char>(a - 'a' + 'A');
    if (a != prefix[i]) return false;
  }
  return true;
}

}  // namespace

int32_t lookup_name(std::string_view name) {
  constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
  constexpr std::string_view kCjk = "CJK UNIFIED IDEOGRAPH-";
  if (iequal_prefix(name, kHangul)) {
    std::string_view rest = name.substr(kHangul.size());
    size_t n;
    int l = find_jamo(rest, kJamoL, kLCount, &n);
    rest.remove_prefix(n);
    int v = find_jamo(rest, kJamoV, kVCount, &n);
    rest.remove_prefix(n);
    int t = find_jamo(rest, kJamoT, kTCount, &n);
    rest.remove_prefix(n);
    if (l < 0 || v < 0 || t < 0 || !rest.empty()) return -1;
    return static_cast<int32_t>(kSBase +
                                (static_cast<uint32_t>(l) * kVCount + static_cast<uint32_t>(v)) * kTCount +
                                static_cast<uint32_t>(t));
  }
  if (iequal_prefix(name, kCjk)) {
    std::string_view hex = name.substr(kCjk.size());
    if (hex.size() != 4 && hex.size() != 5) return -1;
    uint32_t v = 0;
    for (char c : hex) {
      if (c >= '0' && c <= '9') {
        v = v * 16 + static_cast<uint32_t>(c - '0');
      } else if (c >= 'A' && c <= 'F') {
        v = v * 16 + static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return -1;
      }
    }
    return in_ranges(ud::kCjkUnified, ud::kCjkUnifiedCount, v) ? static_cast<int32_t>(v) : -1;
  }
  std::string upper(name);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  size_t lo = 0, hi = ud::kNameCount;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const char* entry = ud::kNameBlob + ud::kNames[mid].offset;
    int cmp = std::strncmp(entry, upper.c_str(), upper.size());
    if (cmp == 0) cmp = entry[upper.size()] == '\0' ? 0 : 1;
    if (cmp < 0) {
      lo = mid + 1;
    } else if (cmp > 0) {
      hi = mid;
    } else {
      return static_cast<int32_t>(ud::kNames[mid].cp);
    }
  }
  return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t decode_utf8(const char* p, const char* end, uint32_t* cp) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(p);
  size_t avail = static_cast<size_t>(end - p);
  if (avail == 0) return 0;
  unsigned char c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  auto cont = [&](size_t i) { return i < avail && (s[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (!cont(1)) return 0;
    *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;
    *cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;
    if (c == 0xF4 && s[1] > 0x8F) return 0;
    *cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
    return 4;
  }
  return 0;
}

bool validate_utf8(std::string_view bytes, Utf8Problem* problem) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;  // strict: no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      problem->start = i;
      problem->end = i + 1;
      problem->reason = "invalid start byte";
      return false;
    }
    // Mirror CPython's decoder: the error covers the valid prefix of the
    // sequence; a truncated but so-far-valid sequence at the end of the data
    // is "unexpected end of data".
    size_t k = 1;
    for (; k <= need; ++k) {
      if (i + k >= n) {
        problem->start = i;
        problem->end = n;
        problem->reason = "unexpected end of data";
        return false;
      }
      unsigned char b = s[i + k];
      unsigned char blo = k == 1 ? lo : 0x80, bhi = k == 1 ? hi : 0xBF;
      if (b < blo || b > bhi) {
        problem->start = i;
        problem->end = i + k;
        problem->reason = "invalid continuation byte";
        return false;
      }
    }
    i += need + 1;
  }
  return true;
}

std::string utf8_error_text(std::string_view bytes, const Utf8Problem& problem) {
  char buf[160];
  if (problem.end - problem.start <= 1) {
    std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                  static_cast<unsigned char>(bytes[problem.start]), problem.start, problem.reason);
  } else {
    std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode bytes in position %zu-%zu: %s", problem.start,
                  problem.end - 1, problem.reason);
  }
  return buf;
}

CodecLookup find_codec(std::string_view name, Codec* codec) {
  // encodings.normalize_encoding after codecs.lookup's lower-casing.
  std::string norm;
  bool punct = false;
  for (char c : name) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || c == '.') {
      if (punct && !norm.empty()) norm.push_back('_');
      norm.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      punct = false;
    } else {
      punct = true;
    }
  }
  auto find = [&](const std::string& key) -> int {
    for (size_t i = 0; i < ud::kCodecAliasCount; ++i) {
      if (key == ud::kCodecAliases[i].alias) return static_cast<int>(ud::kCodecAliases[i].codec);
    }
    return -1;
  };
  int index = find(norm);
  if (index < 0) {
    std::string dotted = norm;
    std::replace(dotted.begin(), dotted.end(), '.', '_');
    index = find(dotted);
  }
  if (index < 0) {
    std::string dotted = norm;
    std::replace(dotted.begin(), dotted.end(), '.', '_');
    for (size_t i = 0; i < ud::kOtherCodecNameCount; ++i) {
      if (norm == ud::kOtherCodecNames[i] || dotted == ud::kOtherCodecNames[i])
        return CodecLookup::Unsupported;
    }
    return CodecLookup::Unknown;
  }
  codec->name = ud::kCodecs[index].name;
  codec->high = ud::kCodecs[index].high;
  return CodecLookup::Supported;
}

}  // namespace molt::lex::unicode
