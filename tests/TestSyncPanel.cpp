// The supervisor's sync panel over an in-memory server: what waits, sending now, the last
// error in plain words, and the clock warning.

#include "FakeSyncServer.h"
#include "HttpsTransport.h"
#include "RecordStore.h"
#include "Store.h"
#include "SyncEngine.h"
#include "SyncPanelWidget.h"
#include "SyncScheduler.h"
#include "TestSupport.h"

#include <QLabel>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTreeWidget>

using namespace TestSupport;

class TestSyncPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsWaitingSendsNowAndReportsErrors();
    void showsTheSpeedAndTheTimeLeft();
    void warnsWhenTheClocksDisagree();
    void saysWhenSyncIsNotConfigured();
    void namesNoSettingOnScreen();
    void listsSamplesWaitingTooLongForAResult();
    void saysWhenASendStateWasEdited();
    void saysWhenTheStoreWentBackInTime();
};

void TestSyncPanel::showsWaitingSendsNowAndReportsErrors()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 7);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    server.mode = FakeSyncServer::Mode::NetworkDown;
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    SyncPanelWidget panel;
    panel.setSync(&engine, &scheduler, u"https://127.0.0.1:8443"_s);
    scheduler.syncNow();
    auto text = [&panel](const char* name) {
        return panel.findChild<QLabel*>(QString::fromLatin1(name))->text();
    };
    // Seven records, each a registration and a result to send.
    QCOMPARE(text("waitingLabel"), u"7 (14 version(s) to send)"_s);
    QVERIFY2(text("lastErrorLabel").contains(u"Connection refused"_s),
             qPrintable(text("lastErrorLabel")));
    QCOMPARE(text("lastSuccessLabel"), u"never"_s);
    QVERIFY2(text("connectionLabel").contains(u"cannot be reached"_s),
             qPrintable(text("connectionLabel")));
    QCOMPARE(server.stored.size(), 0);

    // The network is back: "Send now" does not wait for the backoff.
    server.mode = FakeSyncServer::Mode::Normal;
    panel.findChild<QPushButton*>(u"sendNowButton"_s)->click();
    QTRY_COMPARE(text("waitingLabel"), u"0"_s);
    QCOMPARE(server.stored.size(), 14);
    QCOMPARE(text("lastErrorLabel"), u"none"_s);
    QCOMPARE(text("connectionLabel"), u"the server answers"_s);
    QVERIFY(text("lastSuccessLabel") != u"never"_s);
}

void TestSyncPanel::saysWhenASendStateWasEdited()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 2);
    {
        // Someone with the file but no key marks every version acknowledged.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"editor"_s);
        db.setDatabaseName(fixture.path());
        QVERIFY(db.open());
        QSqlQuery edit(db);
        QVERIFY(edit.exec(u"UPDATE outbox SET state = 'acknowledged', "
                          "acknowledged_at = '2020-01-01T00:00:00Z'"_s));
    }
    QSqlDatabase::removeDatabase(u"editor"_s);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    SyncPanelWidget panel;
    panel.setSync(&engine, &scheduler, u"https://127.0.0.1:8443"_s);
    scheduler.syncNow();
    auto* rejected = panel.findChild<QLabel*>(u"rejectedLabel"_s);
    QTRY_VERIFY2(rejected->text().contains(u"2 record(s) whose send state was edited"_s),
                 qPrintable(rejected->text()));
    QVERIFY(rejected->text().contains(u"db verify"_s));
    QCOMPARE(server.stored.size(), 0);
}

