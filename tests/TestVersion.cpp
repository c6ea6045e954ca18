#include "SidepVersion.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

// Every program says the same version, the one of project(VERSION) in CMakeLists.txt, with
// the commit it was built from (SidepVersion.h).
class TestVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerHoldsTheProjectVersion();
    void everyProgramPrintsTheSameVersion_data();
    void everyProgramPrintsTheSameVersion();
};

void TestVersion::headerHoldsTheProjectVersion()
{
    QCOMPARE(QStringLiteral(SIDEP_VERSION), QStringLiteral(SIDEP_PROJECT_VERSION));
    QCOMPARE(
        u"%1.%2.%3"_s.arg(SIDEP_VERSION_MAJOR).arg(SIDEP_VERSION_MINOR).arg(SIDEP_VERSION_PATCH),
        QStringLiteral(SIDEP_PROJECT_VERSION));
    // Built from a git checkout here; "unknown" is for sources without their history.
    QVERIFY2(
        QRegularExpression(u"^[0-9a-f]{12}$"_s).match(QStringLiteral(SIDEP_GIT_COMMIT)).hasMatch(),
        SIDEP_GIT_COMMIT);
}

void TestVersion::everyProgramPrintsTheSameVersion_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("name");
    QTest::newRow("sidep-portal") << u"SIDEP_PORTAL"_s << u"sidep-portal"_s;
    QTest::newRow("sidepctl") << u"SIDEPCTL"_s << u"sidepctl"_s;
    QTest::newRow("sidep-server") << u"SIDEP_SERVER"_s << u"sidep-server"_s;
}

void TestVersion::everyProgramPrintsTheSameVersion()
{
    QFETCH(QString, variable);
    QFETCH(QString, name);
    const QString program = qEnvironmentVariable(variable.toLatin1().constData());
    QVERIFY2(!program.isEmpty(), qPrintable(variable + u" is not set"_s));
    QProcess process;
    process.start(program, {u"--version"_s});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()).trimmed(),
             name + u' ' + QStringLiteral(SIDEP_VERSION_TEXT));
}

QTEST_GUILESS_MAIN(TestVersion)
#include "TestVersion.moc"
