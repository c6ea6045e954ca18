// Activation codes between the real sidep-server and a workstation, over loopback mutual
// TLS: the server's stock (codes generate / import / status), batches issued to sites
// (GET /activation-codes) and never twice, even by two servers on one database, the
// workstation's refill (HttpsTransport + CodeRefill, sidepctl codes fetch), and codes marked
// used when the site reports them apart from the records (POST /activation-codes/used: the
// code and its day, never in a Bundle), once, another site's refused; and the pool itself, in
// process, issuing only codes valid at that very millisecond.

#include "ActivationCodePool.h"
#include "ActivationCodes.h"
#include "CodeRefill.h"
#include "HttpsTransport.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "ServerDatabase.h"
#include "ServerProcess.h"
#include "SidepCtl.h"
#include "StoreTestAccess.h"
#include "SyncSettings.h"
#include "TestSupport.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

const QString OtherSite = u"751012345"_s;
constexpr int Generated = 60;
constexpr int RefillBelow = 10;
constexpr int RefillTarget = 20;

struct Answer
{
    int status = 0;
    QJsonObject json;
};

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

QString iso(const QDateTime& dateTime)
{
    return dateTime.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

// code_brut of every line of a batch's CSV, checked against the national format.
QStringList codesOf(const QString& csv)
{
    QStringList lines = csv.split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty() || lines.takeFirst() != u"code_pour_qr,code_brut,validite_debut,"
                                                "validite_fin"_s)
        return {u"(bad header)"_s};
    QStringList codes;
    for (const QString& line : std::as_const(lines))
        codes.append(line.section(u',', 1, 1));
    return codes;
}

} // namespace

class TestServerCodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void generateImportAndStatus();
    void badCsvIsRefusedWithLineAndRule();
    void badCountIsABadRequest_data();
    void badCountIsABadRequest();
    void batchIsTheNationalCsvWithItsChecksum();
    void workstationRefillsWhenLow();
    void twoServersNeverIssueTheSameCode();
    void syncedPositiveMarksItsCodeUsed();
    void reportingAgainChangesNothing();
    void codeOfAnotherSiteIsRefused();
    void unknownCodeIsAcceptedOnce();
    void badReportsAreRefused();
    void sidepctlCodesFetch();
    void emptyStockIsSaid();
    void issuedCodesAreValidAtThatMillisecond();
    void anOlderStoreForgetsWhichBundleUsedACode();

private:
    QString pki(const QString& name) const { return m_server.pki(name); }
    Run server(const QStringList& arguments);
    QString codesStatus();
    // GET over mutual TLS as the site's certificate, to this server (or the second one).
    Answer get(const QString& pathAndQuery, const QString& finess = SiteFiness, quint16 port = 0);
    // POST /activation-codes/used of these codes, all used today, as the site.
    Answer report(const QStringList& codes, const QString& finess = SiteFiness);
    Answer post(const QString& path, const QByteArray& body, const QString& finess = SiteFiness);
    QNetworkRequest request(const QString& pathAndQuery, const QString& finess, quint16 port);
    Run sidepctl(const QStringList& arguments);
    // Every stored Bundle, as `sidep-server export --format fhir` writes them.
    QString exportedBundles();
    // Each code's outcome in a report's answer.
    static QStringList outcomes(const Answer& answer);

    ServerProcess m_server;
    ServerProcess m_second; // the same database, for concurrent issuing
    std::unique_ptr<StoreFixture> m_site;
    QSet<QString> m_issued; // every code issued in these tests, to check none comes twice
    QStringList m_nationalRaw;
    QStringList m_usedCodes; // taken by the synced positives
};

void TestServerCodes::initTestCase()
{
    QVERIFY(m_server.makePki({u"--site"_s, SiteFiness, u"--site"_s, OtherSite}));
    // By hand, the same checks on an empty PostgreSQL database (postgresql://...).
    if (const QString url = qEnvironmentVariable("SIDEP_TEST_CODES_DATABASE"); !url.isEmpty())
        m_server.setDatabase(url);
    QVERIFY(m_server.start());

    m_site = std::make_unique<StoreFixture>();
    QString error;
    auto admin = m_site->openAs(AdminName);
    QVERIFY2(m_server.configureWorkstation(*admin, &error), qPrintable(error));
    QVERIFY(admin->setSetting(CodeRefill::BelowSetting, QString::number(RefillBelow), &error));
    QVERIFY(admin->setSetting(CodeRefill::TargetSetting, QString::number(RefillTarget), &error));
    // One lab user validates a positive: the second check is not what is tested here.
    QVERIFY(admin->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error));
}

