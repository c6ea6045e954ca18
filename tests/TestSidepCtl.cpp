#include "Identifiers.h"
#include "SidepCtl.h"
#include "SidepCtlRun.h"
#include "Store.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

// What one sidepctl invocation left behind: its exit code and what it wrote.
using Run = SidepCtlRun;

const QRegularExpression RecoveryKeyPattern(u"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}"_s);
const QRegularExpression
    UuidLine(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);

QByteArray line(const QString& text)
{
    return text.toUtf8() + '\n';
}

QByteArray json(const QJsonValue& value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson()
                           : QJsonDocument(value.toObject()).toJson();
}

QStringList lines(const QString& text)
{
    return text.split(u'\n', Qt::SkipEmptyParts);
}

// Sets `path` (dotted) inside a JSON object, creating the objects on the way; an undefined
// value removes the key.
void setPath(QJsonObject* object, const QString& path, const QJsonValue& value)
{
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        if (value.isUndefined())
            object->remove(path);
        else
            object->insert(path, value);
        return;
    }
    const QString head = path.left(dot);
    QJsonObject child = object->value(head).toObject();
    setPath(&child, path.mid(dot + 1), value);
    object->insert(head, child);
}

// The record as `record show` should print it: the input (validRecordJson(index), which
// is kept because its sampling time is "now") with the canonical forms the validator
// writes back.
QJsonObject expectedShown(const QJsonObject& input, int index)
{
    QJsonObject expected = input;
    setPath(&expected, u"contact.mobilePhone"_s,
            QString(u"+33"_s + identifyingStrings(index).at(3)));
    setPath(&expected, u"status"_s, u"sampled"_s);
    return expected;
}

// Every key and value of `expected` is in `actual` (which may hold more: defaults).
void compareLeaves(const QJsonValue& expected, const QJsonValue& actual, const QString& path)
{
    if (expected.isObject()) {
        QVERIFY2(actual.isObject(), qPrintable(path + u" is not an object"_s));
        const QJsonObject expectedObject = expected.toObject();
        const QJsonObject actualObject = actual.toObject();
        for (auto it = expectedObject.constBegin(); it != expectedObject.constEnd(); ++it) {
            const QString key = path.isEmpty() ? it.key() : path + u'.' + it.key();
            QVERIFY2(actualObject.contains(it.key()), qPrintable(key + u" is missing"_s));
            compareLeaves(it.value(), actualObject.value(it.key()), key);
            if (QTest::currentTestFailed())
                return;
        }
        return;
    }
    QVERIFY2(expected == actual,
             qPrintable(u"%1: expected %2, got %3"_s.arg(
                 path, QString::fromUtf8(QJsonDocument(QJsonArray{expected}).toJson()),
                 QString::fromUtf8(QJsonDocument(QJsonArray{actual}).toJson()))));
}

// True when one line of `text` names the field and ends with the rule id.
bool listsProblem(const QString& text, const QString& field, const QString& rule)
{
    const QStringList all = lines(text);
    return std::any_of(all.cbegin(), all.cend(), [&](const QString& each) {
        return each.contains(field + u": "_s) && each.endsWith(u"["_s + rule + u"]"_s);
    });
}

} // namespace

// sidepctl run in-process, as a script would run it: every command, its exit code and what
// it prints on standard output and standard error.
class TestSidepCtl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void initPrintsRecoveryKeyOnce();
    void initRefusesExistingStore();
    void initChecksItsInput_data();
    void initChecksItsInput();
    void userAddListDisable();
    void userAddRefuses_data();
    void userAddRefuses();
    void userPasswd();
    void roleRules_data();
    void roleRules();
    void wrongPasswordIsCountedAndLocks();
    void recoveryKeySignsInAndResetsPassword();
    void recoveryRotateRetiresOldKey();
    void recordAddShowExport_data();
    void recordAddShowExport();
    void recordAddBatchIsAllOrNothing();
    void recordRefusedListsEveryProblem_data();
    void recordRefusedListsEveryProblem();
    void recordAddRefusesInputThatIsNotARecord_data();
    void recordAddRefusesInputThatIsNotARecord();
    void warningsNeedAcceptWarnings();
    void duplicateTubeLabelIsRefused();
    void recordList();
    void recordShowNotFound_data();
    void recordShowNotFound();
    void check_data();
    void check();
    void dbVerify();
    void auditVerifyAndList();
    void stats();
    void usageErrors_data();
    void usageErrors();
    void dbOptionWithEqualsSign();

private:
    // Signs in as `user` with --password-stdin; `input` follows the password line.
    Run as(const QString& user, const QStringList& arguments, const QByteArray& input = {},
           const QString& password = Password);
    // Adds records (JSON on standard input) as the nurse.
    Run addRecords(const QJsonValue& records, const QStringList& options = {});
    int recordCount();
    Account account(const QString& name);

    QTemporaryDir m_home;
    std::unique_ptr<StoreFixture> m_fixture;
    QString m_db;
};

void TestSidepCtl::initTestCase()
{
    // sidepctl prompts (and asks a new password twice) when standard input is a terminal;
    // these tests are scripts, whatever terminal they are started from.
    QVERIFY(std::freopen("/dev/null", "r", stdin) != nullptr);
    // No test may reach the default store of the account running the tests.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    qputenv("SIDEP_DB", QFile::encodeName(m_home.filePath(u"default-store-must-not-exist.db"_s)));
}

void TestSidepCtl::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->isValid());
    m_db = m_fixture->path();
}

void TestSidepCtl::cleanup()
{
    m_fixture.reset();
    QVERIFY(!QFile::exists(m_home.filePath(u"default-store-must-not-exist.db"_s)));
}

Run TestSidepCtl::as(const QString& user, const QStringList& arguments, const QByteArray& input,
                     const QString& password)
{
    return runSidepCtl(QStringList{u"--db"_s, m_db, u"--user"_s, user, u"--password-stdin"_s} +
                           arguments,
                       line(password) + input);
}

Run TestSidepCtl::addRecords(const QJsonValue& records, const QStringList& options)
{
    return as(NurseName, QStringList{u"record"_s, u"add"_s, u"-"_s} + options, json(records));
}

int TestSidepCtl::recordCount()
{
    const Run run = as(NurseName, {u"record"_s, u"list"_s});
    if (run.code != 0)
        return -1;
    return int(lines(run.out).size());
}

Account TestSidepCtl::account(const QString& name)
{
    Store store;
    QString error;
    if (!store.open(m_db, &error))
        return {};
    const QList<Account> accounts = store.users();
    for (const Account& each : accounts) {
        if (each.name == name)
            return each;
    }
    return {};
}

