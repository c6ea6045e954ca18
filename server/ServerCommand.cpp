#include "ServerCommand.h"

#include "ActivationCodeDelivery.h"
#include "ActivationCodePool.h"
#ifdef SIDEP_TEST_HOOKS
#include "FaultInjection.h"
#endif
#include "HangupSignal.h"
#include "Logging.h"
#include "PatientRegister.h"
#include "ReferenceServer.h"
#include "ServerDatabase.h"

#include <QCommandLineParser>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <cstdio>
#include <utility>

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

    CodeQuota quota;
    for (const auto& [option, value] : {std::pair{u"codes-site-quota"_s, &quota.maxHeld},
                                        std::pair{u"codes-site-day"_s, &quota.maxPerDay}}) {
        if (!parser.isSet(option))
            continue;
        bool ok = false;
        *value = parser.value(option).toInt(&ok);
        if (!ok || *value < 0 || *value > ActivationCodePool::MaxGenerate)
            return fail(ServerCommand::tr("--%1: a whole number from 0 to %2")
                            .arg(option)
                            .arg(ActivationCodePool::MaxGenerate));
    }

    int workers = QThread::idealThreadCount();
    if (parser.isSet(u"workers"_s)) {
        bool ok = false;
        workers = parser.value(u"workers"_s).toInt(&ok);
        if (!ok || workers < 1 || workers > ReferenceServer::MaxWorkers)
            return fail(ServerCommand::tr("--workers: a whole number from 1 to %1")
                            .arg(ReferenceServer::MaxWorkers));
    }

    ReferenceServer server(database);
    server.setCodeQuota(quota);
    server.setWorkers(workers);
    QString error;
    if (!server.setupTls(
            {parser.value(u"cert"_s), parser.value(u"key"_s), parser.value(u"client-ca"_s)},
            &error))
        return fail(error);
    HangupSignal hangup;
    if (parser.isSet(u"client-crl"_s)) {
        if (!server.front().setClientCrl(parser.value(u"client-crl"_s), &error))
            return fail(error);
        // SIGHUP reads the list again; an unreadable new one leaves the old in force.
        QObject::connect(&hangup, &HangupSignal::received, &server, [&server] {
            QString failure;
            if (!server.front().reloadClientCrl(&failure))
                qCWarning(lcServer).noquote()
                    << "client CRL not reloaded, the previous one stays:" << failure;
        });
    }
    const quint16 listening = server.start(address, port, &error);
    if (listening == 0)
        return fail(error);
    if (parser.isSet(u"front-socket"_s)) {
        const QString socket = parser.value(u"front-socket"_s);
        if (!server.front().listenLocal(socket, &error))
            return fail(error);
        qCInfo(lcServer).noquote() << "front socket" << socket;
    }
    qCInfo(lcServer).noquote() << "serving" << database->description();
#ifdef SIDEP_TEST_HOOKS
    if (const FaultInjection* faults = FaultInjection::fromEnvironment()) {
        qCWarning(lcServer).noquote()
            << "*** FAULT INJECTION IS ON: SIDEP_SERVER_FAULTS =" << faults->file()
            << "- POST /fhir will fail, cut or stall on purpose. For tests only: never set "
               "this variable on a real server. ***";
    }
    if (const int divisor = qEnvironmentVariableIntValue(HttpFront::DeadlineDivisorVariable);
        divisor > 1) {
        qCWarning(lcServer).noquote()
            << "*** DEADLINES DIVIDED BY" << divisor << "(" << HttpFront::DeadlineDivisorVariable
            << ") - for tests only. ***";
    }
#endif
    // Tests and scripts wait for this line to know the port.
    print(u"listening on %1:%2\n"_s.arg(address.toString()).arg(listening));
    return QCoreApplication::exec();
}

