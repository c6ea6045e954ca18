#include "SidepCtl.h"

#include "Identifiers.h"
#include "RecordStore.h"
#include "SidepVersion.h"
#include "StoreIdentity.h"
#include "StoreMerge.h"
#include "StoreMigration.h"
#include "Terminal.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

SidepCtl::SidepCtl(QIODevice* input, QIODevice* output, QIODevice* errorOutput)
    : m_input(input)
    , m_out(output)
    , m_err(errorOutput)
{}

int SidepCtl::fail(int code, const QString& message)
{
    m_err << tr("sidepctl: %1").arg(message) << Qt::endl;
    return code;
}

int SidepCtl::requireAny(const QList<Permission>& permissions)
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
    const QString help = m_command ? tr("Try 'sidepctl %1 --help'.").arg(m_command->name())
                                   : tr("Try 'sidepctl --help'.");
    return fail(Usage, message + u"\n"_s + help);
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
    // Its records are at the site now: what would be saved here would never reach it.
    if (const Store::Moved moved = m_store.movedTo(); !moved.siteUrl.isEmpty()) {
        return fail(StoreError, tr("this station's store was moved into the site database on "
                                   "%1: its records are there; use --db %2")
                                    .arg(moved.at.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s),
                                         moved.siteUrl));
    }
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
    if (!args.positional().isEmpty())
        return usage(tr("init takes no argument"));
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

int SidepCtl::checkUser(const CommandArguments& args)
{
    const QString name = args.positional(0);
    if (action() != u"list"_s && name.isEmpty())
        return usage(tr("user %1 needs a user name").arg(action()));
    if (action() == u"add"_s) {
        if (!Store::isValidUserName(name))
            return fail(Invalid, tr("user name: use 1 to 64 lower-case letters, digits, '.', "
                                    "'_' or '-'"));
        if (!roleFromName(args.value(u"role"_s)))
            return usage(tr("user add needs --role nurse, lab or admin"));
    }
    return Success;
}

