// Security checklist, accounts, through the command line as a user would meet it:
// the lock-out after wrong passwords, what each role may not do, a disabled account, and
// the recovery key before and after its rotation. The store's own tests (TestStore) go into
// the details; here each item once more through sidepctl, with the store API where the
// command line has no word for it (role changes).
//
// sidepctl runs in this process (SidepCtl on buffers), except where a run could crash: that
// one is the real executable, so that a crash is a failed check, not a dead test.

#include "RecordStore.h"
#include "ResultStore.h"
#include "SidepCtl.h"
#include "SidepCtlRun.h"
#include "Store.h"
#include "TestSupport.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

using Run = SidepCtlRun;

QByteArray line(const QString& text)
{
    return text.toUtf8() + '\n';
}

const QString WrongPassword = u"not the right password at all"_s;
const QString NewPassword = u"a brand new long password"_s;

// A statement on the store file from outside the application, as time or an editor would.
void edit(const QString& path, const QString& sql, const QVariantList& values = {})
{
    static int edits = 0;
    const QString name = u"edit-%1"_s.arg(++edits);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.prepare(sql));
        for (const QVariant& value : values)
            query.addBindValue(value);
        QVERIFY2(query.exec(), qPrintable(sql));
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

class TestSecurityAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void lockOutAfterFiveWrongPasswords();
    void lockOutSettingsOutOfRangeAreRefused();
    void lockOutSurvivesAnEditedPolicy();
    void nurseCannotEnterOrChangeResults();
    void forbiddenAccountCommands_data();
    void forbiddenAccountCommands();
    void onlyAnAdministratorChangesRoles();
    void disabledAccountCannotSignIn();
    void recoveryKeyWorksAndRotates();

private:
    // sidepctl on the test's store with these words and this standard input.
    Run sidepctl(const QStringList& arguments, const QByteArray& input);
    // Signed in as `user` with the fixture password (extra input lines after it).
    Run as(const QString& user, const QStringList& arguments, const QByteArray& more = {});
    Run withRecoveryKey(const QString& key, const QStringList& arguments,
                        const QByteArray& more = {});
    QString usersTable() { return as(AdminName, {u"user"_s, u"list"_s}).out; }
    // A record sampled by the nurse with a negative result entered by the lab: its tube.
    QString resultedTube();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_recoveryKey;
};

void TestSecurityAccounts::init()
{
    // A new store for each test, made with sidepctl: init prints the recovery key once.
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(u"site.db"_s);
    const Run created = sidepctl(
        {u"--password-stdin"_s, u"init"_s, u"--site-finess"_s, SiteFiness, u"--admin"_s, AdminName},
        line(Password));
    QVERIFY2(created.code == SidepCtl::Success, qPrintable(created.err));
    static const QRegularExpression key(u"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}"_s);
    m_recoveryKey = key.match(created.out).captured();
    QVERIFY(!m_recoveryKey.isEmpty());
    for (const auto& [name, role] : {std::pair{NurseName, u"nurse"_s}, {LabName, u"lab"_s}}) {
        const Run added =
            as(AdminName, {u"user"_s, u"add"_s, name, u"--role"_s, role}, line(Password));
        QVERIFY2(added.code == SidepCtl::Success, qPrintable(added.err));
    }
}

Run TestSecurityAccounts::sidepctl(const QStringList& arguments, const QByteArray& input)
{
    return runSidepCtl(QStringList{u"--db"_s, m_db} + arguments, input);
}

Run TestSecurityAccounts::as(const QString& user, const QStringList& arguments,
                             const QByteArray& more)
{
    return sidepctl(QStringList{u"--user"_s, user, u"--password-stdin"_s} + arguments,
                    line(Password) + more);
}

Run TestSecurityAccounts::withRecoveryKey(const QString& key, const QStringList& arguments,
                                          const QByteArray& more)
{
    return sidepctl(QStringList{u"--recovery-key-stdin"_s} + arguments, line(key) + more);
}

