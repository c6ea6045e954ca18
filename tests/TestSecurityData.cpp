// Security checklist, data: a whole day at a sampling site with the real programs,
// then a search of every byte they left for the identifying strings of the day's patients.
//
// The day: the administrator sets up the store and the national server's settings; the lab
// imports activation codes; the nurse samples six patients; the lab enters five results (one
// positive, entered blind by two lab users, which takes an activation code), exports the
// positive's QR code, prints result slips (and a reprint), and syncs with the real
// sidep-server over mutual TLS; the administrator reads the audit log; eight days later the
// retention purge erases the acknowledged records. The sixth patient is never resulted, so
// never sent, and stays: the control that the searches find what is there.
//
// Searched, in UTF-8 and UTF-16 (both byte orders, as typed and in upper and lower case):
// the store's database, -wal and -shm files (the -wal kept on disk during the day by a
// second process holding a read transaction, as the GUI would), every file under the
// folders given to the processes as TMPDIR, HOME and XDG_*, the standard output and error of
// every sidepctl run with every sidep logging category switched on, this process's own Qt
// log, `sidepctl audit list`, and the audit table's raw bytes. Excluded, because the user
// asked for them and they are meant to name the patient: the result slip PDFs, and the
// standard output of `record show` (which the test checks does show the patient, so that
// the search is seen to work on real output). The QR code PNG holds only the activation
// link and is searched like any other file. After the purge, 16-byte pieces of the erased
// records' ciphertexts and keyed hashes are looked for too (TestRetention's technique): none
// may be left, while the kept record's are all found.
//
// The reference server's own database holds the records by design (it is the national
// server) and its log is not captured here: ServerProcess forwards it to the test's output.

#include "Identifiers.h"
#include "NeedleSearch.h"
#include "RecordPurge.h"
#include "ServerProcess.h"
#include "Store.h"
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace NeedleSearch;
using namespace TestSupport;

namespace {

constexpr int Patients = 6;
constexpr int Kept = 5; // never resulted: never sent, never purged

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every identifying string of validRecordJson(index), also in the forms the store and the
// programs write them (formatted NIR, E.164 phone), and its tube label.
QStringList identifying(int index)
{
    const QStringList strings = identifyingStrings(index);
    return strings + QStringList{Identifiers::formatNir(strings.at(4)),
                                 strings.at(2) + u"@example.org"_s, u"+33"_s + strings.at(3),
                                 u"0"_s + strings.at(3), validRecord(index).specimen.accession};
}

// Shared by every record of the fixture: identifying, but only searched where nothing else
// could hold them by chance.
const QStringList SharedIdentifying = {u"1995-10-21"_s, u"21/10/1995"_s, u"rue des Lilas"_s};

// 16-byte pieces of each value, every 256 bytes and the last (TestRetention): random bytes
// that cannot be anywhere by chance. A piece that straddles an overflow page boundary is not
// found even when the value is there: the kept values are expected nearly all.
QList<QByteArray> windows(const QList<QByteArray>& values)
{
    QList<QByteArray> result;
    for (const QByteArray& value : values) {
        if (value.size() < 16)
            continue;
        for (qsizetype at = 0; at + 16 <= value.size(); at += 256)
            result.append(value.mid(at, 16));
        result.append(value.right(16));
    }
    return result;
}

int foundIn(const QByteArray& haystack, const QList<QByteArray>& pieces)
{
    return int(std::count_if(pieces.cbegin(), pieces.cend(),
                             [&](const QByteArray& piece) { return haystack.contains(piece); }));
}

// This process's Qt messages (the in-process purge's), kept for the search.
QMutex logMutex;
QByteArray ownLog;
QtMessageHandler previousHandler = nullptr;

void keepMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&logMutex);
        ownLog +=
            QByteArray(context.category ? context.category : "") + ": " + message.toUtf8() + '\n';
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class TestSecurityData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void searchFindsWhatIsThere();
    void aFullDayLeavesNoIdentifyingData();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    enum class Output
    {
        Searched,
        ShownToTheUser, // record show: the patient on the user's screen, by request
    };
    Run sidepctl(const QStringList& arguments, const QByteArray& input,
                 Output output = Output::Searched);
    Run as(const QString& user, const QStringList& arguments, const QByteArray& more = {},
           Output output = Output::Searched);
    // The sealed values and keyed hashes a record has in the store (read without the key).
    QList<QByteArray> sealedValuesOf(const QString& id);
    // Every file below the root but the slips, searched.
    QStringList searchFiles(const QList<Needle>& needles, QStringList* files);
    QString path(const QString& name) const { return m_root.filePath(name); }

    QTemporaryDir m_root;
    QString m_db;
    QString m_program;
    ServerProcess m_server;
    QByteArray m_searchedOutput; // every stderr, every stdout but record show's
    QByteArray m_shownOutput;
    int m_runs = 0;
};

