#include "SidepCtl.h"

#include "Identifiers.h"
#include "RecordStore.h"
#include "SidepVersion.h"
#include "StoreIdentity.h"
#include "Terminal.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

// Options every command accepts before or after its words.
const QSet<QString> GlobalValueOptions = {u"db"_s, u"user"_s};
const QSet<QString> GlobalFlags = {u"password-stdin"_s, u"recovery-key-stdin"_s, u"help"_s};

QSet<QString> with(QSet<QString> base, std::initializer_list<QString> extra)
{
    for (const QString& item : extra)
        base.insert(item);
    return base;
}

} // namespace

SidepCtl::SidepCtl(QIODevice* input, QIODevice* output, QIODevice* errorOutput)
    : m_input(input)
    , m_out(output)
    , m_err(errorOutput)
{}

QString SidepCtl::helpText() const
{
    return tr(
        "Usage: sidepctl [--db FILE] [--user NAME] [--password-stdin] COMMAND ...\n"
        "\n"
        "Commands:\n"
        "  init --site-finess FINESS --admin NAME   create a store; the administrator's\n"
        "                                           password is read from standard input;\n"
        "                                           prints the recovery key once\n"
        "  user add NAME --role nurse|lab|admin     the new password is the next input line\n"
        "  user list | user disable NAME | user passwd NAME\n"
        "  recovery rotate                          replace the recovery key\n"
        "  record add [FILE|-] [--accept-warnings] [--identity-override REASON]\n"
        "  record list [--status STATUS]\n"
        "  record show ID | record show --tube LABEL\n"
        "  record export ID --format json\n"
        "  record purge [--dry-run]                 erase the identifying data of records the\n"
        "                                           national server acknowledged more than\n"
        "                                           retention.days ago (any account; the GUI\n"
        "                                           and sync do it after each round)\n"
        "  check nir|rpps|adeli|finess|cog|loinc|phone|email VALUE\n"
        "  db verify | audit verify | audit list\n"
        "  db backup FILE                           a consistent copy of the store, made while\n"
        "                                           it is in use (admin); FILE must be new\n"
        "  db restored                              after a backup was put back in place\n"
        "                                           (admin): a new identity for the national\n"
        "                                           server, which refuses a store gone back\n"
        "                                           in time\n"
        "  stats\n"
        "  scan IMAGE                               read the codes in an image (tube\n"
        "                                           label, INS DataMatrix) as JSON\n"
        "  result set --tube LABEL --value P|N|I|X [--analysis LOINC]\n"
        "             [--validated-at ISO] [--report FILE.pdf] [--reason TEXT]\n"
        "                                           enter a result (lab); a positive needs\n"
        "                                           a second entry by another user; the\n"
        "                                           reason is the non-conformity of an X\n"
        "  result correct --tube LABEL --value ... --reason TEXT\n"
        "  result cancel --tube LABEL --reason TEXT\n"
        "  codes import FILE [--sha256 FILE]        add activation codes (all or none)\n"
        "                                           from a national delivery (.tgz) or a\n"
        "                                           CSV, checked against the .sha256 beside\n"
        "                                           it (required for a .tgz)\n"
        "  codes status [--soon-days N]             codes left, valid now, expiring soon\n"
        "  codes fetch [--count N]                  activation codes from the national server\n"
        "                                           (up to the refill target, or N)\n"
        "  qr --tube LABEL --png FILE               a validated positive's QR code\n"
        "  slip --tube LABEL --pdf FILE [--reason TEXT] [--language fr|en]\n"
        "                                           the result slip; a reprint needs a\n"
        "                                           reason\n"
        "  config set sync.url https://HOST:PORT    the national server (https only)\n"
        "  config set retention.days DAYS           days a record stays once the server has\n"
        "                                           it (1 to 90, default 7; admin)\n"
        "  config import-ca FILE.pem                the CA the server must chain to\n"
        "  config import-cert CERT.pem KEY.pem [--key-passphrase-stdin]\n"
        "  config import-cert FILE.p12              the site's certificate and key (the\n"
        "                                           passphrase or PKCS#12 password is the\n"
        "                                           next input line); the key is kept\n"
        "                                           encrypted in the store\n"
        "  config show                              the sync settings, without secrets\n"
        "  sync [--watch]                           send what waits to the national server\n"
        "  sync status                              waiting, acknowledged, rejected, errors\n"
        "\n"
        "Options:\n"
        "  --db FILE             the store (default: $SIDEP_DB, else the application-data "
        "folder)\n"
        "  --user NAME           the account to sign in with\n"
        "  --password-stdin      the first line of standard input is the password\n"
        "  --recovery-key-stdin  sign in with the recovery key, read from standard input\n"
        "  --version             the version and the commit it was built from\n"
        "\n"
        "Exit codes: 0 success, 1 invalid input, 2 usage error, 3 integrity problem found,\n"
        "4 access denied (password, lock, role), 5 not found, 6 store error,\n"
        "7 sync incomplete (records still waiting or rejected).\n");
}

