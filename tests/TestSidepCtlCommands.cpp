// sidepctl's table of commands: each command takes its own options and refuses the others,
// has its own --help, and the help and the man page are written from the same table.

#include "CommandArguments.h"
#include "SidepCtl.h"
#include "SidepCtlRun.h"
#include "TestSupport.h"

#include <QFile>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

using Run = SidepCtlRun;

QByteArray line(const QString& text)
{
    return text.toUtf8() + '\n';
}

QString roff(QString text)
{
    return text.replace(u'-', u"\\-"_s);
}

// The generated man page (packaging/), as installed.
QString manPage()
{
    QFile file(qEnvironmentVariable("SIDEPCTL_MAN"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The entries of the man page's COMMANDS section, one per .TP.
QStringList manCommandEntries()
{
    const QString page = manPage();
    const qsizetype start = page.indexOf(u".SH COMMANDS\n"_s);
    const qsizetype end = page.indexOf(u"\n.SH "_s, start + 1);
    if (start < 0 || end < 0)
        return {};
    return page.mid(start, end - start).split(u".TP\n"_s).mid(1);
}

// A command's help with its usage on one line (it is wrapped at 79 columns).
QString unwrapped(QString help)
{
    return help.replace(u"\n       "_s, u" "_s);
}

} // namespace

class TestSidepCtlCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyCommandIsComplete();
    void anotherCommandsOptionIsRefused_data();
    void anotherCommandsOptionIsRefused();
    void eachCommandTakesItsOwnOptions();
    void ownOptionsStillWork_data();
    void ownOptionsStillWork();
    void aMissingRequiredOptionIsAUsageError();
    void aCommandHasItsOwnHelp();
    void aGroupWithoutItsWordNamesTheCommands();
    void everyCommandAndOptionIsInTheHelp();
    void everyCommandAndOptionIsInTheManPage();
    void theRoleCheckRefusesAsBefore_data();
    void theRoleCheckRefusesAsBefore();

private:
    Run as(const QString& user, const QStringList& arguments, const QByteArray& input = {});

    QTemporaryDir m_home;
    std::unique_ptr<StoreFixture> m_fixture;
    QString m_db;
};

void TestSidepCtlCommands::initTestCase()
{
    // The password is read from standard input as a script would, never from a terminal.
    QVERIFY(std::freopen("/dev/null", "r", stdin) != nullptr);
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    qputenv("SIDEP_DB", QFile::encodeName(m_home.filePath(u"default-store-must-not-exist.db"_s)));
}

void TestSidepCtlCommands::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->isValid());
    m_db = m_fixture->path();
}

void TestSidepCtlCommands::cleanup()
{
    m_fixture.reset();
    QVERIFY(!QFile::exists(m_home.filePath(u"default-store-must-not-exist.db"_s)));
}

Run TestSidepCtlCommands::as(const QString& user, const QStringList& arguments,
                             const QByteArray& input)
{
    return runSidepCtl(QStringList{u"--db"_s, m_db, u"--user"_s, user, u"--password-stdin"_s} +
                           arguments,
                       line(Password) + input);
}

void TestSidepCtlCommands::everyCommandIsComplete()
{
    QSet<QString> names;
    for (const Command& command : SidepCtl::commands()) {
        QVERIFY2(!command.words.isEmpty(), "a command without words");
        QVERIFY2(!names.contains(command.name()), qPrintable(command.name()));
        names.insert(command.name());
        QVERIFY2(command.summary && *command.summary, qPrintable(command.name()));
        QVERIFY2(command.handler, qPrintable(command.name()));
        QSet<QString> options;
        for (const CommandOption& option : command.options) {
            QVERIFY2(!options.contains(option.name), qPrintable(command.name()));
            options.insert(option.name);
            // A command's option never hides a global one.
            for (const CommandOption& global : SidepCtl::globalOptions())
                QVERIFY2(global.name != option.name, qPrintable(option.name));
        }
        // Only a signed-in account has rights to check.
        if (!command.rights.isEmpty())
            QCOMPARE(command.access, Command::Access::SignIn);
    }
    for (const CommandOption& global : SidepCtl::globalOptions())
        QVERIFY2(global.help && *global.help, qPrintable(global.name));
}

