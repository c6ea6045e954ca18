// The store in hands that hold the file but no password: nothing kept in clear, and no
// length, tells a positive result from a negative one.

#include "ActivationCodes.h"
#include "AuditLog.h"
#include "RecordSeal.h"
#include "ResultStore.h"
#include "Store.h"
#include "TestSupport.h"
#include "Vault.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

QByteArray reportPdf(int bytes)
{
    QByteArray pdf = "%PDF-1.4\n";
    while (pdf.size() < bytes)
        pdf.append(char('A' + QRandomGenerator::global()->bounded(26)));
    return pdf;
}

// A batch of activation codes valid around now, as a national delivery gives them.
QByteArray codeBatch(int count)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto iso = [](const QDateTime& at) { return at.toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s); };
    static int next = 0; // code_brut is unique in a pool: every batch has new ones
    QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n";
    for (int i = next; i < next + count; ++i) {
        csv += u"%1,%2,%3,%4\n"_s
                   .arg(QUuid::createUuid().toString(QUuid::WithoutBraces),
                        u"L%1"_s.arg(i, 5, 10, QLatin1Char('0')), iso(now.addDays(-1)),
                        iso(now.addDays(7)))
                   .toUtf8();
    }
    next += count;
    return csv;
}

bool validate(Store& lab, const QUuid& id, const QString& value, const QByteArray& pdf = {})
{
    ResultStore::Entry entry;
    entry.value = value;
    entry.reportPdf = pdf;
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QString error;
    const bool entered = ResultStore(lab).enter(id, entry, &outcome, &problems, &error);
    if (!entered || outcome != ResultStore::Outcome::Validated)
        qWarning("result not validated: %s", qPrintable(error));
    return entered && outcome == ResultStore::Outcome::Validated;
}

bool importCodes(Store& lab, int count)
{
    ActivationCodes::ImportReport report;
    QString error;
    const bool imported =
        ActivationCodes(lab).importCsv(codeBatch(count), u"batch.csv"_s, {}, &report, &error);
    if (!imported)
        qWarning("codes not imported: %s", qPrintable(error));
    return imported;
}

// The file as someone without a password reads it: every row of a table, as text.
QList<QVariantMap> rawRows(const QString& path, const QString& table)
{
    QList<QVariantMap> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"SELECT * FROM "_s + table)) {
                while (query.next()) {
                    QVariantMap row;
                    for (int column = 0; column < query.record().count(); ++column)
                        row.insert(query.record().fieldName(column), query.value(column));
                    rows.append(row);
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return rows;
}

QList<QVariantMap> rawRowsOf(const QString& path, const QString& table, const QString& column,
                             const QString& id)
{
    QList<QVariantMap> found;
    for (const QVariantMap& row : rawRows(path, table)) {
        if (row.value(column).toString() == id)
            found.append(row);
    }
    return found;
}

// What the audit table says in clear of one record: its actions, in order.
QStringList clearActionsOf(const QString& path, const QUuid& id)
{
    QStringList actions;
    for (const QVariantMap& row : rawRowsOf(path, u"audit"_s, u"record_id"_s, idText(id)))
        actions.append(row.value(u"action"_s).toString());
    return actions;
}

} // namespace

class TestStoreLeaks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sealedResultsHaveOneLength();
    void nothingInClearTellsAPositive();
    void positiveWaitingForACodeIsNotMarkedInClear();
    void olderStoresAreConvertedAtSignIn();
    void unpaddedValuesStillOpen();
};

void TestStoreLeaks::sealedResultsHaveOneLength()
{
    StoreFixture fixture;
    QString error;
    QVERIFY(
        fixture.openAs(AdminName)->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error));
    const QList<QUuid> ids = addSampledRecords(fixture, 2);
    auto lab = fixture.openAs(LabName);
    QVERIFY(importCodes(*lab, 2));
    QVERIFY(validate(*lab, ids.at(0), u"P"_s, reportPdf(1000)));
    QVERIFY(validate(*lab, ids.at(1), u"N"_s, reportPdf(3000)));

    const QVariantMap positive =
        rawRowsOf(fixture.path(), u"records"_s, u"id"_s, idText(ids.at(0))).value(0);
    const QVariantMap negative =
        rawRowsOf(fixture.path(), u"records"_s, u"id"_s, idText(ids.at(1))).value(0);
    const qsizetype positiveLength = positive.value(u"result"_s).toByteArray().size();
    QVERIFY(positiveLength > 0);
    qInfo("sealed result block: %lld bytes, positive or negative", qlonglong(positiveLength));
    // Unpadded, the positive's block (with its activation code and link) was 243 bytes and
    // the negative's 97.
    QCOMPARE(negative.value(u"result"_s).toByteArray().size(), positiveLength);
    QCOMPARE(negative.value(u"report"_s).toByteArray().size(),
             positive.value(u"report"_s).toByteArray().size());
    // Every block is padded: its sealed length is a whole number of buckets (plus the nonce
    // and tag of an empty value's seal).
    const Vault anyKey(SecureBytes(std::size_t(32)));
    for (const QString& column : {u"patient"_s, u"contact"_s, u"specimen"_s}) {
        const int bucket = Vault::paddingBucket(column);
        const qsizetype overhead = anyKey.seal(u"t"_s, u"r"_s, column, {}).size() - bucket;
        QCOMPARE((negative.value(column).toByteArray().size() - overhead) % bucket, 0);
        QVERIFY(negative.value(column).toByteArray().size() > overhead);
    }

    // And they read back whole.
    ResultStore results(*lab);
    ResultStore::Current current;
    QVERIFY2(results.current(ids.at(0), &current, &error), qPrintable(error));
    QVERIFY(current.isValidatedPositive());
    QVERIFY(!current.activation.code.isEmpty());
    QByteArray pdf;
    QVERIFY2(results.report(ids.at(1), &pdf, &error), qPrintable(error));
    QCOMPARE(pdf.size(), 3000);
}