int SidepCtl::run(const QStringList& arguments)
{
    // The command decides which options it takes; the global ones are read first.
    QString missingValue;
    const QStringList command = [&] {
        QStringList words;
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            const QString& word = arguments.at(i);
            // --db FILE or --db=FILE; a missing value must not fall back to the default store.
            const qsizetype equals = word.indexOf(u'=');
            const QString option =
                word.startsWith(u"--"_s) ? word.mid(2, equals < 0 ? -1 : equals - 2) : QString();
            if (GlobalValueOptions.contains(option)) {
                const QString value = equals < 0 ? arguments.value(++i) : word.mid(equals + 1);
                if (value.isEmpty())
                    missingValue = option;
                if (option == u"db"_s)
                    m_dbPath = value;
                else
                    m_userName = value;
            } else if (word == u"--password-stdin"_s) {
                m_passwordFromStdin = true;
            } else if (word == u"--recovery-key-stdin"_s) {
                m_recoveryKeyFromStdin = true;
            } else {
                words.append(word);
            }
        }
        return words;
    }();
    if (!missingValue.isEmpty())
        return usage(tr("option --%1 needs a value").arg(missingValue));
    if (m_dbPath.isEmpty())
        m_dbPath = Store::defaultPath();

    if (command == QStringList{u"--version"_s}) {
        m_out << u"sidepctl "_s << QStringLiteral(SIDEP_VERSION_TEXT) << Qt::endl;
        return Success;
    }
    if (command.isEmpty() || command.contains(u"--help"_s) || command.first() == u"help"_s) {
        m_out << helpText();
        m_out.flush();
        return command.isEmpty() ? Usage : Success;
    }
    const QString name = command.first();
    const QStringList rest = command.mid(1);
    auto parse = [&](std::initializer_list<QString> values, std::initializer_list<QString> flags) {
        return CommandArguments(rest, with(GlobalValueOptions, values), with(GlobalFlags, flags));
    };

    int code = Usage;
    if (name == u"init"_s)
        code = init(parse({u"site-finess"_s, u"admin"_s}, {}));
    else if (name == u"user"_s)
        code = user(parse({u"role"_s}, {}));
    else if (name == u"recovery"_s)
        code = recovery(parse({}, {}));
    else if (name == u"record"_s)
        code = record(parse({u"status"_s, u"tube"_s, u"format"_s, u"identity-override"_s},
                            {u"accept-warnings"_s, u"dry-run"_s}));
    else if (name == u"check"_s)
        code = check(parse({}, {}));
    else if (name == u"db"_s)
        code = db(parse({}, {}));
    else if (name == u"audit"_s)
        code = audit(parse({u"from"_s}, {}));
    else if (name == u"stats"_s)
        code = stats(parse({}, {}));
    else if (name == u"scan"_s)
        code = scan(parse({}, {}));
    else if (name == u"result"_s)
        code = result(parse({u"tube"_s, u"value"_s, u"analysis"_s, u"validated-at"_s, u"report"_s,
                             u"reason"_s, u"non-conformity"_s},
                            {}));
    else if (name == u"codes"_s)
        code = codes(parse({u"sha256"_s, u"soon-days"_s, u"count"_s}, {}));
    else if (name == u"qr"_s)
        code = qr(parse({u"tube"_s, u"png"_s}, {}));
    else if (name == u"slip"_s)
        code = slip(parse({u"tube"_s, u"pdf"_s, u"reason"_s, u"language"_s}, {}));
    else if (name == u"config"_s)
        code = config(parse({}, {u"key-passphrase-stdin"_s}));
    else if (name == u"sync"_s)
        code = sync(parse({}, {u"watch"_s}));
    else
        code = usage(tr("unknown command '%1'").arg(name));
    m_out.flush();
    m_err.flush();
    return code;
}