void TestSyncPanel::saysWhenTheStoreWentBackInTime()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 2);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    server.checksStoreSequence = true;
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    int afterRound = 0;
    scheduler.addAfterRound([&afterRound] {
        ++afterRound;
        return QString();
    });
    SyncPanelWidget panel;
    panel.setSync(&engine, &scheduler, u"https://127.0.0.1:8443"_s);
    auto text = [&panel](const char* name) {
        return panel.findChild<QLabel*>(QString::fromLatin1(name))->text();
    };
    scheduler.syncNow();
    QTRY_COMPARE(text("waitingLabel"), u"0"_s);
    QCOMPARE(server.stored.size(), 4);
    QCOMPARE(afterRound, 1);
    QVERIFY(!scheduler.storeWentBack());

    // The server saw this store further on than its file now is (an older copy put back).
    {
        auto nurse = fixture.openAs(NurseName);
        QList<SamplingRecord> one{validRecord(5)};
        QList<QList<Problem>> problems;
        QString error;
        QVERIFY2(nurse->records()->add(&one, {}, &problems, &error), qPrintable(error));
    }
    server.highestSequence += 1000;
    scheduler.syncNow();
    QTRY_VERIFY(!scheduler.isInRound());
    QVERIFY(scheduler.storeWentBack());
    QVERIFY2(text("lastErrorLabel").contains(u"went back in time"_s),
             qPrintable(text("lastErrorLabel")));
    QVERIFY(text("lastErrorLabel").contains(u"db restored"_s));
    // Nothing sent, nothing done after the round (no purge, no code report or refill).
    QCOMPARE(server.stored.size(), 4);
    QCOMPARE(text("waitingLabel"), u"1"_s);
    QCOMPARE(afterRound, 1);
    QCOMPARE(server.storeSequencePosts, 2);
}

void TestSyncPanel::showsTheSpeedAndTheTimeLeft()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 100); // 200 versions: a batch of 50, then 150 waiting
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    server.linkBytesPerSecond = 1.2e6;
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    SyncPanelWidget panel;
    panel.setSync(&engine, &scheduler, u"https://127.0.0.1:8443"_s);
    auto* speed = panel.findChild<QLabel*>(u"throughputLabel"_s);
    QVERIFY(speed);
    QVERIFY2(speed->text().contains(u"not measured yet"_s), qPrintable(speed->text()));

    QVERIFY(engine.sendNextBatch());
    QCOMPARE(server.bundlesPerPost, QList<int>{50});
    // 150 versions at the pace of the first 50.
    const qint64 left = engine.batchSizer().secondsFor(150);
    QVERIFY(left >= 1);
    QCOMPARE(speed->text(), u"1.2 MB/s, about %1 s left"_s.arg(left));

    // A slower link (the second batch took minutes): minutes for the 100 left.
    server.linkBytesPerSecond = 2000;
    QVERIFY(engine.sendNextBatch());
    QVERIFY2(speed->text().contains(u" min left"_s), qPrintable(speed->text()));

    scheduler.syncNow(true);
    QTRY_COMPARE(engine.status().waiting, 0);
    QVERIFY2(speed->text().endsWith(u", nothing left to send"_s), qPrintable(speed->text()));
}

void TestSyncPanel::warnsWhenTheClocksDisagree()
{
    StoreFixture fixture;
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    SyncPanelWidget panel;
    panel.setSync(&engine, &scheduler, u"https://127.0.0.1:8443"_s);
    auto* clock = panel.findChild<QLabel*>(u"clockLabel"_s);
    server.clockOffsetSeconds = 60;
    scheduler.syncNow();
    QVERIFY2(!clock->text().contains(u"set this workstation"_s), qPrintable(clock->text()));
    server.clockOffsetSeconds = 10 * 60;
    scheduler.syncNow();
    QVERIFY2(clock->text().contains(u"set this workstation"_s), qPrintable(clock->text()));
}

void TestSyncPanel::saysWhenSyncIsNotConfigured()
{
    SyncPanelWidget panel;
    QVERIFY(panel.findChild<QLabel*>(u"serverLabel"_s)->text().contains(u"not configured"_s));
    QVERIFY(!panel.findChild<QPushButton*>(u"sendNowButton"_s)->isEnabled());
}

