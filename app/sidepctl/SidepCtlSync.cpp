// sidepctl sync: sending results to the national server, and where the outbox stands.

#include "CodeRefill.h"
#include "HttpsTransport.h"
#include "RecordPurge.h"
#include "SidepCtl.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "SyncSettings.h"
#include "UsedCodeReport.h"

#include <QEventLoop>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

// As the GUI's sync panel: beyond this, certificates and result times go wrong.
constexpr qint64 MaxClockSkewSeconds = 5 * 60;

} // namespace

int SidepCtl::sync(const CommandArguments& args)
{
    const QString action = this->action();
    if (!args.positional().isEmpty())
        return usage(tr("sync takes no word, or status"));

    auto printStatus = [this](SyncEngine& engine) {
        const SyncEngine::Status status = engine.status();
        // Records first (what people count), then the versions that carry them.
        auto line = [](const QString& label, int records, int versions) {
            return tr("%1: %2 (%n version(s))", nullptr, versions)
                .arg(label, tr("%n record(s)", nullptr, records));
        };
        m_out << line(tr("waiting"), status.recordsWaiting, status.waiting + status.sending)
              << Qt::endl
              << line(tr("acknowledged"), status.recordsAcknowledged, status.acknowledged)
              << Qt::endl
              << line(tr("rejected"), status.recordsRejected, status.rejected) << Qt::endl;
        if (status.damaged > 0)
            m_out << line(tr("damaged (state edited in the file; see db verify)"),
                          status.recordsDamaged, status.damaged)
                  << Qt::endl;
        if (status.oldestWaiting.isValid())
            m_out << tr("oldest waiting since: %1").arg(status.oldestWaiting.toString(Qt::ISODate))
                  << Qt::endl;
        if (!status.lastError.isEmpty())
            m_out << tr("last error: %1").arg(status.lastError) << Qt::endl;
        // What the batches of this run measured (nothing before one went).
        if (const BatchSizer& sizer = engine.batchSizer(); sizer.hasMeasure()) {
            m_out << tr("throughput: %1/s, %2 bytes a version on the wire")
                         .arg(QLocale().formattedDataSize(qint64(sizer.bytesPerSecond()), 1,
                                                          QLocale::DataSizeSIFormat))
                         .arg(qRound64(sizer.bytesPerRecord()))
                  << Qt::endl;
        }
        // The national server has only the registration of these: the lab should look.
        QString error;
        const QList<RecordStore::AwaitingResult> late = engine.awaitingResult(&error);
        if (!late.isEmpty()) {
            m_out << tr("samples waiting for a result for more than %n day(s): %1", nullptr,
                        RecordStore::AwaitingResultDays)
                         .arg(late.size())
                  << Qt::endl;
            for (const RecordStore::AwaitingResult& sample : late)
                m_out << u"  "_s << sample.accession << u"  "_s << sample.collectedAt << Qt::endl;
        }
        return status;
    };

    QString error;
    if (action == u"status"_s) {
        SyncEngine engine(m_store, nullptr);
        return printStatus(engine).damaged > 0 ? IntegrityProblem : Success;
    }

    QSslConfiguration tls;
    QUrl url;
    if (!SyncSettings(m_store).load(&tls, &url, &error))
        return fail(Invalid, error);
    HttpsTransport transport(url, tls);
    SyncEngine engine(m_store, &transport);
    // The same scheduler as the GUI's: rounds, the network's return, the after-round work.
    SyncScheduler scheduler(engine, transport);
    // Keeps the activation-code pool stocked (lab or admin; nothing asked for other users).
    CodeRefill refill(m_store, &transport);
    QObject::connect(
        &refill, &CodeRefill::finished, &refill, [this](const CodeRefill::Result& result) {
            if (result.imported > 0)
                m_out << tr("activation codes fetched: %1").arg(result.imported) << Qt::endl;
            if (!result.error.isEmpty())
                m_err << tr("activation codes: %1").arg(result.error) << Qt::endl;
        });
    // Tells the server which codes were used, apart from the records.
    UsedCodeReport codeReport(m_store, &transport);
    QObject::connect(
        &codeReport, &UsedCodeReport::finished, &codeReport,
        [this, &codeReport](const UsedCodeReport::Result& result) {
            if (result.sent > 0 && result.outcome != UsedCodeReport::Result::Outcome::Failed)
                m_out << tr("used activation codes reported: %1").arg(result.sent) << Qt::endl;
            if (const QString problem = codeReport.lastProblem(); !problem.isEmpty())
                m_err << problem << Qt::endl;
        });
    scheduler.addAfterRound([&codeReport] {
        const QString previous = codeReport.lastProblem(); // the report answers later
        codeReport.reportPending();
        return codeReport.isBusy() ? previous : codeReport.lastProblem();
    });
    scheduler.addAfterRound([&refill] {
        const QString previous = refill.lastProblem(); // the refill runs asynchronously
        refill.refillIfLow();
        return refill.isBusy() ? previous : refill.lastProblem();
    });
    QObject::connect(&scheduler, &SyncScheduler::serverClockRead, &scheduler,
                     [this](const QDateTime& server, const QDateTime& workstation) {
                         const qint64 skew =
                             server.isValid() ? std::abs(workstation.secsTo(server)) : 0;
                         if (skew > MaxClockSkewSeconds)
                             m_err << tr("warning: the server's clock is %1 s from this "
                                         "workstation's: set the clock")
                                          .arg(skew)
                                   << Qt::endl;
                     });
    // Then erases what the retention window says must go (on the engine's clock, as the
    // outbox's times are).
    scheduler.addAfterRound([this, &engine] {
        RecordPurge::Report report;
        QString purgeError;
        if (!RecordPurge(m_store).purgeDue(engine.now(), &report, &purgeError))
            return purgeError;
        if (report.records > 0)
            m_out << tr("erased the identifying data of %n record(s) acknowledged more than %1 "
                        "day(s) ago",
                        nullptr, report.records)
                         .arg(report.retentionDays)
                  << Qt::endl;
        return QString();
    });
    QEventLoop loop;
    int exitCode = Success;
    QObject::connect(&scheduler, &SyncScheduler::roundFinished, &loop, [&] {
        if (!scheduler.lastProblem().isEmpty())
            m_err << tr("problem: %1").arg(scheduler.lastProblem()) << Qt::endl;
        const SyncEngine::Status status = printStatus(engine);
        m_out.flush();
        if (!args.flag(u"watch"_s)) {
            exitCode = scheduler.storeWentBack() ? IntegrityProblem
                       : status.waiting + status.sending + status.rejected + status.damaged == 0
                           ? Success
                           : SyncIncomplete;
            // Not before the server has answered for the used codes: a one-shot sync reports
            // them too.
            if (codeReport.isBusy())
                QObject::connect(&codeReport, &UsedCodeReport::finished, &loop, &QEventLoop::quit);
            else
                loop.quit();
        }
    });
    if (args.flag(u"watch"_s)) {
        scheduler.start(); // until interrupted
    } else {
        // Run by hand: what is waiting goes now, whatever its backoff said.
        scheduler.syncNow(true);
    }
    if (scheduler.isInRound() || args.flag(u"watch"_s))
        loop.exec();
    return exitCode;
}