QString TestSecurityAccounts::resultedTube()
{
    const QString tube = validRecord(1).specimen.accession;
    const Run added =
        as(NurseName, {u"record"_s, u"add"_s, u"-"_s}, QJsonDocument(validRecordJson(1)).toJson());
    if (added.code != SidepCtl::Success)
        qWarning("record add: %s", qPrintable(added.err));
    const Run resulted =
        as(LabName, {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"N"_s});
    if (resulted.code != SidepCtl::Success)
        qWarning("result set: %s", qPrintable(resulted.err));
    return tube;
}

void TestSecurityAccounts::lockOutAfterFiveWrongPasswords()
{
    const QStringList listRecords{u"--user"_s, LabName, u"--password-stdin"_s, u"record"_s,
                                  u"list"_s};
    for (int attempt = 1; attempt < Store::DefaultMaxFailedAttempts; ++attempt) {
        const Run wrong = sidepctl(listRecords, line(WrongPassword));
        QCOMPARE(wrong.code, int(SidepCtl::AccessDenied));
        QVERIFY2(wrong.err.contains(u"%1 attempt"_s.arg(Store::DefaultMaxFailedAttempts - attempt)),
                 qPrintable(wrong.err));
    }
    Run run = sidepctl(listRecords, line(WrongPassword));
    QCOMPARE(run.code, int(SidepCtl::AccessDenied));
    QVERIFY2(run.err.contains(u"the account lab is now locked for 15 minutes"_s),
             qPrintable(run.err));

    // Locked: the right password is refused too, and so is a sixth wrong one.
    for (const QString& password : {Password, WrongPassword}) {
        run = sidepctl(listRecords, line(password));
        QCOMPARE(run.code, int(SidepCtl::AccessDenied));
        QVERIFY2(run.err.contains(u"is locked after too many wrong passwords"_s),
                 qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }
    QVERIFY2(usersTable().contains(u"lab\tlab\tlocked"_s), qPrintable(usersTable()));
    // Only that account: the nurse still signs in.
    QCOMPARE(as(NurseName, {u"record"_s, u"list"_s}).code, int(SidepCtl::Success));

    // Still locked a moment before the end of the lock-out, open once it has passed.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    edit(m_db, u"UPDATE users SET locked_until = ? WHERE name = 'lab'"_s,
         {now.addSecs(60).toString(Qt::ISODate)});
    QCOMPARE(sidepctl(listRecords, line(Password)).code, int(SidepCtl::AccessDenied));
    edit(m_db, u"UPDATE users SET locked_until = ? WHERE name = 'lab'"_s,
         {now.addSecs(-1).toString(Qt::ISODate)});
    run = sidepctl(listRecords, line(Password));
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    QVERIFY2(usersTable().contains(u"lab\tlab\tactive"_s), qPrintable(usersTable()));

    // The sign-in after the lock-out says how many attempts failed before it (those made
    // while locked are not tried, and not counted).
    run = as(AdminName, {u"audit"_s, u"list"_s});
    QVERIFY2(run.out.contains(u"\tlab\tauth.signin\t\tafter 5 failed attempts"_s),
             qPrintable(run.out));
}

// The store API refuses a policy that switches the lock-out off.
void TestSecurityAccounts::lockOutSettingsOutOfRangeAreRefused()
{
    Store admin;
    QString error;
    QVERIFY(admin.open(m_db, &error));
    QVERIFY(admin.signIn(AdminName, password(), &error));
    QStringList accepted;
    for (const auto& [key, value] : {std::pair{u"auth.maxFailedAttempts"_s, u"0"_s},
                                     {u"auth.maxFailedAttempts"_s, u"-1"_s},
                                     {u"auth.lockMinutes"_s, u"0"_s},
                                     {u"auth.lockMinutes"_s, u"-15"_s}}) {
        if (admin.setSetting(key, value, &error))
            accepted.append(key + u" = "_s + value);
    }
    QVERIFY2(accepted.isEmpty(), qPrintable(u"settings that switch the lock-out off were "
                                            "accepted: "_s +
                                            accepted.join(u", "_s)));
}

