#include "Identifiers.h"
#include "NeedleSearch.h"
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace NeedleSearch;
using namespace TestSupport;

namespace {

QStringList scanFile(const QString& path, const QList<Needle>& needles)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {u"%1: cannot be read (%2)"_s.arg(path, file.errorString())};
    return find(file.readAll(), needles, path);
}

// Every file below `folder`, hidden ones included.
QStringList scanFolder(const QString& folder, const QList<Needle>& needles, int* filesScanned)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        found += scanFile(it.next(), needles);
        ++*filesScanned;
    }
    return found;
}

QString tubeLabel(const QJsonObject& record)
{
    return record.value(u"specimen"_s)[u"accession"_s].toString();
}

} // namespace

// The real sidepctl, run as a separate process on records full of distinctive names,
// e-mails, phone numbers and NIRs: none of them may be found in clear in the database, its
// -wal and -shm files, the process's temporary folder or its error output.
class TestNoPlaintext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scanFindsWhatIsThere_data();
    void scanFindsWhatIsThere();
    void noIdentifyingDataAtRest();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run sidepctl(const QStringList& arguments, const QByteArray& input);
    Run asNurse(const QStringList& arguments, const QByteArray& input = {});
    // The database file and its -wal and -shm companions, scanned where they exist.
    QStringList scanDatabase(const QList<Needle>& needles, bool walMustHaveData);

    QTemporaryDir m_root;
    QString m_tmp;
    QString m_db;
    QString m_program;
    QByteArray m_allErrors;
};

void TestNoPlaintext::initTestCase()
{
    m_program = qEnvironmentVariable("SIDEPCTL");
    QVERIFY2(QFileInfo(m_program).isExecutable(), "SIDEPCTL must name the sidepctl program");
    QVERIFY(m_root.isValid());
    m_tmp = m_root.filePath(u"tmp"_s);
    m_db = m_root.filePath(u"store/site.db"_s);
    for (const QString& folder : {u"tmp"_s, u"store"_s, u"home"_s})
        QVERIFY(QDir(m_root.path()).mkpath(folder));
}

