#include "StoreIdentity.h"

#include "AuditLog.h"
#include "Crypto.h"
#include "Database.h"
#include "Logging.h"
#include "Store.h"
#include "StoreFormat.h"
#include "Vault.h"

#include <QUuid>

using namespace Qt::StringLiterals;

const QString StoreIdentity::Action = u"store.identity"_s;

namespace {

const QString IdKey = u"store.id"_s;
const QString MacKey = u"store.id.mac"_s;

QByteArray idMac(const Vault& vault, const QString& id)
{
    return vault.stateMac((StoreFormat::StoreIdPrefix + id).toUtf8());
}

bool namedBefore(Database& database, bool* named, QString* error)
{
    QSqlQuery& marker = database.query(u"SELECT 1 FROM audit WHERE action = ? LIMIT 1"_s);
    marker.bindValue(0, StoreIdentity::Action);
    if (!database.exec(marker, error))
        return false;
    *named = marker.next();
    marker.finish();
    return true;
}

} // namespace

bool StoreIdentity::writeNewId(Store& store, const QString& context, QString* error)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Database& database = store.database();
    return database.setMetaValue(IdKey, id.toUtf8(), error) &&
           database.setMetaValue(MacKey, idMac(*store.vault(), id), error) &&
           store.audit(StoreIdentity::Action, QString(), u"store "_s + id + u' ' + context, error);
}

bool StoreIdentity::idChecksOut(Store& store, const QString& id)
{
    return store.isSignedIn() &&
           Crypto::equalConstantTime(idMac(*store.vault(), id), store.database().metaValue(MacKey));
}

#ifdef SIDEP_TEST_HOOKS
namespace {
bool createWithoutId = false;
} // namespace

void StoreIdentity::createStoresWithoutIdForTest(bool without)
{
    createWithoutId = without;
}
#endif

bool StoreIdentity::create(Store& store, QString* error)
{
#ifdef SIDEP_TEST_HOOKS
    if (createWithoutId)
        return true;
#endif
    return writeNewId(store, u"created"_s, error);
}

QString StoreIdentity::problem(Store& store)
{
    Database& database = store.database();
    const QString id = QString::fromUtf8(database.metaValue(IdKey));
    QString error;
    bool named = false;
    if (id.isEmpty()) {
        if (!namedBefore(database, &named, &error))
            return error;
        return named ? tr("the store's identity for the national server was taken away")
                     : QString();
    }
    return idChecksOut(store, id) ? QString()
                                  : tr("the store's identity for the national server was edited");
}

bool StoreIdentity::current(Store& store, Checkpoint* checkpoint, QString* error)
{
    if (!store.isSignedIn()) {
        *error = tr("sign in first");
        return false;
    }
    Database& database = store.database();
    QString id = QString::fromUtf8(database.metaValue(IdKey));
    if (id.isEmpty()) {
        bool named = false;
        if (!namedBefore(database, &named, error))
            return false;
        // An id was given and taken away, or the chain that would say so was cut: a new id
        // would hide the store's past from the national server.
        if (named || !store.auditLog()->verify().isEmpty()) {
            *error = tr("the store's identity for the national server is missing: the store "
                        "file was changed outside the program (sidepctl db verify)");
            return false;
        }
        Transaction transaction(database);
        if (!transaction.begin(error) ||
            !writeNewId(store, u"given to a store from before identities"_s, error) ||
            !transaction.commit(error)) {
            return false;
        }
        id = QString::fromUtf8(database.metaValue(IdKey));
        qCInfo(lcStore) << "store identity given";
    }
    if (!idChecksOut(store, id) || QUuid::fromString(id).isNull()) {
        *error = tr("the store's identity for the national server does not check out: the "
                    "store file was changed outside the program (sidepctl db verify)");
        return false;
    }
    const qint64 sequence = store.auditLog()->headSequence();
    if (sequence < 0) {
        *error = tr("the audit log's head does not check out: the store file was changed "
                    "outside the program (sidepctl audit verify)");
        return false;
    }
    checkpoint->storeId = id;
    checkpoint->sequence = sequence;
    return true;
}

bool StoreIdentity::renew(Store& store, const QString& why, QString* error)
{
    if (!store.require(Permission::ManageSettings, error))
        return false;
    Transaction transaction(store.database());
    if (!transaction.begin(error) || !writeNewId(store, u"after "_s + why, error) ||
        !transaction.commit(error)) {
        return false;
    }
    qCInfo(lcStore) << "store identity renewed";
    return true;
}
