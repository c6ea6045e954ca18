#pragma once

#include "Account.h"
#include "AuditLog.h"
#include "Database.h"
#include "RecordKeys.h"
#include "SecureBytes.h"
#include "Vault.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <memory>

class RecordStore;

// A site's store: the SQLite file, its accounts, and, once a user has signed in, the data
// key that opens its records. Every identifying value in the file is encrypted with that
// data key; each account holds its own copy of the key, wrapped with a key derived from
// its password (scrypt), and a recovery key printed once at creation holds another.
class Store
{
    Q_DECLARE_TR_FUNCTIONS(Store)

public:
    static constexpr int DefaultMaxFailedAttempts = 5;
    static constexpr int DefaultLockMinutes = 15;
    static constexpr int MaxFailedAttemptsLimit = 10;
    static constexpr int LockMinutesLimit = 24 * 60;

    Store();
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Where the store lives when none is given: $SIDEP_DB, else the site database this
    // station joined (rememberLocation), else defaultFilePath().
    static QString defaultPath();
    // A standalone station's store file, in the platform's application-data folder.
    static QString defaultFilePath();
    // Notes the site database this station joined, for defaultPath(): the GUI and sidepctl
    // of the station then open it. False when the station's settings cannot be written.
    static bool rememberLocation(const QString& location);
    // A postgresql:// URL (a site database shared by stations) rather than a file.
    static bool isSiteDatabase(const QString& location);

    // Creates a new store at `path` for the site, with its first administrator, and
    // returns the recovery key (to be shown once). Refuses an existing store.
    [[nodiscard]] bool initialize(const QString& path, const QString& siteFiness,
                                  const QString& adminName, const SecureBytes& adminPassword,
                                  QString* recoveryKey, QString* error);
    [[nodiscard]] bool open(const QString& path, QString* error);
    // Opens a site database that may hold no store yet (the site's first station): `empty`
    // tells, and initialize() then creates it. False, with why, when it cannot be reached.
    [[nodiscard]] bool openSiteDatabase(const QString& url, bool* empty, QString* error);
    // Whether the site database at `url` answers, from any thread (the store is not opened):
    // a window waits for this one on another thread, then opens the store.
    static bool siteDatabaseAnswers(const QString& url, QString* error);
    bool isOpen() const { return m_database.isOpen(); }
    // The store's file, for what lives beside it (the sync's lock file).
    QString filePath() const { return m_database.path(); }

    // Unlocks the data key with an account's password. Wrong passwords are counted; the
    // account locks for a while after too many. Every refused sign-in is kept (time,
    // account, reason) and written into the audit log by the next sign-in that succeeds.
    [[nodiscard]] bool signIn(const QString& name, const SecureBytes& password, QString* error);
    // Unlocks with the recovery key; the session acts as an administrator named "recovery".
    [[nodiscard]] bool signInWithRecoveryKey(const QString& recoveryKey, QString* error);
    void signOut();
    bool isSignedIn() const { return m_vault != nullptr; }
    const Account& currentUser() const { return m_user; }

    // Refused sign-ins kept at most (a brute-force attempt must not fill the disk); the
    // ones beyond are counted.
    static constexpr int MaxKeptRefusals = 1000;
    struct RefusedSignIns
    {
        int count = 0;
        QDateTime last; // UTC; invalid when count is 0
    };
    // Refused sign-ins on the signed-in account since its previous sign-in, so that its
    // owner notices attempts that were not theirs.
    RefusedSignIns refusedSignIns() const { return m_refusedSignIns; }

    // False with a message naming what is missing when the signed-in user lacks the right.
    [[nodiscard]] bool require(Permission permission, QString* error) const;

