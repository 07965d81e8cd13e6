// text_diff.cc — line diff by longest common subsequence (dynamic
// programming, bounded in size; beyond the bound the diff falls back to the
// first differing line and the rest).
#include "driver/text_diff.h"

#include <algorithm>
#include <vector>

namespace molt::driver {

namespace {

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(s.substr(start) + "\n\\ No newline at end of file");
      break;
    }
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

struct Edit {
  char op;  // ' ', '-', '+'
  std::string line;
};

std::vector<Edit> diff_lines(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<Edit> edits;
  // Trim the common prefix and suffix; diff the middle.
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  for (size_t i = 0; i < pre; ++i) edits.push_back({' ', a[i]});
  size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  if (n * m > 4'000'000) {
    for (size_t i = 0; i < n; ++i) edits.push_back({'-', a[pre + i]});
    for (size_t j = 0; j < m; ++j) edits.push_back({'+', b[pre + j]});
  } else {
    std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        lcs[i][j] = a[pre + i] == b[pre + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        edits.push_back({' ', a[pre + i]});
        ++i;
        ++j;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        edits.push_back({'+', b[pre + j]});
        ++j;
      } else {
        edits.push_back({'-', a[pre + i]});
        ++i;
      }
    }
  }
  for (size_t k = a.size() - suf; k < a.size(); ++k) edits.push_back({' ', a[k]});
  return edits;
}

}  // namespace

std::string unified_diff(const std::string& a, const std::string& b, const std::string& a_name,
                         const std::string& b_name) {
  if (a == b) return "";
  std::vector<Edit> edits = diff_lines(split_lines(a), split_lines(b));
  std::string out = "--- " + a_name + "\n+++ " + b_name + "\n";
  const size_t kContext = 3;
  size_t k = 0;
  while (k < edits.size()) {
    // Find the next change.
    while (k < edits.size() && edits[k].op == ' ') ++k;
    if (k == edits.size()) break;
    size_t start = k >= kContext ? k - kContext : 0;
    size_t end = k;
    // Extend the hunk while changes are within 2*context of each other.
    while (true) {
      while (end < edits.size() && edits[end].op != ' ') ++end;
      size_t next = end;
      while (next < edits.size() && edits[next].op == ' ' && next - end < 2 * kContext) ++next;
      if (next < edits.size() && edits[next].op != ' ') {
        end = next;
        continue;
      }
      break;
    }
    size_t stop = std::min(edits.size(), end + kContext);
    // Line numbers of the hunk in each file.
    size_t a_line = 1, b_line = 1;
    for (size_t i = 0; i < start; ++i) {
      if (edits[i].op != '+') ++a_line;
      if (edits[i].op != '-') ++b_line;
    }
    size_t a_count = 0, b_count = 0;
    for (size_t i = start; i < stop; ++i) {
      if (edits[i].op != '+') ++a_count;
      if (edits[i].op != '-') ++b_count;
    }
    out += "@@ -" + std::to_string(a_line) + "," + std::to_string(a_count) + " +" + std::to_string(b_line) + "," +
           std::to_string(b_count) + " @@\n";
    for (size_t i = start; i < stop; ++i) out += std::string(1, edits[i].op) + edits[i].line + "\n";
    k = stop;
  }
  return out;
}

}  // namespace molt::driver
