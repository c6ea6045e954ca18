#include "DraftStore.h"

#include "Logging.h"
#include "Store.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {
const QString DraftsTable = u"drafts"_s;
const QString ContentColumn = u"content"_s;
} // namespace

DraftStore::DraftStore(Store& store)
    : m_store(store)
{}

bool DraftStore::save(const QJsonObject& form, QString* error, const QDateTime& now)
{
    if (!m_store.isSignedIn()) {
        *error = tr("sign in first");
        return false;
    }
    const QString owner = m_store.currentUser().name;
    // Under the draft's own key (RecordKeys), kept across saves: every copy of the form that
    // an earlier save left behind (a dead tuple of the site database, its WAL) goes with it.
    Transaction transaction(m_store.database());
    RecordKeys& keys = *m_store.recordKeys();
    const QString keyId = RecordKeys::draftKeyId(owner);
    RecordKey key;
    if (!transaction.begin(error) || !keys.keyOf(keyId, &key, error) ||
        (!key.isOwn() && !keys.create(keyId, &key, error))) {
        return false;
    }
    const QByteArray sealed = key.seal(DraftsTable, owner, ContentColumn,
                                       QJsonDocument(form).toJson(QJsonDocument::Compact));
    QSqlQuery& upsert =
        m_store.database().query(u"INSERT INTO drafts (owner, saved_at, content) VALUES (?, ?, ?) "
                                 "ON CONFLICT (owner) DO UPDATE SET saved_at = excluded.saved_at, "
                                 "content = excluded.content"_s);
    upsert.bindValue(0, owner);
    upsert.bindValue(1, now.toUTC().toString(Qt::ISODate));
    upsert.bindValue(2, sealed);
    return m_store.database().exec(upsert, error) && transaction.commit(error);
}

bool DraftStore::load(QJsonObject* form, QDateTime* savedAt)
{
    if (!m_store.isSignedIn())
        return false;
    const QString owner = m_store.currentUser().name;
    QSqlQuery& select =
        m_store.database().query(u"SELECT saved_at, content FROM drafts WHERE owner = ?"_s);
    select.bindValue(0, owner);
    QByteArray sealed;
    QString when;
    if (select.exec() && select.next()) {
        when = select.value(0).toString();
        sealed = select.value(1).toByteArray();
    }
    select.finish();
    QByteArray json;
    RecordKey key;
    QString error;
    if (sealed.isEmpty() ||
        !m_store.recordKeys()->keyOf(RecordKeys::draftKeyId(owner), &key, &error) ||
        !key.open(DraftsTable, owner, ContentColumn, sealed, &json)) {
        if (!sealed.isEmpty())
            qCWarning(lcStore) << "a draft does not decrypt; it is kept";
        return false;
    }
    *form = QJsonDocument::fromJson(json).object();
    if (savedAt)
        *savedAt = QDateTime::fromString(when, Qt::ISODate);
    return true;
}

bool DraftStore::discard(QString* error)
{
    if (!m_store.isSignedIn()) {
        *error = tr("sign in first");
        return false;
    }
    const QString owner = m_store.currentUser().name;
    Transaction transaction(m_store.database());
    QSqlQuery& remove = m_store.database().query(u"DELETE FROM drafts WHERE owner = ?"_s);
    remove.bindValue(0, owner);
    return transaction.begin(error) && m_store.database().exec(remove, error) &&
           m_store.recordKeys()->shred(RecordKeys::draftKeyId(owner), error) &&
           transaction.commit(error);
}
