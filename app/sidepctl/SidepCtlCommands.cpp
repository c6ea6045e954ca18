// sidepctl's table of commands, and what is read from it: the dispatch (each command with
// its own options, the store opened, the account signed in and its rights checked once,
// here), `sidepctl --help`, `sidepctl COMMAND --help` and the COMMANDS section of the man
// page (written by sidepctl-manpage at build time).

#include "SidepCtl.h"
#include "SidepVersion.h"

#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int HelpWidth = 79;
constexpr int SummaryColumn = 43; // where the summaries start in `sidepctl --help`

using Access = Command::Access;

CommandOption flag(const QString& name)
{
    return {name, {}, false, nullptr};
}

CommandOption value(const QString& name, const QString& valueName)
{
    return {name, valueName, false, nullptr};
}

CommandOption required(const QString& name, const QString& valueName)
{
    return {name, valueName, true, nullptr};
}

// The words of `text`, in lines of at most `width` characters, each line but the first
// starting with `indent` spaces.
QStringList wrap(const QString& text, int width, int indent = 0)
{
    QStringList lines;
    QString current;
    for (const QString& word : text.split(u' ', Qt::SkipEmptyParts)) {
        const int currentIndent = lines.isEmpty() ? 0 : indent;
        if (!current.isEmpty() && currentIndent + current.size() + 1 + word.size() > width) {
            lines.append(QString(currentIndent, u' ') + current);
            current.clear();
        }
        current += (current.isEmpty() ? QString() : u" "_s) + word;
    }
    if (!current.isEmpty())
        lines.append(QString(lines.isEmpty() ? 0 : indent, u' ') + current);
    return lines;
}

QString translated(const char* text)
{
    return QCoreApplication::translate("SidepCtl", text);
}

// The summary with who may run the command: "... (lab, admin)".
QString summaryWithRoles(const Command& command)
{
    const QStringList roles = command.roles();
    return roles.isEmpty()
               ? translated(command.summary)
               : SidepCtl::tr("%1 (%2)").arg(translated(command.summary), roles.join(u", "_s));
}

QString roffEscape(QString text)
{
    return text.replace(u'\\', u"\\e"_s).replace(u'-', u"\\-"_s);
}

// A usage line in roff: the command's words and the options in bold, the values in italics.
QString roffUsage(const Command& command)
{
    static const QRegularExpression metavariable(u"^[A-Z][A-Z0-9_.]*$"_s);
    static const QRegularExpression token(u"[^\\[\\]| ]+|[\\[\\]| ]"_s);
    QString roff;
    const QString usage = command.usage();
    for (auto it = token.globalMatch(usage); it.hasNext();) {
        const QString part = it.next().captured();
        if (part.startsWith(u"--"_s) || command.words.contains(part))
            roff += u"\\fB"_s + roffEscape(part) + u"\\fR"_s;
        else if (metavariable.match(part).hasMatch())
            roff += u"\\fI"_s + roffEscape(part) + u"\\fR"_s;
        else
            roff += roffEscape(part);
    }
    return roff;
}

QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text.endsWith(u'.') ? text : text + u'.';
}

} // namespace

QString CommandOption::spelling() const
{
    return isFlag() ? u"--"_s + name : QString(u"--"_s + name + u' ' + valueName);
}

QString CommandOption::usage() const
{
    return required ? spelling() : QString(u"["_s + spelling() + u"]"_s);
}

const CommandOption* Command::option(const QString& optionName) const
{
    for (const CommandOption& each : options) {
        if (each.name == optionName)
            return &each;
    }
    return nullptr;
}

QStringList Command::roles() const
{
    if (rights.isEmpty())
        return {};
    QStringList names;
    for (const Role role : {Role::Nurse, Role::Lab, Role::Admin}) {
        if (std::any_of(rights.cbegin(), rights.cend(),
                        [role](Permission right) { return roleAllows(role, right); }))
            names.append(roleName(role));
    }
    return names;
}

