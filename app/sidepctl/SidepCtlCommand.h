#pragma once

#include "Account.h"

#include <QList>
#include <QString>
#include <QStringList>

class CommandArguments;
class SidepCtl;

// One option of sidepctl's command line: a flag (no value name) or an option that takes a
// value (--tube LABEL).
struct CommandOption
{
    QString name;      // without the dashes: "tube"
    QString valueName; // shown in the usage: "LABEL"; empty for a flag
    bool required = false;
    const char* help = nullptr;       // QT_TRANSLATE_NOOP("SidepCtl", ...); only the global options
    const char* manDetails = nullptr; // roff after the help in the man page (English)

    bool isFlag() const { return valueName.isEmpty(); }
    QString spelling() const; // "--tube LABEL", "--dry-run"
    QString usage() const;    // "--tube LABEL" when required, else "[--dry-run]"
};

// One command of sidepctl, as the table in SidepCtlCommands.cpp lists it: the dispatch, the
// help, each command's --help and the man page are all read from that table.
struct Command
{
    enum class Access
    {
        None,   // works without a store (init creates it, check and scan need none)
        Open,   // opens the store, no account
        SignIn, // opens the store and signs in (--user and its password, or the recovery key)
    };
    using Handler = int (SidepCtl::*)(const CommandArguments&);

    QStringList words;            // "record", "list"
    QString arguments;            // the words that follow, for the usage: "[FILE|-]"
    QList<CommandOption> options; // the options it takes besides the global ones
    const char* summary;          // QT_TRANSLATE_NOOP("SidepCtl", ...)
    // Checks the arguments before the store is opened (usage errors first), or nullptr.
    Handler check;
    Handler handler;
    Access access;
    // The account needs one of these rights (checked after signing in); empty: any account,
    // the store refusing what the account may not see.
    QList<Permission> rights;
    // More for the man page only (English roff text, as the rest of the page), or nullptr.
    const char* manDetails = nullptr;

    QString name() const { return words.join(u' '); }
    const CommandOption* option(const QString& optionName) const;
    // The roles whose accounts may run it ("lab, admin"), empty for any account.
    QStringList roles() const;
    // "record add [FILE|-] [--accept-warnings] [--identity-override REASON]"
    QString usage() const;
};
