#include "commands.h"
namespace annals::cli {
int RunEval(int, char**) { return kExitUsage; }
}  // namespace annals::cli