void TestSidepCtlCommands::anotherCommandsOptionIsRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("record list --accept-warnings")
        << QStringList{u"record"_s, u"list"_s, u"--accept-warnings"_s}
        << u"sidepctl: record list does not take --accept-warnings"_s;
    QTest::newRow("record list --dry-run") << QStringList{u"record"_s, u"list"_s, u"--dry-run"_s}
                                           << u"sidepctl: record list does not take --dry-run"_s;
    QTest::newRow("record add --status")
        << QStringList{u"record"_s, u"add"_s, u"-"_s, u"--status"_s, u"draft"_s}
        << u"sidepctl: record add does not take --status"_s;
    QTest::newRow("user list --role") << QStringList{u"user"_s, u"list"_s, u"--role"_s, u"admin"_s}
                                      << u"sidepctl: user list does not take --role"_s;
    QTest::newRow("sync status --watch") << QStringList{u"sync"_s, u"status"_s, u"--watch"_s}
                                         << u"sidepctl: sync status does not take --watch"_s;
    QTest::newRow("db verify --tube") << QStringList{u"db"_s, u"verify"_s, u"--tube"_s, u"T1"_s}
                                      << u"sidepctl: db verify does not take --tube"_s;
    QTest::newRow("result cancel --value")
        << QStringList{u"result"_s,   u"cancel"_s, u"--tube"_s,  u"T1"_s,
                       u"--reason"_s, u"typo"_s,   u"--value"_s, u"P"_s}
        << u"sidepctl: result cancel does not take --value"_s;
    QTest::newRow("codes status --count") << QStringList{u"codes"_s, u"status"_s, u"--count=3"_s}
                                          << u"sidepctl: codes status does not take --count"_s;
    QTest::newRow("stats --from") << QStringList{u"stats"_s, u"--from"_s, u"1"_s}
                                  << u"sidepctl: stats does not take --from"_s;
    QTest::newRow("check --format")
        << QStringList{u"check"_s, u"nir"_s, u"1"_s, u"--format"_s, u"json"_s}
        << u"sidepctl: check does not take --format"_s;
}

void TestSidepCtlCommands::anotherCommandsOptionIsRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);

    // A good account and password: only the command line is wrong.
    const Run run = as(AdminName, arguments);
    QCOMPARE(run.code, int(SidepCtl::Usage));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(message + u'\n'), qPrintable(run.err));
    // Where to read what the command takes.
    const QString command = message.section(u' ', 1).section(u" does not take"_s, 0, 0);
    QVERIFY2(run.err.endsWith(u"Try 'sidepctl "_s + command + u" --help'.\n"_s),
             qPrintable(run.err));
}

void TestSidepCtlCommands::eachCommandTakesItsOwnOptions()
{
    // Every option of the table parses for its command, with its value or as a flag.
    for (const Command& command : SidepCtl::commands()) {
        for (const CommandOption& option : command.options) {
            const QStringList words = option.isFlag() ? QStringList{u"--"_s + option.name}
                                                      : QStringList{u"--"_s + option.name, u"x"_s};
            const CommandArguments args(words, command);
            QVERIFY2(args.isValid(), qPrintable(command.name() + u": "_s + args.error()));
            QVERIFY(option.isFlag() ? args.flag(option.name) : args.value(option.name) == u"x"_s);
            QVERIFY(args.positional().isEmpty());
            if (!option.isFlag()) {
                QVERIFY(!CommandArguments({u"--"_s + option.name}, command).isValid());
                QCOMPARE(
                    CommandArguments({u"--"_s + option.name + u"=y"_s}, command).value(option.name),
                    u"y"_s);
            } else {
                QVERIFY(!CommandArguments({u"--"_s + option.name + u"=y"_s}, command).isValid());
            }
        }
        // "--" ends the options.
        const CommandArguments ended({u"--"_s, u"--dry-run"_s}, command);
        QVERIFY(ended.isValid());
        QCOMPARE(ended.positional(), QStringList{u"--dry-run"_s});
    }
}

void TestSidepCtlCommands::ownOptionsStillWork_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    QTest::newRow("record purge --dry-run")
        << NurseName << QStringList{u"record"_s, u"purge"_s, u"--dry-run"_s}
        << u"would be erased"_s;
    QTest::newRow("record list --status")
        << NurseName << QStringList{u"record"_s, u"list"_s, u"--status=draft"_s} << QString();
    QTest::newRow("audit list --from")
        << AdminName << QStringList{u"audit"_s, u"list"_s, u"--from"_s, u"1"_s} << u"\t"_s;
    QTest::newRow("codes status --soon-days")
        << AdminName << QStringList{u"codes"_s, u"status"_s, u"--soon-days"_s, u"5"_s}
        << u"expiring within 5 days"_s;
    QTest::newRow("global options after the command")
        << AdminName << QStringList{u"user"_s, u"list"_s, u"--db"_s, QString()} << NurseName;
}

