#!/usr/bin/env python3.12
"""gen_unicode_db.py — generates runtime/core/unicode_db.inc, the runtime's
Unicode character database (Unicode 15.0.0, CPython 3.12's unicodedata).

Regenerate (from the repository root) with CPython 3.12:

    /root/.pyenv/versions/3.12.1/bin/python3.12 runtime/core/gen_unicode_db.py

and check the output in. The runtime must not depend on the compiler, so it
has its own tables (compiler/lex generates separate ones at build time).

Every property is taken from CPython's own behaviour on one-character strings
(str.isalpha(), str.lower(), ...), so the runtime reproduces CPython's
answers by construction:

  - one record per distinct combination of (general category, flags,
    decimal value, digit value, numeric value, lower/upper/title/casefold
    mappings); each code point maps to a record through a
    three-level table (kIndex1 -> kIndex2 -> kIndex3, see the comment in
    the output) with identical blocks shared at each level;
  - a case mapping that is one code point is stored as a delta from the code
    point; a longer one (special casing: 'ß'.upper() == 'SS') is stored as
    (length << 16 | offset) into kExtendedCase, with an *_EXT flag set;
  - flags carry the str.is*() predicates plus Cased and Case_Ignorable
    (derived from str.lower()'s final-sigma rule, which is defined by them)
    and the line boundaries str.splitlines() uses.
"""
import os
import sys
import unicodedata

MAX_CP = 0x110000

CATEGORIES = [
    "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe",
    "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
]

# Flag bits; keep in sync with the enum in runtime/core/unicode.h.
FLAGS = [
    "ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "SPACE", "LOWER", "UPPER", "TITLE", "CASED",
    "CASE_IGNORABLE", "PRINTABLE", "XID_START", "XID_CONTINUE", "LINEBREAK", "LOWER_EXT",
    "UPPER_EXT", "TITLE_EXT", "FOLD_EXT",
]
BIT = {name: 1 << i for i, name in enumerate(FLAGS)}


def final_sigma(s, at):
    """True if the capital sigma of s lowercases to the final form; `at`
    is its index in s.lower() (-1: the last character)."""
    return s.lower()[at] == "\u03c2"


def record_of(cp, numeric_index, extended, extended_index):
    c = chr(cp)
    cat = unicodedata.category(c)
    flags = 0
    if c.isalpha():
        flags |= BIT["ALPHA"]
    if c.isdecimal():
        flags |= BIT["DECIMAL"]
    if c.isdigit():
        flags |= BIT["DIGIT"]
    if c.isnumeric():
        flags |= BIT["NUMERIC"]
    if c.isspace():
        flags |= BIT["SPACE"]
    # For one character, islower()/isupper() are exactly the Lowercase and
    # Uppercase properties.
    if c.islower():
        flags |= BIT["LOWER"]
    if c.isupper():
        flags |= BIT["UPPER"]
    if cat == "Lt":
        flags |= BIT["TITLE"]
    cased = c.islower() or c.isupper() or cat == "Lt"
    if cased:
        flags |= BIT["CASED"]
    # lower() makes U+03A3 final when the nearest non-case-ignorable
    # character before it is cased and the nearest after it is not. With c
    # between a cased letter and the sigma, and after the sigma, both give
    # a final sigma exactly when c is case-ignorable (otherwise exactly one
    # of them does).
    if final_sigma("A" + c + "\u03a3", -1) and final_sigma("A\u03a3" + c, 1):
        flags |= BIT["CASE_IGNORABLE"]
    if c.isprintable():
        flags |= BIT["PRINTABLE"]
    if c.isidentifier() and c != "_":
        flags |= BIT["XID_START"]
    if ("a" + c).isidentifier():
        flags |= BIT["XID_CONTINUE"]
    if len(("a" + c + "b").splitlines()) == 2:
        flags |= BIT["LINEBREAK"]
    decimal = unicodedata.decimal(c, -1)
    digit = unicodedata.digit(c, -1)
    numeric = unicodedata.numeric(c, None)
    num = 0
    if numeric is not None:
        if numeric not in numeric_index:
            numeric_index[numeric] = len(numeric_index) + 1
        num = numeric_index[numeric]
    maps = []
    for kind, mapped in (("LOWER", c.lower()), ("UPPER", c.upper()), ("TITLE", c.title()),
                         ("FOLD", c.casefold())):
        if len(mapped) == 1:
            maps.append(ord(mapped) - cp)
        else:
            key = tuple(ord(m) for m in mapped)
            if key not in extended_index:
                extended_index[key] = len(extended)
                extended.extend(key)
            flags |= BIT[kind + "_EXT"]
            maps.append((len(key) << 16) | extended_index[key])
    return (CATEGORIES.index(cat), flags, decimal, digit, num, *maps)


def check_consistency(cp, rec):
    # Sanity checks of the assumptions the runtime makes.
    cat, flags = rec[0], rec[1]
    c = chr(cp)
    assert bool(flags & BIT["DECIMAL"]) == (rec[2] >= 0), hex(cp)
    assert bool(flags & BIT["DIGIT"]) == (rec[3] >= 0), hex(cp)
    assert bool(flags & BIT["NUMERIC"]) == (rec[4] > 0), hex(cp)
    assert c.istitle() == bool(flags & (BIT["TITLE"] | BIT["UPPER"])), hex(cp)


