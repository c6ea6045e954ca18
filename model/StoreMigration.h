#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

class Database;
class Store;

// Moves a standalone station's store (a SQLite file) into a site database that holds no
// store yet: every table's rows as they are, ciphertext, keyed hashes, key slots, audit
// chain and the store's identity for the national server included, in one transaction on
// the site database. Nothing is decrypted: the site's data key is the station's, and the
// same passwords and recovery key open it. Then every row is read back from both sides and
// compared. The file is left as it was.
class StoreMigration
{
    Q_DECLARE_TR_FUNCTIONS(StoreMigration)

public:
    struct TableCount
    {
        QString table;
        int rows = 0;
    };

    // `source` is open on a file, signed in as an administrator.
    [[nodiscard]] static bool moveToSite(Store& source, const QString& siteUrl,
                                         QList<TableCount>* moved, QString* error);

    // After a move or a merge committed at the site: the station's file says where its
    // records are (Store::movedTo), in its audit log too, so that neither sidepctl nor the
    // workstation goes on saving into it. Nothing else in it changes.
    [[nodiscard]] static bool markMoved(Store& source, const QString& siteUrl, QString* error);

    // Why a store of the site `finess` may not go into a site database of the site
    // `siteFiness` (naming both); empty when they are the same site.
    static QString otherSiteRefusal(const QString& siteFiness, const QString& finess);

    // "table.column" -> PostgreSQL's data type.
    static bool columnTypes(Database& to, QHash<QString, QString>* types, QString* error);
    // A value read from SQLite, as the site database's column of that type takes it.
    static QVariant forColumn(const QVariant& value, const QString& type);

private:
    // Opens the site database, refused when it holds a store (naming both FINESS if its
    // site is another).
    static bool openEmptySite(const QString& finess, const QString& siteUrl, Database* to,
                              QString* error);
    static bool copyTables(Database& from, Database& to, const QHash<QString, QString>& types,
                           QList<TableCount>* moved, QHash<QString, QStringList>* copied,
                           QString* error);
    static bool sameRows(Database& from, Database& to, const QHash<QString, QStringList>& copied,
                         QString* error);
};