int stats(ServerDatabase* database)
{
    QList<ServerDatabase::Count> counts;
    qint64 versions = 0;
    QString error;
    if (!database->counts(&counts, &versions, &error))
        return fail(error);
    qint64 total = 0;
    QString out = u"site\tstatus\tcount\n"_s;
    for (const ServerDatabase::Count& count : std::as_const(counts)) {
        out += count.site + u'\t' + count.status + u'\t' + QString::number(count.count) + u'\n';
        total += count.count;
    }
    out += u"total\t\t"_s + QString::number(total) + u'\n';
    out += u"versions\t\t"_s + QString::number(versions) + u'\n';
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

// sidep-server codes generate|import|status: the stock of activation codes.
int codes(const QCommandLineParser& parser, const QStringList& words)
{
    const QString action = words.value(0);
    const int expected = action == u"import"_s ? 2 : 1;
    if ((action != u"generate"_s && action != u"import"_s && action != u"status"_s) ||
        words.size() != expected)
        return fail(ServerCommand::tr(
            "codes needs generate --count N, import FILE (.tgz or .csv) or status"));
    int count = 0;
    int validDays = ActivationCodePool::DefaultValidDays;
    if (action == u"generate"_s) {
        bool ok = false;
        count = parser.value(u"count"_s).toInt(&ok);
        if (!ok || count < 1 || count > ActivationCodePool::MaxGenerate)
            return fail(ServerCommand::tr("codes generate needs --count from 1 to %1")
                            .arg(ActivationCodePool::MaxGenerate));
        if (parser.isSet(u"valid-days"_s)) {
            validDays = parser.value(u"valid-days"_s).toInt(&ok);
            if (!ok || validDays < 1 || validDays > ActivationCodePool::MaxValidDays)
                return fail(ServerCommand::tr("--valid-days: from 1 to %1 days")
                                .arg(ActivationCodePool::MaxValidDays));
        }
        if (parser.isSet(u"out"_s)) {
            // The national code server's part: a delivery on disk, the stock untouched.
            QString path;
            QString error;
            if (!ActivationCodePool::writeDelivery(parser.value(u"out"_s), count, validDays, &path,
                                                   &error))
                return fail(error);
            print(ServerCommand::tr("%n code(s) written to %1, valid for %2 days\n", nullptr, count)
                      .arg(path)
                      .arg(validDays));
            return 0;
        }
    }
    // Read and checked before the database is opened: a refused delivery changes nothing.
    ActivationCodeDelivery::Contents delivery;
    if (action == u"import"_s) {
        QList<ActivationCodeDelivery::Problem> problems;
        QString error;
        if (!ActivationCodeDelivery::readFile(words.at(1), parser.value(u"sha256"_s), &delivery,
                                              &problems, &error)) {
            for (const ActivationCodeDelivery::Problem& problem : std::as_const(problems))
                print(u"error: "_s + problem.toString() + u'\n', stderr);
            return fail(error);
        }
    }

    ServerDatabase database;
    QString error;
    if (!database.open(parser.value(u"database"_s), &error))
        return fail(error);
    ActivationCodePool pool(&database);
    if (action == u"generate"_s) {
        if (!pool.generate(count, validDays, &error))
            return fail(error);
        print(ServerCommand::tr("%n code(s) generated, valid for %1 days\n", nullptr, count)
                  .arg(validDays));
        return 0;
    }
    if (action == u"import"_s) {
        ActivationCodePool::ImportReport report;
        if (!pool.importCsv(delivery.csv, &report, &error)) {
            for (ActivationCodePool::ImportProblem problem : std::as_const(report.problems)) {
                problem.file = delivery.csvName;
                print(u"error: "_s + problem.toString() + u'\n', stderr);
            }
            return fail(words.at(1) + u": "_s + error);
        }
        print(ServerCommand::tr("%n code(s) imported\n", nullptr, report.imported));
        if (report.alreadyUsed > 0) {
            print(ServerCommand::tr("%n of them already used by sites\n", nullptr,
                                    report.alreadyUsed));
        }
        return 0;
    }
    ServerDatabase::CodeCounts counts;
    if (!pool.counts(&counts, &error))
        return fail(error);
    // Tab-separated like stats: free codes first, then what each site holds and used
    // (unknown: used codes this server never issued nor imported).
    QString out =
        u"free valid now\t%1\nfree not yet valid\t%2\nfree expired\t%3\n"_s.arg(counts.freeValid)
            .arg(counts.freeNotYetValid)
            .arg(counts.freeExpired);
    out += u"site\tissued\tused\tunknown\n"_s;
    ServerDatabase::SiteCodeCount total;
    for (const ServerDatabase::SiteCodeCount& site : std::as_const(counts.sites)) {
        out += u"%1\t%2\t%3\t%4\n"_s.arg(site.site, QString::number(site.issued),
                                         QString::number(site.used), QString::number(site.unknown));
        total.issued += site.issued;
        total.used += site.used;
        total.unknown += site.unknown;
    }
    out += u"total\t%1\t%2\t%3\n"_s.arg(total.issued).arg(total.used).arg(total.unknown);
    print(out);
    return 0;
}

// sidep-server patient show SYSTEM|VALUE: the Patient an identity keeps, and the record
// version and sampling it came from. Patient data on the operator's terminal, never in logs.
int patient(const QCommandLineParser& parser, const QStringList& words)
{
    if (words.size() != 2 || words.at(0) != u"show"_s)
        return fail(ServerCommand::tr("patient needs show SYSTEM|VALUE (the INS as "
                                      "urn:oid:AUTHORITY|INS)"));
    ServerDatabase database;
    QString error;
    if (!database.open(parser.value(u"database"_s), &error))
        return fail(error);
    ServerDatabase::PatientRow row;
    bool found = false;
    if (!PatientRegister(&database).find(words.at(1), &row, &found, &error))
        return fail(error);
    if (!found)
        return fail(ServerCommand::tr("no Patient is kept under %1").arg(words.at(1)));
    const QJsonObject out{
        {u"identifier"_s, row.identifier},
        {u"sampledAt"_s, row.sampledAt},
        {u"site"_s, row.site},
        {u"record"_s, QString(u"urn:uuid:"_s + row.bundleId)},
        {u"version"_s, row.version},
        {u"receivedAt"_s, row.receivedAt},
        {u"patient"_s, QJsonDocument::fromJson(row.patient.toUtf8()).object()},
    };
    print(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)));
    return 0;
}

