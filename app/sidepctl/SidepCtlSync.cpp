// sidepctl sync: sending results to the national server, and where the outbox stands.

#include "HttpsTransport.h"
#include "SidepCtl.h"
#include "SyncEngine.h"
#include "SyncSettings.h"

#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr int WatchIntervalMs = 30 * 1000;

} // namespace

int SidepCtl::sync(const CommandArguments& args)
{
    if (!args.isValid())
        return usage(args.error());
    const QString action = args.positional(0);
    if (!action.isEmpty() && action != u"status"_s)
        return usage(tr("sync takes no word, or status"));
    if (const int code = openAndSignIn(); code != Success)
        return code;
    if (const int code = requireAny({Permission::ViewIdentity}); code != Success)
        return code;

    auto printStatus = [this](SyncEngine& engine) {
        const SyncEngine::Status status = engine.status();
        m_out << tr("waiting: %1").arg(status.waiting + status.sending) << Qt::endl
              << tr("acknowledged: %1").arg(status.acknowledged) << Qt::endl
              << tr("rejected: %1").arg(status.rejected) << Qt::endl;
        if (status.oldestWaiting.isValid())
            m_out << tr("oldest waiting since: %1").arg(status.oldestWaiting.toString(Qt::ISODate))
                  << Qt::endl;
        if (!status.lastError.isEmpty())
            m_out << tr("last error: %1").arg(status.lastError) << Qt::endl;
        return status;
    };

    QString error;
    if (action == u"status"_s) {
        SyncEngine engine(m_store, nullptr);
        int added = 0;
        if (!engine.enqueue(&added, &error))
            return fail(StoreError, error);
        printStatus(engine);
        return Success;
    }

    QSslConfiguration tls;
    QUrl url;
    if (!SyncSettings(m_store).load(&tls, &url, &error))
        return fail(Invalid, error);
    HttpsTransport transport(url, tls);
    SyncEngine engine(m_store, &transport);
    for (;;) {
        int added = 0;
        // Run by hand: what is waiting goes now, whatever its backoff said.
        if (!engine.enqueue(&added, &error) || !engine.retryNow(&error))
            return fail(StoreError, error);
        while (engine.sendNextBatch()) {
            if (engine.isBusy()) {
                QEventLoop loop;
                QObject::connect(&engine, &SyncEngine::batchFinished, &loop, &QEventLoop::quit);
                loop.exec();
            }
        }
        const SyncEngine::Status status = printStatus(engine);
        if (!args.flag(u"watch"_s)) {
            return status.waiting + status.sending + status.rejected == 0 ? Success
                                                                          : SyncIncomplete;
        }
        m_out.flush();
        QEventLoop pause; // until interrupted
        QTimer::singleShot(WatchIntervalMs, &pause, &QEventLoop::quit);
        pause.exec();
    }
}
