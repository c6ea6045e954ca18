#include "Crypto.h"
#include "Database.h"
#include "PasswordQuality.h"
#include "RecordStore.h"
#include "Store.h"
#include "TestSupport.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

// The encrypted store: accounts and passwords, damage detection, the audit chain, the
// recovery key and the rights of each role.
class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newStoreHasCurrentSchemaAndKdfParameters();
    void newerSchemaIsRefused();
    void wrongPasswordIsRefusedAndCounted();
    void accountLocksAfterFiveWrongPasswords();
    void refusedSignInsAreAuditedAtTheNextSignIn();
    void refusedSignInsKeptAreLimited();
    void shortPasswordIsRefused();
    void guessablePasswordIsRefused_data();
    void guessablePasswordIsRefused();
    void missingDictionaryRefusesRatherThanSkips();
    void disabledAccountCannotSignIn();
    void roleChangesAndTheLastAdministratorStays();
    void rolesLimitWhatAUserMayDo();
    void recordRoundTripsThroughTheStore();
    void tubeLabelIsUniqueAndFoundByBlindIndex();
    void queueQueriesPageAndSearchByName();
    void batchIsAllOrNothing();
    void flippedByteIsReportedAndOthersStillOpen();
    void ciphertextMovedToAnotherPlaceDoesNotOpen();
    void clearColumnsHoldNoIdentifyingData();
    void auditEntryRemovedOrEditedIsDetected_data();
    void auditEntryRemovedOrEditedIsDetected();
    void identityOverrideReasonIsAuditedEncrypted();
    void amendmentKeepsThePreviousVersion();
    void recoveryKeyOpensAndRotates();

private:
    // Runs raw SQL on the store file, as someone editing the file behind the program would.
    static void tamper(const QString& path, const QString& sql, const QVariantList& values = {});
    static QVariant rawValue(const QString& path, const QString& sql);
    static QUuid addRecord(Store& store, int index);
};

void TestStore::tamper(const QString& path, const QString& sql, const QVariantList& values)
{
    editFile(path, sql, values);
}

QVariant TestStore::rawValue(const QString& path, const QString& sql)
{
    return readFile(path, sql);
}

QUuid TestStore::addRecord(Store& store, int index)
{
    SamplingRecord record = validRecord(index);
    QList<Problem> problems;
    QString error;
    if (!store.records()->add(&record, {}, &problems, &error)) {
        for (const Problem& problem : std::as_const(problems))
            qWarning("add failed: %s [%s]", qPrintable(problem.toString()),
                     qPrintable(problem.rule));
    }
    return record.id;
}