QString Command::usage() const
{
    QStringList parts{name()};
    if (!arguments.isEmpty())
        parts.append(arguments);
    for (const CommandOption& each : options)
        parts.append(each.usage());
    return parts.join(u' ');
}

const QList<CommandOption>& SidepCtl::globalOptions()
{
    static const QList<CommandOption> options = {
        {u"db"_s, u"STORE"_s, false,
         QT_TRANSLATE_NOOP("SidepCtl",
                           "the store: a file, or a site database (postgresql://user@host/name); "
                           "default: $SIDEP_DB, else a file in the application-data folder"),
         "A file is a standalone station's store, by default\n"
         "\\fI~/.local/share/sidep/sidep\\-portal/sidep\\-store.db\\fR, or the site database\n"
         "the station joined (\\fIstation.ini\\fR beside it).\n"
         "A site database shared by the stations of a site is named by libpq's URL,\n"
         "never with its password (\\fI~/.pgpass\\fR, a service file or\n"
         "\\fBPGPASSWORD\\fR hold it): several hosts and\n"
         "\\fBtarget_session_attrs=read\\-write\\fR for a replicated pair,\n"
         "\\fBsslmode=verify\\-full\\fR and \\fBsslrootcert\\fR for TLS."},
        {u"user"_s, u"NAME"_s, false, QT_TRANSLATE_NOOP("SidepCtl", "the account to sign in with")},
        {u"password-stdin"_s,
         {},
         false,
         QT_TRANSLATE_NOOP("SidepCtl", "the first line of standard input is the password"),
         "Scripts thus never put a password on a command line.\n"
         "Without it, at a terminal, the password is asked without echo."},
        {u"recovery-key-stdin"_s,
         {},
         false,
         QT_TRANSLATE_NOOP("SidepCtl", "sign in with the recovery key, read from standard input"),
         "As an administrator."},
        {u"help"_s,
         {},
         false,
         QT_TRANSLATE_NOOP("SidepCtl", "this help, or a command's own (COMMAND --help)")},
        {u"version"_s,
         {},
         false,
         QT_TRANSLATE_NOOP("SidepCtl", "the version and the commit it was built from")},
    };
    return options;
}

// Creating the store, and its accounts.
QList<Command> SidepCtl::accountCommands()
{
    return {
        {{u"init"_s},
         {},
         {required(u"site-finess"_s, u"FINESS"_s), required(u"admin"_s, u"NAME"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "create a store; the administrator's password is read "
                                       "from standard input; prints the recovery key once"),
         nullptr,
         &SidepCtl::init,
         Access::None,
         {}},
        {{u"user"_s, u"add"_s},
         u"NAME"_s,
         {required(u"role"_s, u"nurse|lab|admin"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "add an account; its password is the next input line"),
         &SidepCtl::checkUser,
         &SidepCtl::user,
         Access::SignIn,
         {Permission::ManageAccounts}},
        {{u"user"_s, u"list"_s},
         {},
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "the accounts, their role and state"),
         &SidepCtl::checkUser,
         &SidepCtl::user,
         Access::SignIn,
         {Permission::ManageAccounts}},
        {{u"user"_s, u"disable"_s},
         u"NAME"_s,
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "disable an account"),
         &SidepCtl::checkUser,
         &SidepCtl::user,
         Access::SignIn,
         {Permission::ManageAccounts}},
        {{u"user"_s, u"passwd"_s},
         u"NAME"_s,
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "set a password (one's own, or any account's as an "
                                       "administrator); the new password is the next input "
                                       "line"),
         &SidepCtl::checkUser,
         &SidepCtl::user,
         Access::SignIn,
         {}},
        {{u"recovery"_s, u"rotate"_s},
         {},
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "replace the recovery key"),
         nullptr,
         &SidepCtl::recovery,
         Access::SignIn,
         {Permission::ManageAccounts}},
    };
}

