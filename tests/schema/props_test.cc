// The typed property ids of schema/props.h against the catalog: every
// constant is declared in the catalog under the name its comment gives, and
// every catalog property has its constant.
#include "schema/props.h"

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "schema/catalog.h"

namespace ecg {
namespace {

// "license_requirement" -> "kLicenseRequirement".
std::string ConstantName(const std::string& name) {
  std::string out = "k";
  bool up = true;
  for (char c : name) {
    if (c == '_') {
      up = true;
    } else {
      out.push_back(up ? static_cast<char>(c - 'a' + 'A') : c);
      up = false;
    }
  }
  return out;
}

TEST(PropsTest, EveryConstantNamesItsCatalogEntry) {
  std::ifstream in(std::string(ECG_SOURCE_DIR) + "/schema/props.h");
  ASSERT_TRUE(in) << "schema/props.h not found";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  static const re2::RE2 kLine(R"re(inline constexpr PropertyId (k\w+) = (\d+);\s+// "(\w+)")re");
  re2::StringPiece rest(text);
  std::string constant;
  int id = 0;
  std::string name;
  std::set<PropertyId> seen;
  while (re2::RE2::FindAndConsume(&rest, kLine, &constant, &id, &name)) {
    const PropertyDef* def = Catalog::Find(static_cast<PropertyId>(id));
    ASSERT_NE(def, nullptr) << constant << " = " << id << " is not in the catalog";
    EXPECT_EQ(def->name, name) << constant;
    EXPECT_EQ(ConstantName(name), constant);
    seen.insert(static_cast<PropertyId>(id));
  }
  EXPECT_EQ(seen.size(), Catalog::Properties().size());
  EXPECT_EQ(Catalog::Find(prop::kName)->name, "name");
  EXPECT_EQ(Catalog::Find(prop::kPct)->name, "pct");
}

}  // namespace
}  // namespace ecg