void TestSidepCtlCommands::ownOptionsStillWork()
{
    QFETCH(QString, user);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);

    if (arguments.endsWith(QString()))
        arguments.last() = m_db;
    const Run run = as(user, arguments);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(expected), qPrintable(run.out));
}

void TestSidepCtlCommands::aMissingRequiredOptionIsAUsageError()
{
    const Run init =
        runSidepCtl({u"--db"_s, m_home.filePath(u"new.db"_s), u"init"_s, u"--admin"_s, u"admin"_s},
                    line(Password));
    QCOMPARE(init.code, int(SidepCtl::Usage));
    QVERIFY2(init.err.startsWith(u"sidepctl: init needs --site-finess FINESS\n"_s),
             qPrintable(init.err));
    QVERIFY(!QFile::exists(m_home.filePath(u"new.db"_s)));

    const Run qr = as(LabName, {u"qr"_s, u"--tube"_s, u"T1"_s});
    QCOMPARE(qr.code, int(SidepCtl::Usage));
    QVERIFY(qr.err.startsWith(u"sidepctl: qr needs --png FILE\n"_s));
}

void TestSidepCtlCommands::aCommandHasItsOwnHelp()
{
    const Run list = runSidepCtl({u"record"_s, u"list"_s, u"--help"_s});
    QCOMPARE(list.code, 0);
    QVERIFY(list.err.isEmpty());
    QVERIFY(list.out.startsWith(u"Usage: sidepctl "_s));
    QVERIFY(unwrapped(list.out).contains(u"record list [--status STATUS]\n"_s));
    QVERIFY(!list.out.contains(u"--accept-warnings"_s));
    QVERIFY(!list.out.contains(u"Commands:"_s));

    // `help COMMAND` is the same; a command with rights says whose accounts may run it.
    const Run backup = runSidepCtl({u"help"_s, u"db"_s, u"backup"_s});
    QCOMPARE(backup.code, 0);
    QVERIFY(unwrapped(backup.out).contains(u"db backup FILE\n"_s));
    QVERIFY(backup.out.contains(u"accounts: admin."_s));
    QCOMPARE(runSidepCtl({u"--help"_s, u"db"_s, u"backup"_s}).out, backup.out);

    // --help wins over a wrong command line, and never opens the store.
    const Run wrong = runSidepCtl({u"--db"_s, m_home.filePath(u"absent.db"_s), u"record"_s,
                                   u"add"_s, u"--dry-run"_s, u"--help"_s});
    QCOMPARE(wrong.code, 0);
    QVERIFY(unwrapped(wrong.out).contains(u"record add [FILE|-] [--accept-warnings]"_s));

    // Without a command: the whole help.
    const Run all = runSidepCtl({u"--help"_s});
    QCOMPARE(all.code, 0);
    QCOMPARE(all.out, SidepCtl::helpText());
}

void TestSidepCtlCommands::aGroupWithoutItsWordNamesTheCommands()
{
    const Run run = as(AdminName, {u"codes"_s, u"refill"_s});
    QCOMPARE(run.code, int(SidepCtl::Usage));
    QVERIFY2(run.err.startsWith(u"sidepctl: codes needs one of: import, status, fetch\n"_s),
             qPrintable(run.err));
}

void TestSidepCtlCommands::everyCommandAndOptionIsInTheHelp()
{
    const QString help = SidepCtl::helpText();
    // The help's lines: a command's usage may go on over two lines.
    const QString joined = QString(help).replace(u"\n        "_s, u" "_s);
    for (const Command& command : SidepCtl::commands()) {
        QVERIFY2(joined.contains(u"\n  "_s + command.usage()), qPrintable(command.usage()));
        QVERIFY2(SidepCtl::commandHelp(command).contains(command.name()),
                 qPrintable(command.name()));
    }
    for (const CommandOption& global : SidepCtl::globalOptions())
        QVERIFY2(help.contains(u"\n  "_s + global.spelling()), qPrintable(global.name));
    QVERIFY(help.contains(u"Exit codes"_s));
}

