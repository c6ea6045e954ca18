#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

// What a user account may do. The role decides; rights are checked by the store, not only
// hidden in the GUI, so the command line obeys the same rules.
enum class Role
{
    Nurse, // sampling: creates records
    Lab,   // results
    Admin, // local administrator: accounts, rights, site settings
};

enum class Permission
{
    CreateRecord,
    ViewIdentity, // decrypt and show a record's identifying data
    ExportRecord,
    EnterResult,
    ManageAccounts,
    ManageSettings,
    VerifyStore,
};

QString roleName(Role role); // "nurse", "lab", "admin"
std::optional<Role> roleFromName(const QString& name);
bool roleAllows(Role role, Permission permission);

struct Account
{
    QString name;
    Role role = Role::Nurse;
    bool disabled = false;
    int failedAttempts = 0;
    QDateTime lockedUntil; // invalid when not locked
    QDateTime createdAt;
};
