#pragma once

#include "CommandArguments.h"
#include "Problem.h"
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

private:
    int init(const CommandArguments& args);
    int user(const CommandArguments& args);
    int recovery(const CommandArguments& args);
    int record(const CommandArguments& args);
    int recordAdd(const CommandArguments& args);
    int recordList(const CommandArguments& args);
    int recordShow(const CommandArguments& args, bool exporting);
    int check(const CommandArguments& args);
    int db(const CommandArguments& args);
    int audit(const CommandArguments& args);
    int stats(const CommandArguments& args);
    int scan(const CommandArguments& args);
    // SidepCtlResults.cpp: results, activation codes, QR code and result slip.
    int result(const CommandArguments& args);
    int codes(const CommandArguments& args);
    int qr(const CommandArguments& args);
    int slip(const CommandArguments& args);
    int findTube(const QString& tube, QUuid* id);
    // SidepCtlConfig.cpp: the sync settings.
    int config(const CommandArguments& args);
    // SidepCtlSync.cpp: sending results to the national server.
    int sync(const CommandArguments& args);

    // Opens the store named by --db (or the default) and signs in with --user and the
    // password from standard input, or with the recovery key.
    int openAndSignIn();
    int openOnly();
    bool readPassword(const QString& prompt, SecureBytes* password);
    bool readNewPassword(const QString& prompt, SecureBytes* password);
    int fail(int code, const QString& message);
    // Success when the signed-in user has one of the rights, else AccessDenied with why.
    int requireAny(std::initializer_list<Permission> permissions);
    int usage(const QString& message);
    void printProblems(const QList<Problem>& problems, const QString& prefix = {});
    QString helpText() const;

    QIODevice* m_input;
    QTextStream m_out;
    QTextStream m_err;
    Store m_store;
    QString m_dbPath;
    QString m_userName;
    bool m_passwordFromStdin = false;
    bool m_recoveryKeyFromStdin = false;
};
