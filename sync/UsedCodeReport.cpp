#include "UsedCodeReport.h"

#include "ActivationCodes.h"
#include "Store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

using namespace Qt::StringLiterals;

UsedCodeReport::UsedCodeReport(Store& store, SyncTransport* transport, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_transport(transport)
{}

bool UsedCodeReport::reportPending()
{
    if (m_busy)
        return false; // the report under way takes what is pending; finished() follows
    m_result = {};
    m_requests = 0;
    // Before the request: a transport may answer at once.
    m_busy = true;
    if (!sendNext()) {
        m_busy = false;
        return false;
    }
    return true;
}

bool UsedCodeReport::sendNext()
{
    QList<ActivationCodes::UsedCode> codes;
    QString error;
    if (!ActivationCodes(m_store).unreported(MaxPerRequest, &codes, &error)) {
        m_result.outcome = Result::Outcome::Failed;
        m_result.error = error;
        return false;
    }
    if (codes.isEmpty())
        return false;
    // Sorted by code (ActivationCodes::unreported): nothing of the records' order.
    QJsonArray array;
    QSet<QString> sent;
    for (const ActivationCodes::UsedCode& code : std::as_const(codes)) {
        array.append(
            QJsonObject{{u"code"_s, code.code}, {u"day"_s, code.day.toString(Qt::ISODate)}});
        sent.insert(code.code);
    }
    ++m_requests;
    m_result.sent += int(codes.size());
    const bool full = codes.size() == MaxPerRequest;
    QPointer<UsedCodeReport> self(this);
    m_transport->reportUsedCodes(
        QJsonObject{{u"codes"_s, array}}, [self, sent, full](const SyncTransport::Reply& reply) {
            if (!self)
                return;
            Result& result = self->m_result;
            if (reply.httpStatus != 200) {
                result.outcome = Result::Outcome::Failed;
                // The server's own words when it gave some (an OperationOutcome).
                const QString diagnostics = reply.body.value(u"issue"_s)
                                                .toArray()
                                                .at(0)
                                                .toObject()
                                                .value(u"diagnostics"_s)
                                                .toString();
                result.error = !diagnostics.isEmpty()       ? diagnostics
                               : !reply.errorText.isEmpty() ? reply.errorText
                                                            : tr("HTTP %1").arg(reply.httpStatus);
                self->finish();
                return;
            }
            // Only the codes the server answered for, and only those sent: the others stay
            // pending and go again.
            QStringList answered;
            QSet<QString> unanswered = sent;
            for (const QJsonValue& value : reply.body.value(u"results"_s).toArray()) {
                const QString code = value[u"code"_s].toString();
                const QString outcome = value[u"outcome"_s].toString();
                if (!unanswered.contains(code))
                    continue;
                if (outcome == u"used"_s)
                    ++result.used;
                else if (outcome == u"already used"_s)
                    ++result.alreadyUsed;
                else if (outcome == u"unknown"_s)
                    ++result.unknown;
                else if (outcome == u"refused"_s)
                    ++result.refused;
                else
                    continue;
                answered.append(code);
                unanswered.remove(code);
            }
            QString markError;
            if (!ActivationCodes(self->m_store).markReported(answered, &markError)) {
                result.outcome = Result::Outcome::Failed;
                result.error = markError;
                self->finish();
                return;
            }
            if (const int missing = int(unanswered.size()); missing > 0) {
                result.outcome = Result::Outcome::Failed;
                result.error = tr("the server did not answer for %n activation code(s): "
                                  "reported again later",
                                  nullptr, missing);
                self->finish();
                return;
            }
            result.outcome = Result::Outcome::Reported;
            // More may wait; sendNext() sets Failed if the pool cannot be read.
            if (full && self->m_requests < MaxRequests && self->sendNext())
                return;
            self->finish();
        });
    return true;
}

void UsedCodeReport::finish()
{
    m_busy = false;
    if (m_result.outcome == Result::Outcome::Failed) {
        qCWarning(lcSync).noquote() << "used activation codes: report failed:" << m_result.error;
    } else {
        qCInfo(lcSync) << "used activation codes: reported" << m_result.sent << "- used"
                       << m_result.used << "already used" << m_result.alreadyUsed << "unknown"
                       << m_result.unknown << "refused" << m_result.refused;
    }
    if (m_result.refused > 0) {
        qCWarning(lcSync) << "used activation codes:" << m_result.refused
                          << "refused by the national server (issued to or used by another site)";
    }
    Q_EMIT finished(m_result);
}

QString UsedCodeReport::lastProblem() const
{
    if (m_result.outcome == Result::Outcome::Failed)
        return tr("used activation codes not reported: %1").arg(m_result.error);
    if (m_result.refused > 0)
        return tr("the national server refused %n used activation code(s) as another site's: "
                  "tell its operators",
                  nullptr, m_result.refused);
    return {};
}
