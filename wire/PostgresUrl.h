#pragma once

#include <QCoreApplication>
#include <QString>

// A PostgreSQL database named as libpq's URIs name it, for the reference server's
// `--database` and the workstation's site database (`--db`):
//   postgresql://user@host:port/database?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem
//   postgresql://user@db1:5432,db2:5432/sidep?target_session_attrs=read-write
// Only the libpq parameters listed in PostgresUrl.cpp are accepted, and never a password:
// a command line is readable by every user of the machine, so libpq finds the password in
// its own places (~/.pgpass, a service file, PGPASSWORD). Parsed into what Qt's QPSQL driver
// takes; QtCore only, so both sides use it without linking each other.
struct PostgresUrl
{
    Q_DECLARE_TR_FUNCTIONS(PostgresUrl)

public:
    // postgresql:// or postgres:// (any case).
    static bool isPostgresUrl(const QString& text);
    // False, with the reason, for anything this cannot pass to libpq intact.
    [[nodiscard]] static bool parse(const QString& url, PostgresUrl* parsed, QString* error);

    QString hosts;    // one host, or several joined by ',' (libpq tries them in order)
    QString database; // the path's name
    QString userName; // empty: libpq's default (the system user)
    int port = -1;    // the single port given, else -1 (several ports travel in options)
    // For QSqlDatabase::setConnectOptions: "key=value;key=value", with connect_timeout set
    // (10 s unless given) so that an unreachable host fails in seconds, not minutes.
    QString connectOptions;
    // The URL as logs and messages show it: hosts, ports, database and the parameters given.
    QString description;
};