void TestSidepCtl::initPrintsRecoveryKeyOnce()
{
    const QString db = m_home.filePath(u"new/site.db"_s);
    const Run created = runSidepCtl({u"--db"_s, db, u"--password-stdin"_s, u"init"_s,
                                     u"--site-finess"_s, SiteFiness, u"--admin"_s, u"chief"_s},
                                    line(Password));
    QCOMPARE(created.code, 0);
    QVERIFY2(created.err.isEmpty(), qPrintable(created.err));
    QVERIFY(QFile::exists(db));

    // Printed exactly once, and on standard output only.
    auto matches = RecoveryKeyPattern.globalMatch(created.out);
    QVERIFY(matches.hasNext());
    const QString recoveryKey = matches.next().captured();
    QVERIFY(!matches.hasNext());
    QCOMPARE(created.out.count(recoveryKey), 1);

    // The administrator signs in; nothing afterwards prints the key again.
    m_db = db;
    const Run listed = as(u"chief"_s, {u"user"_s, u"list"_s});
    QCOMPARE(listed.code, 0);
    QCOMPARE(lines(listed.out), QStringList{u"chief\tadmin\tactive"_s});
    QVERIFY(!listed.out.contains(recoveryKey) && !listed.err.contains(recoveryKey));

    // The printed key is the one that opens the store.
    const Run recovered = runSidepCtl(
        {u"--db"_s, db, u"--recovery-key-stdin"_s, u"user"_s, u"list"_s}, line(recoveryKey));
    QCOMPARE(recovered.code, 0);
    QVERIFY(!recovered.out.contains(recoveryKey));
}

void TestSidepCtl::initRefusesExistingStore()
{
    const QByteArray before = [&] {
        QFile file(m_db);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    const Run again = runSidepCtl({u"--db"_s, m_db, u"--password-stdin"_s, u"init"_s,
                                   u"--site-finess"_s, SiteFiness, u"--admin"_s, u"intruder"_s},
                                  line(u"another long password"_s));
    QVERIFY(again.code != 0);
    QVERIFY(again.err.contains(u"already exists"_s));
    QCOMPARE(lines(again.err).size(), 1);
    QVERIFY(!RecoveryKeyPattern.match(again.out).hasMatch());

    // The existing store is untouched: same accounts, same passwords, same recovery key.
    QFile file(m_db);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    const Run listed = as(AdminName, {u"user"_s, u"list"_s});
    QCOMPARE(listed.code, 0);
    QVERIFY(!listed.out.contains(u"intruder"_s));
    QCOMPARE(runSidepCtl({u"--db"_s, m_db, u"--recovery-key-stdin"_s, u"user"_s, u"list"_s},
                         line(m_fixture->recoveryKey()))
                 .code,
             0);
    QVERIFY(as(u"intruder"_s, {u"user"_s, u"list"_s}, {}, u"another long password"_s).code != 0);
}

void TestSidepCtl::initChecksItsInput_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("expectedCode");

    const QStringList good = {u"--site-finess"_s, SiteFiness, u"--admin"_s, u"chief"_s};
    QTest::newRow("valid") << good << line(Password) << 0;
    QTest::newRow("12 characters is enough") << good << line(u"twelve chars"_s) << 0;
    QTest::newRow("11 characters is too short") << good << line(u"eleven char"_s) << 1;
    QTest::newRow("11 accented characters is too short") << good << line(u"ééééééééééé"_s) << 1;
    QTest::newRow("no password") << good << QByteArray() << 1;
    QTest::newRow("FINESS key wrong")
        << QStringList{u"--site-finess"_s, u"750712185"_s, u"--admin"_s, u"chief"_s}
        << line(Password) << 1;
    QTest::newRow("FINESS too short")
        << QStringList{u"--site-finess"_s, u"75071218"_s, u"--admin"_s, u"chief"_s}
        << line(Password) << 1;
    QTest::newRow("bad admin name")
        << QStringList{u"--site-finess"_s, SiteFiness, u"--admin"_s, u"Chief Nurse"_s}
        << line(Password) << 1;
    QTest::newRow("no --admin") << QStringList{u"--site-finess"_s, SiteFiness} << line(Password)
                                << 2;
    QTest::newRow("no --site-finess")
        << QStringList{u"--admin"_s, u"chief"_s} << line(Password) << 2;
}

void TestSidepCtl::initChecksItsInput()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, input);
    QFETCH(int, expectedCode);

    const QString db = m_home.filePath(u"%1.db"_s.arg(QUuid::createUuid().toString(QUuid::Id128)));
    const Run run =
        runSidepCtl(QStringList{u"--db"_s, db, u"--password-stdin"_s, u"init"_s} + options, input);
    QCOMPARE(run.code, expectedCode);
    if (expectedCode == 0) {
        QVERIFY(RecoveryKeyPattern.match(run.out).hasMatch());
        return;
    }
    QVERIFY(!QFile::exists(db));
    QVERIFY(run.err.startsWith(u"sidepctl: "_s));
    QVERIFY(!RecoveryKeyPattern.match(run.out).hasMatch());
    if (expectedCode == 1)
        QCOMPARE(lines(run.err).size(), 1);
}

void TestSidepCtl::userAddListDisable()
{
    // The new user's password is the line after the administrator's.
    const Run added = as(AdminName, {u"user"_s, u"add"_s, u"bob"_s, u"--role"_s, u"nurse"_s},
                         line(u"bob's own password"_s));
    QCOMPARE(added.code, 0);
    QVERIFY(added.err.isEmpty());
    QCOMPARE(as(u"bob"_s, {u"record"_s, u"list"_s}, {}, u"bob's own password"_s).code, 0);

    const Run listed = as(AdminName, {u"user"_s, u"list"_s});
    QCOMPARE(listed.code, 0);
    QCOMPARE(lines(listed.out), (QStringList{u"admin\tadmin\tactive"_s, u"bob\tnurse\tactive"_s,
                                             u"lab\tlab\tactive"_s, u"nurse\tnurse\tactive"_s}));

    QCOMPARE(as(AdminName, {u"user"_s, u"disable"_s, u"bob"_s}).code, 0);
    QVERIFY(as(AdminName, {u"user"_s, u"list"_s}).out.contains(u"bob\tnurse\tdisabled"_s));
    const Run refused = as(u"bob"_s, {u"record"_s, u"list"_s}, {}, u"bob's own password"_s);
    QCOMPARE(refused.code, 4);
    QVERIFY(refused.err.contains(u"disabled"_s));
    QCOMPARE(lines(refused.err).size(), 1);
    QVERIFY(refused.out.isEmpty());

    QCOMPARE(as(AdminName, {u"user"_s, u"disable"_s, u"nobody"_s}).code, 5);
    // The last way in must not be closed by mistake.
    QCOMPARE(as(AdminName, {u"user"_s, u"disable"_s, AdminName}).code, 4);
    QCOMPARE(as(AdminName, {u"user"_s, u"list"_s}).code, 0);
}