// The records, and the identifiers they carry.
QList<Command> SidepCtl::recordCommands()
{
    return {
        {{u"record"_s, u"add"_s},
         u"[FILE|-]"_s,
         {flag(u"accept-warnings"_s), value(u"identity-override"_s, u"REASON"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "add one record or an array of records (JSON), all or "
                                       "none; without FILE, from standard input"),
         &SidepCtl::checkRecord,
         &SidepCtl::recordAdd,
         Access::SignIn,
         {Permission::CreateRecord}},
        {{u"record"_s, u"list"_s},
         {},
         {value(u"status"_s, u"STATUS"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "the records: id, tube label, status, sampling time"),
         &SidepCtl::checkRecord,
         &SidepCtl::recordList,
         Access::SignIn,
         {}},
        {{u"record"_s, u"show"_s},
         u"[ID]"_s,
         {value(u"tube"_s, u"LABEL"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "a record as JSON, found by its id or its tube label"),
         &SidepCtl::checkRecord,
         &SidepCtl::recordShow,
         Access::SignIn,
         {Permission::ViewIdentity}},
        {{u"record"_s, u"export"_s},
         u"[ID]"_s,
         {value(u"tube"_s, u"LABEL"_s), value(u"format"_s, u"json"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "export a record as JSON, noted in the audit log"),
         &SidepCtl::checkRecord,
         &SidepCtl::recordShow,
         Access::SignIn,
         {Permission::ExportRecord}},
        {{u"record"_s, u"purge"_s},
         {},
         {flag(u"dry-run"_s)},
         QT_TRANSLATE_NOOP("SidepCtl",
                           "erase the identifying data of records the national server "
                           "acknowledged more than retention.days ago (any account; the GUI "
                           "and sync do it after each round)"),
         &SidepCtl::checkRecord,
         &SidepCtl::recordPurge,
         Access::SignIn,
         {}},
        {{u"check"_s},
         u"nir|rpps|adeli|finess|cog|loinc|phone|email VALUE"_s,
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "check an identifier; prints it in its canonical form"),
         nullptr,
         &SidepCtl::checkIdentifier,
         Access::None,
         {}},
    };
}

// The store itself: its checks, backups, audit log and counts.
QList<Command> SidepCtl::storeCommands()
{
    return {
        {{u"db"_s, u"verify"_s},
         {},
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "open every record and check the store against its "
                                       "keyed hashes"),
         &SidepCtl::checkDb,
         &SidepCtl::db,
         Access::SignIn,
         {},
         "A block, a status or a version edited or put back from an earlier version is "
         "reported as damaged, a record the audit log created whose row was deleted as "
         "missing (\\fBrecords missing:\\fR \\fIN\\fR); either exits 3."},
        {{u"db"_s, u"backup"_s},
         u"FILE"_s,
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "a consistent copy of the store, made while it is in "
                                       "use; FILE must be new"),
         &SidepCtl::checkDb,
         &SidepCtl::db,
         Access::SignIn,
         {Permission::ManageSettings},
         "The copy is one file, readable by its owner only; it opens with the passwords and "
         "the recovery key in force when it was made. See \\fBBACKUP AND RESTORE\\fR."},
        {{u"db"_s, u"restored"_s},
         {},
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "after a backup was put back in place: a new identity "
                                       "for the national server, which refuses a store gone "
                                       "back in time"),
         &SidepCtl::checkDb,
         &SidepCtl::db,
         Access::SignIn,
         {Permission::ManageSettings},
         "It first checks the store like \\fBdb verify\\fR and \\fBaudit verify\\fR, and "
         "notes the new identity in the audit log. The national server remembers how far "
         "each store's audit log went and refuses a store that went back in time; "
         "\\fBsync\\fR then sends nothing and exits 3."},
        {{u"migrate"_s},
         {},
         {value(u"to"_s, u"URL"_s), value(u"site-user"_s, u"NAME"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "move this station's store into the site database "
                                       "(postgresql://...), or merge it into the site's store "
                                       "there, checked; the file then points there"),
         &SidepCtl::checkMigrate,
         &SidepCtl::migrate,
         Access::SignIn,
         {Permission::ManageSettings},
         "Into an empty site database, records, history, accounts, audit log and the store's "
         "identity move as they are, encrypted: the same passwords and recovery key open the "
         "site database. Into a site database that holds the site's store, this station's "
         "store is merged: it asks for the password of \\fB--site-user\\fR (by default "
         "\\fB--user\\fR) at the site database, carries the records, their history, the "
         "versions for the national server, codes, forms in progress and the audit log (after "
         "the site's, as one verified segment) under the site's keys, and names this "
         "station's accounts for the administrator to create at the site. It is refused, "
         "before anything is written, for another FINESS, a record the site already has, a "
         "tube label the site already uses, or a form in progress at both. Afterwards the "
         "file only points to the site database: sidepctl refuses to work on it, and the "
         "workstation started on it offers to join the site database. Give the stations "
         "\\fB--db\\fR URL or join it from the first-start wizard."},
        {{u"audit"_s, u"verify"_s},
         {},
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "check the chain of the audit log"),
         nullptr,
         &SidepCtl::audit,
         Access::SignIn,
         {}},
        {{u"audit"_s, u"list"_s},
         {},
         {value(u"from"_s, u"SEQ"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "the audit log, from entry SEQ"),
         nullptr,
         &SidepCtl::audit,
         Access::SignIn,
         {Permission::ManageAccounts}},
        {{u"stats"_s},
         {},
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "counts by status and by sampling day; no identifying "
                                       "data"),
         nullptr,
         &SidepCtl::stats,
         Access::Open,
         {}},
    };
}

