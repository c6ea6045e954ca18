#include "RecordSeal.h"

#include "AuditLog.h"
#include "Crypto.h"
#include "Logging.h"
#include "Store.h"
#include "StoreFormat.h"
#include "Vault.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

const QString RecordSeal::SealedAction = u"records.sealed"_s;

namespace {

using StoreFormat::RecordsTable;
// Where the audit entry that sealed the legacy rows is, so that a sign-in finds it with one
// lookup. Only a hint: when it is missing or points elsewhere, the chain is searched.
const QString SealedHintKey = u"records.sealedAt"_s;
// The blocks a new version writes (a result, a correction, a cancellation), bound to it.
const QString BoundColumns[] = {u"result"_s, u"report"_s};

bool findSealedMarker(Store& store)
{
    AuditLog* log = store.auditLog();
    if (!log)
        return false;
    bool hinted = false;
    const qint64 hint = store.metaValue(SealedHintKey).toLongLong(&hinted);
    if (hinted && hint > 0) {
        const QList<AuditLog::Entry> entry = log->entries(hint, 1);
        if (!entry.isEmpty() && entry.first().seq == hint &&
            entry.first().action == RecordSeal::SealedAction) {
            return true;
        }
    }
    for (qint64 from = 1;;) {
        const QList<AuditLog::Entry> entries = log->entries(from, 1000);
        if (entries.isEmpty())
            return false;
        for (const AuditLog::Entry& entry : entries) {
            if (entry.action == RecordSeal::SealedAction)
                return true;
        }
        from = entries.last().seq + 1;
    }
}

} // namespace

QString RecordSeal::boundColumn(const QString& column, int version)
{
    return column + u"@v"_s + QString::number(version);
}

QString RecordSeal::clearColumns()
{
    return u"version, status, correction, activation_pending, collected_at, row_mac, "
           "identity_version, slips_printed"_s;
}

RecordSeal::Clear RecordSeal::clearFrom(const QSqlQuery& select, int first)
{
    Clear clear;
    clear.version = select.value(first).toInt();
    clear.status = select.value(first + 1).toString();
    clear.correction = select.value(first + 2).toString();
    clear.activationPending = select.value(first + 3).toBool();
    clear.collectedAt = select.value(first + 4).toString();
    // first + 5 is row_mac.
    clear.identityVersion = select.value(first + 6).toInt();
    clear.slipsPrinted = select.value(first + 7).toInt();
    return clear;
}

QByteArray RecordSeal::rowMac(const Vault& vault, const QString& recordId, const Clear& clear)
{
    QString covered = StoreFormat::RecordStatePrefix + recordId + u'|' +
                      QString::number(clear.version) + u'|' + clear.status + u'|' +
                      clear.correction + u'|' + (clear.activationPending ? u"1"_s : u"0"_s) + u'|' +
                      clear.collectedAt;
    // Rows written before identity_version keep the hash they have; a row with one cannot
    // pass for one without (the hash would change).
    if (clear.identityVersion > 0) {
        covered += u"|i"_s + QString::number(clear.identityVersion) + u"|s"_s +
                   QString::number(clear.slipsPrinted);
    }
    return vault.stateMac(covered.toUtf8());
}

QString RecordSeal::identityColumn(const QString& column, int identityVersion)
{
    return identityVersion > 0 ? boundColumn(column, identityVersion) : column;
}

bool RecordSeal::rowIsAuthentic(const Vault& vault, const QString& recordId, const Clear& clear,
                                const QByteArray& mac)
{
    return !mac.isEmpty() && Crypto::equalConstantTime(mac, rowMac(vault, recordId, clear));
}

bool RecordSeal::sealRow(Store& store, const QString& recordId, QString* error)
{
    Database& database = store.database();
    QSqlQuery& select =
        database.query(u"SELECT "_s + clearColumns() + u" FROM records WHERE id = ?"_s);
    select.bindValue(0, recordId);
    if (!database.exec(select, error))
        return false;
    if (!select.next()) {
        select.finish();
        *error = tr("no record %1").arg(recordId);
        return false;
    }
    const Clear clear = RecordSeal::clearFrom(select, 0);
    select.finish();
    QSqlQuery& update = database.query(u"UPDATE records SET row_mac = ? WHERE id = ?"_s);
    update.bindValue(0, rowMac(*store.vault(), recordId, clear));
    update.bindValue(1, recordId);
    return database.exec(update, error);
}

bool RecordSeal::isAuthentic(Store& store, const QString& recordId)
{
    QSqlQuery& select =
        store.database().query(u"SELECT "_s + clearColumns() + u" FROM records WHERE id = ?"_s);
    select.bindValue(0, recordId);
    bool authentic = false;
    if (select.exec() && select.next()) {
        authentic = rowIsAuthentic(*store.vault(), recordId, RecordSeal::clearFrom(select, 0),
                                   select.value(5).toByteArray());
    }
    select.finish();
    return authentic;
}

