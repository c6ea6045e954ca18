#include "SendingTurn.h"

#include "Database.h"
#include "Logging.h"
#include "Store.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

// A site database's advisory lock for the turn ("SIDEPS" in ASCII); a session lock, so that
// it holds across the transactions of a round and goes with a station's connection.
constexpr qint64 SiteSendingLockKey = 0x534944455053;

} // namespace

SendingTurn::SendingTurn(Store& store)
    : m_store(store)
{
    if (store.database().engine() == Database::Engine::Sqlite)
        m_file = std::make_unique<FileLock>(store.filePath() + u".sync-lock"_s);
}

SendingTurn::~SendingTurn()
{
    release();
}

bool SendingTurn::tryTake()
{
    if (m_held)
        return true;
    if (m_file) {
        m_held = m_file->tryLock();
        return m_held;
    }
    QSqlQuery& take = m_store.database().query(u"SELECT pg_try_advisory_lock(?)"_s);
    take.bindValue(0, SiteSendingLockKey);
    QString error;
    m_held = m_store.database().exec(take, &error) && take.next() && take.value(0).toBool();
    take.finish();
    if (!error.isEmpty())
        qCWarning(lcModel).noquote() << "cannot take the sending turn:" << error;
    return m_held;
}

void SendingTurn::release()
{
    if (!m_held)
        return;
    m_held = false;
    if (m_file) {
        m_file->unlock();
        return;
    }
    if (!m_store.database().isOpen())
        return;
    QSqlQuery& give = m_store.database().query(u"SELECT pg_advisory_unlock(?)"_s);
    give.bindValue(0, SiteSendingLockKey);
    QString error;
    // A lost connection has given it back already.
    if (!m_store.database().exec(give, &error))
        qCInfo(lcModel).noquote() << "sending turn given back with the connection:" << error;
    give.finish();
}