void TestStoreLeaks::nothingInClearTellsAPositive()
{
    StoreFixture fixture;
    QString error;
    QVERIFY2(fixture.openAs(AdminName)->addUser(u"lab2"_s, Role::Lab, password(), &error),
             qPrintable(error));
    const QList<QUuid> ids = addSampledRecords(fixture, 2);
    const QUuid positiveId = ids.at(0);
    const QUuid negativeId = ids.at(1);
    auto lab = fixture.openAs(LabName);
    auto lab2 = fixture.openAs(u"lab2"_s);
    QVERIFY(importCodes(*lab, 2));
    // A positive needs two entries (the second check), a negative one.
    ResultStore::Entry positive;
    positive.value = u"P"_s;
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QVERIFY2(ResultStore(*lab).enter(positiveId, positive, &outcome, &problems, &error),
             qPrintable(error));
    QCOMPARE(outcome, ResultStore::Outcome::AwaitingSecondEntry);
    // Waiting for its second entry, the positive is not named in the file: its row is keyed
    // by a token (only a positive waits there).
    const QList<QVariantMap> pending = rawRows(fixture.path(), u"result_entries"_s);
    QCOMPARE(pending.size(), 1);
    const QString pendingKey = pending.first().value(u"record_id"_s).toString();
    QVERIFY2(!pendingKey.contains(idText(positiveId).left(8)), qPrintable(pendingKey));
    QVERIFY(pendingKey.startsWith(u"k:"_s));
    ResultStore::PendingState state;
    QVERIFY2(ResultStore(*lab2).pendingState(positiveId, &state, &error), qPrintable(error));
    QCOMPARE(state.enteredBy, QStringList{LabName});
    QVERIFY2(ResultStore(*lab2).enter(positiveId, positive, &outcome, &problems, &error),
             qPrintable(error));
    QCOMPARE(outcome, ResultStore::Outcome::Validated);
    QVERIFY(validate(*lab, negativeId, u"N"_s));
    // The slip of each, and the positive's QR code shown and exported.
    ResultStore::SlipContent slip;
    QVERIFY2(ResultStore(*lab).slip(positiveId, {}, &slip, &error), qPrintable(error));
    QVERIFY(!slip.activationCode.isEmpty());
    QVERIFY2(ResultStore(*lab).slip(negativeId, {}, &slip, &error), qPrintable(error));
    Activation activation;
    for (auto use : {ResultStore::QrUse::Display, ResultStore::QrUse::Export})
        QVERIFY2(ResultStore(*lab).activationFor(positiveId, use, &activation, &error),
                 qPrintable(error));

    // In clear, the two records' audit entries are the same.
    const QStringList positiveActions = clearActionsOf(fixture.path(), positiveId);
    QCOMPARE(clearActionsOf(fixture.path(), negativeId), positiveActions);
    QVERIFY2(positiveActions == QStringList{u"record.create"_s},
             qPrintable(positiveActions.join(u' ')));
    for (const QVariantMap& row : rawRows(fixture.path(), u"audit"_s)) {
        const QString action = row.value(u"action"_s).toString();
        for (const char* revealing : {"result.", "activation.", "qr.", "slip."})
            QVERIFY2(!action.startsWith(QLatin1String(revealing)), qPrintable(action));
        if (action == AuditLog::SealedAction) {
            QVERIFY(row.value(u"record_id"_s).toString().isEmpty());
            QVERIFY(row.value(u"detail"_s).toString().isEmpty());
        }
    }
    // The used code names no record; its time is the day only.
    const QList<QVariantMap> codes = rawRows(fixture.path(), u"activation_codes"_s);
    QCOMPARE(codes.size(), 2);
    int used = 0;
    for (const QVariantMap& code : codes) {
        const QString holder = code.value(u"used_by"_s).toString();
        if (holder.isEmpty())
            continue;
        ++used;
        QVERIFY(holder != idText(positiveId));
        QVERIFY(!holder.contains(idText(positiveId).left(8)));
        QCOMPARE(code.value(u"used_at"_s).toString().size(), 10);
    }
    QCOMPARE(used, 1);
    // The records' clear columns are alike.
    const QVariantMap positiveRow =
        rawRowsOf(fixture.path(), u"records"_s, u"id"_s, idText(positiveId)).value(0);
    const QVariantMap negativeRow =
        rawRowsOf(fixture.path(), u"records"_s, u"id"_s, idText(negativeId)).value(0);
    for (const QString& column : {u"status"_s, u"version"_s, u"activation_pending"_s,
                                  u"correction"_s, u"slips_printed"_s}) {
        QCOMPARE(negativeRow.value(column).toString(), positiveRow.value(column).toString());
    }
    QCOMPARE(rawRows(fixture.path(), u"activation_waiting"_s).size(), 0);

    // A signed-in user reads the whole story back, the activation code included.
    QStringList story;
    for (const AuditLog::Entry& entry : lab->auditLog()->entries(1, 100000)) {
        if (entry.recordId == idText(positiveId))
            story.append(entry.action + u':' + entry.detail);
    }
    const QString joined = story.join(u'\n');
    for (const QString& expected :
         {u"result.firstEntry"_s, u"result.secondEntry"_s, u"activation code given"_s,
          u"with the activation QR code"_s, u"qr.display"_s, u"qr.export"_s}) {
        QVERIFY2(joined.contains(expected), qPrintable(expected + u" in\n"_s + joined));
    }
    QVERIFY(lab->auditLog()->verify().isEmpty());
    // A sealed entry edited in the file is caught like any other.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"edit"_s);
        db.setDatabaseName(fixture.path());
        QVERIFY(db.open());
        QSqlQuery edit(db);
        QVERIFY(edit.exec(u"UPDATE audit SET record_id = '%1' WHERE seq = (SELECT max(seq) "
                          "FROM audit WHERE action = 'sealed')"_s.arg(idText(negativeId))));
        QCOMPARE(edit.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(u"edit"_s);
    QVERIFY(!lab->auditLog()->verify().isEmpty());
}

void TestStoreLeaks::positiveWaitingForACodeIsNotMarkedInClear()
{
    StoreFixture fixture;
    QString error;
    QVERIFY(
        fixture.openAs(AdminName)->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error));
    const QList<QUuid> ids = addSampledRecords(fixture, 2);
    auto lab = fixture.openAs(LabName);
    // No code in the pool: the positive waits for one.
    QVERIFY(validate(*lab, ids.at(0), u"P"_s));
    QVERIFY(validate(*lab, ids.at(1), u"N"_s));
    ResultStore::Current current;
    QVERIFY2(ResultStore(*lab).current(ids.at(0), &current, &error), qPrintable(error));
    QVERIFY(current.awaitingActivationCode);
    QVERIFY2(ResultStore(*lab).current(ids.at(1), &current, &error), qPrintable(error));
    QVERIFY(!current.awaitingActivationCode);
    QCOMPARE(ActivationCodes(*lab).status(3, &error).awaitingCode, 1);

    for (const QVariantMap& row : rawRows(fixture.path(), u"records"_s))
        QCOMPARE(row.value(u"activation_pending"_s).toInt(), 0);
    const QList<QVariantMap> waiting = rawRows(fixture.path(), u"activation_waiting"_s);
    QCOMPARE(waiting.size(), 1);
    QVERIFY(!waiting.first().value(u"token"_s).toString().contains(idText(ids.at(0))));
    QVERIFY(!waiting.first().value(u"record"_s).toByteArray().contains(idText(ids.at(0)).toUtf8()));

    // Codes arrive: the waiting positive gets one and leaves the list.
    ActivationCodes::ImportReport report;
    QVERIFY2(ActivationCodes(*lab).importCsv(codeBatch(3), u"batch.csv"_s, {}, &report, &error),
             qPrintable(error));
    QCOMPARE(report.assigned, 1);
    QVERIFY2(ResultStore(*lab).current(ids.at(0), &current, &error), qPrintable(error));
    QVERIFY(!current.awaitingActivationCode);
    QVERIFY(!current.activation.code.isEmpty());
    QCOMPARE(rawRows(fixture.path(), u"activation_waiting"_s).size(), 0);
    QCOMPARE(ActivationCodes(*lab).status(3, &error).awaitingCode, 0);
}

