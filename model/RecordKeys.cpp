#include "RecordKeys.h"

#include "Crypto.h"
#include "Database.h"
#include "StoreFormat.h"
#include "Vault.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Where a wrapped key belongs: one record's, and nowhere else.
QByteArray wrappingPlace(const QString& recordId)
{
    return Vault::associatedData(StoreFormat::RecordKeysTable, recordId, u"key"_s);
}

} // namespace

QByteArray RecordKey::seal(const QString& table, const QString& rowId, const QString& column,
                           QByteArrayView plaintext) const
{
    return Vault::sealUnder(*m_key, table, rowId, column, plaintext);
}

bool RecordKey::open(const QString& table, const QString& rowId, const QString& column,
                     QByteArrayView sealed, QByteArray* plaintext) const
{
    return m_key && Vault::openUnder(*m_key, table, rowId, column, sealed, plaintext);
}

RecordKeys::RecordKeys(Database& database, const Vault& vault)
    : m_database(database)
    , m_vault(vault)
{}

RecordKeys::~RecordKeys() = default;

QString RecordKeys::draftKeyId(const QString& owner)
{
    return u"draft|"_s + owner;
}

RecordKey RecordKeys::wrap(std::shared_ptr<const GcmKey> own) const
{
    RecordKey key;
    key.m_own = std::move(own);
    key.m_key = key.m_own ? key.m_own.get() : &m_vault.fieldKey();
    return key;
}

void RecordKeys::remember(const QString& recordId, const std::shared_ptr<const GcmKey>& own)
{
    if (m_cache.size() >= CacheLimit)
        m_cache.clear();
    m_cache.insert(recordId, own);
}

bool RecordKeys::keyOf(const QString& recordId, RecordKey* key, QString* error)
{
    if (const auto cached = m_cache.constFind(recordId); cached != m_cache.cend()) {
        *key = wrap(cached.value());
        return true;
    }
    QSqlQuery& select = m_database.query(u"SELECT wrapped FROM record_keys WHERE record_id = ?"_s);
    select.bindValue(0, recordId);
    if (!m_database.exec(select, error))
        return false;
    const QVariant wrapped = select.next() ? select.value(0) : QVariant();
    select.finish();
    return keyFrom(recordId, wrapped, key, error);
}

QString RecordKeys::wrappedKeyColumn(const QString& idColumn)
{
    return u"(SELECT wrapped FROM record_keys WHERE record_id = %1)"_s.arg(idColumn);
}

bool RecordKeys::keyFrom(const QString& recordId, const QVariant& wrapped, RecordKey* key,
                         QString* error)
{
    const auto cached = m_cache.constFind(recordId);
    if (cached != m_cache.cend()) {
        *key = wrap(cached.value());
        return true;
    }
    if (wrapped.isNull()) {
        *key = wrap(nullptr);
        return true;
    }
    SecureBytes raw;
    if (!m_vault.fieldKey().open(wrapped.toByteArray(), wrappingPlace(recordId), &raw) ||
        raw.size() != std::size_t(Crypto::KeySize)) {
        *error = tr("the key of record %1 does not open: the store is damaged").arg(recordId);
        return false;
    }
    auto own = std::make_shared<const GcmKey>(raw);
    remember(recordId, own);
    *key = wrap(std::move(own));
    return true;
}

bool RecordKeys::rewrap(const Vault& from, const Vault& to, const QString& recordId,
                        const QByteArray& wrapped, QByteArray* rewrapped)
{
    SecureBytes raw;
    if (!from.fieldKey().open(wrapped, wrappingPlace(recordId), &raw) ||
        raw.size() != std::size_t(Crypto::KeySize))
        return false;
    *rewrapped = to.fieldKey().seal(raw.view(), wrappingPlace(recordId));
    return true;
}

QByteArray RecordKeys::wrapFieldKey(const Vault& from, const Vault& to, const QString& recordId)
{
    const SecureBytes fieldKey = Crypto::hkdf(from.dataKey(), StoreFormat::FieldKeyLabel);
    return to.fieldKey().seal(fieldKey.view(), wrappingPlace(recordId));
}

bool RecordKeys::create(const QString& recordId, RecordKey* key, QString* error)
{
#ifdef SIDEP_TEST_HOOKS
    // Test builds only: records sealed under the field key, as a store made before keys of
    // their own wrote them. A program built without the hooks (every package) never reads
    // this variable.
    if (qEnvironmentVariable("SIDEP_TEST_BEFORE_RECORD_KEYS") == u"1"_s) {
        *key = wrap(nullptr);
        return true;
    }
#endif
    const SecureBytes raw = Crypto::randomKey();
    QSqlQuery& insert =
        m_database.query(u"INSERT INTO record_keys (record_id, wrapped) VALUES (?, ?) "
                         "ON CONFLICT (record_id) DO UPDATE SET wrapped = excluded.wrapped"_s);
    insert.bindValue(0, recordId);
    insert.bindValue(1, m_vault.fieldKey().seal(raw.view(), wrappingPlace(recordId)));
    if (!m_database.exec(insert, error))
        return false;
    auto own = std::make_shared<const GcmKey>(raw);
    remember(recordId, own);
    *key = wrap(std::move(own));
    return true;
}

bool RecordKeys::shred(const QString& recordId, QString* error)
{
    m_cache.remove(recordId);
    QSqlQuery& remove = m_database.query(u"DELETE FROM record_keys WHERE record_id = ?"_s);
    remove.bindValue(0, recordId);
    return m_database.exec(remove, error);
}