void TestSidepCtl::userAddRefuses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("newPassword");
    QTest::addColumn<int>("expectedCode");

    QTest::newRow("short password")
        << QStringList{u"user"_s, u"add"_s, u"bob"_s, u"--role"_s, u"lab"_s} << line(u"short"_s)
        << 1;
    QTest::newRow("guessable password")
        << QStringList{u"user"_s, u"add"_s, u"bob"_s, u"--role"_s, u"lab"_s}
        << line(u"password1234"_s) << 1;
    QTest::newRow("no password line")
        << QStringList{u"user"_s, u"add"_s, u"bob"_s, u"--role"_s, u"lab"_s} << QByteArray() << 1;
    QTest::newRow("bad name") << QStringList{u"user"_s, u"add"_s, u"Bob!"_s, u"--role"_s, u"lab"_s}
                              << line(Password) << 1;
    QTest::newRow("name taken") << QStringList{u"user"_s, u"add"_s, NurseName, u"--role"_s,
                                               u"lab"_s}
                                << line(Password) << 4;
    QTest::newRow("unknown role") << QStringList{u"user"_s, u"add"_s, u"bob"_s, u"--role"_s,
                                                 u"doctor"_s}
                                  << line(Password) << 2;
    QTest::newRow("no role") << QStringList{u"user"_s, u"add"_s, u"bob"_s} << line(Password) << 2;
}

void TestSidepCtl::userAddRefuses()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, newPassword);
    QFETCH(int, expectedCode);

    const Run run = as(AdminName, arguments, newPassword);
    QCOMPARE(run.code, expectedCode);
    QVERIFY(run.err.startsWith(u"sidepctl: "_s));
    const Run listed = as(AdminName, {u"user"_s, u"list"_s});
    QCOMPARE(lines(listed.out).size(), 3);
    QCOMPARE(account(NurseName).role, Role::Nurse);
}

void TestSidepCtl::userPasswd()
{
    const QString changed = u"a brand new password"_s;
    QCOMPARE(as(AdminName, {u"user"_s, u"passwd"_s, NurseName}, line(changed)).code, 0);
    QCOMPARE(as(NurseName, {u"record"_s, u"list"_s}).code, 4);
    QCOMPARE(as(NurseName, {u"record"_s, u"list"_s}, {}, changed).code, 0);

    // A user changes their own password, not somebody else's.
    QCOMPARE(as(LabName, {u"user"_s, u"passwd"_s, LabName}, line(changed)).code, 0);
    QCOMPARE(as(LabName, {u"record"_s, u"list"_s}, {}, changed).code, 0);
    QCOMPARE(
        as(LabName, {u"user"_s, u"passwd"_s, NurseName}, line(u"stolen password"_s), changed).code,
        4);
    QCOMPARE(as(NurseName, {u"record"_s, u"list"_s}, {}, changed).code, 0);

    QCOMPARE(as(AdminName, {u"user"_s, u"passwd"_s, NurseName}, line(u"short"_s)).code, 1);
    QCOMPARE(as(AdminName, {u"user"_s, u"passwd"_s, u"nobody"_s}, line(changed)).code, 5);
}

void TestSidepCtl::roleRules_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");

    const QByteArray record = json(validRecordJson(7));
    QTest::newRow("nurse adds a user")
        << NurseName << QStringList{u"user"_s, u"add"_s, u"bob"_s, u"--role"_s, u"admin"_s}
        << line(Password);
    QTest::newRow("lab adds a user")
        << LabName << QStringList{u"user"_s, u"add"_s, u"bob"_s, u"--role"_s, u"nurse"_s}
        << line(Password);
    QTest::newRow("nurse lists users")
        << NurseName << QStringList{u"user"_s, u"list"_s} << QByteArray();
    QTest::newRow("nurse disables a user")
        << NurseName << QStringList{u"user"_s, u"disable"_s, LabName} << QByteArray();
    QTest::newRow("nurse rotates the recovery key")
        << NurseName << QStringList{u"recovery"_s, u"rotate"_s} << QByteArray();
    QTest::newRow("nurse lists the audit log")
        << NurseName << QStringList{u"audit"_s, u"list"_s} << QByteArray();
    QTest::newRow("lab adds a record")
        << LabName << QStringList{u"record"_s, u"add"_s, u"-"_s} << record;
    QTest::newRow("admin adds a record")
        << AdminName << QStringList{u"record"_s, u"add"_s, u"-"_s} << record;
    QTest::newRow("admin lists records")
        << AdminName << QStringList{u"record"_s, u"list"_s} << QByteArray();
}

void TestSidepCtl::roleRules()
{
    QFETCH(QString, user);
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);

    const Run run = as(user, arguments, input);
    QCOMPARE(run.code, 4);
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.startsWith(u"sidepctl: "_s));
    QCOMPARE(lines(run.err).size(), 1);

    // Nothing happened.
    QCOMPARE(lines(as(AdminName, {u"user"_s, u"list"_s}).out).size(), 3);
    QVERIFY(!account(LabName).disabled);
    QCOMPARE(recordCount(), 0);
    QCOMPARE(runSidepCtl({u"--db"_s, m_db, u"--recovery-key-stdin"_s, u"user"_s, u"list"_s},
                         line(m_fixture->recoveryKey()))
                 .code,
             0);
}

void TestSidepCtl::wrongPasswordIsCountedAndLocks()
{
    const QString wrong = u"not the right password"_s;
    // A right password after wrong ones starts the count again.
    QCOMPARE(as(NurseName, {u"record"_s, u"list"_s}, {}, wrong).code, 4);
    QCOMPARE(account(NurseName).failedAttempts, 1);
    QCOMPARE(as(NurseName, {u"record"_s, u"list"_s}).code, 0);
    QCOMPARE(account(NurseName).failedAttempts, 0);

    for (int attempt = 1; attempt <= Store::DefaultMaxFailedAttempts; ++attempt) {
        const Run run = as(NurseName, {u"record"_s, u"list"_s}, {}, wrong);
        QCOMPARE(run.code, 4);
        QCOMPARE(lines(run.err).size(), 1);
        QVERIFY(!run.err.contains(wrong));
        QCOMPARE(account(NurseName).failedAttempts, attempt);
    }
    QVERIFY(account(NurseName).lockedUntil > QDateTime::currentDateTimeUtc());

    // Locked: even the right password is refused, and says why.
    const Run locked = as(NurseName, {u"record"_s, u"list"_s});
    QCOMPARE(locked.code, 4);
    QVERIFY(locked.err.contains(u"locked"_s));
    QVERIFY(as(AdminName, {u"user"_s, u"list"_s}).out.contains(u"nurse\tnurse\tlocked"_s));
    // Other accounts are not affected.
    QCOMPARE(as(LabName, {u"record"_s, u"list"_s}).code, 0);

    // An administrator setting a new password unlocks the account.
    QCOMPARE(as(AdminName, {u"user"_s, u"passwd"_s, NurseName}, line(u"after the lock out"_s)).code,
             0);
    QCOMPARE(as(NurseName, {u"record"_s, u"list"_s}, {}, u"after the lock out"_s).code, 0);
}

