#pragma once

#include <QString>
#include <QStringList>

// The throw-away PostgreSQL cluster of the tests labelled postgres (scripts/pg-test-cluster,
// started by the CTest fixture PostgresClusterStart, its URL in the file named by
// $SIDEP_TEST_POSTGRES_URL_FILE; trust authentication, loopback only).
namespace PostgresTestCluster {

// The cluster's URL (postgresql://sidep@127.0.0.1:PORT/sidep), or empty with why.
QString url(QString* why);
// A new empty database `name` on the cluster (dropped first if a run left it): its URL, or
// empty (warned) if it cannot be made.
QString freshDatabase(const QString& clusterUrl, const QString& name);

// A direct connection for the checks, closed and removed with this object.
class Connection
{
public:
    explicit Connection(const QString& url);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool isOpen() const;
    // Every row of the query's result, its columns joined by '|'; empty on error (warned).
    QStringList rows(const QString& sql) const;
    bool exec(const QString& sql) const;

private:
    QString m_name;
};

} // namespace PostgresTestCluster