void TestStore::newStoreHasCurrentSchemaAndKdfParameters()
{
    StoreFixture fixture;
    QVERIFY(fixture.isValid());
    QCOMPARE(rawValue(fixture.path(), u"PRAGMA user_version"_s).toInt(), Database::SchemaVersion);
    QCOMPARE(rawValue(fixture.path(), u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    // The derivation's parameters sit beside each wrapped key, so they can be raised later.
    const QJsonObject kdf =
        QJsonDocument::fromJson(
            rawValue(fixture.path(), u"SELECT kdf FROM users WHERE name = 'nurse'"_s).toByteArray())
            .object();
    QCOMPARE(kdf.value(u"alg"_s).toString(), u"scrypt"_s);
    QVERIFY(kdf.value(u"n"_s).toInteger() >= 1024);
    QVERIFY(!kdf.value(u"salt"_s).toString().isEmpty());
    QVERIFY(fixture.openAs(NurseName));
}

void TestStore::newerSchemaIsRefused()
{
    StoreFixture fixture;
    tamper(fixture.path(), u"PRAGMA user_version = %1"_s.arg(Database::SchemaVersion + 1));
    Store store;
    QString error;
    QVERIFY(!store.open(fixture.path(), &error));
    QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
    // Refused, not touched: the version is still the newer one.
    QCOMPARE(rawValue(fixture.path(), u"PRAGMA user_version"_s).toInt(),
             Database::SchemaVersion + 1);
}

void TestStore::wrongPasswordIsRefusedAndCounted()
{
    StoreFixture fixture;
    Store store;
    QString error;
    QVERIFY(store.open(fixture.path(), &error));
    QVERIFY(!store.signIn(NurseName, password(u"not the right password"_s), &error));
    QVERIFY(!store.isSignedIn());
    QVERIFY2(error.contains(u"4 attempt"_s), qPrintable(error));
    QCOMPARE(
        rawValue(fixture.path(), u"SELECT failed_attempts FROM users WHERE name='nurse'"_s).toInt(),
        1);
    QVERIFY(!store.signIn(u"nobody"_s, password(), &error));

    // The right password resets the count, and the audit log records the failures.
    QVERIFY2(store.signIn(NurseName, password(), &error), qPrintable(error));
    QCOMPARE(
        rawValue(fixture.path(), u"SELECT failed_attempts FROM users WHERE name='nurse'"_s).toInt(),
        0);
    const QList<AuditLog::Entry> entries = store.auditLog()->entries();
    QCOMPARE(entries.last().action, u"auth.signin"_s);
    QCOMPARE(entries.last().detail, u"after 1 failed attempts"_s);
}

void TestStore::accountLocksAfterFiveWrongPasswords()
{
    StoreFixture fixture;
    Store store;
    QString error;
    QVERIFY(store.open(fixture.path(), &error));
    for (int attempt = 1; attempt <= Store::DefaultMaxFailedAttempts; ++attempt)
        QVERIFY(!store.signIn(LabName, password(u"wrong password %1"_s.arg(attempt)), &error));
    QVERIFY2(error.contains(u"locked"_s), qPrintable(error));

    // Locked: even the right password is refused, without trying it.
    QVERIFY(!store.signIn(LabName, password(), &error));
    QVERIFY2(error.contains(u"locked"_s), qPrintable(error));
    // Other accounts are not affected.
    QVERIFY(fixture.openAs(NurseName));

    // Once the lock has expired the right password works again.
    tamper(fixture.path(), u"UPDATE users SET locked_until = ? WHERE name = 'lab'"_s,
           {QDateTime::currentDateTimeUtc().addSecs(-1).toString(Qt::ISODate)});
    QVERIFY2(store.signIn(LabName, password(), &error), qPrintable(error));
}

void TestStore::refusedSignInsAreAuditedAtTheNextSignIn()
{
    StoreFixture fixture;
    QString error;
    {
        Store store;
        QVERIFY(store.open(fixture.path(), &error));
        QVERIFY(!store.signIn(LabName, password(u"wrong password one"_s), &error));
        QVERIFY(!store.signIn(LabName, password(u"wrong password two"_s), &error));
        // A name that is no account's may be a password typed in the wrong field.
        QVERIFY(!store.signIn(u"hunter2-secret"_s, password(), &error));
        QVERIFY(!store.signInWithRecoveryKey(u"AAAA-BBBB"_s, &error));
    }
    QCOMPARE(rawValue(fixture.path(), u"SELECT count(*) FROM signin_refusals"_s).toInt(), 4);
    QVERIFY(rawValue(fixture.path(),
                     u"SELECT count(*) FROM signin_refusals WHERE account = 'hunter2-secret'"_s)
                .toInt() == 0);

    // The nurse signs in first: the refusals go into the audit log, hers is none of them.
    auto nurse = fixture.openAs(NurseName);
    QVERIFY(nurse);
    QCOMPARE(nurse->refusedSignIns().count, 0);
    QStringList details;
    for (const AuditLog::Entry& entry : nurse->auditLog()->entries()) {
        if (entry.action == u"auth.refused"_s) {
            QCOMPARE(entry.actor, NurseName);
            details.append(entry.detail);
        }
    }
    QCOMPARE(details.size(), 4);
    QVERIFY2(details.at(0).endsWith(u" lab: wrong password"_s), qPrintable(details.at(0)));
    QVERIFY2(details.at(2).endsWith(u"(no such account): unknown account"_s),
             qPrintable(details.at(2)));
    QVERIFY2(details.at(3).endsWith(u"wrong recovery key"_s), qPrintable(details.at(3)));
    for (const QString& detail : std::as_const(details))
        QVERIFY2(!detail.contains(u"hunter2"_s), qPrintable(detail));
    QVERIFY(nurse->auditLog()->verify().isEmpty());
    QCOMPARE(rawValue(fixture.path(), u"SELECT count(*) FROM signin_refusals"_s).toInt(), 0);

    // The lab user is told at their next sign-in (the nurse's sign-in took nothing from it:
    // what matters is since *their* last sign-in).
    Store lab;
    QVERIFY(lab.open(fixture.path(), &error));
    QVERIFY(!lab.signIn(LabName, password(u"wrong password three"_s), &error));
    QVERIFY2(lab.signIn(LabName, password(), &error), qPrintable(error));
    QCOMPARE(lab.refusedSignIns().count, 1);
    QVERIFY(lab.refusedSignIns().last.isValid());
    QVERIFY(qAbs(lab.refusedSignIns().last.secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void TestStore::refusedSignInsKeptAreLimited()
{
    StoreFixture fixture;
    // As if a script had already hammered the sign-in up to the limit.
    tamper(fixture.path(),
           u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
           "INSERT INTO signin_refusals (at, account, reason) "
           "SELECT '2026-11-28T06:00:00.000Z', NULL, 'unknown account' FROM n"_s,
           {Store::MaxKeptRefusals});
    QString error;
    {
        Store store;
        QVERIFY(store.open(fixture.path(), &error));
        for (int i = 0; i < 3; ++i)
            QVERIFY(!store.signIn(u"nobody"_s, password(), &error));
    }
    QCOMPARE(rawValue(fixture.path(), u"SELECT count(*) FROM signin_refusals"_s).toInt(),
             Store::MaxKeptRefusals);
    auto admin = fixture.openAs(AdminName);
    QVERIFY(admin);
    int refused = 0;
    QString last;
    for (const AuditLog::Entry& entry : admin->auditLog()->entries(1, 5000)) {
        if (entry.action == u"auth.refused"_s) {
            ++refused;
            last = entry.detail;
        }
    }
    QCOMPARE(refused, Store::MaxKeptRefusals + 1);
    QVERIFY2(last.startsWith(u"3 more refused sign-ins"_s), qPrintable(last));
}

void TestStore::shortPasswordIsRefused()
{
    StoreFixture fixture;
    auto admin = fixture.openAs(AdminName);
    QVERIFY(admin);
    QString error;
    QVERIFY(!admin->addUser(u"short"_s, Role::Nurse, password(u"elevenchars"_s), &error));
    QVERIFY2(error.contains(u"12"_s), qPrintable(error));
    // Twelve characters, some of them beyond ASCII, are enough.
    QVERIFY2(admin->addUser(u"long"_s, Role::Nurse, password(u"ùrçzéqwàkxèv"_s), &error),
             qPrintable(error));
    QVERIFY(!admin->addUser(u"Bad Name"_s, Role::Nurse, password(), &error));
}

void TestStore::guessablePasswordIsRefused_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("newPassword");
    QTest::addColumn<QString>("reason"); // empty: accepted

    QTest::newRow("common word and digits")
        << u"bob"_s << u"password1234"_s << u"dictionary word"_s;
    QTest::newRow("keyboard row and digits")
        << u"bob"_s << u"azertyuiop123"_s << u"dictionary word"_s;
    QTest::newRow("a city and a year") << u"bob"_s << u"Marseille2021"_s << u"dictionary word"_s;
    QTest::newRow("one word twice") << u"bob"_s << u"Soleil2020soleil"_s << u"dictionary word"_s;
    QTest::newRow("one word repeated") << u"bob"_s << u"passwordpassword"_s << u"dictionary word"_s;
    QTest::newRow("the user's name") << u"claire"_s << u"claire2020claire"_s << u"user name"_s;
    QTest::newRow("a sequence") << u"bob"_s << u"123456789012"_s << u"sequence"_s;
    QTest::newRow("one letter repeated") << u"bob"_s << u"aaaaaaaaaaaaa"_s << u"backwards"_s;
    QTest::newRow("a sentence") << u"bob"_s << u"Le patient attend dehors"_s << QString();
    QTest::newRow("words beyond ASCII") << u"bob"_s << u"éléphant à l'école"_s << QString();
    QTest::newRow("twelve random characters") << u"bob"_s << u"Gq8!wZ3#rT5m"_s << QString();
    QTest::newRow("two words and a digit") << u"bob"_s << u"hunter2-secret"_s << QString();
}

void TestStore::guessablePasswordIsRefused()
{
    QFETCH(QString, user);
    QFETCH(QString, newPassword);
    QFETCH(QString, reason);

    StoreFixture fixture;
    auto admin = fixture.openAs(AdminName);
    QVERIFY(admin);
    QString error;
    const bool added = admin->addUser(user, Role::Nurse, password(newPassword), &error);
    if (reason.isEmpty()) {
        QVERIFY2(added, qPrintable(error));
        return;
    }
    QVERIFY(!added);
    QVERIFY2(error.startsWith(u"password: "_s), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!error.contains(newPassword)); // the reason never repeats the password
    // The same rule when a password is changed, and at the first start.
    QVERIFY(!admin->setPassword(NurseName, password(newPassword), &error));
    QVERIFY(!Store::isStrongEnough(password(newPassword), user, &error));
}

void TestStore::missingDictionaryRefusesRatherThanSkips()
{
    QString reason;
    QVERIFY(PasswordQuality::check(password(u"Le patient attend dehors"_s), u"bob"_s, &reason));
    QVERIFY(!PasswordQuality::check(password(u"Le patient attend dehors"_s), u"bob"_s, &reason,
                                    u"/nonexistent/cracklib_dict"_s));
    QVERIFY2(reason.contains(u"cracklib-runtime"_s), qPrintable(reason));
}

void TestStore::disabledAccountCannotSignIn()
{
    StoreFixture fixture;
    auto admin = fixture.openAs(AdminName);
    QString error;
    QVERIFY2(admin->disableUser(NurseName, &error), qPrintable(error));
    QVERIFY(!admin->disableUser(AdminName, &error)); // not oneself

    Store store;
    QVERIFY(store.open(fixture.path(), &error));
    QVERIFY(!store.signIn(NurseName, password(), &error));
    QVERIFY2(error.contains(u"disabled"_s), qPrintable(error));
    // Flipping the flag back in the file does not help: the key copy is gone.
    tamper(fixture.path(), u"UPDATE users SET disabled = 0 WHERE name = 'nurse'"_s);
    QVERIFY(!store.signIn(NurseName, password(), &error));
}

void TestStore::roleChangesAndTheLastAdministratorStays()
{
    StoreFixture fixture;
    auto admin = fixture.openAs(AdminName);
    QString error;
    QVERIFY(!admin->setRole(AdminName, Role::Nurse, &error)); // the only administrator
    QVERIFY2(error.contains(u"last administrator"_s), qPrintable(error));
    QVERIFY2(admin->setRole(NurseName, Role::Lab, &error), qPrintable(error));
    auto formerNurse = fixture.openAs(NurseName);
    QCOMPARE(formerNurse->currentUser().role, Role::Lab);
    SamplingRecord record = validRecord(1);
    QList<Problem> problems;
    QVERIFY(!formerNurse->records()->add(&record, {}, &problems, &error));
    QVERIFY(!formerNurse->setRole(LabName, Role::Admin, &error)); // not an administrator
    QVERIFY(admin->setRole(LabName, Role::Admin, &error));
    QVERIFY2(admin->setRole(AdminName, Role::Nurse, &error), qPrintable(error));
    QCOMPARE(admin->auditLog()->entries().last().action, u"user.role"_s);
}

void TestStore::rolesLimitWhatAUserMayDo()
{
    StoreFixture fixture;
    auto nurse = fixture.openAs(NurseName);
    auto lab = fixture.openAs(LabName);
    auto admin = fixture.openAs(AdminName);
    QString error;

    QVERIFY(!nurse->addUser(u"eve"_s, Role::Admin, password(), &error));
    QVERIFY(!lab->addUser(u"eve"_s, Role::Admin, password(), &error));
    QVERIFY(!lab->disableUser(NurseName, &error));
    QVERIFY(!nurse->setPassword(LabName, password(u"another long password"_s), &error));
    QVERIFY2(nurse->setPassword(NurseName, password(u"another long password"_s), &error),
             qPrintable(error));

    const QUuid id = addRecord(*nurse, 1);
    QVERIFY(!id.isNull());
    SamplingRecord record = validRecord(2);
    QList<Problem> problems;
    QVERIFY(!lab->records()->add(&record, {}, &problems, &error));
    QVERIFY(!admin->records()->add(&record, {}, &problems, &error));
    SamplingRecord loaded;
    QVERIFY(lab->records()->load(id, &loaded, &error));
    QVERIFY(!admin->records()->load(id, &loaded, &error));
    QVERIFY2(error.contains(u"admin"_s), qPrintable(error));
}

void TestStore::recordRoundTripsThroughTheStore()
{
    StoreFixture fixture;
    auto nurse = fixture.openAs(NurseName);
    QSignalSpy saved(nurse->records(), &RecordStore::recordSaved);
    SamplingRecord record = validRecord(7);
    QList<Problem> problems;
    QString error;
    QVERIFY2(nurse->records()->add(&record, {}, &problems, &error), qPrintable(error));
    QVERIFY(problems.isEmpty());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(record.status, RecordStatus::Sampled);

    // Another process (here: another connection) reads it back, field by field.
    auto reader = fixture.openAs(NurseName);
    SamplingRecord loaded;
    QVERIFY2(reader->records()->load(record.id, &loaded, &error), qPrintable(error));
    QCOMPARE(loaded.toJson(), record.toJson());
    QCOMPARE(loaded.contact.mobilePhone.left(4), u"+336"_s);
    QCOMPARE(reader->auditLog()->entries().last().action, u"record.view"_s);
    QCOMPARE(reader->auditLog()->entries().last().recordId,
             record.id.toString(QUuid::WithoutBraces));

    const QList<RecordStore::Summary> rows = reader->records()->list(RecordStatus::Sampled, &error);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().accession, record.specimen.accession);
    QVERIFY(reader->records()->list(RecordStatus::Resulted, &error).isEmpty());
}

void TestStore::tubeLabelIsUniqueAndFoundByBlindIndex()
{
    StoreFixture fixture;
    auto nurse = fixture.openAs(NurseName);
    const QUuid id = addRecord(*nurse, 3);
    QUuid found;
    QString error;
    QVERIFY(nurse->records()->findByTube(validRecord(3).specimen.accession, &found, &error));
    QCOMPARE(found, id);
    QVERIFY(!nurse->records()->findByTube(u"NO-SUCH-TUBE"_s, &found, &error));

    SamplingRecord again = validRecord(4);
    again.specimen.accession = validRecord(3).specimen.accession;
    QList<Problem> problems;
    QVERIFY(!nurse->records()->add(&again, {}, &problems, &error));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().field, u"specimen.accession"_s);
    QCOMPARE(problems.first().rule, u"accession.duplicate"_s);
}

void TestStore::queueQueriesPageAndSearchByName()
{
    StoreFixture fixture;
    auto nurse = fixture.openAs(NurseName);
    QList<SamplingRecord> batch;
    for (int i = 0; i < 25; ++i)
        batch.append(validRecord(i));
    batch[7].patient.birthName = u"Lefèvre-Martin"_s;
    batch[8].patient.usualName = u"Lefevre Martin"_s;
    QList<QList<Problem>> problems;
    QString error;
    QVERIFY2(nurse->records()->add(&batch, {}, &problems, &error), qPrintable(error));

    RecordStore::Query all;
    QCOMPARE(nurse->records()->count(all, &error), 25);
    const QList<RecordStore::Summary> first = nurse->records()->page(all, 0, 10, true, &error);
    const QList<RecordStore::Summary> third = nurse->records()->page(all, 20, 10, false, &error);
    QCOMPARE(first.size(), 10);
    QCOMPARE(third.size(), 5);
    QVERIFY(!first.first().patientName.isEmpty());
    QVERIFY(third.first().patientName.isEmpty()); // names decrypted only when asked

    // Same name typed another way: case, accents, hyphen; birth or usual name.
    RecordStore::Query byName;
    byName.patientName = u"LEFEVRE martin"_s;
    const QList<RecordStore::Summary> found = nurse->records()->page(byName, 0, 10, true, &error);
    QCOMPARE(found.size(), 2);
    QCOMPARE(nurse->records()->count(byName, &error), 2);

    RecordStore::Query byTube;
    byTube.tubeLabel = batch[3].specimen.accession;
    QCOMPARE(nurse->records()->page(byTube, 0, 10, false, &error).first().id, batch[3].id);

    RecordStore::Query otherDay;
    otherDay.collectedOn = QDate(2020, 5, 11);
    QCOMPARE(nurse->records()->count(otherDay, &error), 0);
    RecordStore::Query resulted;
    resulted.status = RecordStatus::Resulted;
    QCOMPARE(nurse->records()->count(resulted, &error), 0);
}

void TestStore::batchIsAllOrNothing()
{
    StoreFixture fixture;
    auto nurse = fixture.openAs(NurseName);
    QList<SamplingRecord> batch{validRecord(1), validRecord(2), validRecord(3)};
    batch[1].patient.ins = u"295109912611199"_s; // wrong key
    QList<QList<Problem>> problems;
    QString error;
    QVERIFY(!nurse->records()->add(&batch, {}, &problems, &error));
    QCOMPARE(problems.size(), 3);
    QVERIFY(problems[0].isEmpty());
    QCOMPARE(problems[1].first().rule, u"nir.key"_s);
    QVERIFY(nurse->records()->list(std::nullopt, &error).isEmpty());

    batch[1] = validRecord(2);
    QVERIFY2(nurse->records()->add(&batch, {}, &problems, &error), qPrintable(error));
    QCOMPARE(nurse->records()->list(std::nullopt, &error).size(), 3);
}

void TestStore::flippedByteIsReportedAndOthersStillOpen()
{
    StoreFixture fixture;
    auto nurse = fixture.openAs(NurseName);
    const QList<QUuid> ids{addRecord(*nurse, 1), addRecord(*nurse, 2), addRecord(*nurse, 3)};
    const QString victim = ids[1].toString(QUuid::WithoutBraces);
    // Flip one bit in the middle of the victim's encrypted patient block.
    const QByteArray sealed =
        rawValue(fixture.path(), u"SELECT patient FROM records WHERE id = '%1'"_s.arg(victim))
            .toByteArray();
    QVERIFY(sealed.size() > 28);
    QByteArray flipped = sealed;
    flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x01);
    tamper(fixture.path(), u"UPDATE records SET patient = ? WHERE id = ?"_s, {flipped, victim});

    const RecordStore::VerifyReport report = nurse->records()->verify();
    QCOMPARE(report.recordsChecked, 3);
    QVERIFY(report.fileProblems.isEmpty());
    QCOMPARE(report.damaged.size(), 1);
    QCOMPARE(report.damaged.first().first, ids[1]);
    QCOMPARE(report.damaged.first().second, u"patient"_s);

    SamplingRecord record;
    QString error;
    QVERIFY(!nurse->records()->load(ids[1], &record, &error));
    QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
    QVERIFY(nurse->records()->load(ids[0], &record, &error));
    QVERIFY(nurse->records()->load(ids[2], &record, &error));

    // Kept aside, not dropped: still listed, flagged, counted.
    const QList<RecordStore::Summary> rows = nurse->records()->list(std::nullopt, &error);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(std::count_if(rows.cbegin(), rows.cend(),
                           [](const RecordStore::Summary& row) { return row.damaged; }),
             1);
    QCOMPARE(RecordStore::statistics(*nurse, &error).damaged, 1);
    const QList<AuditLog::Entry> entries = nurse->auditLog()->entries();
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [&](const AuditLog::Entry& entry) {
        return entry.action == u"record.damaged"_s && entry.recordId == victim;
    }));
    QVERIFY(nurse->auditLog()->verify().isEmpty());
}