void TestSidepCtl::recoveryKeySignsInAndResetsPassword()
{
    // Locked out, the administrator forgot the password: the recovery key resets it.
    const QString fresh = u"recovered and renewed"_s;
    const Run reset =
        runSidepCtl({u"--db"_s, m_db, u"--recovery-key-stdin"_s, u"user"_s, u"passwd"_s, AdminName},
                    line(m_fixture->recoveryKey()) + line(fresh));
    QCOMPARE(reset.code, 0);
    QCOMPARE(as(AdminName, {u"user"_s, u"list"_s}).code, 4);
    QCOMPARE(as(AdminName, {u"user"_s, u"list"_s}, {}, fresh).code, 0);

    // Typed in lower case without dashes, it still works; a wrong one does not.
    QString typed = m_fixture->recoveryKey().toLower();
    typed.remove(u'-');
    QCOMPARE(
        runSidepCtl({u"--db"_s, m_db, u"--recovery-key-stdin"_s, u"user"_s, u"list"_s}, line(typed))
            .code,
        0);
    QString wrong = m_fixture->recoveryKey();
    wrong[0] = wrong[0] == u'A' ? u'B' : u'A';
    const Run refused = runSidepCtl(
        {u"--db"_s, m_db, u"--recovery-key-stdin"_s, u"user"_s, u"list"_s}, line(wrong));
    QCOMPARE(refused.code, 4);
    QCOMPARE(lines(refused.err).size(), 1);
}

void TestSidepCtl::recoveryRotateRetiresOldKey()
{
    const QString oldKey = m_fixture->recoveryKey();
    const Run rotated = as(AdminName, {u"recovery"_s, u"rotate"_s});
    QCOMPARE(rotated.code, 0);
    const QRegularExpressionMatch match = RecoveryKeyPattern.match(rotated.out);
    QVERIFY(match.hasMatch());
    const QString newKey = match.captured();
    QVERIFY(newKey != oldKey);

    auto withKey = [&](const QString& key) {
        return runSidepCtl({u"--db"_s, m_db, u"--recovery-key-stdin"_s, u"user"_s, u"list"_s},
                           line(key))
            .code;
    };
    QCOMPARE(withKey(oldKey), 4);
    QCOMPARE(withKey(newKey), 0);
    // Rotating from a recovery session works too, and retires the key it signed in with.
    const Run again = runSidepCtl(
        {u"--db"_s, m_db, u"--recovery-key-stdin"_s, u"recovery"_s, u"rotate"_s}, line(newKey));
    QCOMPARE(again.code, 0);
    QCOMPARE(withKey(newKey), 4);
    QCOMPARE(withKey(RecoveryKeyPattern.match(again.out).captured()), 0);
}

void TestSidepCtl::recordAddShowExport_data()
{
    QTest::addColumn<bool>("fromFile");
    QTest::newRow("from a file") << true;
    QTest::newRow("from standard input") << false;
}

void TestSidepCtl::recordAddShowExport()
{
    QFETCH(bool, fromFile);
    const int index = 3;
    const QJsonObject input = validRecordJson(index);

    Run added;
    if (fromFile) {
        const QString path = m_fixture->folder() + u"/record.json"_s;
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json(input));
        file.close();
        added = as(NurseName, {u"record"_s, u"add"_s, path});
    } else {
        added = addRecords(input);
    }
    QCOMPARE(added.code, 0);
    QVERIFY2(added.err.isEmpty(), qPrintable(added.err));
    QCOMPARE(lines(added.out).size(), 1);
    const QString id = lines(added.out).first();
    QVERIFY2(UuidLine.match(id).hasMatch(), qPrintable(id));

    QJsonObject expected = expectedShown(input, index);
    expected.insert(u"id"_s, id);
    const QString tube = input.value(u"specimen"_s)[u"accession"_s].toString();

    // By id and by tube label, for the nurse and the lab; the export is the same JSON.
    const QList<QPair<QString, QStringList>> views = {
        {NurseName, {u"record"_s, u"show"_s, id}},
        {LabName, {u"record"_s, u"show"_s, u"--tube"_s, tube}},
        {NurseName, {u"record"_s, u"export"_s, id, u"--format"_s, u"json"_s}},
    };
    for (const auto& [user, arguments] : views) {
        const Run shown = as(user, arguments);
        QCOMPARE(shown.code, 0);
        QVERIFY(shown.err.isEmpty());
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(shown.out.toUtf8(), &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QVERIFY(document.isObject());
        compareLeaves(expected, document.object(), {});
        if (QTest::currentTestFailed())
            return;
        // Defaults the validator fills in are shown too.
        QCOMPARE(document.object().value(u"patient"_s)[u"identityStatus"_s].toString(),
                 u"provisional"_s);
    }

    // The export is audited, by record id and never by name.
    const Run audit = as(AdminName, {u"audit"_s, u"list"_s});
    QCOMPARE(audit.code, 0);
    const QStringList auditLines = lines(audit.out);
    QVERIFY(std::any_of(auditLines.cbegin(), auditLines.cend(), [&](const QString& each) {
        return each.contains(u"record.export"_s) && each.contains(id);
    }));
    for (const QString& identifying : identifyingStrings(index))
        QVERIFY(!audit.out.contains(identifying));
}