bool RecordSeal::sealLegacyRows(Store& store, QString* error)
{
#ifdef SIDEP_TEST_HOOKS
    // Test builds only: a store that behaves as one made before row seals, so that the
    // one-time sealing of its rows can be tried. A program built without the hooks (every
    // package) never reads this variable.
    if (qEnvironmentVariable("SIDEP_TEST_BEFORE_ROW_SEALS") == u"1"_s)
        return true;
#endif
    Database& database = store.database();
    if (findSealedMarker(store))
        return true;
    // Rows written before versions bound their blocks: trusted once, as they stand.
    // clang-tidy 14 reports the implicit members of a local struct as reserved names.
    // NOLINTNEXTLINE(bugprone-reserved-identifier)
    struct Row
    {
        QString id;
        Clear clear;
        QByteArray blocks[2];
    };
    QList<Row> rows;
    QSqlQuery& select = database.query(u"SELECT id, "_s + clearColumns() +
                                       u", result, report FROM records WHERE row_mac IS NULL"_s);
    if (!database.exec(select, error))
        return false;
    while (select.next()) {
        rows.append({select.value(0).toString(),
                     RecordSeal::clearFrom(select, 1),
                     {select.value(9).toByteArray(), select.value(10).toByteArray()}});
    }
    select.finish();
    const Vault& vault = *store.vault();
    QSqlQuery& update =
        database.query(u"UPDATE records SET result = ?, report = ?, row_mac = ? WHERE id = ?"_s);
    int unreadable = 0;
    for (const Row& row : std::as_const(rows)) {
        for (int i = 0; i < 2; ++i) {
            QByteArray plain;
            QVariant value(QMetaType::fromType<QByteArray>());
            if (row.blocks[i].isEmpty()) {
                // none (a purged record, no report)
            } else if (vault.open(RecordsTable, row.id, BoundColumns[i], row.blocks[i], &plain)) {
                value = vault.seal(RecordsTable, row.id,
                                   boundColumn(BoundColumns[i], row.clear.version), plain);
            } else {
                // Already damaged: left as it is, and db verify reports it.
                value = row.blocks[i];
                ++unreadable;
            }
            update.bindValue(i, value);
        }
        update.bindValue(2, rowMac(vault, row.id, row.clear));
        update.bindValue(3, row.id);
        if (!database.exec(update, error))
            return false;
    }
    if (!store.audit(SealedAction, {}, QString::number(rows.size()), error))
        return false;
    QSqlQuery& head = database.query(u"SELECT max(seq) FROM audit"_s);
    qint64 seq = 0;
    if (head.exec() && head.next())
        seq = head.value(0).toLongLong();
    head.finish();
    if (seq > 0 && !database.setMetaValue(SealedHintKey, QByteArray::number(seq), error))
        return false;
    if (!rows.isEmpty()) {
        qCInfo(lcStore) << "sealed" << rows.size() << "records written before row seals;"
                        << unreadable << "blocks did not open";
    }
    return true;
}

QStringList RecordSeal::damagedRows(Store& store, QString* error)
{
    QStringList damaged;
    Database& database = store.database();
    QSqlQuery& select =
        database.query(u"SELECT id, "_s + clearColumns() + u" FROM records ORDER BY rowid"_s);
    if (!database.exec(select, error))
        return damaged;
    const Vault& vault = *store.vault();
    while (select.next()) {
        const QString id = select.value(0).toString();
        if (!rowIsAuthentic(vault, id, RecordSeal::clearFrom(select, 1),
                            select.value(6).toByteArray()))
            damaged.append(id);
    }
    select.finish();
    return damaged;
}

QStringList RecordSeal::missingRecords(Store& store, QString* error)
{
    QStringList missing;
    AuditLog* log = store.auditLog();
    if (!log) {
        *error = tr("sign in first");
        return missing;
    }
    QSet<QString> created;
    QStringList order;
    for (qint64 from = 1;;) {
        const QList<AuditLog::Entry> entries = log->entries(from, 1000);
        if (entries.isEmpty())
            break;
        for (const AuditLog::Entry& entry : entries) {
            if (entry.action == u"record.create"_s && !created.contains(entry.recordId)) {
                created.insert(entry.recordId);
                order.append(entry.recordId);
            }
        }
        from = entries.last().seq + 1;
    }
    Database& database = store.database();
    QSqlQuery& select = database.query(u"SELECT id FROM records"_s);
    if (!database.exec(select, error))
        return missing;
    QSet<QString> present;
    while (select.next())
        present.insert(select.value(0).toString());
    select.finish();
    for (const QString& id : std::as_const(order)) {
        if (!present.contains(id))
            missing.append(id);
    }
    return missing;
}

QStringList RecordSeal::behindOutbox(Store& store, QString* error)
{
    QStringList behind;
    Database& database = store.database();
    QSqlQuery& select = database.query(
        u"SELECT r.id FROM records r JOIN (SELECT record_id, max(version) AS latest FROM outbox "
        "GROUP BY record_id) o ON o.record_id = r.id WHERE r.version < o.latest "
        "ORDER BY r.rowid"_s);
    if (!database.exec(select, error))
        return behind;
    while (select.next())
        behind.append(select.value(0).toString());
    select.finish();
    return behind;
}