// A policy value written into the file directly neither crashes the sign-in nor lifts the
// lock-out: the default policy applies. Runs the real sidepctl, so that a crash is an exit
// status here, not the end of this test.
void TestSecurityAccounts::lockOutSurvivesAnEditedPolicy()
{
    const QString program = qEnvironmentVariable("SIDEPCTL");
    QVERIFY2(QFileInfo(program).isExecutable(), "SIDEPCTL must name the sidepctl executable");
    edit(m_db,
         u"INSERT OR REPLACE INTO meta (key, value) VALUES ('auth.maxFailedAttempts', '0')"_s);
    QString lastError;
    for (int attempt = 1; attempt <= Store::DefaultMaxFailedAttempts + 1; ++attempt) {
        QProcess process;
        process.start(program, {u"--db"_s, m_db, u"--user"_s, LabName, u"--password-stdin"_s,
                                u"record"_s, u"list"_s});
        QVERIFY(process.waitForStarted(10000));
        process.write(line(attempt <= Store::DefaultMaxFailedAttempts ? WrongPassword : Password));
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        lastError = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit,
                 qPrintable(u"sidepctl crashed (signal %1) on wrong password %2 with "
                            "auth.maxFailedAttempts = 0 in the file"_s.arg(process.exitCode())
                                .arg(attempt)));
        QCOMPARE(process.exitCode(), int(SidepCtl::AccessDenied));
    }
    // The right password after five wrong ones: still locked.
    QVERIFY2(lastError.contains(u"locked"_s), qPrintable(lastError));
}

void TestSecurityAccounts::nurseCannotEnterOrChangeResults()
{
    const QString tube = resultedTube();
    const QString otherTube = validRecord(2).specimen.accession;
    QCOMPARE(
        as(NurseName, {u"record"_s, u"add"_s, u"-"_s}, QJsonDocument(validRecordJson(2)).toJson())
            .code,
        int(SidepCtl::Success));

    const QList<QStringList> commands = {
        {u"result"_s, u"set"_s, u"--tube"_s, otherTube, u"--value"_s, u"P"_s},
        {u"result"_s, u"correct"_s, u"--tube"_s, tube, u"--value"_s, u"P"_s, u"--reason"_s,
         u"wrong tube"_s},
        {u"result"_s, u"cancel"_s, u"--tube"_s, tube, u"--reason"_s, u"wrong tube"_s},
    };
    for (const QStringList& command : commands) {
        const Run run = as(NurseName, command);
        QVERIFY2(run.code == SidepCtl::AccessDenied,
                 qPrintable(command.join(u' ') + u": "_s + run.all()));
        QVERIFY2(run.err.contains(u"the role nurse of nurse does not allow this"_s),
                 qPrintable(run.err));
    }

    // The same through the store, as the GUI would call it.
    Store nurse;
    QString error;
    QVERIFY(nurse.open(m_db, &error));
    QVERIFY(nurse.signIn(NurseName, password(), &error));
    QUuid id;
    QUuid otherId;
    QVERIFY(nurse.records()->findByTube(tube, &id, &error));
    QVERIFY(nurse.records()->findByTube(otherTube, &otherId, &error));
    ResultStore results(nurse);
    ResultStore::Entry entry;
    entry.value = u"P"_s;
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QVERIFY(!results.enter(otherId, entry, &outcome, &problems, &error));
    QVERIFY(!results.correct(id, entry, u"wrong tube"_s, &problems, &error));
    QVERIFY(!results.cancel(id, u"wrong tube"_s, &error));

    // Nothing changed: the lab still sees its negative, the version after the registration,
    // and nothing on the other record.
    Store lab;
    QVERIFY(lab.open(m_db, &error));
    QVERIFY(lab.signIn(LabName, password(), &error));
    ResultStore labResults(lab);
    ResultStore::Current current;
    QVERIFY2(labResults.current(id, &current, &error), qPrintable(error));
    QCOMPARE(current.result.value, u"N"_s);
    QCOMPARE(current.version, 2);
    QCOMPARE(current.status, RecordStatus::Resulted);
    QVERIFY2(labResults.current(otherId, &current, &error), qPrintable(error));
    QCOMPARE(current.status, RecordStatus::Sampled);
    ResultStore::PendingState pending;
    QVERIFY(labResults.pendingState(otherId, &pending, &error));
    QCOMPARE(pending.entries, 0);
}