int SidepCtl::fail(int code, const QString& message)
{
    m_err << tr("sidepctl: %1").arg(message) << Qt::endl;
    return code;
}

int SidepCtl::requireAny(std::initializer_list<Permission> permissions)
{
    QString error;
    for (Permission permission : permissions) {
        if (m_store.require(permission, &error))
            return Success;
    }
    return fail(AccessDenied, error);
}

int SidepCtl::usage(const QString& message)
{
    return fail(Usage, message + u"\n"_s + tr("Try 'sidepctl --help'."));
}

void SidepCtl::printProblems(const QList<Problem>& problems, const QString& prefix)
{
    for (const Problem& problem : problems) {
        const QString kind =
            problem.severity == Problem::Severity::Error ? tr("error") : tr("warning");
        m_err << prefix << kind << u": "_s << problem.toString() << u" ["_s << problem.rule
              << u"]"_s << Qt::endl;
    }
}

bool SidepCtl::readPassword(const QString& prompt, SecureBytes* password)
{
    if (m_passwordFromStdin || !Terminal::stdinIsTerminal())
        return Terminal::readSecretLine(m_input, password);
    m_err << prompt << Qt::flush;
    const bool read = Terminal::readSecretLineNoEcho(m_input, password);
    m_err << Qt::endl;
    return read;
}

// A new password is asked twice at a terminal; from a script it is one line.
bool SidepCtl::readNewPassword(const QString& prompt, SecureBytes* password)
{
    if (!readPassword(prompt, password))
        return false;
    if (m_passwordFromStdin || !Terminal::stdinIsTerminal())
        return true;
    SecureBytes again;
    if (!readPassword(tr("Same password again: "), &again))
        return false;
    if (!(again == *password)) {
        m_err << tr("The two passwords differ.") << Qt::endl;
        return false;
    }
    return true;
}

int SidepCtl::openOnly()
{
    QString error;
    if (!m_store.open(m_dbPath, &error))
        return fail(StoreError, error);
    return Success;
}

int SidepCtl::openAndSignIn()
{
    if (const int code = openOnly(); code != Success)
        return code;
    QString error;
    if (m_recoveryKeyFromStdin) {
        SecureBytes key;
        if (!readPassword(tr("Recovery key: "), &key))
            return fail(AccessDenied, tr("no recovery key on standard input"));
        if (!m_store.signInWithRecoveryKey(QString::fromUtf8(key.view()), &error))
            return fail(AccessDenied, error);
        return Success;
    }
    if (m_userName.isEmpty())
        return usage(tr("this command needs --user NAME"));
    SecureBytes password;
    if (!readPassword(tr("Password for %1: ").arg(m_userName), &password))
        return fail(AccessDenied, tr("no password on standard input"));
    if (!m_store.signIn(m_userName, password, &error))
        return fail(AccessDenied, error);
    if (const Store::RefusedSignIns refused = m_store.refusedSignIns(); refused.count > 0) {
        m_err << tr("note: %n refused sign-in(s) on the account %1 since its last sign-in, the "
                    "last at %2 (see 'audit list')",
                    nullptr, refused.count)
                     .arg(m_userName, refused.last.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s))
              << Qt::endl;
    }
    return Success;
}