void TestStoreLeaks::olderStoresAreConvertedAtSignIn()
{
    StoreFixture fixture;
    QString error;
    QVERIFY(
        fixture.openAs(AdminName)->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error));
    const QList<QUuid> ids = addSampledRecords(fixture, 2);
    {
        auto lab = fixture.openAs(LabName);
        QVERIFY(importCodes(*lab, 1));
        QVERIFY(validate(*lab, ids.at(0), u"P"_s)); // takes the only code
        QVERIFY(validate(*lab, ids.at(1), u"P"_s)); // waits
    }
    // As an older version wrote them: the record's id on its code, the clear flag on the
    // waiting record.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old"_s);
        db.setDatabaseName(fixture.path());
        QVERIFY(db.open());
        QSqlQuery edit(db);
        QVERIFY(
            edit.exec(u"UPDATE activation_codes SET used_by = '%1' WHERE used_by IS NOT NULL"_s.arg(
                idText(ids.at(0)))));
        QVERIFY(edit.exec(u"DELETE FROM activation_waiting"_s));
        QVERIFY(edit.exec(
            u"UPDATE records SET activation_pending = 1 WHERE id = '%1'"_s.arg(idText(ids.at(1)))));
    }
    QSqlDatabase::removeDatabase(u"old"_s);

    auto lab = fixture.openAs(LabName);
    // The row as the first sign-in of this version seals an older store's rows: as it stands,
    // the clear flag included.
    QVERIFY2(RecordSeal::sealRow(*lab, idText(ids.at(1)), &error), qPrintable(error));
    // Read before any conversion, the waiting record is still known as waiting.
    ResultStore::Current current;
    QVERIFY2(ResultStore(*lab).current(ids.at(1), &current, &error), qPrintable(error));
    QVERIFY(current.awaitingActivationCode);
    QCOMPARE(ActivationCodes(*lab).status(3, &error).awaitingCode, 1);
    // status() converted both.
    const QString holder = ActivationCodes::holderToken(*lab->vault(), idText(ids.at(0)));
    QCOMPARE(rawRowsOf(fixture.path(), u"activation_codes"_s, u"used_by"_s, holder).size(), 1);
    QCOMPARE(
        rawRowsOf(fixture.path(), u"activation_codes"_s, u"used_by"_s, idText(ids.at(0))).size(),
        0);
    QCOMPARE(rawRows(fixture.path(), u"activation_waiting"_s).size(), 1);
    QCOMPARE(rawRowsOf(fixture.path(), u"records"_s, u"id"_s, idText(ids.at(1)))
                 .value(0)
                 .value(u"activation_pending"_s)
                 .toInt(),
             0);
    // And the converted waiting record gets the next code.
    ActivationCodes::ImportReport report;
    QVERIFY2(ActivationCodes(*lab).importCsv(codeBatch(1), u"batch.csv"_s, {}, &report, &error),
             qPrintable(error));
    QCOMPARE(report.assigned, 1);
}

