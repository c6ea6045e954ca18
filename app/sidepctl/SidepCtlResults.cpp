// sidepctl result/codes/qr/slip: the lab's results, the activation codes, the QR code of a
// positive and the printed result slip, with the same rules and audit as the GUI.

#include "ActivationCodes.h"
#include "CodeRefill.h"
#include "HttpsTransport.h"
#include "QrCode.h"
#include "RecordStore.h"
#include "ResultSlip.h"
#include "ResultStore.h"
#include "SidepCtl.h"
#include "SyncSettings.h"

#include <QEventLoop>
#include <QGuiApplication>
#include <QSaveFile>

using namespace Qt::StringLiterals;

int SidepCtl::findTube(const QString& tube, QUuid* id)
{
    if (tube.isEmpty())
        return usage(tr("this command needs --tube LABEL"));
    QString error;
    if (!m_store.require(Permission::ViewIdentity, &error))
        return fail(AccessDenied, error);
    if (!m_store.records()->findByTube(tube, id, &error))
        return fail(NotFound, error);
    return Success;
}

int SidepCtl::checkResult(const CommandArguments& args)
{
    if (!args.positional().isEmpty())
        return usage(tr("result %1 takes no argument besides its options").arg(action()));
    if (action() != u"cancel"_s && !args.has(u"value"_s))
        return usage(tr("result %1 needs --value P, N, I or X").arg(action()));
    if (action() != u"set"_s && args.value(u"reason"_s).trimmed().isEmpty())
        return usage(tr("result %1 needs --reason TEXT").arg(action()));
    return Success;
}

int SidepCtl::result(const CommandArguments& args)
{
    const QString action = this->action();
    ResultStore::Entry entry;
    entry.value = args.value(u"value"_s);
    entry.analysis = args.value(u"analysis"_s);
    entry.validatedAt = args.value(u"validated-at"_s);
    // For a new result the reason is the non-conformity of an X; for a correction it is the
    // correction's reason, and an X's non-conformity comes with --non-conformity.
    entry.nonConformity = args.has(u"non-conformity"_s) || action != u"set"_s
                              ? args.value(u"non-conformity"_s)
                              : args.value(u"reason"_s);
    if (args.has(u"report"_s)) {
        QString error;
        if (!ResultStore::readReportFile(args.value(u"report"_s), &entry.reportPdf, &error))
            return fail(NotFound, error);
    }

    QString error;
    QUuid id;
    if (const int code = findTube(args.value(u"tube"_s), &id); code != Success)
        return code;

    ResultStore results(m_store);
    QList<Problem> problems;
    if (action == u"cancel"_s) {
        if (!results.cancel(id, args.value(u"reason"_s), &error))
            return fail(Invalid, error);
        m_out << tr("Result cancelled; it will be sent again as entered in error.") << Qt::endl;
        return Success;
    }
    const bool correcting = action == u"correct"_s;
    ResultStore::Outcome outcome = ResultStore::Outcome::Mismatch;
    const bool done = correcting ? results.correct(id, entry, args.value(u"reason"_s), &outcome,
                                                   &problems, &error)
                                 : results.enter(id, entry, &outcome, &problems, &error);
    printProblems(problems);
    if (!done)
        return fail(Invalid, error);
    switch (outcome) {
    case ResultStore::Outcome::Validated:
        m_out << (correcting ? tr("Result corrected; it will be sent again as a correction.")
                             : tr("Result validated."))
              << Qt::endl;
        break;
    case ResultStore::Outcome::AwaitingSecondEntry:
        m_out << (correcting ? tr("Correction recorded: another user must enter this corrected "
                                  "positive result to validate it.")
                             : tr("First entry recorded: another user must enter this positive "
                                  "result to validate it."))
              << Qt::endl;
        return Success;
    case ResultStore::Outcome::Mismatch:
        return fail(Invalid, correcting ? tr("this correction disagrees with another user's "
                                             "correction: nothing is changed until two users "
                                             "enter the same result")
                                        : tr("this entry disagrees with another user's entry: "
                                             "nothing is validated until two users enter the "
                                             "same result"));
    }
    ResultStore::Current current;
    if (results.current(id, &current, &error) && current.awaitingActivationCode) {
        m_err << tr("No valid activation code is left: the record is flagged and gets its "
                    "code as soon as codes are imported.")
              << Qt::endl;
    }
    return Success;
}

