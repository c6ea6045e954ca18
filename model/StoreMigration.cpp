#include "StoreMigration.h"

#include "Database.h"
#include "Logging.h"
#include "Store.h"
#include "StoreFormat.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Every table of the store at schema version 16, parents before the tables that reference
// them, each with the order its rows were written in (SQLite's rowid, or the key of a
// table without one).
struct Table
{
    QString name;
    QString order;
};
const QList<Table> Tables = {
    {u"meta"_s, u"key"_s},
    {u"users"_s, u"rowid"_s},
    {u"records"_s, u"rowid"_s},
    {u"audit"_s, u"seq"_s},
    {u"drafts"_s, u"rowid"_s},
    {u"result_entries"_s, u"rowid"_s},
    {u"record_versions"_s, u"rowid"_s},
    {u"activation_codes"_s, u"rowid"_s},
    {u"purged_results"_s, u"rowid"_s},
    {u"signin_refusals"_s, u"id"_s},
    {u"record_search"_s, u"bucket, record_id"_s},
    {u"outbox"_s, u"rowid"_s},
    {u"activation_waiting"_s, u"rowid"_s},
    {u"record_keys"_s, u"record_id"_s},
};

} // namespace

// SQLite keeps whatever was bound (a BLOB in a TEXT column); PostgreSQL's types are strict.
QVariant StoreMigration::forColumn(const QVariant& value, const QString& type)
{
    if (value.isNull())
        return value;
    if (type == u"text"_s && value.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(value.toByteArray());
    if (type == u"bytea"_s && value.typeId() != QMetaType::QByteArray)
        return value.toString().toUtf8();
    return value;
}

namespace {

// Every row of `table`, its columns in `columns`' order, as comparable text.
QStringList rowsOf(Database& database, const QString& table, const QStringList& columns,
                   QString* error)
{
    QSqlQuery& select = database.query(u"SELECT "_s + columns.join(u", "_s) + u" FROM "_s + table);
    QStringList rows;
    if (!database.exec(select, error))
        return rows;
    while (select.next()) {
        QStringList row;
        for (int i = 0; i < columns.size(); ++i) {
            const QVariant value = select.value(i);
            row.append(value.isNull() ? u"NULL"_s
                       : value.typeId() == QMetaType::QByteArray
                           ? QString::fromLatin1(value.toByteArray().toHex())
                           : QString::fromLatin1(value.toString().toUtf8().toHex()));
        }
        rows.append(row.join(u'|'));
    }
    select.finish();
    return rows;
}

} // namespace

bool StoreMigration::moveToSite(Store& source, const QString& siteUrl, QList<TableCount>* moved,
                                QString* error)
{
    if (!source.require(Permission::ManageSettings, error))
        return false;
    Database& from = source.database();
    if (from.engine() != Database::Engine::Sqlite) {
        *error = tr("the store is already a site database");
        return false;
    }
    Database to;
    QHash<QString, QString> types;
    if (!openEmptySite(source.siteFiness(), siteUrl, &to, error) || !columnTypes(to, &types, error))
        return false;
    Transaction transaction(to);
    if (!transaction.begin(error))
        return false;
    QHash<QString, QStringList> columns;
    if (!copyTables(from, to, types, moved, &columns, error) ||
        !sameRows(from, to, columns, error) || !transaction.commit(error))
        return false;
    qCInfo(lcModel) << "store moved into a site database";
    return true;
}

bool StoreMigration::markMoved(Store& source, const QString& siteUrl, QString* error)
{
    Database& from = source.database();
    Transaction transaction(from);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return transaction.begin(error) &&
           from.setMetaValue(StoreFormat::MovedToKey, (now + u' ' + siteUrl).toUtf8(), error) &&
           source.audit(u"store.moved"_s, {}, u"into the site database "_s + siteUrl, error) &&
           transaction.commit(error);
}

QString StoreMigration::otherSiteRefusal(const QString& siteFiness, const QString& finess)
{
    return siteFiness == finess
               ? QString()
               : tr("refused: the site database belongs to the site FINESS %1, this store to %2")
                     .arg(siteFiness, finess);
}

bool StoreMigration::openEmptySite(const QString& finess, const QString& siteUrl, Database* to,
                                   QString* error)
{
    if (!Database::isSiteDatabaseUrl(siteUrl)) {
        *error = tr("--to: a site database address, postgresql://user@host/name");
        return false;
    }
    if (!to->open(siteUrl, true, error))
        return false;
    const QString siteFiness = QString::fromUtf8(to->metaValue(u"site.finess"_s));
    if (siteFiness.isEmpty())
        return true;
    *error = siteFiness != finess
                 ? otherSiteRefusal(siteFiness, finess)
                 : tr("the site database already holds the site's store: this station's "
                      "store is merged into it, not moved");
    return false;
}

bool StoreMigration::columnTypes(Database& to, QHash<QString, QString>* types, QString* error)
{
    // To hand the site database each value as its column wants it.
    QSqlQuery& columns = to.query(u"SELECT table_name || '.' || column_name, data_type FROM "
                                  "information_schema.columns WHERE table_schema = "
                                  "current_schema()"_s);
    if (!to.exec(columns, error))
        return false;
    while (columns.next())
        types->insert(columns.value(0).toString(), columns.value(1).toString());
    columns.finish();
    return true;
}

bool StoreMigration::copyTables(Database& from, Database& to, const QHash<QString, QString>& types,
                                QList<TableCount>* moved, QHash<QString, QStringList>* copied,
                                QString* error)
{
    // The site database's own bookkeeping (its schema version) stays; the station's rows
    // come in beside it.
    moved->clear();
    for (const Table& table : Tables) {
        QSqlQuery& select =
            from.query(u"SELECT * FROM "_s + table.name + u" ORDER BY "_s + table.order);
        if (!from.exec(select, error))
            return false;
        const QSqlRecord shape = select.record();
        QStringList columns;
        for (int i = 0; i < shape.count(); ++i)
            columns.append(shape.fieldName(i));
        copied->insert(table.name, columns);
        const QStringList marks(columns.size(), u"?"_s);
        QString sql = u"INSERT INTO "_s + table.name + u" ("_s + columns.join(u", "_s) +
                      u") VALUES ("_s + marks.join(u", "_s) + u')';
        if (table.name == u"meta"_s)
            sql += u" ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s;
        QSqlQuery& insert = to.query(sql);
        int rows = 0;
        while (select.next()) {
            for (int i = 0; i < columns.size(); ++i)
                insert.bindValue(
                    i, forColumn(select.value(i), types.value(table.name + u'.' + columns.at(i))));
            if (!to.exec(insert, error)) {
                *error = tr("table %1: %2").arg(table.name, *error);
                return false;
            }
            ++rows;
        }
        select.finish();
        moved->append({table.name, rows});
    }
    // The refusals' numbers carry on after the last one moved.
    return to.execDirect(u"SELECT setval(pg_get_serial_sequence('signin_refusals', 'id'), "
                         "coalesce(max(id), 0) + 1, false) FROM signin_refusals"_s,
                         error);
}

bool StoreMigration::sameRows(Database& from, Database& to,
                              const QHash<QString, QStringList>& copied, QString* error)
{
    // Every row of every table, value for value (sorted here: the two engines may collate
    // text differently).
    const QString versionRow = QString::fromLatin1(QByteArray("schema.version").toHex()) + u'|';
    for (const Table& table : Tables) {
        const QStringList columns = copied.value(table.name);
        QString readError;
        QStringList there = rowsOf(to, table.name, columns, &readError);
        QStringList here = rowsOf(from, table.name, columns, &readError);
        if (!readError.isEmpty()) {
            *error = readError;
            return false;
        }
        // The site database's schema version is its own.
        there.removeIf([&](const QString& row) { return row.startsWith(versionRow); });
        there.sort();
        here.sort();
        if (there != here) {
            *error = tr("the copy of table %1 does not match the store: nothing was moved")
                         .arg(table.name);
            return false;
        }
    }
    return true;
}