TestNoPlaintext::Run TestNoPlaintext::sidepctl(const QStringList& arguments,
                                               const QByteArray& input)
{
    // Everything the process could write to is inside m_root: temporary files, home,
    // configuration and caches.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"TMPDIR"_s, m_tmp);
    environment.insert(u"HOME"_s, m_root.filePath(u"home"_s));
    environment.insert(u"XDG_DATA_HOME"_s, m_root.filePath(u"home/data"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, m_root.filePath(u"home/config"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, m_root.filePath(u"home/cache"_s));
    environment.insert(u"SIDEP_DB"_s, m_db);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_root.filePath(u"home"_s));
    process.start(m_program, QStringList{u"--db"_s, m_db} + arguments);
    Run run;
    if (!process.waitForStarted(10000)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        process.kill();
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    m_allErrors += run.err;
    return run;
}

TestNoPlaintext::Run TestNoPlaintext::asNurse(const QStringList& arguments, const QByteArray& input)
{
    return sidepctl(QStringList{u"--user"_s, NurseName, u"--password-stdin"_s} + arguments,
                    Password.toUtf8() + '\n' + input);
}

QStringList TestNoPlaintext::scanDatabase(const QList<Needle>& needles, bool walMustHaveData)
{
    QStringList found;
    for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
        const QFileInfo file(m_db + suffix);
        if (suffix == u"-wal"_s && walMustHaveData && (!file.exists() || file.size() == 0)) {
            found.append(
                u"%1 is missing or empty: the scan would prove nothing"_s.arg(file.filePath()));
        }
        if (file.exists())
            found += scanFile(file.filePath(), needles);
    }
    return found;
}

void TestNoPlaintext::scanFindsWhatIsThere_data()
{
    QTest::addColumn<QByteArray>("contents");
    const QString name = identifyingStrings(7).at(0);
    QTest::newRow("UTF-8") << QByteArray("\x01\x02" + name.toUtf8() + "\xff");
    QTest::newRow("UTF-16LE") << QByteArray("\x01" + utf16(name, false) + "\x02");
    QTest::newRow("UTF-16BE") << QByteArray("\x01\x02\x03" + utf16(name, true));
    QTest::newRow("upper case") << name.toUpper().toUtf8();
    QTest::newRow("NIR") << utf16(identifyingStrings(7).at(4), true);
}

// The control: the scan must be able to fail.
void TestNoPlaintext::scanFindsWhatIsThere()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QVERIFY(QDir(folder.path()).mkpath(u".hidden/deeper"_s));
    QFile file(folder.filePath(u".hidden/deeper/plain.bin"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();

    int files = 0;
    const QStringList found = scanFolder(folder.path(), needles(identifyingStrings(7)), &files);
    QCOMPARE(files, 1);
    QCOMPARE(found.size(), 1);
    QVERIFY(scanFolder(folder.path(), needles(identifyingStrings(8)), &files).isEmpty());
}

void TestNoPlaintext::noIdentifyingDataAtRest()
{
    const Run created = sidepctl(
        {u"--password-stdin"_s, u"init"_s, u"--site-finess"_s, SiteFiness, u"--admin"_s, AdminName},
        Password.toUtf8() + '\n');
    QVERIFY2(created.code == 0, created.err.constData());
    const Run nurse = sidepctl({u"--user"_s, AdminName, u"--password-stdin"_s, u"user"_s, u"add"_s,
                                NurseName, u"--role"_s, u"nurse"_s},
                               Password.toUtf8() + '\n' + Password.toUtf8() + '\n');
    QVERIFY2(nurse.code == 0, nurse.err.constData());

    // A second process keeps a read transaction open while sidepctl runs, as the GUI
    // reading the list would: a sidepctl run that ends then cannot fold the -wal file back
    // into the database and delete it, and the -wal stays on disk to be scanned. (Not this
    // process: closing the files it scans would drop its SQLite locks, POSIX locks being
    // per process.)
    QProcess holder;
    QProcessEnvironment holderEnvironment = QProcessEnvironment::systemEnvironment();
    holderEnvironment.insert(QString::fromLatin1(HoldOpenVariable), m_db);
    holder.setProcessEnvironment(holderEnvironment);
    holder.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(holder.waitForStarted(10000));
    while (!holder.canReadLine() && holder.waitForReadyRead(10000)) {
    }
    QCOMPARE(holder.readLine(), QByteArray("holding\n"));

    constexpr int Records = 50;
    QStringList identifying;
    QStringList tubes;
    QList<QJsonObject> records;
    for (int index = 1; index <= Records; ++index) {
        records.append(validRecordJson(index));
        identifying += identifyingStrings(index);
        identifying.append(Identifiers::formatNir(identifyingStrings(index).at(4)));
        identifying.append(identifyingStrings(index).at(2) + u"@example.org"_s);
        identifying.append(u"+33"_s + identifyingStrings(index).at(3));
        tubes.append(tubeLabel(records.last()));
    }
    // The names are where they are expected: they make distinctive needles.
    QVERIFY(identifying.contains(u"Zorglubovitchbe"_s));

    // Forty one at a time, ten in one batch.
    QStringList ids;
    for (int i = 0; i < 40; ++i) {
        const Run added =
            asNurse({u"record"_s, u"add"_s, u"-"_s}, QJsonDocument(records.at(i)).toJson());
        QVERIFY2(added.code == 0, added.err.constData());
        ids.append(QString::fromLatin1(added.out.trimmed()));
    }
    QJsonArray batch;
    for (int i = 40; i < Records; ++i)
        batch.append(records.at(i));
    const Run batchAdded = asNurse({u"record"_s, u"add"_s, u"-"_s}, QJsonDocument(batch).toJson());
    QVERIFY2(batchAdded.code == 0, batchAdded.err.constData());
    ids += QString::fromLatin1(batchAdded.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(ids.size(), Records);

    const QList<Needle> secrets = needles(identifying);
    const QList<Needle> labels = needles(tubes);
    QStringList found = scanDatabase(secrets, true);
    found += scanDatabase(labels, true);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));

    // Reading them back: the decrypted data goes to standard output and nowhere else.
    for (int i : {0, 17, 42}) {
        const Run shown = asNurse({u"record"_s, u"show"_s, ids.at(i)});
        QVERIFY2(shown.code == 0, shown.err.constData());
        QVERIFY(shown.out.contains(identifyingStrings(i + 1).at(0).toUtf8()));
        const Run byTube = asNurse({u"record"_s, u"show"_s, u"--tube"_s, tubes.at(i)});
        QCOMPARE(byTube.code, 0);
        QCOMPARE(byTube.out, shown.out);
    }
    const Run exported = asNurse({u"record"_s, u"export"_s, ids.at(5), u"--format"_s, u"json"_s});
    QVERIFY2(exported.code == 0, exported.err.constData());
    QVERIFY(exported.out.contains(identifyingStrings(6).at(4).toUtf8()));
    const Run listed = asNurse({u"record"_s, u"list"_s});
    QCOMPARE(listed.code, 0);
    QCOMPARE(listed.out.count('\n'), Records);
    const Run refused = asNurse({u"record"_s, u"add"_s, u"-"_s},
                                QJsonDocument(records.at(3)).toJson()); // duplicate tube
    QCOMPARE(refused.code, 1);
    QCOMPARE(sidepctl({u"--user"_s, AdminName, u"--password-stdin"_s, u"audit"_s, u"list"_s},
                      Password.toUtf8() + '\n')
                 .code,
             0);
    QCOMPARE(sidepctl({u"stats"_s}, {}).code, 0);

    found = scanDatabase(secrets, true);
    found += scanDatabase(labels, true);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));

    // Once the last connection closes, SQLite folds the -wal into the database: scan the
    // result, and every file the runs left anywhere under the test's root.
    holder.closeWriteChannel();
    QVERIFY(holder.waitForFinished(10000));
    QCOMPARE(holder.exitCode(), 0);
    found = scanDatabase(secrets, false);
    found += scanDatabase(labels, false);
    int files = 0;
    found += scanFolder(m_root.path(), secrets + labels, &files);
    QVERIFY(files >= 1);
    found += find(m_allErrors, secrets, u"sidepctl's standard error"_s);
    found += find(m_allErrors, labels, u"sidepctl's standard error"_s);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    // The refused duplicate did say something on standard error, so that scan was not empty.
    QVERIFY(m_allErrors.contains("accession.duplicate"));

    // The control, in the very folder given as TMPDIR: a plain file is found.
    QFile plain(m_tmp + u"/control.txt"_s);
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.write(utf16(identifyingStrings(20).at(1), false));
    plain.close();
    files = 0;
    found = scanFolder(m_tmp, secrets, &files);
    QVERIFY(
        found.contains(u"%1: %2 (UTF-16LE)"_s.arg(plain.fileName(), identifyingStrings(20).at(1))));
}

// QTEST_GUILESS_MAIN, and the holder when the environment asks for it.
int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QString holdOpenPath = qEnvironmentVariable(HoldOpenVariable);
    if (!holdOpenPath.isEmpty())
        return holdOpen(holdOpenPath);
    TestNoPlaintext test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "TestNoPlaintext.moc"