int SidepCtl::checkCodes(const CommandArguments& args)
{
    const QString action = this->action();
    if (action == u"import"_s) {
        if (args.positional().size() != 1)
            return usage(tr("codes import needs one file: a national delivery (.tgz) or a CSV"));
    } else if (action == u"status"_s) {
        if (!args.positional().isEmpty())
            return usage(tr("codes status takes no file"));
    } else if (!args.positional().isEmpty()) {
        return usage(tr("codes fetch takes no file"));
    }
    bool countOk = true;
    const int fetchCount = args.has(u"count"_s) ? args.value(u"count"_s).toInt(&countOk) : 0;
    if (!countOk || (args.has(u"count"_s) && (fetchCount < 1 || fetchCount > CodeRefill::MaxFetch)))
        return usage(tr("--count needs a number of codes from 1 to %1").arg(CodeRefill::MaxFetch));
    bool daysOk = true;
    const int soonDays = args.has(u"soon-days"_s) ? args.value(u"soon-days"_s).toInt(&daysOk) : 3;
    if (!daysOk || soonDays < 0)
        return usage(tr("--soon-days needs a number of days"));
    return Success;
}

int SidepCtl::codes(const CommandArguments& args)
{
    // Checked by checkCodes.
    const QString action = this->action();
    const int fetchCount = args.has(u"count"_s) ? args.value(u"count"_s).toInt() : 0;
    const int soonDays = args.has(u"soon-days"_s) ? args.value(u"soon-days"_s).toInt() : 3;
    QString error;
    if (action == u"fetch"_s) {
        // From the national server, through the site's sync settings; --count or up to the
        // refill target.
        QSslConfiguration tls;
        QUrl url;
        if (!SyncSettings(m_store).load(&tls, &url, &error))
            return fail(Invalid, error);
        HttpsTransport transport(url, tls);
        CodeRefill refill(m_store, &transport);
        const bool started = fetchCount > 0 ? refill.fetch(fetchCount) : refill.refillToTarget();
        if (started && refill.isBusy()) {
            QEventLoop loop;
            QObject::connect(&refill, &CodeRefill::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        const CodeRefill::Result& done = refill.lastResult();
        switch (done.outcome) {
        case CodeRefill::Result::Outcome::NotNeeded:
            m_out << tr("The pool holds %1 valid codes (target %2): nothing fetched.")
                         .arg(done.validBefore)
                         .arg(refill.refillTarget())
                  << Qt::endl;
            return Success;
        case CodeRefill::Result::Outcome::NotAllowed:
            return fail(AccessDenied, done.error);
        case CodeRefill::Result::Outcome::Fetched:
            m_out << tr("%n code(s) fetched and imported.", nullptr, done.imported) << Qt::endl;
            if (done.assigned > 0) {
                m_out << tr("%n waiting positive result(s) got a code.", nullptr, done.assigned)
                      << Qt::endl;
            }
            if (done.serverExhausted)
                m_err << refill.lastProblem() << Qt::endl;
            return Success;
        case CodeRefill::Result::Outcome::ServerEmpty:
        case CodeRefill::Result::Outcome::Failed:
            return fail(SyncIncomplete, refill.lastProblem());
        }
        return fail(SyncIncomplete, refill.lastProblem());
    }
    ActivationCodes pool(m_store);
    if (action == u"import"_s) {
        ActivationCodes::ImportReport report;
        if (!pool.importFile(args.positional(0), args.value(u"sha256"_s), &report, &error)) {
            for (const ActivationCodes::ImportProblem& problem : std::as_const(report.problems))
                m_err << tr("error") << u": "_s << problem.toString() << Qt::endl;
            return fail(report.problems.isEmpty() ? NotFound : Invalid, error);
        }
        m_out << tr("%n code(s) imported.", nullptr, report.imported) << Qt::endl;
        if (report.assigned > 0) {
            m_out << tr("%n waiting positive result(s) got a code.", nullptr, report.assigned)
                  << Qt::endl;
        }
        return Success;
    }
    QString ignored;
    if (!m_store.require(Permission::EnterResult, &ignored) &&
        !m_store.require(Permission::ManageSettings, &error)) {
        return fail(AccessDenied, error);
    }
    const ActivationCodes::Status status = pool.status(soonDays, &error);
    if (!error.isEmpty())
        return fail(StoreError, error);
    m_out << tr("codes in the pool: %1").arg(status.total) << Qt::endl
          << tr("used: %1").arg(status.used) << Qt::endl
          << tr("valid now: %1").arg(status.validNow) << Qt::endl
          << tr("expiring within %1 days: %2").arg(soonDays).arg(status.expiringSoon) << Qt::endl
          << tr("not yet valid: %1").arg(status.notYetValid) << Qt::endl
          << tr("expired unused: %1").arg(status.expired) << Qt::endl
          << tr("positive results waiting for a code: %1").arg(status.awaitingCode) << Qt::endl;
    if (status.validNow == 0)
        m_err << tr("No valid activation code is left: import a new batch.") << Qt::endl;
    return Success;
}

int SidepCtl::checkQr(const CommandArguments& args)
{
    if (!args.has(u"png"_s) || !args.has(u"tube"_s) || !args.positional().isEmpty())
        return usage(tr("qr needs --tube LABEL and --png FILE"));
    return Success;
}

int SidepCtl::qr(const CommandArguments& args)
{
    QUuid id;
    if (const int code = findTube(args.value(u"tube"_s), &id); code != Success)
        return code;
    ResultStore results(m_store);
    Activation activation;
    QString error;
    if (!results.activationFor(id, ResultStore::QrUse::Export, &activation, &error))
        return fail(Invalid, error);
    const QrCode code(activation.link);
    if (code.isNull())
        return fail(Invalid, code.errorString());
    const QString path = args.value(u"png"_s);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !code.toImage(8).save(&file, "PNG") || !file.commit()) {
        return fail(StoreError, tr("cannot write %1: %2").arg(path, file.errorString()));
    }
    m_out << tr("QR code written to %1").arg(path) << Qt::endl;
    return Success;
}

namespace {

std::optional<ResultSlip::Language> slipLanguage(const CommandArguments& args)
{
    return ResultSlip::languageFromName(args.has(u"language"_s) ? args.value(u"language"_s)
                                                                : u"fr"_s);
}

} // namespace

int SidepCtl::checkSlip(const CommandArguments& args)
{
    if (!args.has(u"pdf"_s) || !args.has(u"tube"_s) || !args.positional().isEmpty())
        return usage(tr("slip needs --tube LABEL and --pdf FILE"));
    if (!slipLanguage(args))
        return usage(tr("--language is fr or en"));
    // Text on a page needs the fonts of a GUI application (main() makes one for slip).
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return fail(StoreError, tr("slip needs a GUI application to lay out text"));
    return Success;
}

int SidepCtl::slip(const CommandArguments& args)
{
    const auto language = slipLanguage(args);
    QUuid id;
    if (const int code = findTube(args.value(u"tube"_s), &id); code != Success)
        return code;
    ResultStore results(m_store);
    ResultStore::SlipContent content;
    QString error;
    if (!results.slip(id, args.value(u"reason"_s), &content, &error))
        return fail(Invalid, error);
    const ResultSlip page(content, *language);
    if (!page.writePdf(args.value(u"pdf"_s), &error))
        return fail(StoreError, error);
    m_out << (content.reprint ? tr("Slip reprinted to %1") : tr("Slip printed to %1"))
                 .arg(args.value(u"pdf"_s))
          << Qt::endl;
    return Success;
}
