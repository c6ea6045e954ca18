#include "Bootstrap.h"

#include "Logging.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

namespace Bootstrap {

void hardenProcess()
{
    const rlimit noCore{0, 0};
    if (setrlimit(RLIMIT_CORE, &noCore) != 0)
        qCWarning(lcModel) << "cannot disable core dumps";
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        qCWarning(lcModel) << "cannot mark the process non-dumpable";
    umask(S_IRWXG | S_IRWXO);
}

} // namespace Bootstrap