void TestServerCodes::cleanupTestCase()
{
    m_second.stop();
    m_server.stop();
}

Run TestServerCodes::server(const QStringList& arguments)
{
    QProcess process;
    process.start(qEnvironmentVariable("SIDEP_SERVER"),
                  arguments + QStringList{u"--database"_s, m_server.database()});
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.code = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString TestServerCodes::codesStatus()
{
    const Run run = server({u"codes"_s, u"status"_s});
    return run.code == 0 ? run.out : u"failed: "_s + run.err;
}

QNetworkRequest TestServerCodes::request(const QString& pathAndQuery, const QString& finess,
                                         quint16 port)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setCaCertificates(QSslCertificate::fromPath(pki(u"ca.pem"_s)));
    const QList<QSslCertificate> certificate =
        QSslCertificate::fromPath(pki(u"site-%1.pem"_s.arg(finess)));
    QFile keyFile(pki(u"site-%1.key"_s.arg(finess)));
    if (!certificate.isEmpty() && keyFile.open(QIODevice::ReadOnly)) {
        tls.setLocalCertificate(certificate.first());
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    }
    QNetworkRequest out(QUrl(
        u"https://127.0.0.1:%1%2"_s.arg(port == 0 ? m_server.port() : port).arg(pathAndQuery)));
    out.setSslConfiguration(tls);
    out.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    out.setTransferTimeout(15000);
    return out;
}

Answer TestServerCodes::get(const QString& pathAndQuery, const QString& finess, quint16 port)
{
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(manager.get(request(pathAndQuery, finess, port)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(20000))
        qWarning("no answer in 20 s");
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object()};
}

Answer TestServerCodes::post(const QString& path, const QByteArray& body, const QString& finess)
{
    QNetworkAccessManager manager;
    QNetworkRequest out = request(path, finess, 0);
    out.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    std::unique_ptr<QNetworkReply> reply(manager.post(out, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(20000))
        qWarning("no answer in 20 s");
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object()};
}

Answer TestServerCodes::report(const QStringList& codes, const QString& finess)
{
    QJsonArray array;
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    for (const QString& code : codes)
        array.append(QJsonObject{{u"code"_s, code}, {u"day"_s, today}});
    return post(u"/activation-codes/used"_s,
                QJsonDocument(QJsonObject{{u"codes"_s, array}}).toJson(QJsonDocument::Compact),
                finess);
}

QStringList TestServerCodes::outcomes(const Answer& answer)
{
    QStringList out;
    for (const QJsonValue& result : answer.json.value(u"results"_s).toArray())
        out.append(result[u"outcome"_s].toString());
    return out;
}

Run TestServerCodes::sidepctl(const QStringList& arguments)
{
    QBuffer input;
    input.setData((Password + u"\n"_s).toUtf8());
    input.open(QIODevice::ReadOnly);
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    SidepCtl command(&input, &out, &err);
    Run run;
    run.code = command.run(
        QStringList{u"--db"_s, m_site->path(), u"--user"_s, LabName, u"--password-stdin"_s} +
        arguments);
    run.out = QString::fromUtf8(out.data());
    run.err = QString::fromUtf8(err.data());
    return run;
}

QString TestServerCodes::exportedBundles()
{
    const Run run = server({u"export"_s, u"--format"_s, u"fhir"_s});
    return run.code == 0 ? run.out : u"failed: "_s + run.err;
}