// The network layer's messages are shared with sidepctl, which names its settings; a screen
// says what a person looks for instead ("the national server's address").
void TestSyncPanel::namesNoSettingOnScreen()
{
    const HttpsTransport transport(QUrl(u"https://no-such-host.invalid:8443"_s), {});
    int named = 0;
    for (const auto error :
         {QNetworkReply::HostNotFoundError, QNetworkReply::ContentNotFoundError,
          QNetworkReply::ConnectionRefusedError, QNetworkReply::SslHandshakeFailedError}) {
        HttpsTransport::Failure failure;
        failure.error = error;
        failure.httpStatus = error == QNetworkReply::ContentNotFoundError ? 404 : 0;
        const QString message = transport.describeFailure(failure);
        named += message.contains(u"sync.url"_s) ? 1 : 0;
        const QString shown = SyncPanelWidget::readable(message);
        QVERIFY2(!shown.contains(u"sync.url"_s), qPrintable(shown));
        QVERIFY2(!shown.contains(u"sidepctl"_s), qPrintable(shown));
    }
    QVERIFY(named > 0); // the check above meant something
}

// A sample without a result more than three days after sampling is pointed out by its tube
// label and sampling date, nothing of the person; a result takes it off the list.
void TestSyncPanel::listsSamplesWaitingTooLongForAResult()
{
    StoreFixture fixture;
    const QDateTime now = QDateTime::currentDateTimeUtc().toOffsetFromUtc(3600);
    // Sampled 5 days ago (late), a day ago (not yet), 4 days ago with a result (done).
    QList<SamplingRecord> records{validRecord(0), validRecord(1), validRecord(2)};
    const QList<int> daysAgo{5, 1, 4};
    for (int i = 0; i < records.size(); ++i)
        records[i].specimen.collectedAt = now.addDays(-daysAgo[i]).toString(Qt::ISODate);
    {
        auto nurse = fixture.openAs(NurseName);
        RecordStore::SaveOptions options;
        options.acceptWarnings = true;
        QList<QList<Problem>> problems;
        QString error;
        QVERIFY2(nurse->records()->add(&records, options, &problems, &error), qPrintable(error));
    }
    enterResults(fixture, {records[2].id});

    auto nurse = fixture.openAs(NurseName);
    FakeSyncServer server;
    server.mode = FakeSyncServer::Mode::NetworkDown;
    SyncEngine engine(*nurse, &server);
    SyncScheduler scheduler(engine, server);
    SyncPanelWidget panel;
    panel.setSync(&engine, &scheduler, u"https://127.0.0.1:8443"_s);
    auto* tree = panel.findChild<QTreeWidget*>(u"lateSamplesTreeWidget"_s);
    auto* label = panel.findChild<QLabel*>(u"lateSamplesLabel"_s);
    QVERIFY(tree && label);
    QCOMPARE(tree->topLevelItemCount(), 1);
    QVERIFY(!tree->isHidden());
    const QTreeWidgetItem* row = tree->topLevelItem(0);
    QCOMPARE(row->text(0), records[0].specimen.accession);
    QCOMPARE(row->text(1), QDateTime::fromString(records[0].specimen.collectedAt, Qt::ISODate)
                               .toLocalTime()
                               .toString(u"dd/MM/yyyy HH:mm"_s));
    QCOMPARE(row->text(2), u"5"_s);
    QVERIFY2(label->text().startsWith(u"1 sample"_s), qPrintable(label->text()));

    // Nothing that names the person is on the panel.
    QStringList shown{label->text()};
    for (int column = 0; column < tree->columnCount(); ++column)
        shown.append(row->text(column));
    for (const QLabel* other : panel.findChildren<QLabel*>())
        shown.append(other->text());
    for (const QString& identifying : identifyingStrings(0)) {
        for (const QString& text : std::as_const(shown))
            QVERIFY2(!text.contains(identifying), qPrintable(text));
    }

    // The lab enters the result: the list empties at the next refresh.
    enterResults(fixture, {records[0].id});
    panel.refresh();
    QCOMPARE(tree->topLevelItemCount(), 0);
    QVERIFY(tree->isHidden());
    QVERIFY2(label->text().startsWith(u"no sample"_s), qPrintable(label->text()));
}

QTEST_MAIN(TestSyncPanel)
#include "TestSyncPanel.moc"