// Reading a tube's label, and its result.
QList<Command> SidepCtl::resultCommands()
{
    const QList<Permission> resultRights = {Permission::EnterResult};
    const QList<CommandOption> resultOptions = {
        required(u"tube"_s, u"LABEL"_s),       value(u"value"_s, u"P|N|I|X"_s),
        value(u"analysis"_s, u"LOINC"_s),      value(u"validated-at"_s, u"ISO"_s),
        value(u"report"_s, u"FILE.pdf"_s),     value(u"reason"_s, u"TEXT"_s),
        value(u"non-conformity"_s, u"TEXT"_s),
    };
    QList<CommandOption> resultSetOptions = resultOptions;
    resultSetOptions[1].required = true;
    QList<CommandOption> resultCorrectOptions = resultSetOptions;
    resultCorrectOptions[5].required = true;
    return {
        {{u"scan"_s},
         u"IMAGE"_s,
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "read the codes in an image (tube label, INS "
                                       "DataMatrix) as JSON"),
         nullptr,
         &SidepCtl::scan,
         Access::None,
         {}},
        {{u"result"_s, u"set"_s},
         {},
         resultSetOptions,
         QT_TRANSLATE_NOOP("SidepCtl", "enter a result; a positive needs a second entry by "
                                       "another user; the reason is the non-conformity of "
                                       "an X"),
         &SidepCtl::checkResult,
         &SidepCtl::result,
         Access::SignIn,
         resultRights},
        {{u"result"_s, u"correct"_s},
         {},
         resultCorrectOptions,
         QT_TRANSLATE_NOOP("SidepCtl", "correct a validated result; it is sent again as a "
                                       "correction"),
         &SidepCtl::checkResult,
         &SidepCtl::result,
         Access::SignIn,
         resultRights},
        {{u"result"_s, u"cancel"_s},
         {},
         {required(u"tube"_s, u"LABEL"_s), required(u"reason"_s, u"TEXT"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "cancel a result entered in error"),
         &SidepCtl::checkResult,
         &SidepCtl::result,
         Access::SignIn,
         resultRights},
    };
}