void TestSidepCtl::recordAddBatchIsAllOrNothing()
{
    // One bad record in the middle: nothing is saved and its problems are numbered.
    QJsonObject bad = validRecordJson(2);
    setPath(&bad, u"patient.sex"_s, u"X"_s);
    const Run refused = addRecords(QJsonArray{validRecordJson(1), bad, validRecordJson(3)});
    QCOMPARE(refused.code, 1);
    QVERIFY(refused.out.isEmpty());
    QVERIFY(listsProblem(refused.err, u"patient.sex"_s, u"value"_s));
    QVERIFY(refused.err.contains(u"record 2: error: patient.sex"_s));
    QVERIFY(!refused.err.contains(u"record 1:"_s));
    QCOMPARE(recordCount(), 0);
    const QString firstTube = validRecordJson(1).value(u"specimen"_s)[u"accession"_s].toString();
    QCOMPARE(as(NurseName, {u"record"_s, u"show"_s, u"--tube"_s, firstTube}).code, 5);

    // All good: all saved, one id a line in order.
    const QJsonArray inputs = {validRecordJson(1), validRecordJson(2), validRecordJson(3)};
    const Run saved = addRecords(inputs);
    QCOMPARE(saved.code, 0);
    const QStringList ids = lines(saved.out);
    QCOMPARE(ids.size(), 3);
    for (int i = 0; i < ids.size(); ++i) {
        const Run shown = as(NurseName, {u"record"_s, u"show"_s, ids.at(i)});
        QCOMPARE(shown.code, 0);
        QJsonObject expected = expectedShown(inputs.at(i).toObject(), i + 1);
        expected.insert(u"id"_s, ids.at(i));
        compareLeaves(expected, QJsonDocument::fromJson(shown.out.toUtf8()).object(), {});
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(recordCount(), 3);
}

void TestSidepCtl::recordRefusedListsEveryProblem_data()
{
    QTest::addColumn<QJsonObject>("record");
    QTest::addColumn<QStringList>("expected"); // "field rule" pairs

    const QString future =
        QDateTime::currentDateTimeUtc().addDays(1).toOffsetFromUtc(3600).toString(Qt::ISODate);
    // A NIR key is 01 to 97: 99 is always wrong.
    const QString wrongKeyNir = identifyingStrings(5).at(4).left(13) + u"99"_s;

    QJsonObject rules = validRecordJson(5);
    setPath(&rules, u"patient.sex"_s, u"X"_s);
    setPath(&rules, u"patient.birthDate"_s, u"1995-02-30"_s);
    setPath(&rules, u"patient.openingRightsNir"_s, wrongKeyNir);
    setPath(&rules, u"contact.email"_s, u"not-an-address"_s);
    setPath(&rules, u"contact.mobilePhone"_s, u"0112345678"_s);
    rules.remove(u"residence"_s);
    setPath(&rules, u"symptomOnset"_s, u"asymptomatic"_s);
    setPath(&rules, u"prescriber.rpps"_s, u"10100710367"_s);
    setPath(&rules, u"specimen.finess"_s, u"750712185"_s);
    setPath(&rules, u"specimen.collectedAt"_s, future);
    QTest::newRow("rules and formats") << rules
                                       << QStringList{u"patient.sex value"_s,
                                                      u"patient.birthDate date.invalid"_s,
                                                      u"patient.openingRightsNir nir.key"_s,
                                                      u"contact.email email.format"_s,
                                                      u"contact.mobilePhone phone.notMobile"_s,
                                                      u"residence required"_s,
                                                      u"symptoms symptoms.asymptomatic"_s,
                                                      u"prescriber.rpps rpps.key"_s,
                                                      u"specimen.finess finess.key"_s,
                                                      u"specimen.collectedAt datetime.future"_s};

    QJsonObject required = validRecordJson(5);
    required.remove(u"patient"_s);
    required.remove(u"specimen"_s);
    required.remove(u"healthProfessional"_s);
    QTest::newRow("required fields") << required
                                     << QStringList{u"patient.birthName required.name"_s,
                                                    u"patient.firstNames required"_s,
                                                    u"patient.sex required"_s,
                                                    u"patient.birthDate required"_s,
                                                    u"healthProfessional required"_s,
                                                    u"specimen.accession required"_s,
                                                    u"specimen.collectedAt required"_s,
                                                    u"specimen.finess required"_s};

    // Keys that cannot be read do not hide the rules broken elsewhere.
    QJsonObject keys = validRecordJson(5);
    setPath(&keys, u"patient.nickname"_s, u"Zaza"_s);
    setPath(&keys, u"healthProfessional"_s, u"no"_s);
    setPath(&keys, u"colour"_s, u"blue"_s);
    setPath(&keys, u"patient.ins"_s, wrongKeyNir);
    setPath(&keys, u"specimen.finess"_s, u"750712185"_s);
    QTest::newRow("unknown keys and wrong types with rules")
        << keys
        << QStringList{u"patient.nickname unknown"_s, u"colour unknown"_s,
                       u"healthProfessional type"_s, u"patient.ins nir.key"_s,
                       u"specimen.finess finess.key"_s};
}

void TestSidepCtl::recordRefusedListsEveryProblem()
{
    QFETCH(QJsonObject, record);
    QFETCH(QStringList, expected);

    const Run run = addRecords(record);
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());
    for (const QString& pair : std::as_const(expected)) {
        const QStringList parts = pair.split(u' ');
        QVERIFY2(listsProblem(run.err, parts.at(0), parts.at(1)),
                 qPrintable(pair + u" not listed in:\n"_s + run.err));
    }
    // One line a problem, plus the verdict.
    const QStringList errLines = lines(run.err);
    QVERIFY(errLines.last().startsWith(u"sidepctl: not saved"_s));
    for (const QString& each : errLines.mid(0, errLines.size() - 1))
        QVERIFY2(each.startsWith(u"error: "_s) || each.startsWith(u"warning: "_s),
                 qPrintable(each));
    // Messages name the field, never its value.
    for (const QString& identifying : identifyingStrings(5))
        QVERIFY(!run.err.contains(identifying));
    QVERIFY(!run.err.contains(u"not-an-address"_s));
    QVERIFY(!run.err.contains(u"Zaza"_s));
    QCOMPARE(recordCount(), 0);

    // Not even --accept-warnings saves a record with errors.
    QCOMPARE(addRecords(record, {u"--accept-warnings"_s}).code, 1);
    QCOMPARE(recordCount(), 0);
}

void TestSidepCtl::recordAddRefusesInputThatIsNotARecord_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("patient: Zorglub");
    QTest::newRow("truncated") << json(validRecordJson(1)).left(100);
    QTest::newRow("array of strings") << QByteArray(R"(["a"])");
    QTest::newRow("number") << QByteArray("42");
}

void TestSidepCtl::recordAddRefusesInputThatIsNotARecord()
{
    QFETCH(QByteArray, input);
    const Run run = as(NurseName, {u"record"_s, u"add"_s, u"-"_s}, input);
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY(!run.err.isEmpty());
    QCOMPARE(recordCount(), 0);

    QCOMPARE(as(NurseName, {u"record"_s, u"add"_s, m_fixture->folder() + u"/missing.json"_s}).code,
             5);

    // A device claims to be empty and never ends: refused once past the limit, not read whole.
    const Run endless = as(NurseName, {u"record"_s, u"add"_s, u"/dev/zero"_s});
    QCOMPARE(endless.code, 1);
    QVERIFY2(endless.err.contains(u"split it"_s), qPrintable(endless.err));
    QCOMPARE(recordCount(), 0);
}

