// The answer of a screen as a whole (screen/verdict.cc): lists folded per
// list, and the verdict at a threshold with near misses apart.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "screen/screener.h"

namespace ecg::screen {
namespace {

Listing Edge(const std::string& code, const std::string& from, const std::string& citation,
             const std::string& policy = "") {
  Listing l;
  l.list_code = code;
  l.list_name = code + " list";
  l.citation = citation;
  l.license_policy = policy;
  l.valid = Interval::Since(Date::Parse(from).value());
  return l;
}

Candidate Cand(const std::string& name, int score, bool listed) {
  Candidate c;
  c.name = name;
  c.score = score;
  if (listed) {
    c.lists.push_back(Edge("EL", "2020-01-01", "85 FR 1"));
  }
  return c;
}

TEST(VerdictTest, GroupsTheEdgesOfOneListWithTheEarliestDateAndEveryCitation) {
  // Two sources list the entity on EL (with overlapping citations), one on SDN.
  std::vector<Listing> edges = {
      Edge("EL", "2020-12-22", "85 FR 83420; 89 FR 96837", "Presumption of denial"),
      Edge("SDN", "2021-06-03", ""),
      Edge("EL", "2019-05-21", "84 FR 22963;85 FR 83420", "Presumption of denial"),
  };
  std::vector<ListGroup> groups = GroupLists(edges);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].list_code, "EL");
  EXPECT_EQ(groups[0].since.ToString(), "2019-05-21");
  EXPECT_EQ(groups[0].citations,
            (std::vector<std::string>{"85 FR 83420", "89 FR 96837", "84 FR 22963"}));
  EXPECT_EQ(groups[0].license_policies, std::vector<std::string>{"Presumption of denial"});
  EXPECT_EQ(groups[1].list_code, "SDN");
  EXPECT_TRUE(groups[1].citations.empty());
}

TEST(VerdictTest, MatchNeedsARestrictedCandidateAtTheThreshold) {
  Assessment a = Assess({Cand("Listed Co", 90, true), Cand("Other Co", 85, false)}, 82, 10, 10);
  EXPECT_EQ(a.verdict, Verdict::kMatch);
  EXPECT_EQ(a.matches.size(), 2u);
  EXPECT_TRUE(a.near_misses.empty());
  EXPECT_EQ(a.Line(), "match (threshold 82): Listed Co scores 90, on EL");
}

TEST(VerdictTest, ANearMissIsAPossibleMatchShownApart) {
  Assessment a = Assess({Cand("Listed Co", 81, true), Cand("Far Co", 60, true)}, 82, 10, 10);
  EXPECT_EQ(a.verdict, Verdict::kPossibleMatch);
  EXPECT_TRUE(a.matches.empty());
  ASSERT_EQ(a.near_misses.size(), 1u);  // 60 is more than 10 below the threshold
  EXPECT_EQ(a.near_misses[0].name, "Listed Co");
  EXPECT_NE(a.Line().find("possible match (threshold 82)"), std::string::npos) << a.Line();
  // Without near misses the same candidates are no match.
  Assessment none = Assess({Cand("Listed Co", 81, true)}, 82, 0, 10);
  EXPECT_EQ(none.verdict, Verdict::kNoMatch);
  EXPECT_TRUE(none.near_misses.empty());
}

TEST(VerdictTest, AnUnrestrictedMatchIsNoMatchAndSaysWhy) {
  Candidate owned = Cand("Owned Co", 95, false);
  owned.affiliation.applies = true;
  owned.affiliation.pct = 60;
  owned.affiliation.rule_in_force = false;  // the affiliates rule is suspended
  Assessment a = Assess({owned}, 82, 10, 10);
  EXPECT_EQ(a.verdict, Verdict::kNoMatch);
  EXPECT_NE(a.Line().find("no match (threshold 82)"), std::string::npos) << a.Line();
  EXPECT_NE(a.Line().find("1 candidate scores 82 or more"), std::string::npos) << a.Line();
  owned.affiliation.rule_in_force = true;
  Assessment in_force = Assess({owned}, 82, 10, 10);
  EXPECT_EQ(in_force.verdict, Verdict::kMatch);
  EXPECT_NE(in_force.Line().find("reached by the affiliates rule (60% held by listed owners)"),
            std::string::npos)
      << in_force.Line();
}

TEST(VerdictTest, KeepsAtMostLimitOnEachSide) {
  std::vector<Candidate> cands;
  for (int s : {99, 98, 97, 81, 80, 79}) {
    cands.push_back(Cand("C" + std::to_string(s), s, true));
  }
  Assessment a = Assess(cands, 82, 10, 2);
  EXPECT_EQ(a.matches.size(), 2u);
  EXPECT_EQ(a.near_misses.size(), 2u);
  EXPECT_NE(a.Line().find("1 more restricted candidate"), std::string::npos) << a.Line();
}

}  // namespace
}  // namespace ecg::screen