// What --help says above the options: the limits serve enforces, and where PostgreSQL's
// password comes from.
QString serverDescription()
{
    return ServerCommand::
        tr("The SI-DEP reference national server: receives FHIR Bundles from sampling sites "
           "over mutual TLS and stores them.\n"
           "\n"
           "Limits (serve): a request line of 8 KiB, 64 header lines of 8 KiB and 32 KiB in "
           "all (431 beyond), a body of %1 MiB announced by Content-Length (413 before reading "
           "it; chunked bodies and two lengths are refused), a gzip body (Content-Encoding: gzip, "
           "the only encoding accepted, 415 for others) inflated to %1 MiB at most (413 "
           "beyond, as soon as it is reached), %2 Bundles and %3 JSON values a "
           "request, 10 s to send a request's head, its body at 16 KiB/s after 20 s of grace, "
           "30 s idle between requests, 10 s for a TLS handshake with at most 128 in flight "
           "(32 per address), %4 connections per site, bodies being received 256 MiB in all and "
           "64 MiB per site (503 beyond), the open connections within the process's file "
           "descriptors.\n"
           "\n"
           "PostgreSQL: the password is never taken from --database (other users see command "
           "lines): libpq finds it in ~/.pgpass or the file named by PGPASSFILE (mode 0600), "
           "in a service file (?service=NAME; PGSERVICEFILE), or in PGPASSWORD.")
            .arg(ReferenceServer::MaxRequestBytes / (1024 * 1024))
            .arg(ReferenceServer::MaxBundlesPerRequest)
            .arg(ReferenceServer::MaxJsonValues)
            .arg(HttpFront::Limits().maxConnectionsPerSite);
}

