// The workstation tells the national server which activation codes its positives took, apart
// from the records, over an in-memory server: after the records' round, each code with its day
// only and sorted by code, again after a failure or a lost answer, never again once the server
// has answered for it (even "refused").

#include "ActivationCodes.h"
#include "Database.h"
#include "FakeSyncServer.h"
#include "ResultStore.h"
#include "Store.h"
#include "StoreTestAccess.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "TestSupport.h"
#include "UsedCodeReport.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace TestSupport;

namespace {

// A pool of `count` codes valid now, imported by the lab.
void importCodes(StoreFixture& fixture, int count)
{
    QString error;
    {
        auto admin = fixture.openAs(AdminName);
        if (!admin->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error))
            qFatal("%s", qPrintable(error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto iso = [](const QDateTime& at) {
            return at.toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
        };
        QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n";
        for (int i = 0; i < count; ++i) {
            const QString code = QUuid::createUuid().toString(QUuid::WithoutBraces);
            csv += (code + u',' + code + u',' + iso(now.addDays(-1)) + u',' + iso(now.addDays(10)) +
                    u'\n')
                       .toUtf8();
        }
        auto lab = fixture.openAs(LabName);
        ActivationCodes::ImportReport report;
        if (!ActivationCodes(*lab).importCsv(csv, u"codes.csv"_s, {}, &report, &error))
            qFatal("%s", qPrintable(error));
    }
}

// `count` positives validated by the lab, each with a code from a pool of `count` + 2, and
// `more` samples without a result yet; the ids of all.
QList<QUuid> addPositives(StoreFixture& fixture, int count, int more = 0)
{
    importCodes(fixture, count + 2);
    const QList<QUuid> ids = addSampledRecords(fixture, count + more);
    enterResults(fixture, ids.mid(0, count), u"P"_s);
    return ids;
}

int unreportedCount(Store& store)
{
    QList<ActivationCodes::UsedCode> codes;
    QString error;
    if (!ActivationCodes(store).unreported(1000, &codes, &error))
        qFatal("%s", qPrintable(error));
    return int(codes.size());
}

} // namespace

class TestUsedCodeReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usedCodesGoAfterTheRecordsRoundWithTheirDayOnly();
    void aFailedReportIsSentAgainAndNothingTwiceAfterTheAnswer();
    void aLostAnswerIsSentAgainAndTheServerSaysAlreadyUsed();
    void aRefusedCodeIsNotSentAgainAndIsSaid();
    void nothingUsedNothingSent();
    void manyCodesGoInRequestsOfAtMost500();
};