void TestServerCodes::generateImportAndStatus()
{
    Run run = server({u"codes"_s, u"generate"_s, u"--count"_s, QString::number(Generated)});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"%1 code(s) generated, valid for 10 days"_s.arg(Generated)),
             qPrintable(run.out));
    QVERIFY(codesStatus().startsWith(u"free valid now\t%1\n"_s.arg(Generated)));

    // A national batch: the QR code and the code in clear differ; valid longer than the
    // generated ones, so issued before them (the longest validity first).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\r\n";
    for (int i = 0; i < 3; ++i) {
        m_nationalRaw.append(u"NAT%1"_s.arg(i, 3, 10, QLatin1Char('0')));
        csv += u"%1,%2,%3,%4\r\n"_s
                   .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), m_nationalRaw.last(),
                        iso(now.addDays(-1)), iso(now.addDays(30)))
                   .toUtf8();
    }
    // One already over, one not yet valid: kept, never issued now.
    csv += u"%1,%1,%2,%3\n"_s
               .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), iso(now.addDays(-9)),
                    iso(now.addDays(-2)))
               .toUtf8();
    csv += u"%1,%1,%2,%3\n"_s
               .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), iso(now.addDays(2)),
                    iso(now.addDays(9)))
               .toUtf8();
    QTemporaryDir dir;
    QFile file(dir.filePath(u"national.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    run = server({u"codes"_s, u"import"_s, file.fileName()});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"5 code(s) imported"_s), qPrintable(run.out));
    // The same file again: all or nothing, every line named.
    run = server({u"codes"_s, u"import"_s, file.fileName()});
    QCOMPARE(run.code, 1);
    QCOMPARE(run.err.count(u"[code.known]"_s), 5 + 1); // each line, then the summary
    QVERIFY(run.err.contains(u"line 2: this code is already in the stock [code.known]"_s));

    const QString status = codesStatus();
    QVERIFY2(
        status.startsWith(u"free valid now\t%1\nfree not yet valid\t1\nfree expired\t1\n"
                          "site\tissued\tused\tunknown\ntotal\t0\t0\t0\n"_s.arg(Generated + 3)),
        qPrintable(status));
}

void TestServerCodes::badCsvIsRefusedWithLineAndRule()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"broken.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QString good = QUuid::createUuid().toString(QUuid::WithoutBraces);
    file.write(u"code_pour_qr,code_brut,validite_debut,validite_fin\n"
               "%1,%1,2021-08-25T22:00:00.000Z,2031-08-25T22:00:00.000Z\n"
               "%2,ABC,2021-08-25T22:00:00.000Z,2031-08-25T22:00:00.000Z\n"
               "%3,%3,2031-08-25T22:00:00.000Z,2021-08-25T22:00:00.000Z\n"_s
                   .arg(good, QUuid::createUuid().toString(QUuid::WithoutBraces),
                        QUuid::createUuid().toString(QUuid::WithoutBraces))
                   .toUtf8());
    file.close();
    const Run run = server({u"codes"_s, u"import"_s, file.fileName()});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"line 3, code_brut: "_s) && run.err.contains(u"[code.format]"_s),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(u"line 4, validite_fin: "_s) && run.err.contains(u"[dates.order]"_s),
             qPrintable(run.err));
    QVERIFY2(!run.err.contains(good), "messages never repeat a code");
    // Nothing of it was kept, not even the good line.
    QVERIFY(codesStatus().startsWith(u"free valid now\t%1\n"_s.arg(Generated + 3)));
    QCOMPARE(server({u"codes"_s, u"generate"_s}).code, 1); // --count is required
    QCOMPARE(
        server({u"codes"_s, u"generate"_s, u"--count"_s, u"5"_s, u"--valid-days"_s, u"0"_s}).code,
        1);
}

void TestServerCodes::badCountIsABadRequest_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("missing") << u""_s;
    QTest::newRow("empty") << u"?count="_s;
    QTest::newRow("zero") << u"?count=0"_s;
    QTest::newRow("negative") << u"?count=-3"_s;
    QTest::newRow("over 500") << u"?count=501"_s;
    QTest::newRow("not a number") << u"?count=ten"_s;
    QTest::newRow("fraction") << u"?count=1.5"_s;
}

void TestServerCodes::badCountIsABadRequest()
{
    QFETCH(QString, query);
    const Answer answer = get(u"/activation-codes"_s + query);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json.value(u"resourceType"_s).toString(), u"OperationOutcome"_s);
    const QJsonObject issue = answer.json[u"issue"_s][0].toObject();
    QCOMPARE(issue[u"expression"_s][0].toString(), u"count"_s);
    QVERIFY2(issue[u"diagnostics"_s].toString().contains(u"from 1 to 500"_s),
             qPrintable(issue[u"diagnostics"_s].toString()));
    // Nothing was issued by a refused request.
    QVERIFY(codesStatus().contains(u"total\t0\t0\t0\n"_s));
}