void TestSidepCtl::warningsNeedAcceptWarnings()
{
    QJsonObject record = validRecordJson(4);
    QJsonObject contact = record.value(u"contact"_s).toObject();
    contact.remove(u"address"_s);
    record.insert(u"contact"_s, contact);
    const QStringList warned = {u"contact.address.lines"_s, u"contact.address.postalCode"_s,
                                u"contact.address.city"_s};

    const Run refused = addRecords(record);
    QCOMPARE(refused.code, 1);
    QVERIFY(refused.out.isEmpty());
    for (const QString& field : warned) {
        QVERIFY2(listsProblem(refused.err, field, u"recommended"_s), qPrintable(refused.err));
        QVERIFY(refused.err.contains(u"warning: "_s + field));
    }
    QVERIFY(!refused.err.contains(u"error: "_s));
    QVERIFY(refused.err.contains(u"--accept-warnings"_s));
    QCOMPARE(recordCount(), 0);

    const Run saved = addRecords(record, {u"--accept-warnings"_s});
    QCOMPARE(saved.code, 0);
    QCOMPARE(lines(saved.out).size(), 1);
    for (const QString& field : warned)
        QVERIFY2(listsProblem(saved.err, field, u"recommended"_s), qPrintable(saved.err));
    QCOMPARE(recordCount(), 1);
    const Run shown = as(NurseName, {u"record"_s, u"show"_s, lines(saved.out).first()});
    QCOMPARE(shown.code, 0);
    QVERIFY(!QJsonDocument::fromJson(shown.out.toUtf8())
                 .object()
                 .value(u"contact"_s)
                 .toObject()
                 .contains(u"address"_s));
}

void TestSidepCtl::duplicateTubeLabelIsRefused()
{
    QCOMPARE(addRecords(validRecordJson(1)).code, 0);

    // Another patient, the same tube label (with spaces around it).
    QJsonObject other = validRecordJson(2);
    setPath(&other, u"specimen.accession"_s,
            QString(u"  "_s + validRecordJson(1).value(u"specimen"_s)[u"accession"_s].toString()));
    const Run refused = addRecords(other);
    QCOMPARE(refused.code, 1);
    QVERIFY(listsProblem(refused.err, u"specimen.accession"_s, u"accession.duplicate"_s));
    QCOMPARE(addRecords(other, {u"--accept-warnings"_s}).code, 1);

    // Twice in one batch.
    QJsonObject third = validRecordJson(3);
    setPath(&third, u"specimen.accession"_s, u"SAME-TUBE-01"_s);
    QJsonObject fourth = validRecordJson(4);
    setPath(&fourth, u"specimen.accession"_s, u"SAME-TUBE-01"_s);
    const Run batch = addRecords(QJsonArray{third, fourth});
    QCOMPARE(batch.code, 1);
    QVERIFY(batch.err.contains(u"record 2: error: specimen.accession"_s));
    QVERIFY(listsProblem(batch.err, u"specimen.accession"_s, u"accession.duplicate"_s));
    QCOMPARE(recordCount(), 1);
}

void TestSidepCtl::recordList()
{
    QCOMPARE(as(NurseName, {u"record"_s, u"list"_s}).out, QString());
    QStringList ids;
    QList<QJsonObject> inputs;
    for (int index : {11, 12, 13}) {
        inputs.append(validRecordJson(index));
        const Run added = addRecords(inputs.last());
        QCOMPARE(added.code, 0);
        ids.append(lines(added.out).first());
    }

    const Run listed = as(LabName, {u"record"_s, u"list"_s});
    QCOMPARE(listed.code, 0);
    const QStringList rows = lines(listed.out);
    QCOMPARE(rows.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject specimen = inputs.at(i).value(u"specimen"_s).toObject();
        const QString expected = ids.at(i) + u'\t' + specimen.value(u"accession"_s).toString() +
                                 u"\tsampled\t"_s + specimen.value(u"collectedAt"_s).toString();
        QVERIFY2(rows.contains(expected), qPrintable(expected + u"\nnot in\n"_s + listed.out));
    }
    // A list shows tube labels, never names.
    for (int index : {11, 12, 13}) {
        for (const QString& identifying : identifyingStrings(index))
            QVERIFY(!listed.out.contains(identifying));
    }

    QCOMPARE(as(NurseName, {u"record"_s, u"list"_s, u"--status"_s, u"sampled"_s}).out, listed.out);
    const Run resulted = as(NurseName, {u"record"_s, u"list"_s, u"--status"_s, u"resulted"_s});
    QCOMPARE(resulted.code, 0);
    QVERIFY(resulted.out.isEmpty());
    QCOMPARE(as(NurseName, {u"record"_s, u"list"_s, u"--status=sampled"_s}).out, listed.out);
}

void TestSidepCtl::recordShowNotFound_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("expectedCode");

    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QTest::newRow("unknown id") << QStringList{u"record"_s, u"show"_s, unknown} << 5;
    QTest::newRow("not an id") << QStringList{u"record"_s, u"show"_s, u"CHU75"_s} << 5;
    QTest::newRow("unknown tube") << QStringList{u"record"_s, u"show"_s, u"--tube"_s,
                                                 u"NO-SUCH-TUBE"_s}
                                  << 5;
    QTest::newRow("unknown id, export")
        << QStringList{u"record"_s, u"export"_s, unknown, u"--format"_s, u"json"_s} << 5;
    QTest::newRow("export as xml")
        << QStringList{u"record"_s, u"export"_s, unknown, u"--format"_s, u"xml"_s} << 2;
    QTest::newRow("neither id nor tube") << QStringList{u"record"_s, u"show"_s} << 2;
    QTest::newRow("both id and tube")
        << QStringList{u"record"_s, u"show"_s, unknown, u"--tube"_s, u"CHU"_s} << 2;
}

void TestSidepCtl::recordShowNotFound()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, expectedCode);
    QCOMPARE(addRecords(validRecordJson(1)).code, 0);
    const Run run = as(NurseName, arguments);
    QCOMPARE(run.code, expectedCode);
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.startsWith(u"sidepctl: "_s));
}