void TestUsedCodeReport::usedCodesGoAfterTheRecordsRoundWithTheirDayOnly()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addPositives(fixture, 5);
    auto lab = fixture.openAs(LabName);
    QCOMPARE(unreportedCount(*lab), 5);
    FakeSyncServer server;
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    UsedCodeReport report(*lab, &server);
    scheduler.addAfterRound([&report] {
        report.reportPending();
        return report.lastProblem();
    });
    QSignalSpy finished(&report, &UsedCodeReport::finished);
    scheduler.syncNow();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(server.usedCodeReports.size(), 1);
    // After the round: every version of every record was there before the codes came.
    QCOMPARE(server.storedWhenReported.first(), 2 * 5);

    const QJsonObject request = server.usedCodeReports.first();
    QCOMPARE(request.keys(), QStringList{u"codes"_s});
    const QJsonArray codes = request.value(u"codes"_s).toArray();
    QCOMPARE(codes.size(), 5);
    static const QRegularExpression dayOnly(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    QStringList sent;
    for (const QJsonValue& entry : codes) {
        QCOMPARE(entry.toObject().keys(), (QStringList{u"code"_s, u"day"_s}));
        QVERIFY2(dayOnly.match(entry[u"day"_s].toString()).hasMatch(),
                 qPrintable(entry[u"day"_s].toString()));
        QCOMPARE(entry[u"day"_s].toString(),
                 QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
        sent.append(entry[u"code"_s].toString());
    }
    QStringList sorted = sent;
    sorted.sort();
    QCOMPARE(sent, sorted);
    // No record identifier, nor anything else of the records.
    const QByteArray text = QJsonDocument(request).toJson(QJsonDocument::Compact);
    for (const QUuid& id : ids)
        QVERIFY(!text.contains(id.toString(QUuid::WithoutBraces).toUtf8()));
    QVERIFY(!text.contains(SiteFiness.toUtf8()));

    // Exactly the codes the positives hold.
    ResultStore results(*lab);
    QStringList held;
    for (const QUuid& id : ids) {
        ResultStore::Current current;
        QString error;
        QVERIFY2(results.current(id, &current, &error), qPrintable(error));
        held.append(current.activation.code);
    }
    held.sort();
    QCOMPARE(sent, held);

    const UsedCodeReport::Result result = report.lastResult();
    QCOMPARE(int(result.outcome), int(UsedCodeReport::Result::Outcome::Reported));
    QCOMPARE(result.sent, 5);
    QCOMPARE(result.used, 5);
    QCOMPARE(unreportedCount(*lab), 0);
    QVERIFY(scheduler.lastProblem().isEmpty());

    // The next round has nothing to report: no request.
    scheduler.syncNow();
    QCOMPARE(server.usedCodeReports.size(), 1);
}

void TestUsedCodeReport::aFailedReportIsSentAgainAndNothingTwiceAfterTheAnswer()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addPositives(fixture, 3, 1);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    UsedCodeReport report(*lab, &server);
    QSignalSpy finished(&report, &UsedCodeReport::finished);

    for (const auto mode : {FakeSyncServer::Mode::NetworkDown, FakeSyncServer::Mode::ServerError}) {
        server.mode = mode;
        QVERIFY(report.reportPending());
        QVERIFY(!report.isBusy());
        QCOMPARE(int(report.lastResult().outcome), int(UsedCodeReport::Result::Outcome::Failed));
        QVERIFY(!report.lastProblem().isEmpty());
        QCOMPARE(unreportedCount(*lab), 3);
    }
    QVERIFY(server.usedCodes.isEmpty());

    server.mode = FakeSyncServer::Mode::Normal;
    QVERIFY(report.reportPending());
    QCOMPARE(int(report.lastResult().outcome), int(UsedCodeReport::Result::Outcome::Reported));
    QCOMPARE(report.lastResult().used, 3);
    QVERIFY(report.lastProblem().isEmpty());
    QCOMPARE(server.usedCodes.size(), 3);
    QCOMPARE(unreportedCount(*lab), 0);
    // Each failed request carried the same codes; after the answer, nothing more.
    QCOMPARE(server.usedCodeReports.size(), 3);
    QCOMPARE(server.usedCodeReports.at(0), server.usedCodeReports.at(2));
    QVERIFY(!report.reportPending());
    QCOMPARE(int(report.lastResult().outcome),
             int(UsedCodeReport::Result::Outcome::NothingToReport));
    QCOMPARE(server.usedCodeReports.size(), 3);
    QCOMPARE(finished.size(), 3);

    // A code used later goes alone.
    enterResults(fixture, {ids.last()}, u"P"_s);
    QVERIFY(report.reportPending());
    QCOMPARE(server.usedCodeReports.size(), 4);
    QCOMPARE(server.usedCodeReports.last().value(u"codes"_s).toArray().size(), 1);
    QCOMPARE(report.lastResult().used, 1);
    QCOMPARE(server.usedCodes.size(), 4);
}