void TestStore::ciphertextMovedToAnotherPlaceDoesNotOpen()
{
    StoreFixture fixture;
    auto nurse = fixture.openAs(NurseName);
    const QUuid first = addRecord(*nurse, 1);
    const QUuid second = addRecord(*nurse, 2);
    const QString firstId = first.toString(QUuid::WithoutBraces);
    const QString secondId = second.toString(QUuid::WithoutBraces);

    // Another row: the first record's patient block pasted into the second record.
    tamper(fixture.path(),
           u"UPDATE records SET patient = (SELECT patient FROM records WHERE id = ?) "
           "WHERE id = ?"_s,
           {firstId, secondId});
    // Another column: the first record's contact block pasted over its own patient block.
    tamper(fixture.path(), u"UPDATE records SET patient = contact WHERE id = ?"_s, {firstId});

    const RecordStore::VerifyReport report = nurse->records()->verify();
    QCOMPARE(report.damaged.size(), 2);
    SamplingRecord record;
    QString error;
    QVERIFY(!nurse->records()->load(first, &record, &error));
    QVERIFY(!nurse->records()->load(second, &record, &error));
}

void TestStore::clearColumnsHoldNoIdentifyingData()
{
    StoreFixture fixture;
    auto nurse = fixture.openAs(NurseName);
    addRecord(*nurse, 5);
    // Every column of the row as the file holds it, bytes and all (no hex: hex of a name
    // stored in clear would hide it from the search).
    QByteArray row;
    const QStringList columns = {
        u"id"_s,         u"status"_s,           u"collected_at"_s, u"collected_day"_s,
        u"tube_index"_s, u"birth_name_index"_s, u"patient"_s,      u"contact"_s,
        u"clinical"_s,   u"physicians"_s,       u"specimen"_s,     u"result"_s};
    for (const QString& column : columns)
        row += rawValue(fixture.path(), u"SELECT %1 FROM records"_s.arg(column)).toByteArray();
    QVERIFY(row.size() > 200);
    // The search works: the record's sampling time is stored in clear.
    QVERIFY(row.contains(validRecord(5).specimen.collectedAt.left(10).toUtf8()));
    for (const QString& text :
         identifyingStrings(5) + QStringList{validRecord(5).specimen.accession})
        QVERIFY2(!row.contains(text.toUtf8()), qPrintable(u"found in clear: "_s + text));
}