int SidepCtl::init(const CommandArguments& args)
{
    if (!args.isValid())
        return usage(args.error());
    if (!args.has(u"site-finess"_s) || !args.has(u"admin"_s))
        return usage(tr("init needs --site-finess FINESS and --admin NAME"));
    const IdentifierCheck finess = Identifiers::checkFiness(args.value(u"site-finess"_s));
    if (!finess.valid)
        return fail(Invalid, tr("site FINESS: %1").arg(finess.message));
    if (!Store::isValidUserName(args.value(u"admin"_s)))
        return fail(Invalid, tr("user name: use 1 to 64 lower-case letters, digits, '.', '_' "
                                "or '-'"));
    SecureBytes password;
    QString error;
    if (!readNewPassword(tr("New password for %1: ").arg(args.value(u"admin"_s)), &password))
        return fail(Invalid, tr("no password on standard input"));
    if (!Store::isStrongEnough(password, args.value(u"admin"_s), &error))
        return fail(Invalid, error);
    QString recoveryKey;
    if (!m_store.initialize(m_dbPath, finess.canonical, args.value(u"admin"_s), password,
                            &recoveryKey, &error)) {
        return fail(StoreError, error);
    }
    m_out << tr("Store created: %1").arg(m_dbPath) << Qt::endl
          << tr("Recovery key (shown once; keep it somewhere safe, away from this computer):")
          << Qt::endl
          << recoveryKey << Qt::endl;
    return Success;
}

int SidepCtl::user(const CommandArguments& args)
{
    if (!args.isValid())
        return usage(args.error());
    const QString action = args.positional(0);
    const QString name = args.positional(1);
    if (action != u"add"_s && action != u"list"_s && action != u"disable"_s &&
        action != u"passwd"_s) {
        return usage(tr("user needs add, list, disable or passwd"));
    }
    if (action != u"list"_s && name.isEmpty())
        return usage(tr("user %1 needs a user name").arg(action));
    if (action == u"add"_s && !Store::isValidUserName(name))
        return fail(Invalid, tr("user name: use 1 to 64 lower-case letters, digits, '.', '_' "
                                "or '-'"));
    if (const int code = openAndSignIn(); code != Success)
        return code;
    QString error;
    const QList<Account> accounts = m_store.users();
    const bool known = std::any_of(accounts.cbegin(), accounts.cend(),
                                   [&](const Account& account) { return account.name == name; });
    if ((action == u"disable"_s || action == u"passwd"_s) && !known)
        return fail(NotFound, tr("no user named %1").arg(name));
    if (action == u"list"_s) {
        if (!m_store.require(Permission::ManageAccounts, &error))
            return fail(AccessDenied, error);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const Account& account : m_store.users()) {
            const QString state = account.disabled ? tr("disabled")
                                  : (account.lockedUntil.isValid() && account.lockedUntil > now)
                                      ? tr("locked")
                                      : tr("active");
            m_out << account.name << u'\t' << roleName(account.role) << u'\t' << state << Qt::endl;
        }
        return Success;
    }
    if (action == u"disable"_s) {
        if (!m_store.disableUser(name, &error))
            return fail(AccessDenied, error);
        m_out << tr("User %1 disabled.").arg(name) << Qt::endl;
        return Success;
    }
    std::optional<Role> role;
    if (action == u"add"_s) {
        role = roleFromName(args.value(u"role"_s));
        if (!role)
            return usage(tr("user add needs --role nurse, lab or admin"));
        if (!m_store.require(Permission::ManageAccounts, &error))
            return fail(AccessDenied, error);
    }
    SecureBytes password;
    if (!readNewPassword(tr("New password for %1: ").arg(name), &password))
        return fail(Invalid, tr("no password for %1 on standard input").arg(name));
    if (!Store::isStrongEnough(password, name, &error))
        return fail(Invalid, error);
    const bool done = role ? m_store.addUser(name, *role, password, &error)
                           : m_store.setPassword(name, password, &error);
    if (!done)
        return fail(AccessDenied, error);
    m_out << (role ? tr("User %1 created.") : tr("Password of %1 changed.")).arg(name) << Qt::endl;
    return Success;
}

