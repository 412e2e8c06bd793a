#!/usr/bin/env bash
# Builds the graph of all of ../shared/data in one `ecg ingest` run, in the
# order docs/ingest.md gives (lists and the alias file, then regulations and
# technologies, then articles).
# Usage: scripts/real_graph.sh [--check] DB
#   --check  then ingest everything again (every file must be unchanged) and
#            run `ecg check`; exit non-zero on any rejection or problem
#            (the test suite's real-graph fixture runs this).
# ECG (default build/tools/ecg) names the binary; SHARED_DATA (default
# ../shared/data) the data.
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [ "${1:-}" = "--check" ]; then
  check=1
  shift
fi
if [ $# -ne 1 ]; then
  echo "usage: scripts/real_graph.sh [--check] DB" >&2
  exit 1
fi
db=$1
ecg=${ECG:-build/tools/ecg}
d=${SHARED_DATA:-../shared/data}
if [ ! -d "$d" ]; then
  echo "real_graph: $d is missing (the shared data belongs beside the repository)" >&2
  exit 1
fi
if [ ! -x "$ecg" ]; then
  echo "real_graph: $ecg not found; build first (scripts/setup.sh)" >&2
  exit 1
fi
# The eCFR extracts first: they date every citation to the day, and later
# sources that cite the same page take that date. Then the CSL samples, oldest
# first, before the complete CSL, which closes what they listed and it does
# not.
# The curated judgements come first: every list record meets them.
files=(
  ingest/data/judgements.csv
  "$d"/bis_entity_list_ecfr_nsfreg/bis_entity_list.json
  "$d"/bis_entity_list_ecfr_nsfreg/bis_meu.json
  "$d"/bis_entity_list_ecfr_nsfreg/dow_1260h.json
  "$d"/bis_entity_list_ecfr_nsfreg/ofac_nscmic.json
  "$d"/bis_entity_list_ecfr_nsfreg/lists.json
  "$d"/csl_raw_watchman/csl_2019-12_sample.csv
  "$d"/csl_raw_watchman/csl_2023-11_subset.csv
  "$d"/csl_raw_watchman/consolidated_2025-06_sample.csv
  "$d"/csl_compact_seelpeed/screening-list.json
  "$d"/us_lists_opensanctions/bis_mieu.csv
  "$d"/us_lists_opensanctions/dod_chinese_milcorps_1260h.csv
  "$d"/us_lists_opensanctions/fcc_covered_list_table.csv
  "$d"/cn_sanctions_opensanctions/sanctions_2026-06-29.csv
  "$d"/cn_sanctions_opensanctions/sanctions_2026-08-07.csv
  "$d"/cn_lists_xyna/cn.json
  ingest/data/aliases.csv
  "$d"/ccl_ecfr_seelpeed/ccl.json
  "$d"/ccl_ecfr_seelpeed/country-groups.json
  "$d"/ccl_ecfr_seelpeed/country-chart.json
  "$d"/ccl_index_ita_2015/ECCN_Descriptions_2015_06_16.txt
  "$d"/ccl_index_ita_2015/eccn.descs.2015.05.20.csv
  ingest/data/technologies.csv
  "$d"/fr_metadata_deepseek_news/_posts/*.md
  "$d"/seed_article_zh/*
  "$d"/news_zh_hkcnews/*.md
)
if [ $check -eq 1 ]; then
  rm -rf "$db"
fi
"$ecg" --db "$db" ingest --label shared-data "${files[@]}" >/dev/null
if [ $check -eq 1 ]; then
  again=$("$ecg" --db "$db" ingest --label shared-data-again "${files[@]}" | tail -n 1)
  case "$again" in
    *"0 file(s) loaded, ${#files[@]} unchanged, 0 rejected"*) ;;
    *) echo "real_graph: a second ingest changed the graph: $again" >&2; exit 1 ;;
  esac
  "$ecg" --db "$db" check
fi
echo "real_graph: $db holds all of $d (${#files[@]} files)"
