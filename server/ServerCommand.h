#pragma once

#include <QCoreApplication>
#include <QStringList>

// The command line of sidep-server:
//   sidep-server serve --listen HOST:PORT --cert FILE.pem --key FILE.pem --client-ca FILE.pem
//                      [--client-crl FILE.pem] [--front-socket PATH]
//                      [--codes-site-quota N] [--codes-site-day N] [--database URL]
//   sidep-server stats [--database URL]                 records by site and status
//   sidep-server export --format fhir [--database URL]  NDJSON, one Bundle a line
//   sidep-server codes generate --count N [--valid-days D] [--database URL]
//   sidep-server codes import FILE.csv [--database URL]  a national code server's batch
//   sidep-server codes status [--database URL]          free codes; issued and used per site
//   sidep-server patient show SYSTEM|VALUE [--database URL]  the Patient an identity keeps
//                                                       (the newest sampling's), as JSON
// URL: sqlite:///path or postgresql://user@host:port/database (the password from libpq's
// password file, service file or environment, never the URL); the default is a
// SQLite file in the application-data folder, so every command finds it without options.
// `serve` prints "listening on HOST:PORT" once it listens (PORT 0 picks a free port).
class ServerCommand
{
    Q_DECLARE_TR_FUNCTIONS(ServerCommand)

public:
    // Runs the command (the event loop for serve) and returns the exit code.
    static int run(const QStringList& arguments);
};