void TestStore::auditEntryRemovedOrEditedIsDetected_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::newRow("entry removed") << u"DELETE FROM audit WHERE seq = 3"_s << u"missing"_s;
    QTest::newRow("detail edited")
        << u"UPDATE audit SET detail = 'nothing' WHERE seq = 2"_s << u"altered"_s;
    QTest::newRow("actor edited") << u"UPDATE audit SET actor = 'mallory' WHERE seq = 4"_s
                                  << u"altered"_s;
    QTest::newRow("last entry removed")
        << u"DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)"_s << u"cut or edited"_s;
    QTest::newRow("all entries removed") << u"DELETE FROM audit"_s << u"cut or edited"_s;
    QTest::newRow("head removed") << u"DELETE FROM meta WHERE key = 'audit.head'"_s
                                  << u"cut or edited"_s;
    QTest::newRow("entries swapped")
        << u"UPDATE audit SET (detail, mac) = (SELECT other.detail, other.mac FROM audit AS other "
           "WHERE other.seq = 5 - audit.seq) WHERE seq IN (2, 3)"_s
        << u"altered"_s;
}

void TestStore::auditEntryRemovedOrEditedIsDetected()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    StoreFixture fixture;
    {
        auto nurse = fixture.openAs(NurseName);
        addRecord(*nurse, 1);
        QVERIFY(nurse->auditLog()->verify().isEmpty());
    }
    tamper(fixture.path(), sql);
    auto admin = fixture.openAs(AdminName);
    QVERIFY(admin);
    // Signing in appends an entry; the damage before it must still show.
    const QStringList problems = admin->auditLog()->verify();
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.join(u'\n').contains(expected), qPrintable(problems.join(u'\n')));
}

