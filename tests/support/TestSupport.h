#pragma once

#include "SamplingRecord.h"
#include "SecureBytes.h"
#include "Store.h"

#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>
#include <QVariant>
#include <memory>

// Fixtures shared by the tests: complete valid records with distinctive values, and a
// store with one account of each role.
namespace TestSupport {

inline const QString SiteFiness = QStringLiteral("750712184");
inline const QString AdminName = QStringLiteral("admin");
inline const QString NurseName = QStringLiteral("nurse");
inline const QString LabName = QStringLiteral("lab");
// Every fixture account has this password (long enough for the policy).
inline const QString Password = QStringLiteral("correct horse battery staple");

SecureBytes password(const QString& text = Password);

// A NIR with its key computed: 13 characters (sex, year, month, department, commune,
// order) followed by the key that makes it valid.
QString nirWithKey(const QString& first13);

// A record that passes every rule with no warning. `index` makes the tube label, the
// names, the e-mail, the phone and the NIR distinct and easy to search for. Its collection
// time is collectionTime(): the same for every record of the process, so that a record
// built twice is the same record even when a second (or midnight) passes in between.
QJsonObject validRecordJson(int index = 0);
// An hour before the process first asked, at +01:00.
QString collectionTime();
SamplingRecord validRecord(int index = 0);

// Distinctive strings that validRecordJson(index) puts in the record: for tests that look
// for leaks of identifying data.
QStringList identifyingStrings(int index);

// A fresh store in a temporary folder, with accounts admin, nurse and lab.
class StoreFixture
{
public:
    StoreFixture();
    // A store at this location instead: a file path or a site database's URL (an empty
    // database).
    explicit StoreFixture(const QString& location);
    bool isValid() const { return m_valid; }
    QString path() const { return m_path; }
    QString folder() const { return m_dir.path(); }
    QString recoveryKey() const { return m_recoveryKey; }
    // A new Store on the same file, signed in as `user` (fails the test if it cannot).
    std::unique_ptr<Store> openAs(const QString& user);

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_recoveryKey;
    bool m_valid = false;
};

// `count` records sampled by the nurse (each queued for the national server as its
// registration, version 1).
QList<QUuid> addSampledRecords(StoreFixture& fixture, int count);
// The lab enters this result on each record (a new version each: version 2 for a first result).
void enterResults(StoreFixture& fixture, const QList<QUuid>& ids,
                  const QString& value = QStringLiteral("N"), const QByteArray& reportPdf = {});
// `count` records sampled by the nurse and given a negative result by the lab (with this
// report, if any): two versions each for the sync engine to send, registration and result.
QList<QUuid> addResultedRecords(StoreFixture& fixture, int count, const QByteArray& reportPdf = {});

// A test that re-runs itself as a second process holding a read transaction on the store
// (so that the WAL keeps its frames) sets this variable to the store's path for the child,
// whose main() then calls holdOpen().
constexpr char HoldOpenVariable[] = "SIDEP_TEST_HOLD_OPEN";
// That second process: prints "holding" once the read transaction is open, keeps it until
// its standard input closes, returns 0 on success.
int holdOpen(const QString& path);

// What someone with write access to the store's file does, with no key: plain SQL on a
// connection of their own (a statement with these values; the first column of the first row).
void editFile(const QString& path, const QString& sql, const QVariantList& values = {});
QVariant readFile(const QString& path, const QString& sql);

// A site database made afresh on the PostgreSQL cluster at clusterUrl (PostgresTestCluster),
// with the site's store (SiteFiness, the administrator AdminName) and a NurseName account,
// as its first station makes them: its URL, or empty with why.
QString siteDatabaseWithNurse(const QString& clusterUrl, const QString& name, QString* error);

} // namespace TestSupport