void TestSidepCtlCommands::everyCommandAndOptionIsInTheManPage()
{
    // The template keeps one place for the section, and no command written by hand.
    QFile templateFile(qEnvironmentVariable("SIDEPCTL_MAN_TEMPLATE"));
    QVERIFY(templateFile.open(QIODevice::ReadOnly));
    const QString pageTemplate = QString::fromUtf8(templateFile.readAll());
    QCOMPARE(pageTemplate.count(u"\n.SH COMMANDS\n@SIDEPCTL_COMMANDS@\n.SH "_s), 1);
    QCOMPARE(pageTemplate.count(u"\n.SH OPTIONS\n@SIDEPCTL_OPTIONS@\n.SH "_s), 1);

    const QString page = manPage();
    QVERIFY2(!page.isEmpty(), "no generated man page: build sidep_package_files");
    QVERIFY(!page.contains(u"@SIDEPCTL"_s));
    const QStringList entries = manCommandEntries();
    QCOMPARE(entries.size(), SidepCtl::commands().size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Command& command = SidepCtl::commands().at(i);
        const QString& entry = entries.at(i);
        QStringList bold;
        for (const QString& word : command.words)
            bold.append(u"\\fB"_s + roff(word) + u"\\fR"_s);
        QVERIFY2(entry.startsWith(bold.join(u' ')), qPrintable(entry));
        const QString usage = entry.section(u'\n', 0, 0);
        for (const CommandOption& option : command.options) {
            QVERIFY2(usage.contains(u"\\fB\\-\\-"_s + roff(option.name) + u"\\fR"_s),
                     qPrintable(command.name() + u" --"_s + option.name));
        }
        QVERIFY2(entry.section(u'\n', 1).size() > 10, qPrintable(command.name()));
    }
    // The global options are in OPTIONS, in the table's order, each with its value's name
    // (the page names the value as the program does).
    const QString options = page.section(u"\n.SH OPTIONS\n"_s, 1).section(u"\n.SH "_s, 0, 0);
    const QStringList optionEntries = options.split(u".TP\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(optionEntries.size(), SidepCtl::globalOptions().size());
    for (qsizetype i = 0; i < optionEntries.size(); ++i) {
        const CommandOption& global = SidepCtl::globalOptions().at(i);
        const QString first = optionEntries.at(i).section(u'\n', 0, 0);
        QVERIFY2(first.contains(u"\\-\\-"_s + roff(global.name)), qPrintable(first));
        if (!global.isFlag())
            QVERIFY2(first.endsWith(u"\" "_s + global.valueName + u'"'), qPrintable(first));
    }
}

void TestSidepCtlCommands::theRoleCheckRefusesAsBefore_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("nurse backs up the store")
        << NurseName << QStringList{u"db"_s, u"backup"_s, u"BACKUP"_s};
    QTest::newRow("nurse lists the accounts") << NurseName << QStringList{u"user"_s, u"list"_s};
    QTest::newRow("nurse disables an account")
        << NurseName << QStringList{u"user"_s, u"disable"_s, LabName};
    QTest::newRow("nurse sets sync.url")
        << NurseName << QStringList{u"config"_s, u"set"_s, u"sync.url"_s, u"https://a:1"_s};
    QTest::newRow("nurse enters a result")
        << NurseName
        << QStringList{u"result"_s, u"set"_s, u"--tube"_s, u"T1"_s, u"--value"_s, u"N"_s};
    QTest::newRow("admin shows a record")
        << AdminName << QStringList{u"record"_s, u"show"_s, u"--tube"_s, u"T1"_s};
    QTest::newRow("lab adds a record") << LabName << QStringList{u"record"_s, u"add"_s, u"-"_s};
}

void TestSidepCtlCommands::theRoleCheckRefusesAsBefore()
{
    QFETCH(QString, user);
    QFETCH(QStringList, arguments);

    const QString backup = m_home.filePath(u"backup.db"_s);
    arguments.replaceInStrings(u"BACKUP"_s, backup);
    const Run run = as(user, arguments, "{}");
    QCOMPARE(run.code, int(SidepCtl::AccessDenied));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(u"sidepctl: "_s), qPrintable(run.err));
    QCOMPARE(run.err.count(u'\n'), 1);
    QVERIFY(!QFile::exists(backup));
}

QTEST_GUILESS_MAIN(TestSidepCtlCommands)
#include "TestSidepCtlCommands.moc"