void TestServerCodes::batchIsTheNationalCsvWithItsChecksum()
{
    // Issued to the other site: the three national codes go first (valid longest).
    const Answer answer = get(u"/activation-codes?count=4"_s, OtherSite);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json.value(u"count"_s).toInt(), 4);
    QCOMPARE(answer.json.value(u"exhausted"_s).toBool(), false);
    const QString fileName = answer.json.value(u"fileName"_s).toString();
    QVERIFY2(fileName.startsWith(u"sidep-codes-751012345-"_s) && fileName.endsWith(u".csv"_s),
             qPrintable(fileName));
    const QByteArray csv = answer.json.value(u"csv"_s).toString().toUtf8();
    const QStringList codes = codesOf(QString::fromUtf8(csv));
    QCOMPARE(codes.size(), 4);
    for (const QString& national : std::as_const(m_nationalRaw))
        QVERIFY2(codes.contains(national), qPrintable(codes.join(u' ')));
    const QByteArray expected = QCryptographicHash::hash(csv, QCryptographicHash::Sha256).toHex() +
                                "  " + fileName.toUtf8() + '\n';
    QCOMPARE(answer.json.value(u"sha256"_s).toString().toUtf8(), expected);
    for (const QString& code : codes)
        m_issued.insert(code);

    // Exactly what a workstation imports by hand, checksum included.
    StoreFixture other;
    auto lab = other.openAs(LabName);
    ActivationCodes pool(*lab);
    ActivationCodes::ImportReport report;
    QString error;
    QVERIFY2(pool.importCsv(csv, fileName, expected, &report, &error), qPrintable(error));
    QCOMPARE(report.imported, 4);
    QVERIFY(codesStatus().contains(OtherSite + u"\t4\t0\t0\n"_s));
}

void TestServerCodes::workstationRefillsWhenLow()
{
    auto lab = m_site->openAs(LabName);
    QSslConfiguration tls;
    QUrl url;
    QString error;
    QVERIFY2(SyncSettings(*lab).load(&tls, &url, &error), qPrintable(error));
    HttpsTransport transport(url, tls);
    CodeRefill refill(*lab, &transport);
    QCOMPARE(refill.refillBelow(), RefillBelow);
    QCOMPARE(refill.refillTarget(), RefillTarget);

    QSignalSpy finished(&refill, &CodeRefill::finished);
    QVERIFY(refill.refillIfLow());
    QVERIFY(finished.wait(20000));
    CodeRefill::Result result = refill.lastResult();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(int(result.outcome), int(CodeRefill::Result::Outcome::Fetched));
    QCOMPARE(result.validBefore, 0);
    QCOMPARE(result.requested, RefillTarget);
    QCOMPARE(result.imported, RefillTarget);
    QVERIFY(!result.serverExhausted);
    QVERIFY(refill.lastProblem().isEmpty());

    ActivationCodes pool(*lab);
    const ActivationCodes::Status status = pool.status(3, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(status.total, RefillTarget);
    QCOMPARE(status.validNow, RefillTarget);
    QVERIFY(codesStatus().contains(SiteFiness + u"\t%1\t0\t0\n"_s.arg(RefillTarget)));
    {
        QSqlQuery& query =
            StoreTestAccess::database(*lab).query(u"SELECT raw_code FROM activation_codes"_s);
        QVERIFY(query.exec());
        while (query.next()) {
            const QString code = query.value(0).toString();
            QVERIFY2(!m_issued.contains(code), "a code was issued twice");
            m_issued.insert(code);
        }
        query.finish();
    }

    // Full enough: nothing asked, nothing emitted.
    QVERIFY(!refill.refillIfLow());
    QCOMPARE(int(refill.lastResult().outcome), int(CodeRefill::Result::Outcome::NotNeeded));
    QCOMPARE(refill.lastResult().validBefore, RefillTarget);
    QCOMPARE(finished.size(), 1);

    // A nurse may not import codes: nothing is asked of the server.
    auto nurse = m_site->openAs(NurseName);
    CodeRefill nurseRefill(*nurse, &transport);
    QVERIFY(!nurseRefill.refillToTarget());
    QCOMPARE(int(nurseRefill.lastResult().outcome), int(CodeRefill::Result::Outcome::NotAllowed));
}

void TestServerCodes::twoServersNeverIssueTheSameCode()
{
    // A second server on the same database: both issue at once to both sites.
    m_second.sharePkiWith(m_server);
    m_second.setDatabase(m_server.database());
    QVERIFY(m_second.start());

    QNetworkAccessManager ours;
    QNetworkAccessManager theirs;
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (int i = 0; i < 12; ++i) {
        const quint16 port = i % 2 == 0 ? m_server.port() : m_second.port();
        if (i % 3 == 0)
            replies.emplace_back(
                theirs.get(request(u"/activation-codes?count=1"_s, OtherSite, port)));
        else
            replies.emplace_back(
                ours.get(request(u"/activation-codes?count=2"_s, SiteFiness, port)));
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.begin(), replies.end(),
                                         [](const auto& reply) { return reply->isFinished(); }),
                             30000);
    int received = 0;
    for (const auto& reply : replies) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        const QStringList codes = codesOf(json.value(u"csv"_s).toString());
        QCOMPARE(codes.size(), json.value(u"count"_s).toInt());
        for (const QString& code : codes) {
            QVERIFY2(!m_issued.contains(code), "a code was issued twice");
            m_issued.insert(code);
            ++received;
        }
    }
    QCOMPARE(received, 4 * 1 + 8 * 2);
    m_second.stop();
    // Valid: the generated and 3 national; 4 to the other site, 20 refilled, 20 now.
    const QString status = codesStatus();
    QVERIFY2(status.startsWith(u"free valid now\t%1\n"_s.arg(Generated + 3 - 4 - 20 - 20)),
             qPrintable(status));
    QVERIFY2(status.contains(OtherSite + u"\t8\t0\t0\n"_s), qPrintable(status));
    QVERIFY2(status.contains(SiteFiness + u"\t36\t0\t0\n"_s), qPrintable(status));
}

