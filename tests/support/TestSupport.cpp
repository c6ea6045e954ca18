#include "TestSupport.h"

#include "Bootstrap.h"
#include "PostgresTestCluster.h"
#include "RecordStore.h"
#include "ResultStore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// As the programs do first thing (Bootstrap::hardenProcess), before a test uses OpenSSL.
[[maybe_unused]] const bool openSslKeptUntilExit = [] {
    Bootstrap::keepOpenSslUntilExit();
    return true;
}();

} // namespace

namespace TestSupport {

SecureBytes password(const QString& text)
{
    return SecureBytes::fromUtf8(text);
}

QString nirWithKey(const QString& first13)
{
    QString digits = first13;
    digits.replace(u"2A"_s, u"19"_s).replace(u"2B"_s, u"18"_s);
    qint64 remainder = 0;
    for (QChar ch : std::as_const(digits))
        remainder = (remainder * 10 + ch.digitValue()) % 97;
    return first13 + u"%1"_s.arg(97 - remainder, 2, 10, QLatin1Char('0'));
}

QStringList identifyingStrings(int index)
{
    // Names allow letters only: the index is spelled with letters (0 -> a, 1 -> b...).
    const QString n = QString::number(index);
    QString letters;
    for (QChar digit : n)
        letters.append(QChar(u'a' + digit.digitValue()));
    return {u"Zorglubovitch"_s + letters, u"Philomene"_s + letters, u"quixotic.patient"_s + n,
            u"61234"_s + u"%1"_s.arg(index % 10000, 4, 10, QLatin1Char('0')),
            nirWithKey(u"2951099126"_s + u"%1"_s.arg(index % 999 + 1, 3, 10, QLatin1Char('0')))};
}

QString collectionTime()
{
    static const QString time =
        QDateTime::currentDateTimeUtc().addSecs(-3600).toOffsetFromUtc(3600).toString(Qt::ISODate);
    return time;
}

QJsonObject validRecordJson(int index)
{
    const QStringList strings = identifyingStrings(index);
    const QString collectedAt = collectionTime();

    QJsonObject patient;
    patient.insert(u"birthName"_s, strings[0]);
    patient.insert(u"firstNames"_s, strings[1]);
    patient.insert(u"sex"_s, u"F"_s);
    patient.insert(u"birthDate"_s, u"1995-10-21"_s);
    patient.insert(u"birthPlace"_s, u"99126"_s);
    patient.insert(u"ins"_s, strings[4]);
    patient.insert(u"insOid"_s, u"1.2.250.1.213.1.4.8"_s);

    QJsonObject address;
    address.insert(u"lines"_s, QJsonArray::fromStringList({u"12 rue des Lilas"_s}));
    address.insert(u"postalCode"_s, u"75012"_s);
    address.insert(u"city"_s, u"Paris"_s);
    QJsonObject contact;
    contact.insert(u"address"_s, address);
    contact.insert(u"email"_s, QString(strings[2] + u"@example.org"_s));
    contact.insert(u"emailOwner"_s, u"patient"_s);
    contact.insert(u"mobilePhone"_s, QString(u"0"_s + strings[3]));
    contact.insert(u"mobilePhoneOwner"_s, u"patient"_s);

    QJsonObject prescriber;
    prescriber.insert(u"rpps"_s, u"10100710366"_s);
    prescriber.insert(u"familyName"_s, u"Martin"_s);

    QJsonObject specimen;
    specimen.insert(u"accession"_s, u"CHU75-2020-%1"_s.arg(index, 6, 10, QLatin1Char('0')));
    specimen.insert(u"collectedAt"_s, collectedAt);
    specimen.insert(u"finess"_s, SiteFiness);

    QJsonObject record;
    record.insert(u"patient"_s, patient);
    record.insert(u"contact"_s, contact);
    record.insert(u"residence"_s, QJsonArray::fromStringList({u"individual"_s}));
    record.insert(u"healthProfessional"_s, false);
    record.insert(u"symptomOnset"_s, u"recent"_s);
    record.insert(u"symptoms"_s, QJsonArray::fromStringList({u"fever"_s, u"cough"_s}));
    record.insert(u"prescriber"_s, prescriber);
    record.insert(u"specimen"_s, specimen);
    return record;
}

SamplingRecord validRecord(int index)
{
    QList<Problem> problems;
    SamplingRecord record = SamplingRecord::fromJson(validRecordJson(index), &problems);
    if (!problems.isEmpty())
        qFatal("validRecordJson does not read back cleanly");
    return record;
}

StoreFixture::StoreFixture()
    : StoreFixture(QString())
{}

StoreFixture::StoreFixture(const QString& location)
{
    m_path = location.isEmpty() ? m_dir.filePath(u"store.db"_s) : location;
    Store store;
    QString error;
    if (!store.initialize(m_path, SiteFiness, AdminName, password(), &m_recoveryKey, &error) ||
        !store.addUser(NurseName, Role::Nurse, password(), &error) ||
        !store.addUser(LabName, Role::Lab, password(), &error)) {
        qWarning("fixture store: %s", qPrintable(error));
        return;
    }
    m_valid = true;
}

std::unique_ptr<Store> StoreFixture::openAs(const QString& user)
{
    auto store = std::make_unique<Store>();
    QString error;
    if (!store->open(m_path, &error) || !store->signIn(user, password(), &error)) {
        qWarning("cannot sign in as %s: %s", qPrintable(user), qPrintable(error));
        return {};
    }
    return store;
}

// Records sampled by the nurse and given a negative result by the lab.
QList<QUuid> addSampledRecords(StoreFixture& fixture, int count)
{
    QList<QUuid> ids;
    auto nurse = fixture.openAs(NurseName);
    QList<SamplingRecord> records;
    for (int i = 0; i < count; ++i)
        records.append(validRecord(i));
    QList<QList<Problem>> problems;
    QString error;
    if (!nurse->records()->add(&records, {}, &problems, &error))
        qFatal("%s", qPrintable(error));
    for (const SamplingRecord& record : std::as_const(records))
        ids.append(record.id);
    return ids;
}

void enterResults(StoreFixture& fixture, const QList<QUuid>& ids, const QString& value,
                  const QByteArray& reportPdf)
{
    auto lab = fixture.openAs(LabName);
    ResultStore results(*lab);
    for (const QUuid& id : ids) {
        ResultStore::Entry entry;
        entry.value = value;
        entry.reportPdf = reportPdf;
        ResultStore::Outcome outcome;
        QList<Problem> entryProblems;
        QString error;
        if (!results.enter(id, entry, &outcome, &entryProblems, &error))
            qFatal("%s", qPrintable(error));
    }
}

QList<QUuid> addResultedRecords(StoreFixture& fixture, int count, const QByteArray& reportPdf)
{
    const QList<QUuid> ids = addSampledRecords(fixture, count);
    enterResults(fixture, ids, u"N"_s, reportPdf);
    return ids;
}

int holdOpen(const QString& path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"holder"_s);
    db.setDatabaseName(path);
    if (!db.open())
        return 1;
    {
        QSqlQuery query(db);
        if (!query.exec(u"BEGIN"_s) || !query.exec(u"SELECT count(*) FROM users"_s) ||
            !query.next()) {
            return 1;
        }
    }
    std::fputs("holding\n", stdout);
    std::fflush(stdout);
    QFile input;
    if (input.open(stdin, QIODevice::ReadOnly))
        input.readAll();
    return db.commit() ? 0 : 1;
}

// What someone with write access to the file does: plain SQL on their own connection,
// with no key.
void editFile(const QString& path, const QString& sql, const QVariantList& values)
{
    const QString name = u"attacker"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.prepare(sql));
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(name);
}

QString siteDatabaseWithNurse(const QString& clusterUrl, const QString& name, QString* error)
{
    const QString url = PostgresTestCluster::freshDatabase(clusterUrl, name);
    if (url.isEmpty()) {
        *error = u"cannot make the database %1 on the test cluster"_s.arg(name);
        return {};
    }
    Store first;
    QString recoveryKey;
    if (!first.initialize(url, SiteFiness, AdminName, password(), &recoveryKey, error) ||
        !first.addUser(NurseName, Role::Nurse, password(), error))
        return {};
    return url;
}

QVariant readFile(const QString& path, const QString& sql)
{
    const QString name = u"attacker"_s;
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

} // namespace TestSupport