void TestSidepCtl::check_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("expectedCode");
    QTest::addColumn<QString>("expected"); // the canonical value, or the rule that failed

    const QString nir = nirWithKey(u"2951099126111"_s);
    const QString corsican = nirWithKey(u"185072A004123"_s);
    QTest::newRow("nir") << u"nir"_s << nir << 0 << Identifiers::formatNir(nir);
    QTest::newRow("nir with spaces")
        << u"nir"_s << Identifiers::formatNir(nir) << 0 << Identifiers::formatNir(nir);
    QTest::newRow("nir Corsica, lower case")
        << u"nir"_s << corsican.toLower() << 0 << Identifiers::formatNir(corsican);
    QTest::newRow("rpps") << u"rpps"_s << u"101 0071 0366"_s << 0 << u"10100710366"_s;
    QTest::newRow("adeli") << u"adeli"_s << u"751234567"_s << 0 << u"751234567"_s;
    QTest::newRow("finess") << u"finess"_s << u"75 071 218 4"_s << 0 << SiteFiness;
    QTest::newRow("cog") << u"cog"_s << u"2a004"_s << 0 << u"2A004"_s;
    QTest::newRow("cog overseas") << u"cog"_s << u"97411"_s << 0 << u"97411"_s;
    QTest::newRow("loinc") << u"loinc"_s << u"94500-6"_s << 0 << u"94500-6"_s;
    QTest::newRow("phone") << u"phone"_s << u"06 12 34 56 78"_s << 0 << u"+33612345678"_s;
    QTest::newRow("phone Reunion") << u"phone"_s << u"0692 12 34 56"_s << 0 << u"+262692123456"_s;
    QTest::newRow("email") << u"email"_s << u"Jane.Doe@Example.ORG"_s << 0
                           << u"Jane.Doe@example.org"_s;

    QTest::newRow("nir key") << u"nir"_s << nir.left(13) + u"99"_s << 1 << u"nir.key"_s;
    QTest::newRow("nir length") << u"nir"_s << u"29510991261"_s << 1 << u"nir.length"_s;
    QTest::newRow("nir sex") << u"nir"_s << nirWithKey(u"5951099126111"_s) << 1 << u"nir.sex"_s;
    QTest::newRow("rpps key") << u"rpps"_s << u"10100710367"_s << 1 << u"rpps.key"_s;
    QTest::newRow("adeli length") << u"adeli"_s << u"7512345"_s << 1 << u"adeli.length"_s;
    QTest::newRow("finess key") << u"finess"_s << u"750712185"_s << 1 << u"finess.key"_s;
    QTest::newRow("cog department") << u"cog"_s << u"96001"_s << 1 << u"cog.department"_s;
    QTest::newRow("loinc key") << u"loinc"_s << u"94500-7"_s << 1 << u"loinc.key"_s;
    QTest::newRow("loinc format") << u"loinc"_s << u"94500"_s << 1 << u"loinc.format"_s;
    QTest::newRow("phone format") << u"phone"_s << u"6123456"_s << 1 << u"phone.format"_s;
    QTest::newRow("phone length") << u"phone"_s << u"061234567"_s << 1 << u"phone.length"_s;
    QTest::newRow("email without @")
        << u"email"_s << u"jane.doe.example.org"_s << 1 << u"email.format"_s;
}

void TestSidepCtl::check()
{
    QFETCH(QString, kind);
    QFETCH(QString, value);
    QFETCH(int, expectedCode);
    QFETCH(QString, expected);

    // No store is needed to check an identifier.
    const Run run = runSidepCtl({u"check"_s, kind, value});
    QCOMPARE(run.code, expectedCode);
    if (expectedCode == 0) {
        QCOMPARE(run.out, expected + u'\n');
        QVERIFY(run.err.isEmpty());
        return;
    }
    const QString said = run.out + run.err;
    QCOMPARE(lines(said).size(), 1);
    QVERIFY2(said.contains(u"["_s + expected + u"]"_s), qPrintable(said));
    // The reason is told without repeating the value.
    QVERIFY2(!said.contains(value), qPrintable(said));
    // Nor the key that would pass: a person would type it, and a mistyped number would
    // become someone else's valid number.
    if (expected.endsWith(u".key"_s))
        QVERIFY2(!said.contains(QRegularExpression(u"[0-9]"_s)), qPrintable(said));
}

void TestSidepCtl::dbVerify()
{
    QStringList ids;
    for (int index : {1, 2, 3}) {
        const Run added = addRecords(validRecordJson(index));
        QCOMPARE(added.code, 0);
        ids.append(lines(added.out).first());
    }
    for (const QString& user : {NurseName, LabName, AdminName}) {
        const Run intact = as(user, {u"db"_s, u"verify"_s});
        QCOMPARE(intact.code, 0);
        QVERIFY(intact.err.isEmpty());
        QVERIFY(intact.out.contains(u"3 record(s) checked"_s));
    }

    // One byte flipped in one record's ciphertext: found, named by id, the others intact.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.prepare(u"SELECT contact FROM records WHERE id = ?"_s));
        query.bindValue(0, ids.at(1));
        QVERIFY(query.exec() && query.next());
        QByteArray sealed = query.value(0).toByteArray();
        QVERIFY(sealed.size() > 20);
        sealed[20] = char(sealed.at(20) ^ 0x01);
        QVERIFY(query.prepare(u"UPDATE records SET contact = ? WHERE id = ?"_s));
        query.bindValue(0, sealed);
        query.bindValue(1, ids.at(1));
        QVERIFY(query.exec());
        QCOMPARE(query.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);

    const Run damaged = as(AdminName, {u"db"_s, u"verify"_s});
    QCOMPARE(damaged.code, 3);
    QVERIFY(damaged.out.contains(ids.at(1)));
    QVERIFY(damaged.out.contains(u"contact"_s));
    QVERIFY(!damaged.out.contains(ids.at(0)) && !damaged.out.contains(ids.at(2)));
    QCOMPARE(as(NurseName, {u"record"_s, u"show"_s, ids.at(1)}).code, 3);
    QCOMPARE(as(NurseName, {u"record"_s, u"show"_s, ids.at(0)}).code, 0);
    QCOMPARE(recordCount(), 3);
}