// The activation codes, and the QR code and slip printed for a result.
QList<Command> SidepCtl::codeCommands()
{
    const QList<Permission> codeRights = {Permission::EnterResult, Permission::ManageSettings};
    return {
        {{u"codes"_s, u"import"_s},
         u"FILE"_s,
         {value(u"sha256"_s, u"FILE"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "add activation codes (all or none) from a national "
                                       "delivery (.tgz) or a CSV, checked against the .sha256 "
                                       "beside it (required for a .tgz)"),
         &SidepCtl::checkCodes,
         &SidepCtl::codes,
         Access::SignIn,
         codeRights},
        {{u"codes"_s, u"status"_s},
         {},
         {value(u"soon-days"_s, u"N"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "codes left, valid now, expiring within N days"),
         &SidepCtl::checkCodes,
         &SidepCtl::codes,
         Access::SignIn,
         codeRights},
        {{u"codes"_s, u"fetch"_s},
         {},
         {value(u"count"_s, u"N"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "activation codes from the national server (up to the "
                                       "refill target, or N)"),
         &SidepCtl::checkCodes,
         &SidepCtl::codes,
         Access::SignIn,
         codeRights},
        {{u"qr"_s},
         {},
         {required(u"tube"_s, u"LABEL"_s), required(u"png"_s, u"FILE"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "a validated positive's QR code"),
         &SidepCtl::checkQr,
         &SidepCtl::qr,
         Access::SignIn,
         {Permission::ViewIdentity}},
        {{u"slip"_s},
         {},
         {required(u"tube"_s, u"LABEL"_s), required(u"pdf"_s, u"FILE"_s),
          value(u"reason"_s, u"TEXT"_s), value(u"language"_s, u"fr|en"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "the result slip; a reprint needs a reason"),
         &SidepCtl::checkSlip,
         &SidepCtl::slip,
         Access::SignIn,
         {Permission::ViewIdentity}},
    };
}

// The national server: its settings, and sending to it.
QList<Command> SidepCtl::syncCommands()
{
    return {
        {{u"config"_s, u"set"_s},
         u"sync.url|retention.days VALUE"_s,
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "sync.url https://HOST:PORT: the national server "
                                       "(https only); retention.days DAYS: days a record "
                                       "stays once the server has it (1 to 90, default 7)"),
         &SidepCtl::checkConfig,
         &SidepCtl::config,
         Access::SignIn,
         {Permission::ManageSettings}},
        {{u"config"_s, u"import-ca"_s},
         u"FILE.pem"_s,
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "the CA the server must chain to"),
         &SidepCtl::checkConfig,
         &SidepCtl::config,
         Access::SignIn,
         {Permission::ManageSettings}},
        {{u"config"_s, u"import-cert"_s},
         u"CERT.pem KEY.pem|FILE.p12"_s,
         {flag(u"key-passphrase-stdin"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "the site's certificate and key (the passphrase or "
                                       "PKCS#12 password is the next input line); the key is "
                                       "kept encrypted in the store"),
         &SidepCtl::checkConfig,
         &SidepCtl::config,
         Access::SignIn,
         {Permission::ManageSettings}},
        {{u"config"_s, u"show"_s},
         {},
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "the sync settings, without secrets"),
         &SidepCtl::checkConfig,
         &SidepCtl::config,
         Access::Open,
         {}},
        {{u"sync"_s},
         {},
         {flag(u"watch"_s)},
         QT_TRANSLATE_NOOP("SidepCtl", "send what waits to the national server (with "
                                       "--watch, until interrupted)"),
         nullptr,
         &SidepCtl::sync,
         Access::SignIn,
         {Permission::ViewIdentity}},
        {{u"sync"_s, u"status"_s},
         {},
         {},
         QT_TRANSLATE_NOOP("SidepCtl", "waiting, acknowledged, rejected, errors"),
         nullptr,
         &SidepCtl::sync,
         Access::SignIn,
         {Permission::ViewIdentity}},
    };
}

const QList<Command>& SidepCtl::commands()
{
    static const QList<Command> table = accountCommands() + recordCommands() + storeCommands() +
                                        resultCommands() + codeCommands() + syncCommands();
    return table;
}

QString SidepCtl::helpText()
{
    QString text = tr("Usage: sidepctl [--db STORE] [--user NAME] [--password-stdin] COMMAND ...") +
                   u"\n\n"_s + tr("Commands:") + u'\n';
    for (const Command& command : commands()) {
        QStringList usage = wrap(command.usage(), HelpWidth - 2, 6);
        const QStringList summary = wrap(summaryWithRoles(command), HelpWidth - SummaryColumn - 1);
        if (usage.size() == 1 && usage.first().size() + 2 < SummaryColumn - 1)
            usage.first() = usage.first().leftJustified(SummaryColumn - 2) + summary.value(0);
        else
            usage.append(QString(SummaryColumn - 2, u' ') + summary.value(0));
        for (qsizetype i = 1; i < summary.size(); ++i)
            usage.append(QString(SummaryColumn - 2, u' ') + summary.at(i));
        for (const QString& line : std::as_const(usage))
            text += u"  "_s + line + u'\n';
    }
    text += u'\n' + tr("Options:") + u'\n';
    for (const CommandOption& option : globalOptions()) {
        text +=
            u"  "_s + option.spelling().leftJustified(21) + u' ' + translated(option.help) + u'\n';
    }
    text +=
        u'\n' + tr("Exit codes: 0 success, 1 invalid input, 2 usage error, 3 integrity problem "
                   "found,\n4 access denied (password, lock, role), 5 not found, 6 store error,\n"
                   "7 sync incomplete (records still waiting or rejected).\n");
    return text;
}

QString SidepCtl::commandHelp(const Command& command)
{
    // The command's words stay on one line ("config import-cert"), wherever the line breaks.
    constexpr char16_t Joiner = u'\x1f';
    QString usage = command.usage();
    usage.replace(command.name(), QString(command.name()).replace(u' ', Joiner));
    QStringList lines =
        wrap(tr("Usage: sidepctl [--db STORE] [--user NAME] [--password-stdin] %1").arg(usage),
             HelpWidth, 7);
    for (QString& line : lines)
        line.replace(Joiner, u' ');
    lines.append(QString());
    lines += wrap(sentence(translated(command.summary)), HelpWidth);
    if (command.access == Access::SignIn) {
        const QStringList roles = command.roles();
        lines.append(QString());
        lines += wrap(roles.isEmpty()
                          ? tr("Signs in with --user NAME (the password on standard input) or "
                               "--recovery-key-stdin; any account.")
                          : tr("Signs in with --user NAME (the password on standard input) or "
                               "--recovery-key-stdin; accounts: %1.")
                                .arg(roles.join(u", "_s)),
                      HelpWidth);
    }
    lines.append(QString());
    lines.append(tr("Global options and exit codes: sidepctl --help"));
    return lines.join(u'\n') + u'\n';
}

QString SidepCtl::manCommands()
{
    // English, as the rest of the page: the summaries untranslated.
    QString roff;
    for (const Command& command : commands()) {
        roff += u".TP\n"_s + roffUsage(command) + u'\n' +
                roffEscape(sentence(QString::fromUtf8(command.summary)));
        const QStringList roles = command.roles();
        if (!roles.isEmpty())
            roff += u"\nAccounts: "_s + roles.join(u", "_s) + u'.';
        if (command.manDetails)
            roff += u'\n' + QString::fromUtf8(command.manDetails);
        roff += u'\n';
    }
    return roff;
}

QString SidepCtl::manOptions()
{
    QString roff;
    for (const CommandOption& option : globalOptions()) {
        const QString spelled = roffEscape(u"--"_s + option.name);
        const QString heading =
            option.isFlag() ? QString(u".B "_s + spelled)
                            : QString(u".BI "_s + spelled + u" \" "_s + option.valueName + u'"');
        roff += u".TP\n"_s + heading + u'\n' + roffEscape(sentence(QString::fromUtf8(option.help)));
        if (option.manDetails)
            roff += u'\n' + QString::fromUtf8(option.manDetails);
        roff += u'\n';
    }
    return roff;
}

QString SidepCtl::action() const
{
    return m_command ? m_command->words.value(1) : QString();
}

int SidepCtl::run(const QStringList& arguments)
{
    // The global options are taken wherever they are; the rest is the command's.
    QString missingValue;
    bool help = false;
    bool version = false;
    QStringList words;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& word = arguments.at(i);
        // --db FILE or --db=FILE; a missing value must not fall back to the default store.
        const qsizetype equals = word.indexOf(u'=');
        const QString name =
            word.startsWith(u"--"_s) ? word.mid(2, equals < 0 ? -1 : equals - 2) : QString();
        const auto global =
            std::find_if(globalOptions().cbegin(), globalOptions().cend(),
                         [&](const CommandOption& option) { return option.name == name; });
        if (name.isEmpty() || global == globalOptions().cend() ||
            (global->isFlag() && equals >= 0)) {
            words.append(word);
        } else if (!global->isFlag()) {
            const QString value = equals < 0 ? arguments.value(++i) : word.mid(equals + 1);
            if (value.isEmpty())
                missingValue = name;
            (name == u"db"_s ? m_dbPath : m_userName) = value;
        } else if (name == u"password-stdin"_s) {
            m_passwordFromStdin = true;
        } else if (name == u"recovery-key-stdin"_s) {
            m_recoveryKeyFromStdin = true;
        } else if (name == u"help"_s) {
            help = true;
        } else {
            version = true;
        }
    }
    if (!missingValue.isEmpty())
        return usage(tr("option --%1 needs a value").arg(missingValue));
    if (m_dbPath.isEmpty())
        m_dbPath = Store::defaultPath();
    if (version) {
        if (!words.isEmpty() || help)
            return usage(tr("--version takes no command"));
        m_out << u"sidepctl "_s << QStringLiteral(SIDEP_VERSION_TEXT) << Qt::endl;
        return Success;
    }
    if (!words.isEmpty() && words.first() == u"help"_s) {
        words.removeFirst();
        help = true;
    }

    // The command whose words start the line, the longest if several do (sync status).
    const Command* command = nullptr;
    for (const Command& each : commands()) {
        if (words.mid(0, each.words.size()) == each.words &&
            (!command || each.words.size() > command->words.size()))
            command = &each;
    }
    if (help || words.isEmpty()) {
        m_out << (command ? commandHelp(*command) : helpText());
        m_out.flush();
        return words.isEmpty() && !help ? Usage : Success;
    }
    if (!command) {
        QStringList known;
        for (const Command& each : commands()) {
            if (each.words.first() == words.first())
                known.append(each.words.mid(1).join(u' '));
        }
        return known.isEmpty()
                   ? usage(tr("unknown command '%1'").arg(words.first()))
                   : usage(tr("%1 needs one of: %2").arg(words.first(), known.join(u", "_s)));
    }

    m_command = command;
    const int code = [&] {
        const CommandArguments args(words.mid(command->words.size()), *command);
        if (!args.isValid())
            return usage(args.error());
        for (const CommandOption& option : command->options) {
            if (option.required && !args.has(option.name))
                return usage(tr("%1 needs %2").arg(command->name(), option.spelling()));
        }
        if (command->check) {
            if (const int checked = (this->*command->check)(args); checked != Success)
                return checked;
        }
        if (const int prepared = prepare(*command); prepared != Success)
            return prepared;
        return (this->*command->handler)(args);
    }();
    m_out.flush();
    m_err.flush();
    return code;
}

int SidepCtl::prepare(const Command& command)
{
    switch (command.access) {
    case Access::None:
        return Success;
    case Access::Open:
        return openOnly();
    case Access::SignIn:
        break;
    }
    if (const int code = openAndSignIn(); code != Success)
        return code;
    return command.rights.isEmpty() ? Success : requireAny(command.rights);
}
