#include "ServerCommand.h"

#include "Logging.h"
#include "ReferenceServer.h"
#include "ServerDatabase.h"

#include <QCommandLineParser>
#include <QFile>
#include <QHostAddress>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void print(const QString& text, FILE* stream = stdout)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int fail(const QString& message)
{
    print(u"sidep-server: "_s + message + u'\n', stderr);
    return 1;
}

// "HOST:PORT", "[v6]:PORT"
bool parseListen(const QString& text, QHostAddress* address, quint16* port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535)
        return false;
    if (host == u"localhost"_s)
        *address = QHostAddress(QHostAddress::LocalHost);
    else if (host == u"*"_s || host.isEmpty())
        *address = QHostAddress(QHostAddress::Any);
    else if (!address->setAddress(host))
        return false;
    *port = quint16(number);
    return true;
}

int serve(const QCommandLineParser& parser, ServerDatabase* database)
{
    for (const QString& option : {u"listen"_s, u"cert"_s, u"key"_s, u"client-ca"_s}) {
        if (!parser.isSet(option))
            return fail(ServerCommand::tr("serve needs --%1").arg(option));
    }
    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(parser.value(u"listen"_s), &address, &port))
        return fail(ServerCommand::tr("--listen takes HOST:PORT (an IP address or localhost)"));

    ReferenceServer server(database);
    QString error;
    if (!server.setupTls(
            {parser.value(u"cert"_s), parser.value(u"key"_s), parser.value(u"client-ca"_s)},
            &error))
        return fail(error);
    const quint16 listening = server.start(address, port, &error);
    if (listening == 0)
        return fail(error);
    qCInfo(lcServer).noquote() << "serving" << database->description();
    // Tests and scripts wait for this line to know the port.
    print(u"listening on %1:%2\n"_s.arg(address.toString()).arg(listening));
    return QCoreApplication::exec();
}

int stats(ServerDatabase* database)
{
    QList<ServerDatabase::Count> counts;
    QString error;
    if (!database->counts(&counts, &error))
        return fail(error);
    qint64 total = 0;
    QString out = u"site\tstatus\tcount\n"_s;
    for (const ServerDatabase::Count& count : std::as_const(counts)) {
        out += count.site + u'\t' + count.status + u'\t' + QString::number(count.count) + u'\n';
        total += count.count;
    }
    out += u"total\t\t"_s + QString::number(total) + u'\n';
    print(out);
    return 0;
}

int exportBundles(ServerDatabase* database)
{
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return fail(ServerCommand::tr("cannot write to the standard output"));
    QString error;
    bool written = true;
    // Stored compact, so each Bundle is already one line.
    const bool ok = database->forEachBundle(
        [&](const QString& bundle) {
            written = out.write(bundle.toUtf8() + '\n') >= 0;
            return written;
        },
        &error);
    out.flush();
    if (!ok)
        return fail(error);
    if (!written)
        return fail(ServerCommand::tr("cannot write to the standard output"));
    return 0;
}

} // namespace

int ServerCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The SI-DEP reference national server: receives FHIR Bundles from sampling sites "
           "over mutual TLS and stores them."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s, tr("serve, stats or export"));
    parser.addOptions({
        {u"listen"_s, tr("serve: address and port to listen on (0 picks a free port)"),
         u"HOST:PORT"_s},
        {u"cert"_s, tr("serve: the server's certificate (PEM)"), u"FILE.pem"_s},
        {u"key"_s, tr("serve: the server's private key (PEM, unencrypted)"), u"FILE.pem"_s},
        {u"client-ca"_s, tr("serve: the CA of the sites' client certificates (PEM)"),
         u"FILE.pem"_s},
        {u"database"_s,
         tr("sqlite:///path or postgresql://user:password@host:port/database (default: a "
            "SQLite file in the application-data folder)"),
         u"URL"_s},
        {u"format"_s, tr("export: the output format (fhir: NDJSON, one Bundle a line)"),
         u"FORMAT"_s},
    });
    parser.process(arguments);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(tr("one command expected: serve, stats or export (see --help)"));
    const QString command = positional.first();
    if (command != u"serve"_s && command != u"stats"_s && command != u"export"_s)
        return fail(tr("unknown command %1 (serve, stats or export)").arg(command));

    // Checked before the database is opened (and perhaps created).
    if (command == u"export"_s && parser.value(u"format"_s) != u"fhir"_s)
        return fail(tr("export needs --format fhir"));

    ServerDatabase database;
    QString error;
    if (!database.open(parser.value(u"database"_s), &error))
        return fail(error);
    if (command == u"serve"_s)
        return serve(parser, &database);
    if (command == u"stats"_s)
        return stats(&database);
    return exportBundles(&database);
}