void TestServerCodes::syncedPositiveMarksItsCodeUsed()
{
    QList<SamplingRecord> records;
    for (int i = 0; i < 2; ++i) {
        records.append(validRecord(i));
        records.last().id = QUuid::createUuid();
    }
    QString error;
    {
        auto nurse = m_site->openAs(NurseName);
        QList<QList<Problem>> problems;
        QVERIFY2(nurse->records()->add(&records, {}, &problems, &error), qPrintable(error));
    }
    auto lab = m_site->openAs(LabName);
    ResultStore results(*lab);
    for (const SamplingRecord& record : std::as_const(records)) {
        ResultStore::Entry entry;
        entry.value = u"P"_s;
        ResultStore::Outcome outcome;
        QList<Problem> problems;
        QVERIFY2(results.enter(record.id, entry, &outcome, &problems, &error), qPrintable(error));
        QCOMPARE(int(outcome), int(ResultStore::Outcome::Validated));
        ResultStore::Current current;
        QVERIFY(results.current(record.id, &current, &error));
        QVERIFY(m_issued.contains(current.activation.code));
        m_usedCodes.append(current.activation.code);
    }
    lab.reset();

    // The records go, then their codes, apart: both in one `sidepctl sync`.
    const Run run = sidepctl({u"sync"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"acknowledged: 2"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"used activation codes reported: 2"_s), qPrintable(run.out));
    const QString status = codesStatus();
    QVERIFY2(status.contains(SiteFiness + u"\t34\t2\t0\n"_s), qPrintable(status));
    // No Bundle carries a code.
    const QString bundles = exportedBundles();
    QCOMPARE(bundles.count(u'\n'), 2 * 2); // registration and result of each record
    for (const QString& code : std::as_const(m_usedCodes))
        QVERIFY2(!bundles.contains(code), "a Bundle carries its activation code");

    // The next sync has nothing more to report.
    const Run again = sidepctl({u"sync"_s});
    QVERIFY2(again.code == SidepCtl::Success, qPrintable(again.out + again.err));
    QVERIFY2(!again.out.contains(u"used activation codes"_s), qPrintable(again.out));
    QCOMPARE(codesStatus(), status);
}

void TestServerCodes::reportingAgainChangesNothing()
{
    // A report whose answer was lost comes again: the server says so and changes nothing.
    const QString before = codesStatus();
    const Answer answer = report(m_usedCodes);
    QCOMPARE(answer.status, 200);
    QCOMPARE(outcomes(answer), (QStringList{u"already used"_s, u"already used"_s}));
    QCOMPARE(answer.json[u"results"_s][0][u"code"_s].toString(), m_usedCodes.first());
    QCOMPARE(codesStatus(), before);
}