def split_once(values, shift):
    """Cuts `values` into blocks of 2**shift, sharing identical blocks:
    returns (block id per block position, concatenated distinct blocks)."""
    size = 1 << shift
    blocks = {}
    index = []
    data = []
    for start in range(0, len(values), size):
        block = tuple(values[start:start + size])
        if block not in blocks:
            blocks[block] = len(blocks)
            data.extend(block)
        index.append(blocks[block])
    return index, data


def elem_type(values):
    return ("uint8_t", 1) if max(values) < 256 else ("uint16_t", 2)


def split_three(values):
    """Smallest three-level table for `values`: (shift_low, shift_mid,
    index1, index2, index3) with values[cp] ==
    index3[(index2[(index1[cp >> (low + mid)] << mid) + ((cp >> low) & mid_mask)] << low)
           + (cp & low_mask)]."""
    best = None
    for low in range(2, 9):
        mid_index, index3 = split_once(values, low)
        for mid in range(2, 9):
            index1, index2 = split_once(mid_index, mid)
            total = len(index1) * elem_type(index1)[1] + len(index2) * elem_type(index2)[1] \
                + len(index3) * elem_type(index3)[1]
            if best is None or total < best[0]:
                best = (total, low, mid, index1, index2, index3)
    return best[1:]


def emit_array(out, ctype, name, values, per_line=24):
    out.append("const %s %s[%d] = {" % (ctype, name, len(values)))
    for i in range(0, len(values), per_line):
        out.append(",".join(str(v) for v in values[i:i + per_line]) + ",")
    out.append("};")


def main():
    if unicodedata.unidata_version != "15.0.0":
        sys.exit("gen_unicode_db.py: needs CPython 3.12 (Unicode 15.0.0), got %s"
                 % unicodedata.unidata_version)
    numeric_index = {}
    extended = []
    extended_index = {}
    records = {}
    record_list = []
    per_cp = []
    for cp in range(MAX_CP):
        rec = record_of(cp, numeric_index, extended, extended_index)
        check_consistency(cp, rec)
        if rec not in records:
            records[rec] = len(record_list)
            record_list.append(rec)
        per_cp.append(records[rec])
    assert len(record_list) < 65536 and len(numeric_index) < 256 and len(extended) < 65536

    low, mid, index1, index2, index3 = split_three(per_cp)

    out = []
    out.append("// unicode_db.inc — GENERATED by runtime/core/gen_unicode_db.py from CPython %s's"
               % sys.version.split()[0])
    out.append("// unicodedata (Unicode %s). Do not edit; regenerate with" % unicodedata.unidata_version)
    out.append("//   /root/.pyenv/versions/3.12.1/bin/python3.12 runtime/core/gen_unicode_db.py")
    out.append("// Included by runtime/core/unicode.cc only.")
    out.append("// clang-format off")
    out.append("")
    out.append("// record(cp) = kIndex3[(kIndex2[(kIndex1[cp >> (kLow + kMid)] << kMid) +")
    out.append("//                  ((cp >> kLow) & ((1 << kMid) - 1))] << kLow) + (cp & ((1 << kLow) - 1))]")
    out.append("constexpr int kLow = %d;" % low)
    out.append("constexpr int kMid = %d;" % mid)
    out.append("constexpr uint32_t kRecordCount = %d;" % len(record_list))
    out.append("")
    out.append("// {lower, upper, title, fold, flags, category, decimal, digit, numeric}")
    out.append("const CharRecord kRecords[%d] = {" % len(record_list))
    for rec in record_list:
        cat, flags, dec, dig, num, lo, up, ti, fo = rec
        out.append("{%d,%d,%d,%d,%d,%d,%d,%d,%d}," % (lo, up, ti, fo, flags, cat, dec, dig, num))
    out.append("};")
    out.append("")
    for name, values in (("kIndex1", index1), ("kIndex2", index2), ("kIndex3", index3)):
        emit_array(out, elem_type(values)[0], name, values)
        out.append("")
    out.append("")
    emit_array(out, "uint32_t", "kExtendedCase", extended, per_line=12)
    out.append("")
    nums = sorted(numeric_index.items(), key=lambda kv: kv[1])
    out.append("// numeric values; index 0 is unused (no value).")
    out.append("const double kNumericValues[%d] = {" % (len(nums) + 1))
    line = "-1.0,"
    for value, _ in nums:
        item = repr(float(value)) + ","
        if len(line) + len(item) > 100:
            out.append(line)
            line = ""
        line += item
    out.append(line)
    out.append("};")
    out.append("")
    out.append("const char kCategoryNames[%d][3] = {%s};"
               % (len(CATEGORIES), ",".join('"%s"' % c for c in CATEGORIES)))
    out.append("// clang-format on")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unicode_db.inc")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
    table_bytes = sum(len(v) * elem_type(v)[1] for v in (index1, index2, index3)) \
        + len(record_list) * 28 + len(extended) * 4 + len(nums) * 8
    print("wrote %s: %d records, shifts %d/%d, %d extended, %d numeric, ~%d table bytes"
          % (path, len(record_list), low, mid, len(extended), len(nums), table_bytes))


if __name__ == "__main__":
    main()
