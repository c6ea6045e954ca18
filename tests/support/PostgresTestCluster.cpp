#include "PostgresTestCluster.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace PostgresTestCluster {

QString url(QString* why)
{
    QFile urlFile(qEnvironmentVariable("SIDEP_TEST_POSTGRES_URL_FILE"));
    if (!urlFile.open(QIODevice::ReadOnly)) {
        *why = u"SIDEP_TEST_POSTGRES_URL_FILE must name the URL file of scripts/pg-test-cluster "
               "(the CTest fixture PostgresClusterStart)"_s;
        return {};
    }
    const QString found = QString::fromUtf8(urlFile.readAll()).trimmed();
    if (!found.startsWith(u"postgresql://"_s)) {
        *why = u"not a PostgreSQL URL: "_s + found;
        return {};
    }
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        *why = u"Qt's QPSQL driver is not installed"_s;
        return {};
    }
    return found;
}

QString freshDatabase(const QString& clusterUrl, const QString& name)
{
    Connection admin(clusterUrl);
    if (!admin.isOpen() || !admin.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name)) ||
        !admin.exec(u"CREATE DATABASE %1"_s.arg(name)))
        return {};
    QUrl url(clusterUrl);
    url.setPath(u'/' + name);
    return url.toString();
}

Connection::Connection(const QString& url)
    : m_name(u"check-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    const QUrl parsed(url);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
    db.setHostName(parsed.host());
    db.setPort(parsed.port(5432));
    db.setDatabaseName(parsed.path().mid(1));
    db.setUserName(parsed.userName());
    db.setPassword(parsed.password());
    if (!db.open())
        qWarning("cannot connect to %s: %s", qPrintable(url), qPrintable(db.lastError().text()));
    else
        exec(u"SET client_min_messages TO warning"_s); // no NOTICE for IF EXISTS
}

Connection::~Connection()
{
    QSqlDatabase::database(m_name, false).close();
    QSqlDatabase::removeDatabase(m_name);
}

bool Connection::isOpen() const
{
    return QSqlDatabase::database(m_name, false).isOpen();
}

QStringList Connection::rows(const QString& sql) const
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    QStringList out;
    if (!query.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return out;
    }
    while (query.next()) {
        QStringList columns;
        for (int i = 0; i < query.record().count(); ++i)
            columns.append(query.value(i).toString());
        out.append(columns.join(u'|'));
    }
    return out;
}

bool Connection::exec(const QString& sql) const
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (query.exec(sql))
        return true;
    qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return false;
}

} // namespace PostgresTestCluster