void TestServerCodes::codeOfAnotherSiteIsRefused()
{
    // A code issued to the other site and still unused, reported by our site; and one of
    // ours reported by the other site.
    const QString before = codesStatus();
    QCOMPARE(outcomes(report({m_nationalRaw.last()})), QStringList{u"refused"_s});
    QCOMPARE(outcomes(report({m_usedCodes.first()}, OtherSite)), QStringList{u"refused"_s});
    // Still free for its own site, still ours.
    QVERIFY(codesStatus().contains(OtherSite + u"\t8\t0\t0\n"_s));
    QCOMPARE(codesStatus(), before);
    QCOMPARE(outcomes(report({m_nationalRaw.last()}, OtherSite)), QStringList{u"used"_s});
    QVERIFY2(codesStatus().contains(OtherSite + u"\t7\t1\t0\n"_s), qPrintable(codesStatus()));
}

void TestServerCodes::unknownCodeIsAcceptedOnce()
{
    // Imported at the site from a national file, never seen here: accepted and counted.
    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(outcomes(report({unknown})), QStringList{u"unknown"_s});
    QCOMPARE(outcomes(report({unknown})), QStringList{u"already used"_s});
    QVERIFY2(codesStatus().contains(SiteFiness + u"\t34\t2\t1\n"_s), qPrintable(codesStatus()));
    // Still one-time: another site reporting it is refused.
    QCOMPARE(outcomes(report({unknown}, OtherSite)), QStringList{u"refused"_s});

    // The national file that held it reaches the server later: imported, and known as used.
    QTemporaryDir dir;
    QFile file(dir.filePath(u"late.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    file.write(u"code_pour_qr,code_brut,validite_debut,validite_fin\n%1,%2,%3,%4\n"_s
                   .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), unknown,
                        iso(now.addDays(-1)), iso(now.addDays(5)))
                   .toUtf8());
    file.close();
    const Run run = server({u"codes"_s, u"import"_s, file.fileName()});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"1 code(s) imported\n1 of them already used by sites"_s),
             qPrintable(run.out));
    const QString status = codesStatus();
    QVERIFY2(status.contains(SiteFiness + u"\t34\t3\t0\n"_s), qPrintable(status));
    QVERIFY2(status.startsWith(u"free valid now\t%1\n"_s.arg(Generated + 3 - 4 - 20 - 20)),
             qPrintable(status));
}

