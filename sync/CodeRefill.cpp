#include "CodeRefill.h"

#include "ActivationCodes.h"
#include "Store.h"

#include <QLoggingCategory>
#include <QPointer>
#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

using namespace Qt::StringLiterals;

const QString CodeRefill::BelowSetting = u"activation.refillBelow"_s;
const QString CodeRefill::TargetSetting = u"activation.refillTarget"_s;

namespace {

int positiveSetting(Store& store, const QString& key, int defaultValue)
{
    bool ok = false;
    const int value = store.setting(key).toInt(&ok);
    return ok && value > 0 ? value : defaultValue;
}

} // namespace

CodeRefill::CodeRefill(Store& store, SyncTransport* transport, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_transport(transport)
{}

int CodeRefill::refillBelow() const
{
    return positiveSetting(m_store, BelowSetting, DefaultBelow);
}

int CodeRefill::refillTarget() const
{
    // A target under the threshold would leave the pool low after every refill.
    return std::max(positiveSetting(m_store, TargetSetting, DefaultTarget), refillBelow());
}

bool CodeRefill::refillIfLow()
{
    return start(Need::IfLow, 0);
}

bool CodeRefill::refillToTarget()
{
    return start(Need::ToTarget, 0);
}

bool CodeRefill::fetch(int count)
{
    if (count < 1 || count > MaxFetch) {
        if (!m_busy) {
            m_result = {};
            m_result.outcome = Result::Outcome::Failed;
            m_result.error = tr("from 1 to %1 codes at a time").arg(MaxFetch);
        }
        return false;
    }
    return start(Need::ToTarget, count);
}

bool CodeRefill::start(Need need, int count)
{
    if (m_busy)
        return false; // the refill under way is enough; its result comes with finished()
    Result result;
    QString error;
    QString ignored;
    if (!m_store.require(Permission::EnterResult, &ignored) &&
        !m_store.require(Permission::ManageSettings, &error)) {
        result.outcome = Result::Outcome::NotAllowed;
        result.error = error;
        m_result = result;
        return false;
    }
    ActivationCodes pool(m_store);
    const ActivationCodes::Status status = pool.status(0, &error);
    if (!error.isEmpty()) {
        result.outcome = Result::Outcome::Failed;
        result.error = error;
        m_result = result;
        return false;
    }
    result.validBefore = status.validNow;
    if (count == 0) {
        if (need == Need::IfLow && status.validNow >= refillBelow()) {
            m_result = result;
            return false;
        }
        // Positive results waiting for a code take theirs from the import at once.
        count = refillTarget() + status.awaitingCode - status.validNow;
    }
    count = std::min(count, MaxFetch);
    if (count <= 0) {
        m_result = result;
        return false;
    }
    result.requested = count;
    m_result = result;
    m_remaining = count;
    m_busy = true;
    qCInfo(lcSync) << "activation codes: asking for" << count << "with" << status.validNow
                   << "valid";
    fetchNext();
    return true;
}

void CodeRefill::fetchNext()
{
    const int ask = std::min(m_remaining, MaxPerRequest);
    QPointer<CodeRefill> self(this);
    m_transport->fetchActivationCodes(ask, [self, ask](const SyncTransport::CodeBatchReply& reply) {
        if (!self)
            return;
        Result& result = self->m_result;
        if (!reply.errorText.isEmpty()) {
            result.outcome = Result::Outcome::Failed;
            result.error = reply.errorText;
            self->finish();
            return;
        }
        if (reply.count > 0) {
            ActivationCodes pool(self->m_store);
            ActivationCodes::ImportReport report;
            QString error;
            // Never without the checksum: an empty one is still checked, and refused.
            const QByteArray sha256 = reply.sha256.isNull() ? QByteArray("") : reply.sha256;
            if (!pool.importCsv(reply.csv, reply.fileName, sha256, &report, &error)) {
                result.outcome = Result::Outcome::Failed;
                result.error = error;
                self->finish();
                return;
            }
            result.imported += report.imported;
            result.assigned += report.assigned;
            self->m_remaining -= report.imported;
        }
        if (reply.exhausted || reply.count < ask) {
            result.serverExhausted = true;
            result.outcome =
                result.imported > 0 ? Result::Outcome::Fetched : Result::Outcome::ServerEmpty;
            self->finish();
            return;
        }
        if (self->m_remaining > 0) {
            self->fetchNext();
            return;
        }
        result.outcome = Result::Outcome::Fetched;
        self->finish();
    });
}

void CodeRefill::finish()
{
    m_busy = false;
    if (m_result.outcome == Result::Outcome::Failed)
        qCWarning(lcSync).noquote() << "activation codes: refill failed:" << m_result.error;
    else
        qCInfo(lcSync) << "activation codes: imported" << m_result.imported << "of"
                       << m_result.requested << "asked";
    Q_EMIT finished(m_result);
}

QString CodeRefill::lastProblem() const
{
    switch (m_result.outcome) {
    case Result::Outcome::NotNeeded:
    case Result::Outcome::NotAllowed:
        return {};
    case Result::Outcome::Fetched:
        if (!m_result.serverExhausted)
            return {};
        return tr("the national server ran out of activation codes: %1 of %2 received")
            .arg(m_result.imported)
            .arg(m_result.requested);
    case Result::Outcome::ServerEmpty:
        return tr("the national server has no activation code left");
    case Result::Outcome::Failed:
        return tr("activation codes not refilled: %1").arg(m_result.error);
    }
    return {};
}
