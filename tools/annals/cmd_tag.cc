#include "commands.h"
namespace annals::cli {
int RunTag(int, char**) { return kExitUsage; }
}  // namespace annals::cli