void TestSidepCtl::auditVerifyAndList()
{
    const Run added = addRecords(validRecordJson(1));
    QCOMPARE(added.code, 0);
    const QString id = lines(added.out).first();
    QCOMPARE(as(NurseName, {u"record"_s, u"show"_s, id}).code, 0);

    const Run intact = as(LabName, {u"audit"_s, u"verify"_s});
    QCOMPARE(intact.code, 0);
    QVERIFY(intact.out.contains(u"intact"_s));

    const Run listed = as(AdminName, {u"audit"_s, u"list"_s});
    QCOMPARE(listed.code, 0);
    const QStringList rows = lines(listed.out);
    auto has = [&](const QString& actor, const QString& action, const QString& recordId) {
        return std::any_of(rows.cbegin(), rows.cend(), [&](const QString& row) {
            const QStringList fields = row.split(u'\t');
            return fields.size() >= 5 && fields.at(2) == actor && fields.at(3) == action &&
                   fields.at(4) == recordId;
        });
    };
    QVERIFY(has(AdminName, u"store.create"_s, {}));
    QVERIFY(has(NurseName, u"auth.signin"_s, {}));
    QVERIFY(has(NurseName, u"record.create"_s, id));
    QVERIFY(has(NurseName, u"record.view"_s, id));
    QVERIFY(has(AdminName, u"auth.signin"_s, {}));
    for (const QString& identifying : identifyingStrings(1))
        QVERIFY(!listed.out.contains(identifying));

    // An entry edited behind the program's back is reported.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"UPDATE audit SET actor = 'lab' WHERE action = 'record.create'"_s));
        QCOMPARE(query.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);
    const Run altered = as(LabName, {u"audit"_s, u"verify"_s});
    QCOMPARE(altered.code, 3);
    QVERIFY(!altered.out.contains(u"intact"_s));
    QVERIFY(!altered.out.isEmpty());
}

void TestSidepCtl::stats()
{
    const Run empty = runSidepCtl({u"--db"_s, m_db, u"stats"_s});
    QCOMPARE(empty.code, 0);

    QJsonObject old = validRecordJson(2);
    setPath(&old, u"specimen.collectedAt"_s, u"2024-03-05T09:30:00+01:00"_s);
    QCOMPARE(addRecords(old, {u"--accept-warnings"_s}).code, 0);
    // Three sampled at the same recent time, so that they fall on the same day.
    const QString recent = validRecordJson(1).value(u"specimen"_s)[u"collectedAt"_s].toString();
    for (int index : {1, 3, 4}) {
        QJsonObject record = validRecordJson(index);
        setPath(&record, u"specimen.collectedAt"_s, recent);
        QCOMPARE(addRecords(record).code, 0);
    }
    const QString today = recent.left(10);

    const Run run = runSidepCtl({u"--db"_s, m_db, u"stats"_s});
    QCOMPARE(run.code, 0);
    QVERIFY(run.err.isEmpty());
    const QStringList rows = lines(run.out);
    QVERIFY2(rows.contains(u"  sampled\t4"_s), qPrintable(run.out));
    QVERIFY2(rows.contains(u"  2024-03-05\t1"_s), qPrintable(run.out));
    QVERIFY2(rows.contains(u"  "_s + today + u"\t3"_s), qPrintable(run.out));

    // Counts only: no name, contact, NIR or tube label.
    for (int index : {1, 2, 3, 4}) {
        for (const QString& identifying : identifyingStrings(index))
            QVERIFY(!run.out.contains(identifying));
        QVERIFY(!run.out.contains(
            validRecordJson(index).value(u"specimen"_s)[u"accession"_s].toString()));
    }
    QVERIFY(!run.out.contains(u"CHU75"_s));
}

void TestSidepCtl::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s};
    QTest::newRow("user") << QStringList{u"user"_s};
    QTest::newRow("user frobnicate") << QStringList{u"user"_s, u"frobnicate"_s};
    QTest::newRow("user add without name") << QStringList{u"user"_s, u"add"_s};
    QTest::newRow("user disable without name") << QStringList{u"user"_s, u"disable"_s};
    QTest::newRow("user add, unknown option")
        << QStringList{u"user"_s, u"add"_s, u"bob"_s, u"--rights"_s, u"all"_s};
    QTest::newRow("record") << QStringList{u"record"_s};
    QTest::newRow("record frobnicate") << QStringList{u"record"_s, u"frobnicate"_s};
    QTest::newRow("record add two files")
        << QStringList{u"record"_s, u"add"_s, u"a.json"_s, u"b.json"_s};
    QTest::newRow("record list, unknown status")
        << QStringList{u"record"_s, u"list"_s, u"--status"_s, u"lost"_s};
    QTest::newRow("record list, --status without value")
        << QStringList{u"record"_s, u"list"_s, u"--status"_s};
    QTest::newRow("record list, unknown option") << QStringList{u"record"_s, u"list"_s, u"--all"_s};
    QTest::newRow("record add, flag with a value")
        << QStringList{u"record"_s, u"add"_s, u"--accept-warnings=yes"_s};
    QTest::newRow("check") << QStringList{u"check"_s};
    QTest::newRow("check without value") << QStringList{u"check"_s, u"nir"_s};
    QTest::newRow("check unknown kind") << QStringList{u"check"_s, u"iban"_s, u"FR76"_s};
    QTest::newRow("check two values")
        << QStringList{u"check"_s, u"rpps"_s, u"10100710366"_s, u"10100710366"_s};
    QTest::newRow("db") << QStringList{u"db"_s};
    QTest::newRow("db repair") << QStringList{u"db"_s, u"repair"_s};
    QTest::newRow("audit") << QStringList{u"audit"_s};
    QTest::newRow("audit purge") << QStringList{u"audit"_s, u"purge"_s};
    QTest::newRow("recovery") << QStringList{u"recovery"_s};
    QTest::newRow("init without options") << QStringList{u"init"_s};
    QTest::newRow("--db without value, last") << QStringList{u"record"_s, u"list"_s, u"--db"_s};
    QTest::newRow("--db= empty") << QStringList{u"--db="_s, u"record"_s, u"list"_s};
}

void TestSidepCtl::usageErrors()
{
    QFETCH(QStringList, arguments);

    // With a store and a good password, so that only the command line is wrong.
    const Run run = runSidepCtl(
        QStringList{u"--db"_s, m_db, u"--user"_s, AdminName, u"--password-stdin"_s} + arguments,
        line(Password) + line(Password));
    QCOMPARE(run.code, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(u"sidepctl: "_s), qPrintable(run.err));
    QVERIFY(run.err.contains(u"--help"_s));
}

void TestSidepCtl::dbOptionWithEqualsSign()
{
    const Run run = runSidepCtl({u"record"_s, u"list"_s, u"--db="_s + m_db,
                                 u"--user="_s + NurseName, u"--password-stdin"_s},
                                line(Password));
    QCOMPARE(run.code, 0);
    QVERIFY(run.err.isEmpty());

    // No command at all: the help, and exit code 2.
    const Run bare = runSidepCtl({});
    QCOMPARE(bare.code, 2);
    QVERIFY(QString(bare.out + bare.err).contains(u"Usage: sidepctl"_s));
    const Run help = runSidepCtl({u"--help"_s});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains(u"Exit codes"_s));
}

QTEST_GUILESS_MAIN(TestSidepCtl)
#include "TestSidepCtl.moc"