int SidepCtl::user(const CommandArguments& args)
{
    const QString name = args.positional(0);
    QString error;
    if (action() == u"list"_s) {
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
    const QList<Account> accounts = m_store.users();
    const bool known = std::any_of(accounts.cbegin(), accounts.cend(),
                                   [&](const Account& account) { return account.name == name; });
    if (action() != u"add"_s && !known)
        return fail(NotFound, tr("no user named %1").arg(name));
    if (action() == u"disable"_s) {
        if (!m_store.disableUser(name, &error))
            return fail(AccessDenied, error);
        m_out << tr("User %1 disabled.").arg(name) << Qt::endl;
        return Success;
    }
    const std::optional<Role> role =
        action() == u"add"_s ? roleFromName(args.value(u"role"_s)) : std::nullopt;
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
    if (!args.positional().isEmpty())
        return usage(tr("recovery rotate takes no argument"));
    QString recoveryKey;
    QString error;
    if (!m_store.rotateRecoveryKey(&recoveryKey, &error))
        return fail(AccessDenied, error);
    m_out << tr("New recovery key (the previous one no longer works):") << Qt::endl
          << recoveryKey << Qt::endl;
    return Success;
}

int SidepCtl::checkIdentifier(const CommandArguments& args)
{
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

int SidepCtl::checkDb(const CommandArguments& args)
{
    if (action() == u"backup"_s && args.positional().size() != 1)
        return usage(tr("db backup needs the file to write"));
    if (action() == u"restored"_s && !args.positional().isEmpty())
        return usage(tr("db restored takes nothing more"));
    if (action() == u"verify"_s && !args.positional().isEmpty())
        return usage(tr("db verify takes no argument"));
    return Success;
}

int SidepCtl::checkMigrate(const CommandArguments& args)
{
    if (!args.positional().isEmpty())
        return usage(tr("migrate takes no argument besides --to"));
    if (!Store::isSiteDatabase(args.value(u"to"_s)))
        return usage(tr("migrate needs --to postgresql://user@host/name (the site database)"));
    return Success;
}

int SidepCtl::migrate(const CommandArguments& args)
{
    const QString site = args.value(u"to"_s);
    QString error;
    bool empty = false;
    {
        Store siteStore;
        if (!siteStore.openSiteDatabase(site, &empty, &error))
            return fail(StoreError, error);
        if (!empty)
            return mergeInto(siteStore, args);
    }
    QList<StoreMigration::TableCount> moved;
    if (!StoreMigration::moveToSite(m_store, site, &moved, &error))
        return fail(StoreError, error);
    markMoved(site);
    int records = 0;
    int entries = 0;
    for (const StoreMigration::TableCount& table : std::as_const(moved)) {
        if (table.table == u"records"_s)
            records = table.rows;
        else if (table.table == u"audit"_s)
            entries = table.rows;
    }
    m_out << tr("Moved into the site database and checked row by row: %1 record(s), %2 audit "
                "entries. The stations now open it with --db %3 (or join it from the "
                "first-start wizard); the file %4 now only points there: keep it until the site "
                "database is checked (db verify, audit verify), then remove it.")
                 .arg(records)
                 .arg(entries)
                 .arg(site, m_dbPath)
          << Qt::endl;
    return Success;
}

void SidepCtl::markMoved(const QString& siteUrl)
{
    // The records are safe at the site whatever happens here; only the warning differs.
    QString error;
    if (!StoreMigration::markMoved(m_store, siteUrl, &error)) {
        m_err << tr("warning: the file could not be marked as moved (%1): make sure no one "
                    "saves into it any more")
                     .arg(error)
              << Qt::endl;
    }
}

int SidepCtl::mergeInto(Store& site, const CommandArguments& args)
{
    // Said before a password is asked for.
    if (const QString refusal =
            StoreMigration::otherSiteRefusal(site.siteFiness(), m_store.siteFiness());
        !refusal.isEmpty()) {
        return fail(StoreError, refusal);
    }
    const QString siteUser = args.has(u"site-user"_s) ? args.value(u"site-user"_s) : m_userName;
    SecureBytes password;
    QString error;
    if (!readPassword(tr("Password for %1 at the site database: ").arg(siteUser), &password))
        return fail(AccessDenied, tr("no password for the site database on standard input"));
    if (!site.signIn(siteUser, password, &error))
        return fail(AccessDenied, tr("site database: %1").arg(error));
    StoreMerge::Report report;
    if (!StoreMerge::merge(m_store, site, &report, &error))
        return fail(StoreError, error);
    markMoved(args.value(u"to"_s));
    m_out
        << tr("Merged into the site database and checked: %1 record(s), %2 version(s) for the "
              "national server, %3 audit entries carried after the site's as one verified "
              "segment. The station now opens the site database with --db %4 (or joins it "
              "from the first-start wizard); the file %5 now only points there: keep it until the "
              "site database is checked (db verify, audit verify), then remove it.")
               .arg(report.records)
               .arg(report.outboxVersions)
               .arg(report.auditEntries)
               .arg(args.value(u"to"_s), m_dbPath)
        << Qt::endl;
    if (report.codesUsedAtBoth > 0) {
        m_out << tr("%n activation code(s) had been given at both stations (the same delivery "
                    "imported twice): the site's use is kept.",
                    nullptr, report.codesUsedAtBoth)
              << Qt::endl;
    }
    if (report.underSharedKey > 0) {
        m_out << tr("%n record(s) of this station were written before records had keys of "
                    "their own: they share one key at the site, and are erased for good "
                    "together, when the last of them is purged.",
                    nullptr, report.underSharedKey)
              << Qt::endl;
    }
    if (!report.accountsToCreate.isEmpty()) {
        m_out << tr("Accounts of this station that the site does not have (an account's key "
                    "opens with its password only): create them at the site with user add: %1")
                     .arg(report.accountsToCreate.join(u", "_s))
              << Qt::endl;
    }
    return Success;
}

int SidepCtl::db(const CommandArguments& args)
{
    QString error;
    if (action() == u"backup"_s) {
        const QString path = args.positional(0);
        if (!m_store.backup(path, &error))
            return fail(StoreError, error);
        m_out << tr("Backup written to %1. It opens with today's passwords and recovery key.")
                     .arg(path)
              << Qt::endl;
        return Success;
    }
    if (action() == u"restored"_s) {
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
    if (action() == u"list"_s) {
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

int SidepCtl::stats(const CommandArguments&)
{
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