void TestSecurityData::initTestCase()
{
    m_program = qEnvironmentVariable("SIDEPCTL");
    QVERIFY2(QFileInfo(m_program).isExecutable(), "SIDEPCTL must name the sidepctl program");
    QVERIFY(m_root.isValid());
    for (const QString& folder : {u"tmp"_s, u"home"_s, u"store"_s, u"in"_s, u"out"_s})
        QVERIFY(QDir(m_root.path()).mkpath(folder));
    m_db = path(u"store/site.db"_s);
    // This process's own temporary files (the purge runs here) go to the searched folder
    // too; set before it opens any database, as SQLite reads it once.
    qputenv("TMPDIR", path(u"tmp"_s).toLocal8Bit());
    QLoggingCategory::setFilterRules(u"sidep.*=true"_s);
    previousHandler = qInstallMessageHandler(keepMessage);
    QVERIFY(m_server.makePki());
    QVERIFY(m_server.start());
}

void TestSecurityData::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
    m_server.stop();
}

TestSecurityData::Run TestSecurityData::sidepctl(const QStringList& arguments,
                                                 const QByteArray& input, Output output)
{
    // Everything a process could write to lies under the root; every sidep logging category
    // on, each line saying its category.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"TMPDIR"_s, path(u"tmp"_s));
    environment.insert(u"HOME"_s, path(u"home"_s));
    environment.insert(u"XDG_DATA_HOME"_s, path(u"home/data"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, path(u"home/config"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, path(u"home/cache"_s));
    environment.insert(u"XDG_RUNTIME_DIR"_s, path(u"home/runtime"_s));
    environment.insert(u"QT_LOGGING_RULES"_s, u"sidep.*=true"_s);
    environment.insert(u"QT_MESSAGE_PATTERN"_s, u"%{category}: %{message}"_s);
    environment.remove(u"SIDEP_DB"_s);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(path(u"home"_s));
    process.start(m_program, QStringList{u"--db"_s, m_db} + arguments);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        process.kill();
    ++m_runs;
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    // Not the arguments: a tube label on the test's own command line is no leak.
    const QByteArray what = "\n--- sidepctl run " + QByteArray::number(m_runs) + '\n';
    m_searchedOutput += what + run.err;
    if (output == Output::Searched)
        m_searchedOutput += what + run.out;
    else
        m_shownOutput += run.out;
    return run;
}

TestSecurityData::Run TestSecurityData::as(const QString& user, const QStringList& arguments,
                                           const QByteArray& more, Output output)
{
    return sidepctl(QStringList{u"--user"_s, user, u"--password-stdin"_s} + arguments,
                    Password.toUtf8() + '\n' + more, output);
}

QList<QByteArray> TestSecurityData::sealedValuesOf(const QString& id)
{
    QList<QByteArray> values;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"reader"_s);
        db.setDatabaseName(m_db);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            for (const QString& sql :
                 {u"SELECT tube_index, birth_name_index, usual_name_index, patient, contact, "
                  "clinical, physicians, specimen, result, report FROM records WHERE id = ?"_s,
                  u"SELECT result, report, reason FROM record_versions WHERE record_id = ?"_s,
                  u"SELECT entry FROM result_entries WHERE record_id = ?"_s}) {
                QSqlQuery query(db);
                query.prepare(sql);
                query.addBindValue(id);
                if (!query.exec())
                    qWarning("%s", qPrintable(sql));
                while (query.next()) {
                    for (int column = 0; column < query.record().count(); ++column) {
                        const QByteArray bytes = query.value(column).toByteArray();
                        if (!bytes.isEmpty())
                            values.append(bytes);
                    }
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(u"reader"_s);
    return values;
}

QStringList TestSecurityData::searchFiles(const QList<Needle>& needles, QStringList* files)
{
    QStringList found;
    QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        // The slips name the patient: the user printed them.
        if (QFileInfo(file).fileName().startsWith(u"slip"_s) && file.endsWith(u".pdf"_s))
            continue;
        found += find(fileBytes(file), needles, file);
        files->append(QDir(m_root.path()).relativeFilePath(file));
    }
    return found;
}

// The control: the search must be able to fail, in a file under TMPDIR and in an output.
void TestSecurityData::searchFindsWhatIsThere()
{
    const QString name = identifyingStrings(40).at(0);
    QFile planted(path(u"tmp/control.bin"_s));
    QVERIFY(planted.open(QIODevice::WriteOnly));
    planted.write("\x01" + utf16(name.toUpper(), true) + "\x02" +
                  identifyingStrings(41).at(4).toUtf8());
    planted.close();
    QStringList files;
    QStringList found = searchFiles(needles(identifying(40) + identifying(41)), &files);
    QVERIFY(files.contains(u"tmp/control.bin"_s));
    QCOMPARE(found.size(), 2);
    QVERIFY2(found.first().contains(u"(UTF-16BE)"_s), qPrintable(found.join(u'\n')));
    QVERIFY(QFile::remove(planted.fileName()));
    QVERIFY(searchFiles(needles(identifying(40)), &files).isEmpty());
}

void TestSecurityData::aFullDayLeavesNoIdentifyingData()
{
    QElapsedTimer clock;
    clock.start();
    const QByteArray password = Password.toUtf8() + '\n';

    // Morning: the store, the accounts (two lab users for the second check of positives),
    // the national server, a batch of activation codes.
    Run run = sidepctl(
        {u"--password-stdin"_s, u"init"_s, u"--site-finess"_s, SiteFiness, u"--admin"_s, AdminName},
        password);
    QVERIFY2(run.code == 0, run.err.constData());
    for (const auto& [name, role] :
         {std::pair{NurseName, u"nurse"_s}, {LabName, u"lab"_s}, {u"lab2"_s, u"lab"_s}}) {
        run = as(AdminName, {u"user"_s, u"add"_s, name, u"--role"_s, role}, password);
        QVERIFY2(run.code == 0, run.err.constData());
    }
    run = as(AdminName, {u"config"_s, u"set"_s, u"sync.url"_s,
                         u"https://127.0.0.1:%1"_s.arg(m_server.port())});
    QVERIFY2(run.code == 0, run.err.constData());
    run = as(AdminName, {u"config"_s, u"import-ca"_s, m_server.pki(u"ca.pem"_s)});
    QVERIFY2(run.code == 0, run.err.constData());
    run = as(AdminName, {u"config"_s, u"import-cert"_s, m_server.pki(u"site-750712184.p12"_s)},
             "demo\n");
    QVERIFY2(run.code == 0, run.err.constData());

    // From here to the purge a second process keeps a read transaction open, as the GUI
    // would: the runs cannot fold the -wal back into the database, so it stays to be
    // searched.
    QProcess holder;
    QProcessEnvironment holderEnvironment = QProcessEnvironment::systemEnvironment();
    holderEnvironment.insert(QString::fromLatin1(HoldOpenVariable), m_db);
    holder.setProcessEnvironment(holderEnvironment);
    holder.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(holder.waitForStarted(10000));
    while (!holder.canReadLine() && holder.waitForReadyRead(10000)) {
    }
    QCOMPARE(holder.readLine(), QByteArray("holding\n"));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto iso = [](const QDateTime& at) { return at.toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s); };
    QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n";
    for (int i = 0; i < 5; ++i) {
        csv += u"%1,D%2,%3,%4\n"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces))
                   .arg(i, 5, 10, QLatin1Char('0'))
                   .arg(iso(now.addDays(-1)), iso(now.addDays(7)))
                   .toUtf8();
    }
    QFile codes(path(u"in/codes.csv"_s));
    QVERIFY(codes.open(QIODevice::WriteOnly));
    codes.write(csv);
    codes.close();
    run = as(LabName, {u"codes"_s, u"import"_s, codes.fileName()});
    QVERIFY2(run.code == 0, run.err.constData());
    const qint64 setUp = clock.restart();

    // Sampling: four patients one at a time, two in one batch.
    QStringList ids;
    QStringList tubes;
    for (int i = 0; i < 4; ++i) {
        run = as(NurseName, {u"record"_s, u"add"_s, u"-"_s},
                 QJsonDocument(validRecordJson(i)).toJson());
        QVERIFY2(run.code == 0, run.err.constData());
        ids.append(QString::fromLatin1(run.out.trimmed()));
    }
    QJsonArray batch{validRecordJson(4), validRecordJson(5)};
    run = as(NurseName, {u"record"_s, u"add"_s, u"-"_s}, QJsonDocument(batch).toJson());
    QVERIFY2(run.code == 0, run.err.constData());
    ids += QString::fromLatin1(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(ids.size(), Patients);
    for (int i = 0; i < Patients; ++i)
        tubes.append(validRecord(i).specimen.accession);
    // The nurse looks one up: shown to her, and the search is seen to find it there.
    run = as(NurseName, {u"record"_s, u"show"_s, u"--tube"_s, tubes.at(2)}, {},
             Output::ShownToTheUser);
    QVERIFY2(run.code == 0, run.err.constData());
    QVERIFY(!find(run.out, needles(identifying(2)), u"record show"_s).isEmpty());

    // Results: negatives, an indeterminate, a positive entered blind by two users (it takes
    // an activation code); the sixth is still waiting for the lab.
    const QStringList values{u"N"_s, u"N"_s, u"I"_s, u"P"_s, u"N"_s};
    for (int i = 0; i < 5; ++i) {
        run = as(LabName,
                 {u"result"_s, u"set"_s, u"--tube"_s, tubes.at(i), u"--value"_s, values.at(i)});
        QVERIFY2(run.code == 0, run.err.constData());
    }
    run = as(u"lab2"_s, {u"result"_s, u"set"_s, u"--tube"_s, tubes.at(3), u"--value"_s, u"P"_s});
    QVERIFY2(run.code == 0, run.err.constData());
    QVERIFY2(run.out.contains("Result validated."), run.out.constData());

    // The positive's QR code, and result slips (a reprint needs a reason).
    run = as(LabName, {u"qr"_s, u"--tube"_s, tubes.at(3), u"--png"_s, path(u"out/qr.png"_s)});
    QVERIFY2(run.code == 0, run.err.constData());
    QVERIFY(QFileInfo(path(u"out/qr.png"_s)).size() > 0);
    for (const auto& [tube, file] :
         {std::pair{tubes.at(3), u"slip-positive.pdf"_s}, {tubes.at(0), u"slip-negative.pdf"_s}}) {
        run = as(LabName, {u"slip"_s, u"--tube"_s, tube, u"--pdf"_s, path(u"out/"_s + file)});
        QVERIFY2(run.code == 0, run.err.constData());
    }
    run = as(LabName,
             {u"slip"_s, u"--tube"_s, tubes.at(3), u"--pdf"_s, path(u"out/slip-reprint.pdf"_s),
              u"--reason"_s, u"the patient lost the first one"_s});
    QVERIFY2(run.code == 0, run.err.constData());
    const qint64 working = clock.restart();

    // The sync: every record registered with the national server, the five resulted ones
    // with their result, and the positive's activation code reported apart.
    run = as(LabName, {u"sync"_s});
    QVERIFY2(run.code == 0, QByteArray(run.out + run.err).constData());
    QVERIFY2(run.out.contains(QString(u"acknowledged: %1 record(s) (%2 version(s))"_s)
                                  .arg(Patients)
                                  .arg(Patients + 5)
                                  .toUtf8()),
             run.out.constData());
    QVERIFY2(run.out.contains("used activation codes reported: 1"), run.out.constData());
    const qint64 syncing = clock.restart();

    // The administrator reads and checks the audit log.
    const Run audit = as(AdminName, {u"audit"_s, u"list"_s});
    QVERIFY2(audit.code == 0, audit.err.constData());
    for (const char* action : {"record.create", "result.", "qr.", "slip.print", "slip.reprint"})
        QVERIFY2(audit.out.contains(action), action);
    run = as(AdminName, {u"audit"_s, u"verify"_s});
    QVERIFY2(run.code == 0, run.out.constData());

    QStringList everything = SharedIdentifying;
    for (int i = 0; i < Patients; ++i)
        everything += identifying(i);
    const QList<Needle> secrets = needles(everything);

    // The store's files in the middle of the day, the -wal full of the day's pages.
    QVERIFY2(QFileInfo(m_db + u"-wal"_s).size() > 100000,
             qPrintable(u"-wal of %1 bytes"_s.arg(QFileInfo(m_db + u"-wal"_s).size())));
    QStringList found;
    for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        found += find(fileBytes(m_db + suffix), secrets, m_db + suffix);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));

    // What the purge must erase, and what it must keep (the unsent sixth record); read
    // before it, and found in the files before it (or the check after it could not fail).
    QList<QByteArray> erasedValues;
    for (int i = 0; i < Patients; ++i) {
        if (i != Kept)
            erasedValues += sealedValuesOf(ids.at(i));
    }
    const QList<QByteArray> erased = windows(erasedValues);
    const QList<QByteArray> kept = windows(sealedValuesOf(ids.at(Kept)));
    QVERIFY(erased.size() > 5 * 8);
    QVERIFY(kept.size() >= 8);
    const QByteArray before = fileBytes(m_db) + fileBytes(m_db + u"-wal"_s);
    const int erasedBefore = foundIn(before, erased);
    QVERIFY2(erasedBefore * 20 >= erased.size() * 19,
             qPrintable(u"%1 of %2"_s.arg(erasedBefore).arg(erased.size())));
    holder.closeWriteChannel();
    QVERIFY(holder.waitForFinished(10000));
    QCOMPARE(holder.exitCode(), 0);

    // Eight days later (the retention is 7 days), in this process: the purge takes its
    // clock as a parameter.
    {
        Store lab;
        QString error;
        QVERIFY2(lab.open(m_db, &error), qPrintable(error));
        QVERIFY2(lab.signIn(LabName, TestSupport::password(), &error), qPrintable(error));
        RecordPurge::Report report;
        QVERIFY2(
            RecordPurge(lab).purgeDue(QDateTime::currentDateTimeUtc().addDays(8), &report, &error),
            qPrintable(error));
        QCOMPARE(report.records, Patients - 1);
        QVERIFY(report.journalEmptied);
    }
    run = as(LabName, {u"record"_s, u"purge"_s});
    QVERIFY2(run.code == 0 && run.out.startsWith("0 record(s) erased"), run.out.constData());
    run = as(NurseName, {u"record"_s, u"show"_s, u"--tube"_s, tubes.at(0)}, {},
             Output::ShownToTheUser);
    QCOMPARE(run.code, 5); // purged: found by nothing
    run = as(NurseName, {u"record"_s, u"show"_s, u"--tube"_s, tubes.at(Kept)}, {},
             Output::ShownToTheUser);
    QVERIFY2(run.code == 0, run.err.constData());
    QVERIFY(!find(run.out, needles(identifying(Kept)), u"record show"_s).isEmpty());
    run = as(AdminName, {u"db"_s, u"verify"_s});
    QVERIFY2(run.code == 0, run.out.constData());
    const qint64 purging = clock.restart();

    // Not one piece of the erased ciphertexts is left; the kept record's are there.
    const QByteArray after =
        fileBytes(m_db) + fileBytes(m_db + u"-wal"_s) + fileBytes(m_db + u"-shm"_s);
    QCOMPARE(foundIn(after, erased), 0);
    const int keptFound = foundIn(after, kept);
    QVERIFY2(keptFound * 20 >= kept.size() * 19,
             qPrintable(u"%1 of %2"_s.arg(keptFound).arg(kept.size())));

    // Every file every process left (the store included), every output, every log.
    QStringList files;
    found = searchFiles(secrets, &files);
    found += find(m_searchedOutput, secrets, u"sidepctl's output and log"_s);
    {
        QMutexLocker lock(&logMutex);
        found += find(ownLog, secrets, u"this process's log"_s);
    }
    found += find(audit.out, secrets, u"audit list"_s);
    QByteArray auditTable;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"audit"_s);
        db.setDatabaseName(m_db);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT * FROM audit ORDER BY seq"_s));
        while (query.next()) {
            for (int column = 0; column < query.record().count(); ++column)
                auditTable += query.value(column).toByteArray() + '\x1f';
        }
    }
    QSqlDatabase::removeDatabase(u"audit"_s);
    found += find(auditTable, secrets, u"the audit table"_s);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));

    // The searches had something to search: the files, the logs of every category, the
    // audit entries of the day, and the shown records.
    for (const QString& file : {u"store/site.db"_s, u"out/qr.png"_s, u"in/codes.csv"_s})
        QVERIFY2(files.contains(file), qPrintable(files.join(u", "_s)));
    QVERIFY(m_searchedOutput.contains("sidep.store: record saved"));
    QVERIFY(m_searchedOutput.contains("sidep.sync"));
    QVERIFY(auditTable.contains("records.purge"));
    QVERIFY(audit.out.count('\n') > 30);
    QVERIFY(!find(m_shownOutput, needles(identifying(2)), {}).isEmpty());
    QVERIFY(QFileInfo(path(u"out/slip-positive.pdf"_s)).size() > 1000);
    qInfo(
        "%d sidepctl runs; set-up %lld ms, sampling and results %lld ms, sync %lld ms, "
        "purge %lld ms; %lld files (%s), %lld bytes of output and %lld of audit table searched for "
        "%lld strings",
        m_runs, setUp, working, syncing, purging, qint64(files.size()),
        qPrintable(files.join(u", "_s)), qint64(m_searchedOutput.size()), qint64(auditTable.size()),
        qint64(secrets.size()));
}

// QTEST_GUILESS_MAIN, and the holder when the environment asks for it.
int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QString holdOpenPath = qEnvironmentVariable(HoldOpenVariable);
    if (!holdOpenPath.isEmpty())
        return holdOpen(holdOpenPath);
    TestSecurityData test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "TestSecurityData.moc"