void TestServerCodes::badReportsAreRefused()
{
    const QString before = codesStatus();
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    auto body = [](const QJsonArray& codes) {
        return QJsonDocument(QJsonObject{{u"codes"_s, codes}}).toJson(QJsonDocument::Compact);
    };
    // More than a request may hold.
    QJsonArray many;
    for (int i = 0; i < ActivationCodePool::MaxReport + 1; ++i)
        many.append(QJsonObject{{u"code"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                {u"day"_s, today}});
    QCOMPARE(post(u"/activation-codes/used"_s, body(many)).status, 413);
    // Anything that could tie a code to a record or a time of day is refused whole.
    const QString code = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QList<QJsonObject> bad = {
        QJsonObject{
            {u"code"_s, code}, {u"day"_s, today}, {u"bundleId"_s, QUuid::createUuid().toString()}},
        QJsonObject{{u"code"_s, code}, {u"day"_s, QString(today + u"T10:42:00Z"_s)}},
        QJsonObject{{u"code"_s, code}, {u"day"_s, u"2999-01-01"_s}},
        QJsonObject{{u"code"_s, code}},
        QJsonObject{{u"code"_s, u""_s}, {u"day"_s, today}},
    };
    for (const QJsonObject& entry : bad) {
        const Answer answer = post(u"/activation-codes/used"_s, body({entry}));
        QVERIFY2(answer.status == 422, QJsonDocument(entry).toJson().constData());
        QCOMPARE(answer.json[u"issue"_s][0][u"expression"_s][0].toString(), u"codes[0]"_s);
    }
    QCOMPARE(post(u"/activation-codes/used"_s, "[]").status, 400);
    QCOMPARE(get(u"/activation-codes/used"_s).status, 405);
    QCOMPARE(codesStatus(), before);
}

void TestServerCodes::sidepctlCodesFetch()
{
    // The pool holds 18 valid codes of its target of 20: `codes fetch` tops it up.
    Run run = sidepctl({u"codes"_s, u"fetch"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"2 code(s) fetched and imported."_s), qPrintable(run.out));
    run = sidepctl({u"codes"_s, u"fetch"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"The pool holds 20 valid codes (target 20): nothing fetched."_s),
             qPrintable(run.out));
    QCOMPARE(sidepctl({u"codes"_s, u"fetch"_s, u"extra.csv"_s}).code, int(SidepCtl::Usage));
    QVERIFY(codesStatus().contains(SiteFiness + u"\t36\t3\t0\n"_s));
}

void TestServerCodes::emptyStockIsSaid()
{
    // Asked for more than is left, the workstation gets what is left and is told.
    const int left = Generated + 3 - 4 - 20 - 20 - 2;
    QVERIFY(codesStatus().startsWith(u"free valid now\t%1\n"_s.arg(left)));
    auto lab = m_site->openAs(LabName);
    QSslConfiguration tls;
    QUrl url;
    QString error;
    QVERIFY(SyncSettings(*lab).load(&tls, &url, &error));
    HttpsTransport transport(url, tls);
    CodeRefill refill(*lab, &transport);
    QSignalSpy finished(&refill, &CodeRefill::finished);
    QVERIFY(refill.fetch(left + 3));
    QVERIFY(finished.wait(20000));
    QCOMPARE(int(refill.lastResult().outcome), int(CodeRefill::Result::Outcome::Fetched));
    QCOMPARE(refill.lastResult().imported, left);
    QVERIFY(refill.lastResult().serverExhausted);
    QVERIFY2(refill.lastProblem().contains(u"ran out"_s), qPrintable(refill.lastProblem()));

    // Nothing left: an answer, not an error, that says so.
    const Answer answer = get(u"/activation-codes?count=10"_s);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json.value(u"count"_s).toInt(), 0);
    QCOMPARE(answer.json.value(u"exhausted"_s).toBool(), true);
    QVERIFY(answer.json.value(u"csv"_s).toString().isEmpty());
    QVERIFY(refill.fetch(5));
    QVERIFY(finished.wait(20000));
    QCOMPARE(int(refill.lastResult().outcome), int(CodeRefill::Result::Outcome::ServerEmpty));
    QCOMPARE(refill.lastResult().imported, 0);
    QVERIFY(!refill.lastProblem().isEmpty());
    const Run run = sidepctl({u"codes"_s, u"fetch"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err)); // over the target: not asked
    QVERIFY(run.out.contains(u"nothing fetched"_s));
    const QString status = codesStatus();
    QVERIFY2(status.startsWith(u"free valid now\t0\n"_s), qPrintable(status));
    QVERIFY2(status.contains(SiteFiness + u"\t%1\t3\t0\n"_s.arg(36 + left)), qPrintable(status));
}

void TestServerCodes::issuedCodesAreValidAtThatMillisecond()
{
    // The pool on its own database, with the clock the server hands it (off the whole
    // second): a code is issued only if valid at that very millisecond, its start included
    // and its end excluded, as the workstation gives them out.
    QTemporaryDir dir;
    ServerDatabase database;
    QString error;
    QVERIFY2(database.open(u"sqlite://"_s + dir.filePath(u"codes.sqlite"_s), &error),
             qPrintable(error));
    const QDateTime at =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC).addMSecs(250);
    constexpr qint64 Day = 24 * 3600 * 1000;
    struct Edge
    {
        QString code;
        qint64 fromMs;
        qint64 untilMs;
    };
    const QList<Edge> edges = {
        {u"ENDSAT"_s, -Day, 0}, // ends at that very millisecond: not issued
        {u"ENDSAF"_s, -Day, 1}, // one millisecond later: issued
        {u"STARAT"_s, 0, Day},  // starts at that very millisecond: issued
        {u"STARAF"_s, 1, Day},  // one millisecond later: not issued
    };
    QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n";
    for (const Edge& edge : edges) {
        csv += (QUuid::createUuid().toString(QUuid::WithoutBraces) + u',' + edge.code + u',' +
                iso(at.addMSecs(edge.fromMs)) + u',' + iso(at.addMSecs(edge.untilMs)) + u'\n')
                   .toUtf8();
    }
    ActivationCodePool pool(&database);
    ActivationCodePool::ImportReport report;
    QVERIFY2(pool.importCsv(csv, &report, &error, at), qPrintable(error));
    QCOMPARE(report.imported, int(edges.size()));
    ActivationCodePool::Batch batch;
    QVERIFY2(pool.issue(SiteFiness, 10, &batch, &error, at), qPrintable(error));
    QStringList issued = codesOf(QString::fromUtf8(batch.csv));
    issued.sort();
    QCOMPARE(issued, (QStringList{u"ENDSAF"_s, u"STARAT"_s}));
}