int SidepCtl::recovery(const CommandArguments& args)
{
    if (!args.isValid())
        return usage(args.error());
    if (args.positional(0) != u"rotate"_s)
        return usage(tr("recovery needs rotate"));
    if (const int code = openAndSignIn(); code != Success)
        return code;
    QString recoveryKey;
    QString error;
    if (!m_store.rotateRecoveryKey(&recoveryKey, &error))
        return fail(AccessDenied, error);
    m_out << tr("New recovery key (the previous one no longer works):") << Qt::endl
          << recoveryKey << Qt::endl;
    return Success;
}

int SidepCtl::check(const CommandArguments& args)
{
    if (!args.isValid())
        return usage(args.error());
    const QString kind = args.positional(0);
    const QString value = args.positional(1);
    using Check = IdentifierCheck (*)(const QString&);
    static const QHash<QString, Check> checks = {
        {u"nir"_s, &Identifiers::checkNir},
        {u"rpps"_s, &Identifiers::checkRpps},
        {u"adeli"_s, &Identifiers::checkAdeli},
        {u"finess"_s, &Identifiers::checkFiness},
        {u"cog"_s, &Identifiers::checkCog},
        {u"loinc"_s, &Identifiers::checkLoinc},
        {u"phone"_s, [](const QString& input) { return Identifiers::checkPhone(input); }},
        {u"email"_s, &Identifiers::checkEmail},
    };
    if (!checks.contains(kind) || args.positional().size() != 2)
        return usage(
            tr("check needs one of %1 and a value").arg(QStringList(checks.keys()).join(u'|')));
    const IdentifierCheck result = checks.value(kind)(value);
    if (!result.valid) {
        m_out << tr("invalid: %1").arg(result.message) << u" ["_s << result.rule << u"]"_s
              << Qt::endl;
        return Invalid;
    }
    m_out << (kind == u"nir"_s ? Identifiers::formatNir(result.canonical) : result.canonical)
          << Qt::endl;
    return Success;
}

int SidepCtl::db(const CommandArguments& args)
{
    if (!args.isValid())
        return usage(args.error());
    const QString action = args.positional(0);
    if (action == u"backup"_s) {
        if (args.positional().size() != 2)
            return usage(tr("db backup needs the file to write"));
        if (const int code = openAndSignIn(); code != Success)
            return code;
        QString error;
        if (!m_store.require(Permission::ManageSettings, &error))
            return fail(AccessDenied, error);
        const QString path = args.positional(1);
        if (!m_store.backup(path, &error))
            return fail(StoreError, error);
        m_out << tr("Backup written to %1. It opens with today's passwords and recovery key.")
                     .arg(path)
              << Qt::endl;
        return Success;
    }
    if (action == u"restored"_s) {
        if (args.positional().size() != 1)
            return usage(tr("db restored takes nothing more"));
        if (const int code = openAndSignIn(); code != Success)
            return code;
        QString error;
        if (!m_store.require(Permission::ManageSettings, &error))
            return fail(AccessDenied, error);
        // The check first: a store damaged or cut is not given a clean new start.
        if (!m_store.records()->verify().isIntact() || !m_store.auditLog()->verify().isEmpty() ||
            !StoreIdentity::problem(m_store).isEmpty())
            return fail(IntegrityProblem, tr("the store does not check out: run sidepctl db "
                                             "verify and audit verify, and restore another "
                                             "backup"));
        if (!StoreIdentity::renew(m_store, u"a backup was restored"_s, &error))
            return fail(StoreError, error);
        m_out << tr("The store has a new identity for the national server; its records that "
                    "the server acknowledged after the backup was made go again, and the "
                    "server recognises them.")
              << Qt::endl;
        return Success;
    }
    if (action != u"verify"_s || args.positional().size() != 1)
        return usage(tr("db needs verify, backup FILE or restored"));
    if (const int code = openAndSignIn(); code != Success)
        return code;
    const RecordStore::VerifyReport report = m_store.records()->verify();
    for (const QString& problem : report.fileProblems)
        m_out << tr("file: %1").arg(problem) << Qt::endl;
    for (const auto& [id, block] : report.damaged) {
        m_out << tr("damaged: record %1 (%2 does not decrypt; kept aside)")
                     .arg(id.toString(QUuid::WithoutBraces), block)
              << Qt::endl;
    }
    for (const auto& [id, version] : report.damagedSendStates) {
        m_out << tr("damaged: record %1 version %2 (its send state was edited; not acted on)")
                     .arg(id.toString(QUuid::WithoutBraces))
                     .arg(version)
              << Qt::endl;
    }
    for (const QUuid& id : report.missing) {
        m_out << tr("missing: record %1 (created in the audit log, its row was deleted)")
                     .arg(id.toString(QUuid::WithoutBraces))
              << Qt::endl;
    }
    if (!report.missing.isEmpty())
        m_out << tr("records missing: %1").arg(report.missing.size()) << Qt::endl;
    const QString identityProblem = StoreIdentity::problem(m_store);
    if (!identityProblem.isEmpty())
        m_out << tr("damaged: %1").arg(identityProblem) << Qt::endl;
    const int damaged = int(report.damaged.size() + report.damagedSendStates.size()) +
                        (identityProblem.isEmpty() ? 0 : 1);
    const bool intact = report.isIntact() && identityProblem.isEmpty();
    m_out << tr("%n record(s) checked", nullptr, report.recordsChecked) << u", "_s
          << (intact        ? tr("store intact")
              : damaged > 0 ? tr("%n damaged", nullptr, damaged)
                            : tr("%n missing", nullptr, int(report.missing.size())))
          << Qt::endl;
    return intact ? Success : IntegrityProblem;
}