void TestSecurityAccounts::forbiddenAccountCommands_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("moreInput");
    const QStringList add{u"user"_s, u"add"_s, u"eve"_s, u"--role"_s, u"admin"_s};
    const QStringList disable{u"user"_s, u"disable"_s, NurseName};
    const QStringList passwd{u"user"_s, u"passwd"_s, NurseName};
    const QStringList list{u"user"_s, u"list"_s};
    const QStringList rotate{u"recovery"_s, u"rotate"_s};
    const QStringList auditList{u"audit"_s, u"list"_s};
    const QString newPassword = NewPassword + u'\n';
    QTest::newRow("lab: user add") << LabName << add << newPassword;
    QTest::newRow("lab: user disable") << LabName << disable << QString();
    QTest::newRow("lab: another user's password") << LabName << passwd << newPassword;
    QTest::newRow("lab: user list") << LabName << list << QString();
    QTest::newRow("lab: recovery rotate") << LabName << rotate << QString();
    QTest::newRow("lab: audit list") << LabName << auditList << QString();
    QTest::newRow("nurse: user add") << NurseName << add << newPassword;
    QTest::newRow("nurse: user disable")
        << NurseName << QStringList{u"user"_s, u"disable"_s, LabName} << QString();
    QTest::newRow("nurse: recovery rotate") << NurseName << rotate << QString();
    // The administrator manages accounts but never reads patient data.
    QTest::newRow("admin: record show")
        << AdminName
        << QStringList{u"record"_s, u"show"_s, u"--tube"_s, validRecord(1).specimen.accession}
        << QString();
}

