#include "Bootstrap.h"

#include "Logging.h"

#include <openssl/crypto.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

namespace Bootstrap {

void keepOpenSslUntilExit()
{
    if (OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) != 1)
        qCWarning(lcModel) << "cannot initialise OpenSSL";
}

void hardenProcess()
{
    keepOpenSslUntilExit();
    const rlimit noCore{0, 0};
    if (setrlimit(RLIMIT_CORE, &noCore) != 0)
        qCWarning(lcModel) << "cannot disable core dumps";
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        qCWarning(lcModel) << "cannot mark the process non-dumpable";
    umask(S_IRWXG | S_IRWXO);
}

} // namespace Bootstrap