int SidepCtl::audit(const CommandArguments& args)
{
    if (!args.isValid())
        return usage(args.error());
    const QString action = args.positional(0);
    if (action != u"verify"_s && action != u"list"_s)
        return usage(tr("audit needs verify or list"));
    if (const int code = openAndSignIn(); code != Success)
        return code;
    if (action == u"list"_s) {
        QString error;
        if (!m_store.require(Permission::ManageAccounts, &error))
            return fail(AccessDenied, error);
        for (const AuditLog::Entry& entry :
             m_store.auditLog()->entries(args.value(u"from"_s).toLongLong() + 0, 100000)) {
            m_out << entry.seq << u'\t' << entry.at << u'\t' << entry.actor << u'\t' << entry.action
                  << u'\t' << entry.recordId << u'\t' << entry.detail << Qt::endl;
        }
        return Success;
    }
    const QStringList problems = m_store.auditLog()->verify();
    for (const QString& problem : problems)
        m_out << problem << Qt::endl;
    if (!problems.isEmpty())
        return IntegrityProblem;
    m_out << tr("audit log intact") << Qt::endl;
    return Success;
}

int SidepCtl::stats(const CommandArguments& args)
{
    if (!args.isValid())
        return usage(args.error());
    if (const int code = openOnly(); code != Success)
        return code;
    QString error;
    const RecordStore::Statistics statistics = RecordStore::statistics(m_store, &error);
    if (!error.isEmpty())
        return fail(StoreError, error);
    m_out << tr("By status:") << Qt::endl;
    for (auto it = statistics.byStatus.cbegin(); it != statistics.byStatus.cend(); ++it)
        m_out << u"  "_s << it.key() << u'\t' << it.value() << Qt::endl;
    m_out << tr("By sampling day:") << Qt::endl;
    for (auto it = statistics.byDay.cbegin(); it != statistics.byDay.cend(); ++it)
        m_out << u"  "_s << it.key() << u'\t' << it.value() << Qt::endl;
    if (statistics.damaged > 0)
        m_out << tr("Damaged records kept aside: %1").arg(statistics.damaged) << Qt::endl;
    return Success;
}