void TestSecurityAccounts::forbiddenAccountCommands()
{
    QFETCH(QString, user);
    QFETCH(QStringList, command);
    QFETCH(QString, moreInput);
    resultedTube();
    const QString before = usersTable();
    QCOMPARE(before.count(u'\n'), 3);

    const Run run = as(user, command, moreInput.toUtf8());
    QVERIFY2(run.code == SidepCtl::AccessDenied, qPrintable(run.all()));
    QVERIFY2(run.err.contains(u"does not allow this"_s), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(usersTable(), before);
    // The nurse's password is still hers, and the recovery key still the printed one.
    QCOMPARE(as(NurseName, {u"record"_s, u"list"_s}).code, int(SidepCtl::Success));
    QCOMPARE(withRecoveryKey(m_recoveryKey, {u"user"_s, u"list"_s}).out, before);
}

void TestSecurityAccounts::onlyAnAdministratorChangesRoles()
{
    // sidepctl has no word for it; the GUI's accounts screen calls the store.
    QString error;
    for (const QString& user : {LabName, NurseName}) {
        Store store;
        QVERIFY(store.open(m_db, &error));
        QVERIFY(store.signIn(user, password(), &error));
        QVERIFY(!store.setRole(user, Role::Admin, &error));
        QVERIFY2(error.contains(u"does not allow this"_s), qPrintable(error));
        QVERIFY(!store.setRole(AdminName, Role::Nurse, &error));
    }
    QVERIFY2(usersTable().contains(u"lab\tlab\tactive"_s), qPrintable(usersTable()));
    QVERIFY(usersTable().contains(u"nurse\tnurse\tactive"_s));
    Store admin;
    QVERIFY(admin.open(m_db, &error));
    QVERIFY(admin.signIn(AdminName, password(), &error));
    QVERIFY2(admin.setRole(LabName, Role::Nurse, &error), qPrintable(error));
    QVERIFY(usersTable().contains(u"lab\tnurse\tactive"_s));
}

void TestSecurityAccounts::disabledAccountCannotSignIn()
{
    Run run = as(AdminName, {u"user"_s, u"disable"_s, NurseName});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    QVERIFY(usersTable().contains(u"nurse\tnurse\tdisabled"_s));

    run = as(NurseName, {u"record"_s, u"list"_s});
    QCOMPARE(run.code, int(SidepCtl::AccessDenied));
    QVERIFY2(run.err.contains(u"the account nurse is disabled"_s), qPrintable(run.err));
    // Not even by editing the flag back in the file: the account's copy of the key is gone.
    edit(m_db, u"UPDATE users SET disabled = 0 WHERE name = 'nurse'"_s);
    run = as(NurseName, {u"record"_s, u"list"_s});
    QCOMPARE(run.code, int(SidepCtl::AccessDenied));
    QVERIFY(run.out.isEmpty());
    // The others are not affected.
    QCOMPARE(as(LabName, {u"record"_s, u"list"_s}).code, int(SidepCtl::Success));
}

void TestSecurityAccounts::recoveryKeyWorksAndRotates()
{
    const QStringList list{u"user"_s, u"list"_s};
    Run run = withRecoveryKey(m_recoveryKey, list);
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    QCOMPARE(run.out.count(u'\n'), 3);
    run = withRecoveryKey(u"AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"_s, list);
    QCOMPARE(run.code, int(SidepCtl::AccessDenied));
    QVERIFY2(run.err.contains(u"this recovery key does not open the store"_s), qPrintable(run.err));

    // What it is for: a forgotten password reset, which also lifts a lock-out.
    for (int attempt = 0; attempt < Store::DefaultMaxFailedAttempts; ++attempt)
        sidepctl({u"--user"_s, LabName, u"--password-stdin"_s, u"record"_s, u"list"_s},
                 line(WrongPassword));
    QVERIFY(usersTable().contains(u"lab\tlab\tlocked"_s));
    run = withRecoveryKey(m_recoveryKey, {u"user"_s, u"passwd"_s, LabName}, line(NewPassword));
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    run = sidepctl({u"--user"_s, LabName, u"--password-stdin"_s, u"record"_s, u"list"_s},
                   line(NewPassword));
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));

    // Rotated: the old key stops working, the new one works.
    run = as(AdminName, {u"recovery"_s, u"rotate"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    static const QRegularExpression key(u"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}"_s);
    const QString newKey = key.match(run.out).captured();
    QVERIFY(!newKey.isEmpty());
    QVERIFY(newKey != m_recoveryKey);
    run = withRecoveryKey(m_recoveryKey, list);
    QCOMPARE(run.code, int(SidepCtl::AccessDenied));
    QVERIFY2(run.err.contains(u"this recovery key does not open the store"_s), qPrintable(run.err));
    run = withRecoveryKey(newKey, list);
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    QCOMPARE(run.out.count(u'\n'), 3);

    // Each use is in the audit log under "recovery".
    run = as(AdminName, {u"audit"_s, u"list"_s});
    QVERIFY(run.out.count(u"\trecovery\tauth.recovery\t"_s) >= 3);
    QVERIFY2(run.out.contains(u"\tadmin\trecovery.rotate\t"_s), qPrintable(run.out));
    QVERIFY(run.out.contains(u"\trecovery\tuser.password\t\tuser lab"_s));
}

QTEST_GUILESS_MAIN(TestSecurityAccounts)
#include "TestSecurityAccounts.moc"
