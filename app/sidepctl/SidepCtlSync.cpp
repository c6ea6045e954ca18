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

// What `sync status` prints, and every sync round after its work.
SyncEngine::Status printStatus(QTextStream& out, SyncEngine& engine)
{
    const SyncEngine::Status status = engine.status();
    // Records first (what people count), then the versions that carry them.
    auto line = [](const QString& label, int records, int versions) {
        return SidepCtl::tr("%1: %2 (%n version(s))", nullptr, versions)
            .arg(label, SidepCtl::tr("%n record(s)", nullptr, records));
    };
    out << line(SidepCtl::tr("waiting"), status.recordsWaiting, status.waiting + status.sending)
        << Qt::endl
        << line(SidepCtl::tr("acknowledged"), status.recordsAcknowledged, status.acknowledged)
        << Qt::endl
        << line(SidepCtl::tr("rejected"), status.recordsRejected, status.rejected) << Qt::endl;
    if (status.damaged > 0)
        out << line(SidepCtl::tr("damaged (state edited in the file; see db verify)"),
                    status.recordsDamaged, status.damaged)
            << Qt::endl;
    if (status.oldestWaiting.isValid())
        out << SidepCtl::tr("oldest waiting since: %1")
                   .arg(status.oldestWaiting.toString(Qt::ISODate))
            << Qt::endl;
    if (!status.lastError.isEmpty())
        out << SidepCtl::tr("last error: %1").arg(status.lastError) << Qt::endl;
    // What the batches of this run measured (nothing before one went).
    if (const BatchSizer& sizer = engine.batchSizer(); sizer.hasMeasure()) {
        out << SidepCtl::tr("throughput: %1/s, %2 bytes a version on the wire")
                   .arg(QLocale().formattedDataSize(qint64(sizer.bytesPerSecond()), 1,
                                                    QLocale::DataSizeSIFormat))
                   .arg(qRound64(sizer.bytesPerRecord()))
            << Qt::endl;
    }
    // The national server has only the registration of these: the lab should look.
    QString error;
    const QList<RecordStore::AwaitingResult> late = engine.awaitingResult(&error);
    if (!late.isEmpty()) {
        out << SidepCtl::tr("samples waiting for a result for more than %n day(s): %1", nullptr,
                            RecordStore::AwaitingResultDays)
                   .arg(late.size())
            << Qt::endl;
        for (const RecordStore::AwaitingResult& sample : late)
            out << u"  "_s << sample.accession << u"  "_s << sample.collectedAt << Qt::endl;
    }
    return status;
}

// Keeps the activation codes in step after each round: the pool refilled, the used ones
// reported, each saying what it did.
void addCodeWork(QTextStream& out, QTextStream& err, SyncScheduler& scheduler, CodeRefill& refill,
                 UsedCodeReport& codeReport)
{
    QObject::connect(
        &refill, &CodeRefill::finished, &refill, [&out, &err](const CodeRefill::Result& result) {
            if (result.imported > 0)
                out << SidepCtl::tr("activation codes fetched: %1").arg(result.imported)
                    << Qt::endl;
            if (!result.error.isEmpty())
                err << SidepCtl::tr("activation codes: %1").arg(result.error) << Qt::endl;
        });
    QObject::connect(
        &codeReport, &UsedCodeReport::finished, &codeReport,
        [&out, &err, &codeReport](const UsedCodeReport::Result& result) {
            if (result.sent > 0 && result.outcome != UsedCodeReport::Result::Outcome::Failed)
                out << SidepCtl::tr("used activation codes reported: %1").arg(result.sent)
                    << Qt::endl;
            if (const QString problem = codeReport.lastProblem(); !problem.isEmpty())
                err << problem << Qt::endl;
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
}

void warnOnClockSkew(QTextStream& err, SyncScheduler& scheduler)
{
    QObject::connect(&scheduler, &SyncScheduler::serverClockRead, &scheduler,
                     [&err](const QDateTime& server, const QDateTime& workstation) {
                         const qint64 skew =
                             server.isValid() ? std::abs(workstation.secsTo(server)) : 0;
                         if (skew > MaxClockSkewSeconds)
                             err << SidepCtl::tr("warning: the server's clock is %1 s from this "
                                                 "workstation's: set the clock")
                                        .arg(skew)
                                 << Qt::endl;
                     });
}

// Then erases what the retention window says must go (on the engine's clock, as the
// outbox's times are).
void addPurge(QTextStream& out, Store& store, SyncEngine& engine, SyncScheduler& scheduler)
{
    scheduler.addAfterRound([&out, &store, &engine] {
        RecordPurge::Report report;
        QString purgeError;
        if (!RecordPurge(store).purgeDue(engine.now(), &report, &purgeError))
            return purgeError;
        if (report.records > 0)
            out << SidepCtl::tr(
                       "erased the identifying data of %n record(s) acknowledged more than %1 "
                       "day(s) ago",
                       nullptr, report.records)
                       .arg(report.retentionDays)
                << Qt::endl;
        return QString();
    });
}

} // namespace

int SidepCtl::sync(const CommandArguments& args)
{
    const QString action = this->action();
    if (!args.positional().isEmpty())
        return usage(tr("sync takes no word, or status"));

    QString error;
    if (action == u"status"_s) {
        SyncEngine engine(m_store, nullptr);
        return printStatus(m_out, engine).damaged > 0 ? IntegrityProblem : Success;
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
    // Tells the server which codes were used, apart from the records.
    UsedCodeReport codeReport(m_store, &transport);
    addCodeWork(m_out, m_err, scheduler, refill, codeReport);
    warnOnClockSkew(m_err, scheduler);
    addPurge(m_out, m_store, engine, scheduler);
    QEventLoop loop;
    int exitCode = Success;
    QObject::connect(&scheduler, &SyncScheduler::roundFinished, &loop, [&] {
        if (!scheduler.lastProblem().isEmpty())
            m_err << tr("problem: %1").arg(scheduler.lastProblem()) << Qt::endl;
        const SyncEngine::Status status = printStatus(m_out, engine);
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