void TestServerCodes::anOlderStoreForgetsWhichBundleUsedACode()
{
    // A server store of schema version 4, when Bundles carried codes: one code used by a
    // Bundle at a time of day, one free.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.sqlite"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        QSqlDatabase old = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
        old.setDatabaseName(path);
        QVERIFY(old.open());
        QSqlQuery query(old);
        const QStringList schema = {
            u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s,
            u"INSERT INTO schema_version (version) VALUES (1), (2), (3), (4)"_s,
            u"CREATE TABLE records (site TEXT NOT NULL, bundle_id TEXT NOT NULL, version "
            "INTEGER NOT NULL, status TEXT NOT NULL, result_value TEXT, received_at TEXT NOT "
            "NULL, bundle TEXT NOT NULL, UNIQUE (site, bundle_id, version))"_s,
            u"CREATE TABLE activation_codes (code TEXT PRIMARY KEY, qr_code TEXT UNIQUE, "
            "valid_from TEXT, valid_until TEXT, origin TEXT NOT NULL, added_at TEXT NOT NULL, "
            "issued_to TEXT, issued_at TEXT, used_at TEXT, used_by_site TEXT, used_by_bundle "
            "TEXT)"_s,
            u"CREATE INDEX activation_codes_free ON activation_codes (valid_until) "
            "WHERE issued_to IS NULL AND used_by_bundle IS NULL"_s,
            u"CREATE INDEX activation_codes_issued ON activation_codes (issued_to, issued_at)"_s,
            u"INSERT INTO activation_codes VALUES ('USED', 'USEDQR', '%1', '%2', 'generated', "
            "'%1', '%3', '%1', '%4', '%3', 'urn:uuid:%5')"_s.arg(
                iso(now.addDays(-1)), iso(now.addDays(9)), SiteFiness,
                u"2026-12-01T09:41:07.123Z"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)),
            u"INSERT INTO activation_codes (code, qr_code, valid_from, valid_until, origin, "
            "added_at) VALUES ('FREE', 'FREEQR', '%1', '%2', 'generated', '%1')"_s.arg(
                iso(now.addDays(-1)), iso(now.addDays(9))),
        };
        for (const QString& statement : schema)
            QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(u"old"_s);

    ServerDatabase database;
    QString error;
    QVERIFY2(database.open(u"sqlite://"_s + path, &error), qPrintable(error));
    ActivationCodePool pool(&database);
    ServerDatabase::CodeCounts counts;
    QVERIFY2(pool.counts(&counts, &error, now), qPrintable(error));
    QCOMPARE(counts.freeValid, 1);
    QCOMPARE(counts.sites.size(), 1);
    QCOMPARE(counts.sites.first().site, SiteFiness);
    QCOMPARE(counts.sites.first().used, 1);
    {
        QSqlDatabase migrated = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"migrated"_s);
        migrated.setDatabaseName(path);
        QVERIFY(migrated.open());
        QSqlQuery query(migrated);
        QVERIFY(query.exec(u"SELECT used_at FROM activation_codes WHERE code = 'USED'"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"2026-12-01"_s);
        QVERIFY(query.exec(u"SELECT count(*) FROM pragma_table_info('activation_codes') "
                           "WHERE name = 'used_by_bundle'"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }
    QSqlDatabase::removeDatabase(u"migrated"_s);
    // Reported now by its site: already used; the free one is used now.
    QList<ServerDatabase::CodeUse> uses;
    QVERIFY2(pool.reportUsed({{u"USED"_s, u"2026-12-01"_s}, {u"FREE"_s, u"2026-12-02"_s}},
                             SiteFiness, &uses, &error, now),
             qPrintable(error));
    QCOMPARE(uses, (QList<ServerDatabase::CodeUse>{ServerDatabase::CodeUse::AlreadyUsed,
                                                   ServerDatabase::CodeUse::Marked}));
}

QTEST_GUILESS_MAIN(TestServerCodes)
#include "TestServerCodes.moc"