    [[nodiscard]] bool addUser(const QString& name, Role role, const SecureBytes& password,
                               QString* error);
    [[nodiscard]] bool disableUser(const QString& name, QString* error);
    // Gives an account another role. The site always keeps one active administrator.
    [[nodiscard]] bool setRole(const QString& name, Role role, QString* error);
    // An administrator sets anyone's password; a user changes their own. Also unlocks.
    [[nodiscard]] bool setPassword(const QString& name, const SecureBytes& password,
                                   QString* error);
    // Replaces the recovery key; the old one stops working.
    [[nodiscard]] bool rotateRecoveryKey(QString* recoveryKey, QString* error);
    QList<Account> users();
    // A consistent copy of the store into a new file, taken while it may be in use
    // (Database::backupTo); an administrator's act, audited. The copy opens with the
    // passwords and the recovery key in force when it was made.
    [[nodiscard]] bool backup(const QString& path, QString* error);

    QString siteFiness();
    // A station's file whose records were moved or merged into a site database
    // (StoreMigration::markMoved): where to, and when. Empty for a store in use.
    struct Moved
    {
        QString siteUrl;
        QDateTime at;
    };
    Moved movedTo();
    // Site settings (site.name, session.lockMinutes...): anyone reads, an admin writes.
    QString setting(const QString& key, const QString& defaultValue = {});
    [[nodiscard]] bool setSetting(const QString& key, const QString& value, QString* error);
    // Reserves `count` consecutive tube label numbers for printing, atomically across
    // processes: two stations printing at once never get the same number.
    [[nodiscard]] bool takeLabelNumbers(int count, qint64* first, QString* error);

    // The meta table's values by key, for the settings that have checks of their own
    // (SyncSettings): read as stored; written all together with the audit entry that says
    // so, or not at all. The caller checks the permission.
    QByteArray metaValue(const QString& key);
    [[nodiscard]] bool setMetaValues(const QList<std::pair<QString, QByteArray>>& values,
                                     const AuditLog::NewEntry& audit, QString* error);

    // Writes an audit entry as the signed-in user.
    [[nodiscard]] bool audit(const QString& action, const QString& recordId, const QString& detail,
                             QString* error, const QString& note = {});
    [[nodiscard]] bool audit(const QList<AuditLog::NewEntry>& entries, QString* error);

    const Vault* vault() const { return m_vault.get(); }
    AuditLog* auditLog() { return m_auditLog.get(); }
    RecordStore* records() { return m_records.get(); }
    // The keys of the records' own (crypto-shredding); null when signed out.
    RecordKeys* recordKeys() { return m_recordKeys.get(); }

    static bool isValidUserName(const QString& name);
    static bool isStrongEnough(const SecureBytes& password, const QString& userName,
                               QString* error);

private:
    // The SQL handle stays in model/: each table's queries belong to the one class of
    // model/ that owns the table (as Nextcloud's journal owns its tables), so only those
    // classes are friends. Other layers go through their methods; tests reach the file
    // through tests/support/StoreTestAccess.h to tamper with it.
    friend class ActivationCodes;
    friend class DraftStore;
    friend class Outbox;
    friend class RecordPurge;
    friend class RecordSeal;
    friend class RecordStore;
    friend class ResultStore;
    friend class SendingTurn;
    friend class StoreMerge;
    friend class StoreMigration;
    friend class SiteStatistics;
    friend class StoreIdentity;
    friend class StoreTestAccess;
    Database& database() { return m_database; }

    bool writeKeySlot(const QString& name, Role role, const SecureBytes& password, bool insert,
                      QString* error);
    void unlock(SecureBytes dataKey, const Account& user);
    // Keeps a refused sign-in; `account` empty when the name typed is no account's.
    void keepRefusal(const QString& account, const QString& reason);
    // Inside the sign-in's transaction: the kept refusals into the audit log.
    bool auditRefusals(QString* error);
    std::optional<Account> account(const QString& name);
    int settingValue(const QString& key, int defaultValue);

    Database m_database;
    Account m_user;
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<RecordKeys> m_recordKeys;
    std::unique_ptr<RecordStore> m_records;
    RefusedSignIns m_refusedSignIns;
};