void TestStore::identityOverrideReasonIsAuditedEncrypted()
{
    StoreFixture fixture;
    auto nurse = fixture.openAs(NurseName);
    SamplingRecord record = validRecord(1);
    record.patient.sex = u"M"_s; // the NIR says female
    QList<Problem> problems;
    QString error;
    QVERIFY(!nurse->records()->add(&record, {}, &problems, &error));
    QCOMPARE(problems.first().rule, u"nir.sexMismatch"_s);

    RecordStore::SaveOptions options;
    options.identityOverrideReason = u"document checked by Dr Secretname"_s;
    options.acceptWarnings = true;
    QVERIFY2(nurse->records()->add(&record, options, &problems, &error), qPrintable(error));
    const AuditLog::Entry entry = nurse->auditLog()->entries().last();
    QCOMPARE(entry.action, u"record.identityOverride"_s);
    QCOMPARE(entry.detail, u"nir.sexMismatch"_s);
    QCOMPARE(entry.note, options.identityOverrideReason);
    const QString raw =
        rawValue(fixture.path(), u"SELECT group_concat(coalesce(detail, '') || "
                                 "coalesce(CAST(note AS TEXT), ''), '|') FROM audit"_s)
            .toString();
    QVERIFY(!raw.contains(u"Secretname"_s));
    QVERIFY(nurse->auditLog()->verify().isEmpty());
}