void TestUsedCodeReport::aLostAnswerIsSentAgainAndTheServerSaysAlreadyUsed()
{
    StoreFixture fixture;
    addPositives(fixture, 2);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    {
        // The server takes the codes; the answer never comes (the workstation stops).
        server.mode = FakeSyncServer::Mode::Swallow;
        UsedCodeReport report(*lab, &server);
        QVERIFY(report.reportPending());
        QVERIFY(report.isBusy());
    }
    QCOMPARE(server.usedCodes.size(), 2);
    QCOMPARE(unreportedCount(*lab), 2);

    server.mode = FakeSyncServer::Mode::Normal;
    UsedCodeReport report(*lab, &server);
    QVERIFY(report.reportPending());
    QCOMPARE(int(report.lastResult().outcome), int(UsedCodeReport::Result::Outcome::Reported));
    QCOMPARE(report.lastResult().alreadyUsed, 2);
    QCOMPARE(report.lastResult().used, 0);
    QCOMPARE(unreportedCount(*lab), 0);
    QVERIFY(!report.reportPending());
    QCOMPARE(server.usedCodeReports.size(), 2);
}

void TestUsedCodeReport::aRefusedCodeIsNotSentAgainAndIsSaid()
{
    StoreFixture fixture;
    addPositives(fixture, 2);
    auto lab = fixture.openAs(LabName);
    QList<ActivationCodes::UsedCode> pending;
    QString error;
    QVERIFY(ActivationCodes(*lab).unreported(10, &pending, &error));
    FakeSyncServer server;
    server.otherSiteCodes.insert(pending.first().code);
    UsedCodeReport report(*lab, &server);
    QVERIFY(report.reportPending());
    QCOMPARE(int(report.lastResult().outcome), int(UsedCodeReport::Result::Outcome::Reported));
    QCOMPARE(report.lastResult().refused, 1);
    QCOMPARE(report.lastResult().used, 1);
    QVERIFY2(report.lastProblem().contains(u"another site"_s), qPrintable(report.lastProblem()));
    // Sending it again would change nothing: the conflict is for the operators.
    QCOMPARE(unreportedCount(*lab), 0);
    QVERIFY(!report.reportPending());
    QCOMPARE(server.usedCodeReports.size(), 1);
}

void TestUsedCodeReport::nothingUsedNothingSent()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 2); // negatives take no code
    auto nurse = fixture.openAs(NurseName);
    FakeSyncServer server;
    UsedCodeReport report(*nurse, &server);
    QVERIFY(!report.reportPending());
    QCOMPARE(int(report.lastResult().outcome),
             int(UsedCodeReport::Result::Outcome::NothingToReport));
    QVERIFY(report.lastProblem().isEmpty());
    QVERIFY(server.usedCodeReports.isEmpty());
}

void TestUsedCodeReport::manyCodesGoInRequestsOfAtMost500()
{
    StoreFixture fixture;
    const int used = UsedCodeReport::MaxPerRequest + 7;
    importCodes(fixture, used);
    auto lab = fixture.openAs(LabName);
    {
        // Taken as validated positives take them, without the records.
        ActivationCodes codes(*lab);
        Transaction transaction(StoreTestAccess::database(*lab));
        QString error;
        QVERIFY2(transaction.begin(&error), qPrintable(error));
        for (int i = 0; i < used; ++i) {
            Activation activation;
            bool exhausted = true;
            QVERIFY2(codes.allocate(QUuid::createUuid().toString(QUuid::WithoutBraces),
                                    QDateTime::currentDateTimeUtc(), &activation, &exhausted,
                                    &error),
                     qPrintable(error));
            QVERIFY(!exhausted);
        }
        QVERIFY2(transaction.commit(&error), qPrintable(error));
    }
    FakeSyncServer server;
    UsedCodeReport report(*lab, &server);
    QVERIFY(report.reportPending());
    QCOMPARE(int(report.lastResult().outcome), int(UsedCodeReport::Result::Outcome::Reported));
    QCOMPARE(report.lastResult().used, used);
    QCOMPARE(server.usedCodeReports.size(), 2);
    QCOMPARE(server.usedCodeReports.at(0).value(u"codes"_s).toArray().size(),
             UsedCodeReport::MaxPerRequest);
    QCOMPARE(server.usedCodeReports.at(1).value(u"codes"_s).toArray().size(), 7);
    QCOMPARE(server.usedCodes.size(), used);
    QCOMPARE(unreportedCount(*lab), 0);
}

QTEST_GUILESS_MAIN(TestUsedCodeReport)
#include "TestUsedCodeReport.moc"
