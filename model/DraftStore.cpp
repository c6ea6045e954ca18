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
    const QByteArray sealed = m_store.vault()->seal(
        DraftsTable, owner, ContentColumn, QJsonDocument(form).toJson(QJsonDocument::Compact));
    QSqlQuery& upsert =
        m_store.database().query(u"INSERT INTO drafts (owner, saved_at, content) VALUES (?, ?, ?) "
                                 "ON CONFLICT (owner) DO UPDATE SET saved_at = excluded.saved_at, "
                                 "content = excluded.content"_s);
    upsert.bindValue(0, owner);
    upsert.bindValue(1, now.toUTC().toString(Qt::ISODate));
    upsert.bindValue(2, sealed);
    return m_store.database().exec(upsert, error);
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
    if (sealed.isEmpty() ||
        !m_store.vault()->open(DraftsTable, owner, ContentColumn, sealed, &json)) {
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
    QSqlQuery& remove = m_store.database().query(u"DELETE FROM drafts WHERE owner = ?"_s);
    remove.bindValue(0, m_store.currentUser().name);
    return m_store.database().exec(remove, error);
}