void TestStoreLeaks::unpaddedValuesStillOpen()
{
    Vault vault(SecureBytes(std::size_t(32)));
    const QByteArray value = "{\"value\":\"N\"}";
    // A value sealed before padding existed: the bare place as authenticated data.
    const QByteArray legacy =
        GcmKey(Crypto::hkdf(vault.dataKey(), "sidep/v1/field-encryption"))
            .seal(value, Vault::associatedData(u"records"_s, u"r1"_s, u"result"_s));
    QByteArray opened;
    QVERIFY(vault.open(u"records"_s, u"r1"_s, u"result"_s, legacy, &opened));
    QCOMPARE(opened, value);
    // A padded value: its length is the bucket's (plus nonce and tag), it opens to the value.
    const QByteArray sealed = vault.seal(u"records"_s, u"r1"_s, u"result"_s, value);
    QCOMPARE(sealed.size() - legacy.size(), Vault::paddingBucket(u"result"_s) - value.size());
    QVERIFY(vault.open(u"records"_s, u"r1"_s, u"result"_s, sealed, &opened));
    QCOMPARE(opened, value);
    // Neither opens in another place.
    QVERIFY(!vault.open(u"records"_s, u"r2"_s, u"result"_s, sealed, &opened));
    QVERIFY(!vault.open(u"records"_s, u"r2"_s, u"result"_s, legacy, &opened));
    // A value as long as the bucket takes a second one (the padding is never empty).
    const QByteArray full(Vault::paddingBucket(u"result"_s), 'x');
    const QByteArray sealedFull = vault.seal(u"records"_s, u"r1"_s, u"result"_s, full);
    QVERIFY(vault.open(u"records"_s, u"r1"_s, u"result"_s, sealedFull, &opened));
    QCOMPARE(opened, full);
    QCOMPARE(sealedFull.size() - sealed.size(), Vault::paddingBucket(u"result"_s));
}

QTEST_GUILESS_MAIN(TestStoreLeaks)
#include "TestStoreLeaks.moc"
