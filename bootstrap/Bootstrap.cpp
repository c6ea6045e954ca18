#include "Bootstrap.h"

#include <QLoggingCategory>
#include <QtGlobal>
#include <openssl/crypto.h>

// The process protections are system calls of each platform, kept here and nowhere else
// (docs/windows.md lists what a Windows build needs in their place).
#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <sys/stat.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace {
// The category these warnings had in the model, so that logging rules already written for
// them still apply.
Q_LOGGING_CATEGORY(lcBootstrap, "sidep.model", QtWarningMsg)
} // namespace

namespace Bootstrap {

void keepOpenSslUntilExit()
{
    if (OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) != 1)
        qCWarning(lcBootstrap) << "cannot initialise OpenSSL";
}

void hardenProcess()
{
    keepOpenSslUntilExit();
#ifdef Q_OS_UNIX
    const rlimit noCore{0, 0};
    if (setrlimit(RLIMIT_CORE, &noCore) != 0)
        qCWarning(lcBootstrap) << "cannot disable core dumps";
    umask(S_IRWXG | S_IRWXO);
#endif
#ifdef Q_OS_LINUX
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        qCWarning(lcBootstrap) << "cannot mark the process non-dumpable";
#endif
}

} // namespace Bootstrap
