#pragma once

#include "CommandArguments.h"
#include "Problem.h"
#include "SidepCtlCommand.h"
#include "Store.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QStringList>
#include <QTextStream>

// sidepctl's commands. Reads standard input and writes standard output and error through
// the devices it is given, so tests run it in-process exactly as a script would.
class SidepCtl
{
    Q_DECLARE_TR_FUNCTIONS(SidepCtl)

public:
    // Exit codes, documented in `sidepctl --help` and the README.
    enum ExitCode
    {
        Success = 0,
        Invalid = 1,          // the input breaks a rule (record refused, identifier invalid)
        Usage = 2,            // the command line is wrong
        IntegrityProblem = 3, // db verify / audit verify found damage; sync: the national
                              // server found the store gone back in time
        AccessDenied = 4,     // wrong password, locked or disabled account, missing right
        NotFound = 5,         // no such record or user
        StoreError = 6,       // the store cannot be opened, read or written
        SyncIncomplete = 7,   // sync: some records are still waiting or were rejected
    };

    SidepCtl(QIODevice* input, QIODevice* output, QIODevice* errorOutput);

    // arguments without the program name.
    int run(const QStringList& arguments);

    // Every command, in the order of the help (SidepCtlCommands.cpp).
    static const QList<Command>& commands();
    // The options every command takes, before or after its words.
    static const QList<CommandOption>& globalOptions();
    // `sidepctl --help`, `sidepctl COMMAND --help`, and the man page's COMMANDS section
    // (roff), all written from the table.
    static QString helpText();
    static QString commandHelp(const Command& command);
    static QString manCommands();
    // The man page's OPTIONS section (roff), from globalOptions().
    static QString manOptions();

private:
    // The table of commands() by group, in the order of the help.
    static QList<Command> accountCommands();
    static QList<Command> recordCommands();
    static QList<Command> storeCommands();
    static QList<Command> resultCommands();
    static QList<Command> codeCommands();
    static QList<Command> syncCommands();
    // The commands' checks (before the store is opened) and handlers (after the sign-in and
    // the rights the table asks for). The word after the first, if any, is action().
    int init(const CommandArguments& args);
    int checkUser(const CommandArguments& args);
    int user(const CommandArguments& args);
    int recovery(const CommandArguments& args);
    int checkRecord(const CommandArguments& args);
    int recordAdd(const CommandArguments& args);
    int recordList(const CommandArguments& args);
    int recordShow(const CommandArguments& args);
    int recordPurge(const CommandArguments& args);
    int checkIdentifier(const CommandArguments& args);
    int checkDb(const CommandArguments& args);
    int checkMigrate(const CommandArguments& args);
    int migrate(const CommandArguments& args);
    // migrate into a site database that already holds the site's store (open on `site`).
    int mergeInto(Store& site, const CommandArguments& args);
    // After a move or merge: the file says where its records went (warns if it cannot).
    void markMoved(const QString& siteUrl);
    int db(const CommandArguments& args);
    int audit(const CommandArguments& args);
    int stats(const CommandArguments& args);
    int scan(const CommandArguments& args);
    // SidepCtlResults.cpp: results, activation codes, QR code and result slip.
    int checkResult(const CommandArguments& args);
    int result(const CommandArguments& args);
    int checkCodes(const CommandArguments& args);
    int codes(const CommandArguments& args);
    int checkQr(const CommandArguments& args);
    int qr(const CommandArguments& args);
    int checkSlip(const CommandArguments& args);
    int slip(const CommandArguments& args);
    int findTube(const QString& tube, QUuid* id);
    // SidepCtlConfig.cpp: the sync settings.
    int checkConfig(const CommandArguments& args);
    int config(const CommandArguments& args);
    // SidepCtlSync.cpp: sending results to the national server.
    int sync(const CommandArguments& args);

    // The command's words after the first: "add" for user add.
    QString action() const;
    // What the table says the command needs: the store opened, an account signed in (with
    // --user and the password from standard input, or the recovery key), one of the rights.
    int prepare(const Command& command);
    int openAndSignIn();
    int openOnly();
    bool readPassword(const QString& prompt, SecureBytes* password);
    bool readNewPassword(const QString& prompt, SecureBytes* password);
    int fail(int code, const QString& message);
    // Success when the signed-in user has one of the rights, else AccessDenied with why.
    int requireAny(const QList<Permission>& permissions);
    // A usage error, with where to read the usage (the command's own --help once known).
    int usage(const QString& message);
    void printProblems(const QList<Problem>& problems, const QString& prefix = {});

    QIODevice* m_input;
    QTextStream m_out;
    QTextStream m_err;
    Store m_store;
    QString m_dbPath;
    QString m_userName;
    bool m_passwordFromStdin = false;
    bool m_recoveryKeyFromStdin = false;
    const Command* m_command = nullptr; // the command running
};