void TestStore::amendmentKeepsThePreviousVersion()
{
    StoreFixture fixture;
    auto nurse = fixture.openAs(NurseName);
    const QUuid id = addRecord(*nurse, 7);
    const QUuid other = addRecord(*nurse, 8);
    RecordStore* records = nurse->records();
    SamplingRecord original;
    QString error;
    QVERIFY(records->load(id, &original, &error));

    // Validated like a save: a wrong NIR and another record's tube are refused, and a
    // reason is required.
    SamplingRecord changed = original;
    changed.patient.birthName = u"Correctedname"_s;
    QList<Problem> problems;
    QVERIFY(!records->amend(id, &changed, {}, {}, &problems, &error));
    QCOMPARE(problems.first().field, u"reason"_s);
    SamplingRecord wrongNir = changed;
    wrongNir.patient.ins = original.patient.ins.left(13) + u"00"_s;
    QVERIFY(!records->amend(id, &wrongNir, u"typo"_s, {}, &problems, &error));
    QVERIFY(std::any_of(problems.cbegin(), problems.cend(),
                        [](const Problem& p) { return p.rule == u"nir.key"_s; }));
    SamplingRecord takenTube = changed;
    takenTube.specimen.accession = validRecord(8).specimen.accession;
    QVERIFY(!records->amend(id, &takenTube, u"typo"_s, {}, &problems, &error));
    QVERIFY(std::any_of(problems.cbegin(), problems.cend(),
                        [](const Problem& p) { return p.rule == u"accession.duplicate"_s; }));
    QVERIFY(!other.isNull());

    // Its own tube label is no duplicate; the lab may not amend.
    auto lab = fixture.openAs(LabName);
    SamplingRecord byLab = changed;
    QVERIFY(!lab->records()->amend(id, &byLab, u"typo"_s, {}, &problems, &error));
    const QString reason = u"name misspelt, said Mrs Secretreason"_s;
    QVERIFY2(records->amend(id, &changed, reason, {}, &problems, &error), qPrintable(error));
    QCOMPARE(changed.version, 2);
    QCOMPARE(changed.status, RecordStatus::Sampled);

    SamplingRecord now;
    QVERIFY(records->load(id, &now, &error));
    QCOMPARE(now.patient.birthName, u"Correctedname"_s);
    QCOMPARE(now.version, 2);
    QCOMPARE(now.status, RecordStatus::Sampled);
    // Found by its new name, no longer by the old one.
    RecordStore::Query byName;
    byName.patientName = u"Correctedname"_s;
    QCOMPARE(records->count(byName, &error), 1);
    byName.patientName = original.patient.birthName;
    QCOMPARE(records->count(byName, &error), 0);
    byName.patientName.clear();
    byName.search = u"Correctedn"_s;
    QCOMPARE(records->count(byName, &error), 1);

    // The previous blocks are kept, sealed, as version 1 of kind "amendment".
    QCOMPARE(rawValue(fixture.path(), u"SELECT kind FROM record_versions WHERE record_id = '%1' "
                                      "AND version = 1"_s.arg(id.toString(QUuid::WithoutBraces)))
                 .toString(),
             RecordStore::AmendmentKind);
    const QByteArray blocks =
        rawValue(fixture.path(), u"SELECT blocks FROM record_versions WHERE record_id = '%1'"_s.arg(
                                     id.toString(QUuid::WithoutBraces)))
            .toByteArray();
    QVERIFY(!blocks.isEmpty());
    QVERIFY(!blocks.contains(original.patient.birthName.toUtf8()));
    QByteArray opened;
    RecordKey key;
    QVERIFY(nurse->recordKeys()->keyOf(id.toString(QUuid::WithoutBraces), &key, &error));
    QVERIFY(key.isOwn());
    QVERIFY(key.open(u"record_versions"_s, id.toString(QUuid::WithoutBraces) + u"/1"_s, u"blocks"_s,
                     blocks, &opened));
    const QCborMap kept = QCborValue::fromCbor(opened).toMap();
    QJsonObject previous;
    QVERIFY(SamplingRecord::mergeBlockCbor(kept.value(u"patient"_s).toByteArray(), &previous));
    QCOMPARE(previous.value(u"patient"_s).toObject().value(u"birthName"_s).toString(),
             original.patient.birthName);

    // Audited with the reason sealed.
    const QList<AuditLog::Entry> entries = nurse->auditLog()->entries();
    const auto amend = std::find_if(entries.cbegin(), entries.cend(), [](const auto& entry) {
        return entry.action == u"record.amend"_s;
    });
    QVERIFY(amend != entries.cend());
    QCOMPARE(amend->recordId, id.toString(QUuid::WithoutBraces));
    QCOMPARE(amend->detail, u"version 2"_s);
    QCOMPARE(amend->note, reason);
    const QString raw =
        rawValue(fixture.path(), u"SELECT group_concat(coalesce(detail, '') || "
                                 "coalesce(CAST(note AS TEXT), ''), '|') FROM audit"_s)
            .toString();
    QVERIFY(!raw.contains(u"Secretreason"_s));
    QVERIFY(nurse->auditLog()->verify().isEmpty());
    QVERIFY(records->verify().damaged.isEmpty());
}

