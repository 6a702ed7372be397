// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// The subcommands of `annals`. Each takes the arguments after its name (argv[0] is the command
// name) and returns the process exit code: 0 when anything was processed, 1 when nothing could
// be, 2 for usage errors.
#ifndef ANNALS_TOOLS_ANNALS_COMMANDS_H_
#define ANNALS_TOOLS_ANNALS_COMMANDS_H_

namespace annals::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

int RunRead(int argc, char** argv);      // cmd_read.cc
int RunTokenize(int argc, char** argv);  // cmd_tokenize.cc
int RunTag(int argc, char** argv);       // cmd_tag.cc
int RunParse(int argc, char** argv);     // cmd_parse.cc
int RunDict(int argc, char** argv);      // cmd_dict.cc
int RunAnalyze(int argc, char** argv);   // cmd_analyze.cc
int RunTrain(int argc, char** argv);     // cmd_train.cc: train sentsplit|tagger|parser
int RunEval(int argc, char** argv);      // cmd_eval.cc
int RunIngest(int argc, char** argv);    // cmd_ingest.cc
int RunMerge(int argc, char** argv);     // cmd_merge.cc
int RunPublish(int argc, char** argv);   // cmd_queue.cc
int RunWorker(int argc, char** argv);    // cmd_queue.cc
int RunExport(int argc, char** argv);    // cmd_export.cc
int RunQuery(int argc, char** argv);     // cmd_query.cc
int RunServe(int argc, char** argv);     // cmd_serve.cc
int RunGeocode(int argc, char** argv);   // cmd_geocode.cc
int RunCode(int argc, char** argv);      // cmd_code.cc
int RunExplain(int argc, char** argv);   // cmd_code.cc
int RunValidate(int argc, char** argv);  // cmd_code.cc
int RunNer(int argc, char** argv);       // cmd_ner.cc
int RunVersion(int argc, char** argv);   // main.cc

// `annals train` kinds.
int RunTrainSentsplit(int argc, char** argv);  // cmd_train_sentsplit.cc
int RunTrainParser(int argc, char** argv);     // cmd_train_parser.cc
int RunTrainNer(int argc, char** argv);        // cmd_ner.cc
// `annals eval` kinds.
int RunEvalNer(int argc, char** argv);  // cmd_ner.cc

}  // namespace annals::cli

#endif  // ANNALS_TOOLS_ANNALS_COMMANDS_H_