QList<QCommandLineOption> serverOptions()
{
    return {
        {u"listen"_s,
         ServerCommand::tr("serve: address and port to listen on (0 picks a free port)"),
         u"HOST:PORT"_s},
        {u"cert"_s, ServerCommand::tr("serve: the server's certificate (PEM)"), u"FILE.pem"_s},
        {u"key"_s, ServerCommand::tr("serve: the server's private key (PEM, unencrypted)"),
         u"FILE.pem"_s},
        {u"client-ca"_s, ServerCommand::tr("serve: the CA of the sites' client certificates (PEM)"),
         u"FILE.pem"_s},
        {u"client-crl"_s,
         ServerCommand::tr(
             "serve: the client CA's certificate revocation list (PEM); read again on SIGHUP, "
             "revoked site certificates are refused"),
         u"FILE.pem"_s},
        {u"front-socket"_s,
         ServerCommand::tr(
             "serve: also listen on this local socket for a front (nginx) that terminates "
             "mutual TLS and forwards the verified client certificate "
             "(X-Sidep-Client-Verify, X-Sidep-Client-Cert); see docs/deployment-server.md"),
         u"PATH"_s},
        {u"workers"_s,
         ServerCommand::tr(
             "serve: threads that read and check the batches received (default: one a core, "
             "%1 here); storing them stays on one connection to the database")
             .arg(QThread::idealThreadCount()),
         u"N"_s},
        {u"codes-site-quota"_s,
         ServerCommand::tr(
             "serve: the most activation codes a site may hold issued and unused (default %1)")
             .arg(CodeQuota::DefaultMaxHeld),
         u"N"_s},
        {u"codes-site-day"_s,
         ServerCommand::tr(
             "serve: the most activation codes issued to a site in 24 hours (default %1)")
             .arg(CodeQuota::DefaultMaxPerDay),
         u"N"_s},
        {u"database"_s,
         ServerCommand::tr(
             "sqlite:///path or postgresql://user@host:port/database[?service=NAME...] "
             "(default: a SQLite file in the application-data folder)"),
         u"URL"_s},
        {u"format"_s,
         ServerCommand::tr("export: the output format (fhir: NDJSON, one Bundle a line)"),
         u"FORMAT"_s},
        {u"count"_s, ServerCommand::tr("codes generate: how many codes"), u"N"_s},
        {u"out"_s,
         ServerCommand::tr(
             "codes generate: write them as a national delivery (.tgz and .sha256) into this "
             "folder instead of adding them to the stock"),
         u"DIR"_s},
        {u"sha256"_s,
         ServerCommand::tr(
             "codes import: the checksum file (default: the .sha256 beside the file, required "
             "for a .tgz)"),
         u"FILE"_s},
        {u"valid-days"_s,
         ServerCommand::tr("codes generate: days of validity (default %1)")
             .arg(ActivationCodePool::DefaultValidDays),
         u"D"_s},
    };
}

} // namespace

int ServerCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(serverDescription());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s, tr("serve, stats, export, codes or patient"));
    parser.addOptions(serverOptions());
    parser.process(arguments);

    const QStringList positional = parser.positionalArguments();
    // codes takes an action word (and a file); the other commands stand alone.
    if (positional.value(0) == u"codes"_s)
        return codes(parser, positional.mid(1));
    if (positional.value(0) == u"patient"_s)
        return patient(parser, positional.mid(1));
    if (positional.size() != 1)
        return fail(
            tr("one command expected: serve, stats, export, codes or patient (see --help)"));
    const QString command = positional.first();
    if (command != u"serve"_s && command != u"stats"_s && command != u"export"_s)
        return fail(tr("unknown command %1 (serve, stats, export, codes or patient)").arg(command));

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