void TestStore::recoveryKeyOpensAndRotates()
{
    StoreFixture fixture;
    QString error;
    {
        Store store;
        QVERIFY(store.open(fixture.path(), &error));
        QVERIFY(!store.signInWithRecoveryKey(u"AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"_s, &error));
        QVERIFY(!store.signInWithRecoveryKey(u"not base32!"_s, &error));
        // Typed in lower case with spaces instead of dashes: still accepted.
        QString typed = fixture.recoveryKey().toLower();
        typed.replace(u'-', u' ');
        QVERIFY2(store.signInWithRecoveryKey(typed, &error), qPrintable(error));
        QCOMPARE(store.currentUser().role, Role::Admin);
        // It can reset a forgotten password and unlock the account.
        QVERIFY(store.setPassword(NurseName, password(u"a brand new password"_s), &error));
    }
    {
        Store store;
        QVERIFY(store.open(fixture.path(), &error));
        QVERIFY(store.signIn(NurseName, password(u"a brand new password"_s), &error));
    }
    QString newKey;
    {
        auto admin = fixture.openAs(AdminName);
        QVERIFY2(admin->rotateRecoveryKey(&newKey, &error), qPrintable(error));
        QVERIFY(newKey != fixture.recoveryKey());
    }
    Store store;
    QVERIFY(store.open(fixture.path(), &error));
    QVERIFY(!store.signInWithRecoveryKey(fixture.recoveryKey(), &error));
    QVERIFY2(store.signInWithRecoveryKey(newKey, &error), qPrintable(error));
    const QStringList auditProblems = store.auditLog()->verify();
    QVERIFY2(auditProblems.isEmpty(), qPrintable(auditProblems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestStore)
#include "TestStore.moc"
